// The registrations: one line a screen.
#include "sim/ui/screen_registry.hpp"

#include <array>
#include <cassert>

namespace sim::ui {

namespace {

const std::array<ScreenEntry, 5> kScreens{{
    {view::Screen::Home, "home", "Home", 1,
     [](const view::ShellModel& m, UiState& ui, view::IntentSink& s) { drawHome(m, ui.home, s); }},
    {view::Screen::Library, "library", "Cases", 2,
     [](const view::ShellModel& m, UiState& ui, view::IntentSink& s) {
       drawLibrary(m, ui.library, s);
     }},
    {view::Screen::Workspace, "workspace", "Workspace", 3,
     [](const view::ShellModel& m, UiState& ui, view::IntentSink& s) {
       drawWorkspace(m, ui.workspace, s);
     }},
    {view::Screen::Debrief, "debrief", "Debrief", 4,
     [](const view::ShellModel& m, UiState& ui, view::IntentSink& s) {
       drawDebrief(m, ui.debrief, s);
     }},
    {view::Screen::Progress, "progress", "Progress", 5,
     [](const view::ShellModel& m, UiState& ui, view::IntentSink& s) {
       drawProgress(m, ui.progress, s);
     }},
}};

} // namespace

std::span<const ScreenEntry> screenRegistry() { return kScreens; }

const ScreenEntry& screenEntry(view::Screen screen) {
  for (const auto& entry : kScreens) {
    if (entry.id == screen) {
      return entry;
    }
  }
  assert(false && "every view::Screen has an entry in the screen registry");
  return kScreens.front();
}

} // namespace sim::ui
