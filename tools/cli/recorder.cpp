// The recorder: one store write per applied event, so an interrupted run loses nothing it
// reported.
#include "tools/cli/recorder.hpp"

#include "sim/engine/action_text.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/scoring/decision_score.hpp"

#include <array>
#include <cstdlib>
#include <ctime>

namespace sim::cli {

std::string utcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::array<char, 32> buffer{};
  std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer.data();
}

Recorder::Recorder(std::unique_ptr<storage::ResultsStore> store, std::filesystem::path path,
                   std::int64_t attempt)
    : m_store(std::move(store)), m_path(std::move(path)), m_attempt(attempt) {}

core::Result<std::unique_ptr<Recorder>> Recorder::start(const RecordOptions& options,
                                                        const core::Scenario& scenario) {
  const auto path = storage::resolveDatabasePath(options.database, [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::optional<std::string>(value) : std::nullopt;
  });
  if (!path) {
    return path.error();
  }
  auto store = storage::ResultsStore::open(path.value());
  if (!store) {
    return store.error();
  }
  auto practitioner = options.practitioner;
  const auto existing = store.value()->practitioner(practitioner.id);
  if (!existing) {
    return existing.error();
  }
  if (existing.value() && practitioner.displayName.empty()) {
    practitioner = *existing.value(); // keep what is on record
  }
  if (practitioner.displayName.empty()) {
    practitioner.displayName = practitioner.id;
  }
  if (auto saved = store.value()->savePractitioner(practitioner); !saved) {
    return saved.error();
  }
  storage::AttemptRow row;
  row.practitioner = practitioner.id;
  row.scenarioId = scenario.meta.id;
  row.scenarioHash = scenario.contentHash;
  row.mode = "practice";
  row.startedAt = utcNow();
  row.rules = engine::kEngineRules;
  const auto id = store.value()->startAttempt(row);
  if (!id) {
    return id.error();
  }
  return std::unique_ptr<Recorder>(
      new Recorder(std::move(store).value(), path.value(), id.value()));
}

core::Result<storage::Ok> Recorder::record(const engine::Attempt& attempt,
                                           const engine::Event& event, const core::Rubric& rubric) {
  if (auto stored = m_store->appendEvent(m_attempt, event.seq, engine::formatEvent(event));
      !stored) {
    return stored;
  }
  if (!std::holds_alternative<engine::Decide>(event.action)) {
    return storage::Ok{};
  }
  const auto& scenario = attempt.scenario();
  const auto& state = attempt.state();
  const int point = static_cast<int>(state.decisions.size()) - 1;
  const auto& decision = state.decisions.back();
  storage::DecisionRow row;
  row.attempt = m_attempt;
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
  if (auto stored = m_store->recordDecision(row); !stored) {
    return stored;
  }
  if (state.phase == engine::Phase::Closed) {
    return m_store->finishAttempt(m_attempt, "finished", utcNow());
  }
  return storage::Ok{};
}

} // namespace sim::cli
