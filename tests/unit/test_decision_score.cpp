// Hand-worked scores for every bundled scenario: the documented example attempt (careful),
// a typical under-response and a typical over-response, scored with the default rubric
// (scenarios/rubric.toml). The arithmetic is written out beside each expected value:
// total = 100 x (points earned) / (points available); weights 35/20/15/15/10/5.
#include "sim/engine/action_text.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scoring/decision_score.hpp"
#include "tests/support/engine_fixtures.hpp"

using namespace sim::scoring;
using sim::engine::Attempt;

namespace {

DecisionScore play(const std::string& id, const std::string& actions) {
  Attempt attempt(sim::test::loadScenario("scenarios/" + id + ".toml"));
  const auto script = sim::engine::parseActionScript(actions, id + ".actions");
  REQUIRE(script.diagnostics.empty());
  for (const auto& scripted : script.actions) {
    sim::test::mustApply(attempt, scripted.action);
  }
  const auto score = scoreDecision(attempt.scenario(), attempt.state(), 0, sim::core::Rubric{});
  REQUIRE(score.ok());
  return score.value();
}

DecisionScore playExample(const std::string& id) {
  return play(id, sim::test::readFixture("scenarios/actions/" + id + ".actions"));
}

double points(const DecisionScore& score, Component component) {
  return score.components.at(static_cast<std::size_t>(component)).earned;
}

std::vector<std::string> rules(const DecisionScore& score) {
  std::vector<std::string> out;
  for (const auto& error : score.criticalErrors) {
    out.push_back(error.rule);
  }
  return out;
}

} // namespace

TEST_CASE("bedtime battles: the careful example attempt") {
  const auto s = playExample("bedtime-battles");
  CHECK(points(s, Component::Decision) == Approx(35.0)); // advice is inside advice..early_help
  // 0.6 (4 of 4 critical facts) + 0.15 (records) + 0 (Kai not seen) + 0.1 (referrer) = 0.85
  CHECK(points(s, Component::Information) == Approx(0.85 * 20));
  // Key factors {4B, f-no-harm-intent, f-grandmother, f-school-confirms}: all 4 named among
  // 7 recorded: precision 4/7, recall 1, F1 = 2(4/7)/(4/7 + 1) = 8/11.
  CHECK(points(s, Component::Factors) == Approx(15.0 * 8 / 11));
  CHECK(points(s, Component::Calibration) == Approx(15.0)); // 3% against the panel's 0.03
  CHECK(points(s, Component::Timeliness) == Approx(10.0));
  CHECK(points(s, Component::Rationale) == Approx(5.0));           // 5 headings and the scale
  CHECK(s.total == Approx(35 + 17 + 15.0 * 8 / 11 + 15 + 10 + 5)); // 92.91
  CHECK(s.criticalErrors.empty());
  // Panellists advice x4, early_help x1: agreeing pairs 4*3 / (5*4) = 0.6 -> 0.5 + 0.5*0.6.
  CHECK(s.panelAgreement == Approx(0.6));
  CHECK(s.caseWeight == Approx(0.8));
}

TEST_CASE("bedtime battles: closing with NFA straight from the contact") {
  const auto s = play("bedtime-battles", "read_contact\ndecide nfa need=1 urgency=routine\n");
  // nfa is below the band, but the cost matrix (row advice, column nfa) is 0.
  CHECK(points(s, Component::Decision) == Approx(35.0));
  // Only f-separation (1 of 4 critical facts) comes with the contact: 0.6/4 = 0.15 of 20.
  CHECK(points(s, Component::Information) == Approx(3.0));
  CHECK(points(s, Component::Factors) == Approx(0.0));
  CHECK(points(s, Component::Calibration) == Approx(0.0)); // no estimate given
  CHECK(points(s, Component::Timeliness) == Approx(10.0));
  CHECK(points(s, Component::Rationale) == Approx(0.0));
  CHECK(s.total == Approx(35 + 3 + 10)); // 48 of 100
  CHECK(s.criticalErrors.empty());       // no history in the records to miss
}

