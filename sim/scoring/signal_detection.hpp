// Signal detection for a yes/no judgement ("a statutory response is needed"): hit and
// false-alarm rates, sensitivity d' and criterion c, with the log-linear correction of
// Hautus (1995) so that rates of 0 or 1 give finite values.
#pragma once

#include <cstdint>

namespace sim::scoring {

struct SignalCounts {
  std::int64_t hits = 0;              // signal present, said yes
  std::int64_t misses = 0;            // signal present, said no
  std::int64_t falseAlarms = 0;       // signal absent, said yes
  std::int64_t correctRejections = 0; // signal absent, said no
};

struct SignalDetection {
  double hitRate = 0.0;        // corrected: (hits + 0.5) / (signal trials + 1)
  double falseAlarmRate = 0.0; // corrected: (false alarms + 0.5) / (noise trials + 1)
  double dPrime = 0.0;         // z(H) - z(F)
  double criterion = 0.0;      // c = -(z(H) + z(F)) / 2; positive = conservative (says no more)
  bool defined = true;         // false when there are no signal or no noise trials (values 0)
};

/// The correction is applied to every count, not only to rates of 0 or 1, so all hits and
/// no false alarms stay finite: e.g. 10/10 hits, 0/10 false alarms gives H = 10.5/11.
/// Negative counts count as 0. Without signal or noise trials every number is 0 and
/// `defined` is false.
SignalDetection signalDetection(const SignalCounts& counts);

/// Inverse of the standard normal CDF for p in (0, 1) (Acklam's algorithm with one
/// Halley refinement step, as Acklam gives it; absolute error below 1e-9 for p >= 1e-300,
/// below 1e-7 for smaller positive p, where the refinement is skipped). Outside (0, 1) it
/// stays finite: p <= 0 gives -40, p >= 1 gives +40 (beyond the quantile of any positive
/// double, about -38.5) and NaN gives 0.
double inverseNormal(double p);

} // namespace sim::scoring
