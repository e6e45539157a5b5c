// Walkthroughs of every bundled case: three scripted attempts each — careful
// (scenarios/actions/<id>.actions), a typical under-response (<id>.under.actions) and a
// typical over-response (<id>.over.actions) — played through the engine and scored with
// the bundled rubric. Each file states its expected score range on a line
// "# expect score: MIN..MAX"; the careful attempt must decide inside the panel's band at
// every decision point and in time, the under-response below the band at some point (never
// above), the over-response above it at some point (never below). Where a band leaves no room
// (it starts at nfa, or ends at immediate, at every decision point) the under- or
// over-response errs in how it gets there instead (no enquiries, or intrusive ones) and
// stays inside the band; the second test checks it then scores below the careful attempt.
#include "sim/engine/action_text.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/scenario/rubric_loader.hpp"
#include "sim/scoring/decision_score.hpp"
#include "tests/support/engine_fixtures.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace sim;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  double low = 0.0;
  double high = 100.0;
  bool found = false;
};

Expectation expectationIn(const std::string& text) {
  static const std::regex pattern(R"(#\s*expect score:\s*([0-9.]+)\s*\.\.\s*([0-9.]+))");
  std::smatch match;
  Expectation out;
  if (std::regex_search(text, match, pattern)) {
    out = {std::stod(match[1].str()), std::stod(match[2].str()), true};
  }
  return out;
}

struct Played {
  engine::AttemptState state;
  std::vector<scoring::DecisionScore> scores;
  double overall = 0.0;
};

Played play(const std::shared_ptr<const core::Scenario>& scenario, const std::string& file,
            const core::Rubric& rubric) {
  const auto text = sim::test::readFixture(file);
  const auto script = engine::parseActionScript(text, file);
  INFO(file);
  REQUIRE(script.diagnostics.empty());
  engine::Attempt attempt(scenario);
  for (const auto& scripted : script.actions) {
    const auto applied = attempt.apply(scripted.action);
    INFO(file << ":" << scripted.line << ": " << (applied ? "" : applied.error().message));
    REQUIRE(applied);
  }
  Played out;
  out.state = attempt.state();
  for (int i = 0; i < static_cast<int>(out.state.decisions.size()); ++i) {
    auto score =
        scoring::scoreDecision(*scenario, out.state, i, scoring::rubricFor(rubric, *scenario));
    REQUIRE(score);
    out.scores.push_back(score.value());
  }
  out.overall = scoring::weightedMeanScore(out.scores);
  return out;
}

enum class Against { Below, Within, Above };

Against against(const core::Scenario& scenario, const engine::DecisionRecord& decision) {
  const auto& point = scenario.decisionPoints.at(static_cast<std::size_t>(decision.decisionPoint));
  const auto* panel = scenario.panelFor(point.id);
  REQUIRE(panel != nullptr);
  if (decision.decision.response < panel->bandMin) {
    return Against::Below;
  }
  return decision.decision.response > panel->bandMax ? Against::Above : Against::Within;
}

} // namespace

TEST_CASE("every bundled case has careful and under and over walkthroughs in their ranges") {
  const auto rubricRead =
      scenario::loadRubricFile(fs::path(SIM_SOURCE_DIR) / "scenarios/rubric.toml");
  REQUIRE(rubricRead.rubric);
  const auto scenarios = sim::test::bundledScenarios();
  REQUIRE(scenarios.size() >= 3);
  for (const auto& scenario : scenarios) {
    const auto& id = scenario->meta.id;
    for (const std::string kind : {"careful", "under", "over"}) {
      const auto file =
          "scenarios/actions/" + id + (kind == "careful" ? "" : "." + kind) + ".actions";
      INFO(file);
      REQUIRE(fs::exists(fs::path(SIM_SOURCE_DIR) / file));
      const auto expected = expectationIn(sim::test::readFixture(file));
      REQUIRE(expected.found); // "# expect score: MIN..MAX"
      const auto played = play(scenario, file, *rubricRead.rubric);
      // Every decision point is decided.
      REQUIRE(played.state.phase == engine::Phase::Closed);
      CHECK(played.overall >= expected.low);
      CHECK(played.overall <= expected.high);
      int below = 0;
      int above = 0;
      for (const auto& d : played.state.decisions) {
        const auto a = against(*scenario, d);
        below += a == Against::Below ? 1 : 0;
        above += a == Against::Above ? 1 : 0;
        if (kind == "careful") {
          CHECK(a == Against::Within);
          CHECK(d.withinDeadline());
        }
      }
      bool roomBelow = false;
      bool roomAbove = false;
      for (const auto& panel : scenario->panels) {
        roomBelow = roomBelow || panel.bandMin > core::ResponseLevel::Nfa;
        roomAbove = roomAbove || panel.bandMax < core::ResponseLevel::Immediate;
      }
      if (kind == "under") {
        CHECK(below > (roomBelow ? 0 : -1));
        CHECK(above == 0);
      }
      if (kind == "over") {
        CHECK(above > (roomAbove ? 0 : -1));
        CHECK(below == 0);
      }
    }
  }
}

TEST_CASE("the careful walkthrough scores higher than the under and over responses") {
  const auto rubricRead =
      scenario::loadRubricFile(fs::path(SIM_SOURCE_DIR) / "scenarios/rubric.toml");
  REQUIRE(rubricRead.rubric);
  for (const auto& scenario : sim::test::bundledScenarios()) {
    const auto& id = scenario->meta.id;
    INFO(id);
    const auto careful = play(scenario, "scenarios/actions/" + id + ".actions", *rubricRead.rubric);
    const auto under =
        play(scenario, "scenarios/actions/" + id + ".under.actions", *rubricRead.rubric);
    const auto over =
        play(scenario, "scenarios/actions/" + id + ".over.actions", *rubricRead.rubric);
    CHECK(careful.overall > under.overall);
    CHECK(careful.overall > over.overall);
  }
}
