// Hand-worked scores for every bundled scenario: the documented example attempt (careful),
// a typical under-response and a typical over-response, scored with the default rubric
// (scenarios/rubric.toml), then each rule that rewards how a decision was reached, on the
// engine fixture. The arithmetic is written out beside each expected value:
// total = 100 x (points earned) / (points available); weights 30/30/10/10/10/10.
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
  // advice is inside advice..early_help, with all 4 critical facts known; no manager.
  CHECK(points(s, Component::Decision) == Approx(30.0));
  // The 3 critical facts the contact did not give were all found out (0.6), records (0.15),
  // Kai not seen (0), referrer asked (0.1): 0.85 x 30.
  CHECK(points(s, Component::Information) == Approx(0.85 * 30));
  // Key factors {4B, f-no-harm-intent, f-grandmother, f-school-confirms}: all 4 named among
  // 7 recorded (4B shown by a fact learned): precision 4/7, recall 1, F1 = 8/11.
  CHECK(points(s, Component::Factors) == Approx(10.0 * 8 / 11));
  CHECK(points(s, Component::Calibration) == Approx(10.0)); // 3%, inside the panellists' 2-5%
  CHECK(points(s, Component::Timeliness) == Approx(10.0));
  // No facts linked under the headings: only the safety scale (0.1 x 10).
  CHECK(points(s, Component::Rationale) == Approx(1.0));
  CHECK(s.total == Approx(30 + 25.5 + 10.0 * 8 / 11 + 10 + 10 + 1)); // 83.77
  CHECK(s.criticalErrors.empty());
  // Panellists advice x4, early_help x1: agreeing pairs 4*3 / (5*4) = 0.6 -> 0.5 + 0.5*0.6.
  CHECK(s.panelAgreement == Approx(0.6));
  CHECK(s.caseWeight == Approx(0.8));
}

TEST_CASE("bedtime battles: closing with NFA straight from the contact") {
  const auto s = play("bedtime-battles", "read_contact\ndecide nfa need=1 urgency=routine\n");
  // nfa is below the band, but the cost matrix (row advice, column nfa) is 0: band credit 1.
  // Only f-separation (1 of 4 critical facts) was known: 1 x 1/4 x 30 = 7.5.
  CHECK(points(s, Component::Decision) == Approx(7.5));
  // f-separation came with the contact, so nothing was found out: 0.
  CHECK(points(s, Component::Information) == Approx(0.0));
  CHECK(points(s, Component::Factors) == Approx(0.0));
  CHECK(points(s, Component::Calibration) == Approx(0.0)); // no estimate given
  CHECK(points(s, Component::Timeliness) == Approx(10.0));
  CHECK(points(s, Component::Rationale) == Approx(0.0));
  CHECK(s.total == Approx(7.5 + 10)); // 17.5 of 100
  CHECK(s.criticalErrors.empty());    // no history in the records to miss
}

TEST_CASE("bedtime battles: an s47 enquiry for a parent asking for advice") {
  const auto s = play("bedtime-battles", "read_contact\ndecide s47 need=4 urgency=same_day\n");
  // Above the band: row early_help, column s47 costs 3 of 10 -> 0.7. No panellist chose
  // s47, so no script-concordance credit. 1 of 4 critical facts known: 0.7 x 1/4 x 30.
  CHECK(points(s, Component::Decision) == Approx(5.25));
  CHECK(s.total == Approx(5.25 + 10)); // 15.25
}

TEST_CASE("Monday absences: the careful example attempt") {
  const auto s = playExample("monday-absences");
  // Inside the band with all 8 critical facts known, but the manager was consulted:
  // 30 x 0.9.
  CHECK(points(s, Component::Decision) == Approx(27.0));
  // The 7 critical facts beyond the contact found, records, Ellie seen, referrer asked.
  CHECK(points(s, Component::Information) == Approx(30.0));
  // 5 of the 6 key factors named among 9 recorded: P = 5/9, R = 5/6,
  // F1 = 2PR/(P+R) = (50/54)/(25/18) = 2/3.
  CHECK(points(s, Component::Factors) == Approx(10.0 * 2 / 3));
  CHECK(s.total == Approx(27 + 30 + 10.0 * 2 / 3 + 10 + 10 + 1)); // 84.67
  // early_help x4, s17 x1, advice x1: pairs 12/30 = 0.4 -> weight 0.7.
  CHECK(s.caseWeight == Approx(0.7));
}

