// The attempt lifecycle: started, reopened from the store (resumed after a crash, or
// reviewed), set aside and closed; each action recorded as it happens (a step the store
// refuses is undone); and the offer to resume the attempt a crash interrupted.
#include "sim/session/session.hpp"

#include "sim/engine/event_log.hpp"

namespace sim::session {

std::optional<view::Screen> Session::startAttempt(const std::string& scenarioId) {
  if (m_model.home.currentId.empty()) {
    notice(view::Notice::Kind::Info, "Choose a profile first",
           "Attempts are recorded under a profile so that you can see your progress.",
           "Go to Home and choose or create a profile.");
    return view::Screen::Home;
  }
  auto scenario = scenarioById(scenarioId);
  if (!scenario || !m_store) {
    notice(view::Notice::Kind::Error, "That case cannot be opened",
           "No case with the id '" + scenarioId + "' loaded from the library.",
           "Reload the cases; if the case is listed with problems, fix its file first.");
    return std::nullopt;
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
    return std::nullopt;
  }
  m_attempt.emplace(std::move(scenario));
  m_attemptId = id.value();
  m_readOnly = false;
  m_refusal.clear();
  rememberOpenAttempt();
  return view::Screen::Workspace;
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
  const auto log = engine::eventLogFromLines(row.value()->scenarioId, row.value()->scenarioHash,
                                             row.value()->rules, lines.value());
  if (!log) {
    notice(view::Notice::Kind::Error, "That attempt's record is damaged",
           "Attempt " + std::to_string(id) + ", " + log.error().message,
           "The attempt cannot be resumed; start the case again.");
    return false;
  }
  auto replayed = engine::Attempt::replay(scenario, log.value());
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

std::optional<view::Screen> Session::act(const engine::Action& action) {
  if (!m_attempt || m_readOnly) {
    m_refusal = m_attempt ? "This attempt is finished; it can be read but not changed."
                          : "No case is open.";
    return std::nullopt;
  }
  auto applied = m_attempt->apply(action);
  if (!applied) {
    m_refusal = applied.error().message;
    return std::nullopt;
  }
  m_refusal.clear();
  if (!m_store) {
    return std::nullopt; // no store at all (not even in memory): nothing can be kept, a notice said
                         // so
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
    return std::nullopt;
  }
  if (std::holds_alternative<engine::Decide>(action)) {
    rememberOpenAttempt();
    return view::Screen::Debrief;
  }
  if (std::holds_alternative<engine::OpenNextDecisionPoint>(action)) {
    return view::Screen::Workspace;
  }
  return std::nullopt;
}

void Session::offerCrashResume(const std::string& wasOpen) {
  // Offer to resume only the attempt that was open in this database, for this profile,
  // and still unfinished (the uid is unique across databases and machines).
  if (wasOpen.empty() || !m_store) {
    return;
  }
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

} // namespace sim::session
