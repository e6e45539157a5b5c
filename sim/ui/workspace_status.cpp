// The workspace's status strip: the clock on the working calendar, the one-working-day
// deadline, pending replies and Wait, Undo and Redo of the working notes (buttons and
// keys), and why the last action was refused.
#include "sim/ui/workspace_parts.hpp"

#include "sim/core/time_of_day.hpp"
#include "sim/engine/rationale.hpp"
#include "sim/engine/routes.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/ui/fonts.hpp"
#include "sim/ui/household_diagram.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace sim::ui::workspace {

// Why the last action was refused, in words and in the strongest colour.
void drawRefusal(const view::WorkspaceModel& model) {
  if (model.refusal.empty()) {
    return;
  }
  ImGui::PushFont(fonts().bold);
  coloured(palette().bad, "✗ Not done: " + model.refusal);
  ImGui::PopFont();
}

// ── Undo and redo ───────────────────────────────────────────────────────────────────────

// What a change to the working notes was about, for the Undo and Redo buttons.
std::string partLabel(const engine::NotesPart& part) {
  struct Label {
    std::string operator()(const engine::FactorsPart& /*p*/) const { return "factors"; }
    std::string operator()(const engine::EstimatePart& p) const {
      switch (p.kind) {
      case engine::EstimateKind::SignificantHarm:
        return "harm estimate";
      case engine::EstimateKind::Rereferral:
        return "re-referral estimate";
      case engine::EstimateKind::Confidence:
        break;
      }
      return "confidence";
    }
    std::string operator()(const engine::RationalePart& p) const {
      return "\xE2\x80\x9C" + std::string(engine::rationaleHeading(p.field).title) + "\xE2\x80\x9D";
    }
    std::string operator()(const engine::RationaleLinksPart& p) const {
      return "facts linked under \xE2\x80\x9C" +
             std::string(engine::rationaleHeading(p.field).title) + "\xE2\x80\x9D";
    }
    std::string operator()(const engine::SafetyPart& /*p*/) const { return "safety scale"; }
    std::string operator()(const engine::NotesTextPart& /*p*/) const { return "notes"; }
  };
  return std::visit(Label{}, part);
}

// Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) while no text box is being edited: a box being
// edited has its own undo of what is typed in it.
void undoShortcuts(const engine::AttemptState& state, view::IntentSink& sink) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.WantTextInput || ImGui::IsAnyItemActive()) {
    return;
  }
  const bool z = ImGui::IsKeyPressed(kKeyZ, false);
  if (z && !io.KeyShift && !state.history.undo.empty()) {
    sink.push(view::Act{engine::Undo{}});
  } else if (((z && io.KeyShift) || ImGui::IsKeyPressed(kKeyY, false)) &&
             !state.history.redo.empty()) {
    sink.push(view::Act{engine::Redo{}});
  }
}

// Always drawn, with the same short labels, so that the strip never gains a row (and the
// columns never move down) when the first note is saved; the tooltips say what each would
// change.
void drawUndoRedo(const engine::AttemptState& state, Flow& flow, view::IntentSink& sink) {
  const auto& history = state.history;
  const auto width = [](const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
  };
  flow.next(width("Undo##undo"));
  if (buttonIf(!history.undo.empty(), "Undo##undo")) {
    sink.push(view::Act{engine::Undo{}});
  }
  tooltip(history.undo.empty() ? std::string("Nothing to undo since your last enquiry.")
                               : "Undo " + partLabel(history.undo.back().before) +
                                     " (Ctrl+Z). Enquiries and waits cannot be undone.");
  flow.next(width("Redo##redo"));
  if (buttonIf(!history.redo.empty(), "Redo##redo")) {
    sink.push(view::Act{engine::Redo{}});
  }
  tooltip(history.redo.empty()
              ? std::string("Nothing to redo.")
              : "Redo " + partLabel(history.redo.back().after) + " (Ctrl+Shift+Z).");
}

// ── Status strip ────────────────────────────────────────────────────────────────────────

void drawStatusStrip(const view::WorkspaceModel& model, view::IntentSink& sink) {
  const auto& scenario = *model.scenario;
  const auto& state = *model.state;
  const auto& calendar = *model.calendar;
  const auto& colours = palette();

  // In a small window or at large text sizes the strip is compact: the title in the body
  // font, leading the same flowing line, and the times in their short forms.
  const bool compact = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 62.0f;
  const auto when = [&](engine::SimTime time) {
    return compact ? shortWhen(calendar, time) : longWhen(calendar, time);
  };
  if (!compact) {
    ImGui::PushFont(fonts().heading);
    ui::text(scenario.meta.title);
    ImGui::PopFont();
  }

  // Labelled groups, a rule between them: "Now: Monday 15:20 │ Decide by: Tuesday 13:20
  // (6 h of working time left) │ Replies: 1 pending, next due Mon 16:45 │ [Wait]".
  ImGui::AlignTextToFramePadding(); // the line holds a button
  Flow flow;
  if (compact) {
    flow.text(scenario.meta.title, nullptr, true);
  }
  flow.group("Now", when(state.now));
  if (state.phase == engine::Phase::Gathering) {
    if (state.now <= state.deadline) {
      const int left = calendar.workingMinutesBetween(state.now, state.deadline);
      const std::string text = when(state.deadline) + (left < 60 ? " (only " : " (") +
                               describeWorkingTime(left, 0) +
                               (compact ? " left)" : " of working time left)");
      flow.group("Decide by", text, left < 60 ? &colours.warning : nullptr, left < 60);
    } else {
      const int over = calendar.workingMinutesBetween(state.deadline, state.now);
      const std::string text = when(state.deadline) + " (" + describeWorkingTime(over, 0) +
                               (compact ? " over)" : " of working time over)");
      flow.group("✗ Deadline passed", text, &colours.bad, true);
    }
  } else {
    flow.text(state.phase == engine::Phase::Closed ? "✓ Case finished: every decision is locked"
                                                   : "✓ Decision locked",
              &colours.good, true);
  }

  if (state.phase != engine::Phase::Gathering || model.readOnly) {
    if (model.readOnly) {
      flow.text("Reviewing: nothing can be changed", &colours.muted);
    }
    drawRefusal(model);
    ImGui::Separator();
    return;
  }

  int pending = 0;
  std::optional<engine::SimTime> nextDue;
  for (const auto& check : state.checks) {
    if (check.status == engine::CheckStatus::Pending) {
      ++pending;
      if (!nextDue || check.due < *nextDue) {
        nextDue = check.due;
      }
    }
  }
  std::string replies =
      pending == 0 ? std::string("none pending") : std::to_string(pending) + " pending";
  if (nextDue) {
    replies += (compact ? ", next " : ", next due ") + shortWhen(calendar, *nextDue);
  }
  flow.group("Replies", replies);

  const char* kWait = "Wait for next reply";
  flow.next(ImGui::CalcTextSize(kWait).x + ImGui::GetStyle().FramePadding.x * 2.0f);
  const bool canWait = pending > 0 && state.contactRead;
  if (buttonIf(canWait, kWait)) {
    sink.push(view::Act{engine::WaitForReply{}});
  }
  if (!canWait) {
    tooltip("Nothing is pending: request a check first.");
  }
  drawUndoRedo(state, flow, sink);
  drawRefusal(model);
  ImGui::Separator();
}

} // namespace sim::ui::workspace
