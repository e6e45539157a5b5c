// Helper for the workshop crash test: runs a workshop from a script of workshop events
// (sim/workshop/workshop_event.hpp), storing each event in a results database before it
// prints "stored SEQ STEP vote" (or "... other") for it, until it is killed. The test kills
// it with SIGKILL at chosen moments and then checks the database and resumes the workshop.
// Usage: frontdoor-workshop-crash-writer DATABASE PLAN SCRIPT
#include "sim/scenario/loader.hpp"
#include "sim/scenario/plan_loader.hpp"
#include "sim/scenario/scenario_files.hpp"
#include "sim/storage/results_store.hpp"
#include "sim/workshop/workshop_run.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: frontdoor-workshop-crash-writer DATABASE PLAN SCRIPT\n");
    return 2;
  }
  const std::filesystem::path planPath(argv[2]);
  sim::core::ScenarioIndex index;
  for (const auto& file :
       sim::scenario::collectScenarioFiles({planPath.parent_path().parent_path()}).files) {
    if (auto loaded = sim::scenario::loadScenarioFile(file); loaded.scenario) {
      index.emplace(loaded.scenario->meta.id, loaded.scenario);
    }
  }
  const auto plan = sim::scenario::loadPlanFile(planPath, &index);
  auto store = sim::storage::ResultsStore::open(argv[1]);
  if (!plan.ok() || !store) {
    std::fprintf(stderr, "cannot open the plan or the database\n");
    return 1;
  }
  sim::storage::WorkshopRow row;
  row.planId = plan.plan->id;
  row.title = plan.plan->title;
  row.startedAt = "2026-12-04T09:30:00Z";
  std::vector<std::shared_ptr<const sim::core::Scenario>> cases;
  for (const auto& c : plan.plan->cases) {
    cases.push_back(index.at(c.scenario));
    row.cases.emplace_back(c.scenario, cases.back()->contentHash);
  }
  auto& db = *store.value();
  const auto id = db.startWorkshop(row);
  auto run = sim::workshop::WorkshopRun::start(*plan.plan, cases);
  if (!id || !run) {
    std::fprintf(stderr, "cannot start the workshop\n");
    return 1;
  }
  std::printf("workshop %lld\n", static_cast<long long>(id.value()));
  std::fflush(stdout);
  std::ifstream script(argv[3]);
  std::string line;
  int seq = 0;
  while (std::getline(script, line)) {
    const auto event = sim::workshop::parseWorkshopEvent(line);
    if (!event) {
      std::fprintf(stderr, "%s\n", event.error().message.c_str());
      return 1;
    }
    const auto applied = run.value().apply(event.value());
    if (!applied) {
      std::fprintf(stderr, "%s\n", applied.error().message.c_str());
      return 1;
    }
    if (!db.appendWorkshopEvent(id.value(), ++seq, applied.value())) {
      return 1;
    }
    const bool vote = std::holds_alternative<sim::workshop::CastVote>(event.value());
    std::printf("stored %d %d %s\n", seq, run.value().stepIndex(), vote ? "vote" : "other");
    std::fflush(stdout);
  }
  std::printf("done\n");
  std::fflush(stdout);
  return 0;
}
