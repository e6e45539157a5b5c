// A decision's score as JSON (keys documented in scenarios/ACTIONS.md), for the play report.
// Private to sim_report: JSON types stay out of the library's public headers.
#pragma once

#include "sim/scoring/decision_score.hpp"

#include <nlohmann/json.hpp>

namespace sim::report::detail {

nlohmann::ordered_json scoreJson(const scoring::DecisionScore& score);

} // namespace sim::report::detail
