// The headless ImGui context for frame timing: the setup NewFrame() requires in 1.86
// (display size, time step, a built font atlas) and nothing else.
#include "sim/ui/headless_frames.hpp"

#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"

#include <imgui.h>

#include <cfloat>

namespace sim::ui {

HeadlessFrames::HeadlessFrames(int width, int height, const std::filesystem::path& fonts) {
  m_context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DeltaTime = 1.0f / 60.0f;
  io.ConfigInputTextCursorBlink = false;
  // Keyboard navigation on, as in the app; it needs these keys mapped (GLFW's codes).
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.KeyMap[ImGuiKey_Tab] = 258;
  io.KeyMap[ImGuiKey_LeftArrow] = 263;
  io.KeyMap[ImGuiKey_RightArrow] = 262;
  io.KeyMap[ImGuiKey_UpArrow] = 265;
  io.KeyMap[ImGuiKey_DownArrow] = 264;
  io.KeyMap[ImGuiKey_Space] = 32;
  io.KeyMap[ImGuiKey_Enter] = 257;
  io.KeyMap[ImGuiKey_Escape] = 256;
  io.KeyMap[ImGuiKey_Backspace] = 259;
  io.KeyMap[ImGuiKey_Delete] = 261;
  io.KeyMap[ImGuiKey_Home] = 268;
  io.KeyMap[ImGuiKey_End] = 269;
  io.KeyMap[ImGuiKey_PageUp] = 266;
  io.KeyMap[ImGuiKey_PageDown] = 267;
  io.KeyMap[ImGuiKey_A] = 65;
  io.KeyMap[ImGuiKey_C] = 67;
  io.KeyMap[ImGuiKey_V] = 86;
  io.KeyMap[ImGuiKey_X] = 88;
  io.KeyMap[ImGuiKey_Y] = 89;
  io.KeyMap[ImGuiKey_Z] = 90;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  m_problem = sim::ui::loadFonts(fonts, 100);
  unsigned char* pixels = nullptr;
  int atlasWidth = 0;
  int atlasHeight = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &atlasWidth, &atlasHeight);
  sim::ui::applyTheme(view::Theme::Light, 100);
}

HeadlessFrames::~HeadlessFrames() { ImGui::DestroyContext(m_context); }

void HeadlessFrames::applyTheme(view::Theme theme) { sim::ui::applyTheme(theme, 100); }

void HeadlessFrames::frame(const std::function<void()>& draw) {
  ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
  ImGui::NewFrame();
  draw();
  ImGui::Render();
}

int HeadlessFrames::vertices() const {
  const ImDrawData* data = ImGui::GetDrawData();
  return data != nullptr ? data->TotalVtxCount : 0;
}

int HeadlessFrames::commands() const {
  const ImDrawData* data = ImGui::GetDrawData();
  if (data == nullptr) {
    return 0;
  }
  int n = 0;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    n += data->CmdLists[i]->CmdBuffer.Size;
  }
  return n;
}

const ImFont& HeadlessFrames::bodyFont() const { return *ImGui::GetIO().Fonts->Fonts[0]; }

float HeadlessFrames::bodyFontSize() const { return ImGui::GetIO().Fonts->Fonts[0]->FontSize; }

} // namespace sim::ui
