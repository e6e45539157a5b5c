// The engine's reducer on a purpose-built case (tests/data/engine/two_points.toml):
// Friday 16:30 contact, Monday bank holiday, consent the parent refuses, a check that never
// replies, one with no latency, and a second decision point on day 42.
#include "sim/engine/debrief.hpp"
#include "sim/engine/transcript.hpp"
#include "tests/support/engine_fixtures.hpp"

using namespace sim::engine;
using sim::core::Adjunct;
using sim::core::NeedLevel;
using sim::core::ResponseLevel;
using sim::core::Urgency;
using sim::test::mustApply;
using sim::test::mustRefuse;

namespace {

constexpr int hm(int hours, int minutes) { return hours * 60 + minutes; }
constexpr int kTuesday = 4; // day 0 is a Friday and day 3 (Monday) a holiday

Attempt opened() {
  Attempt attempt(sim::test::twoPoints());
  mustApply(attempt, ReadContact{});
  return attempt;
}

int factIndex(const Attempt& attempt, const std::string& id) {
  const auto& facts = attempt.scenario().facts;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (facts[i].id == id) {
      return static_cast<int>(i);
    }
  }
  FAIL("no fact " << id);
  return -1;
}

bool knows(const Attempt& attempt, const std::string& id) {
  return attempt.state().knows(factIndex(attempt, id));
}

const Decide kS47{
    ResponseLevel::S47, NeedLevel::Acute, Urgency::SameDay, {Adjunct::StrategyDiscussion}};

} // namespace

TEST_CASE("an attempt starts when the contact arrives with a one-working-day deadline") {
  const Attempt attempt(sim::test::twoPoints());
  CHECK(attempt.state().now == SimTime::at(0, hm(16, 30)));
  // Friday 16:30 plus one working day, skipping the weekend and the Monday holiday.
  CHECK(attempt.state().deadline == SimTime::at(kTuesday, hm(16, 30)));
  CHECK(attempt.state().transcript.empty());
}

TEST_CASE("the contact must be read before anything else") {
  Attempt attempt(sim::test::twoPoints());
  CHECK(mustRefuse(attempt, AskQuestion{"q-said"}) == "Read the contact first.");
  mustApply(attempt, ReadContact{});
  CHECK(knows(attempt, "f-bruise"));
  CHECK(mustRefuse(attempt, ReadContact{}) == "The contact has already been read.");
}

TEST_CASE("a question costs its minutes and reveals its facts") {
  auto attempt = opened();
  const auto event = mustApply(attempt, AskQuestion{"q-said"});
  CHECK(event.seq == 2);
  CHECK(event.at == SimTime::at(0, hm(16, 30)));
  CHECK(attempt.state().now == SimTime::at(0, hm(16, 40)));
  CHECK(knows(attempt, "f-scared"));
  CHECK(attempt.state().transcript.back().kind == EntryKind::Answer);
}

TEST_CASE("asking a question that does not exist or was asked already is refused") {
  auto attempt = opened();
  CHECK(mustRefuse(attempt, AskQuestion{"q-sad"}) ==
        "There is no question \"q-sad\" at this point of the case; did you mean \"q-said\"?");
  mustApply(attempt, AskQuestion{"q-said"});
  CHECK(mustRefuse(attempt, AskQuestion{"q-said"}) ==
        "You have already asked the referrer this question (Fri 16:40 (day 0)).");
}

TEST_CASE("routes of a later decision point are closed until it opens and are not hinted at") {
  auto attempt = opened();
  // The same answer as for an id that does not exist: a script cannot probe for what the
  // case holds later, and "did you mean" suggests only routes open now.
  CHECK(mustRefuse(attempt, AskQuestion{"q-later"}) ==
        "There is no question \"q-later\" at this point of the case.");
  CHECK(mustRefuse(attempt, AskQuestion{"q-latr"}) ==
        "There is no question \"q-latr\" at this point of the case.");
  CHECK(mustRefuse(attempt, RequestCheck{"chk-school-later", ConsentChoice::NotSought, {}}) ==
        "There is no agency check \"chk-school-later\" at this point of the case.");
}

