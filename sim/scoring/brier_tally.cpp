// Incremental Brier decomposition. The sums are the ones decomposeBrier makes, taken in the
// same order: forecasts per bin, squared errors overall; outcome sums are sums of 0s and 1s,
// kept as integers (exact, so the doubles made from them are the same). The clamping and
// the bin edges are calibration.hpp's own.
#include "sim/scoring/brier_tally.hpp"

#include <algorithm>
#include <cstddef>

namespace sim::scoring {

void BrierTally::add(const Forecast& forecast) {
  const double p = clampedProbability(forecast.probability);
  Bin& bin = m_bins.at(static_cast<std::size_t>(binIndex(p, kBins)));
  ++bin.count;
  bin.forecastSum += p;
  const double outcome = forecast.happened ? 1.0 : 0.0;
  bin.happened += forecast.happened ? 1U : 0U;
  m_happened += forecast.happened ? 1U : 0U;
  const double error = p - outcome;
  m_squaredErrors += error * error;
  ++m_count;
}

BrierDecomposition BrierTally::finish() const {
  BrierDecomposition result;
  result.count = m_count;
  result.bins.resize(static_cast<std::size_t>(kBins));
  for (int k = 0; k < kBins; ++k) {
    ReliabilityBin& bin = result.bins[static_cast<std::size_t>(k)];
    bin.lower = binEdge(k, kBins);
    bin.upper = binEdge(k + 1, kBins);
  }
  if (m_count == 0) {
    return result;
  }
  const double n = static_cast<double>(m_count);
  const double baseRate = static_cast<double>(m_happened) / n;
  double reliability = 0.0;
  double resolution = 0.0;
  for (std::size_t k = 0; k < result.bins.size(); ++k) {
    ReliabilityBin& bin = result.bins[k];
    const Bin& tally = m_bins.at(k);
    bin.count = static_cast<int>(tally.count);
    if (bin.count == 0) {
      continue;
    }
    const double nk = static_cast<double>(bin.count);
    bin.meanForecast = tally.forecastSum / nk;
    bin.observedFrequency = static_cast<double>(tally.happened) / nk;
    const double gap = bin.meanForecast - bin.observedFrequency;
    const double spread = bin.observedFrequency - baseRate;
    reliability += nk * gap * gap;
    resolution += nk * spread * spread;
  }
  result.brier = m_squaredErrors / n;
  result.reliability = reliability / n;
  result.resolution = resolution / n;
  result.uncertainty = baseRate * (1.0 - baseRate);
  result.withinBin = result.brier - (result.reliability - result.resolution + result.uncertainty);
  return result;
}

} // namespace sim::scoring
