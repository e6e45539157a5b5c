// `frontdoor-cli report`: reads the decisions table (exchange), loads the scenarios when
// given (scenario), analyses (scoring) and writes the report (report).
#include "tools/cli/report_command.hpp"

#include "sim/exchange/decision_table.hpp"
#include "sim/report/group_report.hpp"
#include "sim/report/play_report.hpp"
#include "sim/scenario/scenario_index.hpp"
#include "sim/scoring/analytics.hpp"

#include <fstream>
#include <ostream>

namespace sim::cli {

int runReport(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  const auto table = exchange::readDecisionTableFile(options.decisionsPath);
  for (const auto& d : table.diagnostics) {
    err << core::formatDiagnostic(d) << '\n';
  }
  if (!table.readable || (options.strict && table.badRows > 0)) {
    return 1;
  }
  scenario::LoadedIndex scenarios;
  if (!options.scenariosPath.empty()) {
    scenarios = scenario::loadScenarioIndex(options.scenariosPath);
    for (const auto& problem : scenarios.problems) {
      err << "frontdoor-cli report: " << problem << '\n';
    }
    for (const auto& d : scenarios.errors) {
      err << core::formatDiagnostic(d) << '\n';
    }
    if (!scenarios.complete()) {
      return 1;
    }
  }
  auto report =
      scoring::analyse(table.rows, options.scenariosPath.empty() ? nullptr : &scenarios.index);
  report.badRows = table.badRows;
  for (const auto& warning : report::unknownScenarioWarnings(report, options.decisionsPath)) {
    err << report::printableForTerminal(warning) << '\n';
  }
  std::ofstream file;
  if (!options.outPath.empty()) {
    file.open(options.outPath, std::ios::binary | std::ios::trunc);
  }
  std::ostream& sink = options.outPath.empty() ? out : file;
  report::writeGroupReport(report, *report::parseGroupFormat(options.format), sink);
  if (!sink.flush()) {
    err << (options.outPath.empty() ? std::string("standard output") : options.outPath)
        << ": error: could not write the report\n";
    return 1;
  }
  return 0;
}

} // namespace sim::cli
