// Choosing the export by format, and the durable write of an export file.
#include "sim/exchange/database_export.hpp"

#include "sim/core/file_output.hpp"
#include "sim/exchange/decisions_csv.hpp"
#include "sim/exchange/results_file.hpp"
#include "sim/exchange/xapi_statements.hpp"
#include "sim/report/practice_report.hpp"

#include <cstdio>

namespace sim::exchange {

namespace {

struct FormatInfo {
  ExportFormat format;
  std::string_view token;
  std::string_view stem;
  std::string_view extension;
};

constexpr std::array<FormatInfo, 4> kFormats{{
    {ExportFormat::Csv, "csv", "decisions", ".csv"},
    {ExportFormat::Html, "html", "practice-report", ".html"},
    {ExportFormat::Xapi, "xapi", "xapi", ".json"},
    {ExportFormat::Results, "results", "results", ".json"},
}};

const FormatInfo& infoOf(ExportFormat format) {
  for (const auto& info : kFormats) {
    if (info.format == format) {
      return info;
    }
  }
  return kFormats.front();
}

} // namespace

std::string_view formatToken(ExportFormat format) { return core::exportFormatToken(format); }

std::string_view formatLabel(ExportFormat format) { return core::exportFormatLabel(format); }

std::optional<ExportFormat> parseFormat(std::string_view token) {
  for (const auto& info : kFormats) {
    if (info.token == token) {
      return info.format;
    }
  }
  return std::nullopt;
}

std::string exportFileName(ExportFormat format, const std::optional<std::string>& practitioner) {
  const auto& info = infoOf(format);
  // An id from another machine may hold anything: only letters, digits, '-', '_' and '.'
  // reach the file name, so it never names another folder.
  std::string who = practitioner.value_or("everyone");
  for (char& c : who) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    c = plain ? c : '_';
  }
  return "frontdoor-" + std::string(info.stem) + "-" + who + std::string(info.extension);
}

core::Result<std::string> exportDatabase(storage::ResultsStore& store, ExportFormat format,
                                         const std::optional<std::string>& practitioner,
                                         const core::ScenarioIndex& scenarios) {
  switch (format) {
  case ExportFormat::Csv: {
    const auto decisions = store.decisions(practitioner);
    if (!decisions) {
      return decisions.error();
    }
    return decisionsCsv(decisions.value());
  }
  case ExportFormat::Html:
    return report::practiceReportHtml(store, practitioner, scenarios);
  case ExportFormat::Xapi: {
    ScenarioTitles titles;
    for (const auto& [id, scenario] : scenarios) {
      titles[id] = scenario->meta.title;
    }
    return xapiStatements(store, practitioner, titles);
  }
  case ExportFormat::Results:
    return resultsFile(store, practitioner);
  }
  return core::Error{"unknown export format"};
}

core::Result<storage::Ok> writeExportFile(const std::filesystem::path& path,
                                          std::string_view text) {
  return core::writeFileWhole(path, text);
}

} // namespace sim::exchange
