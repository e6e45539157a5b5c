// SQLite open, pragmas and migrations for the results store.
#include "sim/storage/database.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

namespace sim::storage {

namespace {

// Migration N takes a database from version N to N+1. Never edit a released migration.
constexpr std::array<std::string_view, kSchemaVersion> kMigrations{
    R"sql(
    CREATE TABLE practitioners (
      id           TEXT PRIMARY KEY,      -- pseudonymous id
      display_name TEXT NOT NULL,
      team         TEXT,
      cohort       TEXT,
      created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
    );
    CREATE TABLE attempts (
      id            INTEGER PRIMARY KEY,
      practitioner  TEXT NOT NULL REFERENCES practitioners(id),
      scenario_id   TEXT NOT NULL,
      scenario_hash TEXT NOT NULL,
      mode          TEXT NOT NULL,
      status        TEXT NOT NULL,
      started_at    TEXT NOT NULL,
      finished_at   TEXT
    );
    CREATE TABLE events (
      attempt  INTEGER NOT NULL REFERENCES attempts(id),
      seq      INTEGER NOT NULL,
      payload  TEXT NOT NULL,
            PRIMARY KEY (attempt, seq)
    );
    )sql",
    // Version 2: one row per locked decision (with its score and information habits), the
    // engine rules an attempt was recorded under, and attempts found by practitioner.
    R"sql(
    ALTER TABLE attempts ADD COLUMN rules INTEGER NOT NULL DEFAULT 1;
    CREATE INDEX attempts_by_practitioner ON attempts(practitioner);
    CREATE TABLE decisions (
      attempt         INTEGER NOT NULL REFERENCES attempts(id),
      decision_point  INTEGER NOT NULL,
      decided_at      TEXT NOT NULL,    -- simulated clock, DAY/HH:MM
      response        TEXT NOT NULL,    -- nfa | advice | early_help | s17 | s47 | immediate
      need_level      INTEGER,
      urgency         TEXT,
      p_harm          REAL,             -- 0..1
      p_rereferral    REAL,
      confidence      REAL,
      score           REAL,             -- 0..100
      case_weight     REAL,
      within_deadline INTEGER NOT NULL,
      checks          INTEGER NOT NULL,
      records_checked INTEGER NOT NULL,
      child_seen      INTEGER NOT NULL,
            PRIMARY KEY (attempt, decision_point)
    );
    )sql",
    // Version 3: a unique id per attempt that travels with it to other machines, so that
    // importing the same results twice adds nothing twice.
    R"sql(
    ALTER TABLE attempts ADD COLUMN uid TEXT;
    UPDATE attempts SET uid = lower(hex(randomblob(16)));
    CREATE UNIQUE INDEX attempts_by_uid ON attempts(uid);
    )sql",
    // Version 4: workshops, with the cases a room worked and every facilitator event
    // (participants, the room's enquiries, votes, locks, steps) in order, so a workshop
    // resumes after a crash with every acknowledged vote.
    R"sql(
    CREATE TABLE workshops (
      id          INTEGER PRIMARY KEY,
      uid         TEXT NOT NULL UNIQUE,
      plan_id     TEXT NOT NULL,
      title       TEXT NOT NULL,
      plan_text   TEXT NOT NULL,      -- the plan file as run ('' for a default plan)
      started_at  TEXT NOT NULL,
      finished_at TEXT
    );
    CREATE TABLE workshop_cases (
      workshop      INTEGER NOT NULL REFERENCES workshops(id),
      position      INTEGER NOT NULL,
      scenario_id   TEXT NOT NULL,
      scenario_hash TEXT NOT NULL,
            PRIMARY KEY (workshop, position)
    );
    CREATE TABLE workshop_events (
      workshop INTEGER NOT NULL REFERENCES workshops(id),
      seq      INTEGER NOT NULL,
      payload  TEXT NOT NULL,
            PRIMARY KEY (workshop, seq)
    );
    )sql",
};

std::string lastError(sqlite3* db) { return db != nullptr ? sqlite3_errmsg(db) : "out of memory"; }

int readUserVersion(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  int version = -1;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    version = sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return version;
}

bool exec(sqlite3* db, const std::string& sql, std::string& error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    error = message != nullptr ? message : lastError(db);
    sqlite3_free(message);
    return false;
  }
  return true;
}

// Results are personal data: the database file is made readable by its owner only before
// SQLite first opens it (SQLite gives its -wal and -shm files the database file's mode),
// and a database made by an older Frontdoor with wider permissions is narrowed.
std::optional<std::string> makePrivate(const std::string& where) {
  if (where == ":memory:" || where.empty()) {
    return std::nullopt;
  }
  const int fd = ::open(where.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return std::nullopt;
  }
  if (errno != EEXIST) {
    return where + ": cannot create the results database: " + std::strerror(errno);
  }
  struct stat info {};
  if (::stat(where.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
      (info.st_mode & (S_IRWXG | S_IRWXO)) != 0 && info.st_uid == ::getuid()) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      ::chmod((where + suffix).c_str(), 0600); // a missing -wal or -shm is no matter
    }
  }
  return std::nullopt;
}