TEST_CASE("work that runs past closing time carries over the weekend and the holiday") {
  auto attempt = opened();
  mustApply(attempt, AskQuestion{"q-said"}); // 16:30-16:40
  mustApply(attempt, CheckRecords{});        // 16:40-17:00, exactly to closing
  CHECK(attempt.state().now == SimTime::at(0, hm(17, 0)));
  CHECK(knows(attempt, "f-history"));
  mustApply(attempt, AskQuestion{"q-gran"}); // starts Tuesday 09:00
  const auto& last = attempt.state().transcript.back();
  CHECK(last.started == SimTime::at(kTuesday, hm(9, 0)));
  CHECK(last.at == SimTime::at(kTuesday, hm(9, 5)));
}

TEST_CASE("a consent check needs consent sought or overridden with a reason") {
  auto attempt = opened();
  CHECK(mustRefuse(attempt, RequestCheck{"chk-gp", ConsentChoice::NotSought, {}})
            .find("only with parental consent") != std::string::npos);
  CHECK(mustRefuse(attempt, RequestCheck{"chk-gp", ConsentChoice::Override, "  "}) ==
        "Record why consent is overridden (the reason is required).");
  CHECK(mustRefuse(attempt, RequestCheck{"chk-police", ConsentChoice::Override, "x"}) ==
        "This agency shares without consent, so there is nothing to override.");
  CHECK(mustRefuse(attempt, RequestCheck{"chk-police", ConsentChoice::NotSought, "x"}) ==
        "A reason is recorded only when consent is overridden.");
}

TEST_CASE("a parent who refuses consent stops the request until it is overridden") {
  auto attempt = opened();
  mustApply(attempt, RequestCheck{"chk-gp", ConsentChoice::Seek, {}});
  const auto gp = std::size_t{1};
  CHECK(attempt.state().checks[gp].status == CheckStatus::ConsentRefused);
  CHECK(attempt.state().transcript.back().kind == EntryKind::ConsentRefused);
  CHECK(mustRefuse(attempt, WaitForReply{}) == "No request is awaiting a reply.");
  CHECK(mustRefuse(attempt, RequestCheck{"chk-gp", ConsentChoice::Seek, {}})
            .find("already refused consent") != std::string::npos);
  mustApply(attempt, RequestCheck{"chk-gp", ConsentChoice::Override, "Leo says he is scared"});
  CHECK(attempt.state().checks[gp].withoutConsent);
  mustApply(attempt, WaitForReply{});
  CHECK(attempt.state().checks[gp].status == CheckStatus::Replied);
  const auto lines = describeTranscript(attempt.scenario(), attempt.state());
  const auto& reply = lines[lines.size() - 2]; // the reply, then the wait
  CHECK(reply.kind == EntryKind::Reply);
  CHECK(reply.heading == "Reply: GP practice (partial)");
  CHECK(reply.text.find("will say no more without consent") != std::string::npos);
  CHECK(knows(attempt, "f-gp-ok"));
}

TEST_CASE("replies arrive after their working-time latency in due order") {
  auto attempt = opened();
  // Requested 16:30-16:40 Friday; 60 working minutes is 20 on Friday and 40 on Tuesday.
  mustApply(attempt, RequestCheck{"chk-police", ConsentChoice::NotSought, {}});
  const auto police = attempt.state().checks[0];
  CHECK(police.due == SimTime::at(kTuesday, hm(9, 40)));
  CHECK_FALSE(knows(attempt, "f-police-dv"));
  // A long action crosses the due time: the reply is entered at its own time, before it.
  mustApply(attempt, MakeDirectContact{"see-leo"}); // 16:40 Fri -> Tue 09:40
  const auto& entries = attempt.state().transcript;
  REQUIRE(entries.size() >= 3);
  CHECK(entries[entries.size() - 2].kind == EntryKind::Reply);
  CHECK(entries[entries.size() - 2].at == SimTime::at(kTuesday, hm(9, 40)));
  CHECK(entries.back().kind == EntryKind::Direct);
  CHECK(entries.back().at == SimTime::at(kTuesday, hm(9, 40)));
  CHECK(knows(attempt, "f-police-dv"));
}

TEST_CASE("a check written never to reply shows no reply at its due time") {
  auto attempt = opened();
  mustApply(attempt, RequestCheck{"chk-probation", ConsentChoice::NotSought, {}});
  mustApply(attempt, WaitForReply{});
  CHECK(attempt.state().checks[2].status == CheckStatus::NoReply);
  CHECK(attempt.state().transcript[attempt.state().transcript.size() - 2].kind ==
        EntryKind::NoReply);
}

