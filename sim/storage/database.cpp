// SQLite open, pragmas and migrations for the results store.
#include "sim/storage/database.hpp"

#include <sqlite3.h>

#include <array>
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

} // namespace

core::Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  const std::string where = path.string();
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
  if (!exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
            error)) {
    sqlite3_close(db);
    return core::Error{where + ": cannot prepare the results database: " + error};
  }
  for (int v = version; v < kSchemaVersion; ++v) {
    const std::string sql = "BEGIN IMMEDIATE;" +
                            std::string(kMigrations.at(static_cast<std::size_t>(v))) +
                            "PRAGMA user_version = " + std::to_string(v + 1) + "; COMMIT;";
    if (!exec(db, sql, error)) {
      std::string ignored;
      exec(db, "ROLLBACK;", ignored);
      sqlite3_close(db);
      return core::Error{where + ": migrating the results database to schema " +
                         std::to_string(v + 1) + " failed: " + error};
    }
  }
  return std::unique_ptr<Database>(new Database(db, path));
}

Database::Database(sqlite3* handle, std::filesystem::path path)
    : m_handle(handle), m_path(std::move(path)) {}

Database::~Database() { sqlite3_close(m_handle); }

int Database::schemaVersion() const { return readUserVersion(m_handle); }

} // namespace sim::storage
