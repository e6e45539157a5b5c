// Analytics over decision rows: conversion, spreads, agreement among practitioners and
// with the panels, by team and cohort, on small tables whose answers are worked by hand; the
// row-at-a-time Analysis and its incremental Brier tally.
#include "sim/scoring/analytics.hpp"
#include "sim/scoring/brier_tally.hpp"
#include "tests/support/engine_fixtures.hpp"

#include <cmath>
#include <random>

using namespace sim::scoring;
using sim::core::ResponseLevel;

namespace {

DecisionRow row(const std::string& trainee, const std::string& scenario, ResponseLevel decision,
                const std::string& team = "", std::optional<double> pHarm = std::nullopt,
                std::optional<double> pRereferral = std::nullopt) {
  DecisionRow r;
  r.trainee = trainee;
  r.scenario = scenario;
  r.decision = decision;
  r.team = team;
  r.pHarm = pHarm;
  r.pRereferral = pRereferral;
  return r;
}

ScenarioIndex bundled() {
  ScenarioIndex index;
  for (const auto& scenario : sim::test::bundledScenarios()) {
    index[scenario->meta.id] = scenario;
  }
  return index;
}

std::size_t at(ResponseLevel level) { return static_cast<std::size_t>(level); }

const std::vector<DecisionRow> kRows{
    // Three practitioners, the same two cases.
    row("t1", "bedtime-battles", ResponseLevel::Advice, "north", 0.05, 0.1),
    row("t2", "bedtime-battles", ResponseLevel::Advice, "north", 0.10, 0.2),
    row("t3", "bedtime-battles", ResponseLevel::S17, "south", 0.40, 0.5),
    row("t1", "mark-on-the-cheek", ResponseLevel::S47, "north", 0.60, 0.1),
    row("t2", "mark-on-the-cheek", ResponseLevel::S17, "north", 0.30, 0.3),
    row("t3", "mark-on-the-cheek", ResponseLevel::S47, "south", 0.70, 0.2),
};

} // namespace

TEST_CASE("conversion and case spreads count every decision") {
  const auto report = analyse(kRows, nullptr);
  CHECK(report.decisions == 6);
  CHECK_FALSE(report.withPanels);
  CHECK_FALSE(report.panel.has_value());
  CHECK(report.conversion[at(ResponseLevel::Advice)] == 2);
  CHECK(report.conversion[at(ResponseLevel::S17)] == 2);
  CHECK(report.conversion[at(ResponseLevel::S47)] == 2);
  CHECK(shares(report.conversion)[at(ResponseLevel::S47)] == Approx(2.0 / 6));
  REQUIRE(report.cases.size() == 2);
  CHECK(report.cases[0].scenario == "bedtime-battles");
  CHECK(report.cases[0].spread[at(ResponseLevel::Advice)] == 2);
  CHECK(report.practitioners.size() == 3);
}

TEST_CASE("agreement among practitioners is Fleiss' kappa over cases") {
  const auto report = analyse(kRows, nullptr);
  // Case 1: advice 2, s17 1. Case 2: s17 1, s47 2. P_i = (2*1 + 0)/(3*2) = 1/3 each.
  // P-bar = 1/3. Category shares: advice 2/6, s17 2/6, s47 2/6 -> P_e = 3 * (1/3)^2 = 1/3.
  // kappa = (1/3 - 1/3) / (1 - 1/3) = 0.
  CHECK(report.pairwiseAgreement.value == Approx(1.0 / 3));
  CHECK(report.fleissKappa.defined);
  CHECK(report.fleissKappa.value == Approx(0.0).margin(1e-12));
}

TEST_CASE("teams get their own conversion and agreement") {
  const auto report = analyse(kRows, nullptr);
  REQUIRE(report.teams.size() == 2);
  CHECK(report.teams[0].name == "north");
  CHECK(report.teams[0].decisions == 4);
  CHECK(report.teams[0].practitioners == 2);
  // North on case 1: advice, advice (agree); case 2: s47, s17 (disagree): P-bar = 1/2.
  CHECK(report.teams[0].pairwiseAgreement.value == Approx(0.5));
  // South has one practitioner: no pairs, so agreement is undefined rather than NaN.
  CHECK_FALSE(report.teams[1].fleissKappa.defined);
  CHECK(std::isfinite(report.teams[1].fleissKappa.value));
}

TEST_CASE("decisions are compared with the panels when scenarios are given") {
  const auto scenarios = bundled();
  const auto report = analyse(kRows, &scenarios);
  REQUIRE(report.panel.has_value());
  const auto& p = *report.panel;
  // Bedtime battles: band advice..early_help. s47 baby: band s47..immediate.
  // Within: t1 advice, t2 advice, t1 s47, t3 s47 = 4. Over: t3 s17 on bedtime = 1.
  // Under: t2 s17 on the baby = 1.
  CHECK(p.within == 4);
  CHECK(p.over == 1);
  CHECK(p.under == 1);
  CHECK(p.confusion.at(static_cast<int>(ResponseLevel::S47),
                       static_cast<int>(ResponseLevel::S17)) == 1);
  // Statutory (s17+): the baby's band (s47..immediate) is all statutory, so its three
  // decisions are signal trials (s47, s17, s47 all say yes: 3 hits); bedtime's band
  // (advice..early_help) is all below s17: noise (advice, advice = correct rejections,
  // s17 = false alarm).
  // Hits 3, misses 0, false alarms 1, correct rejections 2.
  CHECK(p.statutory.hitRate == Approx(3.5 / 4));
  CHECK(p.statutory.falseAlarmRate == Approx(1.5 / 4));
  CHECK(report.unknownScenarios.empty());
}

