// The scoring rubric: the bundled file equals the built-in defaults, broken rubric files
// give exactly their reviewed diagnostics, and a scenario's [rubric] table overrides parts.
#include "sim/core/rubric.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/rubric_loader.hpp"
#include "sim/scenario/schema.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace sim;

namespace {

const fs::path kRoot(SIM_SOURCE_DIR);

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string minimalWith(const std::string& extra) {
  return readAll(kRoot / "tests/data/minimal_valid.toml") + "\n" + extra;
}

} // namespace

TEST_CASE("the bundled rubric file holds exactly the built-in defaults") {
  const auto loaded = scenario::loadRubricFile(kRoot / "scenarios/rubric.toml");
  for (const auto& d : loaded.diagnostics) {
    UNSCOPED_INFO(core::formatDiagnostic(d));
  }
  REQUIRE(loaded.ok());
  CHECK(loaded.diagnostics.empty());
  const core::Rubric defaults;
  for (const auto& key : core::rubricKeys()) {
    INFO(key.path);
    CHECK(core::rubricValue(*loaded.rubric, key.path) == core::rubricValue(defaults, key.path));
  }
  CHECK(loaded.rubric->costMatrix == core::kDefaultCostMatrix);
}

TEST_CASE("every broken rubric gives exactly its reviewed diagnostics") {
  const auto folder = kRoot / "tests/data/bad_rubrics";
  int fixtures = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!scenario::isRubricFile(entry.path())) {
      continue;
    }
    ++fixtures;
    const auto name = entry.path().filename().string();
    const auto loaded = scenario::loadRubricText(readAll(entry.path()), name);
    std::string rendered;
    for (const auto& d : loaded.diagnostics) {
      rendered += core::formatDiagnostic(d) + "\n";
    }
    const auto stem = name.substr(0, name.size() - std::string(".rubric.toml").size());
    INFO(name);
    CHECK_FALSE(loaded.ok());
    CHECK(rendered == readAll(folder / (stem + ".expected")));
  }
  CHECK(fixtures == 5);
}

TEST_CASE("the rubric keys and the schema list the same keys") {
  const auto paths = scenario::allKeyPaths();
  for (const auto& key : core::rubricKeys()) {
    INFO(key.path);
    CHECK(std::find(paths.begin(), paths.end(), "rubric." + std::string(key.path)) != paths.end());
  }
  const auto rubricPaths = std::count_if(
      paths.begin(), paths.end(), [](const auto& path) { return path.rfind("rubric.", 0) == 0; });
  // Every schema key under rubric. is a rubric key, one of its seven tables, `format` or the
  // cost matrix.
  CHECK(static_cast<std::size_t>(rubricPaths) == core::rubricKeys().size() + 7 + 2);
}

TEST_CASE("a scenario's rubric table overrides numbers and flags") {
  const auto loaded = scenario::loadScenarioText(
      minimalWith("[rubric.weights]\ninformation = 25\n\n[rubric.critical]\ncap = 25\n"
                  "consent_raising_risk = false\n"),
      "override.toml");
  REQUIRE(loaded.ok());
  const auto& overrides = loaded.scenario->rubricOverrides;
  REQUIRE(overrides.size() == 3);
  core::Rubric rubric;
  for (const auto& setting : overrides) {
    CHECK(core::applyRubricSetting(rubric, setting));
  }
  CHECK(rubric.weights.information == 25);
  CHECK(rubric.critical.cap == 25);
  CHECK_FALSE(rubric.critical.consentRaisingRisk);
  CHECK(rubric.weights.decision == 30); // untouched
}

TEST_CASE("a scenario may not change the cost matrix or give a rubric format") {
  const auto loaded = scenario::loadScenarioText(
      minimalWith("[rubric]\nformat = 1\n\n[rubric.decision]\ncost_matrix = []\n"),
      "override.toml");
  CHECK_FALSE(loaded.ok());
  std::string rendered;
  for (const auto& d : loaded.diagnostics) {
    rendered += core::formatDiagnostic(d) + "\n";
  }
  CHECK(rendered.find("'rubric.format' belongs in a rubric file") != std::string::npos);
  CHECK(rendered.find("'rubric.decision.cost_matrix' belongs in a rubric file") !=
        std::string::npos);
}

TEST_CASE("rubric files are told apart from scenarios by name") {
  CHECK(scenario::isRubricFile("scenarios/rubric.toml"));
  CHECK(scenario::isRubricFile("a/team.rubric.toml"));
  CHECK_FALSE(scenario::isRubricFile("scenarios/mark-on-the-cheek.toml"));
  CHECK_FALSE(scenario::isRubricFile("rubric.toml.bak"));
}

TEST_CASE("a scenario's overrides obey the same rules as a rubric file") {
  const auto loaded = scenario::loadScenarioText(
      minimalWith("[rubric.information]\nrecords = 1\n\n[rubric.contested]\nbase = 0\nslope = 0\n"),
      "override.toml");
  CHECK_FALSE(loaded.ok());
  std::string rendered;
  for (const auto& d : loaded.diagnostics) {
    rendered += core::formatDiagnostic(d) + "\n";
  }
  CHECK(rendered.find("'rubric.information.critical_facts', 'rubric.information.records', "
                      "'rubric.information.child' and 'rubric.information.referrer' must add up "
                      "to 1 (they share the component), found 1.85") != std::string::npos);
  CHECK(rendered.find("'rubric.contested.base' and 'contested.slope' are both 0") !=
        std::string::npos);
}

TEST_CASE("a rubric file over the size limit or missing is refused unread with why") {
  const auto folder = test_support::uniqueTempFolder("rubric-size");
  const auto big = folder / "big-rubric.toml";
  {
    std::ofstream out(big, std::ios::binary);
    out << std::string(static_cast<std::size_t>(sim::scenario::kMaxScenarioBytes) + 1, '#');
  }
  const auto read = sim::scenario::loadRubricFile(big);
  CHECK_FALSE(read.ok());
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].message ==
        "file is 1048577 bytes, larger than the 1048576-byte limit for a rubric; it was not read");
  const auto missing = sim::scenario::loadRubricFile(folder / "no-such-rubric.toml");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].message.rfind("cannot read the file: ", 0) == 0);
  fs::remove_all(folder);
}
