// Signal detection (signal_detection.hpp): the inverse normal against standard quantiles,
// d' and c with the log-linear correction (Hautus 1995) against textbook worked values and
// an independent Python computation, and the documented edge cases.
#include "sim/scoring/signal_detection.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <vector>

using namespace sim;

// Every Approx sets epsilon(0) so that only its stated absolute margin applies: Catch's
// default relative epsilon (about 1.2e-5) would otherwise loosen the larger values.

namespace {

bool allFinite(const scoring::SignalDetection& s) {
  return std::isfinite(s.hitRate) && std::isfinite(s.falseAlarmRate) && std::isfinite(s.dPrime) &&
         std::isfinite(s.criterion);
}

struct Quantile {
  double p;
  double z;
};

} // namespace

TEST_CASE("the inverse normal matches standard normal quantiles") {
  // Reference quantiles: Python 3 statistics.NormalDist().inv_cdf, which implements
  // Wichura (1988) AS 241 PPND16 (about 1e-16 relative; R's qnorm uses the same algorithm),
  // and the classic table values z(.975) = 1.959963984540054, z(.8) = 0.8416212335729143.
  // The header promises an absolute error below 1e-9, so that is the margin.
  CHECK(scoring::inverseNormal(0.5) == 0.0);
  const std::vector<Quantile> quantiles{
      {0.975, 1.959963984540054},
      {0.8, 0.8416212335729143},
      {0.75, 0.6744897501960817},
      {0.5, 0.0},
      {0.7, 0.5244005127080407},
      {0.3, -0.5244005127080407},
      {0.9, 1.2815515655446004},
      {0.1, -1.2815515655446004},
      {0.85, 1.0364333894937894},
      {0.05, -1.6448536269514726},
      {0.025, -1.959963984540054},
      {0.999, 3.090232306167813},
      {0.02425, -1.9729610513118845}, // Acklam's region boundaries
      {0.97575, 1.9729610513118847},
      {1e-5, -4.2648907939228256},
      {1e-10, -6.361340902404056},
      {1.0 - 1e-10, 6.361340889697421}, // 1 - 1e-10 is not exact in binary: z differs
      {1e-300, -37.0470962993612},
  };
  for (const Quantile& q : quantiles) {
    INFO("p = " << q.p);
    CHECK(scoring::inverseNormal(q.p) == Approx(q.z).epsilon(0).margin(1e-9));
  }
}

TEST_CASE("the inverse normal is monotone and antisymmetric about one half") {
  double previous = scoring::inverseNormal(1e-300);
  CHECK(std::isfinite(previous));
  // A sweep across all three of Acklam's regions, with both tails, in small steps.
  for (double p = 1e-6; p < 1.0 - 1e-6; p += 1e-3) {
    const double z = scoring::inverseNormal(p);
    CHECK(z > previous);
    previous = z;
    CHECK(scoring::inverseNormal(1.0 - p) == Approx(-z).epsilon(0).margin(1e-9));
    // Phi(z) = p: Phi via the C library's erfc, independent of the approximation.
    CHECK(0.5 * std::erfc(-z / std::sqrt(2.0)) == Approx(p).epsilon(0).margin(1e-12));
  }
}

TEST_CASE("the inverse normal stays finite outside the open unit interval") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(scoring::inverseNormal(0.0) == -40.0);
  CHECK(scoring::inverseNormal(-0.5) == -40.0);
  CHECK(scoring::inverseNormal(-inf) == -40.0);
  CHECK(scoring::inverseNormal(1.0) == 40.0);
  CHECK(scoring::inverseNormal(2.0) == 40.0);
  CHECK(scoring::inverseNormal(inf) == 40.0);
  CHECK(scoring::inverseNormal(nan) == 0.0);
  // The smallest positive double, where the refinement is skipped (header: error < 1e-7).
  // Python statistics.NormalDist().inv_cdf(5e-324) = -38.46740561714434.
  const double tiny = std::numeric_limits<double>::denorm_min();
  CHECK(std::isfinite(scoring::inverseNormal(tiny)));
  CHECK(scoring::inverseNormal(tiny) == Approx(-38.46740561714434).epsilon(0).margin(1e-7));
  CHECK(scoring::inverseNormal(tiny) > -40.0);
  // The largest double below 1: 1 - 2^-53 -> z = 8.209536151601386 (Python, as above).
  CHECK(scoring::inverseNormal(std::nextafter(1.0, 0.0)) ==
        Approx(8.209536151601386).epsilon(0).margin(1e-9));
}

