// Rendering an analytics report: JSON (keys documented in scenarios/SCORING.md), text for
// people, CSV (one row per practitioner) and a self-contained HTML page.
#pragma once

#include "sim/scoring/analytics.hpp"

#include <ostream>
#include <string>

namespace sim::cli {

std::string reportJson(const scoring::Report& report);
/// The same JSON written to `out` as it is made (for very large reports).
void writeReportJson(const scoring::Report& report, std::ostream& out);
std::string reportText(const scoring::Report& report);
std::string reportCsv(const scoring::Report& report);
std::string reportHtml(const scoring::Report& report);

} // namespace sim::cli
