// A whole workshop through the core (sim/workshop) on the bundled 90-minute plan: three
// cases, six tables, the room's enquiries on the real engine, first votes, revotes, the
// room's decision locked, then each reveal. At every step before a reveal the projector's
// frame holds nothing of the panel, its reasoning or the outcome, and no tally but
// "N of M answered"; the rules refuse votes out of turn, reveals before the lock, and
// changing votes once revealed.
#include "sim/workshop/audience_frame.hpp"
#include "sim/workshop/room_spread.hpp"
#include "tests/support/workshop_script.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <fstream>
#include <random>
#include <sstream>

using namespace sim;
using namespace sim::workshop;

namespace {

// Every text of a case the room may not see before its reveal.
std::vector<std::string> hindsightTexts(const core::Scenario& scenario) {
  std::vector<std::string> out;
  for (const auto& panel : scenario.panels) {
    out.push_back(panel.rationale);
    out.insert(out.end(), panel.teachingPoints.begin(), panel.teachingPoints.end());
    for (const auto& member : panel.panellists) {
      if (!member.comment.empty()) {
        out.push_back(member.comment);
      }
    }
  }
  for (const auto& event : scenario.outcome.events) {
    out.push_back(event.text);
  }
  out.push_back("The panel's decision");
  out.push_back("Reasonable range");
  return out;
}

} // namespace

TEST_CASE("a whole workshop: three cases, six tables, nothing revealed early") {
  const auto loaded = test_support::loadBundledPlan("ninety-minutes");
  auto run = test_support::startRun(loaded);
  for (int t = 1; t <= 6; ++t) {
    REQUIRE(run.apply(Join{{"t" + std::to_string(t), "Table " + std::to_string(t)}}));
  }
  int reveals = 0;
  int locks = 0;
  while (!run.finished()) {
    const auto step = run.step();
    const auto& scenario = run.currentAttempt().scenario();
    INFO("case " << scenario.meta.id << ", pause " << step.pauseIndex << ", step "
                 << run.stepIndex());
    if (step.kind != StepKind::Reveal) {
      test_support::reachPause(run);
    }
    // Before the pause's panel reveal, the projector shows nothing of the panel or outcome.
    const bool panelOut = run.revealed(step.caseIndex, step.pauseIndex, core::RevealKind::Panel);
    const bool reasoningOut =
        run.revealed(step.caseIndex, step.pauseIndex, core::RevealKind::Reasoning);
    const bool outcomeOut =
        run.revealed(step.caseIndex, step.pauseIndex, core::RevealKind::Outcome);
    const auto text = frameText(audienceFrame(run));
    if (!panelOut && !reasoningOut && !outcomeOut) {
      for (const auto& secret : hindsightTexts(scenario)) {
        INFO(secret);
        CHECK(text.find(secret) == std::string::npos);
      }
    }
    switch (step.kind) {
    case StepKind::Vote:
    case StepKind::Revote: {
      CHECK(text.find("0 of 6 answered") != std::string::npos);
      for (int t = 0; t < 6; ++t) {
        REQUIRE(run.apply(CastVote{test_support::tableVote(t, step.kind == StepKind::Revote)}));
      }
      const auto during = frameText(audienceFrame(run));
      CHECK(during.find("6 of 6 answered") != std::string::npos);
      // Counts only: the room's choices are not on the projector while voting.
      CHECK(during.find("The room's first votes") == std::string::npos);
      break;
    }
    case StepKind::Lock: {
      // Nothing is revealed before the room's decision is locked.
      CHECK_FALSE(run.apply(NextStep{}));
      REQUIRE(run.apply(LockDecision{engine::Decide{
          core::ResponseLevel::S17, core::NeedLevel::Complex, core::Urgency::OneWorkingDay, {}}}));
      ++locks;
      break;
    }
    case StepKind::Reveal: {
      ++reveals;
      CHECK(run.revealed(step.caseIndex, step.pauseIndex, step.reveal));
      // Votes can no longer change once anything of this pause is revealed.
      RoomVote late;
      late.participant = "t1";
      CHECK_FALSE(run.apply(CastVote{late}));
      if (step.reveal == core::RevealKind::Panel) {
        CHECK(text.find("The panel's decision") != std::string::npos);
      }
      if (step.reveal == core::RevealKind::Outcome) {
        CHECK(text.find(scenario.outcome.events.front().text) != std::string::npos);
      }
      break;
    }
    case StepKind::Discuss:
      break;
    }
    REQUIRE(run.apply(NextStep{}));
  }
  CHECK(locks == 4);    // bedtime, mark on the cheek, second contact twice
  CHECK(reveals == 19); // 5 + 5 + 4 + 5
  for (int c = 0; c < 3; ++c) {
    CHECK(run.attempt(c).state().phase == engine::Phase::Closed);
  }
}

