// Crash safety of the results store: a child process records an attempt event by event
// and is killed with SIGKILL at chosen moments (fixed seeds). After each kill the database
// passes SQLite's integrity check, holds every event the child reported as stored, and the
// attempt resumes: its log replays against the scenario and takes the next action.
#include "sim/engine/attempt.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/storage/results_store.hpp"
#include "tests/support/engine_fixtures.hpp"
#include "tests/support/temp_folder.hpp"

#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <random>

namespace fs = std::filesystem;

extern char** environ;

namespace {

constexpr int kRuns = 20;
const char* const kScenario = "scenarios/mark-on-the-cheek.toml";

struct Killed {
  std::int64_t attempt = 0;
  int stored = 0; // events the child said were stored before it was killed
};

// Start the writer, read its output until it has stored `events` events, then SIGKILL it.
Killed runAndKill(const fs::path& database, int events) {
  int pipeFds[2];
  REQUIRE(pipe(pipeFds) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
  const std::string scenario = std::string(SIM_SOURCE_DIR) + "/" + kScenario;
  const std::string db = database.string();
  std::vector<std::string> args{SIM_CRASH_WRITER, db, scenario, "crash"};
  std::vector<char*> argv;
  for (auto& arg : args) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, SIM_CRASH_WRITER, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(pipeFds[1]);
  FILE* out = fdopen(pipeFds[0], "r");
  REQUIRE(out != nullptr);
  Killed killed;
  char line[128];
  while (killed.stored < events && std::fgets(line, sizeof line, out) != nullptr) {
    long long value = 0;
    int seq = 0;
    if (std::sscanf(line, "attempt %lld", &value) == 1) {
      killed.attempt = value;
    } else if (std::sscanf(line, "stored %d", &seq) == 1) {
      killed.stored = seq;
    }
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  std::fclose(out);
  return killed;
}

std::string integrityCheck(const fs::path& database) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(database.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
          SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string result;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
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
    CHECK(integrityCheck(database) == "ok");

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
