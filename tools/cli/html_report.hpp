// `frontdoor-cli export --format html`: a self-contained practice report for one
// practitioner or for everyone in a results database, with inline SVG charts (each with a
// table as its text equivalent), printable on A4.
#pragma once

#include "sim/scoring/analytics.hpp"
#include "sim/storage/results_store.hpp"

#include <optional>
#include <string>

namespace sim::cli {

core::Result<std::string> htmlReport(storage::ResultsStore& store,
                                     const std::optional<std::string>& practitioner,
                                     const scoring::ScenarioIndex& scenarios);

} // namespace sim::cli