TEST_CASE("bedtime battles: an s47 enquiry for a parent asking for advice") {
  const auto s = play("bedtime-battles", "read_contact\ndecide s47 need=4 urgency=same_day\n");
  // Above the band: row early_help, column s47 costs 3 of 10 -> 0.7 x 35. No panellist
  // chose s47, so no script-concordance credit.
  CHECK(points(s, Component::Decision) == Approx(24.5));
  CHECK(s.total == Approx(24.5 + 3 + 10)); // 37.5
}

TEST_CASE("Monday absences: the careful example attempt") {
  const auto s = playExample("monday-absences");
  CHECK(points(s, Component::Decision) == Approx(35.0));
  // 8 of 8 critical facts, records, Ellie seen, referrer asked: 0.6+0.15+0.15+0.1 = 1.
  CHECK(points(s, Component::Information) == Approx(20.0));
  // 5 of the 6 key factors named among 9 recorded: P = 5/9, R = 5/6,
  // F1 = 2PR/(P+R) = (50/54)/(25/18) = 2/3.
  CHECK(points(s, Component::Factors) == Approx(10.0));
  CHECK(s.total == Approx(35 + 20 + 10 + 15 + 10 + 5)); // 95
  // early_help x4, s17 x1, advice x1: pairs 12/30 = 0.4 -> weight 0.7.
  CHECK(s.caseWeight == Approx(0.7));
}

TEST_CASE("Monday absences: advice only") {
  const auto s = play("monday-absences", "read_contact\ndecide advice need=2 urgency=routine\n");
  // Row early_help, column advice costs 2: 0.8 x 35 = 28. One panellist chose advice
  // against four for early_help: concordance 1/4 < 0.8, so the matrix credit stands.
  CHECK(points(s, Component::Decision) == Approx(28.0));
  // The contact brings f-attendance, 1 of 8 critical facts: 0.6/8 x 20 = 1.5.
  CHECK(points(s, Component::Information) == Approx(1.5));
  CHECK(s.total == Approx(28 + 1.5 + 10)); // 39.5
  CHECK(s.criticalErrors.empty());         // a school referral, so the records rule does not apply
}

TEST_CASE("Monday absences: an s47 enquiry") {
  const auto s = play("monday-absences", "read_contact\ndecide s47 need=4 urgency=same_day\n");
  // Row s17 (the band's top), column s47 costs 1: 0.9 x 35 = 31.5.
  CHECK(points(s, Component::Decision) == Approx(31.5));
  CHECK(s.total == Approx(31.5 + 1.5 + 10)); // 43
}

TEST_CASE("a mark on the cheek: the careful example attempt") {
  const auto s = playExample("mark-on-the-cheek");
  CHECK(points(s, Component::Decision) == Approx(35.0));
  // 7 of 7 critical facts, records, Ava to be seen today (adjunct see_child_today: the
  // panel sees her after the strategy discussion), referrer asked: 0.6+0.15+0.15+0.1 = 1.
  CHECK(points(s, Component::Information) == Approx(20.0));
  // 4 of 6 key factors named among 5 recorded: P = 0.8, R = 2/3, F1 = 8/11.
  CHECK(points(s, Component::Factors) == Approx(15.0 * 8 / 11));
  CHECK(s.total == Approx(35 + 20 + 15.0 * 8 / 11 + 15 + 10 + 5)); // 95.91
  CHECK(s.criticalErrors.empty());
}

TEST_CASE("a mark on the cheek: early help for a bruised baby") {
  const auto s =
      play("mark-on-the-cheek", "read_contact\ndecide early_help need=3 urgency=routine\n");
  // Row s47, column early_help costs 8: 0.2 x 35 = 7; nobody on the panel chose it.
  CHECK(points(s, Component::Decision) == Approx(7.0));
  // The contact brings 4 of the 7 critical facts: 0.6 x 4/7 x 20.
  CHECK(points(s, Component::Information) == Approx(0.6 * 4 / 7 * 20));
  CHECK(s.uncapped == Approx(7 + 0.6 * 4 / 7 * 20 + 10)); // 23.86, below the cap of 40
  CHECK(s.total == Approx(s.uncapped));
  // The outcome confirms harm (a child protection plan) and the panel wanted same day.
  CHECK(rules(s) == std::vector<std::string>{"critical.under_response_confirmed_harm",
                                             "critical.urgent_without_same_day_action"});
}

