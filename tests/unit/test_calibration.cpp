// Brier score and its Murphy (1973) decomposition (calibration.hpp), checked against
// published examples, hand calculations with exact fractions (repeated in Python's
// fractions module) and Stephenson et al.'s (2008) within-bin terms; edge cases last.
#include "sim/scoring/calibration.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <vector>

using namespace sim;

// Every Approx sets epsilon(0) so that only its stated absolute margin applies: Catch's
// default relative epsilon (about 1.2e-5) would otherwise loosen the larger values.

namespace {

std::vector<scoring::Forecast> repeat(std::vector<scoring::Forecast> list, double p, bool happened,
                                      int times) {
  for (int i = 0; i < times; ++i) {
    list.push_back({p, happened});
  }
  return list;
}

// Case A: every forecast in a bin is the same, so BS = REL - RES + UNC exactly.
//   p = 0    x3, none happened        (bin 0)
//   p = 0.25 x4, 1 happened           (bin 2)
//   p = 0.5  x4, 2 happened           (bin 5)
//   p = 0.75 x4, 3 happened           (bin 7)
//   p = 1    x5, 4 happened           (bin 9: 1.0 belongs to the last bin)
std::vector<scoring::Forecast> identicalWithinBins() {
  std::vector<scoring::Forecast> f;
  f = repeat(f, 0.0, false, 3);
  f = repeat(f, 0.25, true, 1);
  f = repeat(f, 0.25, false, 3);
  f = repeat(f, 0.5, true, 2);
  f = repeat(f, 0.5, false, 2);
  f = repeat(f, 0.75, true, 3);
  f = repeat(f, 0.75, false, 1);
  f = repeat(f, 1.0, true, 4);
  f = repeat(f, 1.0, false, 1);
  return f;
}

// Case B: forecasts spread within their bins, so the within-bin term is non-zero.
const std::vector<scoring::Forecast> kSpreadWithinBins{
    {0.2, false}, {0.25, true}, {0.28, false}, // bin 2
    {0.6, true},  {0.65, true}, {0.69, false}, // bin 6
    {0.9, true},  {1.0, true}};                // bin 9

bool allFinite(const scoring::BrierDecomposition& d) {
  bool finite = std::isfinite(d.brier) && std::isfinite(d.reliability) &&
                std::isfinite(d.resolution) && std::isfinite(d.uncertainty) &&
                std::isfinite(d.withinBin);
  for (const scoring::ReliabilityBin& b : d.bins) {
    finite = finite && std::isfinite(b.lower) && std::isfinite(b.upper) &&
             std::isfinite(b.meanForecast) && std::isfinite(b.observedFrequency);
  }
  return finite;
}

} // namespace

TEST_CASE("the Brier score reproduces the rain-forecast examples") {
  // Wikipedia "Brier score", Example (after Brier 1950): forecast 100% and it rains: 0;
  // 100% and dry: 1; 70% and rain: (0.70 - 1)^2 = 0.09; 30% and rain: 0.49; 50%: 0.25.
  CHECK(scoring::brierScore({{1.0, true}}) == 0.0);
  CHECK(scoring::brierScore({{1.0, false}}) == 1.0);
  CHECK(scoring::brierScore({{0.7, true}}) == Approx(0.09).epsilon(0).margin(1e-12));
  CHECK(scoring::brierScore({{0.3, true}}) == Approx(0.49).epsilon(0).margin(1e-12));
  CHECK(scoring::brierScore({{0.5, true}, {0.5, false}}) == Approx(0.25).epsilon(0).margin(1e-12));
  // The mean over forecasts: (0.09 + 0.49 + 0) / 3.
  CHECK(scoring::brierScore({{0.7, true}, {0.3, true}, {0.0, false}}) ==
        Approx(0.58 / 3.0).epsilon(0).margin(1e-12));
}

