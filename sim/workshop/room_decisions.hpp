// A workshop's final votes as decision rows, the form the analytics read: one row per table
// or person per decision point (the revote when there was one), the table as `team`, the
// workshop as `cohort`, and the room's information habits when it decided there. The CSV
// (`frontdoor-cli workshop --csv`) and the HTML workshop report are both made from these
// rows, so `report` on the CSV gives the figures the HTML report shows.
#pragma once

#include "sim/scoring/decision_row.hpp"
#include "sim/workshop/workshop_run.hpp"

#include <string>
#include <vector>

namespace sim::workshop {

std::vector<scoring::DecisionRow> finalDecisionRows(const WorkshopRun& run,
                                                    const std::string& cohort);

} // namespace sim::workshop
