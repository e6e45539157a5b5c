// Playing an action file against a scenario, step by step, recording as it goes.
#include "sim/session/script_play.hpp"

#include "sim/core/file_output.hpp"
#include "sim/core/file_text.hpp"
#include "sim/engine/action_text.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/rubric_loader.hpp"
#include "sim/storage/results_store.hpp"

#include <fstream>

namespace sim::session {

namespace {

core::Diagnostic fileError(const std::string& path, std::string message) {
  return {path, 0, 0, core::Severity::Error, std::move(message)};
}

std::optional<std::string> readActions(const std::string& path, ScriptPlay& out) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    out.diagnostics.push_back(fileError(path, "no such file"));
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    out.diagnostics.push_back(fileError(path, "not a file (give an action file, not a folder)"));
    return std::nullopt;
  }
  if (std::filesystem::file_size(path, ec) > kMaxActionFileBytes) {
    out.diagnostics.push_back(fileError(path, "the action file is larger than 4 MiB"));
    return std::nullopt;
  }
  auto text = core::readFileText(path, kMaxActionFileBytes, "action file");
  if (!text) {
    out.diagnostics.push_back(fileError(path, "could not be read"));
    return std::nullopt;
  }
  return std::move(text).value();
}

} // namespace

ScriptPlay playScript(const ScriptPlayOptions& options) {
  ScriptPlay out;
  const auto loaded = scenario::loadScenarioFile(options.scenarioPath);
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == core::Severity::Error) {
      out.diagnostics.push_back(d);
    }
  }
  if (!loaded.ok()) {
    return out;
  }
  if (!options.rubricPath.empty()) {
    const auto read = scenario::loadRubricFile(options.rubricPath);
    out.diagnostics.insert(out.diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
    if (!read.ok()) {
      return out;
    }
    out.rubric = *read.rubric;
  }
  const auto text = readActions(options.actionsPath, out);
  if (!text) {
    return out;
  }
  const auto script = engine::parseActionScript(*text, options.actionsPath);
  if (!script.diagnostics.empty()) {
    out.diagnostics.insert(out.diagnostics.end(), script.diagnostics.begin(),
                           script.diagnostics.end());
    return out;
  }
  out.attempt.emplace(loaded.scenario);
  // An output over an input or the results database would destroy it: refused before
  // anything is written.
  if (!options.logPath.empty()) {
    const auto database = options.record
                              ? storage::resolveDatabasePath(options.record->database)
                              : core::Result<std::filesystem::path>(std::filesystem::path());
    const bool overDatabase = database && !database.value().empty() &&
                              storage::isDatabaseFile(options.logPath, database.value());
    if (overDatabase || core::sameFile(options.logPath, options.actionsPath) ||
        core::sameFile(options.logPath, options.scenarioPath)) {
      out.diagnostics.push_back(fileError(
          options.logPath, overDatabase ? "the event log would be written over the results "
                                          "database; give --log another file"
                                        : "the event log would be written over an input file; "
                                          "give --log another file"));
      return out;
    }
  }
  std::unique_ptr<AttemptRecorder> recorder;
  if (options.record) {
    auto started = AttemptRecorder::start(*options.record, *loaded.scenario);
    if (!started) {
      out.storeProblem = started.error().message;
      return out;
    }
    recorder = std::move(started).value();
    out.recordedAttempt = recorder->attemptId();
    out.recordedIn = recorder->database();
  }
  for (const auto& scripted : script.actions) {
    const auto applied = out.attempt->apply(scripted.action);
    if (applied && recorder) {
      if (auto stored = recorder->record(*out.attempt, applied.value(), out.rubric); !stored) {
        out.storeProblem = stored.error().message;
        return out;
      }
    }
    if (!applied) {
      out.diagnostics.push_back({options.actionsPath, scripted.line, scripted.column,
                                 core::Severity::Error, "refused: " + applied.error().message});
      return out;
    }
  }
  if (!options.logPath.empty()) {
    const auto written =
        core::writeFileWhole(options.logPath, engine::formatEventLog(out.attempt->log()));
    if (!written) {
      out.diagnostics.push_back(
          fileError(options.logPath, "could not write the event log: " + written.error().message));
      return out;
    }
  }
  out.played = true;
  return out;
}

} // namespace sim::session
