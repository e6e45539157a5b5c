// Benchmarks of the results store (targets: a durable append of one event under 2 ms
// (median); loading one practitioner's full history from a database of 1,000,000 events
// under 100 ms). The databases are real files in the temporary folder (on disk here).
#include "sim/storage/results_store.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using sim::storage::ResultsStore;

namespace {

constexpr int kPractitioners = 1000;
constexpr int kAttemptsEach = 10;
constexpr int kEventsEach = 100; // 1000 x 10 x 100 = 1,000,000 events

const std::string kLine = "42 0/14:58 rationale what_happened \"Kai, 8, has outbursts at "
                          "bedtime since his father left; no harm, mother copes.\"";

void BM_AppendEvent(benchmark::State& state) {
  const auto dir = fs::temp_directory_path() / "frontdoor-bench-append";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto store = ResultsStore::open(dir / "results.sqlite").value();
  (void)store->savePractitioner({"p1", "Sam", "", ""});
  sim::storage::AttemptRow row;
  row.practitioner = "p1";
  row.scenarioId = "bedtime-battles";
  row.scenarioHash = "blake2b-256:00";
  row.startedAt = "2026-11-26T09:00:00Z";
  const auto attempt = store->startAttempt(row).value();
  int seq = 0;
  for (auto _ : state) {
    if (!store->appendEvent(attempt, ++seq, kLine).ok()) {
      state.SkipWithError("append failed");
      break;
    }
  }
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_AppendEvent)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly();

// A database of 1,000,000 events, written once (one transaction per attempt) and kept.
fs::path millionEvents() {
  const auto path = fs::temp_directory_path() / "frontdoor-bench-1m-events.sqlite";
  if (fs::exists(path)) {
    return path;
  }
  auto store = ResultsStore::open(path).value();
  const std::vector<std::string> lines(kEventsEach, kLine);
  for (int p = 0; p < kPractitioners; ++p) {
    const std::string id = "p" + std::to_string(p);
    (void)store->savePractitioner({id, "x", "", ""});
    for (int a = 0; a < kAttemptsEach; ++a) {
      sim::storage::AttemptRow row;
      row.practitioner = id;
      row.scenarioId = "s";
      row.scenarioHash = "h";
      row.status = sim::core::AttemptStatus::Finished;
      row.startedAt = "t";
      const auto attempt = store->startAttempt(row).value();
      (void)store->appendEvents(attempt, 1, lines);
    }
  }
  return path;
}

void BM_LoadHistory1M(benchmark::State& state) {
  const auto path = millionEvents();
  auto store = ResultsStore::open(path).value();
  std::size_t events = 0;
  for (auto _ : state) {
    events = 0;
    const auto attempts = store->attempts("p500", false).value();
    for (const auto& attempt : attempts) {
      events += store->events(attempt.id).value().size();
    }
    benchmark::DoNotOptimize(events);
  }
  state.counters["events_loaded"] = static_cast<double>(events);
}
BENCHMARK(BM_LoadHistory1M)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