TEST_CASE("d prime and c reproduce textbook worked values through the log-linear rule") {
  // Hautus (1995) Behav Res Methods 27:46: H = (hits + 0.5)/(signal trials + 1), likewise
  // F. d' = z(H) - z(F) and c = -(z(H) + z(F))/2 (Stanislaw & Todorov 1999, Behav Res
  // Methods Instrum Comput 31:137). The counts are chosen so the corrected rates are the
  // round values of the worked table in W. Schneider, "Short notes on theory of signal
  // detection" (https://slideplayer.com/slide/6070164/: H .70, F .10 gives z 0.52 and
  // -1.282, d' 1.806; H .85, F .05 gives d' 2.681). Full precision: Python
  // statistics.NormalDist, as in the quantile test.
  // 3 of 4 hits, 0 of 4 false alarms: H = 3.5/5 = 0.7, F = 0.5/5 = 0.1.
  const scoring::SignalDetection a = scoring::signalDetection({3, 1, 0, 4});
  CHECK(a.defined);
  CHECK(a.hitRate == Approx(0.7).epsilon(0).margin(1e-15));
  CHECK(a.falseAlarmRate == Approx(0.1).epsilon(0).margin(1e-15));
  CHECK(a.dPrime == Approx(1.806).epsilon(0).margin(5e-4));
  CHECK(a.dPrime == Approx(1.8059520782526415).epsilon(0).margin(1e-9));
  CHECK(a.criterion == Approx(0.3785755264182801).epsilon(0).margin(1e-9));
  // 8 of 9 hits, 0 of 9 false alarms: H = 8.5/10 = 0.85, F = 0.5/10 = 0.05.
  const scoring::SignalDetection b = scoring::signalDetection({8, 1, 0, 9});
  CHECK(b.dPrime == Approx(2.681).epsilon(0).margin(5e-4));
  CHECK(b.dPrime == Approx(2.6812870164452622).epsilon(0).margin(1e-9));
  CHECK(b.criterion == Approx(0.3042101187288416).epsilon(0).margin(1e-9));
}

TEST_CASE("d prime and c match an independent computation for uneven counts") {
  // The data of the example in R sensR's SDT() help page (R. H. B. Christensen): 8 yes and
  // 17 no to 25 signal samples, 1 yes and 24 no to 25 noise samples. Corrected: H = 8.5/26,
  // F = 1.5/26. Python statistics.NormalDist: d' = 1.126019481911108,
  // c = 1.0114352242614886 (conservative: says no more often).
  const scoring::SignalDetection s = scoring::signalDetection({8, 17, 1, 24});
  CHECK(s.defined);
  CHECK(s.hitRate == Approx(8.5 / 26.0).epsilon(0).margin(1e-15));
  CHECK(s.falseAlarmRate == Approx(1.5 / 26.0).epsilon(0).margin(1e-15));
  CHECK(s.dPrime == Approx(1.126019481911108).epsilon(0).margin(1e-9));
  CHECK(s.criterion == Approx(1.0114352242614886).epsilon(0).margin(1e-9));
}

