// Glossary: the domain terms used across Frontdoor, defined once. No code; read this
// before reading the engine or scoring. Sources: shared/reference/domain.md.
#pragma once

// contact      Any approach to children's social care (CSC) about a child. Screened at the
//              "front door"; a decision on what happens is due within one working day.
// referral     A request for CSC services for a child not already open to CSC.
// re-referral  A referral within 12 months of a previous referral.
// NFA          No further action (response level R0).
// advice       Information, advice or signposting to universal services (R1).
// early help   Non-statutory, consent-based family support with a lead practitioner (R2).
// s17          Section 17 Children Act 1989: assessment of a child in need, possibly
//              leading to a child-in-need plan (R3).
// s47          Section 47 Children Act 1989: a strategy discussion, then an enquiry where
//              there is reasonable cause to suspect significant harm (R4).
// immediate    Immediate protective action (police protection s46, emergency protection
//              order s44) with a strategy discussion (R5).
// need level   Threshold-document level 1 universal, 2 additional, 3 complex, 4 acute.
// LADO         Local authority designated officer: allegations against people who work
//              with children.
// MARAC        Multi-agency risk assessment conference for high-risk domestic abuse.
// CP-IS        Child Protection Information Sharing: flags for children on plans or
//              looked after, visible to unscheduled NHS care.
// panel        The expert review panel whose blind individual decisions, consensus and
//              acceptable band a practitioner's decision is compared with.
// T0           The moment the contact arrives; day numbers in scenarios count from it.
