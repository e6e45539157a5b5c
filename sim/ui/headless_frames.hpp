// HeadlessFrames: an ImGui context with no backend and no GL (style.md Part 3, fact 3) for
// timing frames: the app's fonts and theme, a fixed display size and time step, no input.
// Keeps ImGui out of tools/bench, which must not include it (tests/unit/test_layering.cpp).
#pragma once

#include "sim/view/preferences.hpp"

#include <filesystem>
#include <functional>
#include <string>

struct ImGuiContext;
struct ImFont;

namespace sim::ui {

class HeadlessFrames {
public:
  HeadlessFrames(int width, int height, const std::filesystem::path& fonts);
  ~HeadlessFrames();
  HeadlessFrames(const HeadlessFrames&) = delete;
  HeadlessFrames& operator=(const HeadlessFrames&) = delete;

  /// Why the fonts did not load ("" when they did).
  [[nodiscard]] const std::string& problem() const { return m_problem; }
  void applyTheme(view::Theme theme);
  /// One frame: NewFrame, `draw`, Render (which finishes the draw lists).
  void frame(const std::function<void()>& draw);
  /// Vertices and draw commands the last frame produced.
  [[nodiscard]] int vertices() const;
  [[nodiscard]] int commands() const;
  /// The body font and its size, for timing text layout (wrapped_text_box.hpp).
  [[nodiscard]] const ImFont& bodyFont() const;
  [[nodiscard]] float bodyFontSize() const;

private:
  ImGuiContext* m_context = nullptr;
  std::string m_problem;
};

} // namespace sim::ui
