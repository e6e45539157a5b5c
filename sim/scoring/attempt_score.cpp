// The weighted mean of an attempt's decision scores.
#include "sim/scoring/attempt_score.hpp"

namespace sim::scoring {

std::optional<double> attemptScore(const std::vector<WeightedScore>& scores) {
  double weighted = 0.0;
  double weights = 0.0;
  for (const auto& s : scores) {
    weighted += s.score * s.weight;
    weights += s.weight;
  }
  if (weights <= 0.0) {
    return std::nullopt;
  }
  return weighted / weights;
}

} // namespace sim::scoring
