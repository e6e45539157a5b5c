// The practice report: a self-contained HTML page for one practitioner or for everyone in
// a results database (score over time, conversion beside the panels', agreement, the
// reliability diagram of re-referral estimates, information habits and every decision),
// with inline SVG charts each followed by a table as its text equivalent, printable on A4.
// Continuing-professional-development evidence; written by the app and `export --format html`.
#pragma once

#include "sim/core/result.hpp"
#include "sim/core/scenario.hpp"
#include "sim/storage/results_store.hpp"

#include <optional>
#include <string>

namespace sim::report {

core::Result<std::string> practiceReportHtml(storage::ResultsStore& store,
                                             const std::optional<std::string>& practitioner,
                                             const core::ScenarioIndex& scenarios);

} // namespace sim::report
