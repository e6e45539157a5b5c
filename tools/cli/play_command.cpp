// `frontdoor-cli play`: runs the scripted attempt (session::playScript) and prints what it
// reports and the played attempt (sim/report/play_report.hpp).
#include "tools/cli/play_command.hpp"

#include "sim/report/play_report.hpp"
#include "sim/session/script_play.hpp"

#include <ostream>

namespace sim::cli {

int runPlay(const PlayOptions& options, std::ostream& out, std::ostream& err) {
  session::ScriptPlayOptions play{options.scenarioPath, options.actionsPath, options.rubricPath,
                                  options.logPath, std::nullopt};
  if (!options.practitionerId.empty()) {
    play.record = session::RecordOptions{
        options.database,
        {options.practitionerId, options.practitionerName, options.team, options.cohort}};
  }
  const auto result = session::playScript(play);
  // Terminal-safe and at most 200 per file (a file of 100,000 bad lines gives one page).
  for (const auto& line : core::formatDiagnostics(result.diagnostics)) {
    err << line << '\n';
  }
  if (!result.storeProblem.empty()) {
    err << "frontdoor-cli play: " << result.storeProblem << '\n';
  }
  if (!result.played) {
    return 1;
  }
  out << (options.json ? report::playReportJson(*result.attempt, result.rubric)
                       : report::playReportText(*result.attempt, result.rubric));
  if (result.recordedAttempt != 0) {
    err << "Recorded as attempt " << result.recordedAttempt << " in " << result.recordedIn.string()
        << "\n";
  }
  return 0;
}

} // namespace sim::cli