TEST_CASE("a mark on the cheek: immediate protection sits at the top of the band") {
  const auto s =
      play("mark-on-the-cheek", "read_contact\ndecide immediate need=4 urgency=same_day\n");
  CHECK(points(s, Component::Decision) == Approx(35.0));
  CHECK(s.total == Approx(35 + 0.6 * 4 / 7 * 20 + 10)); // 51.86
  CHECK(s.criticalErrors.empty());
}

TEST_CASE("a critical error caps the score") {
  sim::core::Rubric rubric;
  rubric.critical.cap = 10;
  Attempt attempt(sim::test::loadScenario("scenarios/mark-on-the-cheek.toml"));
  sim::test::mustApply(attempt, sim::engine::ReadContact{});
  sim::test::mustApply(attempt, sim::engine::Decide{sim::core::ResponseLevel::EarlyHelp,
                                                    sim::core::NeedLevel::Complex,
                                                    sim::core::Urgency::Routine,
                                                    {}});
  const auto s = scoreDecision(attempt.scenario(), attempt.state(), 0, rubric).value();
  CHECK(s.uncapped > 20);
  CHECK(s.total == Approx(10.0));
}

TEST_CASE("a decision is scored only once locked") {
  Attempt attempt(sim::test::loadScenario("scenarios/mark-on-the-cheek.toml"));
  sim::test::mustApply(attempt, sim::engine::ReadContact{});
  CHECK_FALSE(scoreDecision(attempt.scenario(), attempt.state(), 0, sim::core::Rubric{}).ok());
}

TEST_CASE("component lines add up to the component's points in every kind of attempt") {
  std::vector<DecisionScore> scores;
  for (const auto* id : {"bedtime-battles", "monday-absences", "mark-on-the-cheek"}) {
    scores.push_back(playExample(id));
  }
  // Partial credit, penalties, a late same-day case, missing estimates and rationale.
  scores.push_back(play("mark-on-the-cheek", "read_contact\nrequest chk-pmh consent=seek\n"
                                             "direct speak-liam\nwait until 1/09:30\n"
                                             "decide s17 need=3 urgency=routine\n"));
  scores.push_back(play("monday-absences", "read_contact\ndecide nfa need=1 urgency=routine\n"));
  for (const auto& s : scores) {
    // Every component is there, explains itself, and the components make the total.
    REQUIRE(s.components.size() == static_cast<std::size_t>(kComponents));
    double earned = 0;
    double available = 0;
    for (const auto& component : s.components) {
      INFO(componentToken(component.component));
      CHECK_FALSE(component.lines.empty());
      double sum = 0;
      for (const auto& line : component.lines) {
        sum += line.points;
      }
      CHECK(sum == Approx(component.earned).margin(1e-9));
      if (component.scored) {
        earned += component.earned;
        available += component.weight;
      }
    }
    REQUIRE(available > 0);
    CHECK(s.earned == Approx(earned).margin(1e-9));
    CHECK(s.available == Approx(available).margin(1e-9));
    CHECK(s.uncapped == Approx(100.0 * earned / available).margin(1e-9));
  }
}

TEST_CASE("contested cases count less in a practitioner's overall score") {
  const auto advice = playExample("bedtime-battles"); // weight 0.8
  const auto baby =
      play("mark-on-the-cheek", "read_contact\ndecide early_help need=3 urgency=routine\n");
  // The baby case's panel: s47 x4, immediate x1, s17 x1 -> pairs 12/30 = 0.4 -> weight 0.7.
  CHECK(baby.caseWeight == Approx(0.7));
  const double expected = (advice.total * 0.8 + baby.total * 0.7) / (0.8 + 0.7);
  CHECK(weightedMeanScore({advice, baby}) == Approx(expected));
  CHECK(weightedMeanScore({}) == 0.0);
}

