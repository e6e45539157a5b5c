// Crash safety of a workshop: a child process runs the 90-minute plan from a script (six
// tables, 48 votes), storing each event before it acknowledges it, and is killed with
// SIGKILL after a seeded number of acknowledged votes (20 seeds). After each kill the
// database passes SQLite's integrity check, holds every acknowledged event in order, and
// the workshop replays to the same step with every vote intact and takes the next event.
#include "sim/storage/results_store.hpp"
#include "tests/support/killed_child.hpp"
#include "tests/support/temp_folder.hpp"
#include "tests/support/workshop_script.hpp"

#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace sim;

namespace {

constexpr int kRuns = 20;

struct Acked {
  long long workshop = 0;
  int events = 0; // events acknowledged (stored) before the kill
  int votes = 0;  // of those, votes
  int step = 0;   // the run's step after the last acknowledged event
};

} // namespace

TEST_CASE("every acknowledged vote survives SIGKILL and the workshop resumes at the same step") {
  const auto loaded = test_support::loadBundledPlan("ninety-minutes");
  auto full = test_support::startRun(loaded);
  test_support::playWholeWorkshop(full);
  const auto& script = full.log();
  const int totalVotes = static_cast<int>(std::count_if(
      script.begin(), script.end(), [](const std::string& l) { return l.rfind("vote ", 0) == 0; }));
  REQUIRE(totalVotes == 48); // four decision points, six tables, two rounds
  const auto dir = test_support::uniqueTempFolder("workshop-crash");
  const auto scriptFile = dir / "workshop.script";
  {
    std::ofstream out(scriptFile);
    for (const auto& line : script) {
      out << line << "\n";
    }
  }
  const auto plan =
      fs::path(SIM_SOURCE_DIR) / "scenarios" / "workshops" / "ninety-minutes.workshop.toml";
  std::mt19937 draw(20261204);
  for (int run = 0; run < kRuns; ++run) {
    const auto database = dir / ("run-" + std::to_string(run) + ".sqlite");
    const int votes = 1 + static_cast<int>(draw() % static_cast<unsigned>(totalVotes));
    Acked acked;
    test_support::runUntilKilled(
        {SIM_WORKSHOP_CRASH_WRITER, database.string(), plan.string(), scriptFile.string()},
        [&](const std::string& line) {
          int seq = 0;
          int step = 0;
          char kind[16] = {};
          if (std::sscanf(line.c_str(), "workshop %lld", &acked.workshop) == 1) {
            return true;
          }
          if (std::sscanf(line.c_str(), "stored %d %d %15s", &seq, &step, kind) == 3) {
            acked.events = seq;
            acked.step = step;
            acked.votes += std::string(kind) == "vote" ? 1 : 0;
          }
          return acked.votes < votes;
        });
    INFO("run " << run << ": killed after " << acked.votes << " acknowledged votes, "
                << acked.events << " events");
    REQUIRE(acked.votes == votes);
    CHECK(test_support::integrityCheck(database) == "ok");

    auto store = storage::ResultsStore::open(database);
    REQUIRE(store.ok());
    const auto unfinished = store.value()->unfinishedWorkshops();
    REQUIRE(unfinished.ok());
    REQUIRE(unfinished.value().size() == 1);
    CHECK(unfinished.value()[0].planId == "ninety-minutes");
    REQUIRE(unfinished.value()[0].cases.size() == 3);
    const auto lines = store.value()->workshopEvents(acked.workshop);
    REQUIRE(lines.ok());
    REQUIRE(static_cast<int>(lines.value().size()) >= acked.events);
    for (int i = 0; i < acked.events; ++i) {
      CHECK(lines.value()[static_cast<std::size_t>(i)] == script[static_cast<std::size_t>(i)]);
    }
    auto resumed = workshop::WorkshopRun::replay(loaded.plan, loaded.cases, lines.value());
    REQUIRE(resumed.ok());
    if (static_cast<int>(lines.value().size()) == acked.events) {
      CHECK(resumed.value().stepIndex() == acked.step);
    }
    int replayedVotes = 0;
    for (int c = 0; c < 3; ++c) {
      for (std::size_t p = 0; p < loaded.plan.cases[static_cast<std::size_t>(c)].pauses.size();
           ++p) {
        replayedVotes += static_cast<int>(resumed.value().votesAt(c, static_cast<int>(p)).size());
      }
    }
    CHECK(replayedVotes >= acked.votes);
    // The workshop goes on from where it stopped: the script's next event applies.
    const auto next = lines.value().size();
    REQUIRE(next < script.size());
    const auto event = workshop::parseWorkshopEvent(script[next]);
    REQUIRE(event.ok());
    const auto applied = resumed.value().apply(event.value());
    REQUIRE(applied.ok());
    CHECK(store.value()
              ->appendWorkshopEvent(acked.workshop, static_cast<int>(next) + 1, applied.value())
              .ok());
  }
  fs::remove_all(dir);
}
