// The progress screen's model for one practitioner: their attempts with scores and how each
// first decision sits against the panel's band, the score trend, and the analytics of all
// their decisions (conversion beside the panels', signal detection, calibration, habits).
#pragma once

#include "sim/scoring/analytics.hpp"
#include "sim/storage/results_store.hpp"
#include "sim/view/shell_model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sim::session {

/// An attempt's score: its decisions' scores weighted by case weight (none when no decision
/// has a score).
std::optional<double> attemptScore(const std::vector<storage::DecisionRow>& decisions);

/// Build the progress model; a store failure is returned as an Error.
core::Result<view::ProgressModel> buildProgress(storage::ResultsStore& store,
                                                const std::string& practitioner,
                                                const scoring::ScenarioIndex& scenarios);

} // namespace sim::session
