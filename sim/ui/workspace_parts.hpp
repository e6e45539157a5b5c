// Parts of the case workspace, shared by its drawing files (workspace_view.cpp: layout,
// notes and tabs; workspace_status.cpp: the status strip and undo; workspace_contact.cpp:
// the contact and household; workspace_chronology.cpp; workspace_enquiries.cpp), and the
// small text helpers they use. Private to sim_ui.
#pragma once

#include "sim/engine/attempt_state.hpp"
#include "sim/ui/fonts.hpp"
#include "sim/ui/widgets.hpp"
#include "sim/ui/workspace_view.hpp"
#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

#include <imgui.h>

#include <cmath>
#include <string>
#include <string_view>

namespace sim::ui::workspace {

constexpr ImGuiWindowFlags kColumnFlags = ImGuiWindowFlags_NavFlattened;
// Key codes as the GLFW backend reports them (GLFW_KEY_Y, GLFW_KEY_Z: their ASCII codes).
constexpr int kKeyY = 89;
constexpr int kKeyZ = 90;

std::size_t at(int index);
bool blank(const std::string& text);
std::string lowerFirst(std::string_view text);
std::string lowerAll(std::string_view text);
void boldLine(std::string_view text);
void coloured(const ImVec4& colour, std::string_view text);
/// A wrapped radio button, tracked for the UI tests.
bool radio(const std::string& label, bool active);

// Groups of text laid out on one line while they fit, with a thin vertical rule between
// groups on the same line, wrapping to the next line between groups when they do not (the
// status strip at large text sizes).
class Flow {
public:
  void next(float width) {
    if (!m_first) {
      const float gap = ImGui::GetFontSize() * 1.6f;
      const ImVec2 lastMax = ImGui::GetItemRectMax();
      const ImVec2 lastMin = ImGui::GetItemRectMin();
      ImGui::SameLine(0.0f, gap);
      if (ImGui::GetContentRegionAvail().x < width) {
        ImGui::NewLine();
      } else {
        // A rule between the groups, so that the facts read as separate.
        const float x = std::floor(lastMax.x + gap * 0.5f) + 0.5f;
        ImGui::GetWindowDrawList()->AddLine(
            ImVec2(x, lastMin.y + 1.0f), ImVec2(x, lastMax.y - 1.0f),
            ImGui::GetColorU32(ImGuiCol_Separator), std::max(1.0f, ImGui::GetFontSize() * 0.07f));
      }
    }
    m_first = false;
  }
  // "Label: value" as one group: the label in bold, the value in the regular font.
  void group(std::string_view label, std::string_view value, const ImVec4* colour = nullptr,
             bool boldValue = false) {
    const std::string name = std::string(label) + ":";
    ImGui::PushFont(fonts().bold);
    const float nameWidth = ImGui::CalcTextSize(name.c_str()).x;
    const float valueWidth =
        boldValue ? ImGui::CalcTextSize(value.data(), value.data() + value.size()).x : 0.0f;
    ImGui::PopFont();
    const float width =
        nameWidth + ImGui::GetStyle().ItemSpacing.x +
        (boldValue ? valueWidth : ImGui::CalcTextSize(value.data(), value.data() + value.size()).x);
    next(width);
    if (colour != nullptr) {
      ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    }
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    if (boldValue) {
      ImGui::PushFont(fonts().bold);
    }
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    if (boldValue) {
      ImGui::PopFont();
    }
    if (colour != nullptr) {
      ImGui::PopStyleColor();
    }
  }
  void text(std::string_view text, const ImVec4* colour = nullptr, bool bold = false) {
    if (bold) {
      ImGui::PushFont(fonts().bold);
    }
    next(ImGui::CalcTextSize(text.data(), text.data() + text.size()).x);
    if (colour != nullptr) {
      ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    }
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (colour != nullptr) {
      ImGui::PopStyleColor();
    }
    if (bold) {
      ImGui::PopFont();
    }
  }

private:
  bool m_first = true;
};

/// The title, clock, deadline, replies, Wait, Undo and Redo, and the last refusal.
void drawStatusStrip(const view::WorkspaceModel& model, view::IntentSink& sink);
/// Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) while no text box is being edited.
void undoShortcuts(const engine::AttemptState& state, view::IntentSink& sink);
/// Who made the contact, in words ("Anonymous referrer" when they gave no name).
std::string referrerText(const core::Contact& contact);
/// The contact as the referrer gave it, and the household.
void drawContact(const view::WorkspaceModel& model, view::IntentSink& sink);
void drawContactColumn(const view::WorkspaceModel& model, view::IntentSink& sink);
void drawChronologyColumn(const view::WorkspaceModel& model, WorkspaceUi& ui);
/// At large text sizes: the contact and the chronology as tabs beside the actions.
void drawReadingTabs(const view::WorkspaceModel& model, WorkspaceUi& ui, view::IntentSink& sink);
/// Questions, records, direct contacts, the manager and partner-agency checks.
void drawEnquiries(const view::WorkspaceModel& model, WorkspaceUi& ui, view::IntentSink& sink);

} // namespace sim::ui::workspace
