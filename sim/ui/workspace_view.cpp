// Drawing of the case workspace: its layout (three columns with draggable dividers, or
// reading tabs at large text sizes), the notes and the tabs; the parts are in
// workspace_status.cpp, workspace_contact.cpp, workspace_chronology.cpp and
// workspace_enquiries.cpp, the decision tab in decision_form.cpp.
// Only what the practitioner could know at this point is shown: never a panel review,
// an outcome or teaching content.
#include "sim/ui/workspace_view.hpp"

#include "sim/ui/workspace_parts.hpp"

#include "sim/core/time_of_day.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/ui/theme.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace sim::ui {

using namespace workspace;

namespace {

// Take the drafts from the attempt when another attempt (or decision point) is shown.
void sync(const view::WorkspaceModel& model, WorkspaceUi& ui) {
  const auto& state = *model.state;
  if (ui.syncedRestored != state.history.restored) {
    ui.syncedRestored = state.history.restored; // an undo or redo: take the notes again
    ui.notesPending = true;
  }
  if (ui.syncedAttempt == model.attemptId && ui.syncedScenario == state.scenarioId &&
      ui.syncedPoint == state.decisionPoint) {
    return;
  }
  const bool sameAttempt =
      ui.syncedAttempt == model.attemptId && ui.syncedScenario == state.scenarioId;
  ui.syncedAttempt = model.attemptId;
  ui.syncedScenario = state.scenarioId;
  ui.syncedPoint = state.decisionPoint;
  ui.syncedRestored = state.history.restored;
  ui.notesPending = true;
  ui.checks.clear();
  if (!sameAttempt) {
    ui.chronologySeen = 0;
    ui.chronologyAnchor = 0;
    ui.chronologySettle = 0;
    ui.selectTab = WorkspaceTab::Enquiries;
  }
}

// ── Notes ───────────────────────────────────────────────────────────────────────────────

void drawNotes(const view::WorkspaceModel& model, WorkspaceUi& ui, view::IntentSink& sink) {
  const auto& state = *model.state;
  const bool canEdit =
      !model.readOnly && state.phase == engine::Phase::Gathering && state.contactRead;
  const char* kLabel = "##notes";
  if (ui.notesPending && ImGui::GetActiveID() != ImGui::GetID(kLabel)) {
    ui.notes = state.notes.notes;
    ui.notesPending = false;
  }
  if (canEdit) {
    muted("Your own working notes. They are saved as you type.");
  } else if (!state.contactRead && !model.readOnly) {
    ui::text("Read the contact first; then you can write notes.");
  } else {
    muted("These notes can no longer be changed.");
  }
  const float height =
      std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeight() * 12.0f);
  const auto box = wrappedTextBox(kLabel, ui.notes, ui.notesBox, -FLT_MIN, height, !canEdit,
                                  engine::kMaxActionText);
  track(kLabel);
  if (box.saveDue && canEdit) {
    sink.push(view::Act{engine::WriteNotes{ui.notes}});
    markSaved(ui.notesBox);
  }
}

// ── Tabs ────────────────────────────────────────────────────────────────────────────────

void drawTabs(const view::WorkspaceModel& model, WorkspaceUi& ui, view::IntentSink& sink) {
  if (!ImGui::BeginTabBar("##workspace-tabs")) {
    return;
  }
  struct Tab {
    WorkspaceTab tab;
    const char* label;
  };
  static constexpr Tab kTabs[] = {{WorkspaceTab::Enquiries, "Enquiries"},
                                  {WorkspaceTab::Notes, "Notes"},
                                  {WorkspaceTab::Decision, "Decision"}};
  for (const auto& tab : kTabs) {
    const ImGuiTabItemFlags flags =
        ui.selectTab == tab.tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    const bool open = ImGui::BeginTabItem(tab.label, nullptr, flags);
    track(tab.label);
    if (!open) {
      continue;
    }
    ui.tab = tab.tab;
    const std::string body = std::string("##body-") + tab.label;
    ImGui::BeginChild(body.c_str(), ImVec2(0.0f, 0.0f), false, kColumnFlags);
    switch (tab.tab) {
    case WorkspaceTab::Enquiries:
      drawEnquiries(model, ui, sink);
      break;
    case WorkspaceTab::Notes:
      drawNotes(model, ui, sink);
      break;
    case WorkspaceTab::Decision:
      drawDecisionForm(model, ui.decision, sink);
      break;
    }
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ui.selectTab.reset();
  ImGui::EndTabBar();
}

void drawNoCase(view::IntentSink& sink) {
  heading("No case is open");
  ui::text("Choose a case in the case library to start one, or continue an unfinished attempt "
           "from Home.");
  if (button("Open the case library")) {
    sink.push(view::ShowScreen{view::Screen::Library});
  }
}

} // namespace

std::string shortWhen(const engine::WorkingCalendar& calendar, engine::SimTime time) {
  const auto weekday = core::labelOf(calendar.weekdayOf(time.day()));
  std::string out =
      std::string(weekday.substr(0, 3)) + " " + core::formatTimeOfDay(time.minuteOfDay());
  if (std::abs(time.day()) >= 7) {
    out += " · day " + std::to_string(time.day());
  }
  return out;
}

std::string longWhen(const engine::WorkingCalendar& calendar, engine::SimTime time) {
  std::string out = std::string(core::labelOf(calendar.weekdayOf(time.day()))) + " " +
                    core::formatTimeOfDay(time.minuteOfDay());
  if (std::abs(time.day()) >= 7) {
    out += " (day " + std::to_string(time.day()) + ")";
  }
  return out;
}

