// Benchmark: `report` over 1,000,000 decision rows (target: under 3 s and under 1 GiB):
// read the CSV text, analyse it against the bundled scenarios' panels and render the JSON,
// as `frontdoor-cli report --format json` does. The rows are synthetic, in the generator's
// layout. Peak memory is the process's maximum resident set size (getrusage).
#include "sim/exchange/decision_table.hpp"
#include "sim/report/group_report.hpp"
#include "sim/scenario/scenario_index.hpp"
#include "sim/scoring/analytics.hpp"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <array>
#include <cstdint>
#include <string>

namespace {

constexpr int kRows = 1'000'000;

std::string syntheticCsv(int rows) {
  static constexpr std::array<const char*, 3> kScenarios{
      "advice-bedtime-battles", "early-help-attendance", "s47-baby-bruise"};
  static constexpr std::array<const char*, 6> kLevels{"nfa", "advice", "early_help",
                                                      "s17", "s47",    "immediate"};
  std::string out = "trainee,scenario,decision,need_level,p_harm,p_rereferral,team,cohort\n";
  out.reserve(static_cast<std::size_t>(rows) * 72);
  std::uint64_t state = 20261126;
  for (int i = 0; i < rows; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto r = static_cast<unsigned>(state >> 33U);
    const unsigned level = (r % 6U + (r >> 8U) % 3U) % 6U;
    out += "t" + std::to_string(1000 + (r >> 4U) % 5000U) + "," + kScenarios.at(r % 3U) + "," +
           kLevels.at(level) + "," + std::to_string(1 + level * 4 / 6) + ",0." +
           std::to_string(r % 10U) + std::to_string((r >> 4U) % 10U) + ",0." +
           std::to_string((r >> 6U) % 10U) + ",team-" + std::to_string((r >> 12U) % 40U) +
           ",2026-" + std::to_string((r >> 20U) % 4U) + "\n";
  }
  return out;
}

sim::core::ScenarioIndex bundled() {
  return sim::scenario::loadScenarioIndex(SIM_SCENARIO_DIR).index;
}

double peakMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

void BM_Report1M(benchmark::State& state) {
  const auto csv = syntheticCsv(kRows);
  const auto scenarios = bundled();
  std::int64_t rows = 0;
  for (auto _ : state) {
    const auto table = sim::exchange::readDecisionTable(csv, "bench.csv");
    const auto report = sim::scoring::analyse(table.rows, &scenarios);
    const auto json = sim::report::reportJson(report);
    rows = report.decisions;
    benchmark::DoNotOptimize(json.data());
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["csv_MiB"] = static_cast<double>(csv.size()) / (1024.0 * 1024.0);
  state.counters["peak_MiB"] = peakMiB();
}
BENCHMARK(BM_Report1M)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
