// The results store on real SQLite files: practitioners, attempts, durable events,
// decisions, the decisions table export, erasure, migration from schema 1, and where the
// database lives by default.
#include "sim/storage/results_store.hpp"
#include "tests/support/store_fixtures.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

namespace fs = std::filesystem;
using namespace sim::storage;

namespace {

fs::path freshDir(const std::string& name) {
  return test_support::uniqueTempFolder("store-" + name);
}

std::unique_ptr<ResultsStore> openStore(const fs::path& path) {
  auto store = ResultsStore::open(path);
  if (!store) {
    FAIL(store.error().message);
  }
  return std::move(store).value();
}

std::int64_t recordedAttempt(ResultsStore& store, const std::string& who) {
  REQUIRE(store.savePractitioner({who, "Sam", "north", "2026-A"}).ok());
  AttemptRow attempt;
  attempt.practitioner = who;
  attempt.scenarioId = "mark-on-the-cheek";
  attempt.scenarioHash = "blake2b-256:00";
  attempt.startedAt = "2026-11-25T10:00:00Z";
  const auto id = store.startAttempt(attempt);
  REQUIRE(id.ok());
  return id.value();
}

} // namespace

TEST_CASE("events are stored in order and read back") {
  const auto dir = freshDir("events");
  auto store = openStore(dir / "results.sqlite");
  const auto attempt = recordedAttempt(*store, "p1");
  for (int seq = 1; seq <= 3; ++seq) {
    REQUIRE(store->appendEvent(attempt, seq, std::to_string(seq) + " 0/13:20 read_contact").ok());
  }
  // A second event with the same number is refused and the first is kept.
  CHECK_FALSE(store->appendEvent(attempt, 2, "2 0/13:20 check_records").ok());
  const auto events = store->events(attempt);
  REQUIRE(events.ok());
  CHECK(events.value() == std::vector<std::string>{"1 0/13:20 read_contact",
                                                   "2 0/13:20 read_contact",
                                                   "3 0/13:20 read_contact"});
  fs::remove_all(dir);
}

TEST_CASE("unfinished attempts are found for resuming") {
  const auto dir = freshDir("resume");
  auto store = openStore(dir / "results.sqlite");
  const auto first = recordedAttempt(*store, "p1");
  const auto second = recordedAttempt(*store, "p1");
  REQUIRE(
      store->finishAttempt(first, sim::core::AttemptStatus::Finished, "2026-11-25T11:00:00Z").ok());
  const auto open = store->attempts("p1", true);
  REQUIRE(open.ok());
  REQUIRE(open.value().size() == 1);
  CHECK(open.value()[0].id == second);
  const auto all = store->attempts("p1", false);
  REQUIRE(all.ok());
  CHECK(all.value().size() == 2);
  CHECK(all.value()[0].status == sim::core::AttemptStatus::Finished);
  CHECK(all.value()[0].finishedAt == "2026-11-25T11:00:00Z");
  fs::remove_all(dir);
}

TEST_CASE("every decision is read back with its attempt and practitioner") {
  const auto dir = freshDir("csv");
  auto store = openStore(dir / "results.sqlite");
  const auto attempt = recordedAttempt(*store, "p1");
  REQUIRE(store->recordDecision(test_support::sampleDecision(attempt)).ok());
  const auto all = store->decisions(std::nullopt);
  REQUIRE(all.ok());
  REQUIRE(all.value().size() == 1);
  const auto& stored = all.value()[0];
  CHECK(stored.practitioner == "p1");
  CHECK(stored.team == "north");
  CHECK(stored.cohort == "2026-A");
  CHECK(stored.scenarioId == "mark-on-the-cheek");
  CHECK(stored.startedAt == "2026-11-25T10:00:00Z");
  CHECK(stored.decision.attempt == attempt);
  CHECK(stored.decision.response == "s47");
  CHECK(stored.decision.needLevel == 4);
  CHECK(stored.decision.pHarm == Approx(0.55));
  CHECK_FALSE(stored.decision.pRereferral.has_value());
  CHECK(stored.decision.checks == 5);
  CHECK(stored.decision.recordsChecked);
  CHECK_FALSE(stored.decision.childSeen);
  CHECK(store->decisions(std::string("p2")).value().empty());
  fs::remove_all(dir);
}

