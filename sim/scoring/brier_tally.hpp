// The Brier decomposition of forecasts added one at a time: per-bin counts and sums in
// fixed room, for tallies that must not keep every forecast (a practitioner's re-referral
// estimates in a report over a million rows). finish() equals decomposeBrier over the same
// forecasts in the same order, to the last bit.
#pragma once

#include "sim/scoring/calibration.hpp"

#include <array>
#include <cstdint>

namespace sim::scoring {

class BrierTally {
public:
  /// decomposeBrier's default bin count.
  static constexpr int kBins = 10;

  void add(const Forecast& forecast);
  [[nodiscard]] int count() const { return m_count; }
  /// The same figures as decomposeBrier(forecasts) with kBins bins.
  [[nodiscard]] BrierDecomposition finish() const;

private:
  struct Bin {
    std::uint32_t count = 0;
    std::uint32_t happened = 0;
    double forecastSum = 0.0;
  };
  std::array<Bin, kBins> m_bins{};
  int m_count = 0;
  std::uint32_t m_happened = 0;
  double m_squaredErrors = 0.0;
};

} // namespace sim::scoring
