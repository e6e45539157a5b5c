// UiState: the UI-only state of every screen (drafts, filters, open tabs), owned by the app
// and never by the session. A screen with UI state of its own adds one member here.
#pragma once

#include "sim/ui/debrief_view.hpp"
#include "sim/ui/home_view.hpp"
#include "sim/ui/library_view.hpp"
#include "sim/ui/progress_view.hpp"
#include "sim/ui/workspace_view.hpp"

namespace sim::ui {

struct UiState {
  HomeUi home;
  LibraryUi library;
  WorkspaceUi workspace;
  DebriefUi debrief;
  ProgressUi progress;
  float noticesHeight = 0.0f; // the notices' height last frame
};

} // namespace sim::ui
