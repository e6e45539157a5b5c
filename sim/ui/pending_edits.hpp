// Drafts typed but not yet saved: the notes box and the rationale boxes save when they are
// left, so text typed in a box that still has the focus would be lost if the window closed
// first. The app asks for them as intents when the window is closing, and applies them
// before it exits.
#pragma once

#include "sim/ui/ui_state.hpp"
#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

namespace sim::ui {

/// Push a notes edit for every draft of the open attempt that differs from what is saved
/// (the free notes, each rationale heading, each consent-override reason), when the attempt
/// can still be edited.
void flushPendingEdits(const view::ShellModel& model, const UiState& ui, view::IntentSink& sink);

} // namespace sim::ui
