// Unsaved drafts of the open attempt, as the notes edits that save them.
#include "sim/ui/pending_edits.hpp"

#include "sim/engine/rationale.hpp"

namespace sim::ui {

void flushPendingEdits(const view::ShellModel& model, const UiState& ui, view::IntentSink& sink) {
  const auto& workspace = model.workspace;
  if (workspace.state == nullptr || workspace.readOnly) {
    return;
  }
  const auto& state = *workspace.state;
  if (state.phase != engine::Phase::Gathering || !state.contactRead) {
    return;
  }
  const auto& drafts = ui.workspace;
  // Drafts belong to this attempt only once they were taken from it.
  if (drafts.syncedAttempt == workspace.attemptId && !drafts.notesPending &&
      drafts.notes != state.notes.notes) {
    sink.push(view::Act{engine::WriteNotes{drafts.notes}});
  }
  const auto& form = drafts.decision;
  if (form.syncedAttempt != workspace.attemptId || form.syncedPoint != state.decisionPoint) {
    return;
  }
  for (const auto& heading : engine::kRationaleHeadings) {
    const auto i = static_cast<std::size_t>(heading.field);
    if (!form.rationalePending.at(i) && form.rationale.at(i) != state.notes.rationale.at(i)) {
      sink.push(view::Act{engine::WriteRationale{heading.field, form.rationale.at(i)}});
    }
  }
}

} // namespace sim::ui
