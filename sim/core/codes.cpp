// Token tables for the domain enums and the CIN census code tables (domain.md §5).
#include "sim/core/codes.hpp"

#include <array>

namespace sim::core {

// Each table is a static array of {value, token, label}; a span over it is returned.
#define SIM_TOKEN_TABLE(E, ...)                                                                    \
  template <> std::span<const TokenEntry<E>> tokenTable<E>() {                                     \
    static constexpr TokenEntry<E> kTable[] = {__VA_ARGS__};                                       \
    return kTable;                                                                                 \
  }

using R = ResponseLevel;
SIM_TOKEN_TABLE(ResponseLevel, {R::Nfa, "nfa", "No further action"},
                {R::Advice, "advice", "Information, advice or signposting"},
                {R::EarlyHelp, "early_help", "Early help"},
                {R::S17, "s17", "Child-in-need assessment (s17)"},
                {R::S47, "s47", "Strategy discussion and s47 enquiry"},
                {R::Immediate, "immediate", "Immediate protective action"})

SIM_TOKEN_TABLE(NeedLevel, {NeedLevel::Universal, "1", "Level 1: universal"},
                {NeedLevel::Additional, "2", "Level 2: additional needs"},
                {NeedLevel::Complex, "3", "Level 3: complex needs"},
                {NeedLevel::Acute, "4", "Level 4: acute / statutory"})

SIM_TOKEN_TABLE(Urgency, {Urgency::SameDay, "same_day", "Same day"},
                {Urgency::OneWorkingDay, "one_working_day", "Within one working day"},
                {Urgency::Routine, "routine", "Routine"})

SIM_TOKEN_TABLE(Channel, {Channel::Phone, "phone", "Telephone call"},
                {Channel::Email, "email", "Email"},
                {Channel::OnlineForm, "online_form", "Online referral form"},
                {Channel::Marf, "marf", "Multi-agency referral form"},
                {Channel::PoliceNotification, "police_notification", "Police notification"},
                {Channel::WalkIn, "walk_in", "Walk-in"}, {Channel::Letter, "letter", "Letter"})

using A = Agency;
SIM_TOKEN_TABLE(Agency, {A::Police, "police", "Police"}, {A::Gp, "gp", "GP practice"},
                {A::HealthVisitor, "health_visitor", "Health visiting"},
                {A::Midwife, "midwife", "Midwifery"},
                {A::SchoolNurse, "school_nurse", "School nurse"},
                {A::School, "school", "School (designated safeguarding lead)"},
                {A::EarlyYears, "early_years", "Nursery or early-years setting"},
                {A::EmergencyDepartment, "emergency_department", "Emergency department"},
                {A::Camhs, "camhs", "Child and adolescent mental health services"},
                {A::AdultMentalHealth, "adult_mental_health", "Adult mental health services"},
                {A::SubstanceService, "substance_service", "Drug and alcohol service"},
                {A::Probation, "probation", "Probation service"},
                {A::Housing, "housing", "Housing"},
                {A::YouthJustice, "youth_justice", "Youth justice service"},
                {A::OtherCouncil, "other_council", "Another council's children's services"},
                {A::CpIs, "cp_is", "Child Protection Information Sharing (CP-IS)"},
                {A::Marac, "marac", "MARAC coordinator"},
                {A::Lado, "lado", "Local authority designated officer (LADO)"},
                {A::EarlyHelp, "early_help", "Early help service"},
                {A::AdultSocialCare, "adult_social_care", "Adult social care"},
                {A::Voluntary, "voluntary", "Voluntary-sector service"})

SIM_TOKEN_TABLE(Domain,
                {Domain::ChildDevelopment, "child_development", "Child's developmental needs"},
                {Domain::ParentingCapacity, "parenting_capacity", "Parenting capacity"},
                {Domain::FamilyEnvironment, "family_environment",
                 "Family and environmental factors"})

using D = Dimension;
SIM_TOKEN_TABLE(
    Dimension, {D::Health, "health", "Health"}, {D::Education, "education", "Education"},
    {D::EmotionalBehavioural, "emotional_behavioural", "Emotional and behavioural development"},
    {D::Identity, "identity", "Identity"},
    {D::FamilySocialRelationships, "family_social_relationships",
     "Family and social relationships"},
    {D::SocialPresentation, "social_presentation", "Social presentation"},
    {D::SelfCare, "self_care", "Self-care skills"}, {D::BasicCare, "basic_care", "Basic care"},
    {D::EnsuringSafety, "ensuring_safety", "Ensuring safety"},
    {D::EmotionalWarmth, "emotional_warmth", "Emotional warmth"},
    {D::Stimulation, "stimulation", "Stimulation"},
    {D::GuidanceBoundaries, "guidance_boundaries", "Guidance and boundaries"},
    {D::Stability, "stability", "Stability"},
    {D::FamilyHistory, "family_history", "Family history and functioning"},
    {D::WiderFamily, "wider_family", "Wider family"}, {D::Housing, "housing", "Housing"},
    {D::Employment, "employment", "Employment"}, {D::Income, "income", "Income"},
    {D::SocialIntegration, "social_integration", "Family's social integration"},
    {D::CommunityResources, "community_resources", "Community resources"})

SIM_TOKEN_TABLE(FactTag, {FactTag::Risk, "risk", "Risk"},
                {FactTag::Protective, "protective", "Protective"},
                {FactTag::Neutral, "neutral", "Neutral"},
                {FactTag::Misleading, "misleading", "Misleading (looks significant, is not)"})

SIM_TOKEN_TABLE(Sex, {Sex::Female, "female", "Female"}, {Sex::Male, "male", "Male"},
                {Sex::Unknown, "unknown", "Not known"})

using AR = AdultRole;
SIM_TOKEN_TABLE(AdultRole, {AR::Mother, "mother", "Mother"}, {AR::Father, "father", "Father"},
                {AR::StepParent, "step_parent", "Step-parent"},
                {AR::Partner, "partner", "Parent's partner"},
                {AR::Grandparent, "grandparent", "Grandparent"},
                {AR::Relative, "relative", "Relative"},
                {AR::FamilyFriend, "family_friend", "Family friend"},
                {AR::Lodger, "lodger", "Lodger"},
                {AR::PrivateFosterCarer, "private_foster_carer", "Private foster carer"},
                {AR::Professional, "professional", "Professional"}, {AR::Other, "other", "Other"},
                {AR::Unknown, "unknown", "Not known"})

using RK = RecordKind;
SIM_TOKEN_TABLE(RecordKind, {RK::Contact, "contact", "Contact"},
                {RK::Referral, "referral", "Referral"}, {RK::Nfa, "nfa", "No further action"},
                {RK::Advice, "advice", "Advice given"},
                {RK::EarlyHelp, "early_help", "Early help episode"},
                {RK::Assessment, "assessment", "Assessment"},
                {RK::CinPlan, "cin_plan", "Child-in-need plan"},
                {RK::S47, "s47", "Section 47 enquiry"},
                {RK::CpPlan, "cp_plan", "Child protection plan"},
                {RK::LookedAfter, "looked_after", "Looked after"},
                {RK::Closure, "closure", "Case closed"}, {RK::Note, "note", "Case note"})

SIM_TOKEN_TABLE(Completeness, {Completeness::Full, "full", "Full reply"},
                {Completeness::Partial, "partial", "Partial reply"},
                {Completeness::None, "none", "No reply"})

SIM_TOKEN_TABLE(ConsentRule, {ConsentRule::NotNeeded, "not_needed", "Shares without consent"},
                {ConsentRule::Needed, "needed", "Reply depends on consent"})

SIM_TOKEN_TABLE(ConsentReply, {ConsentReply::Agrees, "agrees", "Agrees"},
                {ConsentReply::Refuses, "refuses", "Refuses"},
                {ConsentReply::NoAnswer, "no_answer", "Cannot be reached"},
                {ConsentReply::CannotConsent, "cannot_consent", "Cannot give consent for this"})

SIM_TOKEN_TABLE(DirectKind, {DirectKind::SpeakToParent, "speak_to_parent", "Speak to a parent"},
                {DirectKind::SpeakToChild, "speak_to_child", "Speak to the child"},
                {DirectKind::SeeChild, "see_child", "See the child"},
                {DirectKind::SpeakToAdult, "speak_to_adult", "Speak to another adult"})

using IK = InappropriateKind;
SIM_TOKEN_TABLE(InappropriateKind,
                {IK::SeekConsent, "seek_consent", "Seeking parental consent for a check"},
                {IK::Check, "check", "Requesting a check"},
                {IK::CheckWithoutConsent, "check_without_consent",
                 "Requesting a check without consent"},
                {IK::Direct, "direct", "Direct contact"},
                {IK::Question, "question", "Question to the referrer"})

using AJ = Adjunct;
SIM_TOKEN_TABLE(
    Adjunct, {AJ::StrategyDiscussion, "strategy_discussion", "Strategy discussion"},
    {AJ::PoliceInformed, "police_informed", "Police informed"},
    {AJ::SeeChildToday, "see_child_today", "See the child today"},
    {AJ::ConsentSought, "consent_sought", "Parental consent sought"},
    {AJ::ConsentOverridden, "consent_overridden", "Consent overridden with reason"},
    {AJ::FeedbackToReferrer, "feedback_to_referrer", "Feedback to the referrer"},
    {AJ::Lado, "lado", "Referral to the LADO"}, {AJ::Marac, "marac", "Referral to MARAC"},
    {AJ::WrittenReferral, "written_referral", "Ask the referrer for a written referral"},
    {AJ::Signpost, "signpost", "Signpost to a service"},
    {AJ::YoungCarerAssessment, "young_carer_assessment", "Young carer's needs assessment"},
    {AJ::AdultSocialCare, "adult_social_care", "Referral to adult social care"},
    {AJ::Prevent, "prevent", "Referral to Prevent (Channel)"})

using OK = OutcomeKind;
SIM_TOKEN_TABLE(OutcomeKind, {OK::Contact, "contact", "Further contact"},
                {OK::Rereferral, "rereferral", "Re-referral"},
                {OK::Nfa, "nfa", "No further action"}, {OK::Advice, "advice", "Advice given"},
                {OK::EarlyHelp, "early_help", "Early help"},
                {OK::Assessment, "assessment", "Assessment"},
                {OK::CinPlan, "cin_plan", "Child-in-need plan"},
                {OK::S47, "s47", "Section 47 enquiry"},
                {OK::Icpc, "icpc", "Initial child protection conference"},
                {OK::CpPlan, "cp_plan", "Child protection plan"},
                {OK::LookedAfter, "looked_after", "Became looked after"},
                {OK::Closure, "closure", "Case closed"},
                {OK::SeriousIncident, "serious_incident", "Serious incident"},
                {OK::Other, "other", "Other"})

SIM_TOKEN_TABLE(Difficulty, {Difficulty::Introductory, "introductory", "Introductory"},
                {Difficulty::Intermediate, "intermediate", "Intermediate"},
                {Difficulty::Advanced, "advanced", "Advanced"})

SIM_TOKEN_TABLE(ScenarioStatus, {ScenarioStatus::Draft, "draft", "Draft"},
                {ScenarioStatus::Review, "review", "In review"},
                {ScenarioStatus::SignedOff, "signed_off", "Signed off"})

SIM_TOKEN_TABLE(Origin, {Origin::Synthetic, "synthetic", "Fiction written to be realistic"},
                {Origin::Anonymised, "anonymised", "Anonymised real referral"})

SIM_TOKEN_TABLE(DateShift, {DateShift::None, "none", "No dates shifted (relative days only)"},
                {DateShift::WholeWeeks, "whole_weeks", "Shifted by whole weeks"})

SIM_TOKEN_TABLE(Weekday, {Weekday::Monday, "monday", "Monday"},
                {Weekday::Tuesday, "tuesday", "Tuesday"},
                {Weekday::Wednesday, "wednesday", "Wednesday"},
                {Weekday::Thursday, "thursday", "Thursday"}, {Weekday::Friday, "friday", "Friday"},
                {Weekday::Saturday, "saturday", "Saturday"}, {Weekday::Sunday, "sunday", "Sunday"})
SIM_TOKEN_TABLE(AttemptStatus, {AttemptStatus::InProgress, "in_progress", "Not finished"},
                {AttemptStatus::Finished, "finished", "Finished"},
                {AttemptStatus::Abandoned, "abandoned", "Set aside"})

#undef SIM_TOKEN_TABLE

Domain domainOf(Dimension dimension) {
  const int index = static_cast<int>(dimension);
  if (index <= static_cast<int>(Dimension::SelfCare)) {
    return Domain::ChildDevelopment;
  }
  if (index <= static_cast<int>(Dimension::Stability)) {
    return Domain::ParentingCapacity;
  }
  return Domain::FamilyEnvironment;
}

namespace {

constexpr std::array kReferralSources{
    CensusCode{"1A", "Individual: family member, relative or carer", ""},
    CensusCode{"1B", "Individual: acquaintance (friend, neighbour)", ""},
    CensusCode{"1C", "Individual: self", ""},
    CensusCode{"1D", "Individual: other", ""},
    CensusCode{"2A", "School", ""},
    CensusCode{"2B", "Education services", ""},
    CensusCode{"3A", "Health: GP", ""},
    CensusCode{"3B", "Health: health visitor", ""},
    CensusCode{"3C", "Health: school nurse", ""},
    CensusCode{"3D", "Health: other primary health services", ""},
    CensusCode{"3E", "Health: A&E (emergency department)", ""},
    CensusCode{"3F", "Health: other (hospital, mental health, midwifery, substance misuse)", ""},
    CensusCode{"4", "Housing", ""},
    CensusCode{"5A", "LA services: social care", ""},
    CensusCode{"5B", "LA services: other internal", ""},
    CensusCode{"5C", "LA services: external (another council)", ""},
    CensusCode{"6", "Police", ""},
    CensusCode{"7", "Other legal agency", ""},
    CensusCode{"8", "Other (voluntary sector, independent agencies)", ""},
    CensusCode{"9", "Anonymous", ""},
    CensusCode{"10", "Unknown", ""},
};

constexpr std::array kAssessmentFactors{
    CensusCode{"1A", "Alcohol misuse: the child", ""},
    CensusCode{"1B", "Alcohol misuse: parent or carer", ""},
    CensusCode{"1C", "Alcohol misuse: another person in the household", ""},
    CensusCode{"2A", "Drug misuse: the child", ""},
    CensusCode{"2B", "Drug misuse: parent or carer", ""},
    CensusCode{"2C", "Drug misuse: another person in the household", ""},
    CensusCode{"3A", "Domestic abuse: the child", ""},
    CensusCode{"3B", "Domestic abuse: parent or carer", ""},
    CensusCode{"3C", "Domestic abuse: another person in the household", ""},
    CensusCode{"4A", "Mental health: the child", ""},
    CensusCode{"4B", "Mental health: parent or carer", ""},
    CensusCode{"4C", "Mental health: another person in the household", ""},
    CensusCode{"5A", "Learning disability: the child", ""},
    CensusCode{"5B", "Learning disability: parent or carer", ""},
    CensusCode{"5C", "Learning disability: another person in the household", ""},
    CensusCode{"6A", "Physical disability or illness: the child", ""},
    CensusCode{"6B", "Physical disability or illness: parent or carer", ""},
    CensusCode{"6C", "Physical disability or illness: another person in the household", ""},
    CensusCode{"7A", "Young carer", ""},
    CensusCode{"8B", "Privately fostered", ""},
    CensusCode{"9A", "Unaccompanied asylum-seeking child", ""},
    CensusCode{"10A", "Going or being missing", ""},
    CensusCode{"11A", "Child sexual exploitation", ""},
    CensusCode{"12A", "Trafficking", ""},
    CensusCode{"13A", "Gangs", ""},
    CensusCode{"14A", "Socially unacceptable behaviour", ""},
    CensusCode{"15A", "Self-harm", ""},
    CensusCode{"16A", "Neglect", ""},
    CensusCode{"17A", "Emotional abuse", ""},
    CensusCode{"18A", "Physical abuse (deprecated)", "18B|18C"},
    CensusCode{"18B", "Physical abuse: adult on child", ""},
    CensusCode{"18C", "Physical abuse: child on child", ""},
    CensusCode{"19A", "Sexual abuse (deprecated)", "19B|19C"},
    CensusCode{"19B", "Sexual abuse: adult on child", ""},
    CensusCode{"19C", "Sexual abuse: child on child", ""},
    CensusCode{"20", "Other", ""},
    CensusCode{"21", "No factors identified", ""},
    CensusCode{"22A", "Female genital mutilation", ""},
    CensusCode{"23A", "Abuse linked to faith or belief", ""},
    CensusCode{"24A", "Child criminal exploitation", ""},
};

constexpr std::array kPrimaryNeeds{
    CensusCode{"N1", "Abuse or neglect", ""},
    CensusCode{"N2", "Child's disability", ""},
    CensusCode{"N3", "Parental illness or disability", ""},
    CensusCode{"N4", "Family in acute stress", ""},
    CensusCode{"N5", "Family dysfunction", ""},
    CensusCode{"N6", "Socially unacceptable behaviour", ""},
    CensusCode{"N7", "Low income", ""},
    CensusCode{"N8", "Absent parenting", ""},
    CensusCode{"N9", "Cases other than children in need", ""},
    CensusCode{"N0", "Not stated", ""},
};

constexpr std::array kAbuseCategories{
    CensusCode{"NEG", "Neglect", ""},
    CensusCode{"PHY", "Physical abuse", ""},
    CensusCode{"SAB", "Sexual abuse", ""},
    CensusCode{"EMO", "Emotional abuse", ""},
    CensusCode{"MUL", "Multiple categories", ""},
};

constexpr std::array kClosureReasons{
    CensusCode{"RC1", "Adopted", ""},
    CensusCode{"RC2", "Died", ""},
    CensusCode{"RC3", "Child arrangements order", ""},
    CensusCode{"RC4", "Special guardianship order", ""},
    CensusCode{"RC5", "Transferred to another local authority", ""},
    CensusCode{"RC6", "Transferred to adult social care", ""},
    CensusCode{"RC7", "Services ceased for any other reason, including no longer in need", ""},
    CensusCode{"RC8", "Case closed after assessment, no further action", ""},
    CensusCode{"RC9", "Case closed after assessment, referred to early help", ""},
};

} // namespace

std::span<const CensusCode> censusCodes(CodeSet set) {
  switch (set) {
  case CodeSet::ReferralSource:
    return kReferralSources;
  case CodeSet::AssessmentFactor:
    return kAssessmentFactors;
  case CodeSet::PrimaryNeed:
    return kPrimaryNeeds;
  case CodeSet::AbuseCategory:
    return kAbuseCategories;
  case CodeSet::ClosureReason:
    return kClosureReasons;
  }
  return {};
}

const CensusCode* findCensusCode(CodeSet set, std::string_view code) {
  for (const auto& entry : censusCodes(set)) {
    if (entry.code == code) {
      return &entry;
    }
  }
  return nullptr;
}

std::string_view codeSetName(CodeSet set) {
  switch (set) {
  case CodeSet::ReferralSource:
    return "census referral source code";
  case CodeSet::AssessmentFactor:
    return "census assessment factor code";
  case CodeSet::PrimaryNeed:
    return "census primary need code";
  case CodeSet::AbuseCategory:
    return "census category of abuse";
  case CodeSet::ClosureReason:
    return "census closure reason";
  }
  return "census code";
}

std::string censusCodeList(CodeSet set) {
  std::string out;
  for (const auto& entry : censusCodes(set)) {
    if (!out.empty()) {
      out += '|';
    }
    out += entry.code;
  }
  return out;
}

} // namespace sim::core
