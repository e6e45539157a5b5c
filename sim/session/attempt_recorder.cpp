// The recorder: one store write per applied event, so an interrupted run loses nothing it
// reported.
#include "sim/session/attempt_recorder.hpp"

namespace sim::session {

AttemptRecorder::AttemptRecorder(std::unique_ptr<storage::ResultsStore> store,
                                 std::filesystem::path path, std::int64_t attempt)
    : m_store(std::move(store)), m_path(std::move(path)), m_attempt(attempt) {}

core::Result<std::unique_ptr<AttemptRecorder>>
AttemptRecorder::start(const RecordOptions& options, const core::Scenario& scenario) {
  const auto path = storage::resolveDatabasePath(options.database);
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
  return std::unique_ptr<AttemptRecorder>(
      new AttemptRecorder(std::move(store).value(), path.value(), id.value()));
}

core::Result<storage::Ok> AttemptRecorder::record(const engine::Attempt& attempt,
                                                  const engine::Event& event,
                                                  const core::Rubric& rubric) {
  return session::recordEvent(*m_store, m_attempt, attempt, event, rubric, utcNow());
}

} // namespace sim::session
