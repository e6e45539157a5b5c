// An attempt's score from its decisions' scores, and the rule for when figures that compare
// decisions across cases (kappa, d′ and c, calibration bins) have enough decisions behind
// them to be shown. One home for both, used by Progress, the debrief and the reports.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace sim::scoring {

/// Figures that compare decisions across cases are shown only from this many decisions
/// (and, for signal detection, cases on both sides of the statutory line): fewer would say
/// more about chance than about practice.
inline constexpr std::int64_t kMinimumDecisions = 4;

/// One decision's score (0..100) and its case weight (contested cases weigh less).
struct WeightedScore {
  double score = 0.0;
  double weight = 1.0;
};

/// The weighted mean of the scores; none when there is no weight at all.
std::optional<double> attemptScore(const std::vector<WeightedScore>& scores);

} // namespace sim::scoring