TEST_CASE("Monday absences: advice only") {
  const auto s = play("monday-absences", "read_contact\ndecide advice need=2 urgency=routine\n");
  // Row early_help, column advice costs 2: 0.8. One panellist chose advice against four for
  // early_help: concordance 1/4 < 0.8, so the matrix credit stands. The contact brings
  // f-attendance, 1 of 8 critical facts: 0.8 x 1/8 x 30 = 3.
  CHECK(points(s, Component::Decision) == Approx(3.0));
  CHECK(points(s, Component::Information) == Approx(0.0)); // nothing found out
  CHECK(s.total == Approx(3 + 10));                        // 13
  CHECK(s.criticalErrors.empty()); // a school referral, so the records rule does not apply
}

TEST_CASE("Monday absences: an s47 enquiry") {
  const auto s = play("monday-absences", "read_contact\ndecide s47 need=4 urgency=same_day\n");
  // Row s17 (the band's top), column s47 costs 1: 0.9 x 1/8 x 30 = 3.375.
  CHECK(points(s, Component::Decision) == Approx(3.375));
  CHECK(s.total == Approx(3.375 + 10)); // 13.375
}

TEST_CASE("a mark on the cheek: the careful example attempt") {
  const auto s = playExample("mark-on-the-cheek");
  CHECK(points(s, Component::Decision) == Approx(27.0)); // all 7 known; manager consulted
  // The 3 critical facts beyond the contact found, records, Ava to be seen today (adjunct
  // see_child_today: the panel sees her after the strategy discussion), referrer asked.
  CHECK(points(s, Component::Information) == Approx(30.0));
  // 4 of 6 key factors named among 5 recorded: P = 0.8, R = 2/3, F1 = 8/11.
  CHECK(points(s, Component::Factors) == Approx(10.0 * 8 / 11));
  CHECK(s.total == Approx(27 + 30 + 10.0 * 8 / 11 + 10 + 10 + 1)); // 85.27
  CHECK(s.criticalErrors.empty());
}

TEST_CASE("a mark on the cheek: the exemplary walkthrough") {
  const auto s =
      play("mark-on-the-cheek",
           sim::test::readFixture("scenarios/actions/mark-on-the-cheek.exemplary.actions"));
  CHECK(points(s, Component::Decision) == Approx(30.0)); // unaided
  // What we fear: all 7 critical worries (0.45); complicating: f-liam-manner, a useful fact
  // (0.15); strengths: f-hv-known, 1 of the 3 key strengths (0.3 / 3); the scale (0.1).
  CHECK(points(s, Component::Rationale) == Approx((0.45 + 0.15 + 0.1 + 0.1) * 10));
  CHECK(s.total == Approx(30 + 30 + 10.0 * 8 / 11 + 10 + 10 + 8)); // 95.27
}

TEST_CASE("a mark on the cheek: early help for a bruised baby") {
  const auto s =
      play("mark-on-the-cheek", "read_contact\ndecide early_help need=3 urgency=routine\n");
  // Row s47, column early_help costs 8: 0.2; nobody on the panel chose it. The contact
  // brings 4 of the 7 critical facts: 0.2 x 4/7 x 30.
  CHECK(points(s, Component::Decision) == Approx(0.2 * 4 / 7 * 30));
  CHECK(points(s, Component::Information) == Approx(0.0)); // the contact's facts are given
  CHECK(s.uncapped == Approx(0.2 * 4 / 7 * 30 + 10));      // 13.43, below the cap of 40
  CHECK(s.total == Approx(s.uncapped));
  // The outcome confirms harm (a child protection plan) and the panel wanted same day.
  CHECK(rules(s) == std::vector<std::string>{"critical.under_response_confirmed_harm",
                                             "critical.urgent_without_same_day_action"});
}

