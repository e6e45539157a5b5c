// Replaying an attempt from its event log: the same scenario reproduces the state, a
// changed scenario is refused naming both content hashes, and a log that no longer fits
// (an event at another time, or one the engine now refuses) is refused with the event named.
#include "sim/engine/event_log.hpp"
#include "sim/scenario/loader.hpp"
#include "tests/support/engine_fixtures.hpp"

using namespace sim::engine;
using sim::test::mustApply;

namespace {

Attempt playedAttempt() {
  Attempt attempt(sim::test::twoPoints());
  for (const auto& action :
       std::vector<Action>{ReadContact{}, AskQuestion{"q-said"},
                           RequestCheck{"chk-police", ConsentChoice::NotSought, {}}, WaitForReply{},
                           AddFactor{FactorSide::Risk, "3A", "f-bruise", {}},
                           Decide{sim::core::ResponseLevel::S47,
                                  sim::core::NeedLevel::Acute,
                                  sim::core::Urgency::SameDay,
                                  {}},
                           OpenNextDecisionPoint{}}) {
    mustApply(attempt, action);
  }
  return attempt;
}

} // namespace

TEST_CASE("replaying the log reproduces the attempt") {
  const auto attempt = playedAttempt();
  const auto replayed = Attempt::replay(attempt.scenarioPtr(), attempt.log());
  REQUIRE(replayed.ok());
  CHECK(replayed.value().state() == attempt.state());
  CHECK(replayed.value().log() == attempt.log());
}

TEST_CASE("a log is refused by a changed scenario that names both hashes") {
  const auto attempt = playedAttempt();
  const auto changed = sim::scenario::loadScenarioText(
      sim::test::readFixture("tests/data/engine/two_points.toml") + "\n# an edit\n",
      "changed.toml");
  REQUIRE(changed.ok());
  REQUIRE(changed.scenario->contentHash != attempt.scenario().contentHash);
  const auto replayed = Attempt::replay(changed.scenario, attempt.log());
  REQUIRE_FALSE(replayed.ok());
  CHECK(replayed.error().message ==
        "The case \"engine-two-points\" has changed since this attempt was recorded: the attempt "
        "was made against " +
            attempt.scenario().contentHash + " and the file is now " +
            changed.scenario->contentHash + ". It cannot be replayed against a changed case.");
}

TEST_CASE("a log for another case is refused") {
  auto log = playedAttempt().log();
  log.scenarioId = "another-case";
  const auto replayed = Attempt::replay(sim::test::twoPoints(), log);
  REQUIRE_FALSE(replayed.ok());
  CHECK(replayed.error().message ==
        "This attempt was recorded for the case \"another-case\", not \"engine-two-points\".");
}

TEST_CASE("an event recorded at another time is refused on replay") {
  auto log = playedAttempt().log();
  log.events[2].at = SimTime::at(0, 9 * 60);
  const auto replayed = Attempt::replay(sim::test::twoPoints(), log);
  REQUIRE_FALSE(replayed.ok());
  CHECK(replayed.error().message == "Event 3 (request chk-police) was recorded at Fri 09:00 (day "
                                    "0) but replays at Fri 16:40 (day 0).");
}

TEST_CASE("an event the engine refuses is named on replay") {
  auto log = playedAttempt().log();
  log.events[1].action = AskQuestion{"q-later"};
  const auto replayed = Attempt::replay(sim::test::twoPoints(), log);
  REQUIRE_FALSE(replayed.ok());
  CHECK(replayed.error().message == "Event 2 (ask q-later) is refused on replay: There is no "
                                    "question \"q-later\" at this point of the case.");
}

TEST_CASE("a replay resumes: the rebuilt attempt takes further actions") {
  const auto attempt = playedAttempt();
  const auto parsed = parseEventLog(formatEventLog(attempt.log()), "log");
  REQUIRE(parsed.log.has_value());
  auto resumed = Attempt::replay(attempt.scenarioPtr(), *parsed.log);
  REQUIRE(resumed.ok());
  const auto event = mustApply(resumed.value(), AskQuestion{"q-later"});
  CHECK(event.seq == static_cast<int>(attempt.log().events.size()) + 1);
}

TEST_CASE("a log recorded under other engine rules is refused") {
  auto log = playedAttempt().log();
  log.rules = kEngineRules + 1;
  const auto replayed = Attempt::replay(sim::test::twoPoints(), log);
  REQUIRE_FALSE(replayed.ok());
  CHECK(replayed.error().message ==
        "This attempt was recorded under engine rules " + std::to_string(kEngineRules + 1) +
            "; this version of Frontdoor uses rules " + std::to_string(kEngineRules) +
            ", so it cannot replay the attempt exactly.");
}

TEST_CASE("an action that would run past the end of simulated time is refused") {
  Attempt attempt(sim::test::twoPoints());
  mustApply(attempt, ReadContact{});
  // Wait to the horizon repeatedly is refused beyond it; work near the end of simulated
  // time is refused before the clock passes kMaxClockDays.
  CHECK_FALSE(attempt.apply(WaitUntil{SimTime::at(kHorizonDays + 1, 0)}).ok());
  mustApply(attempt, WaitUntil{SimTime::at(kHorizonDays, 16 * 60 + 59)});
  mustApply(attempt, CheckRecords{});
  const auto text = formatEventLog(attempt.log());
  const auto parsed = parseEventLog(text, "log");
  REQUIRE(parsed.log.has_value());
  const auto replayed = Attempt::replay(attempt.scenarioPtr(), *parsed.log);
  REQUIRE(replayed.ok());
  CHECK(replayed.value().state() == attempt.state());
}