TEST_CASE("a check with no latency replies at once") {
  auto attempt = opened();
  mustApply(attempt, RequestCheck{"chk-cpis", ConsentChoice::NotSought, {}});
  CHECK(attempt.state().checks[3].status == CheckStatus::Replied);
  CHECK(attempt.state().now == SimTime::at(0, hm(16, 30)));
  CHECK(mustRefuse(attempt, RequestCheck{"chk-cpis", ConsentChoice::NotSought, {}})
            .find("already requested") != std::string::npos);
}

TEST_CASE("waiting until a time moves the clock and refuses the past and the far future") {
  auto attempt = opened();
  CHECK(mustRefuse(attempt, WaitUntil{SimTime::at(0, hm(16, 0))}) ==
        "That time has already passed: it is now Fri 16:30 (day 0).");
  CHECK(mustRefuse(attempt, WaitUntil{SimTime::at(kHorizonDays + 1, 0)}).find("at most day") !=
        std::string::npos);
  mustApply(attempt, RequestCheck{"chk-police", ConsentChoice::NotSought, {}});
  mustApply(attempt, WaitUntil{SimTime::at(5, hm(12, 0))});
  CHECK(attempt.state().now == SimTime::at(5, hm(12, 0)));
  CHECK(attempt.state().checks[0].status == CheckStatus::Replied);
}

TEST_CASE("factors are checked and numbered and removable") {
  auto attempt = opened();
  CHECK(mustRefuse(attempt, AddFactor{FactorSide::Risk, {}, {}, {}}).find("Name the factor") == 0);
  CHECK(mustRefuse(attempt, AddFactor{FactorSide::Risk, "99Z", {}, {}})
            .find("not a census assessment factor code") != std::string::npos);
  CHECK(mustRefuse(attempt, AddFactor{FactorSide::Protective, "3A", {}, {}})
            .find("Census factor codes name risks") == 0);
  // Unknown and not-yet-learned facts get the same answer.
  CHECK(mustRefuse(attempt, AddFactor{FactorSide::Protective, {}, "f-gran", {}}) ==
        "You have not learned anything called \"f-gran\".");
  CHECK(mustRefuse(attempt, AddFactor{FactorSide::Protective, {}, "f-nothing", {}}) ==
        "You have not learned anything called \"f-nothing\".");
  mustApply(attempt, AddFactor{FactorSide::Risk, "3A", "f-bruise", "grabbed by stepfather"});
  mustApply(attempt, AddFactor{FactorSide::Protective, {}, {}, "school noticed quickly"});
  CHECK(
      mustRefuse(attempt, AddFactor{FactorSide::Risk, "3A", "f-bruise", "grabbed by stepfather"}) ==
      "That factor is already recorded (number 1).");
  CHECK(mustRefuse(attempt, RemoveFactor{7}) == "There is no recorded factor number 7.");
  mustApply(attempt, RemoveFactor{1});
  mustApply(attempt, AddFactor{FactorSide::Risk, "3A", {}, {}});
  const auto& factors = attempt.state().notes.factors;
  REQUIRE(factors.size() == 2);
  CHECK(factors[0].number == 2);
  CHECK(factors[1].number == 3);
}

TEST_CASE("learned facts link to the analytic rationale headings, once each, and unlink") {
  auto attempt = opened();
  // Unknown and not-yet-learned facts get the same answer, as for factors.
  CHECK(mustRefuse(attempt, LinkFact{RationaleField::Strengths, "f-gran", true}) ==
        "You have not learned anything called \"f-gran\".");
  CHECK(mustRefuse(attempt, LinkFact{RationaleField::WhatHappened, "f-bruise", true})
            .find("\"What happened\" is written in your own words") != std::string::npos);
  mustApply(attempt, LinkFact{RationaleField::WhatWeFear, "f-bruise", true});
  CHECK(mustRefuse(attempt, LinkFact{RationaleField::WhatWeFear, "f-bruise", true}) ==
        "That fact is already linked under \"What we fear\".");
  // The same fact may sit under two headings: a worry that also complicates the picture.
  mustApply(attempt, LinkFact{RationaleField::Complicating, "f-bruise", true});
  CHECK(attempt.state().notes.rationaleFacts.at(1) == std::vector<std::string>{"f-bruise"});
  CHECK(mustRefuse(attempt, LinkFact{RationaleField::Strengths, "f-bruise", false}) ==
        "That fact is not linked under \"Strengths and existing safety\".");
  mustApply(attempt, LinkFact{RationaleField::WhatWeFear, "f-bruise", false});
  CHECK(attempt.state().notes.rationaleFacts.at(1).empty());
  // A link is a notes edit: undo puts it back.
  mustApply(attempt, Undo{});
  CHECK(attempt.state().notes.rationaleFacts.at(1) == std::vector<std::string>{"f-bruise"});
  // The links are part of the decision when it is locked.
  mustApply(attempt, kS47);
  CHECK(attempt.state().decisions.at(0).notes.rationaleFacts.at(2) ==
        std::vector<std::string>{"f-bruise"});
}

