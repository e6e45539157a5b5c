// Shared widgets and the test item registry.
#include "sim/ui/widgets.hpp"

#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"

#include <imgui_internal.h> // GetItemID: a function, safe across the packaged build

namespace sim::ui {

namespace {
ItemRegistry* g_registry = nullptr;
} // namespace

const TrackedItem* ItemRegistry::find(std::string_view label) const {
  for (auto it = m_items.rbegin(); it != m_items.rend(); ++it) {
    if (it->label == label) {
      return &*it;
    }
  }
  return nullptr;
}

void installRegistry(ItemRegistry* registry) { g_registry = registry; }

void track(const char* label) {
  if (g_registry != nullptr) {
    // Visible means wholly inside its window's visible part: an item cut by the edge would
    // be clicked (by a test, as by a person) on what is not there.
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    const bool whole = min.y >= clip.Min.y - 1.0f && max.y <= clip.Max.y + 1.0f;
    const bool enabled = (GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled) == 0;
    g_registry->add(
        {label, ImGui::GetItemID(), min, max, ImGui::IsItemVisible() && whole, enabled});
    if (g_registry->scrollTarget() == label) {
      // Into view in its window and in every window around it (a list inside a form).
      ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleCenterY |
                          ImGuiScrollFlags_KeepVisibleCenterX);
      g_registry->scrollTo({});
    }
  }
}

namespace {
// Return, as well as Space, presses the button that has the keyboard focus (ImGui 1.86
// answers only Space).
bool returnPressed() {
  return ImGui::IsItemFocused() && ImGui::GetIO().NavVisible &&
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
}
} // namespace

bool button(const char* label, const ImVec2& size) {
  bool pressed = ImGui::Button(label, size);
  pressed = returnPressed() || pressed;
  track(label);
  return pressed;
}

bool buttonIf(bool enabled, const char* label, const ImVec2& size) {
  if (!enabled) {
    ImGui::BeginDisabled();
  }
  bool pressed = ImGui::Button(label, size);
  pressed = returnPressed() || pressed;
  track(label);
  if (!enabled) {
    ImGui::EndDisabled();
  }
  return pressed && enabled;
}

void heading(std::string_view text) {
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopFont();
  ImGui::Separator();
}

void text(std::string_view text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
}

void muted(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ui::text(text);
  ImGui::PopStyleColor();
}

void tooltip(std::string_view text) {
  // Also for keyboard users: while they navigate, the focused item shows its tooltip.
  if (ImGui::IsItemHovered() || (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible)) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

} // namespace sim::ui