TEST_CASE("erasure removes everything about one practitioner and says what") {
  const auto dir = freshDir("erase");
  auto store = openStore(dir / "results.sqlite");
  const auto mine = recordedAttempt(*store, "p1");
  const auto theirs = recordedAttempt(*store, "p2");
  REQUIRE(store->appendEvent(mine, 1, "1 0/13:20 read_contact").ok());
  REQUIRE(store->appendEvent(mine, 2, "2 0/13:20 check_records").ok());
  REQUIRE(store->appendEvent(theirs, 1, "1 0/13:20 read_contact").ok());
  DecisionRow d;
  d.attempt = mine;
  d.decidedAt = "0/14:00";
  d.response = "s17";
  REQUIRE(store->recordDecision(d).ok());
  const auto removed = store->erase("p1");
  REQUIRE(removed.ok());
  CHECK(removed.value().practitioners == 1);
  CHECK(removed.value().attempts == 1);
  CHECK(removed.value().events == 2);
  CHECK(removed.value().decisions == 1);
  CHECK_FALSE(store->practitioner("p1").value().has_value());
  CHECK(store->events(mine).value().empty());
  CHECK(store->events(theirs).value().size() == 1); // others untouched
  fs::remove_all(dir);
}

TEST_CASE("a schema 1 database is upgraded with its data kept") {
  const auto dir = freshDir("migrate");
  const auto path = dir / "results.sqlite";
  {
    // Schema 1 exactly as the first release wrote it.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
    const char* v1 = R"sql(
      CREATE TABLE practitioners (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, team TEXT,
        cohort TEXT, created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
      CREATE TABLE attempts (id INTEGER PRIMARY KEY, practitioner TEXT NOT NULL
        REFERENCES practitioners(id), scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL,
        mode TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT);
      CREATE TABLE events (attempt INTEGER NOT NULL REFERENCES attempts(id), seq INTEGER NOT NULL,
        payload TEXT NOT NULL, PRIMARY KEY (attempt, seq));
      INSERT INTO practitioners (id, display_name) VALUES ('p1', 'Sam');
      INSERT INTO attempts VALUES (1, 'p1', 'x', 'h', 'practice', 'in_progress', 't', NULL);
      INSERT INTO events VALUES (1, 1, '1 0/09:00 read_contact');
      PRAGMA user_version = 1;
    )sql";
    REQUIRE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = openStore(path);
  CHECK(store->events(1).value() == std::vector<std::string>{"1 0/09:00 read_contact"});
  const auto attempt = store->attempt(1).value();
  REQUIRE(attempt.has_value());
  CHECK(attempt->rules == 1);
  CHECK(attempt->uid.size() == 32); // given one by migration 3
  DecisionRow d;
  d.attempt = 1;
  d.decidedAt = "0/10:00";
  d.response = "advice";
  CHECK(store->recordDecision(d).ok()); // the new table exists
  fs::remove_all(dir);
}

TEST_CASE("the database lives where the flag then the environment say") {
  const auto dir = freshDir("where");
  std::map<std::string, std::string> env;
  const auto lookup = [&env](const char* name) -> std::optional<std::string> {
    const auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  CHECK_FALSE(resolveDatabasePath("", lookup).ok()); // nothing to go on
  env["HOME"] = (dir / "home").string();
  CHECK(resolveDatabasePath("", lookup).value() ==
        dir / "home" / ".local" / "share" / "frontdoor" / "results.sqlite");
  const auto folder = dir / "home" / ".local" / "share" / "frontdoor";
  CHECK((fs::status(folder).permissions() & fs::perms::all) == fs::perms::owner_all);
  env["XDG_DATA_HOME"] = (dir / "xdg").string();
  CHECK(resolveDatabasePath("", lookup).value() == dir / "xdg" / "frontdoor" / "results.sqlite");
  env["FRONTDOOR_DB"] = (dir / "env.sqlite").string();
  CHECK(resolveDatabasePath("", lookup).value() == dir / "env.sqlite");
  CHECK(resolveDatabasePath((dir / "flag.sqlite").string(), lookup).value() == dir / "flag.sqlite");
  fs::remove_all(dir);
}

TEST_CASE("a schema 2 database is upgraded and its attempts get unique ids") {
  const auto dir = freshDir("migrate2");
  const auto path = dir / "results.sqlite";
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
    // Schema 2 as released: schema 1 plus migration 2.
    const char* v2 = R"sql(
      CREATE TABLE practitioners (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, team TEXT,
        cohort TEXT, created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
      CREATE TABLE attempts (id INTEGER PRIMARY KEY, practitioner TEXT NOT NULL
        REFERENCES practitioners(id), scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL,
        mode TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT);
      CREATE TABLE events (attempt INTEGER NOT NULL REFERENCES attempts(id), seq INTEGER NOT NULL,
        payload TEXT NOT NULL, PRIMARY KEY (attempt, seq));
      ALTER TABLE attempts ADD COLUMN rules INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX attempts_by_practitioner ON attempts(practitioner);
      CREATE TABLE decisions (attempt INTEGER NOT NULL REFERENCES attempts(id),
        decision_point INTEGER NOT NULL, decided_at TEXT NOT NULL, response TEXT NOT NULL,
        need_level INTEGER, urgency TEXT, p_harm REAL, p_rereferral REAL, confidence REAL,
        score REAL, case_weight REAL, within_deadline INTEGER NOT NULL, checks INTEGER NOT NULL,
        records_checked INTEGER NOT NULL, child_seen INTEGER NOT NULL,
        PRIMARY KEY (attempt, decision_point));
      INSERT INTO practitioners (id, display_name) VALUES ('p1', 'Sam');
      INSERT INTO attempts VALUES (1, 'p1', 'x', 'h', 'practice', 'finished', 't', 't', 1);
      INSERT INTO attempts VALUES (2, 'p1', 'y', 'h', 'practice', 'finished', 't', 't', 1);
      INSERT INTO decisions VALUES (1, 0, '0/10:00', 's17', 3, 'routine', 0.2, NULL, NULL,
        80.5, 0.9, 1, 2, 1, 0);
      PRAGMA user_version = 2;
    )sql";
    REQUIRE(sqlite3_exec(db, v2, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = openStore(path);
  const auto first = store->attempt(1).value();
  const auto second = store->attempt(2).value();
  REQUIRE(first.has_value());
  REQUIRE(second.has_value());
  CHECK(first->uid.size() == 32);
  CHECK(first->uid != second->uid);
  const auto decisions = store->decisionsOf(1).value();
  REQUIRE(decisions.size() == 1);
  CHECK(decisions[0].score == 80.5);
  fs::remove_all(dir);
}

TEST_CASE("a reader never sees a half-written attempt") {
  const auto dir = freshDir("readers");
  const auto path = dir / "results.sqlite";
  auto reader = openStore(path);
  const auto attempt = recordedAttempt(*reader, "p1");
  // A writer in another connection (as another process would be) is half-way through
  // importing an attempt's events in one transaction.
  sqlite3* writer = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &writer) == SQLITE_OK);
  REQUIRE(sqlite3_exec(writer, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const std::string insert = "INSERT INTO events (attempt, seq, payload) VALUES (" +
                             std::to_string(attempt) + ", 1, 'one'), (" + std::to_string(attempt) +
                             ", 2, 'two')";
  REQUIRE(sqlite3_exec(writer, insert.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(reader->events(attempt).value().empty()); // nothing until the commit
  REQUIRE(sqlite3_exec(writer, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(reader->events(attempt).value() == std::vector<std::string>{"one", "two"});
  sqlite3_close(writer);
  fs::remove_all(dir);
}

TEST_CASE("a batch of events is added whole or not at all") {
  const auto dir = freshDir("batch");
  auto store = openStore(dir / "results.sqlite");
  const auto attempt = recordedAttempt(*store, "p1");
  REQUIRE(store->appendEvent(attempt, 2, "already here").ok());
  // Seq 1 would go in, seq 2 collides: the whole batch is rolled back.
  CHECK_FALSE(store->appendEvents(attempt, 1, {"one", "two", "three"}).ok());
  CHECK(store->events(attempt).value() == std::vector<std::string>{"already here"});
  // An imported attempt arrives with its events and decisions together.
  AttemptRow row;
  row.practitioner = "p1";
  row.scenarioId = "x";
  row.scenarioHash = "h";
  row.startedAt = "t";
  row.uid = "from-elsewhere";
  DecisionRow decision;
  decision.decidedAt = "0/10:00";
  decision.response = "advice";
  const auto id = store->importAttempt(row, {"1 0/09:00 read_contact"}, {decision});
  REQUIRE(id.ok());
  CHECK(store->events(id.value()).value().size() == 1);
  CHECK(store->decisionsOf(id.value()).value().size() == 1);
  // The same uid again is refused and adds nothing.
  CHECK_FALSE(store->importAttempt(row, {"1 0/09:00 read_contact"}, {decision}).ok());
  CHECK(store->allAttempts(std::nullopt).value().size() == 2);
  fs::remove_all(dir);
}

namespace {

// Whether `needle` occurs anywhere in the raw bytes of the file (absent files hold nothing).
bool fileHolds(const fs::path& file, const std::string& needle) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return bytes.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("after erasure no byte of the person is left in the database, -wal or -shm, with "
          "another connection open") {
  const test_support::TempFolder dir("erase-bytes");
  const auto path = dir.path() / "results.sqlite";
  auto store = openStore(path);
  // What is erased: a pseudonymous id, a name, a team and notes no one else shares.
  REQUIRE(
      store->savePractitioner({"zq-erasable-7", "Quillon Erasmore", "team-zebra-erase", ""}).ok());
  REQUIRE(store->savePractitioner({"kept-1", "Kept Person", "north", ""}).ok());
  for (const auto& who : {std::string("zq-erasable-7"), std::string("kept-1")}) {
    AttemptRow attempt;
    attempt.practitioner = who;
    attempt.scenarioId = "mark-on-the-cheek";
    attempt.scenarioHash = "blake2b-256:00";
    attempt.startedAt = "2026-11-25T10:00:00Z";
    const auto id = store->startAttempt(attempt);
    REQUIRE(id.ok());
    for (int seq = 1; seq <= 40; ++seq) {
      const std::string note = who == "kept-1" ? "kept note" : "Xylophonic private notes";
      REQUIRE(
          store->appendEvent(id.value(), seq, std::to_string(seq) + " 0/13:20 note " + note).ok());
    }
    REQUIRE(store->recordDecision(test_support::sampleDecision(id.value())).ok());
  }
  // The app's connection: open, having read, idle (as the app is between frames).
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "SELECT count(*) FROM events", nullptr, nullptr, nullptr) ==
          SQLITE_OK);

  const std::vector<std::string> traces{"zq-erasable-7", "Quillon Erasmore", "team-zebra-erase",
                                        "Xylophonic"};
  const std::vector<fs::path> files{path, fs::path(path.string() + "-wal"),
                                    fs::path(path.string() + "-shm")};
  bool heldBefore = false;
  for (const auto& f : files) {
    heldBefore = heldBefore || fileHolds(f, "Xylophonic");
  }
  REQUIRE(heldBefore); // the search can find what it looks for

  const auto removed = store->erase("zq-erasable-7");
  REQUIRE(removed.ok());
  CHECK(removed.value().logCleared);
  for (const auto& f : files) {
    for (const auto& trace : traces) {
      INFO(f.filename().string() << " holds " << trace);
      CHECK_FALSE(fileHolds(f, trace));
    }
  }
  CHECK(fileHolds(path, "Kept Person")); // everyone else is still there
  sqlite3_close(other);
}

TEST_CASE("the results database and its -wal and -shm are readable by their owner only") {
  const test_support::TempFolder dir("perms");
  const auto path = dir.path() / "results.sqlite";
  {
    auto store = openStore(path);
    REQUIRE(store->savePractitioner({"p1", "Sam", "north", ""}).ok());
    for (const auto& f :
         {path, fs::path(path.string() + "-wal"), fs::path(path.string() + "-shm")}) {
      INFO(f.string());
      REQUIRE(fs::exists(f));
      CHECK((fs::status(f).permissions() & fs::perms::all) ==
            (fs::perms::owner_read | fs::perms::owner_write));
    }
  }
  // A database left world-readable by an older version is narrowed when it is opened.
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                            fs::perms::others_read);
  auto store = openStore(path);
  CHECK((fs::status(path).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("the default results folder is made private even when it already exists") {
  const test_support::TempFolder dir("folder-perms");
  const auto folder = dir.path() / "frontdoor";
  fs::create_directories(folder);
  fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  const std::map<std::string, std::string> env{{"XDG_DATA_HOME", dir.path().string()}};
  const auto path = resolveDatabasePath("", [&env](const char* name) {
    const auto found = env.find(name);
    return found == env.end() ? std::nullopt : std::optional<std::string>(found->second);
  });
  REQUIRE(path.ok());
  CHECK((fs::status(folder).permissions() & fs::perms::all) == fs::perms::owner_all);
}

TEST_CASE("two processes opening a new database at once both record their attempt, 20 times") {
  const test_support::TempFolder dir("first-writers");
  for (int round = 0; round < 20; ++round) {
    const auto path = dir.path() / ("round-" + std::to_string(round) + ".sqlite");
    std::array<pid_t, 2> children{};
    for (std::size_t i = 0; i < children.size(); ++i) {
      children[i] = ::fork();
      REQUIRE(children[i] >= 0);
      if (children[i] == 0) {
        // The child says why it failed (on the test's stderr) and exits 1.
        const auto fail = [](const std::string& why) {
          std::fprintf(stderr, "first writer: %s\n", why.c_str());
          ::_exit(1);
        };
        auto store = ResultsStore::open(path);
        if (!store) {
          fail(store.error().message);
        }
        const std::string who = "p" + std::to_string(i);
        if (auto saved = store.value()->savePractitioner({who, who, "", ""}); !saved) {
          fail(saved.error().message);
        }
        AttemptRow attempt;
        attempt.practitioner = who;
        attempt.scenarioId = "mark-on-the-cheek";
        attempt.scenarioHash = "blake2b-256:00";
        attempt.startedAt = "2026-11-25T10:00:00Z";
        if (auto started = store.value()->startAttempt(attempt); !started) {
          fail(started.error().message);
        }
        ::_exit(0);
      }
    }
    for (const auto child : children) {
      int status = 0;
      REQUIRE(::waitpid(child, &status, 0) == child);
      INFO("round " << round);
      CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    auto store = openStore(path);
    CHECK(store->allAttempts(std::nullopt).value().size() == 2);
  }
}
