// Signal detection measures with the log-linear correction (Hautus 1995) applied to every
// count, and the inverse standard normal CDF they rest on (Acklam's rational approximation
// refined by one Halley step). Out-of-range input gives the documented finite stand-ins.
#include "sim/scoring/signal_detection.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace sim::scoring {

namespace {

// Returned for p <= 0 and p >= 1: beyond the quantile of any positive double (about -38.5).
constexpr double kZLimit = 40.0;
// Below this z (p under about 1.7e-307) the refinement's exp(z^2/2) nears overflow (at
// |z| = 37.68) and erfc turns subnormal, so the refinement is skipped there.
constexpr double kRefineFloor = -37.5;
constexpr double kSqrt2 = 1.41421356237309504880;
constexpr double kSqrt2Pi = 2.50662827463100050242;

// Acklam (2003), "An algorithm for computing the inverse normal cumulative distribution
// function": relative error below 1.15e-9 before refinement.
constexpr std::array<double, 6> kA{-3.969683028665376e+01, 2.209460984245205e+02,
                                   -2.759285104469687e+02, 1.383577518672690e+02,
                                   -3.066479806614716e+01, 2.506628277459239e+00};
constexpr std::array<double, 5> kB{-5.447609879822406e+01, 1.615858368580409e+02,
                                   -1.556989798598866e+02, 6.680131188771972e+01,
                                   -1.328068155288572e+01};
constexpr std::array<double, 6> kC{-7.784894002430293e-03, -3.223964580411365e-01,
                                   -2.400758277161838e+00, -2.549732539343734e+00,
                                   4.374664141464968e+00,  2.938163982698783e+00};
constexpr std::array<double, 4> kD{7.784695709041462e-03, 3.224671290700398e-01,
                                   2.445134137142996e+00, 3.754408661907416e+00};
constexpr double kLowRegion = 0.02425;

// Quantile for p in (0, 0.5]. The upper half is handled by symmetry because 1 - p is exact
// for p in [0.5, 1), which keeps the refinement accurate in the upper tail as well.
double lowerHalfQuantile(double p) {
  double x = 0.0;
  if (p < kLowRegion) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((kC[0] * q + kC[1]) * q + kC[2]) * q + kC[3]) * q + kC[4]) * q + kC[5]) /
        ((((kD[0] * q + kD[1]) * q + kD[2]) * q + kD[3]) * q + 1.0);
  } else {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((kA[0] * r + kA[1]) * r + kA[2]) * r + kA[3]) * r + kA[4]) * r + kA[5]) * q /
        (((((kB[0] * r + kB[1]) * r + kB[2]) * r + kB[3]) * r + kB[4]) * r + 1.0);
  }
  if (x > kRefineFloor) {
    // One Halley step on Phi(x) - p = 0 (Acklam's refinement).
    const double e = 0.5 * std::erfc(-x / kSqrt2) - p;
    const double u = e * kSqrt2Pi * std::exp(x * x / 2.0);
    x = x - u / (1.0 + x * u / 2.0);
  }
  return x;
}

} // namespace

double inverseNormal(double p) {
  if (std::isnan(p)) {
    return 0.0;
  }
  if (p <= 0.0) {
    return -kZLimit;
  }
  if (p >= 1.0) {
    return kZLimit;
  }
  if (p > 0.5) {
    return -lowerHalfQuantile(1.0 - p);
  }
  return lowerHalfQuantile(p);
}

SignalDetection signalDetection(const SignalCounts& counts) {
  const auto nonNegative = [](std::int64_t n) {
    return static_cast<double>(std::max<std::int64_t>(n, 0));
  };
  const double hits = nonNegative(counts.hits);
  const double misses = nonNegative(counts.misses);
  const double falseAlarms = nonNegative(counts.falseAlarms);
  const double correctRejections = nonNegative(counts.correctRejections);
  const double signalTrials = hits + misses;
  const double noiseTrials = falseAlarms + correctRejections;

  SignalDetection result;
  if (signalTrials <= 0.0 || noiseTrials <= 0.0) {
    result.defined = false;
    return result;
  }
  result.hitRate = (hits + 0.5) / (signalTrials + 1.0);
  result.falseAlarmRate = (falseAlarms + 0.5) / (noiseTrials + 1.0);
  const double zHit = inverseNormal(result.hitRate);
  const double zFalseAlarm = inverseNormal(result.falseAlarmRate);
  result.dPrime = zHit - zFalseAlarm;
  result.criterion = -(zHit + zFalseAlarm) / 2.0;
  return result;
}

} // namespace sim::scoring
