// Benchmark: `report` over 1,000,000 decision rows (target: under 3 s and under 1 GiB):
// read the CSV, analyse it against the bundled scenarios' panels and render the JSON, as
// `frontdoor-cli report --format json` does. The rows are synthetic, in the generator's
// layout. BM_Report1M: 5,000 trainees, the text in memory, the whole-table path
// (readDecisionTable, analyse, reportJson). BM_Report1MDistinct: a million distinct trainees
// from a file, the CLI's path (rows streamed into an Analysis, the JSON written as the
// practitioners are made). Peak memory is the maximum resident set size (getrusage), reset
// at the start of each case so each reports its own.
#include "sim/exchange/decision_table.hpp"
#include "sim/report/group_report.hpp"
#include "sim/scenario/scenario_index.hpp"
#include "sim/scoring/analytics.hpp"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <streambuf>
#include <string>

namespace fs = std::filesystem;

namespace {

constexpr int kRows = 1'000'000;

// Trainee ids: 5,000 of them drawn at random, or one per row in a shuffled order ("t0000001"
// .. "t1000000", row i by trainee (i * 999,983) mod rows + 1, a bijection since 999,983 is a
// prime that does not divide 10^6).
enum class Trainees { Few, Distinct };

std::string paddedNumber(std::int64_t number) {
  std::string digits = std::to_string(number);
  return std::string(digits.size() < 7 ? 7 - digits.size() : 0, '0') + digits;
}

std::string syntheticCsv(int rows, Trainees trainees) {
  static constexpr std::array<const char*, 3> kScenarios{"bedtime-battles", "monday-absences",
                                                         "mark-on-the-cheek"};
  static constexpr std::array<const char*, 6> kLevels{"nfa", "advice", "early_help",
                                                      "s17", "s47",    "immediate"};
  std::string out = "trainee,scenario,decision,need_level,p_harm,p_rereferral,team,cohort\n";
  out.reserve(static_cast<std::size_t>(rows) * 72);
  std::uint64_t state = 20261126;
  for (int i = 0; i < rows; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto r = static_cast<unsigned>(state >> 33U);
    const unsigned level = (r % 6U + (r >> 8U) % 3U) % 6U;
    const std::string trainee =
        trainees == Trainees::Few ? std::to_string(1000 + (r >> 4U) % 5000U)
                                  : paddedNumber(static_cast<std::int64_t>(i) * 999'983 % rows + 1);
    out += "t" + trainee + "," + kScenarios.at(r % 3U) + "," + kLevels.at(level) + "," +
           std::to_string(1 + level * 4 / 6) + ",0." + std::to_string(r % 10U) +
           std::to_string((r >> 4U) % 10U) + ",0." + std::to_string((r >> 6U) % 10U) + ",team-" +
           std::to_string((r >> 12U) % 40U) + ",2026-" + std::to_string((r >> 20U) % 4U) + "\n";
  }
  return out;
}

sim::core::ScenarioIndex bundled() {
  return sim::scenario::loadScenarioIndex(SIM_SCENARIO_DIR).index;
}

// Linux: writing 5 to clear_refs resets the peak resident set size to the current one, so
// a case's peak is its own, not the peak of the cases run before it in this process.
void resetPeak() { std::ofstream("/proc/self/clear_refs") << "5"; }

double peakMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

// Standard output stand-in: counts the bytes written and keeps none.
class CountingBuffer : public std::streambuf {
public:
  [[nodiscard]] std::int64_t bytes() const { return m_bytes; }

protected:
  int_type overflow(int_type c) override {
    m_bytes += traits_type::eq_int_type(c, traits_type::eof()) ? 0 : 1;
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* /*s*/, std::streamsize n) override {
    m_bytes += n;
    return n;
  }

private:
  std::int64_t m_bytes = 0;
};

void BM_Report1M(benchmark::State& state) {
  resetPeak();
  const auto csv = syntheticCsv(kRows, Trainees::Few);
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

// A million distinct trainees, from a file as `frontdoor-cli report --decisions FILE
// --format json` reads it, the JSON written to a stream that keeps nothing (standard
// output). Only the report path is resident: the CSV text is written out and freed first.
void BM_Report1MDistinct(benchmark::State& state) {
  const auto path = fs::temp_directory_path() / "frontdoor-bench-report-distinct.csv";
  double csvMiB = 0.0;
  {
    const auto csv = syntheticCsv(kRows, Trainees::Distinct);
    std::ofstream(path, std::ios::binary) << csv;
    csvMiB = static_cast<double>(csv.size()) / (1024.0 * 1024.0);
  }
  const auto scenarios = bundled();
  resetPeak();
  std::int64_t rows = 0;
  std::int64_t practitioners = 0;
  std::int64_t jsonBytes = 0;
  for (auto _ : state) {
    CountingBuffer sink;
    std::ostream out(&sink);
    sim::scoring::Analysis analysis(&scenarios);
    const auto table = sim::exchange::visitDecisionTableFile(
        path.string(), [&](const sim::scoring::DecisionRow& row) { analysis.add(row); });
    auto report = analysis.finish();
    report.badRows = table.badRows;
    sim::report::writeReportJson(report, analysis, out);
    rows = report.decisions;
    practitioners = static_cast<std::int64_t>(analysis.count());
    jsonBytes = sink.bytes();
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["practitioners"] = static_cast<double>(practitioners);
  state.counters["csv_MiB"] = csvMiB;
  state.counters["json_MiB"] = static_cast<double>(jsonBytes) / (1024.0 * 1024.0);
  state.counters["peak_MiB"] = peakMiB();
  fs::remove(path);
}
BENCHMARK(BM_Report1MDistinct)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
