// Implementation of `frontdoor-cli play`: load the scenario, parse the whole action file
// (reporting every bad line), then apply the actions in order; the first refused action
// stops the run with its line and column.
#include "tools/cli/play_command.hpp"

#include "sim/engine/action_text.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/rubric_loader.hpp"
#include "tools/cli/play_report.hpp"
#include "tools/cli/recorder.hpp"

#include <fstream>
#include <ostream>
#include <sstream>

namespace sim::cli {

namespace {

constexpr std::size_t kMaxActionFileBytes = 4U << 20U;

bool readFile(const std::string& path, std::string& text, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    err << path << ": error: no such file\n";
    return false;
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    err << path << ": error: not a file (give an action file, not a folder)\n";
    return false;
  }
  if (std::filesystem::file_size(path, ec) > kMaxActionFileBytes) {
    err << path << ": error: the action file is larger than 4 MiB\n";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in && !in.eof()) {
    err << path << ": error: could not be read\n";
    return false;
  }
  text = buffer.str();
  return true;
}

} // namespace

int runPlay(const PlayOptions& options, std::ostream& out, std::ostream& err) {
  const auto loaded = scenario::loadScenarioFile(options.scenarioPath);
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == core::Severity::Error) {
      err << core::formatDiagnostic(d) << '\n';
    }
  }
  if (!loaded.ok()) {
    return 1;
  }
  core::Rubric rubric; // the built-in defaults (the same as scenarios/rubric.toml)
  if (!options.rubricPath.empty()) {
    const auto read = scenario::loadRubricFile(options.rubricPath);
    for (const auto& d : read.diagnostics) {
      err << core::formatDiagnostic(d) << '\n';
    }
    if (!read.ok()) {
      return 1;
    }
    rubric = *read.rubric;
  }
  std::string text;
  if (!readFile(options.actionsPath, text, err)) {
    return 1;
  }
  const auto script = engine::parseActionScript(text, options.actionsPath);
  if (!script.diagnostics.empty()) {
    for (const auto& d : script.diagnostics) {
      err << core::formatDiagnostic(d) << '\n';
    }
    return 1;
  }
  engine::Attempt attempt(loaded.scenario);
  std::unique_ptr<Recorder> recorder;
  if (!options.practitionerId.empty()) {
    auto started = Recorder::start(
        {options.database,
         {options.practitionerId, options.practitionerName, options.team, options.cohort}},
        *loaded.scenario);
    if (!started) {
      err << "frontdoor-cli play: " << started.error().message << '\n';
      return 1;
    }
    recorder = std::move(started).value();
  }
  for (const auto& scripted : script.actions) {
    const auto applied = attempt.apply(scripted.action);
    if (applied && recorder) {
      if (auto stored = recorder->record(attempt, applied.value(), rubric); !stored) {
        err << "frontdoor-cli play: " << stored.error().message << '\n';
        return 1;
      }
    }
    if (!applied) {
      // The message may quote what the file said (an id), so keep it terminal-safe.
      err << printableForTerminal(core::formatDiagnostic({options.actionsPath, scripted.line,
                                                          scripted.column, core::Severity::Error,
                                                          "refused: " + applied.error().message}))
          << '\n';
      return 1;
    }
  }
  if (!options.logPath.empty()) {
    std::ofstream log(options.logPath, std::ios::binary | std::ios::trunc);
    log << engine::formatEventLog(attempt.log());
    if (!log.flush()) {
      err << options.logPath << ": error: could not write the event log\n";
      return 1;
    }
  }
  out << (options.json ? playReportJson(attempt, rubric) : playReportText(attempt, rubric));
  if (recorder) {
    err << "Recorded as attempt " << recorder->attemptId() << " in "
        << recorder->database().string() << "\n";
  }
  return 0;
}

} // namespace sim::cli
