// The workshop's event language: one line per thing the facilitator does — a table or person
// joins, the room's attempt acts, a vote is recorded, the room's decision is locked, the
// presenter moves on or back. The same lines are the workshop's record in the results store
// (replayed to resume after a crash) and the script `frontdoor-cli workshop --votes FILE`
// reads. Documented in scenarios/WORKSHOPS.md §4. For example:
//   participant t1 "Table 1"
//   act request chk-police
//   vote t1 s17 need=3 urgency=one_working_day confidence=4 harm=35 reason="Liam's history"
//   lock s17 need=3 urgency=one_working_day
//   next
#pragma once

#include "sim/core/result.hpp"
#include "sim/engine/action.hpp"
#include "sim/workshop/room_vote.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace sim::workshop {

struct Join {
  Participant participant;
  bool operator==(const Join&) const = default;
};
struct RoomAct {
  engine::Action action;
  bool operator==(const RoomAct&) const = default;
};
struct CastVote {
  RoomVote vote; // its round is the open round's when applied
  bool operator==(const CastVote&) const = default;
};
struct LockDecision {
  engine::Decide decision;
  bool operator==(const LockDecision&) const = default;
};
struct NextStep {
  bool operator==(const NextStep&) const = default;
};
struct PreviousStep {
  bool operator==(const PreviousStep&) const = default;
};

using WorkshopEvent = std::variant<Join, RoomAct, CastVote, LockDecision, NextStep, PreviousStep>;

/// The event as one line; parseWorkshopEvent reads it back to an equal event.
std::string formatWorkshopEvent(const WorkshopEvent& event);

/// One line read back ("column N: expected …, found …" when it does not parse).
core::Result<WorkshopEvent> parseWorkshopEvent(std::string_view line);

} // namespace sim::workshop
