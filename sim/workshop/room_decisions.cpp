// The room's final votes, with the room's information habits, as decision rows.
#include "sim/workshop/room_decisions.hpp"

#include <map>

namespace sim::workshop {

namespace {

struct Habits {
  int checks = 0;
  bool records = false;
  bool childSeen = false;
};

// What the room had done by the time it decided at decision point `point`.
Habits habitsAt(const engine::Attempt& room, int point) {
  const auto& state = room.state();
  Habits out;
  for (const auto& check : state.checks) {
    out.checks +=
        check.requestedAtDecisionPoint >= 0 && check.requestedAtDecisionPoint <= point ? 1 : 0;
  }
  out.records = state.recordsChecked && state.recordsChecked->decisionPoint <= point;
  const auto& direct = room.scenario().direct;
  for (std::size_t d = 0; d < direct.size(); ++d) {
    const bool child = direct[d].kind == core::DirectKind::SeeChild ||
                       direct[d].kind == core::DirectKind::SpeakToChild;
    out.childSeen =
        out.childSeen || (child && state.direct[d] && state.direct[d]->decisionPoint <= point);
  }
  return out;
}

} // namespace

std::vector<scoring::DecisionRow> finalDecisionRows(const WorkshopRun& run,
                                                    const std::string& cohort) {
  std::vector<scoring::DecisionRow> out;
  const auto& plan = run.plan();
  for (std::size_t c = 0; c < plan.cases.size(); ++c) {
    const int ci = static_cast<int>(c);
    const auto& room = run.attempt(ci);
    for (std::size_t p = 0; p < plan.cases[c].pauses.size(); ++p) {
      const int point = run.decisionPointOf(ci, static_cast<int>(p));
      if (point < 0) {
        continue;
      }
      std::map<std::string, RoomVote> final; // by participant: the revote wins
      for (const auto& vote : run.votesAt(ci, static_cast<int>(p))) {
        if (vote.round == Round::Revote || final.count(vote.participant) == 0) {
          final[vote.participant] = vote;
        }
      }
      const auto habits = habitsAt(room, point);
      for (const auto& participant : run.participants()) {
        const auto it = final.find(participant.id);
        if (it == final.end()) {
          continue;
        }
        const auto& v = it->second;
        scoring::DecisionRow row;
        row.trainee = participant.id;
        row.scenario = room.scenario().meta.id;
        row.decision = v.response;
        row.needLevel = v.need;
        if (v.pHarm) {
          row.pHarm = *v.pHarm / 100.0;
        }
        row.team = participant.name;
        row.cohort = cohort;
        row.checks = habits.checks;
        row.recordsChecked = habits.records;
        row.childSeen = habits.childSeen;
        row.decisionPoint = point + 1;
        out.push_back(std::move(row));
      }
    }
  }
  return out;
}

} // namespace sim::workshop
