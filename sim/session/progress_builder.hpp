// The progress screen's model for one practitioner: their attempts with scores and how each
// first decision sits against the panel's band, the score trend, and the analytics of all
// their decisions (conversion beside the panels', signal detection, calibration, habits),
// all from the practice summary (sim/report/practice_summary.hpp); and each part of the
// score over the finished attempts, replayed from their events and scored with the rubric.
#pragma once

#include "sim/core/rubric.hpp"
#include "sim/core/scenario.hpp"
#include "sim/storage/results_store.hpp"
#include "sim/view/shell_model.hpp"

#include <string>

namespace sim::session {

/// Build the progress model; a store failure is returned as an Error.
core::Result<view::ProgressModel> buildProgress(storage::ResultsStore& store,
                                                const std::string& practitioner,
                                                const core::ScenarioIndex& scenarios,
                                                const core::Rubric& rubric);

} // namespace sim::session
