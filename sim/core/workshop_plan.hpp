// The typed model of a workshop plan: the cases a trainer steps a room through, in order,
// and for each case the pauses (after the contact, after the records, after a named
// enquiry, at each decision point) with a discussion prompt, an optional timer, how the
// room votes, whether it votes again after discussion, and what each reveal shows. Read
// from a *.workshop.toml file by sim/scenario's plan loader (scenarios/WORKSHOPS.md), or
// made for any case by defaultPlan(). Read by the workshop engine and the shell.
#pragma once

#include "sim/core/codes.hpp"
#include "sim/core/scenario.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sim::core {

/// Where in a case the trainer stops the room.
enum class PauseAt {
  Contact,       // once the contact has been read
  Records,       // once the social-care records have been checked
  Enquiry,       // once a named question, check or direct contact has been answered
  DecisionPoint, // at a decision point, before it is decided
};

/// Who votes at a pause: nobody (discussion only), each person, or each table.
enum class VoteKind { None, PerPerson, PerTable };

/// What a reveal shows the room, in the order the plan lists them.
enum class RevealKind {
  Room,      // the room's own spread (the first vote)
  Shift,     // the revote beside the first vote: who moved toward or away from the band
  Panel,     // the panel's spread, consensus and band beside the room's
  Reasoning, // the panel's reasoning and teaching points
  Outcome,   // what actually happened, as a timeline
};

template <> std::span<const TokenEntry<PauseAt>> tokenTable<PauseAt>();
template <> std::span<const TokenEntry<VoteKind>> tokenTable<VoteKind>();
template <> std::span<const TokenEntry<RevealKind>> tokenTable<RevealKind>();

struct PlanPause {
  PauseAt at = PauseAt::Contact;
  std::string target; // Enquiry: a question, check or direct-contact id; DecisionPoint: its id
  std::string prompt; // what the trainer asks the room to discuss
  std::optional<int> timerMinutes; // a discussion timer, if any
  VoteKind vote = VoteKind::None;
  bool revote = false;             // vote again after discussion
  std::vector<RevealKind> reveals; // in order
};

struct PlanCase {
  std::string scenario; // scenario id
  std::vector<PlanPause> pauses;
};

struct WorkshopPlan {
  int formatVersion = 1;
  std::string id;
  std::string title;
  std::string summary;
  std::string audience;
  int minutes = 0;                    // the session's planned length
  VoteKind vote = VoteKind::PerTable; // the default vote at decision points
  std::vector<PlanCase> cases;
  std::string sourcePath; // empty for a default plan
};

/// Whether a reveal gives away the panel or the outcome (hindsight-protected material).
[[nodiscard]] bool revealsHindsight(RevealKind reveal);

/// The plan a trainer gets for a case when none is written: a discussion pause after the
/// contact; at each decision point a vote per table, a revote after discussion, then the
/// room's spread, the shift, the panel and its reasoning, and at the last decision point
/// the outcome.
[[nodiscard]] PlanCase defaultPlanCase(const Scenario& scenario);

/// A one-case plan made of defaultPlanCase.
[[nodiscard]] WorkshopPlan defaultPlan(const Scenario& scenario);

} // namespace sim::core