TEST_CASE("estimates and the safety scale stay in range and text must be UTF-8") {
  auto attempt = opened();
  CHECK(mustRefuse(attempt, SetEstimate{EstimateKind::SignificantHarm, 101}).find("0 to 100") !=
        std::string::npos);
  CHECK(mustRefuse(attempt, SetEstimate{EstimateKind::Confidence, -1}).find("0 to 100") !=
        std::string::npos);
  CHECK(mustRefuse(attempt, SetSafetyScale{11}) == "The safety scale runs from 0 to 10 (got 11).");
  CHECK(mustRefuse(attempt, WriteNotes{"caf\xC3"}) == "The note is not valid UTF-8 text.");
  CHECK(mustRefuse(attempt,
                   WriteRationale{RationaleField::WhatWeFear, std::string(kMaxActionText + 1, 'x')})
            .find("too long") != std::string::npos);
  mustApply(attempt, SetEstimate{EstimateKind::SignificantHarm, 70});
  mustApply(attempt, SetSafetyScale{2});
  mustApply(attempt, WriteNotes{"Leo: \"scared to go home\"\nTell the DSL."});
  CHECK(attempt.state().notes.pSignificantHarm == 70);
  CHECK(attempt.state().notes.safetyScale == 2);
}

TEST_CASE("deciding locks the decision and opens its debrief and nothing else") {
  auto attempt = opened();
  CHECK_FALSE(debriefFor(attempt.scenario(), attempt.state(), 0).ok());
  CHECK(mustRefuse(attempt, OpenNextDecisionPoint{}) ==
        "Decide at \"Decide on the school's call\" before moving on.");
  mustApply(attempt, SetEstimate{EstimateKind::SignificantHarm, 60});
  mustApply(attempt, Decide{kS47});
  CHECK(attempt.state().phase == Phase::Decided);
  CHECK(attempt.state().decisions.at(0).notes.pSignificantHarm == 60);
  CHECK(attempt.state().decisions.at(0).withinDeadline());
  CHECK(mustRefuse(attempt, Decide{kS47}) ==
        "You have already decided at \"Decide on the school's call\"; the decision is locked.");
  CHECK(mustRefuse(attempt, AskQuestion{"q-said"}).find("is locked; open the next") !=
        std::string::npos);
  CHECK(mustRefuse(attempt, SetEstimate{EstimateKind::SignificantHarm, 10}).find("is locked") !=
        std::string::npos);
  CHECK(debriefFor(attempt.scenario(), attempt.state(), 0).ok());
  CHECK(debriefFor(attempt.scenario(), attempt.state(), 1).error().message ==
        "The debrief for \"Decide on the second contact\" opens only once that decision is "
        "locked.");
}

TEST_CASE("a debrief before a later decision point shows only the outcome before it") {
  auto attempt = opened();
  mustApply(attempt, Decide{kS47});
  const auto debrief = debriefFor(attempt.scenario(), attempt.state(), 0);
  REQUIRE(debrief.ok());
  CHECK_FALSE(debrief.value().finalDecision);
  REQUIRE(debrief.value().outcomeEvents.size() == 1);
  CHECK(attempt.scenario().outcome.events[0].text == "OUTCOME-EVENT-DAY10");
  CHECK(debrief.value().outcomeEvents[0] == 0);
  CHECK(debrief.value().spread.panellists == 2);
  CHECK(debrief.value().spread.agreeWithConsensus == 1);
  CHECK(debrief.value().spread.counts[static_cast<std::size_t>(ResponseLevel::S17)] == 1);
}

