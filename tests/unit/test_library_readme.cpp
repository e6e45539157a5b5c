// scenarios/README.md's table of the bundled cases is kept true: one row per case with its
// practice area, the panel's consensus and acceptable band at each decision point,
// difficulty, and the numbers of facts and agency checks, exactly as the files say; and
// the summary lines of consensus levels and difficulties across the library.
#include "tests/support/engine_fixtures.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <map>
#include <sstream>

using namespace sim;

namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line.substr(1)); // past the leading '|'
  while (std::getline(in, cell, '|')) {
    out.push_back(trim(cell));
  }
  return out;
}

/// The row the README must have for a scenario, in the table's column order.
std::vector<std::string> expectedRow(const core::Scenario& s) {
  std::string consensus;
  std::string band;
  for (const auto& point : s.decisionPoints) {
    const auto* panel = s.panelFor(point.id);
    REQUIRE(panel != nullptr);
    const auto sep = consensus.empty() ? "" : " → ";
    consensus += sep + std::string(core::tokenOf(panel->consensus));
    band +=
        sep + std::string(core::tokenOf(panel->bandMin)) +
        (panel->bandMin == panel->bandMax ? "" : "–" + std::string(core::tokenOf(panel->bandMax)));
  }
  return {"`" + s.meta.id + "`",
          s.meta.title,
          s.meta.practiceArea,
          consensus,
          band,
          std::string(core::tokenOf(s.meta.difficulty)),
          std::to_string(s.facts.size()),
          std::to_string(s.checks.size())};
}

} // namespace

TEST_CASE("the table in scenarios/README.md lists every bundled case as its file says") {
  const auto text = sim::test::readFixture("scenarios/README.md");
  REQUIRE_FALSE(text.empty());
  std::istringstream in(text);
  std::string line;
  bool inTable = false;
  std::map<std::string, std::vector<std::string>> rows; // by the id cell
  while (std::getline(in, line)) {
    if (line.rfind("| Case |", 0) == 0) {
      CHECK(cells(line) == std::vector<std::string>{"Case", "Title", "Practice area", "Consensus",
                                                    "Band", "Difficulty", "Facts", "Checks"});
      inTable = true;
      std::getline(in, line); // the |---| line
      continue;
    }
    if (inTable && line.rfind("|", 0) != 0) {
      break;
    }
    if (inTable) {
      const auto row = cells(line);
      REQUIRE_FALSE(row.empty());
      rows[row[0]] = row;
    }
  }
  REQUIRE(inTable);
  const auto scenarios = sim::test::bundledScenarios();
  CHECK(rows.size() == scenarios.size());
  for (const auto& s : scenarios) {
    const auto expected = expectedRow(*s);
    INFO("README row for " << s->meta.id);
    REQUIRE(rows.count(expected[0]) == 1);
    CHECK(rows[expected[0]] == expected);
  }
}

TEST_CASE("the README's consensus and difficulty summary lines count the bundled cases") {
  const auto text = sim::test::readFixture("scenarios/README.md");
  std::array<int, core::kResponseLevels> levels{};
  std::map<std::string, int> difficulty;
  int points = 0;
  for (const auto& s : sim::test::bundledScenarios()) {
    difficulty[std::string(core::tokenOf(s->meta.difficulty))] += 1;
    for (const auto& point : s->decisionPoints) {
      const auto* panel = s->panelFor(point.id);
      REQUIRE(panel != nullptr);
      levels[static_cast<std::size_t>(panel->consensus)] += 1;
      ++points;
    }
  }
  std::string consensus = "Consensus across the " + std::to_string(points) + " decision points: ";
  for (std::size_t i = 0; i < levels.size(); ++i) {
    consensus += (i == 0 ? "" : ", ") +
                 std::string(core::tokenOf(static_cast<core::ResponseLevel>(i))) + " " +
                 std::to_string(levels[i]);
  }
  consensus += ".";
  INFO("expected: " << consensus);
  CHECK(text.find(consensus) != std::string::npos);
  // Every response level is the consensus somewhere in the library.
  for (const int n : levels) {
    CHECK(n > 0);
  }
  const std::string line = "Difficulty: " + std::to_string(difficulty["introductory"]) +
                           " introductory, " + std::to_string(difficulty["intermediate"]) +
                           " intermediate, " + std::to_string(difficulty["advanced"]) +
                           " advanced.";
  INFO("expected: " << line);
  CHECK(text.find(line) != std::string::npos);
}
