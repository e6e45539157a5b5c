// The results store over SQLite. Each write is its own transaction, and an import or a
// batch one transaction for all of it (the database runs with WAL and synchronous = FULL),
// so an acknowledged write is on disk; readers in other processes see whole transactions.
#include "sim/storage/results_store.hpp"

#include "sim/core/file_output.hpp"
#include "sim/core/safe_text.hpp"
#include "sim/storage/detail/store_text.hpp"
#include "sim/storage/statement.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <tuple>

namespace sim::storage {

using detail::badText;
using detail::failed;
using detail::kMaxEventBytes;
using detail::kMaxGroupBytes;
using detail::kMaxIdBytes;
using detail::kMaxNameBytes;
using detail::kMaxTokenBytes;

namespace {

AttemptRow attemptFrom(const Statement& s) {
  AttemptRow row;
  row.id = s.integer(0);
  row.practitioner = s.text(1);
  row.scenarioId = s.text(2);
  row.scenarioHash = s.text(3);
  row.mode = s.text(4);
  // A status this version does not know (written by a newer one) is never resumed.
  row.status =
      core::parseToken<core::AttemptStatus>(s.text(5)).value_or(core::AttemptStatus::Abandoned);
  row.startedAt = s.text(6);
  row.finishedAt = s.text(7);
  row.rules = static_cast<int>(s.integer(8));
  row.uid = s.text(9);
  return row;
}

// The decision columns from `first` on, in the order attempt, decision_point, decided_at,
// response, need_level, urgency, p_harm, p_rereferral, confidence, score, case_weight,
// within_deadline, checks, records_checked, child_seen.
DecisionRow decisionFrom(const Statement& s, int first) {
  DecisionRow d;
  d.attempt = s.integer(first);
  d.decisionPoint = static_cast<int>(s.integer(first + 1));
  d.decidedAt = s.text(first + 2);
  d.response = s.text(first + 3);
  d.needLevel = s.optionalInt(first + 4);
  d.urgency = s.text(first + 5);
  d.pHarm = s.real(first + 6);
  d.pRereferral = s.real(first + 7);
  d.confidence = s.real(first + 8);
  d.score = s.real(first + 9);
  d.caseWeight = s.real(first + 10);
  d.withinDeadline = s.integer(first + 11) != 0;
  d.checks = static_cast<int>(s.integer(first + 12));
  d.recordsChecked = s.integer(first + 13) != 0;
  d.childSeen = s.integer(first + 14) != 0;
  return d;
}

constexpr std::string_view kAttemptColumns =
    "id, practitioner, scenario_id, scenario_hash, mode, status, started_at, "
    "coalesce(finished_at, ''), rules, coalesce(uid, '')";

} // namespace

ResultsStore::ResultsStore(std::unique_ptr<Database> database) : m_database(std::move(database)) {}

core::Result<std::unique_ptr<ResultsStore>> ResultsStore::open(const std::filesystem::path& path) {
  auto database = Database::open(path);
  if (!database) {
    return database.error();
  }
  return std::unique_ptr<ResultsStore>(new ResultsStore(std::move(database).value()));
}

core::Result<Ok> ResultsStore::savePractitioner(const PractitionerRow& p) {
  if (p.id.empty()) {
    return core::Error{"cannot save a practitioner without an id"};
  }
  if (auto bad = badText("cannot save the practitioner", {{"id", p.id, kMaxIdBytes},
                                                          {"name", p.displayName, kMaxNameBytes},
                                                          {"team", p.team, kMaxGroupBytes},
                                                          {"cohort", p.cohort, kMaxGroupBytes}})) {
    return *bad;
  }
  Statement s(m_database->handle(),
              "INSERT INTO practitioners (id, display_name, team, cohort) VALUES (?1, ?2, ?3, ?4) "
              "ON CONFLICT(id) DO UPDATE SET display_name = ?2, team = ?3, cohort = ?4");
  if (!s.ok() || !s.bind(1, p.id).bind(2, p.displayName).bind(3, p.team).bind(4, p.cohort).run()) {
    return failed("cannot save the practitioner " + p.id, s);
  }
  return Ok{};
}

core::Result<std::optional<PractitionerRow>> ResultsStore::practitioner(const std::string& id) {
  Statement s(m_database->handle(),
              "SELECT id, display_name, coalesce(team, ''), coalesce(cohort, '') "
              "FROM practitioners WHERE id = ?1");
  if (!s.ok()) {
    return failed("cannot read practitioners", s);
  }
  s.bind(1, id);
  if (s.step()) {
    return std::optional<PractitionerRow>(
        PractitionerRow{s.text(0), s.text(1), s.text(2), s.text(3)});
  }
  if (!s.done()) {
    return failed("cannot read practitioners", s);
  }
  return std::optional<PractitionerRow>();
}

core::Result<std::vector<PractitionerRow>> ResultsStore::practitioners() {
  Statement s(m_database->handle(),
              "SELECT id, display_name, coalesce(team, ''), coalesce(cohort, '') "
              "FROM practitioners ORDER BY display_name COLLATE NOCASE, id");
  if (!s.ok()) {
    return failed("cannot read practitioners", s);
  }
  std::vector<PractitionerRow> out;
  while (s.step()) {
    out.push_back(PractitionerRow{s.text(0), s.text(1), s.text(2), s.text(3)});
  }
  if (!s.done()) {
    return failed("cannot read practitioners", s);
  }
  return out;
}

core::Result<std::int64_t> ResultsStore::startAttempt(const AttemptRow& a) {
  if (auto bad =
          badText("cannot start the attempt", {{"practitioner", a.practitioner, kMaxIdBytes},
                                               {"scenario id", a.scenarioId, kMaxIdBytes},
                                               {"scenario hash", a.scenarioHash, kMaxIdBytes},
                                               {"mode", a.mode, kMaxTokenBytes},
                                               {"start time", a.startedAt, kMaxTokenBytes},
                                               {"end time", a.finishedAt, kMaxTokenBytes},
                                               {"unique id", a.uid, kMaxTokenBytes}})) {
    return *bad;
  }
  Statement s(m_database->handle(),
              "INSERT INTO attempts (practitioner, scenario_id, scenario_hash, mode, status, "
              "started_at, rules, uid, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
              "coalesce(nullif(?8, ''), lower(hex(randomblob(16)))), nullif(?9, ''))");
  if (!s.ok() || !s.bind(1, a.practitioner)
                      .bind(2, a.scenarioId)
                      .bind(3, a.scenarioHash)
                      .bind(4, a.mode)
                      .bind(5, core::tokenOf(a.status))
                      .bind(6, a.startedAt)
                      .bind(7, a.rules)
                      .bind(8, a.uid)
                      .bind(9, a.finishedAt)
                      .run()) {
    return failed("cannot start an attempt for " + a.practitioner, s);
  }
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_database->handle()));
}

