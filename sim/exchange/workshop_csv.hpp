// A workshop's final votes as a decisions table (the CSV `report` reads):
// workshop::finalDecisionRows written with the columns trainee, scenario, decision,
// need_level, p_harm, team (the table), cohort (the workshop), checks, records_checked,
// child_seen and decision_point.
#pragma once

#include "sim/workshop/workshop_run.hpp"

#include <string>

namespace sim::exchange {

std::string workshopDecisionsCsv(const workshop::WorkshopRun& run, const std::string& cohort);

} // namespace sim::exchange