TEST_CASE("calibration compares estimates with the panel and with what happened") {
  const auto scenarios = bundled();
  const auto report = analyse(kRows, &scenarios);
  const auto& t1 = report.practitioners[0];
  REQUIRE(t1.trainee == "t1");
  // Panel p_harm: bedtime 0.03, baby 0.55. t1: 0.05 and 0.60.
  // Mean squared gap = ((0.02)^2 + (0.05)^2) / 2 = (0.0004 + 0.0025) / 2 = 0.00145.
  CHECK(t1.calibration.harmGapToPanel == Approx(0.00145));
  // Neither case was re-referred within 12 months: Brier = (0.1^2 + 0.1^2) / 2 = 0.01.
  CHECK(t1.calibration.rereferral.count == 2);
  CHECK(t1.calibration.rereferral.brier == Approx(0.01));
  CHECK(t1.calibration.meanHarmByLevel[at(ResponseLevel::S47)] == Approx(0.60));
  CHECK_FALSE(t1.calibration.meanHarmByLevel[at(ResponseLevel::Nfa)].has_value());
}

TEST_CASE("unknown scenarios are listed and left out of the panel comparison") {
  const auto scenarios = bundled();
  const auto report = analyse({row("t1", "no-such-case", ResponseLevel::Nfa)}, &scenarios);
  CHECK(report.unknownScenarios == std::vector<std::string>{"no-such-case"});
  CHECK_FALSE(report.panel.has_value());
  CHECK(report.decisions == 1);
}

TEST_CASE("a single decision gives defined figures and no NaN") {
  const auto scenarios = bundled();
  const auto report =
      analyse({row("t1", "mark-on-the-cheek", ResponseLevel::S47, "", 0.5, 0.5)}, &scenarios);
  CHECK(std::isfinite(report.fleissKappa.value));
  CHECK_FALSE(report.fleissKappa.defined);
  REQUIRE(report.panel.has_value());
  CHECK(std::isfinite(report.panel->quadraticKappa.value));
  CHECK(std::isfinite(report.panel->statutory.dPrime));
  CHECK(std::isfinite(report.practitioners[0].calibration.rereferral.brier));
}

TEST_CASE("a Brier tally taken one forecast at a time equals decomposeBrier exactly") {
  std::mt19937_64 rng(11);
  std::vector<Forecast> forecasts;
  BrierTally tally;
  const auto same = [](const BrierDecomposition& a, const BrierDecomposition& b) {
    bool equal = a.count == b.count && a.brier == b.brier && a.reliability == b.reliability &&
                 a.resolution == b.resolution && a.uncertainty == b.uncertainty &&
                 a.withinBin == b.withinBin && a.bins.size() == b.bins.size();
    for (std::size_t k = 0; equal && k < a.bins.size(); ++k) {
      equal = a.bins[k].lower == b.bins[k].lower && a.bins[k].upper == b.bins[k].upper &&
              a.bins[k].count == b.bins[k].count &&
              a.bins[k].meanForecast == b.bins[k].meanForecast &&
              a.bins[k].observedFrequency == b.bins[k].observedFrequency;
    }
    return equal;
  };
  CHECK(same(tally.finish(), decomposeBrier(forecasts)));
  // Edges, values outside 0..1 and NaN (clamped), then many ordinary forecasts.
  std::vector<double> probabilities{0.0, 0.1, 0.3, 0.7, 0.9, 1.0, -0.5, 1.5, std::nan("")};
  for (int i = 0; i < 3000; ++i) {
    probabilities.push_back(static_cast<double>(rng() % 1000001) / 1e6);
  }
  for (const double p : probabilities) {
    const Forecast f{p, rng() % 3 == 0};
    forecasts.push_back(f);
    tally.add(f);
    if (forecasts.size() < 20 || forecasts.size() % 500 == 0) {
      INFO(forecasts.size() << " forecasts");
      CHECK(same(tally.finish(), decomposeBrier(forecasts)));
    }
  }
  CHECK(tally.count() == static_cast<int>(forecasts.size()));
}

TEST_CASE("an analysis taken row by row gives its practitioners in trainee order") {
  Analysis analysis(nullptr);
  for (const auto& r : kRows) {
    analysis.add(r);
  }
  analysis.add(row("t0", "mark-on-the-cheek", ResponseLevel::Nfa, "", 0.2)); // one decision
  const auto report = analysis.finish();
  CHECK(report.decisions == 7);
  CHECK(report.practitioners.empty());
  CHECK(analysis.count() == 4);
  std::vector<std::string> trainees;
  analysis.forEach([&](const PractitionerSummary& p) { trainees.push_back(p.trainee); });
  CHECK(trainees == std::vector<std::string>{"t0", "t1", "t2", "t3"});
  std::vector<std::int64_t> decisions;
  analysis.forEach([&](const PractitionerSummary& p) { decisions.push_back(p.decisions); });
  CHECK(decisions == std::vector<std::int64_t>{1, 2, 2, 2});
}
