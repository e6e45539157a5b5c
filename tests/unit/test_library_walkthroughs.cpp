// Walkthroughs of every bundled case: four scripted attempts each — exemplary
// (scenarios/actions/<id>.exemplary.actions: everything a panel would want, in the right
// order, on time), careful (<id>.actions: what a competent practitioner does), a typical
// under-response (<id>.under.actions) and a typical over-response (<id>.over.actions) —
// played through the engine and scored with the bundled rubric; and two attempts the test
// generates from the case's own panel: decision-only (read the contact, copy the panel's
// answer, enquire about nothing) and ask-everything-decide-wrong. Each file states its expected
// score range on a line
// "# expect score: MIN..MAX"; the careful attempt must decide inside the panel's band at
// every decision point and in time, the under-response below the band at some point (never
// above), the over-response above it at some point (never below). Where a band leaves no room
// (it starts at nfa, or ends at immediate, at every decision point) the under- or
// over-response errs in how it gets there instead (no enquiries, or intrusive ones) and
// stays inside the band; the second test checks it then scores below the careful attempt.
#include "sim/engine/action_text.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/engine/rationale.hpp"
#include "sim/scenario/rubric_loader.hpp"
#include "sim/scoring/decision_score.hpp"
#include "tests/support/engine_fixtures.hpp"

#include <catch2/catch.hpp>

#include <cmath>
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

Played scored(const std::shared_ptr<const core::Scenario>& scenario, const engine::Attempt& attempt,
              const core::Rubric& rubric) {
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
  return scored(scenario, attempt, rubric);
}

// The panel's answer copied into the notes and decided: every key factor code, every key
// protective fact already known, the panel's estimates, "x" under each heading, then the
// given response with the panel's need, urgency and adjuncts.
void copyPanelAndDecide(engine::Attempt& attempt, const core::PanelReview& panel,
                        core::ResponseLevel response) {
  using namespace sim::engine;
  for (const auto& code : panel.keyFactors) {
    (void)attempt.apply(AddFactor{FactorSide::Risk, code, {}, {}});
  }
  for (const auto& id : panel.keyProtective) {
    (void)attempt.apply(AddFactor{FactorSide::Protective, {}, id, {}}); // refused if unknown
  }
  if (panel.pSignificantHarm) {
    (void)attempt.apply(SetEstimate{EstimateKind::SignificantHarm,
                                    static_cast<int>(std::lround(*panel.pSignificantHarm * 100))});
  }
  if (panel.pRereferral) {
    (void)attempt.apply(SetEstimate{EstimateKind::Rereferral,
                                    static_cast<int>(std::lround(*panel.pRereferral * 100))});
  }
  for (const auto& heading : kRationaleHeadings) {
    (void)attempt.apply(WriteRationale{heading.field, "x"});
  }
  const auto decided =
      attempt.apply(Decide{response, panel.needLevel, panel.urgency, panel.adjuncts});
  INFO((decided ? std::string() : decided.error().message));
  REQUIRE(decided);
}

const core::PanelReview& panelAt(const core::Scenario& scenario, int point) {
  const auto* panel =
      scenario.panelFor(scenario.decisionPoints.at(static_cast<std::size_t>(point)).id);
  REQUIRE(panel != nullptr);
  return *panel;
}

// Decision-only: read the contact, make no enquiry at all, copy the panel's answer.
Played decisionOnly(const std::shared_ptr<const core::Scenario>& scenario,
                    const core::Rubric& rubric) {
  engine::Attempt attempt(scenario);
  REQUIRE(attempt.apply(engine::ReadContact{}));
  for (int point = 0; point < static_cast<int>(scenario->decisionPoints.size()); ++point) {
    if (point > 0) {
      REQUIRE(attempt.apply(engine::OpenNextDecisionPoint{}));
    }
    const auto& panel = panelAt(*scenario, point);
    copyPanelAndDecide(attempt, panel, panel.consensus);
  }
  return scored(scenario, attempt, rubric);
}

