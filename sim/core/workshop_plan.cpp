// Vocabularies of workshop plans and the default plan for a case.
#include "sim/core/workshop_plan.hpp"

namespace sim::core {

template <> std::span<const TokenEntry<PauseAt>> tokenTable<PauseAt>() {
  static constexpr TokenEntry<PauseAt> kTable[] = {
      {PauseAt::Contact, "contact", "After the contact"},
      {PauseAt::Records, "records", "After the records"},
      {PauseAt::Enquiry, "enquiry", "After an enquiry"},
      {PauseAt::DecisionPoint, "decision_point", "At a decision point"}};
  return kTable;
}

template <> std::span<const TokenEntry<VoteKind>> tokenTable<VoteKind>() {
  static constexpr TokenEntry<VoteKind> kTable[] = {
      {VoteKind::None, "none", "No vote"},
      {VoteKind::PerPerson, "per_person", "Each person"},
      {VoteKind::PerTable, "per_table", "Each table"}};
  return kTable;
}

template <> std::span<const TokenEntry<RevealKind>> tokenTable<RevealKind>() {
  static constexpr TokenEntry<RevealKind> kTable[] = {
      {RevealKind::Room, "room", "The room's votes"},
      {RevealKind::Shift, "shift", "The revote beside the first vote"},
      {RevealKind::Panel, "panel", "The panel beside the room"},
      {RevealKind::Reasoning, "reasoning", "The panel's reasoning and teaching points"},
      {RevealKind::Outcome, "outcome", "What actually happened"}};
  return kTable;
}

bool revealsHindsight(RevealKind reveal) {
  return reveal == RevealKind::Panel || reveal == RevealKind::Reasoning ||
         reveal == RevealKind::Outcome;
}

PlanCase defaultPlanCase(const Scenario& scenario) {
  PlanCase out;
  out.scenario = scenario.meta.id;
  PlanPause contact;
  contact.at = PauseAt::Contact;
  contact.prompt = "What worries you about this contact, and what would you want to know "
                   "before deciding?";
  out.pauses.push_back(std::move(contact));
  for (std::size_t i = 0; i < scenario.decisionPoints.size(); ++i) {
    const auto& point = scenario.decisionPoints[i];
    PlanPause decide;
    decide.at = PauseAt::DecisionPoint;
    decide.target = point.id;
    decide.prompt = "Decide on your own first: what happens now, how urgently, and how sure "
                    "are you? Then discuss at your table.";
    decide.vote = VoteKind::PerTable;
    decide.revote = true;
    decide.reveals = {RevealKind::Room, RevealKind::Shift, RevealKind::Panel,
                      RevealKind::Reasoning};
    if (i + 1 == scenario.decisionPoints.size()) {
      decide.reveals.push_back(RevealKind::Outcome);
    }
    out.pauses.push_back(std::move(decide));
  }
  return out;
}

WorkshopPlan defaultPlan(const Scenario& scenario) {
  WorkshopPlan plan;
  plan.id = "default-" + scenario.meta.id;
  plan.title = scenario.meta.title;
  plan.summary = "The default plan for one case.";
  plan.minutes = std::max(30, scenario.meta.expectedMinutes * 2);
  plan.cases.push_back(defaultPlanCase(scenario));
  return plan;
}

} // namespace sim::core