std::string describeWorkingTime(int minutes, int minutesPerDay) {
  minutes = std::max(0, minutes);
  const auto hoursAndMinutes = [](int m) {
    const int hours = m / 60;
    const int rest = m % 60;
    if (hours == 0) {
      return std::to_string(rest) + " min";
    }
    return std::to_string(hours) + " h" + (rest == 0 ? "" : " " + std::to_string(rest) + " min");
  };
  if (minutesPerDay > 0 && minutes >= minutesPerDay) {
    const int days = minutes / minutesPerDay;
    const int rest = minutes % minutesPerDay;
    std::string out = std::to_string(days) + (days == 1 ? " working day" : " working days");
    if (rest > 0) {
      out += " " + hoursAndMinutes(rest);
    }
    return out;
  }
  return hoursAndMinutes(minutes);
}

namespace {

// A draggable divider between two columns. While dragged, the share lives in `drag`; on
// release it becomes the practitioner's layout (SetWorkspaceColumns, kept in preferences).
void columnDivider(const char* id, float width, float height, float usable,
                   std::optional<float>& drag, float share, const view::ShellModel& model,
                   view::IntentSink& sink) {
  // Not a stop for the keyboard (it would sit between the columns' items), and no tooltip:
  // the resize pointer says what it does without covering the text beside it.
  ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
  ImGui::InvisibleButton(id, ImVec2(width, height));
  ImGui::PopItemFlag();
  track(id);
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  }
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const float x = std::floor((min.x + max.x) * 0.5f);
  ImGui::GetWindowDrawList()->AddLine(
      ImVec2(x, min.y + height * 0.45f), ImVec2(x, min.y + height * 0.55f),
      ImGui::GetColorU32(ImGui::IsItemActive() ? ImGuiCol_SeparatorActive : ImGuiCol_Separator),
      2.0f);
  if (ImGui::IsItemActive() && usable > 0.0f) {
    const float limit = static_cast<float>(view::kMaxColumnPercent) / 100.0f;
    const float floor = static_cast<float>(view::kMinColumnPercent) / 100.0f;
    drag = std::clamp(share + ImGui::GetIO().MouseDelta.x / usable, floor, limit);
  }
  if (ImGui::IsItemDeactivated() && drag) {
    const auto percent = [](float f) { return static_cast<int>(std::lround(f * 100.0f)); };
    const bool contact = std::string_view(id) == "##divider-contact";
    sink.push(view::SetWorkspaceColumns{
        contact ? percent(*drag) : model.preferences.contactColumnPercent,
        contact ? model.preferences.chronologyColumnPercent : percent(*drag)});
    drag.reset();
  }
}

} // namespace

void drawWorkspace(const view::ShellModel& model, WorkspaceUi& ui, view::IntentSink& sink) {
  const auto& workspace = model.workspace;
  if (!workspace.scenario || workspace.state == nullptr || workspace.calendar == nullptr) {
    drawNoCase(sink);
    return;
  }
  sync(workspace, ui);
  // Framed widgets (radio buttons, text boxes) keep a visible outline on white columns.
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize,
                      std::max(1.0f, ImGui::GetStyle().FrameBorderSize));
  drawStatusStrip(workspace, sink);
  if (!workspace.readOnly && workspace.state->phase == engine::Phase::Gathering) {
    undoShortcuts(*workspace.state, sink);
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float height = std::max(avail.y, ImGui::GetFrameHeightWithSpacing() * 6.0f);
  // Three columns while each can hold about 20 characters' width; at large text sizes the
  // contact and the chronology share one column as two tabs.
  const bool threeColumns = avail.x >= ImGui::GetFontSize() * 62.0f;
  if (threeColumns) {
    // Column widths: the practitioner's (kept in the preferences), or a divider being
    // dragged now; the actions column takes the rest.
    const float usable = avail.x - 2.0f * spacing;
    const float contactShare = ui.dragContact.value_or(
        static_cast<float>(model.preferences.contactColumnPercent) / 100.0f);
    const float chronologyShare = ui.dragChronology.value_or(
        static_cast<float>(model.preferences.chronologyColumnPercent) / 100.0f);
    const float left = std::floor(usable * contactShare);
    const float middle = std::floor(usable * chronologyShare);
    ImGui::BeginChild("##ws-contact", ImVec2(left, height), true, kColumnFlags);
    drawContactColumn(workspace, sink);
    ImGui::EndChild();
    ImGui::SameLine(0.0f, 0.0f);
    columnDivider("##divider-contact", spacing, height, usable, ui.dragContact, contactShare, model,
                  sink);
    ImGui::SameLine(0.0f, 0.0f);
    ImGui::BeginChild("##ws-chronology", ImVec2(middle, height), true,
                      kColumnFlags | ImGuiWindowFlags_NoScrollbar |
                          ImGuiWindowFlags_NoScrollWithMouse);
    drawChronologyColumn(workspace, ui);
    ImGui::EndChild();
    ImGui::SameLine(0.0f, 0.0f);
    columnDivider("##divider-chronology", spacing, height, usable, ui.dragChronology,
                  chronologyShare, model, sink);
    ImGui::SameLine(0.0f, 0.0f);
    ImGui::BeginChild("##ws-actions", ImVec2(0.0f, height), true, kColumnFlags);
    drawTabs(workspace, ui, sink);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    return;
  } else {
    const float left = std::floor((avail.x - spacing) * 0.5f);
    ImGui::BeginChild("##ws-reading", ImVec2(left, height), true, kColumnFlags);
    drawReadingTabs(workspace, ui, sink);
    ImGui::EndChild();
  }
  ImGui::SameLine();
  ImGui::BeginChild("##ws-actions", ImVec2(0.0f, height), true, kColumnFlags);
  drawTabs(workspace, ui, sink);
  ImGui::EndChild();
  ImGui::PopStyleVar();
}

} // namespace sim::ui
