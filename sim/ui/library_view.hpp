// The case library: every bundled and user-added scenario with its practice area,
// difficulty, expected length and this practitioner's status and best score; filter and
// search; a preview of the selected case (never panel or outcome content).
#pragma once

#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

#include <string>

namespace sim::ui {

struct LibraryUi {
  std::string search;
  int statusFilter = 0;   // 0 all, 1 new, 2 in progress, 3 done
  std::string areaFilter; // empty: all practice areas
  std::string selected;   // the selected entry's key (its id, or its file when it did not load)
};

void drawLibrary(const view::ShellModel& model, LibraryUi& ui, view::IntentSink& sink);

} // namespace sim::ui
