// Recording a scripted attempt into the results store as it happens: the practitioner, the
// attempt, each event the moment it is applied (durably), and each locked decision with its
// score and information habits. Used by `frontdoor-cli play --practitioner ID`.
#pragma once

#include "sim/core/rubric.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/session/attempt_recording.hpp"
#include "sim/storage/results_store.hpp"

#include <memory>
#include <string>

namespace sim::session {

struct RecordOptions {
  std::string database; // empty: the default location (resolveDatabasePath)
  storage::PractitionerRow practitioner;
};

class AttemptRecorder {
public:
  /// Opens the store, saves the practitioner and starts an attempt at `scenario`.
  static core::Result<std::unique_ptr<AttemptRecorder>> start(const RecordOptions& options,
                                                              const core::Scenario& scenario);

  /// Store one applied event; if it was a decision, store the decision and its score.
  core::Result<storage::Ok> record(const engine::Attempt& attempt, const engine::Event& event,
                                   const core::Rubric& rubric);

  [[nodiscard]] std::int64_t attemptId() const { return m_attempt; }
  [[nodiscard]] const std::filesystem::path& database() const { return m_path; }

private:
  AttemptRecorder(std::unique_ptr<storage::ResultsStore> store, std::filesystem::path path,
                  std::int64_t attempt);
  std::unique_ptr<storage::ResultsStore> m_store;
  std::filesystem::path m_path;
  std::int64_t m_attempt;
};

} // namespace sim::session
