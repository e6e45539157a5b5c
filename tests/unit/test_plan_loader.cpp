// Workshop plans (scenarios/WORKSHOPS.md): the bundled plans load against the bundled
// cases; every rule that protects the room is an error (or a warning) at its file, line and
// column; the default plan of every case keeps the panel and the outcome back until the
// room has voted; WORKSHOPS.md documents every key; validate counts plans with the cases.
#include "sim/scenario/plan_loader.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/scenario/validation.hpp"
#include "tests/support/engine_fixtures.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <fstream>
#include <random>
#include <sstream>

using namespace sim;

namespace {

const std::filesystem::path kSource(SIM_SOURCE_DIR);

core::ScenarioIndex bundledIndex() {
  core::ScenarioIndex index;
  for (const auto& scenario : sim::test::bundledScenarios()) {
    index.emplace(scenario->meta.id, scenario);
  }
  return index;
}

// A small valid plan on two bundled cases; tests replace one line of it.
const std::string kPlan = R"(format = 1
[workshop]
id = "test-plan"
title = "Test plan"
[[cases]]
scenario = "bedtime-battles"
[[cases.pauses]]
at = "contact"
prompt = "What worries you?"
[[cases.pauses]]
at = "decision_point"
target = "dp1"
prompt = "Decide."
revote = true
reveal = ["room", "shift", "panel", "reasoning", "outcome"]
[[cases]]
scenario = "second-contact"
)";

std::string replaced(const std::string& from, const std::string& to) {
  auto text = kPlan;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> messages(const std::string& text) {
  const auto index = bundledIndex();
  const auto loaded = scenario::loadPlanText(text, "p.workshop.toml", &index);
  std::vector<std::string> out;
  for (const auto& d : loaded.diagnostics) {
    out.push_back(core::formatDiagnostic(d));
  }
  return out;
}

} // namespace

TEST_CASE("the bundled workshop plans load against the bundled cases with nothing to report") {
  const auto index = bundledIndex();
  for (const auto* name : {"ninety-minutes", "cumulative-harm"}) {
    INFO(name);
    const auto loaded = scenario::loadPlanFile(
        kSource / "scenarios" / "workshops" / (std::string(name) + ".workshop.toml"), &index);
    for (const auto& d : loaded.diagnostics) {
      UNSCOPED_INFO(core::formatDiagnostic(d));
    }
    CHECK(loaded.diagnostics.empty());
    REQUIRE(loaded.ok());
    CHECK(loaded.plan->id == name);
    CHECK(loaded.plan->cases.size() >= 3);
  }
  const auto ninety =
      scenario::loadPlanFile(kSource / "scenarios/workshops/ninety-minutes.workshop.toml", &index);
  REQUIRE(ninety.ok());
  const auto& threshold = ninety.plan->cases[1];
  CHECK(threshold.scenario == "mark-on-the-cheek");
  REQUIRE(threshold.pauses.size() == 4);
  CHECK(threshold.pauses[2].at == core::PauseAt::Enquiry);
  CHECK(threshold.pauses[2].target == "chk-police");
  CHECK(threshold.pauses[3].vote == core::VoteKind::PerTable); // from workshop.vote
  CHECK(threshold.pauses[3].timerMinutes == 5);
}

TEST_CASE("a case without pauses gets the default pauses, with the plan's vote") {
  const auto loaded = messages(kPlan);
  CHECK(loaded.empty());
  const auto index = bundledIndex();
  const auto plan = scenario::loadPlanText(
      replaced("title = \"Test plan\"", "title = \"Test plan\"\nvote = \"per_person\""),
      "p.workshop.toml", &index);
  REQUIRE(plan.ok());
  const auto& second = plan.plan->cases[1];
  REQUIRE(second.pauses.size() == 3); // the contact, dp1, dp2
  CHECK(second.pauses[1].vote == core::VoteKind::PerPerson);
  CHECK(second.pauses[1].target == "dp1");
  CHECK(second.pauses[2].reveals.back() == core::RevealKind::Outcome);
  CHECK(std::find(second.pauses[1].reveals.begin(), second.pauses[1].reveals.end(),
                  core::RevealKind::Outcome) == second.pauses[1].reveals.end());
}

