// The debrief of a locked decision, in the order a practitioner wants it: any critical
// error, the score with a one-sentence verdict, their decision beside the panel's and the
// panel's spread; what they missed; what happened next; the panel's reasoning and teaching
// points; what the routes not taken would have shown; and last the point-by-point ledger
// of the score. Drawn from the read-only shell model; it only pushes intents.
#pragma once

#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

#include <cstddef>
#include <cstdint>

namespace sim::ui {

/// UI-only state of the debrief screen, owned by the shell.
struct DebriefUi {
  // The debrief last drawn: when a new decision is locked (or another attempt is shown),
  // the newest decision point's tab is selected once.
  std::int64_t shownAttempt = -1;
  std::size_t shownPoints = 0;
};

void drawDebrief(const view::ShellModel& model, DebriefUi& ui, view::IntentSink& sink);

} // namespace sim::ui