TEST_CASE("zero hits or zero false alarms or all hits stay finite") {
  // All hits, no false alarms: H = 10.5/11, F = 0.5/11, d' = 3.3812432591697963, c = 0.
  const scoring::SignalDetection perfect = scoring::signalDetection({10, 0, 0, 10});
  CHECK(perfect.defined);
  CHECK(perfect.dPrime == Approx(3.3812432591697963).epsilon(0).margin(1e-9));
  CHECK(perfect.criterion == Approx(0.0).epsilon(0).margin(1e-9));
  CHECK(allFinite(perfect));
  // No hits and all false alarms: the mirror image, d' = -3.3812432591697963.
  const scoring::SignalDetection inverted = scoring::signalDetection({0, 10, 10, 0});
  CHECK(inverted.dPrime == Approx(-3.3812432591697963).epsilon(0).margin(1e-9));
  CHECK(allFinite(inverted));
  // Never says yes: H = F = 0.5/6, d' = 0, c = -z(1/12) = 1.3829941271006387 (Python).
  const scoring::SignalDetection neverYes = scoring::signalDetection({0, 5, 0, 5});
  CHECK(neverYes.dPrime == Approx(0.0).epsilon(0).margin(1e-12));
  CHECK(neverYes.criterion == Approx(1.3829941271006387).epsilon(0).margin(1e-9));
  CHECK(allFinite(neverYes));
  // Always says yes: H = F = 5.5/6, d' = 0 and a liberal (negative) criterion.
  const scoring::SignalDetection alwaysYes = scoring::signalDetection({5, 0, 5, 0});
  CHECK(alwaysYes.dPrime == Approx(0.0).epsilon(0).margin(1e-12));
  CHECK(alwaysYes.criterion == Approx(-1.3829941271006387).epsilon(0).margin(1e-9));
  CHECK(allFinite(alwaysYes));
}

TEST_CASE("signal detection for a trainee with one or two cases") {
  // One case gives either no signal or no noise trials: undefined, every number 0.
  for (const scoring::SignalCounts& one :
       {scoring::SignalCounts{1, 0, 0, 0}, scoring::SignalCounts{0, 1, 0, 0},
        scoring::SignalCounts{0, 0, 1, 0}, scoring::SignalCounts{0, 0, 0, 1}}) {
    const scoring::SignalDetection s = scoring::signalDetection(one);
    CHECK_FALSE(s.defined);
    CHECK(s.hitRate == 0.0);
    CHECK(s.falseAlarmRate == 0.0);
    CHECK(s.dPrime == 0.0);
    CHECK(s.criterion == 0.0);
    CHECK(allFinite(s));
  }
  // One signal case hit and one noise case rejected: H = 0.75, F = 0.25,
  // d' = 2 z(0.75) = 1.3489795003921634, c = 0.
  const scoring::SignalDetection two = scoring::signalDetection({1, 0, 0, 1});
  CHECK(two.defined);
  CHECK(two.hitRate == 0.75);
  CHECK(two.falseAlarmRate == 0.25);
  CHECK(two.dPrime == Approx(1.3489795003921634).epsilon(0).margin(1e-9));
  CHECK(two.criterion == Approx(0.0).epsilon(0).margin(1e-9));
}

TEST_CASE("signal detection without trials or with negative counts") {
  const scoring::SignalDetection none = scoring::signalDetection({});
  CHECK_FALSE(none.defined);
  CHECK(allFinite(none));
  CHECK(none.dPrime == 0.0);
  // Negative counts count as 0.
  const scoring::SignalDetection negative = scoring::signalDetection({-3, 2, -1, 4});
  const scoring::SignalDetection zeroed = scoring::signalDetection({0, 2, 0, 4});
  CHECK(negative.defined);
  CHECK(negative.dPrime == zeroed.dPrime);
  CHECK(negative.criterion == zeroed.criterion);
  CHECK_FALSE(scoring::signalDetection({-1, 0, 3, 3}).defined);
}

TEST_CASE("the criterion is positive for a conservative trainee and negative for a liberal one") {
  // domain: c > 0 under-intervenes (says no more), c < 0 over-intervenes.
  const scoring::SignalDetection conservative = scoring::signalDetection({4, 6, 0, 10});
  const scoring::SignalDetection liberal = scoring::signalDetection({10, 0, 6, 4});
  CHECK(conservative.criterion > 0.0);
  CHECK(liberal.criterion < 0.0);
  // Mirror images: same sensitivity, opposite bias. Python statistics.NormalDist:
  // z(4.5/11) = -0.22988411757923205, z(0.5/11) = -1.6906216295848977, so
  // d' = 1.4607375120056656 and c = +-0.9602528735820649.
  CHECK(conservative.dPrime == Approx(liberal.dPrime).epsilon(0).margin(1e-12));
  CHECK(conservative.criterion == Approx(-liberal.criterion).epsilon(0).margin(1e-12));
  CHECK(conservative.dPrime == Approx(1.4607375120056656).epsilon(0).margin(1e-9));
  CHECK(conservative.criterion == Approx(0.9602528735820649).epsilon(0).margin(1e-9));
}