TEST_CASE("every rule that protects the room is reported at its line and column") {
  CHECK(messages(replaced("scenario = \"second-contact\"", "scenario = \"second-contct\"")) ==
        std::vector<std::string>{"p.workshop.toml:17:12: error: 'cases[2].scenario' names "
                                 "unknown case \"second-contct\"; did you mean "
                                 "\"second-contact\"?"});
  CHECK(messages(replaced("target = \"dp1\"", "target = \"dp9\"")) ==
        std::vector<std::string>{
            "p.workshop.toml:5:1: warning: 'cases[1]' has no pause at decision point \"dp1\", "
            "so the room does not vote on it (the trainer decides it for the room)",
            "p.workshop.toml:12:10: error: 'cases[1].pauses[2].target' names no decision point "
            "of this case: \"dp9\"; did you mean \"dp1\"?"});
  CHECK(messages(replaced("at = \"contact\"", "at = \"contact\"\nvote = \"per_table\"")) ==
        std::vector<std::string>{"p.workshop.toml:9:8: error: 'cases[1].pauses[1].vote': the "
                                 "room votes on its decision at a \"decision_point\" pause; here "
                                 "it can only be \"none\""});
  CHECK(messages(replaced("prompt = \"What worries you?\"",
                          "prompt = \"What worries you?\"\nreveal = [\"panel\"]")) ==
        std::vector<std::string>{"p.workshop.toml:10:10: error: 'cases[1].pauses[1].reveal': "
                                 "reveals come at a \"decision_point\" pause, once the room has "
                                 "voted"});
  CHECK(messages(replaced("revote = true\n", "")) ==
        std::vector<std::string>{"p.workshop.toml:14:10: error: 'cases[1].pauses[2].reveal': "
                                 "\"shift\" compares the revote with the first vote; set "
                                 "'revote = true'"});
  CHECK(messages(replaced("revote = true", "vote = \"none\"\nrevote = false")) ==
        std::vector<std::string>{
            "p.workshop.toml:16:10: error: 'cases[1].pauses[2].reveal': \"room\" and \"shift\" "
            "show the room's votes, and this pause has no vote",
            "p.workshop.toml:16:10: error: 'cases[1].pauses[2].reveal': \"shift\" compares the "
            "revote with the first vote; set 'revote = true'"});
  CHECK(messages(replaced("reveal = [\"room\", \"shift\", \"panel\", \"reasoning\", \"outcome\"]",
                          "reveal = [\"panel\", \"room\"]")) ==
        std::vector<std::string>{"p.workshop.toml:15:10: warning: 'cases[1].pauses[2].reveal' "
                                 "shows the panel or the outcome before the room's own votes; "
                                 "the room usually sees its own spread first"});
  CHECK(messages(replaced("title = \"Test plan\"", "title = \"Test plan\"\nvote = \"none\"")) ==
        std::vector<std::string>{"p.workshop.toml:5:8: error: 'workshop.vote' is the vote at "
                                 "decision points: \"per_person\" or \"per_table\""});
  CHECK(messages(replaced("format = 1", "format = 2")) ==
        std::vector<std::string>{"p.workshop.toml:1:10: error: this workshop plan uses format 2, "
                                 "newer than this Frontdoor reads (format 1)"});
}

