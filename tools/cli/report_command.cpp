// `frontdoor-cli report`: loads the scenarios when given (scenario), reads the decisions
// table row by row into the analysis (exchange, scoring) and writes the report (report).
// Messages come in the same order as ever: the table's first, then the scenarios'.
#include "tools/cli/report_command.hpp"

#include "sim/core/file_output.hpp"

#include "sim/exchange/decision_table.hpp"
#include "sim/report/group_report.hpp"
#include "sim/report/play_report.hpp"
#include "sim/scenario/scenario_index.hpp"
#include "sim/scoring/analytics.hpp"

#include <fstream>
#include <ostream>

namespace sim::cli {

int runReport(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.outPath.empty() && core::sameFile(options.outPath, options.decisionsPath)) {
    err << "frontdoor-cli report: " << options.outPath
        << ": this is the decisions table being read; nothing was written. Give --out another "
           "file.\n";
    return 1;
  }
  // The panels are needed as the rows stream past, so the scenarios load first.
  scenario::LoadedIndex scenarios;
  if (!options.scenariosPath.empty()) {
    scenarios = scenario::loadScenarioIndex(options.scenariosPath);
  }
  scoring::Analysis analysis(options.scenariosPath.empty() ? nullptr : &scenarios.index);
  const auto table = exchange::visitDecisionTableFile(
      options.decisionsPath, [&](const scoring::DecisionRow& row) { analysis.add(row); });
  for (const auto& d : table.diagnostics) {
    err << core::formatDiagnostic(d) << '\n';
  }
  if (!table.readable || (options.strict && table.badRows > 0)) {
    return 1;
  }
  if (!options.scenariosPath.empty()) {
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
  auto report = analysis.finish();
  report.badRows = table.badRows;
  for (const auto& warning : report::unknownScenarioWarnings(report, options.decisionsPath)) {
    err << report::printableForTerminal(warning) << '\n';
  }
  const auto format = *report::parseGroupFormat(options.format);
  if (options.outPath.empty()) {
    report::writeGroupReport(report, analysis, format, out);
    return 0; // a failed write to standard output is found and reported by main
  }
  const auto written = core::writeFileStreamed(options.outPath, [&](std::ostream& file) {
    report::writeGroupReport(report, analysis, format, file);
  });
  if (!written) {
    err << "frontdoor-cli report: " << written.error().message << '\n';
    return 1;
  }
  return 0;
}

} // namespace sim::cli
