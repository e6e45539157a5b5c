// The kinds of export of a results database (sim/exchange/database_export.hpp writes them):
// a decisions table (CSV), the printable practice report (HTML), xAPI statements (JSON) and
// a results file for another machine (JSON). A plain vocabulary, so views can name them.
#pragma once

#include <array>
#include <string_view>

namespace sim::core {

enum class ExportFormat { Csv, Html, Xapi, Results };

inline constexpr std::array<ExportFormat, 4> kExportFormats{
    ExportFormat::Csv, ExportFormat::Html, ExportFormat::Xapi, ExportFormat::Results};

/// "csv", "html", "xapi", "results": the words of `frontdoor-cli export --format`.
constexpr std::string_view exportFormatToken(ExportFormat format) {
  switch (format) {
  case ExportFormat::Csv:
    return "csv";
  case ExportFormat::Html:
    return "html";
  case ExportFormat::Xapi:
    return "xapi";
  case ExportFormat::Results:
    break;
  }
  return "results";
}

/// What the export is, for people: "Decisions table (CSV)".
constexpr std::string_view exportFormatLabel(ExportFormat format) {
  switch (format) {
  case ExportFormat::Csv:
    return "Decisions table (CSV)";
  case ExportFormat::Html:
    return "Practice report (HTML, prints on A4)";
  case ExportFormat::Xapi:
    return "xAPI statements (JSON)";
  case ExportFormat::Results:
    break;
  }
  return "Results file for another computer (JSON)";
}

} // namespace sim::core