// Ask everything: every question, the records, every check (consent sought where it is
// needed), every direct contact and the manager, every reply waited for; then the panel's
// notes copied, and a response outside the band (below it where there is room).
Played askEverythingDecideOutside(const std::shared_ptr<const core::Scenario>& scenario,
                                  const core::Rubric& rubric) {
  using namespace sim::engine;
  Attempt attempt(scenario);
  REQUIRE(attempt.apply(ReadContact{}));
  for (int point = 0; point < static_cast<int>(scenario->decisionPoints.size()); ++point) {
    if (point > 0) {
      REQUIRE(attempt.apply(OpenNextDecisionPoint{}));
    }
    for (const auto& question : scenario->questions) {
      (void)attempt.apply(AskQuestion{question.id});
    }
    (void)attempt.apply(CheckRecords{});
    for (std::size_t c = 0; c < scenario->checks.size(); ++c) {
      const auto& check = scenario->checks[c];
      if (check.consent != core::ConsentRule::Needed) {
        (void)attempt.apply(RequestCheck{check.id});
        continue;
      }
      // Ask each adult in turn until one agrees (a format-2 case names whom).
      for (const auto& adult : scenario->adults) {
        if (attempt.state().checks[c].status != CheckStatus::NotRequested &&
            attempt.state().checks[c].status != CheckStatus::ConsentRefused &&
            attempt.state().checks[c].status != CheckStatus::ConsentNoAnswer) {
          break;
        }
        (void)attempt.apply(RequestCheck{check.id, ConsentChoice::Seek, {}, adult.id});
      }
    }
    for (const auto& contact : scenario->direct) {
      (void)attempt.apply(MakeDirectContact{contact.id});
    }
    (void)attempt.apply(ConsultManager{});
    while (attempt.apply(WaitForReply{})) {
    }
    const auto& panel = panelAt(*scenario, point);
    const int low = core::ordinal(panel.bandMin);
    const int high = core::ordinal(panel.bandMax);
    const auto outside = static_cast<core::ResponseLevel>(low > 0 ? low - 1 : high + 1);
    copyPanelAndDecide(attempt, panel, outside);
  }
  return scored(scenario, attempt, rubric);
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
    for (const std::string kind : {"exemplary", "careful", "under", "over"}) {
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
        if (kind == "careful" || kind == "exemplary") {
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

TEST_CASE("the score has headroom: exemplary 90 or more, careful 75 to 90, decision-only 50 "
          "or less, under and over below careful") {
  const auto rubricRead =
      scenario::loadRubricFile(fs::path(SIM_SOURCE_DIR) / "scenarios/rubric.toml");
  REQUIRE(rubricRead.rubric);
  const auto& rubric = *rubricRead.rubric;
  for (const auto& scenario : sim::test::bundledScenarios()) {
    const auto& id = scenario->meta.id;
    INFO(id);
    const auto exemplary = play(scenario, "scenarios/actions/" + id + ".exemplary.actions", rubric);
    const auto careful = play(scenario, "scenarios/actions/" + id + ".actions", rubric);
    const auto under = play(scenario, "scenarios/actions/" + id + ".under.actions", rubric);
    const auto over = play(scenario, "scenarios/actions/" + id + ".over.actions", rubric);
    const auto guess = decisionOnly(scenario, rubric);
    INFO("exemplary " << exemplary.overall << ", careful " << careful.overall << ", under "
                      << under.overall << ", over " << over.overall << ", decision-only "
                      << guess.overall);
    CHECK(exemplary.overall >= 90.0);
    CHECK(careful.overall >= 75.0);
    CHECK(careful.overall <= 90.0);
    CHECK(exemplary.overall > careful.overall);
    CHECK(guess.overall <= 50.0);
    CHECK(under.overall < careful.overall);
    CHECK(over.overall < careful.overall);
    // The decision-only attempt decided inside the band at every point: its low score is
    // what it failed to find out and reason, not where it landed.
    for (const auto& d : guess.state.decisions) {
      CHECK(against(*scenario, d) == Against::Within);
    }
  }
}

TEST_CASE("asking everything and deciding outside the band scores below careful") {
  const auto rubricRead =
      scenario::loadRubricFile(fs::path(SIM_SOURCE_DIR) / "scenarios/rubric.toml");
  REQUIRE(rubricRead.rubric);
  for (const auto& scenario : sim::test::bundledScenarios()) {
    const auto& id = scenario->meta.id;
    const auto careful = play(scenario, "scenarios/actions/" + id + ".actions", *rubricRead.rubric);
    const auto wrong = askEverythingDecideOutside(scenario, *rubricRead.rubric);
    INFO(id << ": careful " << careful.overall << ", ask everything and decide outside "
            << wrong.overall);
    for (const auto& d : wrong.state.decisions) {
      CHECK(against(*scenario, d) != Against::Within);
    }
    CHECK(wrong.overall < careful.overall);
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
