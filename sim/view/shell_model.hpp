// ShellModel: everything the app's views draw, as read-only data. The session
// (session/session.hpp) builds it after applying intents; views take it by const
// reference and never change it. Engine and scoring values are used as they are (they are
// plain values); pointers stay valid until the session applies the next intent.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/scenario.hpp"
#include "sim/engine/attempt_state.hpp"
#include "sim/engine/calendar.hpp"
#include "sim/engine/debrief.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/scoring/analytics.hpp"
#include "sim/scoring/decision_score.hpp"
#include "sim/view/preferences.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sim::view {

enum class Screen { Home, Library, Workspace, Debrief, Progress };

/// A problem the practitioner should know about, shown in the window (never a silent
/// exit): what happened and what to do about it.
struct Notice {
  enum class Kind { Info, Error };
  Kind kind = Kind::Info;
  std::string title;
  std::string message;
  std::string whatToDo;
};

struct ProfileRow {
  std::string id;
  std::string displayName;
  std::string team;
  int attempts = 0;
  int finished = 0;
};

/// An attempt that was started and not finished.
struct UnfinishedAttempt {
  std::int64_t attemptId = 0;
  std::string scenarioId;
  std::string title; // the scenario's title, or its id when it is no longer in the library
  std::string startedAt;
  int events = 0;
  bool interrupted = false; // the app stopped without closing cleanly while it was open
  bool resumable = true;    // false: the scenario is missing or changed since
  std::string problem;      // why it cannot be resumed
};

struct HomeModel {
  std::vector<ProfileRow> profiles;
  std::string currentId; // empty: no profile chosen yet
  std::string currentName;
  std::vector<UnfinishedAttempt> unfinished; // of the current profile
  /// Set on start when the last session ended without closing cleanly while an attempt was
  /// open: the app offers to resume it.
  std::optional<UnfinishedAttempt> crashResume;
  std::string databasePath;
  int casesAvailable = 0;
  int attemptsFinished = 0;
};

struct CasePreview {
  std::string title;
  std::string arrival;  // "Tuesday 10:40, telephone call"
  std::string referrer; // "Mother (census source 1A: ...)"
  std::string presentingText;
  std::string request;
  std::vector<std::string> household; // one line per person
  std::string counts;                 // "14 facts, 4 questions, 3 checks"
};

enum class CaseStatus { New, InProgress, Done };

struct LibraryEntry {
  std::string title; // or the file name when the file failed to load
  std::string id;
  std::string file;
  std::string practiceArea;
  std::string difficulty;
  int expectedMinutes = 0;
  std::string summary;
  bool loaded = false;
  int errors = 0;
  int warnings = 0;
  std::vector<std::string> diagnostics; // formatted FILE:LINE:COL lines
  CasePreview preview;                  // when it loaded
  bool userAdded = false;               // from the user's own folder, not bundled
  // For the current practitioner:
  CaseStatus status = CaseStatus::New;
  int attempts = 0;
  std::optional<double> bestScore;    // 0..100 over finished attempts
  std::int64_t unfinishedAttempt = 0; // to resume, when status is InProgress
};

struct LibraryModel {
  std::string scenarioFolder;
  std::string userFolder; // where a practitioner or author adds their own cases
  std::vector<LibraryEntry> entries;
  std::string problem; // a folder-level problem, shown prominently
};

/// The open attempt. `scenario` is null when no attempt is open.
struct WorkspaceModel {
  std::shared_ptr<const core::Scenario> scenario;
  const engine::AttemptState* state = nullptr;
  const engine::WorkingCalendar* calendar = nullptr;
  std::int64_t attemptId = 0;
  bool readOnly = false;                          // reviewing an attempt: no further actions
  std::vector<engine::TranscriptLine> chronology; // what has happened, in clock order
  std::string refusal; // why the last action was refused (empty when it was applied)
};

/// One locked decision's debrief and score.
struct DebriefPoint {
  engine::Debrief debrief;
  scoring::DecisionScore score;
};

struct DebriefModel {
  std::shared_ptr<const core::Scenario> scenario; // null when there is nothing to show
  std::int64_t attemptId = 0;
  std::vector<DebriefPoint> points; // one per locked decision, in order
  bool canOpenNext = false;         // another decision point follows (cumulative cases)
  bool finished = false;            // the last decision is locked
  std::optional<double> overall;    // weighted mean over the decisions, 0..100
};

/// One attempt in the progress history.
struct AttemptSummary {
  std::int64_t attemptId = 0;
  std::string scenarioId;
  std::string title;
  std::string startedAt; // UTC ISO 8601
  core::AttemptStatus status = core::AttemptStatus::InProgress;
  std::optional<double> score; // 0..100, weighted over its decisions
  std::string decision;        // the first decision's response label, if any
  std::string againstPanel;    // "within the panel's band", "below ...", "above ..."
};

/// One part of the score over a practitioner's finished decisions: points earned and points
/// available, summed over the decisions where the part was scored.
struct ComponentShare {
  scoring::Component component = scoring::Component::Decision;
  double earned = 0.0;
  double available = 0.0;
  int decisions = 0;
};

struct ProgressModel {
  std::vector<AttemptSummary> attempts; // oldest first
  /// Each part of the score over the finished attempts whose case is in the library
  /// unchanged (replayed from their events), in the order of scoring::Component; empty
  /// when there are none.
  std::vector<ComponentShare> components;
  int componentAttempts = 0; // attempts the parts were taken from
  /// Scores of finished attempts, oldest first (the score trend).
  std::vector<double> trend;
  /// Conversion, panel comparison, signal detection, calibration and habits of this
  /// practitioner's decisions; absent until there is a decision.
  std::optional<scoring::PractitionerSummary> summary;
};

/// Where exports go and what was last written there.
struct ExportModel {
  std::string folder;    // shown with its path; made when the first export is written
  std::string lastPath;  // the file last written ("" until one is)
  std::string lastLabel; // what it is: "Decisions table (CSV)"
};

struct ShellModel {
  Screen screen = Screen::Home;
  Preferences preferences;
  std::vector<Notice> notices;
  HomeModel home;
  LibraryModel library;
  WorkspaceModel workspace;
  DebriefModel debrief;
  ProgressModel progress;
  ExportModel exports;
};

std::string_view caseStatusLabel(CaseStatus status);

} // namespace sim::view
