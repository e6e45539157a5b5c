// The results store: practitioners, attempts, their event logs (one durable row per
// event, committed as it is recorded) and their locked decisions with scores, in the
// SQLite database. Also the default location of the database, erasure of one
// practitioner, and every decision with its attempt and practitioner (the rows that
// exports and the practice summary are made from).
#pragma once

#include "sim/core/codes.hpp"
#include "sim/core/result.hpp"
#include "sim/storage/database.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sim::storage {

using Ok = std::monostate;

struct PractitionerRow {
  std::string id; // pseudonymous
  std::string displayName;
  std::string team;
  std::string cohort;
};

struct AttemptRow {
  std::int64_t id = 0;
  std::string practitioner;
  std::string scenarioId;
  std::string scenarioHash;
  std::string mode = "practice"; // practice | workshop
  core::AttemptStatus status = core::AttemptStatus::InProgress;
  std::string startedAt; // UTC ISO 8601, given by the caller
  std::string finishedAt;
  int rules = 1;   // engine rules version of its event log
  std::string uid; // unique across machines; made when empty at startAttempt
};

struct DecisionRow {
  std::int64_t attempt = 0;
  int decisionPoint = 0;
  std::string decidedAt; // simulated clock, DAY/HH:MM
  std::string response;  // response token
  std::optional<int> needLevel;
  std::string urgency;
  std::optional<double> pHarm; // 0..1
  std::optional<double> pRereferral;
  std::optional<double> confidence;
  std::optional<double> score; // 0..100
  std::optional<double> caseWeight;
  bool withinDeadline = false;
  int checks = 0;
  bool recordsChecked = false;
  bool childSeen = false;
};

/// A workshop as stored: its plan, the cases in order (id and content hash), when it ran.
struct WorkshopRow {
  std::int64_t id = 0;
  std::string uid; // made when empty at startWorkshop
  std::string planId;
  std::string title;
  std::string planText; // the plan file as run; empty for a default plan
  std::vector<std::pair<std::string, std::string>> cases; // scenario id, content hash
  std::string startedAt;                                  // UTC ISO 8601, given by the caller
  std::string finishedAt;
};

/// A decision with what the exports and analytics need of its attempt and practitioner.
struct StoredDecision {
  std::string practitioner;
  std::string team;
  std::string cohort;
  std::string scenarioId;
  std::string startedAt; // the attempt's start, UTC ISO 8601
  std::string attemptUid;
  DecisionRow decision;
};

/// What an erasure removed.
struct Erasure {
  std::int64_t practitioners = 0;
  std::int64_t attempts = 0;
  std::int64_t events = 0;
  std::int64_t decisions = 0;
  /// Whether the write-ahead log was emptied after the erasure (checkpointed and truncated
  /// to zero bytes). When another connection is reading at that moment it cannot be: the
  /// erased rows' old pages stay in the -wal file until the next checkpoint, which SQLite
  /// runs when the log grows or the last connection closes.
  bool logCleared = false;
};

class ResultsStore {
public:
  static core::Result<std::unique_ptr<ResultsStore>> open(const std::filesystem::path& path);

  /// Add a practitioner, or update the name, team and cohort of one already there.
  core::Result<Ok> savePractitioner(const PractitionerRow& practitioner);
  core::Result<std::optional<PractitionerRow>> practitioner(const std::string& id);
  /// Every practitioner, by display name.
  core::Result<std::vector<PractitionerRow>> practitioners();

