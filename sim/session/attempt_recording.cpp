// Event, decision and finish rows for the results store.
#include "sim/session/attempt_recording.hpp"

#include "sim/engine/action_text.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/scoring/decision_score.hpp"

#include <array>
#include <ctime>

namespace sim::session {

std::string utcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::array<char, 32> buffer{};
  std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer.data();
}

storage::DecisionRow decisionRow(const engine::Attempt& attempt, int point, std::int64_t attemptId,
                                 const core::Rubric& rubric) {
  const auto& scenario = attempt.scenario();
  const auto& state = attempt.state();
  const auto& decision = state.decisions.at(static_cast<std::size_t>(point));
  storage::DecisionRow row;
  row.attempt = attemptId;
  row.decisionPoint = point;
  row.decidedAt = engine::formatSimTime(decision.decidedAt);
  row.response = std::string(core::tokenOf(decision.decision.response));
  row.needLevel = static_cast<int>(decision.decision.need);
  row.urgency = std::string(core::tokenOf(decision.decision.urgency));
  const auto percent = [](const std::optional<int>& value) -> std::optional<double> {
    return value ? std::optional<double>(*value / 100.0) : std::nullopt;
  };
  row.pHarm = percent(decision.notes.pSignificantHarm);
  row.pRereferral = percent(decision.notes.pRereferral);
  row.confidence = percent(decision.notes.confidence);
  const auto score =
      scoring::scoreDecision(scenario, state, point, scoring::rubricFor(rubric, scenario));
  if (score) {
    row.score = score.value().total;
    row.caseWeight = score.value().caseWeight;
  }
  row.withinDeadline = decision.withinDeadline();
  const auto habits = scoring::habitsAt(scenario, state, point);
  row.checks = habits.checks;
  row.recordsChecked = habits.recordsChecked;
  row.childSeen = habits.childSeen;
  return row;
}

core::Result<storage::Ok> recordEvent(storage::ResultsStore& store, std::int64_t attemptId,
                                      const engine::Attempt& attempt, const engine::Event& event,
                                      const core::Rubric& rubric, const std::string& now) {
  const auto line = engine::formatEvent(event);
  if (!std::holds_alternative<engine::Decide>(event.action)) {
    return store.appendEvent(attemptId, event.seq, line);
  }
  // The locking event, the decision and the attempt's end are kept together: all or none.
  const auto& state = attempt.state();
  const int point = static_cast<int>(state.decisions.size()) - 1;
  return store.recordDecisionEvent(attemptId, event.seq, line,
                                   decisionRow(attempt, point, attemptId, rubric),
                                   state.phase == engine::Phase::Closed ? now : std::string());
}

} // namespace sim::session
