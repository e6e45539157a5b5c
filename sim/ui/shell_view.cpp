// The shell frame: navigation, display settings, notices, keyboard shortcuts and the
// current screen.
#include "sim/ui/shell_view.hpp"

#include "sim/ui/fonts.hpp"
#include "sim/ui/screen_registry.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <string>

namespace sim::ui {

namespace {

// Key codes as the GLFW backend reports them; for these keys they are the ASCII codes
// (GLFW_KEY_EQUAL 61, GLFW_KEY_MINUS 45, GLFW_KEY_0 48 ...) and the keypad's 333/334.
constexpr int kKeyMinus = 45;
constexpr int kKeyEqual = 61;
constexpr int kKey0 = 48;
constexpr int kKey1 = 49;
constexpr int kKeypadSubtract = 333;
constexpr int kKeypadAdd = 334;

bool keyPressed(int key) {
  const ImGuiIO& io = ImGui::GetIO();
  return key < IM_ARRAYSIZE(io.KeysDown) && ImGui::IsKeyPressed(key, false);
}

void shortcuts(const view::ShellModel& model, view::IntentSink& sink) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl) {
    return;
  }
  const int scale = model.preferences.scalePercent;
  if ((keyPressed(kKeyEqual) || keyPressed(kKeypadAdd)) && scale < view::kMaxScalePercent) {
    sink.push(view::SetScale{scale + view::kScaleStep});
  }
  if ((keyPressed(kKeyMinus) || keyPressed(kKeypadSubtract)) && scale > view::kMinScalePercent) {
    sink.push(view::SetScale{scale - view::kScaleStep});
  }
  if (keyPressed(kKey0) && scale != view::kMinScalePercent) {
    sink.push(view::SetScale{view::kMinScalePercent});
  }
  for (const auto& entry : screenRegistry()) {
    if (keyPressed(kKey1 + entry.shortcut - 1) && model.screen != entry.id) {
      sink.push(view::ShowScreen{entry.id});
    }
  }
}

// The practitioner's name, the theme and the text size, on one line.
void drawDisplaySettings(const view::ShellModel& model, const std::string& who,
                         view::IntentSink& sink) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(who.c_str());
  ImGui::SameLine();
  static constexpr const char* kThemes[] = {"Light", "Dark", "High contrast"};
  int theme = static_cast<int>(model.preferences.theme);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  if (ImGui::Combo("##theme", &theme, kThemes, 3)) {
    sink.push(view::SetTheme{static_cast<view::Theme>(theme)});
  }
  track("Theme##nav");
  tooltip("Colour theme");
  ImGui::SameLine();
  const int scale = model.preferences.scalePercent;
  if (buttonIf(scale > view::kMinScalePercent, "A\xE2\x88\x92##smaller")) {
    sink.push(view::SetScale{scale - view::kScaleStep});
  }
  tooltip("Smaller text (Ctrl+minus)");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%d %%", scale);
  ImGui::SameLine();
  if (buttonIf(scale < view::kMaxScalePercent, "A+##larger")) {
    sink.push(view::SetScale{scale + view::kScaleStep});
  }
  tooltip("Larger text (Ctrl+plus); Ctrl+0 resets to 100 %");
}