TEST_CASE("the room's spread, shift and agreement are counted against the panel's band") {
  core::PanelReview panel;
  panel.bandMin = core::ResponseLevel::EarlyHelp;
  panel.bandMax = core::ResponseLevel::S17;
  std::vector<RoomVote> votes;
  const auto add = [&](const char* who, Round round, core::ResponseLevel level, int confidence,
                       int harm) {
    RoomVote v;
    v.participant = who;
    v.round = round;
    v.response = level;
    v.confidence = confidence;
    v.pHarm = harm;
    votes.push_back(v);
  };
  add("a", Round::First, core::ResponseLevel::Advice, 5, 10);     // below, confident
  add("b", Round::First, core::ResponseLevel::S17, 3, 30);        // within
  add("c", Round::First, core::ResponseLevel::S47, 4, 50);        // above, confident
  add("d", Round::First, core::ResponseLevel::S17, 2, 30);        // within
  add("a", Round::Revote, core::ResponseLevel::EarlyHelp, 4, 20); // into the band
  add("b", Round::Revote, core::ResponseLevel::S17, 3, 30);
  add("c", Round::Revote, core::ResponseLevel::Immediate, 5, 60); // further away
  add("d", Round::Revote, core::ResponseLevel::S17, 2, 30);
  const auto first = spreadOf(votes, Round::First, panel);
  CHECK(first.votes == 4);
  CHECK(first.within == 2);
  CHECK(first.below == 1);
  CHECK(first.above == 1);
  CHECK(first.confidentOutside == 2);
  REQUIRE(first.meanPHarm);
  CHECK(*first.meanPHarm == Approx(30.0));
  // Pairs agreeing: only b and d of the six pairs.
  CHECK(first.pairsAgreeing.value == Approx(1.0 / 6.0));
  const auto shift = shiftOf(votes, panel);
  CHECK(shift.voted == 4);
  CHECK(shift.changed == 2);
  CHECK(shift.toward == 1);
  CHECK(shift.away == 1);
  // Two decisions on which the room agreed completely: kappa 1.
  std::vector<RoomVote> same;
  for (const char* who : {"a", "b", "c"}) {
    RoomVote v;
    v.participant = who;
    v.response = core::ResponseLevel::S17;
    same.push_back(v);
  }
  std::vector<RoomVote> other = same;
  for (auto& v : other) {
    v.response = core::ResponseLevel::Advice;
  }
  CHECK(roomKappa({same, other}).value == Approx(1.0));
}

TEST_CASE("votes, participants and steps are refused out of turn with a reason") {
  const auto loaded = test_support::loadBundledPlan("ninety-minutes");
  auto run = test_support::startRun(loaded);
  CHECK_FALSE(run.apply(Join{{"t 1", "Table 1"}}));           // bad id
  CHECK_FALSE(run.apply(Join{{"t1", std::string(41, 'x')}})); // name too long
  CHECK_FALSE(run.apply(Join{{"t1", "Table\n1"}}));           // not one line
  REQUIRE(run.apply(Join{{"t1", "Table 1"}}));
  CHECK_FALSE(run.apply(Join{{"t2", "Table 1"}})); // same name
  // The first pause waits for the contact to be read.
  CHECK(run.notReachedYet() == "Read the contact with the room first.");
  CHECK_FALSE(run.apply(NextStep{}));
  RoomVote v;
  v.participant = "t1";
  CHECK(run.apply(CastVote{v}).error().message == "No vote is open at this step.");
  CHECK(run.apply(RoomAct{engine::Decide{}}).error().message ==
        "The room's decision is locked at the Lock step, after its vote.");
  REQUIRE(run.apply(RoomAct{engine::ReadContact{}}));
  REQUIRE(run.apply(NextStep{})); // to the first vote
  REQUIRE(run.step().kind == StepKind::Vote);
  CHECK(run.apply(RoomAct{engine::CheckRecords{}}).error().message ==
        "A vote is open: close it (Next) before the room's next enquiry.");
  v.participant = "t9";
  CHECK_FALSE(run.apply(CastVote{v}));
  v.participant = "t1";
  v.confidence = 6;
  CHECK(run.apply(CastVote{v}).error().message == "Confidence is 1 (a guess) to 5 (certain).");
  v.confidence = 3;
  v.reason = std::string(201, 'a');
  CHECK_FALSE(run.apply(CastVote{v}));
  v.reason = "Mum asked for help herself.";
  REQUIRE(run.apply(CastVote{v}));
  v.response = core::ResponseLevel::EarlyHelp; // a change of mind replaces the vote
  REQUIRE(run.apply(CastVote{v}));
  CHECK(run.answered() == 1);
  REQUIRE(run.votesAt(0, 1).size() == 1);
  CHECK(run.votesAt(0, 1)[0].response == core::ResponseLevel::EarlyHelp);
}

