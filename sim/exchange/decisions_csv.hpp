// The decisions in a results database as a decisions table (CSV): the columns `report`
// reads (trainee, scenario, decision, need level, estimates, team, cohort, habits) plus
// attempt, decision point, simulated time, deadline met, score, case weight and start time,
// for people reading it in a spreadsheet.
#pragma once

#include "sim/storage/results_store.hpp"

#include <string>
#include <vector>

namespace sim::exchange {

std::string decisionsCsv(const std::vector<storage::StoredDecision>& decisions);

} // namespace sim::exchange
