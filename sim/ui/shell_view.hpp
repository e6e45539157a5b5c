// The shell: one full-window frame with the navigation bar (screens, theme, text size),
// the notices (errors shown with what to do), the crash-resume offer and the current
// screen. Keyboard: Ctrl+= / Ctrl+- change the text size, Ctrl+0 resets it, Ctrl+1..5
// switch screens; Tab and arrows move between items (ImGui keyboard navigation).
#pragma once

#include "sim/ui/ui_state.hpp"
#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

namespace sim::ui {

/// Draw one frame of the app into the whole display.
void drawShell(const view::ShellModel& model, UiState& ui, view::IntentSink& sink);

} // namespace sim::ui