TEST_CASE("the Murphy decomposition is exact when forecasts within each bin are identical") {
  // By hand (N = 20, 10 of 20 happened, base rate o = 1/2):
  //   BS  = [0 + (1(0.75)^2 + 3(0.25)^2) + (2(0.5)^2 + 2(0.5)^2)
  //          + (3(0.25)^2 + 1(0.75)^2) + (4(0)^2 + 1(1)^2)] / 20 = 3.5/20 = 0.175
  //   REL = sum n_k (f_k - o_k)^2 / N: only bin 9 is off (f 1, o 4/5): 5(0.2)^2/20 = 0.01
  //   RES = sum n_k (o_k - o)^2 / N = (3/4 + 4/16 + 0 + 4/16 + 5(0.3)^2)/20 = 1.7/20 = 0.085
  //   UNC = o(1 - o) = 0.25, and REL - RES + UNC = 0.175 = BS, so withinBin = 0.
  // Python fractions: BS 7/40, REL 1/100, RES 17/200, UNC 1/4, within 0.
  const scoring::BrierDecomposition d = scoring::decomposeBrier(identicalWithinBins());
  CHECK(d.count == 20);
  CHECK(d.brier == Approx(0.175).epsilon(0).margin(1e-12));
  CHECK(d.reliability == Approx(0.01).epsilon(0).margin(1e-12));
  CHECK(d.resolution == Approx(0.085).epsilon(0).margin(1e-12));
  CHECK(d.uncertainty == Approx(0.25).epsilon(0).margin(1e-12));
  CHECK(d.withinBin == Approx(0.0).epsilon(0).margin(1e-12));
  CHECK(d.brier == Approx(d.reliability - d.resolution + d.uncertainty).epsilon(0).margin(1e-12));
  CHECK(scoring::brierScore(identicalWithinBins()) == d.brier);
}

TEST_CASE("reliability bins report counts and mean forecasts and observed frequencies") {
  const scoring::BrierDecomposition d = scoring::decomposeBrier(identicalWithinBins());
  REQUIRE(d.bins.size() == 10);
  const std::vector<int> counts{3, 0, 4, 0, 0, 4, 0, 4, 0, 5};
  const std::vector<double> frequencies{0.0, 0.0, 0.25, 0.0, 0.0, 0.5, 0.0, 0.75, 0.0, 0.8};
  const std::vector<double> means{0.0, 0.0, 0.25, 0.0, 0.0, 0.5, 0.0, 0.75, 0.0, 1.0};
  for (std::size_t k = 0; k < 10; ++k) {
    CHECK(d.bins[k].count == counts[k]);
    CHECK(d.bins[k].meanForecast == Approx(means[k]).epsilon(0).margin(1e-12));
    CHECK(d.bins[k].observedFrequency == Approx(frequencies[k]).epsilon(0).margin(1e-12));
  }
}

TEST_CASE("the within-bin term equals Stephenson's within-bin variance minus covariance") {
  // Stephenson, Coelho & Jolliffe (2008) Weather and Forecasting 23:752: with forecasts
  // varying inside bins, BS = REL - RES + UNC + WBV - WBC, where WBV = sum (f - f_k)^2 / N
  // and WBC = 2 sum (f - f_k)(o - o_k) / N. Python fractions for kSpreadWithinBins:
  //   BS 2899/16000, REL 61/16000, RES 13/192, UNC 15/64, WBV 37/24000, WBC -11/1200,
  //   so withinBin = WBV - WBC = 257/24000.
  const scoring::BrierDecomposition d = scoring::decomposeBrier(kSpreadWithinBins);
  CHECK(d.count == 8);
  CHECK(d.brier == Approx(2899.0 / 16000.0).epsilon(0).margin(1e-12));
  CHECK(d.reliability == Approx(61.0 / 16000.0).epsilon(0).margin(1e-12));
  CHECK(d.resolution == Approx(13.0 / 192.0).epsilon(0).margin(1e-12));
  CHECK(d.uncertainty == Approx(15.0 / 64.0).epsilon(0).margin(1e-12));
  CHECK(d.withinBin == Approx(257.0 / 24000.0).epsilon(0).margin(1e-12));
  REQUIRE(d.bins.size() == 10);
  CHECK(d.bins[2].count == 3);
  CHECK(d.bins[2].meanForecast == Approx(73.0 / 300.0).epsilon(0).margin(1e-12));
  CHECK(d.bins[2].observedFrequency == Approx(1.0 / 3.0).epsilon(0).margin(1e-12));
  CHECK(d.bins[6].count == 3);
  CHECK(d.bins[9].count == 2);
  CHECK(d.bins[9].meanForecast == Approx(0.95).epsilon(0).margin(1e-12));

  // The same terms computed here, directly from Stephenson's definitions.
  double wbv = 0.0;
  double wbc = 0.0;
  for (const scoring::Forecast& f : kSpreadWithinBins) {
    for (const scoring::ReliabilityBin& b : d.bins) {
      if (b.count > 0 && f.probability >= b.lower &&
          (f.probability < b.upper || (b.upper == 1.0 && f.probability == 1.0))) {
        const double df = f.probability - b.meanForecast;
        wbv += df * df;
        wbc += 2.0 * df * ((f.happened ? 1.0 : 0.0) - b.observedFrequency);
      }
    }
  }
  const double n = static_cast<double>(kSpreadWithinBins.size());
  CHECK(d.withinBin == Approx((wbv - wbc) / n).epsilon(0).margin(1e-12));
}