  /// A new attempt (its id is assigned); the practitioner must exist.
  core::Result<std::int64_t> startAttempt(const AttemptRow& attempt);
  /// Append one event line (engine/event_log.hpp format) in its own committed
  /// transaction: once this returns, the event survives a crash or power cut.
  core::Result<Ok> appendEvent(std::int64_t attempt, int seq, const std::string& line);
  /// Append several events in one transaction (imports and bulk loads): all or none.
  core::Result<Ok> appendEvents(std::int64_t attempt, int firstSeq,
                                const std::vector<std::string>& lines);
  /// Add a whole attempt from elsewhere (an import): the attempt, its events and its
  /// decisions in one transaction, so an interrupted import leaves nothing half-added.
  /// Returns the new attempt's id.
  core::Result<std::int64_t> importAttempt(const AttemptRow& attempt,
                                           const std::vector<std::string>& lines,
                                           std::vector<DecisionRow> decisions);
  core::Result<Ok> finishAttempt(std::int64_t attempt, core::AttemptStatus status,
                                 const std::string& finishedAt);
  core::Result<Ok> recordDecision(const DecisionRow& decision);
  /// The event that locked a decision, the decision's row and (with a non-empty
  /// `finishedAt`) the attempt's end, in one transaction: all of them or none, so a failed
  /// write can simply be tried again.
  core::Result<Ok> recordDecisionEvent(std::int64_t attempt, int seq, const std::string& line,
                                       const DecisionRow& decision, const std::string& finishedAt);

  /// The event lines of an attempt, in order.
  core::Result<std::vector<std::string>> events(std::int64_t attempt);

  // Workshops (workshop_records.cpp): each facilitator event is stored before the app
  // acknowledges it, and the events replay to resume the workshop.
  core::Result<std::int64_t> startWorkshop(const WorkshopRow& workshop);
  core::Result<Ok> appendWorkshopEvent(std::int64_t workshop, int seq, const std::string& line);
  core::Result<std::vector<std::string>> workshopEvents(std::int64_t workshop);
  core::Result<Ok> finishWorkshop(std::int64_t workshop, const std::string& finishedAt);
  /// Workshops not finished, oldest first (to offer to resume).
  core::Result<std::vector<WorkshopRow>> unfinishedWorkshops();
  core::Result<std::optional<AttemptRow>> attempt(std::int64_t id);
  core::Result<std::optional<AttemptRow>> attemptByUid(const std::string& uid);
  /// A practitioner's attempts, oldest first; only unfinished ones when asked.
  core::Result<std::vector<AttemptRow>> attempts(const std::string& practitioner,
                                                 bool unfinishedOnly);
  /// Every attempt (of one practitioner, or of everyone), oldest first.
  core::Result<std::vector<AttemptRow>> allAttempts(const std::optional<std::string>& practitioner);
  /// The locked decisions of one attempt, by decision point.
  core::Result<std::vector<DecisionRow>> decisionsOf(std::int64_t attempt);
  /// Every decision (of one practitioner, or of everyone), ordered by practitioner,
  /// attempt and decision point.
  core::Result<std::vector<StoredDecision>>
  decisions(const std::optional<std::string>& practitioner);

  /// Run `body` as one transaction (nested calls, such as importAttempt inside it, become
  /// savepoints): everything it wrote is kept only if it returns a value. Imports use it so
  /// that a file that fails part-way changes nothing.
  core::Result<Ok> atomically(const std::function<core::Result<Ok>()>& body);

  /// Remove everything about one practitioner, in one transaction; the freed space is
  /// overwritten (secure_delete) and the write-ahead log checkpointed and truncated, so no
  /// copy of the rows is left in the database, -wal or -shm files (see Erasure::logCleared).
  core::Result<Erasure> erase(const std::string& practitioner);

private:
  explicit ResultsStore(std::unique_ptr<Database> database);
  std::unique_ptr<Database> m_database;
};

/// Whether `file` is the database at `database` or one of its -wal, -shm or -journal files:
/// outputs that would be written there are refused.
bool isDatabaseFile(const std::filesystem::path& file, const std::filesystem::path& database);

/// The database path: `explicitPath` if given, else $FRONTDOOR_DB, else
/// $XDG_DATA_HOME/frontdoor/results.sqlite, else ~/.local/share/frontdoor/results.sqlite.
/// A folder that has to be made, and the default folder always, get owner-only permissions
/// (0700); the database file is created 0600 (Database::open).
/// `environment` looks up a variable (a map in tests).
core::Result<std::filesystem::path>
resolveDatabasePath(const std::string& explicitPath,
                    const std::function<std::optional<std::string>(const char*)>& environment);
/// The same, looking variables up in this process's environment (the app and the tools).
core::Result<std::filesystem::path> resolveDatabasePath(const std::string& explicitPath);

} // namespace sim::storage
