// Rendering a decision's score for the command line: as JSON (keys documented in
// scenarios/ACTIONS.md) and as text, critical errors first, then each component with the
// lines that explain its points.
#pragma once

#include "sim/scoring/decision_score.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace sim::cli {

nlohmann::ordered_json scoreJson(const scoring::DecisionScore& score);
void writeScoreText(std::ostream& out, const scoring::DecisionScore& score);

} // namespace sim::cli
