// Applying intents: profiles, attempts (started, resumed after a crash, reviewed,
// abandoned), actions recorded as they happen, preferences; and rebuilding the shell model.
#include "sim/session/session.hpp"

#include "sim/core/trim.hpp"
#include "sim/engine/debrief.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/report/practice_summary.hpp"
#include "sim/scoring/decision_score.hpp"
#include "sim/session/library_builder.hpp"
#include "sim/session/preferences_file.hpp"
#include "sim/session/progress_builder.hpp"

#include <algorithm>
#include <map>
#include <type_traits>

namespace sim::session {

namespace {

constexpr std::size_t kMaxIdLength = 40;
constexpr std::size_t kMaxNameLength = 80;
constexpr std::size_t kMaxNotices = 8;

bool validProfileId(const std::string& id) {
  return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

std::string trimmed(const std::string& s) { return std::string(core::trimBlanks(s)); }

} // namespace

Session::Session(SessionOptions options) : m_options(std::move(options)) {
  if (!m_options.preferences.empty()) {
    // One window per config folder: a second one reads the preferences but never writes
    // them, and leaves the first window's crash-resume state alone.
    m_lock = ConfigLock(m_options.preferences.parent_path() / "frontdoor.lock");
    m_configShared = m_lock.heldElsewhere();
    if (m_configShared) {
      notice(view::Notice::Kind::Error, "Frontdoor is already open in another window",
             "Another Frontdoor window is using the preferences in " +
                 m_options.preferences.parent_path().string() +
                 ". This window does not change that window's preferences or its offer to "
                 "resume after a crash; theme and text size changes here last until you close "
                 "it.",
             "Close this window and carry on in the other one, unless you mean to have both "
             "open. Work in either window is saved in the results database as usual.");
    }
    auto read = readPreferences(m_options.preferences);
    m_model.preferences = read.preferences;
    for (const auto& d : read.diagnostics) {
      notice(view::Notice::Kind::Info, "A preference was not understood", core::formatDiagnostic(d),
             "Nothing to do: the app saves a corrected file.");
    }
  }
  const bool crashed = !m_configShared && !m_model.preferences.cleanExit;
  const std::string wasOpen = m_model.preferences.openAttemptUid;
  m_model.preferences.cleanExit = false; // until close(): a crash leaves it false
  savePreferences();
  m_model.exports.folder = m_options.exportFolder.string();
  openStore();
  loadLibrary();
  if (!m_model.preferences.lastProfile.empty()) {
    selectProfile(m_model.preferences.lastProfile);
  }
  refreshHome();
  // Offer to resume only the attempt that was open in this database, for this profile,
  // and still unfinished (the uid is unique across databases and machines).
  if (crashed && !wasOpen.empty() && m_store) {
    const auto row = m_store->attemptByUid(wasOpen);
    if (row && row.value() && row.value()->practitioner == m_model.home.currentId) {
      for (const auto& u : m_model.home.unfinished) {
        if (u.attemptId == row.value()->id) {
          m_model.home.crashResume = u;
          m_model.home.crashResume->interrupted = true;
        }
      }
    }
  }
  // Home is already built (the crash offer needed it); the rest of the model follows.
  refreshLibrary();
  refreshWorkspace();
  refreshDebrief();
  refreshProgress();
}

void Session::openStore() {
  if (!m_options.databaseProblem.empty()) {
    notice(view::Notice::Kind::Error, "Your results cannot be saved", m_options.databaseProblem,
           "Start Frontdoor with --db FILE (or set FRONTDOOR_DB) to a folder you can write to. "
           "Until then your work is kept only while the app is open.");
  }
  if (!m_options.database.empty()) {
    auto opened = storage::ResultsStore::open(m_options.database);
    if (opened) {
      m_store = std::move(opened).value();
      m_model.home.databasePath = m_options.database.string();
      return;
    }
    notice(view::Notice::Kind::Error, "The results database could not be opened",
           opened.error().message,
           "Check that the folder exists, that you may write to it and that the disk is not "
           "full, or start Frontdoor with --db FILE to use another file. Until then your work "
           "is kept only while the app is open.");
  }
  // Practice still works: results are kept in memory for this session.
  auto memory = storage::ResultsStore::open(":memory:");
  if (memory) {
    m_store = std::move(memory).value();
    m_model.home.databasePath = "(not saved: kept in memory until you close the app)";
  }
}

void Session::loadLibrary() {
  auto loaded = session::loadLibrary(m_options.scenarios, m_options.userScenarios);
  m_scenarios = std::move(loaded.scenarios);
  m_rubric = loaded.rubric;
  m_model.library = std::move(loaded.model);
  int failed = 0;
  for (const auto& entry : m_model.library.entries) {
    failed += entry.loaded ? 0 : 1;
  }
  // The notice describes the library as loaded now: an earlier one goes.
  std::erase_if(m_model.notices, [](const view::Notice& n) {
    return n.title.ends_with("does not load") || n.title.ends_with("do not load");
  });
  if (failed > 0) {
    notice(view::Notice::Kind::Error,
           std::to_string(failed) + (failed == 1 ? " case does not load" : " cases do not load"),
           "The library lists them with the problems found in each file.",
           "Fix the file named in the library (each problem gives FILE:LINE:COL), then choose "
           "Reload cases.");
  }
}

void Session::notice(view::Notice::Kind kind, std::string title, std::string message,
                     std::string whatToDo) {
  for (const auto& n : m_model.notices) {
    if (n.title == title && n.message == message) {
      return;
    }
  }
  if (m_model.notices.size() >= kMaxNotices) {
    m_model.notices.erase(m_model.notices.begin());
  }
  m_model.notices.push_back({kind, std::move(title), std::move(message), std::move(whatToDo)});
}

void Session::report(view::Notice n) {
  notice(n.kind, std::move(n.title), std::move(n.message), std::move(n.whatToDo));
}

void Session::savePreferences() {
  if (m_options.preferences.empty() || m_configShared) {
    return; // kept only while open, or another window owns the file
  }
  if (auto written = writePreferences(m_options.preferences, m_model.preferences); !written) {
    notice(view::Notice::Kind::Error, "Preferences not saved", written.error().message,
           "Free some disk space or check the folder's permissions; everything else still "
           "works.");
  }
}

void Session::setWindowSize(int width, int height) {
  if (width <= 0 || height <= 0) {
    return; // minimised: keep the last real size
  }
  // The same limits the preferences file accepts, so the app never writes a value it would
  // then warn about.
  m_model.preferences.windowWidth = std::clamp(width, 400, 16384);
  m_model.preferences.windowHeight = std::clamp(height, 300, 16384);
}

void Session::close() {
  m_model.preferences.cleanExit = true;
  savePreferences();
}

std::shared_ptr<const core::Scenario> Session::scenarioById(const std::string& id) const {
  for (const auto& s : m_scenarios) {
    if (s && s->meta.id == id) {
      return s;
    }
  }
  return nullptr;
}

void Session::selectProfile(const std::string& id) {
  if (!m_store) {
    return;
  }
  const auto found = m_store->practitioner(id);
  if (!found) {
    notice(view::Notice::Kind::Error, "Profiles could not be read", found.error().message,
           "Close and reopen Frontdoor; if it happens again, check the results database.");
    return;
  }
  if (!found.value()) {
    return; // a profile named in old preferences that is no longer there
  }
  if (found.value()->id != m_model.home.currentId && !m_model.home.currentId.empty()) {
    // Another person: nothing of the previous one's stays open or offered.
    if (m_attempt) {
      closeAttempt();
    }
    m_model.home.crashResume.reset();
    if (m_model.screen != view::Screen::Home) {
      m_model.screen = view::Screen::Home;
    }
  }
  m_model.home.currentId = found.value()->id;
  m_model.home.currentName = found.value()->displayName;
  m_model.preferences.lastProfile = id;
  savePreferences();
}

void Session::createProfile(const view::CreateProfile& profile) {
  const std::string id = trimmed(profile.id);
  const std::string name = trimmed(profile.displayName);
  if (!validProfileId(id)) {
    notice(view::Notice::Kind::Error, "That profile id cannot be used",
           "The id '" + id + "' must be 1 to 40 letters, digits, '-', '_' or '.'.",
           "Use a pseudonymous id such as your initials and a number (ab-17); never a family's "
           "name.");
    return;
  }
  if (name.empty() || name.size() > kMaxNameLength) {
    notice(view::Notice::Kind::Error, "A display name is needed",
           "Give the name to show on screen (1 to 80 characters).",
           "Type a display name, then choose Create profile again.");
    return;
  }
  if (!m_store) {
    return;
  }
  if (const auto existing = m_store->practitioner(id); existing && existing.value()) {
    notice(view::Notice::Kind::Error, "That id is already a profile",
           "The id '" + id + "' belongs to " + existing.value()->displayName + ".",
           "If that is you, choose it in the list of profiles; otherwise pick another id.");
    return;
  }
  if (auto saved = m_store->savePractitioner({id, name, trimmed(profile.team), ""}); !saved) {
    notice(view::Notice::Kind::Error, "The profile was not saved", saved.error().message,
           "Free some disk space or check the results database, then try again.");
    return;
  }
  selectProfile(id);
}

void Session::startAttempt(const std::string& scenarioId) {
  if (m_model.home.currentId.empty()) {
    notice(view::Notice::Kind::Info, "Choose a profile first",
           "Attempts are recorded under a profile so that you can see your progress.",
           "Go to Home and choose or create a profile.");
    m_model.screen = view::Screen::Home;
    return;
  }
  auto scenario = scenarioById(scenarioId);
  if (!scenario || !m_store) {
    notice(view::Notice::Kind::Error, "That case cannot be opened",
           "No case with the id '" + scenarioId + "' loaded from the library.",
           "Reload the cases; if the case is listed with problems, fix its file first.");
    return;
  }
  storage::AttemptRow row;
  row.practitioner = m_model.home.currentId;
  row.scenarioId = scenario->meta.id;
  row.scenarioHash = scenario->contentHash;
  row.startedAt = m_options.now();
  row.rules = engine::kEngineRules;
  const auto id = m_store->startAttempt(row);
  if (!id) {
    notice(view::Notice::Kind::Error, "The attempt could not be started", id.error().message,
           "Free some disk space or check the results database, then try again.");
    return;
  }
  m_attempt.emplace(std::move(scenario));
  m_attemptId = id.value();
  m_readOnly = false;
  m_refusal.clear();
  rememberOpenAttempt();
  m_model.screen = view::Screen::Workspace;
}

bool Session::openStoredAttempt(std::int64_t id, bool readOnly) {
  if (!m_store) {
    return false;
  }
  const auto row = m_store->attempt(id);
  const auto lines = m_store->events(id);
  if (!row || !lines || !row.value()) {
    notice(view::Notice::Kind::Error, "That attempt could not be read",
           !row     ? row.error().message
           : !lines ? lines.error().message
                    : "It is not on record.",
           "Check the results database; other attempts are not affected.");
    return false;
  }
  auto scenario = scenarioById(row.value()->scenarioId);
  if (!scenario) {
    notice(view::Notice::Kind::Error, "That attempt's case is not in the library",
           "The case '" + row.value()->scenarioId + "' did not load from " +
               m_options.scenarios.string() + ".",
           "Put the case file back in the library folder and choose Reload cases.");
    return false;
  }
  engine::EventLog log;
  log.scenarioId = row.value()->scenarioId;
  log.contentHash = row.value()->scenarioHash;
  log.rules = row.value()->rules;
  for (std::size_t i = 0; i < lines.value().size(); ++i) {
    auto event = engine::parseEvent(lines.value()[i]);
    if (!event) {
      notice(view::Notice::Kind::Error, "That attempt's record is damaged",
             "Attempt " + std::to_string(id) + ", event " + std::to_string(i + 1) + ": " +
                 event.error().message,
             "The attempt cannot be resumed; start the case again.");
      return false;
    }
    log.events.push_back(std::move(event).value());
  }
  auto replayed = engine::Attempt::replay(scenario, log);
  if (!replayed) {
    notice(view::Notice::Kind::Error, "That attempt cannot be reopened", replayed.error().message,
           "The case file has changed since the attempt was made; start the case again.");
    return false;
  }
  m_attempt.emplace(std::move(replayed).value());
  m_attemptId = id;
  m_readOnly = readOnly || row.value()->status != core::AttemptStatus::InProgress;
  m_refusal.clear();
  rememberOpenAttempt();
  return true;
}

void Session::abandonAttempt(std::int64_t id) {
  if (!m_store) {
    return;
  }
  if (auto done = m_store->finishAttempt(id, core::AttemptStatus::Abandoned, m_options.now());
      !done) {
    notice(view::Notice::Kind::Error, "The attempt was not set aside", done.error().message,
           "Free some disk space or check the results database, then try again.");
    return;
  }
  if (m_attemptId == id) {
    closeAttempt();
  }
}

void Session::closeAttempt() {
  m_attempt.reset();
  m_attemptId = 0;
  m_readOnly = false;
  m_refusal.clear();
  rememberOpenAttempt();
}

void Session::rememberOpenAttempt() {
  const bool open =
      m_attempt && !m_readOnly && m_attempt->state().phase != engine::Phase::Closed && m_store;
  std::string uid;
  if (open) {
    if (const auto row = m_store->attempt(m_attemptId); row && row.value()) {
      uid = row.value()->uid;
    }
  }
  const std::int64_t id = open ? m_attemptId : 0;
  if (id != m_model.preferences.openAttempt || uid != m_model.preferences.openAttemptUid) {
    m_model.preferences.openAttempt = id;
    m_model.preferences.openAttemptUid = uid;
    savePreferences();
  }
}

void Session::act(const engine::Action& action) {
  if (!m_attempt || m_readOnly) {
    m_refusal = m_attempt ? "This attempt is finished; it can be read but not changed."
                          : "No case is open.";
    return;
  }
  auto applied = m_attempt->apply(action);
  if (!applied) {
    m_refusal = applied.error().message;
    return;
  }
  m_refusal.clear();
  if (!m_store) {
    return; // no store at all (not even in memory): nothing can be kept, a notice said so
  }
  const auto recorded =
      recordEvent(*m_store, m_attemptId, *m_attempt, applied.value(), m_rubric, m_options.now());
  if (!recorded) {
    // Keep what is on screen equal to what is on disk: undo the step that was not saved.
    auto log = m_attempt->log();
    log.events.pop_back();
    if (auto back = engine::Attempt::replay(m_attempt->scenarioPtr(), log)) {
      m_attempt.emplace(std::move(back).value());
    }
    notice(view::Notice::Kind::Error, "Your last step was not saved, so it was undone",
           recorded.error().message,
           "Free some disk space (or fix the results database), then do the step again. "
           "Everything before it is saved.");
    return;
  }
  if (std::holds_alternative<engine::Decide>(action)) {
    m_model.screen = view::Screen::Debrief;
    rememberOpenAttempt();
  } else if (std::holds_alternative<engine::OpenNextDecisionPoint>(action)) {
    m_model.screen = view::Screen::Workspace;
  }
}

void Session::apply(const view::Intent& intent) {
  std::visit(
      [this](const auto& i) {
        using T = std::decay_t<decltype(i)>;
        if constexpr (std::is_same_v<T, view::SelectProfile>) {
          selectProfile(i.id);
        } else if constexpr (std::is_same_v<T, view::CreateProfile>) {
          createProfile(i);
        } else if constexpr (std::is_same_v<T, view::ShowScreen>) {
          m_model.screen = i.screen;
        } else if constexpr (std::is_same_v<T, view::ReloadLibrary>) {
          loadLibrary();
        } else if constexpr (std::is_same_v<T, view::StartAttempt>) {
          startAttempt(i.scenarioId);
        } else if constexpr (std::is_same_v<T, view::ResumeAttempt>) {
          if (openStoredAttempt(i.attemptId, false)) {
            m_model.screen = m_attempt->state().phase == engine::Phase::Gathering
                                 ? view::Screen::Workspace
                                 : view::Screen::Debrief;
          }
          m_model.home.crashResume.reset();
        } else if constexpr (std::is_same_v<T, view::AbandonAttempt>) {
          abandonAttempt(i.attemptId);
          if (m_model.home.crashResume && m_model.home.crashResume->attemptId == i.attemptId) {
            m_model.home.crashResume.reset();
          }
        } else if constexpr (std::is_same_v<T, view::ReviewAttempt>) {
          if (openStoredAttempt(i.attemptId, true)) {
            m_model.screen = m_attempt->state().decisions.empty() ? view::Screen::Workspace
                                                                  : view::Screen::Debrief;
          }
        } else if constexpr (std::is_same_v<T, view::Act>) {
          act(i.action);
        } else if constexpr (std::is_same_v<T, view::SetTheme>) {
          m_model.preferences.theme = i.theme;
          savePreferences();
        } else if constexpr (std::is_same_v<T, view::SetScale>) {
          m_model.preferences.scalePercent =
              std::clamp(i.percent, view::kMinScalePercent, view::kMaxScalePercent);
          savePreferences();
        } else if constexpr (std::is_same_v<T, view::SetWorkspaceColumns>) {
          m_model.preferences.contactColumnPercent =
              std::clamp(i.contactPercent, view::kMinColumnPercent, view::kMaxColumnPercent);
          m_model.preferences.chronologyColumnPercent =
              std::clamp(i.chronologyPercent, view::kMinColumnPercent, view::kMaxColumnPercent);
          savePreferences();
        } else if constexpr (std::is_same_v<T, view::ExportResults>) {
          exportResults(i);
        } else if constexpr (std::is_same_v<T, view::OpenExportFolder>) {
          openExportFolder();
        } else if constexpr (std::is_same_v<T, view::DismissResumeOffer>) {
          m_model.home.crashResume.reset();
        } else if constexpr (std::is_same_v<T, view::DismissNotice>) {
          if (i.index < m_model.notices.size()) {
            m_model.notices.erase(m_model.notices.begin() + static_cast<std::ptrdiff_t>(i.index));
          }
        }
      },
      intent);
  const auto* act = std::get_if<view::Act>(&intent);
  if (act != nullptr && !std::holds_alternative<engine::Decide>(act->action)) {
    // An ordinary step changes only the attempt: keep each action cheap.
    refreshWorkspace();
    refreshDebrief();
    return;
  }
  refresh();
}

void Session::refresh() {
  refreshHome();
  refreshLibrary();
  refreshWorkspace();
  refreshDebrief();
  refreshProgress();
}

void Session::refreshHome() {
  auto& home = m_model.home;
  home.profiles.clear();
  home.unfinished.clear();
  home.casesAvailable = static_cast<int>(
      std::count_if(m_scenarios.begin(), m_scenarios.end(), [](const auto& s) { return !!s; }));
  home.attemptsFinished = 0;
  if (!m_store) {
    return;
  }
  const auto profiles = m_store->practitioners();
  const auto attempts = m_store->allAttempts(std::nullopt);
  if (!profiles || !attempts) {
    notice(view::Notice::Kind::Error, "Your results could not be read",
           !profiles ? profiles.error().message : attempts.error().message,
           "Close and reopen Frontdoor; if it happens again, check the results database.");
    return;
  }
  for (const auto& p : profiles.value()) {
    view::ProfileRow row{p.id, p.displayName, p.team, 0, 0};
    for (const auto& a : attempts.value()) {
      if (a.practitioner == p.id) {
        row.attempts += 1;
        row.finished += a.status == core::AttemptStatus::Finished ? 1 : 0;
      }
    }
    home.profiles.push_back(std::move(row));
  }
  for (const auto& a : attempts.value()) {
    if (a.practitioner != home.currentId) {
      continue;
    }
    home.attemptsFinished += a.status == core::AttemptStatus::Finished ? 1 : 0;
    if (a.status != core::AttemptStatus::InProgress) {
      continue;
    }
    view::UnfinishedAttempt u;
    u.attemptId = a.id;
    u.scenarioId = a.scenarioId;
    u.startedAt = a.startedAt;
    const auto scenario = scenarioById(a.scenarioId);
    u.title = scenario ? scenario->meta.title : a.scenarioId;
    if (const auto events = m_store->events(a.id)) {
      u.events = static_cast<int>(events.value().size());
    }
    if (!scenario) {
      u.resumable = false;
      u.problem = "The case is no longer in the library.";
    } else if (scenario->contentHash != a.scenarioHash) {
      u.resumable = false;
      u.problem = "The case file has changed since this attempt was started.";
    }
    home.unfinished.push_back(std::move(u));
  }
}

void Session::refreshLibrary() {
  for (auto& entry : m_model.library.entries) {
    entry.status = view::CaseStatus::New;
    entry.attempts = 0;
    entry.bestScore.reset();
    entry.unfinishedAttempt = 0;
  }
  if (!m_store || m_model.home.currentId.empty()) {
    return;
  }
  const auto attempts = m_store->attempts(m_model.home.currentId, false);
  if (!attempts) {
    return; // refreshHome has said so
  }
  std::map<std::string, view::LibraryEntry*, std::less<>> byId;
  for (auto& entry : m_model.library.entries) {
    if (entry.loaded) {
      byId[entry.id] = &entry;
    }
  }
  for (const auto& a : attempts.value()) {
    const auto found = byId.find(a.scenarioId);
    if (found == byId.end() || a.status == core::AttemptStatus::Abandoned) {
      continue;
    }
    auto& entry = *found->second;
    entry.attempts += 1;
    if (a.status == core::AttemptStatus::InProgress) {
      entry.status = view::CaseStatus::InProgress;
      entry.unfinishedAttempt = a.id;
    } else if (a.status == core::AttemptStatus::Finished) {
      if (entry.status == view::CaseStatus::New) {
        entry.status = view::CaseStatus::Done;
      }
      if (const auto decisions = m_store->decisionsOf(a.id)) {
        if (const auto score = report::storedAttemptScore(decisions.value())) {
          entry.bestScore = std::max(entry.bestScore.value_or(0.0), *score);
        }
      }
    }
  }
}

void Session::refreshWorkspace() {
  auto& w = m_model.workspace;
  w = {};
  if (!m_attempt) {
    return;
  }
  w.scenario = m_attempt->scenarioPtr();
  w.state = &m_attempt->state();
  w.calendar = &m_attempt->calendar();
  w.attemptId = m_attemptId;
  w.readOnly = m_readOnly;
  w.chronology = engine::describeTranscript(m_attempt->scenario(), m_attempt->state());
  w.refusal = m_refusal;
}

void Session::refreshDebrief() {
  auto& d = m_model.debrief;
  d = {};
  if (!m_attempt || m_attempt->state().decisions.empty()) {
    return;
  }
  const auto& scenario = m_attempt->scenario();
  const auto& state = m_attempt->state();
  d.scenario = m_attempt->scenarioPtr();
  d.attemptId = m_attemptId;
  const auto rubric = scoring::rubricFor(m_rubric, scenario);
  std::vector<scoring::DecisionScore> scores;
  for (std::size_t i = 0; i < state.decisions.size(); ++i) {
    const int point = static_cast<int>(i);
    auto debrief = engine::debriefFor(scenario, state, point);
    auto score = scoring::scoreDecision(scenario, state, point, rubric);
    if (!debrief || !score) {
      continue; // locked decisions always have both; nothing to show otherwise
    }
    scores.push_back(score.value());
    d.points.push_back({std::move(debrief).value(), std::move(score).value()});
  }
  d.finished = state.phase == engine::Phase::Closed;
  d.canOpenNext = !m_readOnly && state.phase == engine::Phase::Decided;
  if (!scores.empty()) {
    d.overall = scoring::weightedMeanScore(scores);
  }
}

void Session::refreshProgress() {
  m_model.progress = {};
  if (!m_store || m_model.home.currentId.empty()) {
    return;
  }
  core::ScenarioIndex index;
  for (const auto& s : m_scenarios) {
    if (s) {
      index.emplace(s->meta.id, s);
    }
  }
  auto built = buildProgress(*m_store, m_model.home.currentId, index);
  if (!built) {
    notice(view::Notice::Kind::Error, "Your progress could not be read", built.error().message,
           "Close and reopen Frontdoor; if it happens again, check the results database.");
    return;
  }
  m_model.progress = std::move(built).value();
}

} // namespace sim::session
