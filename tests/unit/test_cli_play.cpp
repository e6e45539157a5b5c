// The real frontdoor-cli binary: `play` runs each bundled scenario's documented example
// action file and its JSON matches the reviewed golden file (tests/golden/play/); bad
// action files and refused actions exit 1 with FILE:LINE:COL messages.
#include "sim/engine/action_text.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/rubric_loader.hpp"
#include "tests/support/cli_runner.hpp"
#include "tests/support/temp_folder.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;
using sim::test::cli;
using sim::test::readAll;

namespace {

std::vector<std::string> bundledIds() {
  std::vector<std::string> ids;
  for (const auto& entry : fs::directory_iterator(fs::path(SIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() == ".toml" && !sim::scenario::isRubricFile(entry.path())) {
      ids.push_back(entry.path().stem().string());
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

fs::path scratch(const std::string& name, const std::string& text) {
  const auto path = test_support::uniqueTempFolder("play-" + name) / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

} // namespace

TEST_CASE("every bundled scenario has an example action file that plays to its golden JSON") {
  const auto ids = bundledIds();
  REQUIRE(ids.size() >= 3);
  for (const auto& id : ids) {
    INFO(id << " (regenerate with tools/update_play_goldens.sh and review the diff)");
    const auto actions = "scenarios/actions/" + id + ".actions";
    REQUIRE(fs::exists(fs::path(SIM_SOURCE_DIR) / actions));
    const auto run = cli("play scenarios/" + id + ".toml --actions " + actions + " --json");
    INFO(run.err);
    CHECK(run.status == 0);
    const auto golden = readAll(fs::path(SIM_SOURCE_DIR) / "tests/golden/play" / (id + ".json"));
    REQUIRE_FALSE(golden.empty());
    CHECK(run.out == golden);
  }
}

TEST_CASE("the example attempts decide in time and end with every decision locked") {
  for (const auto& id : bundledIds()) {
    INFO(id);
    const auto run =
        cli("play scenarios/" + id + ".toml --actions scenarios/actions/" + id + ".actions --json");
    REQUIRE(run.status == 0);
    const auto played = nlohmann::json::parse(run.out);
    REQUIRE_FALSE(played.at("decisions").empty());
    for (const auto& decision : played.at("decisions")) {
      CHECK(decision.at("within_deadline").get<bool>());
    }
    CHECK(played.at("end").at("phase") == "closed");
  }
}

TEST_CASE("play prints a readable transcript and debrief as text") {
  const auto run = cli("play scenarios/bedtime-battles.toml --actions "
                       "scenarios/actions/bedtime-battles.actions");
  CHECK(run.status == 0);
  CHECK(run.out.rfind("Bedtime battles (bedtime-battles v3)\n", 0) == 0);
  CHECK(run.out.find("Contact arrived Tue 10:40 (day 0); decision due by Wed 10:40 (day 1).") !=
        std::string::npos);
  CHECK(run.out.find("== Decision 1: ") != std::string::npos);
  CHECK(run.out.find("Panel spread:") != std::string::npos);
}

TEST_CASE("play writes an event log that replays to the same attempt") {
  const test_support::TempFolder folder("play-log");
  const auto log = folder.path() / "log.txt";
  const auto run = cli("play scenarios/mark-on-the-cheek.toml --actions "
                       "scenarios/actions/mark-on-the-cheek.actions --log '" +
                       log.string() + "'");
  CHECK(run.status == 0);
  const auto parsed = sim::engine::parseEventLog(readAll(log), log.string());
  CHECK(parsed.diagnostics.empty());
  REQUIRE(parsed.log.has_value());
  CHECK(parsed.log->scenarioId == "mark-on-the-cheek");
  CHECK(parsed.log->events.size() > 10);
  fs::remove(log);
  // The same actions, applied in this process, give the same log; replaying it gives the
  // same state.
  const auto scenario = sim::scenario::loadScenarioFile(fs::path(SIM_SOURCE_DIR) /
                                                        "scenarios/mark-on-the-cheek.toml");
  REQUIRE(scenario.ok());
  const auto script = sim::engine::parseActionScript(
      readAll(fs::path(SIM_SOURCE_DIR) / "scenarios/actions/mark-on-the-cheek.actions"), "x");
  sim::engine::Attempt live(scenario.scenario);
  for (const auto& scripted : script.actions) {
    REQUIRE(live.apply(scripted.action).ok());
  }
  CHECK(live.log() == *parsed.log);
  const auto replayed = sim::engine::Attempt::replay(scenario.scenario, *parsed.log);
  REQUIRE(replayed.ok());
  CHECK(replayed.value().state() == live.state());
}

TEST_CASE("a bad action file is reported line by line and exits 1") {
  const auto file = scratch("bad.actions", "read_contact\nask\nwait soon\n");
  const auto run = cli("play tests/data/engine/two_points.toml --actions '" + file.string() + "'");
  CHECK(run.status == 1);
  CHECK(run.out.empty());
  CHECK(run.err == file.string() +
                       ":2:4: error: 'ask' takes one question id, found nothing more\n" +
                       file.string() + ":3:6: error: expected 'reply' or 'until', found 'soon'\n");
  fs::remove(file);
}

TEST_CASE("a refused action stops the play at its line and exits 1") {
  const auto file = scratch("refused.actions", "read_contact\n\n  ask q-sad\n");
  const auto run = cli("play tests/data/engine/two_points.toml --actions '" + file.string() + "'");
  CHECK(run.status == 1);
  CHECK(run.err == file.string() +
                       ":3:3: error: refused: There is no question \"q-sad\" at this point of the "
                       "case; did you mean \"q-said\"?\n");
  fs::remove(file);
}

TEST_CASE("play refuses a broken scenario and a missing action file") {
  const auto broken = cli("play tests/data/bad_scenarios/band_inverted.toml --actions "
                          "scenarios/actions/bedtime-battles.actions");
  CHECK(broken.status == 1);
  CHECK(broken.err.rfind("tests/data/bad_scenarios/band_inverted.toml:", 0) == 0);
  const auto missing = cli("play scenarios/bedtime-battles.toml --actions no/such.actions");
  CHECK(missing.status == 1);
  CHECK(missing.err == "no/such.actions: error: no such file\n");
  CHECK(cli("play scenarios/bedtime-battles.toml").status == 2);
}

TEST_CASE("the diagnostics examples in ACTIONS.md are real output") {
  const auto doc = readAll(fs::path(SIM_SOURCE_DIR) / "scenarios/ACTIONS.md");
  const auto section = doc.find("These examples are real output.");
  REQUIRE(section != std::string::npos);
  // The first ```text block after it is bad.actions; the second is the output.
  auto block = [&](std::size_t from) {
    const auto start = doc.find("```text\n", from);
    REQUIRE(start != std::string::npos);
    const auto end = doc.find("```\n", start + 8);
    REQUIRE(end != std::string::npos);
    return std::make_pair(doc.substr(start + 8, end - start - 8), end + 4);
  };
  const auto [actions, afterActions] = block(section);
  const auto [output, afterOutput] = block(afterActions);
  (void)afterOutput;
  const auto dir = test_support::uniqueTempFolder("actions-doc");
  std::ofstream(dir / "bad.actions", std::ios::binary) << actions;
  const auto run = cli("play '" + std::string(SIM_SOURCE_DIR) +
                           "/scenarios/bedtime-battles.toml' --actions bad.actions",
                       dir);
  CHECK(run.status == 1);
  std::string expected;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("bad.actions:", 0) == 0) {
      expected += line + "\n";
    }
  }
  REQUIRE_FALSE(expected.empty());
  CHECK(run.err == expected);
  fs::remove_all(dir);
}
