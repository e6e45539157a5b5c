// Colour and spacing choices for the three themes. Text contrast: the light and dark
// themes keep body text above 7:1 against the window; high contrast is white on black with
// yellow borders and focus.
#include "sim/ui/theme.hpp"

namespace sim::ui {

namespace {
Palette g_palette;

Palette paletteFor(Theme theme) {
  switch (theme) {
  case Theme::Light:
    return {{0.33f, 0.35f, 0.40f, 1.0f}, {0.05f, 0.35f, 0.75f, 1.0f}, {0.55f, 0.30f, 0.05f, 1.0f},
            {0.05f, 0.45f, 0.20f, 1.0f}, {0.62f, 0.38f, 0.00f, 1.0f}, {0.72f, 0.08f, 0.10f, 1.0f},
            {0.98f, 0.98f, 0.99f, 1.0f}, {0.80f, 0.82f, 0.86f, 1.0f}};
  case Theme::Dark:
    return {{0.68f, 0.70f, 0.75f, 1.0f}, {0.40f, 0.66f, 1.00f, 1.0f}, {0.98f, 0.70f, 0.35f, 1.0f},
            {0.40f, 0.82f, 0.50f, 1.0f}, {0.96f, 0.78f, 0.30f, 1.0f}, {1.00f, 0.45f, 0.45f, 1.0f},
            {0.10f, 0.11f, 0.13f, 1.0f}, {0.30f, 0.32f, 0.36f, 1.0f}};
  case Theme::HighContrast:
    return {{0.90f, 0.90f, 0.90f, 1.0f}, {0.30f, 0.85f, 1.00f, 1.0f}, {1.00f, 1.00f, 0.00f, 1.0f},
            {0.40f, 1.00f, 0.40f, 1.0f}, {1.00f, 0.85f, 0.00f, 1.0f}, {1.00f, 0.45f, 0.45f, 1.0f},
            {0.00f, 0.00f, 0.00f, 1.0f}, {0.60f, 0.60f, 0.60f, 1.0f}};
  }
  return {};
}
} // namespace

const Palette& palette() { return g_palette; }

void applyTheme(Theme theme, int scalePercent) {
  ImGuiStyle style;
  switch (theme) {
  case Theme::Light:
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.97f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    style.Colors[ImGuiCol_Text] = ImVec4(0.08f, 0.09f, 0.11f, 1.0f);
    // Fields are tinted and outlined so they stand out on the white panels.
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(0.70f, 0.72f, 0.76f, 1.0f);
    style.FrameBorderSize = 1.0f;
    // Table headers are neutral, so they do not look like a selected row.
    style.Colors[ImGuiCol_TableHeaderBg] = ImVec4(0.86f, 0.87f, 0.90f, 1.0f);
    // What is chosen stands out more than what the pointer is over.
    style.Colors[ImGuiCol_Header] = ImVec4(0.26f, 0.59f, 0.98f, 0.50f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.59f, 0.98f, 0.18f);
    style.Colors[ImGuiCol_HeaderActive] = ImVec4(0.26f, 0.59f, 0.98f, 0.60f);
    break;
  case Theme::Dark:
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.14f, 0.15f, 0.17f, 1.0f);
    style.Colors[ImGuiCol_Text] = ImVec4(0.93f, 0.94f, 0.95f, 1.0f);
    style.Colors[ImGuiCol_TableHeaderBg] = ImVec4(0.22f, 0.23f, 0.26f, 1.0f);
    // Fields are neutral (not tinted blue), so a chosen item in a list box stands out.
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.19f, 0.20f, 0.23f, 1.0f);
    style.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.24f, 0.26f, 0.30f, 1.0f);
    style.Colors[ImGuiCol_FrameBgActive] = ImVec4(0.28f, 0.30f, 0.35f, 1.0f);
    // What is chosen stands out more than what the pointer is over.
    style.Colors[ImGuiCol_Header] = ImVec4(0.16f, 0.38f, 0.70f, 1.0f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.20f, 0.26f, 0.36f, 1.0f);
    style.Colors[ImGuiCol_HeaderActive] = ImVec4(0.20f, 0.44f, 0.78f, 1.0f);
    break;
  case Theme::HighContrast:
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_Text] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.75f, 0.75f, 0.75f, 1.0f);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_PopupBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(1.0f, 1.0f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.0f, 0.20f, 0.45f, 1.0f);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.0f, 0.35f, 0.75f, 1.0f);
    // What is chosen stands out more than what the pointer is over.
    style.Colors[ImGuiCol_Header] = ImVec4(0.0f, 0.38f, 0.85f, 1.0f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.16f, 0.38f, 1.0f);
    style.Colors[ImGuiCol_HeaderActive] = ImVec4(0.0f, 0.42f, 0.92f, 1.0f);
    style.Colors[ImGuiCol_NavHighlight] = ImVec4(1.0f, 1.0f, 0.0f, 1.0f);
    style.FrameBorderSize = 1.0f;
    break;
  }
  style.WindowPadding = ImVec2(14, 12);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 7);
  style.WindowRounding = 4.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.ScrollbarSize = 16.0f;
  style.ChildBorderSize = 1.0f;
  style.ScaleAllSizes(static_cast<float>(scalePercent) / 100.0f);
  ImGui::GetStyle() = style;
  g_palette = paletteFor(theme);
}

} // namespace sim::ui
