// A scripted attempt, as `frontdoor-cli play` runs it: load the scenario (and a rubric),
// read and parse the whole action file (every bad line reported), then apply the actions in
// order, recording each in the results store when asked; the first refused action stops
// the run at its line and column. Optionally writes the event log.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/rubric.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/session/attempt_recorder.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sim::session {

struct ScriptPlayOptions {
  std::string scenarioPath;
  std::string actionsPath;
  std::string rubricPath; // empty: the built-in rubric (the same as scenarios/rubric.toml)
  std::string logPath;    // when set, the event log is written here
  std::optional<RecordOptions> record;
};

struct ScriptPlay {
  /// The attempt as far as it went (null when the scenario did not load).
  std::optional<engine::Attempt> attempt;
  core::Rubric rubric;
  /// What to report, as FILE:LINE:COL diagnostics: what stopped the run (the scenario's
  /// errors, a bad action line, a refusal) and a rubric file's warnings.
  std::vector<core::Diagnostic> diagnostics;
  /// A store problem while recording (empty when none).
  std::string storeProblem;
  bool played = false; // every action applied (and the log, if asked, written)
  std::int64_t recordedAttempt = 0;
  std::filesystem::path recordedIn;
};

/// Action files larger than this are refused unread.
inline constexpr unsigned long long kMaxActionFileBytes = 4ULL << 20U;

ScriptPlay playScript(const ScriptPlayOptions& options);

} // namespace sim::session
