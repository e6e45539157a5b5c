// Writing a workshop's final votes as decision rows.
#include "sim/exchange/workshop_csv.hpp"

#include "sim/core/csv_field.hpp"

#include <array>
#include <cstdio>
#include <map>

namespace sim::exchange {

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

std::string workshopDecisionsCsv(const workshop::WorkshopRun& run, const std::string& cohort) {
  std::string out = "trainee,scenario,decision,need_level,p_harm,team,cohort,checks,"
                    "records_checked,child_seen,decision_point\n";
  const auto& plan = run.plan();
  for (std::size_t c = 0; c < plan.cases.size(); ++c) {
    const int ci = static_cast<int>(c);
    const auto& room = run.attempt(ci);
    for (std::size_t p = 0; p < plan.cases[c].pauses.size(); ++p) {
      const int point = run.decisionPointOf(ci, static_cast<int>(p));
      if (point < 0) {
        continue;
      }
      std::map<std::string, workshop::RoomVote> final; // by participant: the revote wins
      for (const auto& vote : run.votesAt(ci, static_cast<int>(p))) {
        if (vote.round == workshop::Round::Revote || final.count(vote.participant) == 0) {
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
        std::string harm;
        if (v.pHarm) {
          std::array<char, 16> buffer{};
          std::snprintf(buffer.data(), buffer.size(), "%.2f", *v.pHarm / 100.0);
          harm = buffer.data();
        }
        out += core::csvField(participant.id) + "," + core::csvField(room.scenario().meta.id) +
               "," + std::string(core::tokenOf(v.response)) + "," +
               (v.need ? std::string(core::tokenOf(*v.need)) : "") + "," + harm + "," +
               core::csvField(participant.name) + "," + core::csvField(cohort) + "," +
               std::to_string(habits.checks) + "," + (habits.records ? "1" : "0") + "," +
               (habits.childSeen ? "1" : "0") + "," + std::to_string(point + 1) + "\n";
      }
    }
  }
  return out;
}

} // namespace sim::exchange