void drawNavigation(const view::ShellModel& model, view::IntentSink& sink) {
  // The wordmark only when the row has room for it beside the screens and the display
  // button (the window's title names the app as well).
  const ImGuiStyle& navStyle = ImGui::GetStyle();
  float needed = ImGui::CalcTextSize("Display\xE2\x80\xA6").x + navStyle.FramePadding.x * 2.0f;
  for (const auto& entry : screenRegistry()) {
    needed += ImGui::CalcTextSize(("\xE2\x97\x8F " + std::string(entry.title)).c_str()).x +
              navStyle.FramePadding.x * 2.0f + navStyle.ItemSpacing.x;
  }
  ImGui::PushFont(fonts().bold);
  const float wordmark = ImGui::CalcTextSize("Frontdoor").x + ImGui::GetFontSize() * 1.5f;
  ImGui::PopFont();
  if (needed + wordmark <= ImGui::GetContentRegionAvail().x) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted("Frontdoor");
    ImGui::PopFont();
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
  }
  for (const auto& entry : screenRegistry()) {
    const auto screen = entry.id;
    const bool current = model.screen == screen;
    const std::string label(entry.title);
    ImGui::PushID(entry.shortcut);
    // The current screen is marked by a filled bullet and an underline, not colour alone.
    const std::string shown = (current ? "\xE2\x97\x8F " : "") + label;
    if (current) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    }
    if (button((shown + "###nav-" + label).c_str()) && !current) {
      sink.push(view::ShowScreen{screen});
    }
    track(("nav:" + label).c_str());
    if (current) {
      ImGui::PopStyleColor();
      const ImVec2 min = ImGui::GetItemRectMin();
      const ImVec2 max = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x + 4, max.y + 2),
                                          ImVec2(max.x - 4, max.y + 2),
                                          ImGui::GetColorU32(ImGuiCol_Text), 2.0f);
    }
    tooltip("Ctrl+" + std::to_string(entry.shortcut));
    ImGui::PopID();
    ImGui::SameLine();
  }
  // Right-hand side: who is practising, theme and text size; in one "Display" button that
  // opens them when the row has no room (large text, a small window), so the header stays
  // one line.
  const std::string who =
      model.home.currentId.empty() ? "No profile chosen" : model.home.currentName;
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto buttonWidth = [&](const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + style.FramePadding.x * 2.0f;
  };
  const float right = ImGui::CalcTextSize(who.c_str()).x + ImGui::GetFontSize() * 8.0f +
                      buttonWidth("A\xE2\x88\x92") + ImGui::CalcTextSize("200 %").x +
                      buttonWidth("A+") + style.ItemSpacing.x * 4.0f;
  const float end = ImGui::GetContentRegionMax().x;
  if (ImGui::GetCursorPosX() + right <= end) {
    ImGui::SameLine(end - right);
    drawDisplaySettings(model, who, sink);
  } else {
    const char* kDisplay = "Display\xE2\x80\xA6##display";
    const float width = buttonWidth(kDisplay);
    if (ImGui::GetCursorPosX() + width <= end) {
      ImGui::SameLine(end - width);
    } else {
      ImGui::NewLine();
    }
    if (button(kDisplay)) {
      ImGui::OpenPopup("##display-settings");
    }
    tooltip(who + ": colour theme and text size");
    if (ImGui::BeginPopup("##display-settings")) {
      drawDisplaySettings(model, who, sink);
      ImGui::EndPopup();
    }
  }
  ImGui::Separator();
}

void drawNotices(const view::ShellModel& model, float& lastHeight, view::IntentSink& sink) {
  if (model.notices.empty()) {
    return;
  }
  // At most a third of the window, scrolling beyond that, so notices never squeeze the
  // screen below them away; sized to last frame's content.
  const float most = ImGui::GetContentRegionAvail().y / 3.0f;
  const float height = lastHeight > 0.0f ? std::min(lastHeight, most) : most;
  ImGui::BeginChild("##notices", ImVec2(0.0f, height), false);
  for (std::size_t i = 0; i < model.notices.size(); ++i) {
    const auto& n = model.notices[i];
    ImGui::PushID(static_cast<int>(i));
    const bool error = n.kind == view::Notice::Kind::Error;
    ImGui::PushStyleColor(ImGuiCol_Border, error ? palette().bad : palette().accent);
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().bold);
    const std::string title = (error ? "\xE2\x96\xB2 Problem: " : "Note: ") + n.title;
    text(title);
    ImGui::PopFont();
    text(n.message);
    if (!n.whatToDo.empty()) {
      text("What to do: " + n.whatToDo);
    }
    if (button(("Dismiss##notice-" + std::to_string(i)).c_str())) {
      sink.push(view::DismissNotice{i});
    }
    ImGui::EndGroup();
    ImGui::PopStyleColor();
    ImGui::Separator();
    ImGui::PopID();
  }
  lastHeight = ImGui::GetCursorPosY() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::EndChild();
}

} // namespace

void drawShell(const view::ShellModel& model, UiState& ui, view::IntentSink& sink) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("Frontdoor", nullptr, kFlags);
  shortcuts(model, sink);
  drawNavigation(model, sink);
  drawNotices(model, ui.noticesHeight, sink);
  screenEntry(model.screen).draw(model, ui, sink);
  ImGui::End();
}

} // namespace sim::ui