TEST_CASE("a workshop's events read back as written and replay to the same workshop") {
  const auto loaded = test_support::loadBundledPlan("ninety-minutes");
  auto run = test_support::startRun(loaded);
  test_support::playWholeWorkshop(run);
  REQUIRE(run.finished());
  for (const auto& line : run.log()) {
    INFO(line);
    const auto event = parseWorkshopEvent(line);
    REQUIRE(event.ok());
    CHECK(formatWorkshopEvent(event.value()) == line);
  }
  CHECK(run.log()[0] == "participant t1 \"Table 1\"");
  const auto replayed = WorkshopRun::replay(loaded.plan, loaded.cases, run.log());
  REQUIRE(replayed.ok());
  CHECK(replayed.value().finished());
  // Back from the end shows the last step again (the outcome), and the reveal stays made.
  auto again = replayed.value();
  REQUIRE(again.apply(PreviousStep{}));
  CHECK_FALSE(again.finished());
  CHECK(again.stepIndex() == static_cast<int>(again.steps().size()) - 1);
  CHECK(again.step().reveal == core::RevealKind::Outcome);
  REQUIRE(again.apply(PreviousStep{}));
  CHECK(again.revealed(2, 2, core::RevealKind::Outcome));
  CHECK(replayed.value().log() == run.log());
  CHECK(replayed.value().votesAt(1, 3) == run.votesAt(1, 3));
  CHECK(replayed.value().attempt(2).state() == run.attempt(2).state());
  // Lines that do not parse, or no longer apply, are refused with where and why.
  CHECK(parseWorkshopEvent("vote t1 s18").error().message ==
        "column 9: expected a response level (nfa|advice|early_help|s17|s47|immediate), found "
        "'s18'");
  CHECK(parseWorkshopEvent("vote t1 s17 confidence=high").error().message ==
        "column 13: expected a whole number for confidence, found 'high'");
  CHECK(parseWorkshopEvent("jump 4").error().message ==
        "column 1: expected participant, act, vote, lock, next or back, found 'jump'");
  const auto late = WorkshopRun::replay(loaded.plan, loaded.cases, {"vote t1 s17"});
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().message ==
        "workshop event 1 (vote t1 s17) no longer applies: No vote is open at this step.");
}

TEST_CASE("random event lines are read or refused with a reason, never a crash") {
  const auto loaded = test_support::loadBundledPlan("ninety-minutes");
  auto run = test_support::startRun(loaded);
  std::mt19937 draw(4122026);
  const std::array<std::string, 8> words{"vote", "lock", "act", "participant",
                                         "next", "back", "t1",  "s17"};
  int refused = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string line;
    const int parts = 1 + static_cast<int>(draw() % 6U);
    for (int w = 0; w < parts; ++w) {
      if (draw() % 3U == 0U) {
        line += static_cast<char>(draw() % 256U); // any byte, control characters included
      } else {
        line += words.at(draw() % words.size());
      }
      line += draw() % 4U == 0U ? "=\"x\" " : " ";
    }
    const auto event = parseWorkshopEvent(line);
    if (!event) {
      CHECK_FALSE(event.error().message.empty());
      ++refused;
      continue;
    }
    const auto applied = run.apply(event.value());
    if (!applied) {
      CHECK_FALSE(applied.error().message.empty());
    }
  }
  CHECK(refused > 100);
  // Whatever was applied replays to the same workshop.
  const auto replayed = WorkshopRun::replay(loaded.plan, loaded.cases, run.log());
  REQUIRE(replayed.ok());
  CHECK(replayed.value().stepIndex() == run.stepIndex());
}