TEST_CASE("low-yield checks that delay a same-day case cost information points") {
  const auto s = play("mark-on-the-cheek", "read_contact\nrequest chk-probation\n"
                                           "wait until 1/09:30\n"
                                           "decide s47 need=4 urgency=same_day\n");
  // Information: 4 of 7 critical facts (0.6 x 4/7), nothing else, minus 0.2 for the
  // delay with a check (probation) that adds no critical fact.
  CHECK(points(s, Component::Information) == Approx((0.6 * 4 / 7 - 0.2) * 20));
  // Timeliness: within one working day (due Tue 13:20) but after the same working day:
  // half of 10.
  CHECK(points(s, Component::Timeliness) == Approx(5.0));
  CHECK(rules(s) == std::vector<std::string>{"critical.urgent_without_same_day_action"});
  bool named = false;
  for (const auto& line : s.components[1].lines) {
    named = named ||
            line.text.find("added no critical fact: Probation service (Liam)") != std::string::npos;
  }
  CHECK(named);
}

namespace {

DecisionScore playText(const std::shared_ptr<const sim::core::Scenario>& scenario,
                       const std::string& actions, int decisionPoint = 0) {
  Attempt attempt(scenario);
  const auto script = sim::engine::parseActionScript(actions, "x.actions");
  REQUIRE(script.diagnostics.empty());
  for (const auto& scripted : script.actions) {
    sim::test::mustApply(attempt, scripted.action);
  }
  return scoreDecision(attempt.scenario(), attempt.state(), decisionPoint, sim::core::Rubric{})
      .value();
}

std::shared_ptr<const sim::core::Scenario> variant(const std::string& path, const std::string& from,
                                                   const std::string& to) {
  auto text = sim::test::readFixture(path);
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), to);
  const auto loaded = sim::scenario::loadScenarioText(text, "variant.toml");
  REQUIRE(loaded.ok());
  return loaded.scenario;
}

} // namespace

TEST_CASE("the outcome is not used for a score before the case is finished") {
  const auto scenario = sim::test::twoPoints();
  const std::string first = "read_contact\nestimate rereferral 30\ndecide nfa need=1 "
                            "urgency=routine\n";
  // The child protection plan (day 100) comes after the second decision point (day 42).
  const auto early = playText(scenario, first);
  const auto before = rules(early);
  CHECK(std::find(before.begin(), before.end(), "critical.under_response_confirmed_harm") ==
        before.end());
  CHECK_FALSE(early.outcomeBrier.has_value());
  const auto finished =
      playText(scenario, first + "next_decision_point\ndecide s47 need=4 urgency=same_day\n");
  const auto all = rules(finished);
  CHECK(std::find(all.begin(), all.end(), "critical.under_response_confirmed_harm") != all.end());
  // Re-referred on day 42: (0.3 - 1)^2 = 0.49.
  REQUIRE(finished.outcomeBrier.has_value());
  CHECK(*finished.outcomeBrier == Approx(0.49));
}

TEST_CASE("script concordance outside the band earns at most half") {
  // Engine fixture, first decision: band s47..s47, panellists s47 and s17 (a tie).
  const auto s = playText(sim::test::twoPoints(), "read_contact\ndecide s17 need=3 "
                                                  "urgency=same_day\n");
  // Matrix: row s47, column s17 costs 5 -> 0.5. Concordance 1/1 capped at 0.5. 17.5 of 35.
  CHECK(points(s, Component::Decision) == Approx(17.5));
}

TEST_CASE("a same-day case closed with NFA is a critical error") {
  const auto s = play("mark-on-the-cheek", "read_contact\ndecide nfa need=1 urgency=same_day\n");
  const auto all = rules(s);
  CHECK(std::find(all.begin(), all.end(), "critical.urgent_without_same_day_action") != all.end());
}

TEST_CASE("closing a family referral without its history is a critical error") {
  const std::string path = "scenarios/monday-absences.toml";
  const std::string actions = "read_contact\ndecide advice need=2 urgency=routine\n";
  const auto family = variant(path, "source_code = \"2A\"", "source_code = \"1A\"");
  CHECK(rules(playText(family, actions)) ==
        std::vector<std::string>{"critical.no_records_with_history"});
  const auto unknown = variant(path, "source_code = \"2A\"", "source_code = \"10\"");
  CHECK(rules(playText(unknown, actions)).empty());
}