TEST_CASE("a mark on the cheek: immediate protection sits at the top of the band") {
  const auto s =
      play("mark-on-the-cheek", "read_contact\ndecide immediate need=4 urgency=same_day\n");
  // Inside the band, with 4 of the 7 critical facts known: 4/7 x 30.
  CHECK(points(s, Component::Decision) == Approx(4.0 / 7 * 30));
  CHECK(s.total == Approx(4.0 / 7 * 30 + 10)); // 27.14
  CHECK(s.criticalErrors.empty());
}

TEST_CASE("a critical error caps the score") {
  sim::core::Rubric rubric;
  rubric.critical.cap = 5;
  Attempt attempt(sim::test::loadScenario("scenarios/mark-on-the-cheek.toml"));
  sim::test::mustApply(attempt, sim::engine::ReadContact{});
  sim::test::mustApply(attempt, sim::engine::Decide{sim::core::ResponseLevel::EarlyHelp,
                                                    sim::core::NeedLevel::Complex,
                                                    sim::core::Urgency::Routine,
                                                    {}});
  const auto s = scoreDecision(attempt.scenario(), attempt.state(), 0, rubric).value();
  CHECK(s.uncapped > 10);
  CHECK(s.total == Approx(5.0));
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
  scores.push_back(play("mark-on-the-cheek",
                        "read_contact\nrequest chk-pmh consent=seek from=chloe\n"
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
  const auto s = play("mark-on-the-cheek", "read_contact\nask q-other-marks\n"
                                           "request chk-probation\nwait until 1/09:30\n"
                                           "decide s47 need=4 urgency=same_day\n");
  // Information: of the 3 critical facts the contact did not give, the question found one
  // (0.6 x 1/3), plus clarifying with the referrer (0.1), minus 0.2 for the delay with a
  // check (probation) that adds no critical fact: 0.1 x 30.
  CHECK(points(s, Component::Information) == Approx(3.0));
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

std::shared_ptr<const sim::core::Scenario>
variant(const std::string& path, const std::vector<std::pair<std::string, std::string>>& edits) {
  auto text = sim::test::readFixture(path);
  for (const auto& [from, to] : edits) {
    INFO(from);
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
  }
  const auto loaded = sim::scenario::loadScenarioText(text, "variant.toml");
  INFO((loaded.diagnostics.empty() ? std::string()
                                   : sim::core::formatDiagnostic(loaded.diagnostics.front())));
  REQUIRE(loaded.ok());
  return loaded.scenario;
}

std::shared_ptr<const sim::core::Scenario> variant(const std::string& path, const std::string& from,
                                                   const std::string& to) {
  return variant(path, {{from, to}});
}

const std::string kTwoPoints = "tests/data/engine/two_points.toml";

bool hasLine(const DecisionScore& score, Component component, const std::string& text) {
  for (const auto& line : score.components.at(static_cast<std::size_t>(component)).lines) {
    if (line.text.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
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
  const auto s = playText(sim::test::twoPoints(), "read_contact\nask q-said\ndecide s17 need=3 "
                                                  "urgency=same_day\n");
  // Matrix: row s47, column s17 costs 5 -> 0.5. Concordance 1/1 capped at 0.5. Both critical
  // facts known: 15 of 30.
  CHECK(points(s, Component::Decision) == Approx(15.0));
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

// ---- The rules that reward how a decision was reached (SCORING.md §2.2 to §2.6) ----------
// The engine fixture's first decision point: band s47..s47, critical facts f-bruise (with
// the contact) and f-scared (asking the referrer, or seeing Leo), useful fact f-history.

TEST_CASE("decision credit scales with the critical facts known when it was locked") {
  // Only the contact: 1 of the 2 critical facts, so half of the 30 points.
  const auto guess = playText(sim::test::twoPoints(), "read_contact\ndecide s47 need=4 "
                                                      "urgency=same_day\n");
  CHECK(points(guess, Component::Decision) == Approx(15.0));
  CHECK(hasLine(guess, Component::Decision, "You knew 1 of the panel's 2 critical facts"));
  CHECK(hasLine(guess, Component::Decision, "Not known: Leo says he is scared to go home."));
  CHECK(guess.criticalFacts == 2);
  CHECK(guess.criticalFactsKnown == 1);
  // Asking what Leo said brings the other: all 30.
  const auto known = playText(sim::test::twoPoints(), "read_contact\nask q-said\ndecide s47 "
                                                      "need=4 urgency=same_day\n");
  CHECK(points(known, Component::Decision) == Approx(30.0));
  // Outside the band the matrix credit is scaled the same way: s17 against s47 costs 5 of
  // 10, concordance (1 of 1 panellists, capped at half) gives 0.5; x 1/2 known = 7.5.
  const auto outside = playText(sim::test::twoPoints(), "read_contact\ndecide s17 need=3 "
                                                        "urgency=same_day\n");
  CHECK(points(outside, Component::Decision) == Approx(7.5));
}

TEST_CASE("a manager's hint costs a tenth of the decision points") {
  const auto s = playText(sim::test::twoPoints(), "read_contact\nask q-said\nconsult_manager\n"
                                                  "decide s47 need=4 urgency=same_day\n");
  // 30 x (1 - 0.1).
  CHECK(points(s, Component::Decision) == Approx(27.0));
  CHECK(hasLine(s, Component::Decision, "You consulted your manager at this decision point"));
}

TEST_CASE("information credit counts the critical facts found out, not those the contact gave") {
  // f-bruise came with the contact; f-scared is the only one to find. Asking the referrer
  // finds it: 0.6 x 30 = 18, plus 0.1 x 30 = 3 for clarifying with the referrer. Leo was not
  // seen and records were not checked.
  const auto s = playText(sim::test::twoPoints(), "read_contact\nask q-said\ndecide s47 need=4 "
                                                  "urgency=same_day\n");
  CHECK(points(s, Component::Information) == Approx(21.0));
  CHECK(hasLine(s, Component::Information, "Critical facts the contact gave you"));
  CHECK(hasLine(s, Component::Information, "Critical fact you found out (from your question"));
  // Deciding on the contact alone gathers nothing: 0.
  const auto guess = playText(sim::test::twoPoints(), "read_contact\ndecide s47 need=4 "
                                                      "urgency=same_day\n");
  CHECK(points(guess, Component::Information) == Approx(0.0));
}

TEST_CASE("a check without consent below the s47 threshold is disproportionate") {
  const std::string actions = "read_contact\nrequest chk-gp consent=override reason=\"to be "
                              "sure\"\ndecide s17 need=3 urgency=routine\n";
  // Band early_help..s17: no reasonable cause to suspect significant harm. 0.25 x 30 off.
  const auto below = variant(kTwoPoints, {{"consensus = \"s47\"", "consensus = \"s17\""},
                                          {"band_min = \"s47\"\nband_max = \"s47\"",
                                           "band_min = \"early_help\"\nband_max = \"s17\""}});
  const auto s = playText(below, actions);
  CHECK(points(s, Component::Information) == Approx(0.0)); // 0 - 7.5, never below 0
  CHECK(hasLine(s, Component::Information,
                "Shared without consent below the threshold for s47: GP practice"));
  // The same check with consent sought is proportionate (the parent refuses; nothing lost).
  const auto sought = playText(below, "read_contact\nask q-said\nrequest chk-gp consent=seek\n"
                                      "decide s17 need=3 urgency=routine\n");
  CHECK_FALSE(hasLine(sought, Component::Information, "Shared without consent"));
  CHECK(points(sought, Component::Information) == Approx(21.0));
  // With the band at s47 the override is no deduction.
  const auto at = playText(sim::test::twoPoints(), actions);
  CHECK_FALSE(hasLine(at, Component::Information, "Shared without consent"));
}

TEST_CASE("a factor code counts only when something learned shows it") {
  // Only the police reply (f-police-dv) carries 3A in this variant.
  const auto scenario =
      variant(kTwoPoints, "factors = [\"3A\"]\ncritical = true", "critical = true");
  const auto unseen = playText(scenario, "read_contact\nfactor risk code=3A\ndecide s47 need=4 "
                                         "urgency=same_day\n");
  CHECK(points(unseen, Component::Factors) == Approx(0.0));
  CHECK(hasLine(unseen, Component::Factors, "Named without evidence risk factor"));
  const auto shown =
      playText(scenario, "read_contact\nrequest chk-police\nwait reply\nfactor risk code=3A\n"
                         "decide s47 need=4 urgency=same_day\n");
  CHECK(points(shown, Component::Factors) == Approx(10.0)); // F1 = 1
}

TEST_CASE("an estimate inside the panellists' range earns full credit, and less outside it") {
  // The panel says 0.6; its panellists 0.5 and 0.8: the range is 50% to 80%.
  const auto scenario = variant(
      kTwoPoints, {{"critical_facts = [\"f-bruise\", \"f-scared\"]",
                    "critical_facts = [\"f-bruise\", \"f-scared\"]\n"
                    "p_significant_harm = 0.6"},
                   {"decision = \"s47\"\n", "decision = \"s47\"\np_significant_harm = 0.5\n"},
                   {"decision = \"s17\"\n", "decision = \"s17\"\np_significant_harm = 0.8\n"}});
  const auto scoreOf = [&](int percent) {
    return points(playText(scenario, "read_contact\nestimate harm " + std::to_string(percent) +
                                         "\ndecide s47 need=4 urgency=same_day\n"),
                  Component::Calibration);
  };
  CHECK(scoreOf(50) == Approx(10.0));
  CHECK(scoreOf(72) == Approx(10.0));
  CHECK(scoreOf(80) == Approx(10.0));
  CHECK(scoreOf(40) == Approx(6.0)); // 0.10 below: 1 - 0.10 / 0.25 = 0.6
  CHECK(scoreOf(90) == Approx(6.0)); // 0.10 above
  CHECK(scoreOf(20) == Approx(0.0)); // 0.30 below, beyond 0.25
  const auto s = playText(scenario, "read_contact\nestimate harm 40\ndecide s47 need=4 "
                                    "urgency=same_day\n");
  CHECK(hasLine(s, Component::Calibration,
                "10 percentage points below the range of the panellists' own estimates (from "
                "50% to 80%)"));
}

TEST_CASE("the rationale is marked on the facts linked under its headings, not its words") {
  const auto scenario = variant(kTwoPoints, "key_factors = [\"3A\"]",
                                "key_factors = [\"3A\"]\nkey_protective = [\"f-gran\"]");
  const std::string known = "read_contact\nask q-said\nask q-gran\n";
  const std::string decide = "decide s47 need=4 urgency=same_day\n";
  // Words alone: nothing but... nothing. The text is shown, never scored.
  const auto words = playText(scenario, known +
                                            "rationale what_we_fear \"x\"\nrationale "
                                            "complicating \"x\"\nrationale strengths \"x\"\n" +
                                            decide);
  CHECK(points(words, Component::Rationale) == Approx(0.0));
  CHECK(hasLine(words, Component::Rationale, "the score reads the facts you linked"));
  // Both critical worries (0.45), a critical fact under complicating (0.15), the key
  // strength (0.3) and the safety scale (0.1): all 10 points.
  const auto full = playText(scenario, known +
                                           "link what_we_fear f-bruise\nlink what_we_fear "
                                           "f-scared\nlink complicating f-scared\nlink strengths "
                                           "f-gran\nsafety_scale 3\n" +
                                           decide);
  CHECK(points(full, Component::Rationale) == Approx(10.0));
  // One of two worries (0.225), no complicating fact, the strength (0.3), no scale, and
  // a strength linked as a worry (-0.1): 0.425 x 10.
  const auto part = playText(scenario, known +
                                           "link what_we_fear f-bruise\nlink what_we_fear "
                                           "f-gran\nlink strengths f-gran\n" +
                                           decide);
  CHECK(points(part, Component::Rationale) == Approx(4.25));
  CHECK(hasLine(part, Component::Rationale, "but the panel counts it a strength"));
  // A risk linked as a strength costs the same.
  const auto risk = playText(scenario, known + "link strengths f-bruise\n" + decide);
  CHECK(hasLine(risk, Component::Rationale, "but the panel counts it a risk"));
  CHECK(points(risk, Component::Rationale) == Approx(0.0)); // 0 - 0.1, never below 0
}
