// A whole workshop through the core (sim/workshop) on the bundled 90-minute plan: three
// cases, six tables, the room's enquiries on the real engine, first votes, revotes, the
// room's decision locked, then each reveal. At every step before a reveal the projector's
// frame holds nothing of the panel, its reasoning or the outcome, and no tally but
// "N of M answered"; the rules refuse votes out of turn, reveals before the lock, and
// changing votes once revealed.
#include "sim/scenario/plan_loader.hpp"
#include "sim/workshop/audience_frame.hpp"
#include "sim/workshop/room_spread.hpp"
#include "tests/support/engine_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace sim;
using namespace sim::workshop;

namespace {

const std::filesystem::path kSource(SIM_SOURCE_DIR);

struct Loaded {
  core::ScenarioIndex index;
  core::WorkshopPlan plan;
};

Loaded ninetyMinutes() {
  Loaded out;
  for (const auto& scenario : sim::test::bundledScenarios()) {
    out.index.emplace(scenario->meta.id, scenario);
  }
  auto plan = scenario::loadPlanFile(kSource / "scenarios/workshops/ninety-minutes.workshop.toml",
                                     &out.index);
  REQUIRE(plan.ok());
  out.plan = *plan.plan;
  return out;
}

WorkshopRun started(const Loaded& loaded) {
  std::vector<std::shared_ptr<const core::Scenario>> cases;
  for (const auto& c : loaded.plan.cases) {
    cases.push_back(loaded.index.at(c.scenario));
  }
  auto run = WorkshopRun::start(loaded.plan, cases);
  REQUIRE(run.ok());
  return std::move(run).value();
}

// Carry out what the room asks for until the current pause is reached.
void reachPause(WorkshopRun& run) {
  const auto& room = run.currentAttempt();
  const auto& p = run.pause();
  if (!room.state().contactRead) {
    REQUIRE(run.act(engine::ReadContact{}));
  }
  if (p.at == core::PauseAt::Records && !room.state().recordsChecked) {
    REQUIRE(run.act(engine::CheckRecords{}));
  }
  if (p.at == core::PauseAt::Enquiry && room.scenario().findCheck(p.target) != nullptr) {
    REQUIRE(run.act(engine::RequestCheck{p.target}));
    while (!run.notReachedYet().empty()) {
      REQUIRE(run.act(engine::WaitForReply{}));
    }
  }
  INFO(run.notReachedYet());
  REQUIRE(run.notReachedYet().empty());
}

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

const std::array<core::ResponseLevel, 6> kFirst{
    core::ResponseLevel::Advice, core::ResponseLevel::EarlyHelp, core::ResponseLevel::S17,
    core::ResponseLevel::S17,    core::ResponseLevel::S47,       core::ResponseLevel::EarlyHelp};

} // namespace

TEST_CASE("a whole workshop: three cases, six tables, nothing revealed early") {
  const auto loaded = ninetyMinutes();
  auto run = started(loaded);
  for (int t = 1; t <= 6; ++t) {
    REQUIRE(run.addParticipant({"t" + std::to_string(t), "Table " + std::to_string(t)}));
  }
  int reveals = 0;
  int locks = 0;
  while (!run.finished()) {
    const auto step = run.step();
    const auto& scenario = run.currentAttempt().scenario();
    INFO("case " << scenario.meta.id << ", pause " << step.pauseIndex << ", step "
                 << run.stepIndex());
    if (step.kind != StepKind::Reveal) {
      reachPause(run);
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
        RoomVote v;
        v.participant = "t" + std::to_string(t + 1);
        // After discussion two tables move up a level.
        const int level = core::ordinal(kFirst[static_cast<std::size_t>(t)]) +
                          (step.kind == StepKind::Revote && t < 2 ? 1 : 0);
        v.response = static_cast<core::ResponseLevel>(level);
        v.confidence = 1 + t % 5;
        v.pHarm = 10 * (t + 1);
        REQUIRE(run.vote(v));
      }
      const auto during = frameText(audienceFrame(run));
      CHECK(during.find("6 of 6 answered") != std::string::npos);
      // Counts only: the room's choices are not on the projector while voting.
      CHECK(during.find("The room's first votes") == std::string::npos);
      break;
    }
    case StepKind::Lock: {
      // Nothing is revealed before the room's decision is locked.
      CHECK_FALSE(run.next());
      REQUIRE(run.lock(engine::Decide{
          core::ResponseLevel::S17, core::NeedLevel::Complex, core::Urgency::OneWorkingDay, {}}));
      ++locks;
      break;
    }
    case StepKind::Reveal: {
      ++reveals;
      CHECK(run.revealed(step.caseIndex, step.pauseIndex, step.reveal));
      // Votes can no longer change once anything of this pause is revealed.
      RoomVote late;
      late.participant = "t1";
      CHECK_FALSE(run.vote(late));
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
    REQUIRE(run.next());
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
  const auto loaded = ninetyMinutes();
  auto run = started(loaded);
  CHECK_FALSE(run.addParticipant({"t 1", "Table 1"}));           // bad id
  CHECK_FALSE(run.addParticipant({"t1", std::string(41, 'x')})); // name too long
  CHECK_FALSE(run.addParticipant({"t1", "Table\n1"}));           // not one line
  REQUIRE(run.addParticipant({"t1", "Table 1"}));
  CHECK_FALSE(run.addParticipant({"t2", "Table 1"})); // same name
  // The first pause waits for the contact to be read.
  CHECK(run.notReachedYet() == "Read the contact with the room first.");
  CHECK_FALSE(run.next());
  RoomVote v;
  v.participant = "t1";
  CHECK(run.vote(v).error().message == "No vote is open at this step.");
  CHECK(run.act(engine::Decide{}).error().message ==
        "The room's decision is locked at the Lock step, after its vote.");
  REQUIRE(run.act(engine::ReadContact{}));
  REQUIRE(run.next()); // to the first vote
  REQUIRE(run.step().kind == StepKind::Vote);
  CHECK(run.act(engine::CheckRecords{}).error().message ==
        "A vote is open: close it (Next) before the room's next enquiry.");
  v.participant = "t9";
  CHECK_FALSE(run.vote(v));
  v.participant = "t1";
  v.confidence = 6;
  CHECK(run.vote(v).error().message == "Confidence is 1 (a guess) to 5 (certain).");
  v.confidence = 3;
  v.reason = std::string(201, 'a');
  CHECK_FALSE(run.vote(v));
  v.reason = "Mum asked for help herself.";
  REQUIRE(run.vote(v));
  v.response = core::ResponseLevel::EarlyHelp; // a change of mind replaces the vote
  REQUIRE(run.vote(v));
  CHECK(run.answered() == 1);
  REQUIRE(run.votesAt(0, 1).size() == 1);
  CHECK(run.votesAt(0, 1)[0].response == core::ResponseLevel::EarlyHelp);
}
