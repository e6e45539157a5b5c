// Benchmark: replay a 500-event attempt at a bundled scenario (target: under 1 ms), from
// the in-memory log and from its text form. The attempt takes every route the case offers
// (questions, records, checks, direct contacts, the manager), then edits its working notes
// the way a practitioner at the decision form does (each slider or text edit is an event)
// and decides.
#include "sim/engine/attempt.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/scenario/loader.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

namespace {

using namespace sim::engine;

void apply(Attempt& attempt, const Action& action) {
  // Refusals are fine while building (a route the case does not allow at this point).
  (void)attempt.apply(action);
}

Attempt build500(const std::shared_ptr<const sim::core::Scenario>& scenario) {
  Attempt attempt(scenario);
  apply(attempt, ReadContact{});
  for (const auto& q : scenario->questions) {
    apply(attempt, AskQuestion{q.id});
  }
  apply(attempt, CheckRecords{});
  for (const auto& c : scenario->checks) {
    if (c.consent != sim::core::ConsentRule::Needed) {
      apply(attempt, RequestCheck{c.id});
      continue;
    }
    for (const auto& adult : scenario->adults) { // each adult in turn: the first to agree
      apply(attempt, RequestCheck{c.id, ConsentChoice::Seek, {}, adult.id});
    }
  }
  for (const auto& d : scenario->direct) {
    apply(attempt, MakeDirectContact{d.id});
  }
  apply(attempt, ConsultManager{});
  apply(attempt, WaitForReply{});
  int i = 0;
  while (attempt.log().events.size() < 499) {
    switch (i % 6) {
    case 0:
      apply(attempt, AddFactor{FactorSide::Risk, "21", {}, "note " + std::to_string(i)});
      break;
    case 1:
      apply(attempt, SetEstimate{EstimateKind::SignificantHarm, i % 101});
      break;
    case 2:
      apply(attempt, WriteRationale{static_cast<RationaleField>(i % kRationaleFields),
                                    "Rationale draft " + std::to_string(i) +
                                        " with some words in it, as a person types them."});
      break;
    case 3:
      apply(attempt, RemoveFactor{attempt.state().notes.nextFactorNumber - 1});
      break;
    case 4:
      apply(attempt, WriteNotes{"Working notes, revision " + std::to_string(i)});
      break;
    default:
      apply(attempt, SetSafetyScale{i % 11});
      break;
    }
    ++i;
  }
  apply(attempt, Decide{sim::core::ResponseLevel::S17,
                        sim::core::NeedLevel::Complex,
                        sim::core::Urgency::OneWorkingDay,
                        {}});
  return attempt;
}

std::shared_ptr<const sim::core::Scenario> loadCase() {
  const auto loaded = sim::scenario::loadScenarioFile(SIM_BENCH_SCENARIO);
  if (!loaded.ok()) {
    std::cerr << "cannot load " << SIM_BENCH_SCENARIO << "\n";
    std::exit(1);
  }
  return loaded.scenario;
}

void BM_Replay500(benchmark::State& state) {
  const auto scenario = loadCase();
  const auto attempt = build500(scenario);
  if (attempt.log().events.size() != 500) {
    state.SkipWithError("the attempt does not have 500 events");
    return;
  }
  for (auto _ : state) {
    auto replayed = Attempt::replay(scenario, attempt.log());
    benchmark::DoNotOptimize(replayed);
  }
  state.counters["events"] = 500;
}
BENCHMARK(BM_Replay500)->Unit(benchmark::kMicrosecond);

void BM_ParseAndReplay500(benchmark::State& state) {
  const auto scenario = loadCase();
  const auto text = formatEventLog(build500(scenario).log());
  for (auto _ : state) {
    const auto parsed = parseEventLog(text, "log");
    auto replayed = Attempt::replay(scenario, *parsed.log);
    benchmark::DoNotOptimize(replayed);
  }
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_ParseAndReplay500)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
