// Crash safety of the results store: a child process records an attempt event by event
// and is killed with SIGKILL at chosen moments (fixed seeds). After each kill the database
// passes SQLite's integrity check, holds every event the child reported as stored, and the
// attempt resumes: its log replays against the scenario and takes the next action.
#include "sim/engine/attempt.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/storage/results_store.hpp"
#include "tests/support/engine_fixtures.hpp"
#include "tests/support/killed_child.hpp"
#include "tests/support/temp_folder.hpp"

#include <cstdio>
#include <filesystem>
#include <random>

namespace fs = std::filesystem;

namespace {

constexpr int kRuns = 20;
const char* const kScenario = "scenarios/mark-on-the-cheek.toml";

struct Killed {
  std::int64_t attempt = 0;
  int stored = 0; // events the child said were stored before it was killed
};

// Start the writer, read its output until it has stored `events` events, then SIGKILL it.
Killed runAndKill(const fs::path& database, int events) {
  Killed killed;
  const std::string scenario = std::string(SIM_SOURCE_DIR) + "/" + kScenario;
  test_support::runUntilKilled({SIM_CRASH_WRITER, database.string(), scenario, "crash"},
                               [&](const std::string& line) {
                                 long long value = 0;
                                 int seq = 0;
                                 if (std::sscanf(line.c_str(), "attempt %lld", &value) == 1) {
                                   killed.attempt = value;
                                 } else if (std::sscanf(line.c_str(), "stored %d", &seq) == 1) {
                                   killed.stored = seq;
                                 }
                                 return killed.stored < events;
                               });
  return killed;
}

} // namespace

TEST_CASE("events survive SIGKILL at any moment and the attempt resumes") {
  const auto dir = test_support::uniqueTempFolder("crash");
  const auto scenario = sim::test::loadScenario(kScenario);
  std::mt19937 draw(20261126);
  int totalStored = 0;
  for (int run = 0; run < kRuns; ++run) {
    const auto database = dir / ("run-" + std::to_string(run) + ".sqlite");
    const int events = 1 + static_cast<int>(draw() % 60U);
    const auto killed = runAndKill(database, events);
    INFO("run " << run << ": killed after " << killed.stored << " stored events");
    REQUIRE(killed.stored == events);
    totalStored += killed.stored;
    CHECK(test_support::integrityCheck(database) == "ok");

    auto store = sim::storage::ResultsStore::open(database);
    REQUIRE(store.ok());
    const auto lines = store.value()->events(killed.attempt);
    REQUIRE(lines.ok());
    CHECK(static_cast<int>(lines.value().size()) >= killed.stored);
    sim::engine::EventLog log{
        scenario->meta.id, scenario->contentHash, sim::engine::kEngineRules, {}};
    for (const auto& line : lines.value()) {
      const auto event = sim::engine::parseEvent(line);
      REQUIRE(event.ok());
      log.events.push_back(event.value());
    }
    auto resumed = sim::engine::Attempt::replay(scenario, log);
    REQUIRE(resumed.ok());
    const auto next = resumed.value().apply(sim::engine::CheckRecords{});
    REQUIRE(next.ok());
    CHECK(
        store.value()
            ->appendEvent(killed.attempt, next.value().seq, sim::engine::formatEvent(next.value()))
            .ok());
  }
  CHECK(totalStored > kRuns);
  fs::remove_all(dir);
}