TEST_CASE("reliability bins have equal-width edges and each edge opens its bin") {
  const scoring::BrierDecomposition d = scoring::decomposeBrier({});
  REQUIRE(d.bins.size() == 10);
  for (std::size_t k = 0; k < 10; ++k) {
    CHECK(d.bins[k].lower == Approx(static_cast<double>(k) / 10.0).epsilon(0).margin(1e-15));
    CHECK(d.bins[k].upper == Approx(static_cast<double>(k + 1) / 10.0).epsilon(0).margin(1e-15));
  }
  CHECK(d.bins.front().lower == 0.0);
  CHECK(d.bins.back().upper == 1.0);
  // [0, 0.1) ... [0.9, 1.0]: 0.1 opens bin 1, 0.0999 stays in bin 0, 1.0 is in bin 9.
  const std::vector<scoring::Forecast> edges{
      {0.0, false},       {0.0999, false}, {0.1, false},    {0.3, false},
      {0.1 + 0.2, false}, // 0.30000000000000004
      {0.7, false},       {0.9, false},    {0.9999, false}, {1.0, false}};
  const scoring::BrierDecomposition e = scoring::decomposeBrier(edges);
  CHECK(e.bins[0].count == 2);
  CHECK(e.bins[1].count == 1);
  CHECK(e.bins[3].count == 2);
  CHECK(e.bins[7].count == 1);
  CHECK(e.bins[9].count == 3);
  // Any bin count: a forecast equal to a stored lower edge lands in that bin.
  for (const int binCount : {1, 3, 5, 7, 10, 20}) {
    const scoring::BrierDecomposition blank = scoring::decomposeBrier({}, binCount);
    REQUIRE(blank.bins.size() == static_cast<std::size_t>(binCount));
    for (std::size_t k = 0; k < blank.bins.size(); ++k) {
      const scoring::BrierDecomposition one =
          scoring::decomposeBrier({{blank.bins[k].lower, true}}, binCount);
      CHECK(one.bins[k].count == 1);
    }
    CHECK(scoring::decomposeBrier({{1.0, true}}, binCount).bins.back().count == 1);
  }
}

TEST_CASE("Brier decomposition of no forecasts is all zero with empty bins") {
  CHECK(scoring::brierScore({}) == 0.0);
  const scoring::BrierDecomposition d = scoring::decomposeBrier({});
  CHECK(d.count == 0);
  CHECK(d.brier == 0.0);
  CHECK(d.reliability == 0.0);
  CHECK(d.resolution == 0.0);
  CHECK(d.uncertainty == 0.0);
  CHECK(d.withinBin == 0.0);
  CHECK(d.bins.size() == 10);
  for (const scoring::ReliabilityBin& b : d.bins) {
    CHECK(b.count == 0);
    CHECK(b.meanForecast == 0.0);
    CHECK(b.observedFrequency == 0.0);
  }
  CHECK(allFinite(d));
}

TEST_CASE("Brier decomposition for a trainee with one case") {
  // One forecast: the base rate is 0 or 1, so UNC = 0 and RES = 0, and REL = BS.
  const scoring::BrierDecomposition d = scoring::decomposeBrier({{0.7, true}});
  CHECK(d.count == 1);
  CHECK(d.brier == Approx(0.09).epsilon(0).margin(1e-12));
  CHECK(d.reliability == Approx(0.09).epsilon(0).margin(1e-12));
  CHECK(d.resolution == 0.0);
  CHECK(d.uncertainty == 0.0);
  CHECK(d.withinBin == Approx(0.0).epsilon(0).margin(1e-12));
  CHECK(d.bins[7].count == 1);
  CHECK(allFinite(d));
}

