// Brier score, its Murphy (1973) decomposition and reliability-diagram bins. Forecasts
// outside [0, 1] are clamped and bin membership follows the stored bin edges exactly, so a
// forecast equal to an edge always lands in the bin that edge opens.
#include "sim/scoring/calibration.hpp"

#include <algorithm>
#include <cstddef>

namespace sim::scoring {

namespace {

double outcome(const Forecast& f) { return f.happened ? 1.0 : 0.0; }

} // namespace

double clampedProbability(double p) {
  if (!(p >= 0.0)) {
    return 0.0; // negative or NaN
  }
  return std::min(p, 1.0);
}

double binEdge(int k, int binCount) {
  return static_cast<double>(k) / static_cast<double>(binCount);
}

// Index of the bin [edge(k), edge(k+1)) holding p (p already in [0, 1]); 1.0 goes in the last.
// The multiplication gives the right bin or a neighbour; the loops settle rounding at edges.
int binIndex(double p, int binCount) {
  int k = std::clamp(static_cast<int>(p * static_cast<double>(binCount)), 0, binCount - 1);
  while (k > 0 && p < binEdge(k, binCount)) {
    --k;
  }
  while (k < binCount - 1 && p >= binEdge(k + 1, binCount)) {
    ++k;
  }
  return k;
}

double brierScore(const std::vector<Forecast>& forecasts) {
  if (forecasts.empty()) {
    return 0.0;
  }
  double sum = 0.0;
  for (const Forecast& f : forecasts) {
    const double error = clampedProbability(f.probability) - outcome(f);
    sum += error * error;
  }
  return sum / static_cast<double>(forecasts.size());
}

BrierDecomposition decomposeBrier(const std::vector<Forecast>& forecasts, int binCount) {
  const int bins = std::max(binCount, 1);
  BrierDecomposition result;
  result.count = static_cast<int>(forecasts.size());
  result.bins.resize(static_cast<std::size_t>(bins));
  std::vector<double> forecastSums(static_cast<std::size_t>(bins), 0.0);
  std::vector<double> outcomeSums(static_cast<std::size_t>(bins), 0.0);
  for (int k = 0; k < bins; ++k) {
    ReliabilityBin& bin = result.bins[static_cast<std::size_t>(k)];
    bin.lower = binEdge(k, bins);
    bin.upper = binEdge(k + 1, bins);
  }
  if (forecasts.empty()) {
    return result;
  }

  double outcomeTotal = 0.0;
  for (const Forecast& f : forecasts) {
    const double p = clampedProbability(f.probability);
    const auto k = static_cast<std::size_t>(binIndex(p, bins));
    ++result.bins[k].count;
    forecastSums[k] += p;
    outcomeSums[k] += outcome(f);
    outcomeTotal += outcome(f);
  }

  const double n = static_cast<double>(forecasts.size());
  const double baseRate = outcomeTotal / n;
  double reliability = 0.0;
  double resolution = 0.0;
  for (std::size_t k = 0; k < result.bins.size(); ++k) {
    ReliabilityBin& bin = result.bins[k];
    if (bin.count == 0) {
      continue;
    }
    const double nk = static_cast<double>(bin.count);
    bin.meanForecast = forecastSums[k] / nk;
    bin.observedFrequency = outcomeSums[k] / nk;
    const double gap = bin.meanForecast - bin.observedFrequency;
    const double spread = bin.observedFrequency - baseRate;
    reliability += nk * gap * gap;
    resolution += nk * spread * spread;
  }

  result.brier = brierScore(forecasts);
  result.reliability = reliability / n;
  result.resolution = resolution / n;
  result.uncertainty = baseRate * (1.0 - baseRate);
  result.withinBin = result.brier - (result.reliability - result.resolution + result.uncertainty);
  return result;
}

} // namespace sim::scoring
