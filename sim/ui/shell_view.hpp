// The shell: one full-window frame with the navigation bar (screens, theme, text size),
// the notices (errors shown with what to do), the crash-resume offer and the current
// screen. Keyboard: Ctrl+= / Ctrl+- change the text size, Ctrl+0 resets it, Ctrl+1..5
// switch screens; Tab and arrows move between items (ImGui keyboard navigation).
#pragma once

#include "sim/ui/debrief_view.hpp"
#include "sim/ui/home_view.hpp"
#include "sim/ui/library_view.hpp"
#include "sim/ui/progress_view.hpp"
#include "sim/ui/workspace_view.hpp"
#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

namespace sim::ui {

/// UI-only state (drafts, filters, open tabs): owned by the app, never in the session.
struct UiState {
  HomeUi home;
  LibraryUi library;
  WorkspaceUi workspace;
  DebriefUi debrief;
  ProgressUi progress;
  float noticesHeight = 0.0f; // the notices' height last frame
};

/// Draw one frame of the app into the whole display.
void drawShell(const view::ShellModel& model, UiState& ui, view::IntentSink& sink);

} // namespace sim::ui
