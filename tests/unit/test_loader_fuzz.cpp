// Robustness: truncated, byte-flipped, line-shuffled and spliced variants of every bundled
// scenario (fixed seeds) must each give a clean load or at least one error — never a
// crash, hang or exception. Run under ASan/UBSan by `tools/dev test`.
#include "sim/core/diagnostic.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/scenario_files.hpp"
#include "sim/scenario/schema.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using namespace sim;

namespace {

std::vector<std::string> bundledTexts() {
  std::vector<std::string> out;
  for (const auto& file :
       scenario::collectScenarioFiles({fs::path(SIM_SOURCE_DIR) / "scenarios"}).files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back(text.str());
  }
  return out;
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    lines.push_back(line);
  }
  return lines;
}

std::string joinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += line;
    out += '\n';
  }
  return out;
}

// Returns a description of the failure, or "" when the load behaved.
std::string checkVariant(const std::string& text) {
  const auto result = scenario::loadScenarioText(text, "variant.toml");
  if (result.ok()) {
    return core::hasErrors(result.diagnostics) ? "loaded despite errors" : "";
  }
  if (!core::hasErrors(result.diagnostics)) {
    return "refused without an error diagnostic";
  }
  for (const auto& d : result.diagnostics) {
    if (d.file != "variant.toml" || d.line < 0 || d.column < 0 || d.message.empty()) {
      return "malformed diagnostic: " + core::formatDiagnostic(d);
    }
  }
  return "";
}

std::uniform_int_distribution<std::size_t> upTo(std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n == 0 ? 0 : n - 1);
}

} // namespace

TEST_CASE("truncated scenarios never crash the loader") {
  std::mt19937_64 rng(20261125);
  int variants = 0;
  for (const auto& text : bundledTexts()) {
    for (int i = 0; i < 400; ++i) {
      const auto cut = upTo(text.size())(rng);
      const auto variant = text.substr(0, cut);
      INFO("cut at byte " << cut);
      REQUIRE(checkVariant(variant).empty());
      ++variants;
    }
  }
  CHECK(variants >= 1200);
}

TEST_CASE("byte-flipped scenarios never crash the loader") {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> flips(1, 8);
  int variants = 0;
  for (const auto& text : bundledTexts()) {
    for (int i = 0; i < 600; ++i) {
      auto variant = text;
      const int n = flips(rng);
      for (int k = 0; k < n; ++k) {
        variant[upTo(variant.size())(rng)] = static_cast<char>(byte(rng));
      }
      INFO("variant " << i);
      REQUIRE(checkVariant(variant).empty());
      ++variants;
    }
  }
  CHECK(variants >= 1800);
}

TEST_CASE("line-shuffled and duplicated and deleted-line scenarios never crash the loader") {
  std::mt19937_64 rng(42);
  int variants = 0;
  for (const auto& text : bundledTexts()) {
    const auto lines = splitLines(text);
    for (int i = 0; i < 400; ++i) {
      auto variant = lines;
      switch (i % 4) {
      case 0: // swap two lines
        std::swap(variant[upTo(variant.size())(rng)], variant[upTo(variant.size())(rng)]);
        break;
      case 1: // delete a line
        variant.erase(variant.begin() + static_cast<std::ptrdiff_t>(upTo(variant.size())(rng)));
        break;
      case 2: { // duplicate a line elsewhere
        const auto line = variant[upTo(variant.size())(rng)];
        variant.insert(variant.begin() + static_cast<std::ptrdiff_t>(upTo(variant.size())(rng)),
                       line);
        break;
      }
      default: // shuffle a window of lines
        const auto start = upTo(variant.size())(rng);
        const auto end = std::min(variant.size(), start + 12);
        std::shuffle(variant.begin() + static_cast<std::ptrdiff_t>(start),
                     variant.begin() + static_cast<std::ptrdiff_t>(end), rng);
        break;
      }
      INFO("variant " << i);
      REQUIRE(checkVariant(joinLines(variant)).empty());
      ++variants;
    }
  }
  CHECK(variants >= 1200);
}

TEST_CASE("pathological inputs get a diagnostic") {
  for (const std::string& text :
       {std::string(), std::string("\0\0\0", 3), std::string(5000, '['), std::string(5000, '{'),
        std::string("a = ") + std::string(300, '['), std::string("\xEF\xBB\xBF") + "format = 1",
        std::string("format = 1\n[[facts]]\n") + std::string(100000, '#'),
        std::string("x = \"\\uD800\""), std::string("a = {{"), std::string("a = { b = {{ }")}) {
    INFO("input size " << text.size());
    CHECK(checkVariant(text).empty());
  }
}

