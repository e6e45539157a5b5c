// Golden-text test: each broken fixture under tests/data/bad_scenarios produces exactly
// the diagnostics in its .expected file (reviewed by a person when changed).
#include "sim/core/diagnostic.hpp"
#include "sim/scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace sim;

namespace {
const fs::path kFixtures = fs::path(SIM_SOURCE_DIR) / "tests" / "data" / "bad_scenarios";

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> fixtures() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    if (entry.path().extension() == ".toml") {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string render(const fs::path& fixture) {
  const auto text = readAll(fixture);
  const auto result = scenario::loadScenarioText(text, fixture.filename().string());
  std::string out;
  for (const auto& d : result.diagnostics) {
    out += core::formatDiagnostic(d) + "\n";
  }
  return out;
}
} // namespace

TEST_CASE("every broken fixture produces exactly its expected diagnostics") {
  const auto all = fixtures();
  REQUIRE(all.size() >= 20);
  for (const auto& fixture : all) {
    auto expectedPath = fixture;
    expectedPath.replace_extension(".expected");
    INFO("fixture: " << fixture.filename().string());
    REQUIRE(fs::exists(expectedPath));
    CHECK(render(fixture) == readAll(expectedPath));
  }
}

TEST_CASE("every check the format promises has a fixture") {
  // One fixture per check named in issue 2; renaming one must be deliberate.
  for (const auto* name : {"syntax_error", "wrong_type", "missing_required_key", "unknown_key",
                           "unknown_token", "unknown_census_code", "out_of_range", "duplicate_id",
                           "unknown_reference", "unrevealable_fact", "decision_point_without_panel",
                           "band_excludes_consensus", "outcome_before_contact", "anonymisation"}) {
    INFO(name);
    CHECK(fs::exists(kFixtures / (std::string(name) + ".toml")));
  }
}

TEST_CASE("fixtures that must fail do fail and warning-only fixtures still load") {
  for (const auto& fixture : fixtures()) {
    const auto name = fixture.stem().string();
    const auto result = scenario::loadScenarioText(readAll(fixture), fixture.filename().string());
    INFO(name);
    REQUIRE_FALSE(result.diagnostics.empty());
    const bool warningOnly = name == "anonymisation" || name == "unknown_key" ||
                             name == "deprecated_factor_code" || name == "misplaced_outcome_keys";
    CHECK(result.ok() == warningOnly);
  }
}

TEST_CASE("the minimal valid fixture loads with no diagnostics") {
  const auto path = fs::path(SIM_SOURCE_DIR) / "tests" / "data" / "minimal_valid.toml";
  const auto result = scenario::loadScenarioText(readAll(path), "minimal_valid.toml");
  CHECK(result.ok());
  CHECK(result.diagnostics.empty());
}