core::Result<Ok> ResultsStore::appendEvent(std::int64_t attempt, int seq, const std::string& line) {
  if (auto bad = badText("cannot record event " + std::to_string(seq),
                         {{"event line", line, kMaxEventBytes}})) {
    return *bad;
  }
  Statement s(m_database->handle(),
              "INSERT INTO events (attempt, seq, payload) VALUES (?1, ?2, ?3)");
  if (!s.ok() || !s.bind(1, attempt).bind(2, seq).bind(3, line).run()) {
    return failed("cannot record event " + std::to_string(seq), s);
  }
  return Ok{};
}

namespace {

// Runs `body` as one transaction: BEGIN IMMEDIATE ... COMMIT when none is open, else a
// savepoint inside the caller's (ResultsStore::atomically), rolled back if `body` fails.
template <typename T, typename Body> core::Result<T> inTransaction(sqlite3* db, Body&& body) {
  const bool outermost = sqlite3_get_autocommit(db) != 0;
  Statement begin(db, outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT nested");
  if (!begin.ok() || !begin.run()) {
    return failed("cannot start a transaction", begin);
  }
  auto result = body();
  if (!result) {
    if (outermost) {
      Statement rollback(db, "ROLLBACK");
      rollback.run();
    } else {
      Statement rollback(db, "ROLLBACK TO nested");
      rollback.run();
      Statement release(db, "RELEASE nested");
      release.run();
    }
    return result;
  }
  Statement commit(db, outermost ? "COMMIT" : "RELEASE nested");
  if (!commit.ok() || !commit.run()) {
    auto error = failed("cannot commit", commit);
    if (outermost) {
      Statement rollback(db, "ROLLBACK");
      rollback.run();
    }
    return error;
  }
  return result;
}

} // namespace

core::Result<Ok> ResultsStore::atomically(const std::function<core::Result<Ok>()>& body) {
  return inTransaction<Ok>(m_database->handle(), body);
}

core::Result<Ok> ResultsStore::appendEvents(std::int64_t attempt, int firstSeq,
                                            const std::vector<std::string>& lines) {
  return inTransaction<Ok>(m_database->handle(), [&]() -> core::Result<Ok> {
    int seq = firstSeq;
    for (const auto& line : lines) {
      if (auto stored = appendEvent(attempt, seq++, line); !stored) {
        return stored;
      }
    }
    return Ok{};
  });
}

core::Result<std::int64_t> ResultsStore::importAttempt(const AttemptRow& attempt,
                                                       const std::vector<std::string>& lines,
                                                       std::vector<DecisionRow> decisions) {
  return inTransaction<std::int64_t>(m_database->handle(), [&]() -> core::Result<std::int64_t> {
    const auto id = startAttempt(attempt);
    if (!id) {
      return id;
    }
    int seq = 1;
    for (const auto& line : lines) {
      if (auto stored = appendEvent(id.value(), seq++, line); !stored) {
        return stored.error();
      }
    }
    for (auto& decision : decisions) {
      decision.attempt = id.value();
      if (auto stored = recordDecision(decision); !stored) {
        return stored.error();
      }
    }
    return id;
  });
}

core::Result<Ok> ResultsStore::finishAttempt(std::int64_t attempt, core::AttemptStatus status,
                                             const std::string& finishedAt) {
  Statement s(m_database->handle(),
              "UPDATE attempts SET status = ?2, finished_at = ?3 WHERE id = ?1");
  if (!s.ok() || !s.bind(1, attempt).bind(2, core::tokenOf(status)).bind(3, finishedAt).run()) {
    return failed("cannot finish attempt " + std::to_string(attempt), s);
  }
  return Ok{};
}

core::Result<Ok> ResultsStore::recordDecision(const DecisionRow& d) {
  if (auto bad =
          badText("cannot record the decision", {{"decision time", d.decidedAt, kMaxTokenBytes},
                                                 {"response", d.response, kMaxTokenBytes},
                                                 {"urgency", d.urgency, kMaxTokenBytes}})) {
    return *bad;
  }
  Statement s(m_database->handle(),
              "INSERT OR REPLACE INTO decisions (attempt, decision_point, decided_at, response, "
              "need_level, urgency, p_harm, p_rereferral, confidence, score, case_weight, "
              "within_deadline, checks, records_checked, child_seen) VALUES (?1, ?2, ?3, ?4, ?5, "
              "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  if (!s.ok() || !s.bind(1, d.attempt)
                      .bind(2, d.decisionPoint)
                      .bind(3, d.decidedAt)
                      .bind(4, d.response)
                      .bind(5, d.needLevel)
                      .bind(6, d.urgency)
                      .bind(7, d.pHarm)
                      .bind(8, d.pRereferral)
                      .bind(9, d.confidence)
                      .bind(10, d.score)
                      .bind(11, d.caseWeight)
                      .bind(12, d.withinDeadline)
                      .bind(13, d.checks)
                      .bind(14, d.recordsChecked)
                      .bind(15, d.childSeen)
                      .run()) {
    return failed("cannot record the decision", s);
  }
  return Ok{};
}

core::Result<Ok> ResultsStore::recordDecisionEvent(std::int64_t attempt, int seq,
                                                   const std::string& line,
                                                   const DecisionRow& decision,
                                                   const std::string& finishedAt) {
  return inTransaction<Ok>(m_database->handle(), [&]() -> core::Result<Ok> {
    if (auto stored = appendEvent(attempt, seq, line); !stored) {
      return stored;
    }
    if (auto stored = recordDecision(decision); !stored) {
      return stored;
    }
    if (!finishedAt.empty()) {
      return finishAttempt(attempt, core::AttemptStatus::Finished, finishedAt);
    }
    return Ok{};
  });
}

core::Result<std::vector<std::string>> ResultsStore::events(std::int64_t attempt) {
  Statement s(m_database->handle(), "SELECT payload FROM events WHERE attempt = ?1 ORDER BY seq");
  if (!s.ok()) {
    return failed("cannot read events", s);
  }
  s.bind(1, attempt);
  std::vector<std::string> out;
  while (s.step()) {
    out.push_back(s.text(0));
  }
  if (!s.done()) {
    return failed("cannot read events", s);
  }
  return out;
}

namespace {

// Attempts matching `where` (an SQL condition on ?1, or empty), oldest first.
core::Result<std::vector<AttemptRow>> selectAttempts(sqlite3* db, const std::string& where,
                                                     const std::function<void(Statement&)>& bind) {
  Statement s(db, "SELECT " + std::string(kAttemptColumns) + " FROM attempts" +
                      (where.empty() ? "" : " WHERE " + where) + " ORDER BY id");
  if (!s.ok()) {
    return failed("cannot read attempts", s);
  }
  bind(s);
  std::vector<AttemptRow> out;
  while (s.step()) {
    out.push_back(attemptFrom(s));
  }
  if (!s.done()) {
    return failed("cannot read attempts", s);
  }
  return out;
}

core::Result<std::optional<AttemptRow>> firstOf(core::Result<std::vector<AttemptRow>> rows) {
  if (!rows) {
    return rows.error();
  }
  return rows.value().empty() ? std::optional<AttemptRow>()
                              : std::optional<AttemptRow>(std::move(rows.value().front()));
}

} // namespace

core::Result<std::optional<AttemptRow>> ResultsStore::attempt(std::int64_t id) {
  return firstOf(
      selectAttempts(m_database->handle(), "id = ?1", [id](Statement& s) { s.bind(1, id); }));
}

core::Result<std::optional<AttemptRow>> ResultsStore::attemptByUid(const std::string& uid) {
  return firstOf(
      selectAttempts(m_database->handle(), "uid = ?1", [&uid](Statement& s) { s.bind(1, uid); }));
}

core::Result<std::vector<AttemptRow>> ResultsStore::attempts(const std::string& practitioner,
                                                             bool unfinishedOnly) {
  return selectAttempts(m_database->handle(),
                        unfinishedOnly ? "practitioner = ?1 AND status = 'in_progress'"
                                       : "practitioner = ?1",
                        [&practitioner](Statement& s) { s.bind(1, practitioner); });
}

core::Result<std::vector<AttemptRow>>
ResultsStore::allAttempts(const std::optional<std::string>& practitioner) {
  return selectAttempts(m_database->handle(), practitioner ? "practitioner = ?1" : "",
                        [&practitioner](Statement& s) {
                          if (practitioner) {
                            s.bind(1, *practitioner);
                          }
                        });
}

core::Result<std::vector<DecisionRow>> ResultsStore::decisionsOf(std::int64_t attempt) {
  Statement s(m_database->handle(),
              "SELECT attempt, decision_point, decided_at, response, need_level, "
              "coalesce(urgency, ''), p_harm, p_rereferral, confidence, score, case_weight, "
              "within_deadline, checks, records_checked, child_seen FROM decisions "
              "WHERE attempt = ?1 ORDER BY decision_point");
  if (!s.ok()) {
    return failed("cannot read decisions", s);
  }
  s.bind(1, attempt);
  std::vector<DecisionRow> out;
  while (s.step()) {
    out.push_back(decisionFrom(s, 0));
  }
  if (!s.done()) {
    return failed("cannot read decisions", s);
  }
  return out;
}

core::Result<std::vector<StoredDecision>>
ResultsStore::decisions(const std::optional<std::string>& who) {
  Statement s(
      m_database->handle(),
      std::string("SELECT a.practitioner, coalesce(p.team, ''), coalesce(p.cohort, ''), "
                  "a.scenario_id, a.started_at, d.attempt, d.decision_point, "
                  "d.decided_at, d.response, d.need_level, coalesce(d.urgency, ''), "
                  "d.p_harm, d.p_rereferral, d.confidence, d.score, d.case_weight, "
                  "d.within_deadline, d.checks, d.records_checked, d.child_seen, "
                  "coalesce(a.uid, '') FROM decisions d JOIN attempts a ON a.id = d.attempt "
                  "JOIN practitioners p ON p.id = a.practitioner") +
          (who ? " WHERE a.practitioner = ?1" : "") +
          " ORDER BY a.practitioner, d.attempt, d.decision_point");
  if (!s.ok()) {
    return failed("cannot read decisions", s);
  }
  if (who) {
    s.bind(1, *who);
  }
  std::vector<StoredDecision> out;
  while (s.step()) {
    StoredDecision row;
    row.practitioner = s.text(0);
    row.team = s.text(1);
    row.cohort = s.text(2);
    row.scenarioId = s.text(3);
    row.startedAt = s.text(4);
    row.decision = decisionFrom(s, 5);
    row.attemptUid = s.text(20);
    out.push_back(std::move(row));
  }
  if (!s.done()) {
    return failed("cannot read decisions", s);
  }
  return out;
}

core::Result<Erasure> ResultsStore::erase(const std::string& practitioner) {
  sqlite3* db = m_database->handle();
  Erasure removed;
  const auto run = [&](std::string_view sql, std::int64_t* counted) -> std::optional<core::Error> {
    Statement s(db, sql);
    if (!s.ok() || !s.bind(1, practitioner).run()) {
      return failed("cannot erase " + practitioner, s);
    }
    if (counted != nullptr) {
      *counted = sqlite3_changes(db);
    }
    return std::nullopt;
  };
  Statement begin(db, "BEGIN IMMEDIATE");
  if (!begin.ok() || !begin.run()) {
    return failed("cannot erase " + practitioner, begin);
  }
  const std::array<std::pair<std::string_view, std::int64_t*>, 4> steps{{
      {"DELETE FROM decisions WHERE attempt IN (SELECT id FROM attempts WHERE practitioner = ?1)",
       &removed.decisions},
      {"DELETE FROM events WHERE attempt IN (SELECT id FROM attempts WHERE practitioner = ?1)",
       &removed.events},
      {"DELETE FROM attempts WHERE practitioner = ?1", &removed.attempts},
      {"DELETE FROM practitioners WHERE id = ?1", &removed.practitioners},
  }};
  for (const auto& [sql, counted] : steps) {
    if (auto error = run(sql, counted)) {
      Statement rollback(db, "ROLLBACK");
      rollback.run();
      return *error;
    }
  }
  Statement commit(db, "COMMIT");
  if (!commit.ok() || !commit.run()) {
    return failed("cannot erase " + practitioner, commit);
  }
  // The committed erasure still has the old pages in earlier frames of the -wal file:
  // copy the log into the database and cut it to nothing.
  int logFrames = -1;
  int checkpointed = -1;
  const int rc =
      sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed);
  removed.logCleared = rc == SQLITE_OK && logFrames == 0;
  return removed;
}

