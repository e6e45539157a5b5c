// Rendering a decision's score as text for people: critical errors first, then each
// component with the lines that explain its points. (The JSON form is detail/score_json.hpp.)
#pragma once

#include "sim/scoring/decision_score.hpp"

#include <ostream>

namespace sim::report {

void writeScoreText(std::ostream& out, const scoring::DecisionScore& score);

} // namespace sim::report
