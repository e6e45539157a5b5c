// Rendering an analytics report: JSON (keys documented in scenarios/SCORING.md), text for
// people, CSV (one row per practitioner) and a self-contained HTML page. Each can take its
// practitioners from a PractitionerStream (an Analysis makes them one at a time) and writes
// as it goes, so a report of a million practitioners is never held whole.
#pragma once

#include "sim/scoring/analytics.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sim::report {

std::string reportJson(const scoring::Report& report);
/// The same JSON written to `out` as it is made (for very large reports).
void writeReportJson(const scoring::Report& report, std::ostream& out);
/// The JSON with the practitioners from `practitioners` instead of report.practitioners.
void writeReportJson(const scoring::Report& report,
                     const scoring::PractitionerStream& practitioners, std::ostream& out);
std::string reportText(const scoring::Report& report);
std::string reportCsv(const scoring::Report& report);
std::string reportHtml(const scoring::Report& report);

enum class GroupFormat { Text, Json, Csv, Html };
/// "text", "json", "csv", "html".
std::optional<GroupFormat> parseGroupFormat(std::string_view token);
/// The report in `format` written to `out` (JSON as it is made; text with control
/// characters made safe for a terminal).
void writeGroupReport(const scoring::Report& report, GroupFormat format, std::ostream& out);
/// The same with the practitioners from `practitioners` instead of report.practitioners.
void writeGroupReport(const scoring::Report& report,
                      const scoring::PractitionerStream& practitioners, GroupFormat format,
                      std::ostream& out);

/// Warnings for the scenario ids in the rows that have no panel among the scenarios given
/// (at most 20, then one line counting the rest), naming `source` (the decisions file).
std::vector<std::string> unknownScenarioWarnings(const scoring::Report& report,
                                                 const std::string& source);

} // namespace sim::report
