// Probability forecasts against what happened: the Brier score, its Murphy (1973)
// decomposition into reliability, resolution and uncertainty over forecast bins, and the
// bins of a reliability diagram. Forecasts and outcomes are 0..1 and 0/1.
#pragma once

#include <vector>

namespace sim::scoring {

struct Forecast {
  double probability = 0.0; // 0..1
  bool happened = false;
};

struct ReliabilityBin {
  double lower = 0.0; // bin [lower, upper); the last bin includes 1.0
  double upper = 0.0;
  int count = 0;
  double meanForecast = 0.0;      // 0 when count is 0
  double observedFrequency = 0.0; // 0 when count is 0
};

struct BrierDecomposition {
  int count = 0;
  double brier = 0.0;       // mean squared error; 0 when count is 0
  double reliability = 0.0; // sum_k n_k (f_k - o_k)^2 / N, with f_k the bin's mean forecast
  double resolution = 0.0;  // sum_k n_k (o_k - o)^2 / N
  double uncertainty = 0.0; // o (1 - o)
  /// brier - (reliability - resolution + uncertainty): zero when every forecast in a bin is
  /// the same; otherwise the within-bin variance terms (Stephenson et al. 2008).
  double withinBin = 0.0;
  std::vector<ReliabilityBin> bins;
};

/// Brier score of forecasts (0 for no forecasts). A probability below 0 or NaN is read as 0
/// and one above 1 as 1 (here and in decomposeBrier).
/// A forecast as scored: clamped to [0, 1], NaN as 0.
double clampedProbability(double p);
/// The lower edge of reliability bin `k` of `binCount` (k / binCount).
double binEdge(int k, int binCount);
/// The bin [edge(k), edge(k+1)) holding `p` (already in [0, 1]); 1.0 goes in the last.
int binIndex(double p, int binCount);

double brierScore(const std::vector<Forecast>& forecasts);

/// The decomposition over `binCount` equal-width bins of [0, 1] (default 10). Bin k is
/// [k/binCount, (k+1)/binCount) with its edges computed as doubles; a forecast equal to an
/// edge goes in the bin that edge opens, and 1.0 goes in the last bin. `bins` always holds
/// binCount bins, empty ones included; binCount below 1 is read as 1. No forecasts: count
/// 0 and every term 0. One forecast: resolution and uncertainty 0, reliability = brier.
BrierDecomposition decomposeBrier(const std::vector<Forecast>& forecasts, int binCount = 10);

} // namespace sim::scoring
