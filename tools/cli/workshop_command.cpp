// `frontdoor-cli workshop`: runs the scripted workshop (session::runWorkshopScript) and
// prints each step's projector text.
#include "tools/cli/workshop_command.hpp"

#include "sim/exchange/database_export.hpp"
#include "sim/exchange/workshop_csv.hpp"
#include "sim/exchange/xapi_statements.hpp"
#include "sim/report/workshop_report.hpp"
#include "sim/session/workshop_script.hpp"

#include <ostream>

namespace sim::cli {

int runWorkshop(const WorkshopOptions& options, std::ostream& out, std::ostream& err) {
  session::WorkshopScriptOptions run{
      options.planPath, options.votesPath, options.scenarios, options.database, true, {}};
  const auto result = session::runWorkshopScript(run);
  for (const auto& shown : result.shown) {
    out << "──── " << shown.label << " ────\n" << shown.text << "\n";
  }
  for (const auto& line : core::formatDiagnostics(result.diagnostics)) {
    err << line << '\n';
  }
  if (!result.storeProblem.empty()) {
    err << "frontdoor-cli workshop: " << result.storeProblem << '\n';
  }
  if (result.recordedWorkshop != 0) {
    err << "Recorded as workshop " << result.recordedWorkshop << " in "
        << result.recordedIn.string()
        << (result.run && result.run->finished() ? "" : " (unfinished)") << "\n";
  }
  if (result.played && !options.csvPath.empty()) {
    const auto csv = exchange::workshopDecisionsCsv(*result.run, result.run->plan().id);
    if (auto written = exchange::writeExportFile(options.csvPath, csv); !written) {
      err << "frontdoor-cli workshop: " << written.error().message << '\n';
      return 1;
    }
  }
  if (result.played && !options.htmlPath.empty()) {
    const auto html = report::workshopReportHtml(*result.run, result.run->plan().id, result.cases);
    if (auto written = exchange::writeExportFile(options.htmlPath, html); !written) {
      err << "frontdoor-cli workshop: " << written.error().message << '\n';
      return 1;
    }
  }
  if (result.played && !options.xapiPath.empty()) {
    const auto json = exchange::workshopXapiStatements(
        *result.run, result.run->plan().id + "-" + std::to_string(result.recordedWorkshop),
        result.startedAt);
    if (auto written = exchange::writeExportFile(options.xapiPath, json); !written) {
      err << "frontdoor-cli workshop: " << written.error().message << '\n';
      return 1;
    }
  }
  return result.played ? 0 : 1;
}

} // namespace sim::cli
