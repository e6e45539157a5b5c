// The printable, self-contained HTML report of a workshop (no scripts, no external files):
// per decision point the room's votes and revote beside the panellists', the shift after
// discussion, the band shares and the panel's view; then the workshop's conversion and
// Fleiss' kappa, computed from the same decision rows as its decisions table.
#pragma once

#include "sim/core/scenario.hpp"
#include "sim/workshop/workshop_run.hpp"

#include <string>

namespace sim::report {

/// `cohort` names the workshop (as in its decisions table); `cases` are the panels compared.
std::string workshopReportHtml(const workshop::WorkshopRun& run, const std::string& cohort,
                               const core::ScenarioIndex& cases);

} // namespace sim::report