TEST_CASE("the counterfactual shows every route not taken by consent variant") {
  auto attempt = opened();
  mustApply(attempt, RequestCheck{"chk-police", ConsentChoice::NotSought, {}});
  mustApply(attempt, Decide{kS47}); // the police reply (due Tuesday) has not come
  const auto debrief = debriefFor(attempt.scenario(), attempt.state(), 0).value();
  std::vector<std::string> seen;
  for (const auto& c : debrief.notTaken) {
    seen.push_back(std::to_string(static_cast<int>(c.route)) + ":" + std::to_string(c.item) + ":" +
                   std::to_string(static_cast<int>(c.variant)));
  }
  const std::vector<std::string> expected{
      "0:0:0",  // q-said
      "0:1:0",  // q-gran (q-later belongs to dp2)
      "1:-1:0", // records
      "2:0:4",  // police: arrived late
      "2:1:3",  // GP: the parent would refuse
      "2:1:2",  // GP: without consent
      "2:2:0",  // probation
      "2:3:0",  // CP-IS
      "3:0:0",  // see Leo
      "4:0:0",  // the dp1 manager hint only
  };
  CHECK(seen == expected);
  REQUIRE(debrief.criticalFacts.size() == 2);
  CHECK(debrief.criticalFacts[0].reached);       // f-bruise, from the contact
  CHECK_FALSE(debrief.criticalFacts[1].reached); // f-scared
  // The case goes on to a second decision point, so routes still open (and the police
  // reply still on its way) are withheld: they would give away what comes later.
  for (const auto& c : debrief.notTaken) {
    INFO(c.heading);
    const bool stillOpen = c.route != RouteKind::Manager; // the dp1 hint is not offered later
    CHECK(c.withheld == stillOpen);
    if (c.withheld) {
      CHECK(c.facts.empty());
      CHECK(c.text.find("kept until the case is finished") != std::string::npos);
    }
  }
  // Once the attempt is closed, everything is shown, judged by what was known at dp1.
  mustApply(attempt, OpenNextDecisionPoint{});
  mustApply(attempt, AskQuestion{"q-said"});
  mustApply(attempt, Decide{kS47});
  const auto after = debriefFor(attempt.scenario(), attempt.state(), 0).value();
  CHECK(after.notTaken.size() == expected.size());
  for (const auto& c : after.notTaken) {
    CHECK_FALSE(c.withheld);
    if (c.route == RouteKind::Question && c.item == 0) {
      CHECK(c.missedFacts == std::vector<int>{factIndex(attempt, "f-scared")});
    }
  }
  CHECK_FALSE(after.criticalFacts[1].reached); // learned only at the second decision point
}

TEST_CASE("facts that arrive with the next decision point are not counted for the one before") {
  auto text = sim::test::readFixture("tests/data/engine/two_points.toml");
  // The second decision point opens on day 0 at 09:00, before the Friday 16:30 contact,
  // and brings f-scared with it.
  const std::string later = "day = 42\ntime = \"10:00\"\n";
  text.replace(text.find(later), later.size(), "day = 0\ntime = \"09:00\"\n");
  const std::string reveals = "reveals = [\"f-second\"]\n";
  text.replace(text.find(reveals), reveals.size(), "reveals = [\"f-second\", \"f-scared\"]\n");
  const auto loaded = sim::scenario::loadScenarioText(text, "same-day.toml");
  REQUIRE(loaded.ok());
  Attempt attempt(loaded.scenario);
  mustApply(attempt, ReadContact{});
  mustApply(attempt, Decide{kS47});
  mustApply(attempt, OpenNextDecisionPoint{});
  CHECK(knows(attempt, "f-scared"));
  const auto first = debriefFor(attempt.scenario(), attempt.state(), 0).value();
  REQUIRE(first.criticalFacts.size() == 2);
  CHECK_FALSE(first.criticalFacts[1].reached);
}