TEST_CASE("probabilities of exactly zero and one are scored without special cases") {
  const std::vector<scoring::Forecast> certain{
      {0.0, false}, {1.0, true}, {0.0, true}, {1.0, false}};
  // Two right (0 each) and two wrong (1 each): BS = 0.5. Bins 0 and 9 each hold one right
  // and one wrong: REL = (2(0 - 0.5)^2 + 2(1 - 0.5)^2)/4 = 0.25, RES = 0, UNC = 0.25.
  const scoring::BrierDecomposition d = scoring::decomposeBrier(certain);
  CHECK(d.brier == Approx(0.5).epsilon(0).margin(1e-12));
  CHECK(d.reliability == Approx(0.25).epsilon(0).margin(1e-12));
  CHECK(d.resolution == Approx(0.0).epsilon(0).margin(1e-12));
  CHECK(d.uncertainty == Approx(0.25).epsilon(0).margin(1e-12));
  CHECK(d.withinBin == Approx(0.0).epsilon(0).margin(1e-12));
  CHECK(d.bins[0].count == 2);
  CHECK(d.bins[9].count == 2);
  CHECK(allFinite(d));
  // Always right with certainty: a perfect score, perfectly resolved.
  const scoring::BrierDecomposition perfect =
      scoring::decomposeBrier({{0.0, false}, {1.0, true}, {1.0, true}});
  CHECK(perfect.brier == 0.0);
  CHECK(perfect.reliability == Approx(0.0).epsilon(0).margin(1e-12));
  CHECK(perfect.resolution == Approx(perfect.uncertainty).epsilon(0).margin(1e-12));
}

TEST_CASE("when every outcome is the same uncertainty and resolution are zero") {
  const scoring::BrierDecomposition d =
      scoring::decomposeBrier({{0.1, false}, {0.4, false}, {0.45, false}, {0.8, false}});
  CHECK(d.uncertainty == 0.0);
  CHECK(d.resolution == 0.0);
  // BS = (0.01 + 0.16 + 0.2025 + 0.64)/4 = 0.253125.
  CHECK(d.brier == Approx(0.253125).epsilon(0).margin(1e-12));
  CHECK(allFinite(d));
}

TEST_CASE("probabilities outside zero to one are clamped and NaN reads as zero") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(scoring::brierScore({{-0.2, true}}) == 1.0);
  CHECK(scoring::brierScore({{1.3, true}}) == 0.0);
  CHECK(scoring::brierScore({{nan, true}}) == 1.0);
  CHECK(scoring::brierScore({{inf, false}}) == 1.0);
  CHECK(scoring::brierScore({{-inf, false}}) == 0.0);
  const scoring::BrierDecomposition d =
      scoring::decomposeBrier({{-0.2, false}, {1.3, true}, {nan, false}});
  CHECK(d.brier == 0.0);
  CHECK(d.bins[0].count == 2);
  CHECK(d.bins[9].count == 1);
  CHECK(allFinite(d));
}

TEST_CASE("a bin count below one is read as one bin") {
  // One bin: REL = (mean forecast - base rate)^2 and RES = 0. For kSpreadWithinBins,
  // Python fractions: REL 1849/640000, within-bin -35889/640000.
  CHECK(scoring::decomposeBrier(kSpreadWithinBins, 0).bins.size() == 1);
  for (const int binCount : {1, 0, -3}) {
    const scoring::BrierDecomposition d = scoring::decomposeBrier(kSpreadWithinBins, binCount);
    REQUIRE(d.bins.size() == 1);
    CHECK(d.bins[0].lower == 0.0);
    CHECK(d.bins[0].upper == 1.0);
    CHECK(d.bins[0].count == 8);
    CHECK(d.reliability == Approx(1849.0 / 640000.0).epsilon(0).margin(1e-12));
    CHECK(d.resolution == Approx(0.0).epsilon(0).margin(1e-12));
    CHECK(d.withinBin == Approx(-35889.0 / 640000.0).epsilon(0).margin(1e-12));
    CHECK(allFinite(d));
  }
}
