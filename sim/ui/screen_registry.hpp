// The screen registry: every screen of the app, once, with what the shell needs of it: its
// id, its slug (which names its screenshot goldens), the title on its navigation button,
// its keyboard shortcut and the function that draws it. The shell draws the navigation,
// the shortcuts and the current screen from this list alone; README "How to add a screen"
// says what else a new screen needs.
#pragma once

#include "sim/ui/ui_state.hpp"
#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

#include <span>
#include <string_view>

namespace sim::ui {

using DrawScreen = void (*)(const view::ShellModel& model, UiState& ui, view::IntentSink& sink);

struct ScreenEntry {
  view::Screen id;
  std::string_view slug;  // "progress": tests/golden/screens/progress-light.png
  std::string_view title; // "Progress", on the navigation button
  int shortcut = 0;       // Ctrl+1 .. Ctrl+9
  DrawScreen draw = nullptr;
};

/// Every screen, in the order of the navigation bar.
std::span<const ScreenEntry> screenRegistry();

/// The entry of `screen` (every view::Screen is registered; the registry test checks it).
const ScreenEntry& screenEntry(view::Screen screen);

} // namespace sim::ui