// Turns on write-ahead logging. Switching a new database to WAL needs it to itself for a
// moment, and SQLite answers "locked" at once (without its busy handler) when another
// process is opening it too, so the switch is tried again for up to the busy timeout.
bool switchToWal(sqlite3* db, std::string& error) {
  constexpr int kAttempts = 1000;
  constexpr int kPauseMs = 5; // 1000 × 5 ms: the 5 s busy timeout
  for (int attempt = 0;; ++attempt) {
    if (exec(db, "PRAGMA journal_mode = WAL;", error)) {
      return true;
    }
    const int code = sqlite3_errcode(db) & 0xFF;
    if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || attempt >= kAttempts) {
      return false;
    }
    sqlite3_sleep(kPauseMs);
  }
}

// Takes the database from `from` to kSchemaVersion inside one exclusive transaction that
// reads the version again once it holds the write lock: two processes opening a new
// database at once both succeed, the second finding the work done.
std::optional<std::string> migrate(sqlite3* db, const std::string& where) {
  std::string error;
  if (!exec(db, "BEGIN IMMEDIATE;", error)) {
    return where + ": cannot start migrating the results database: " + error;
  }
  const int version = readUserVersion(db);
  std::optional<std::string> failure;
  if (version < 0) {
    failure = where + ": not a readable SQLite database: " + lastError(db);
  } else if (version > kSchemaVersion) {
    failure = where + ": this results database was written by a newer Frontdoor (schema " +
              std::to_string(version) + ", this version reads up to " +
              std::to_string(kSchemaVersion) +
              "); it was left untouched. Update Frontdoor to open it.";
  }
  for (int v = version; !failure && v < kSchemaVersion; ++v) {
    const std::string sql = std::string(kMigrations.at(static_cast<std::size_t>(v))) +
                            "PRAGMA user_version = " + std::to_string(v + 1) + ";";
    if (!exec(db, sql, error)) {
      failure = where + ": migrating the results database to schema " + std::to_string(v + 1) +
                " failed: " + error;
    }
  }
  if (failure) {
    std::string ignored;
    exec(db, "ROLLBACK;", ignored);
    return failure;
  }
  if (!exec(db, "COMMIT;", error)) {
    std::string ignored;
    exec(db, "ROLLBACK;", ignored);
    return where + ": cannot commit the migrated results database: " + error;
  }
  return std::nullopt;
}

} // namespace

core::Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  const std::string where = path.string();
  if (auto error = makePrivate(where)) {
    return core::Error{*error};
  }
  if (sqlite3_open_v2(where.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::string message = where + ": cannot open the results database: " + lastError(db);
    sqlite3_close(db); // the message is taken first: the handle is gone after this
    return core::Error{message};
  }
  std::string error;
  // Read the schema version before anything can write: a database from a newer Frontdoor
  // must be left exactly as it is (journal_mode = WAL would rewrite its header).
  if (!exec(db, "PRAGMA busy_timeout = 5000;", error)) {
    sqlite3_close(db);
    return core::Error{where + ": cannot prepare the results database: " + error};
  }
  const int version = readUserVersion(db);
  if (version < 0) {
    std::string message = where + ": not a readable SQLite database: " + lastError(db);
    sqlite3_close(db);
    return core::Error{message};
  }
  if (version > kSchemaVersion) {
    sqlite3_close(db);
    return core::Error{where + ": this results database was written by a newer Frontdoor (schema " +
                       std::to_string(version) + ", this version reads up to " +
                       std::to_string(kSchemaVersion) +
                       "); it was left untouched. Update Frontdoor to open it."};
  }
  // secure_delete: deleted rows are overwritten with zeros, so an erased practitioner
  // leaves nothing in the file's free space (Debian's SQLite does this by default; the
  // store does not rely on how SQLite was built).
  if (!switchToWal(db, error) ||
      !exec(db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;",
            error)) {
    sqlite3_close(db);
    return core::Error{where + ": cannot prepare the results database: " + error};
  }
  if (version < kSchemaVersion) {
    if (auto failure = migrate(db, where)) {
      sqlite3_close(db);
      return core::Error{*failure};
    }
  }
  return std::unique_ptr<Database>(new Database(db, path));
}

Database::Database(sqlite3* handle, std::filesystem::path path)
    : m_handle(handle), m_path(std::move(path)) {}

Database::~Database() { sqlite3_close(m_handle); }

int Database::schemaVersion() const { return readUserVersion(m_handle); }

} // namespace sim::storage
