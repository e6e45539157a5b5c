// Implementation of `frontdoor-cli report`: read the decisions CSV (bad rows reported and
// skipped), load the scenarios when given, analyse, render, write.
#include "tools/cli/report_command.hpp"

#include "sim/scenario/loader.hpp"
#include "sim/scenario/scenario_files.hpp"
#include "sim/scoring/decision_table.hpp"
#include "tools/cli/play_report.hpp"
#include "tools/cli/report_render.hpp"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace sim::cli {

namespace {

constexpr std::uintmax_t kMaxDecisionsBytes = 2ULL << 30U; // 2 GiB

bool readAll(const std::string& path, std::string& text, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    err << path << ": error: no such file\n";
    return false;
  }
  if (std::filesystem::file_size(path, ec) > kMaxDecisionsBytes) {
    err << path << ": error: larger than 2 GiB\n";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool loadScenarios(const std::string& folder, scoring::ScenarioIndex& index, std::ostream& err) {
  const auto list = scenario::collectScenarioFiles({std::filesystem::path(folder)});
  for (const auto& problem : list.problems) {
    err << "frontdoor-cli report: " << problem << '\n';
  }
  bool ok = list.problems.empty();
  for (const auto& file : list.files) {
    const auto loaded = scenario::loadScenarioFile(file);
    for (const auto& d : loaded.diagnostics) {
      if (d.severity == core::Severity::Error) {
        err << core::formatDiagnostic(d) << '\n';
      }
    }
    if (!loaded.ok()) {
      ok = false;
      continue;
    }
    index[loaded.scenario->meta.id] = loaded.scenario;
  }
  return ok;
}

int finishWriting(const ReportOptions& options, std::ostream& sink, std::ostream& err) {
  if (!sink.flush()) {
    err << (options.outPath.empty() ? std::string("standard output") : options.outPath)
        << ": error: could not write the report\n";
    return 1;
  }
  return 0;
}

} // namespace

int runReport(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  std::string text;
  if (!readAll(options.decisionsPath, text, err)) {
    return 1;
  }
  const auto table = scoring::readDecisionTable(text, options.decisionsPath);
  text.clear();
  text.shrink_to_fit();
  for (const auto& d : table.diagnostics) {
    err << core::formatDiagnostic(d) << '\n';
  }
  if (!table.readable || (options.strict && table.badRows > 0)) {
    return 1;
  }
  scoring::ScenarioIndex scenarios;
  if (!options.scenariosPath.empty() && !loadScenarios(options.scenariosPath, scenarios, err)) {
    return 1;
  }
  auto report = scoring::analyse(table.rows, options.scenariosPath.empty() ? nullptr : &scenarios);
  report.badRows = table.badRows;
  constexpr std::size_t kListedUnknown = 20;
  for (std::size_t i = 0; i < report.unknownScenarios.size() && i < kListedUnknown; ++i) {
    err << printableForTerminal(options.decisionsPath + ": warning: no scenario \"" +
                                report.unknownScenarios[i] +
                                "\" with a panel in the scenarios given; its decisions are not "
                                "compared with a panel")
        << '\n';
  }
  if (report.unknownScenarios.size() > kListedUnknown) {
    err << options.decisionsPath << ": warning: ... and "
        << report.unknownScenarios.size() - kListedUnknown << " more unknown scenarios\n";
  }
  std::ofstream file;
  if (!options.outPath.empty()) {
    file.open(options.outPath, std::ios::binary | std::ios::trunc);
  }
  std::ostream& sink = options.outPath.empty() ? out : file;
  if (options.format == "json") {
    writeReportJson(report, sink);
    return finishWriting(options, sink, err);
  }
  std::string rendered;
  if (options.format == "csv") {
    rendered = reportCsv(report);
  } else if (options.format == "html") {
    rendered = reportHtml(report);
  } else {
    rendered = printableForTerminal(reportText(report));
  }
  sink << rendered;
  return finishWriting(options, sink, err);
}

} // namespace sim::cli
