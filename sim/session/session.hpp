// Session: the app's state behind the views. It loads the case library, opens the results
// store and the preferences, applies the intents the views emit (after each frame), records
// every action in the store as it happens, and rebuilds the read-only ShellModel the views
// draw. Problems a practitioner can meet (a case that does not load, a database that cannot
// be opened, a full disk) become notices in the model, never an exit.
#pragma once

#include "sim/core/rubric.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/session/attempt_recording.hpp"
#include "sim/session/config_lock.hpp"
#include "sim/storage/results_store.hpp"
#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sim::session {

/// Opens `folder` with xdg-open, detached; false when it could not be started.
bool openInFileManager(const std::filesystem::path& folder);
/// $XDG_DOCUMENTS_DIR (from the environment or ~/.config/user-dirs.dirs), else ~/Documents,
/// with Frontdoor under it; empty when there is no home folder.
std::filesystem::path defaultExportFolder();

struct SessionOptions {
  std::filesystem::path scenarios = "scenarios";
  /// The practitioner's or author's own cases, listed after the bundled ones (may not
  /// exist yet; empty: none).
  std::filesystem::path userScenarios;
  /// The results database; empty: work is kept in memory only (and a notice says so).
  std::filesystem::path database;
  /// The preferences file; empty: preferences are not kept between sessions.
  std::filesystem::path preferences;
  /// A problem found while resolving the database path, shown as a notice.
  std::string databaseProblem;
  /// Where exports are written (created when needed); empty: exports are not offered.
  std::filesystem::path exportFolder;
  /// Shows a folder in the desktop's file manager (tests pass their own).
  std::function<bool(const std::filesystem::path&)> openFolder = openInFileManager;
  /// UTC ISO 8601 timestamps for attempts (tests pass a fixed clock).
  std::function<std::string()> now = utcNow;
};

class Session {
public:
  explicit Session(SessionOptions options);

  /// Apply one intent. Never throws; failures become notices or a refusal line.
  void apply(const view::Intent& intent);

  [[nodiscard]] const view::ShellModel& model() const { return m_model; }

  /// The open attempt (null when none) and its id in the store.
  [[nodiscard]] const engine::Attempt* attempt() const { return m_attempt ? &*m_attempt : nullptr; }
  [[nodiscard]] std::int64_t attemptId() const { return m_attemptId; }
  [[nodiscard]] storage::ResultsStore* store() const { return m_store.get(); }

  /// Show a problem found outside the session (e.g. by the app's window or fonts).
  void report(view::Notice notice);

  /// Remember the window size with the preferences.
  void setWindowSize(int width, int height);
  /// A clean exit: save the preferences with clean_exit = true.
  void close();

  /// Whether another app holds this config folder (this one then never writes to it).
  [[nodiscard]] bool sharesConfig() const { return m_configShared; }

private:
  /// Which screens' models an intent changed, to be built again.
  struct Rebuild {
    bool home = false;
    bool library = false;
    bool workspace = false;
    bool debrief = false;
    bool progress = false;
    static Rebuild nothing() { return {}; }
    static Rebuild attempt() { return {false, false, true, true, false}; }
    static Rebuild everything() { return {true, true, true, true, true}; }
    void include(view::Screen screen) {
      switch (screen) {
      case view::Screen::Home:
        home = true;
        return;
      case view::Screen::Library:
        library = true;
        return;
      case view::Screen::Workspace:
        workspace = true;
        return;
      case view::Screen::Debrief:
        debrief = true;
        return;
      case view::Screen::Progress:
        progress = true;
        return;
      }
    }
  };
  /// What applying one intent did: the models to build again and the screen to show.
  struct Applied {
    Rebuild rebuild;
    std::optional<view::Screen> show;
  };
  // One handler per intent (sim/session/session_dispatch.cpp).
  Applied on(const view::SelectProfile& intent);
  Applied on(const view::CreateProfile& intent);
  Applied on(const view::ShowScreen& intent);
  Applied on(const view::ReloadLibrary& intent);
  Applied on(const view::StartAttempt& intent);
  Applied on(const view::ResumeAttempt& intent);
  Applied on(const view::AbandonAttempt& intent);
  Applied on(const view::ReviewAttempt& intent);
  Applied on(const view::Act& intent);
  Applied on(const view::SetTheme& intent);
  Applied on(const view::SetScale& intent);
  Applied on(const view::DismissNotice& intent);
  Applied on(const view::DismissResumeOffer& intent);
  Applied on(const view::SetWorkspaceColumns& intent);
  Applied on(const view::ExportResults& intent);
  Applied on(const view::OpenExportFolder& intent);

  void openStore();
  void loadLibrary();
  /// True when it chose another person than the one before (who then leaves for Home).
  bool selectProfile(const std::string& id);
  bool createProfile(const view::CreateProfile& profile);
  std::optional<view::Screen> startAttempt(const std::string& scenarioId);
  bool openStoredAttempt(std::int64_t id, bool readOnly);
  void abandonAttempt(std::int64_t id);
  std::optional<view::Screen> act(const engine::Action& action);
  void offerCrashResume(const std::string& wasOpen);
  void closeAttempt();
  void exportResults(const view::ExportResults& request);
  void openExportFolder();
  /// Keep the preferences' open attempt (id and uid) equal to what is open and unfinished.
  void rememberOpenAttempt();

  void notice(view::Notice::Kind kind, std::string title, std::string message,
              std::string whatToDo);
  void savePreferences();
  [[nodiscard]] std::shared_ptr<const core::Scenario> scenarioById(const std::string& id) const;

  void rebuild(const Rebuild& which);
  void refreshHome();
  void refreshLibrary();
  void refreshWorkspace();
  void refreshDebrief();
  void refreshProgress();

  SessionOptions m_options;
  ConfigLock m_lock; // held while this session owns the config folder
  bool m_configShared = false;
  std::unique_ptr<storage::ResultsStore> m_store;
  std::vector<std::shared_ptr<const core::Scenario>> m_scenarios; // parallel to library entries
  core::ScenarioIndex m_index; // the loaded ones by id, made when the library loads
  core::Rubric m_rubric;
  std::optional<engine::Attempt> m_attempt;
  std::int64_t m_attemptId = 0;
  bool m_readOnly = false;
  std::string m_refusal;
  view::ShellModel m_model;
};

} // namespace sim::session
