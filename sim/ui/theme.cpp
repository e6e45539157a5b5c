// Colour and spacing choices for the three themes.
#include "sim/ui/theme.hpp"

#include <imgui.h>

namespace sim::ui {

void applyTheme(Theme theme) {
  ImGuiStyle style;
  switch (theme) {
  case Theme::Light:
    ImGui::StyleColorsLight(&style);
    break;
  case Theme::Dark:
    ImGui::StyleColorsDark(&style);
    break;
  case Theme::HighContrast:
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_Text] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(1.0f, 1.0f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.0f, 0.25f, 0.6f, 1.0f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.35f, 0.8f, 1.0f);
    style.FrameBorderSize = 1.0f;
    break;
  }
  style.WindowPadding = ImVec2(14, 12);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 7);
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.ScrollbarSize = 16.0f;
  ImGui::GetStyle() = style;
}

} // namespace sim::ui
