// Progress: the practitioner's attempts over time and charts of score trend, conversion
// beside the panel's, agreement, d' and c, reliability, and information habits, each with
// a text equivalent directly under it. Drawn from the read-only shell model.
#pragma once

#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

namespace sim::ui {

/// UI-only state of the progress screen, owned by the shell.
struct ProgressUi {
  bool newestFirst = true; // order of the attempts table
};

void drawProgress(const view::ShellModel& model, ProgressUi& ui, view::IntentSink& sink);

} // namespace sim::ui
