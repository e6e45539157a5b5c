// Benchmark of building the Progress screen's model (target: under 100 ms for a
// practitioner with 200 finished attempts): the practice summary from the store, and each
// part of the score over every finished attempt, replayed from its stored events and
// scored. The attempts are the bundled exemplary walkthroughs, stored in a real SQLite
// file in the temporary folder.
#include "sim/core/rubric.hpp"
#include "sim/engine/action_text.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/scenario/scenario_index.hpp"
#include "sim/session/progress_builder.hpp"
#include "sim/storage/results_store.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

constexpr int kAttempts = 200;

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void BM_BuildProgress200(benchmark::State& state) {
  const auto loaded = sim::scenario::loadScenarioIndex(SIM_SCENARIO_DIR);
  const auto dir = fs::temp_directory_path() / "frontdoor-bench-progress";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto store = sim::storage::ResultsStore::open(dir / "results.sqlite").value();
  (void)store->savePractitioner({"p1", "Sam", "", ""});
  std::vector<std::string> ids;
  for (const auto& [id, scenario] : loaded.index) {
    ids.push_back(id);
  }
  for (int n = 0; n < kAttempts; ++n) {
    const auto& id = ids.at(static_cast<std::size_t>(n) % ids.size());
    const auto scenario = loaded.index.at(id);
    const auto file = fs::path(SIM_SCENARIO_DIR) / "actions" / (id + ".exemplary.actions");
    const auto script = sim::engine::parseActionScript(readAll(file), file.string());
    sim::engine::Attempt attempt(scenario);
    for (const auto& scripted : script.actions) {
      (void)attempt.apply(scripted.action);
    }
    std::vector<std::string> lines;
    for (const auto& event : attempt.log().events) {
      lines.push_back(sim::engine::formatEvent(event));
    }
    sim::storage::AttemptRow row;
    row.practitioner = "p1";
    row.scenarioId = id;
    row.scenarioHash = scenario->contentHash;
    row.status = sim::core::AttemptStatus::Finished;
    row.startedAt = "2026-11-26T09:00:00Z";
    row.finishedAt = "2026-11-26T10:00:00Z";
    std::vector<sim::storage::DecisionRow> decisions;
    for (const auto& d : attempt.state().decisions) {
      sim::storage::DecisionRow decision;
      decision.decisionPoint = d.decisionPoint;
      decision.response = std::string(sim::core::tokenOf(d.decision.response));
      decision.score = 90.0;
      decisions.push_back(decision);
    }
    if (!store->importAttempt(row, lines, decisions).ok()) {
      state.SkipWithError("import failed");
      return;
    }
  }
  const sim::core::Rubric rubric;
  for (auto _ : state) {
    auto built = sim::session::buildProgress(*store, "p1", loaded.index, rubric);
    if (!built || built.value().componentAttempts != kAttempts) {
      state.SkipWithError("progress did not replay every attempt");
      break;
    }
    benchmark::DoNotOptimize(built);
  }
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_BuildProgress200)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
