// Benchmarks of a workshop (issue 16 targets): building the projector's frame for a pause
// where 30 participants have voted twice and every reveal has been made, under 2 ms; and
// recording one vote — checked by the workshop, applied, and committed to the results
// database on disk — under 2 ms median.
#include "sim/scenario/loader.hpp"
#include "sim/scenario/plan_loader.hpp"
#include "sim/storage/results_store.hpp"
#include "sim/workshop/audience_frame.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace sim;

namespace {

constexpr int kParticipants = 30;

std::shared_ptr<const core::Scenario> bedtime() {
  static const auto loaded = scenario::loadScenarioFile(SIM_BENCH_SCENARIO);
  return loaded.scenario;
}

// The default plan of the case, at its decision point's vote, with 30 participants.
workshop::WorkshopRun atTheVote() {
  auto run = workshop::WorkshopRun::start(core::defaultPlan(*bedtime()), {bedtime()}).value();
  for (int p = 0; p < kParticipants; ++p) {
    (void)run.apply(workshop::Join{{"p" + std::to_string(p), "Table " + std::to_string(p)}});
  }
  (void)run.apply(workshop::RoomAct{engine::ReadContact{}});
  (void)run.apply(workshop::RoomAct{engine::CheckRecords{}});
  (void)run.apply(workshop::NextStep{}); // the contact's discussion -> the vote
  return run;
}

workshop::RoomVote voteOf(int p) {
  workshop::RoomVote v;
  v.participant = "p" + std::to_string(p);
  v.response = static_cast<core::ResponseLevel>(p % 6);
  v.need = static_cast<core::NeedLevel>(1 + p % 4);
  v.urgency = core::Urgency::OneWorkingDay;
  v.confidence = 1 + p % 5;
  v.pHarm = (p * 7) % 100;
  v.reason = "Table " + std::to_string(p) + ": the mother asked for help herself";
  return v;
}

void BM_AudienceFrame(benchmark::State& state) {
  auto run = atTheVote();
  for (int round = 0; round < 2; ++round) { // the vote and the revote
    for (int p = 0; p < kParticipants; ++p) {
      (void)run.apply(workshop::CastVote{voteOf(p + round)});
    }
    (void)run.apply(workshop::NextStep{});
  }
  (void)run.apply(workshop::LockDecision{engine::Decide{
      core::ResponseLevel::Advice, core::NeedLevel::Additional, core::Urgency::Routine, {}}});
  while (!run.finished() && run.stepIndex() + 1 < static_cast<int>(run.steps().size())) {
    (void)run.apply(workshop::NextStep{}); // every reveal made
  }
  for (auto _ : state) {
    auto frame = workshop::audienceFrame(run);
    benchmark::DoNotOptimize(frame);
  }
}
BENCHMARK(BM_AudienceFrame)->Unit(benchmark::kMicrosecond);

void BM_RecordVote(benchmark::State& state) {
  const auto dir = fs::temp_directory_path() / "frontdoor-bench-workshop";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto store = storage::ResultsStore::open(dir / "results.sqlite").value();
  storage::WorkshopRow row;
  row.planId = "default-bedtime-battles";
  row.title = "Bench";
  row.startedAt = "2026-12-04T09:00:00Z";
  row.cases = {{bedtime()->meta.id, bedtime()->contentHash}};
  const auto id = store->startWorkshop(row).value();
  auto run = atTheVote();
  int seq = 0;
  int p = 0;
  for (auto _ : state) {
    // A participant changing their vote replaces it, so the round never fills up.
    const auto line = run.apply(workshop::CastVote{voteOf(p++ % kParticipants)});
    if (!line || !store->appendWorkshopEvent(id, ++seq, line.value()).ok()) {
      state.SkipWithError("the vote was not recorded");
      break;
    }
  }
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_RecordVote)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly();

} // namespace

BENCHMARK_MAIN();
