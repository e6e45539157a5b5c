// Unsaved drafts of the open attempt, as the notes edits (and consent-override reason
// drafts) that save them.
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
  if (drafts.syncedAttempt == workspace.attemptId && workspace.scenario != nullptr) {
    const auto& checks = workspace.scenario->checks;
    for (std::size_t c = 0; c < checks.size() && c < state.checks.size(); ++c) {
      const auto it = drafts.checks.find(checks[c].id);
      const auto& status = state.checks[c];
      const bool open = status.status == engine::CheckStatus::NotRequested ||
                        status.status == engine::CheckStatus::ConsentRefused ||
                        status.status == engine::CheckStatus::ConsentNoAnswer;
      if (it != drafts.checks.end() && it->second.synced && open &&
          it->second.reason != status.reasonDraft) {
        sink.push(view::Act{engine::DraftReason{checks[c].id, it->second.reason}});
      }
    }
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