bool isDatabaseFile(const std::filesystem::path& file, const std::filesystem::path& database) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    if (core::sameFile(file, database.string() + suffix)) {
      return true;
    }
  }
  return false;
}

core::Result<std::filesystem::path>
resolveDatabasePath(const std::string& explicitPath,
                    const std::function<std::optional<std::string>(const char*)>& environment) {
  namespace fs = std::filesystem;
  fs::path path;
  bool chosenFolder = false; // the default folder, not one the user named
  if (!explicitPath.empty()) {
    path = explicitPath;
  } else if (const auto fromEnv = environment("FRONTDOOR_DB"); fromEnv && !fromEnv->empty()) {
    path = *fromEnv;
  } else if (const auto xdg = environment("XDG_DATA_HOME"); xdg && !xdg->empty()) {
    path = fs::path(*xdg) / "frontdoor" / "results.sqlite";
    chosenFolder = true;
  } else if (const auto home = environment("HOME"); home && !home->empty()) {
    path = fs::path(*home) / ".local" / "share" / "frontdoor" / "results.sqlite";
    chosenFolder = true;
  } else {
    return core::Error{"cannot tell where to keep results: set FRONTDOOR_DB, XDG_DATA_HOME or "
                       "HOME, or give --db PATH"};
  }
  const auto folder = path.parent_path();
  std::error_code ec;
  if (!folder.empty() && !fs::exists(folder, ec)) {
    fs::create_directories(folder, ec);
    if (ec) {
      return core::Error{folder.string() + ": cannot create the results folder: " + ec.message()};
    }
    chosenFolder = true; // made here, so ours to keep private
  }
  // Results are about people: only their owner may read the folder Frontdoor chose or made
  // (a folder the user named is theirs to set; the database file itself is 0600 anyway).
  if (chosenFolder && fs::is_directory(folder, ec)) {
    const auto perms = fs::status(folder, ec).permissions();
    if (!ec && (perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
      fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ec);
      if (ec) {
        return core::Error{folder.string() + ": cannot make the folder private: " + ec.message()};
      }
    }
  }
  return path;
}

core::Result<std::filesystem::path> resolveDatabasePath(const std::string& explicitPath) {
  return resolveDatabasePath(explicitPath, [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::optional<std::string>(value) : std::nullopt;
  });
}

} // namespace sim::storage
