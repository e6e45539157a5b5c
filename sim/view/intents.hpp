// Intents: what a view asks the app to do. Views push them into an IntentSink while
// drawing; the app (session/session.hpp) applies them after the frame is rendered. Views
// never change the session's state themselves.
#pragma once

#include "sim/core/export_format.hpp"
#include "sim/engine/action.hpp"
#include "sim/view/preferences.hpp"
#include "sim/view/shell_model.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sim::view {

/// Choose an existing profile, or create one (id and name are required).
struct SelectProfile {
  std::string id;
};
struct CreateProfile {
  std::string id; // pseudonymous: initials, staff number or a made-up handle
  std::string displayName;
  std::string team;
};
struct ShowScreen {
  Screen screen = Screen::Home;
};
struct ReloadLibrary {};
/// Start a new attempt at the scenario with this id.
struct StartAttempt {
  std::string scenarioId;
};
/// Reopen an unfinished attempt (replayed from its stored events).
struct ResumeAttempt {
  std::int64_t attemptId = 0;
};
/// Set an unfinished attempt aside for good (core::AttemptStatus::Abandoned).
struct AbandonAttempt {
  std::int64_t attemptId = 0;
};
/// Open a finished attempt's debrief (or its workspace, read-only, when unfinished).
struct ReviewAttempt {
  std::int64_t attemptId = 0;
};
/// Do something in the open attempt: every engine action, recorded as it happens.
struct Act {
  engine::Action action;
};
struct SetTheme {
  Theme theme = Theme::Light;
};
struct SetScale {
  int percent = kMinScalePercent;
};
struct DismissNotice {
  std::size_t index = 0;
};
/// Put off the offer to resume an attempt interrupted by a crash (it stays unfinished).
struct DismissResumeOffer {};
/// New widths of the workspace's contact and chronology columns (percent of the width).
struct SetWorkspaceColumns {
  int contactPercent = 30;
  int chronologyPercent = 33;
};
/// Write an export of the current practitioner's results (or, with `everyone`, of the whole
/// database) into the export folder.
struct ExportResults {
  core::ExportFormat format = core::ExportFormat::Csv;
  bool everyone = false;
};
/// Show the export folder in the desktop's file manager.
struct OpenExportFolder {};

using Intent = std::variant<SelectProfile, CreateProfile, ShowScreen, ReloadLibrary, StartAttempt,
                            ResumeAttempt, AbandonAttempt, ReviewAttempt, Act, SetTheme, SetScale,
                            DismissNotice, DismissResumeOffer, SetWorkspaceColumns, ExportResults,
                            OpenExportFolder>;

class IntentSink {
public:
  void push(Intent intent) { m_intents.push_back(std::move(intent)); }
  std::vector<Intent> take() { return std::exchange(m_intents, {}); }
  [[nodiscard]] bool empty() const { return m_intents.empty(); }
  [[nodiscard]] const std::vector<Intent>& pending() const { return m_intents; }

private:
  std::vector<Intent> m_intents;
};

} // namespace sim::view
