// A workshop's votes as a decisions table (the CSV `report` reads): one row per table or
// person per decision point, their final vote (the revote when there was one), with the
// table as `team`, the workshop as `cohort` and the room's information habits at that
// decision point, so a workshop's conversion and agreement are read like any other.
#pragma once

#include "sim/workshop/workshop_run.hpp"

#include <string>

namespace sim::exchange {

std::string workshopDecisionsCsv(const workshop::WorkshopRun& run, const std::string& cohort);

} // namespace sim::exchange
