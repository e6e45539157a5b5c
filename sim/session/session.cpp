// The session's life: opening the results store and the case library, the preferences (kept
// only by the window that owns the config folder), notices, and a clean close.
#include "sim/session/session.hpp"

#include "sim/session/library_builder.hpp"
#include "sim/session/preferences_file.hpp"

#include <algorithm>

namespace sim::session {

namespace {

constexpr std::size_t kMaxNotices = 8;

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
  if (crashed) {
    offerCrashResume(wasOpen);
  }
  // Home is already built (the crash offer needed it); the rest of the model follows.
  rebuild({false, true, true, true, true});
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
  m_index.clear();
  for (const auto& s : m_scenarios) {
    if (s) {
      m_index.emplace(s->meta.id, s);
    }
  }
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

} // namespace sim::session