TEST_CASE("a later decision point continues the same attempt weeks later") {
  auto attempt = opened();
  mustApply(attempt, ConsultManager{});
  CHECK(mustRefuse(attempt, ConsultManager{}).find("already consulted") != std::string::npos);
  mustApply(attempt, Decide{kS47});
  mustApply(attempt, OpenNextDecisionPoint{});
  const auto& state = attempt.state();
  CHECK(state.phase == Phase::Gathering);
  CHECK(state.decisionPoint == 1);
  CHECK(state.now == SimTime::at(42, hm(10, 0)));
  CHECK(state.deadline == SimTime::at(45, hm(10, 0))); // day 42 is a Friday
  CHECK(knows(attempt, "f-second"));
  mustApply(attempt, AskQuestion{"q-later"});
  mustApply(attempt, ConsultManager{}); // the dp2 hint
  CHECK(attempt.state().transcript.back().item == 1);
  mustApply(attempt, Decide{ResponseLevel::Immediate, NeedLevel::Acute, Urgency::SameDay, {}});
  CHECK(attempt.state().phase == Phase::Closed);
  CHECK(mustRefuse(attempt, ReadContact{}) ==
        "The attempt is closed: every decision in this case has been made and locked.");
  CHECK(mustRefuse(attempt, Decide{kS47}).find("closed") != std::string::npos);
  const auto last = debriefFor(attempt.scenario(), attempt.state(), 1).value();
  CHECK(last.finalDecision);
  CHECK(last.outcomeEvents.size() == 3);
}

TEST_CASE("a decision after the deadline is recorded as late") {
  auto attempt = opened();
  mustApply(attempt, WaitUntil{SimTime::at(5, hm(9, 0))});
  mustApply(attempt, Decide{kS47});
  CHECK_FALSE(attempt.state().decisions.at(0).withinDeadline());
}

TEST_CASE("adjuncts are stored in a fixed order and may not repeat") {
  auto attempt = opened();
  CHECK(mustRefuse(attempt, Decide{ResponseLevel::S47,
                                   NeedLevel::Acute,
                                   Urgency::SameDay,
                                   {Adjunct::PoliceInformed, Adjunct::PoliceInformed}}) ==
        "An adjunct is listed twice.");
  mustApply(attempt, Decide{ResponseLevel::S47,
                            NeedLevel::Acute,
                            Urgency::SameDay,
                            {Adjunct::SeeChildToday, Adjunct::StrategyDiscussion}});
  CHECK(attempt.state().decisions[0].decision.adjuncts ==
        std::vector<Adjunct>{Adjunct::StrategyDiscussion, Adjunct::SeeChildToday});
}

TEST_CASE("nothing from the panel or the outcome is visible before the decision") {
  auto attempt = opened();
  for (const auto& action : std::vector<Action>{
           AskQuestion{"q-said"}, AskQuestion{"q-gran"}, CheckRecords{},
           RequestCheck{"chk-police", ConsentChoice::NotSought, {}}, MakeDirectContact{"see-leo"},
           ConsultManager{}, WaitUntil{SimTime::at(30, hm(9, 0))}}) {
    mustApply(attempt, action);
  }
  for (const auto& line : describeTranscript(attempt.scenario(), attempt.state())) {
    INFO(line.heading << "\n" << line.text);
    CHECK(line.text.find("PANEL-") == std::string::npos);
    CHECK(line.text.find("OUTCOME-") == std::string::npos);
    CHECK(line.heading.find("PANEL-") == std::string::npos);
  }
  CHECK_FALSE(debriefFor(attempt.scenario(), attempt.state(), 0).ok());
}

TEST_CASE("facts written for the first decision point arrive with the contact") {
  auto text = sim::test::readFixture("tests/data/engine/two_points.toml");
  const std::string first = "title = \"Decide on the school's call\"\n";
  text.replace(text.find(first), first.size(), first + "reveals = [\"f-gran\"]\n");
  const auto loaded = sim::scenario::loadScenarioText(text, "first-reveals.toml");
  REQUIRE(loaded.ok());
  Attempt attempt(loaded.scenario);
  mustApply(attempt, ReadContact{});
  CHECK(knows(attempt, "f-bruise"));
  CHECK(knows(attempt, "f-gran"));
}

