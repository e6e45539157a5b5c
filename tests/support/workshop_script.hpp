// Test support for workshops: load the bundled cases and a bundled plan, start a run, carry
// out what the room asks for until a pause is reached, and play a whole workshop with six
// tables (first votes, revotes where two tables move up a level, the room's decision
// locked) to get its event lines — the script the crash writer and the CLI read.
#pragma once

#include "sim/scenario/plan_loader.hpp"
#include "sim/workshop/workshop_run.hpp"
#include "tests/support/engine_fixtures.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace test_support {

struct LoadedPlan {
  sim::core::ScenarioIndex index;
  sim::core::WorkshopPlan plan;
  std::vector<std::shared_ptr<const sim::core::Scenario>> cases; // in the plan's order
};

inline LoadedPlan loadBundledPlan(const std::string& name) {
  LoadedPlan out;
  for (const auto& scenario : sim::test::bundledScenarios()) {
    out.index.emplace(scenario->meta.id, scenario);
  }
  const auto path =
      std::filesystem::path(SIM_SOURCE_DIR) / "scenarios" / "workshops" / (name + ".workshop.toml");
  auto plan = sim::scenario::loadPlanFile(path, &out.index);
  REQUIRE(plan.ok());
  out.plan = *plan.plan;
  for (const auto& c : out.plan.cases) {
    out.cases.push_back(out.index.at(c.scenario));
  }
  return out;
}

inline sim::workshop::WorkshopRun startRun(const LoadedPlan& loaded) {
  auto run = sim::workshop::WorkshopRun::start(loaded.plan, loaded.cases);
  REQUIRE(run.ok());
  return std::move(run).value();
}

inline void mustApply(sim::workshop::WorkshopRun& run, sim::workshop::WorkshopEvent event) {
  const auto applied = run.apply(event);
  INFO(sim::workshop::formatWorkshopEvent(event));
  if (!applied) {
    INFO(applied.error().message);
  }
  REQUIRE(applied.ok());
}

/// Carry out what the room asks for until the current pause is reached.
inline void reachPause(sim::workshop::WorkshopRun& run) {
  using namespace sim;
  const auto& room = run.currentAttempt();
  const auto& p = run.pause();
  if (!room.state().contactRead) {
    mustApply(run, workshop::RoomAct{engine::ReadContact{}});
  }
  if (p.at == core::PauseAt::Records && !room.state().recordsChecked) {
    mustApply(run, workshop::RoomAct{engine::CheckRecords{}});
  }
  if (p.at == core::PauseAt::Enquiry && room.scenario().findCheck(p.target) != nullptr) {
    mustApply(run, workshop::RoomAct{engine::RequestCheck{p.target}});
    while (!run.notReachedYet().empty()) {
      mustApply(run, workshop::RoomAct{engine::WaitForReply{}});
    }
  }
  INFO(run.notReachedYet());
  REQUIRE(run.notReachedYet().empty());
}

inline const std::array<sim::core::ResponseLevel, 6> kTableVotes{
    sim::core::ResponseLevel::Advice, sim::core::ResponseLevel::EarlyHelp,
    sim::core::ResponseLevel::S17,    sim::core::ResponseLevel::S17,
    sim::core::ResponseLevel::S47,    sim::core::ResponseLevel::EarlyHelp};

/// The vote of table `t` (0-based) in a round: two tables move up a level on the revote.
inline sim::workshop::RoomVote tableVote(int t, bool revote) {
  sim::workshop::RoomVote v;
  v.participant = "t" + std::to_string(t + 1);
  const int level =
      sim::core::ordinal(kTableVotes.at(static_cast<std::size_t>(t))) + (revote && t < 2 ? 1 : 0);
  v.response = static_cast<sim::core::ResponseLevel>(level);
  v.confidence = 1 + t % 5;
  v.pHarm = 10 * (t + 1);
  v.reason = "Table " + std::to_string(t + 1) + "'s reason";
  return v;
}

/// Play `run` to its end with six tables; its log is the workshop's script.
inline void playWholeWorkshop(sim::workshop::WorkshopRun& run) {
  using namespace sim;
  for (int t = 1; t <= 6; ++t) {
    mustApply(run, workshop::Join{{"t" + std::to_string(t), "Table " + std::to_string(t)}});
  }
  while (!run.finished()) {
    const auto step = run.step();
    if (step.kind != workshop::StepKind::Reveal) {
      reachPause(run);
    }
    if (step.kind == workshop::StepKind::Vote || step.kind == workshop::StepKind::Revote) {
      for (int t = 0; t < 6; ++t) {
        mustApply(run, workshop::CastVote{tableVote(t, step.kind == workshop::StepKind::Revote)});
      }
    }
    if (step.kind == workshop::StepKind::Lock) {
      mustApply(run, workshop::LockDecision{engine::Decide{core::ResponseLevel::S17,
                                                           core::NeedLevel::Complex,
                                                           core::Urgency::OneWorkingDay,
                                                           {}}});
    }
    mustApply(run, workshop::NextStep{});
  }
}

} // namespace test_support