TEST_CASE("the outcome is revealed only at a case's last decision point, and decision points "
          "in order") {
  const std::string twoPoints = kPlan + R"([[cases.pauses]]
at = "decision_point"
target = "dp2"
prompt = "Again."
[[cases.pauses]]
at = "decision_point"
target = "dp1"
prompt = "Decide."
reveal = ["room", "outcome"]
[[cases.pauses]]
at = "enquiry"
target = "chk-gpp"
prompt = "The GP?"
)";
  CHECK(messages(twoPoints) ==
        std::vector<std::string>{
            "p.workshop.toml:24:10: error: 'cases[2].pauses[2].target': decision point \"dp1\" "
            "comes after the one paused at before it in the case (pauses follow the case's "
            "order, once each)",
            "p.workshop.toml:24:10: error: 'cases[2].pauses[2].target': the outcome can be "
            "revealed only at the case's last decision point (\"dp2\"); here it would give away "
            "what comes next",
            "p.workshop.toml:29:10: error: 'cases[2].pauses[3].target' names no question, check "
            "or direct contact of this case: \"chk-gpp\"; did you mean \"chk-gp\"?"});
}

TEST_CASE("the default plan of every bundled case keeps the panel and the outcome until the "
          "room has voted") {
  for (const auto& scenario : sim::test::bundledScenarios()) {
    INFO(scenario->meta.id);
    const auto plan = core::defaultPlan(*scenario);
    REQUIRE(plan.cases.size() == 1);
    const auto& pauses = plan.cases[0].pauses;
    REQUIRE(pauses.size() == scenario->decisionPoints.size() + 1);
    CHECK(pauses[0].at == core::PauseAt::Contact);
    CHECK(pauses[0].reveals.empty());
    for (std::size_t i = 1; i < pauses.size(); ++i) {
      CHECK(pauses[i].target == scenario->decisionPoints[i - 1].id);
      CHECK(pauses[i].vote != core::VoteKind::None);
      CHECK(pauses[i].reveals.front() == core::RevealKind::Room);
      const bool outcome = std::find(pauses[i].reveals.begin(), pauses[i].reveals.end(),
                                     core::RevealKind::Outcome) != pauses[i].reveals.end();
      CHECK(outcome == (i + 1 == pauses.size()));
    }
  }
}

TEST_CASE("WORKSHOPS.md has a reference row for every key a plan accepts") {
  std::ifstream in(kSource / "scenarios" / "WORKSHOPS.md");
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  const auto keys = scenario::planKeyPaths();
  REQUIRE(keys.size() == 18);
  for (const auto& key : keys) {
    INFO("no reference row for key: " << key);
    CHECK(text.str().find("\n| `" + key + "` |") != std::string::npos);
  }
}

TEST_CASE("validate checks plans with the cases, and a plan alone against the cases above it") {
  const auto all = scenario::validatePaths({kSource / "scenarios"});
  CHECK(all.errors == 0);
  CHECK(all.warnings == 0);
  CHECK(all.files == 16 + 1 + 2); // cases, the rubric, the plans
  const auto alone =
      scenario::validatePaths({kSource / "scenarios/workshops/cumulative-harm.workshop.toml"});
  CHECK(alone.files == 1);
  CHECK(alone.errors == 0);
  CHECK(alone.diagnostics.empty());
}

TEST_CASE("truncated and byte-flipped plans load cleanly or report an error, never crash") {
  const auto index = bundledIndex();
  std::mt19937 draw(20261204);
  for (const auto* name : {"ninety-minutes", "cumulative-harm"}) {
    std::ifstream in(kSource / "scenarios" / "workshops" / (std::string(name) + ".workshop.toml"));
    std::ostringstream text;
    text << in.rdbuf();
    const std::string plan = text.str();
    REQUIRE(plan.size() > 100);
    for (int i = 0; i < 300; ++i) {
      std::string variant = plan;
      if (i % 2 == 0) {
        variant.resize(draw() % plan.size());
      } else {
        for (int flips = 0; flips < 4; ++flips) {
          variant[draw() % variant.size()] = static_cast<char>(draw() % 256);
        }
      }
      const auto loaded = scenario::loadPlanText(variant, "fuzzed.workshop.toml", &index);
      CHECK((loaded.ok() || core::hasErrors(loaded.diagnostics)));
    }
  }
}