TEST_CASE("a manager hint for no particular decision point is offered at each one") {
  auto text = sim::test::readFixture("tests/data/engine/two_points.toml");
  const std::string dp1Hint = "[[manager]]\ndecision_point = \"dp1\"\n";
  text.replace(text.find(dp1Hint), dp1Hint.size(), "[[manager]]\n");
  const std::string dp2Hint = "[[manager]]\ndecision_point = \"dp2\"\nminutes = 15\n"
                              "text = \"This is the third contact: look at the pattern.\"\n"
                              "reveals = []\n";
  REQUIRE(text.find(dp2Hint) != std::string::npos);
  text.erase(text.find(dp2Hint), dp2Hint.size());
  const auto loaded = sim::scenario::loadScenarioText(text, "general-hint.toml");
  REQUIRE(loaded.ok());
  Attempt attempt(loaded.scenario);
  mustApply(attempt, ReadContact{});
  mustApply(attempt, Decide{kS47});
  // Not consulted at the first decision point: the debrief lists it.
  const auto first = debriefFor(attempt.scenario(), attempt.state(), 0).value();
  CHECK(std::count_if(first.notTaken.begin(), first.notTaken.end(),
                      [](const auto& c) { return c.route == RouteKind::Manager; }) == 1);
  mustApply(attempt, OpenNextDecisionPoint{});
  mustApply(attempt, ConsultManager{});
  CHECK(mustRefuse(attempt, ConsultManager{}).find("already consulted") != std::string::npos);
  mustApply(attempt, Decide{kS47});
  const auto second = debriefFor(attempt.scenario(), attempt.state(), 1).value();
  CHECK(std::none_of(second.notTaken.begin(), second.notTaken.end(),
                     [](const auto& c) { return c.route == RouteKind::Manager; }));
}

TEST_CASE("deprecated census codes are refused with their replacements") {
  auto attempt = opened();
  CHECK(mustRefuse(attempt, AddFactor{FactorSide::Risk, "18A", {}, {}}) ==
        "The census code \"18A\" is no longer used; use 18B/18C.");
}

TEST_CASE("a consent refused at one decision point and overridden at the next is told apart") {
  auto attempt = opened();
  mustApply(attempt, RequestCheck{"chk-gp", ConsentChoice::Seek, {}});
  mustApply(attempt, Decide{kS47});
  mustApply(attempt, OpenNextDecisionPoint{});
  mustApply(attempt, RequestCheck{"chk-gp", ConsentChoice::Override, "Second injury"});
  const auto first = debriefFor(attempt.scenario(), attempt.state(), 0).value();
  std::vector<RouteVariant> gp;
  for (const auto& c : first.notTaken) {
    if (c.route == RouteKind::Check && c.item == 1) {
      gp.push_back(c.variant);
    }
  }
  // At the first decision point consent had been refused and not overridden.
  CHECK(gp == std::vector<RouteVariant>{RouteVariant::WithoutConsent});
}

TEST_CASE("undo takes back notes edits one by one, at most the last hundred, and a new edit "
          "drops the redo") {
  Attempt attempt = opened();
  CHECK(mustRefuse(attempt, Undo{}).find("nothing to undo") != std::string::npos);
  for (int i = 0; i <= static_cast<int>(kMaxUndoSteps) + 4; ++i) {
    mustApply(attempt, WriteNotes{"draft " + std::to_string(i)});
  }
  mustApply(attempt, WriteNotes{"draft 104"}); // the same text again is not a change
  CHECK(attempt.state().history.undo.size() == kMaxUndoSteps);
  for (std::size_t i = 0; i < kMaxUndoSteps; ++i) {
    mustApply(attempt, Undo{});
  }
  CHECK(attempt.state().notes.notes == "draft 4"); // older changes fell off the history
  mustRefuse(attempt, Undo{});
  mustApply(attempt, Redo{});
  CHECK(attempt.state().notes.notes == "draft 5");
  mustApply(attempt, SetSafetyScale{3});
  CHECK(mustRefuse(attempt, Redo{}) == "There is nothing to redo.");
  mustApply(attempt, Undo{});
  CHECK_FALSE(attempt.state().notes.safetyScale.has_value());
  // An enquiry starts the history afresh: the notes written before it stay.
  mustApply(attempt, CheckRecords{});
  CHECK(mustRefuse(attempt, Undo{}).find("since your last enquiry") != std::string::npos);
  CHECK(attempt.state().notes.notes == "draft 5");
}

TEST_CASE("a record's age is rounded as a person would say it") {
  CHECK(sim::engine::describeRecordAge(-181) == "6 months before the contact"); // not five
  CHECK(sim::engine::describeRecordAge(-79) == "11 weeks before the contact");  // as the facts say
  CHECK(sim::engine::describeRecordAge(-77) == "11 weeks before the contact");
  CHECK(sim::engine::describeRecordAge(-10) == "10 days before the contact");
  CHECK(sim::engine::describeRecordAge(-400) == "13 months before the contact");
  CHECK(sim::engine::describeRecordAge(-900) == "2 years before the contact");
  CHECK(sim::engine::describeRecordAge(0) == "Day of the contact");
}