TEST_CASE("deeply dotted keys are refused before parsing instead of exhausting the stack") {
  std::string key = "a";
  for (int i = 0; i < 200000; ++i) {
    key += ".a";
  }
  for (const std::string& text : {key + " = 1\n", "format = 1\n[" + key + "]\n"}) {
    const auto result = scenario::loadScenarioText(text, "deep.toml");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message.find("dot-separated parts") != std::string::npos);
  }
}

TEST_CASE("a huge file full of problems stops at the diagnostic limit") {
  // ~1 MiB of identifier-like text in one string, and tens of thousands of unknown
  // references: both used to cost time quadratic in the number of problems.
  std::string postcodes = "format = 1\n[contact]\npresenting_text = \"";
  while (postcodes.size() < scenario::kMaxScenarioBytes - 100) {
    postcodes += "ZZ99 3WZ ";
  }
  postcodes += "\"\n";
  std::string references = "format = 1\n[contact]\nreveals = [";
  for (int i = 0; i < 30000; ++i) {
    references += "\"f-" + std::to_string(i) + "\", ";
  }
  references += "]\n";
  for (const auto& text : {postcodes, references}) {
    const auto result = scenario::loadScenarioText(text, "huge.toml");
    CHECK_FALSE(result.ok());
    REQUIRE(result.diagnostics.size() == scenario::kMaxDiagnostics + 1);
    CHECK(result.diagnostics.back().message.find("too many problems") != std::string::npos);
  }
}

TEST_CASE("a file over the diagnostic limit with only warnings still loads") {
  std::ifstream in(fs::path(SIM_SOURCE_DIR) / "tests" / "data" / "minimal_valid.toml");
  std::ostringstream text;
  text << in.rdbuf();
  std::string unknownKeys;
  for (int i = 0; i < 250; ++i) {
    unknownKeys += "zz" + std::to_string(i) + " = 1\n";
  }
  auto source = text.str();
  const auto at = source.find("[scenario]\n");
  REQUIRE(at != std::string::npos);
  source.insert(at + 11, unknownKeys);
  const auto result = scenario::loadScenarioText(source, "noisy.toml");
  CHECK(result.ok());
  REQUIRE(result.diagnostics.size() == scenario::kMaxDiagnostics + 1);
  CHECK(result.diagnostics.back().severity == core::Severity::Warning);
  CHECK(result.diagnostics.back().message.find("too many problems") != std::string::npos);
}

namespace {

// Processor time this thread spent loading `text`, the least of three loads (the work done,
// not the time of day: other processes do not count).
double cpuSecondsToLoad(const std::string& text) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    timespec start{};
    timespec end{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    const auto result = scenario::loadScenarioText(text, "long.toml");
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.diagnostics.empty());
    best = std::min(best, static_cast<double>(end.tv_sec - start.tv_sec) +
                              static_cast<double>(end.tv_nsec - start.tv_nsec) * 1e-9);
  }
  return best;
}

std::string digitGroups(int groups) {
  std::string text = "format = 1\n[contact]\npresenting_text = \"";
  for (int i = 0; i < groups; ++i) {
    text += "1 ";
  }
  return text + "\"\n";
}

std::string longIds(std::size_t length) {
  const std::string id(length, 'a');
  return "format = 1\n[contact]\nreveals = [\"b" + id + "\"]\n[[facts]]\nid = \"a" + id + "\"\n";
}

} // namespace

TEST_CASE("long runs of digit groups and long ids are handled in linear time") {
  // Used to be quadratic (digit runs rescanned at every group; edit distance on huge ids).
  // Four times the input must cost well under sixteen times the work: linear work grows
  // about four times, quadratic sixteen. The smaller inputs take milliseconds, so the
  // ratio is not lost in the clock's resolution.
  const double digits = cpuSecondsToLoad(digitGroups(100000));
  const double digits4 = cpuSecondsToLoad(digitGroups(400000));
  INFO("digit groups: " << digits << " s, four times as many: " << digits4 << " s");
  CHECK(digits4 < 9.0 * digits + 0.005);
  const double ids = cpuSecondsToLoad(longIds(30000));
  const double ids4 = cpuSecondsToLoad(longIds(120000));
  INFO("ids: " << ids << " s, four times as long: " << ids4 << " s");
  CHECK(ids4 < 9.0 * ids + 0.005);
}
