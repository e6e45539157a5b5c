// Benchmark: load and validate 1,000 scenario files from disk (target: under 1 s on one
// core). The files are copies of the bundled scenarios written to a temporary folder.
#include "sim/scenario/loader.hpp"
#include "sim/scenario/scenario_files.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

fs::path prepareLibrary(int count) {
  const auto dir = fs::temp_directory_path() / "frontdoor-bench-library";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto bundled = sim::scenario::collectScenarioFiles({fs::path(SIM_SCENARIO_DIR)}).files;
  std::vector<std::string> texts;
  for (const auto& file : bundled) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  for (int i = 0; i < count; ++i) {
    std::ofstream(dir / ("case-" + std::to_string(i) + ".toml"), std::ios::binary)
        << texts[static_cast<std::size_t>(i) % texts.size()];
  }
  return dir;
}

void BM_LoadAndValidate1000(benchmark::State& state) {
  const auto dir = prepareLibrary(1000);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto files = sim::scenario::collectScenarioFiles({dir}).files;
    int loaded = 0;
    for (const auto& file : files) {
      const auto result = sim::scenario::loadScenarioFile(file);
      loaded += result.ok() ? 1 : 0;
      bytes += result.ok() ? result.scenario->contact.presentingText.size() : 0;
    }
    if (loaded != 1000) {
      state.SkipWithError("a bundled scenario failed to load");
    }
    benchmark::DoNotOptimize(loaded);
  }
  benchmark::DoNotOptimize(bytes);
  state.SetItemsProcessed(state.iterations() * 1000);
  fs::remove_all(dir);
}
BENCHMARK(BM_LoadAndValidate1000)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same work without the file system: parse and validate 1,000 texts already in memory,
// to separate the loader's cost from the cost of opening and reading files.
void BM_ValidateInMemory1000(benchmark::State& state) {
  const auto dir = prepareLibrary(3);
  std::vector<std::string> texts;
  for (const auto& file : sim::scenario::collectScenarioFiles({dir}).files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  for (auto _ : state) {
    int loaded = 0;
    for (int i = 0; i < 1000; ++i) {
      loaded += sim::scenario::loadScenarioText(texts[static_cast<std::size_t>(i) % texts.size()],
                                                "case.toml")
                        .ok()
                    ? 1
                    : 0;
    }
    benchmark::DoNotOptimize(loaded);
  }
  state.SetItemsProcessed(state.iterations() * 1000);
  fs::remove_all(dir);
}
BENCHMARK(BM_ValidateInMemory1000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Scaling with file size: 1,000 copies of the small test scenario (about 6 KB, one child,
// three facts) instead of the bundled cases (19-27 KB each).
void BM_ValidateSmall1000(benchmark::State& state) {
  std::ifstream in(SIM_SMALL_SCENARIO, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  for (auto _ : state) {
    int loaded = 0;
    for (int i = 0; i < 1000; ++i) {
      loaded += sim::scenario::loadScenarioText(text, "small.toml").ok() ? 1 : 0;
    }
    if (loaded != 1000) {
      state.SkipWithError("the small scenario failed to load");
    }
    benchmark::DoNotOptimize(loaded);
  }
  state.SetBytesProcessed(state.iterations() * 1000 * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ValidateSmall1000)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
