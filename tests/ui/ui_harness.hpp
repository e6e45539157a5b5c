// ui_test::Harness: Dear ImGui with no backend and no GL (style.md Part 4). It owns an ImGui
// context with the app's fonts, draws frames at a fixed time step, clicks items by their
// tracked label (mouse down for one frame, up for the next), types text and presses keys,
// and captures the text each frame drew (through ImGui's log buffer) so tests can assert
// what a practitioner could read. ShellDriver adds a real Session: every frame's intents are
// recorded and then applied, as the app does.
#pragma once

#include "sim/session/session.hpp"
#include "sim/ui/headless_frames.hpp"
#include "sim/ui/shell_view.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui.h>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ui_test {

class Harness {
public:
  explicit Harness(ImVec2 displaySize = ImVec2(1280, 800));
  ~Harness();
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  /// Draw one frame with `draw`; afterwards items() and text() describe it.
  void frame(const std::function<void()>& draw);
  /// Click the item drawn last frame with this label; false when there is none (the two
  /// frames are not drawn then).
  bool click(std::string_view label, const std::function<void()>& draw);
  /// Press the item with this label, move the mouse by `dx` pixels and release.
  bool drag(std::string_view label, float dx, const std::function<void()>& draw);
  /// Click at a point: mouse down for one frame, up for the next.
  void clickAt(ImVec2 point, const std::function<void()>& draw);
  /// Type UTF-8 text into the active text field (one frame).
  void type(std::string_view utf8, const std::function<void()>& draw);
  /// Press and release a key (a GLFW key code), optionally with Ctrl and Shift.
  void press(int key, const std::function<void()>& draw, bool ctrl = false, bool shift = false);

  /// Called after each frame's Render(): where the app applies the frame's intents.
  void afterEachFrame(std::function<void()> after) { m_after = std::move(after); }

  [[nodiscard]] const sim::ui::ItemRegistry& items() const { return m_items; }
  [[nodiscard]] const std::string& text() const { return m_text; }
  [[nodiscard]] bool shows(std::string_view needle) const {
    return m_text.find(needle) != std::string::npos;
  }
  [[nodiscard]] bool has(std::string_view label) const { return m_items.find(label) != nullptr; }
  /// The full label of the last item drawn whose label ends with `suffix` ("" if none), for
  /// items whose visible text comes from a vocabulary ("Same day##urgency-same_day").
  [[nodiscard]] std::string labelEndingWith(std::string_view suffix) const;

private:
  sim::ui::HeadlessFrames m_frames; // the ImGui context: first made, last destroyed
  std::function<void()> m_after;
  sim::ui::ItemRegistry m_items;
  std::string m_text;
};

/// A real session (real scenarios, a real SQLite file) driven through the real shell view.
class ShellDriver {
public:
  ShellDriver(const std::string& scenarios, const std::string& database,
              const std::string& preferences = {});

  /// One frame of the shell; its intents are recorded in lastIntents() and applied.
  void step();
  /// Click an item by label (two frames); false when no such item was drawn.
  bool click(std::string_view label);
  /// Click the item whose label ends with `suffix`.
  bool clickEndingWith(std::string_view suffix);
  bool drag(std::string_view label, float dx);
  /// Click at a point of the window (three frames: hover, press, release).
  void clickAt(ImVec2 point);
  /// Turn the mouse wheel over a point (negative: down the page), one frame.
  void wheel(ImVec2 point, float lines);
  /// How far the window under a point is scrolled down (pixels; -1 when none is there).
  [[nodiscard]] float scrollUnder(ImVec2 point);
  /// Fill in Home's new-profile form and press Create profile (false if a field is missing).
  bool createProfile(std::string_view id, std::string_view name);
  /// Go to the case library, choose the case with this id and start it; true when the
  /// workspace then shows it.
  bool startCase(const std::string& id);
  void type(std::string_view utf8);
  /// What the app does when its window closes: save the unsaved drafts, then close the
  /// session cleanly.
  void closeWindow();
  void press(int key, bool ctrl = false, bool shift = false);
  /// Whether the item drawn last with this label has the keyboard focus.
  [[nodiscard]] bool focused(std::string_view label) const;
  /// The tracked label of the item with the keyboard focus ("" when it is not tracked).
  [[nodiscard]] std::string focusedLabel() const;
  /// Press `key` (an arrow) until the item with this label has the keyboard focus, at most
  /// `presses` times; true when it has it.
  bool pressUntilFocused(std::string_view label, int key, int presses = 60);

  [[nodiscard]] sim::session::Session& session() { return m_session; }
  [[nodiscard]] const sim::view::ShellModel& model() const { return m_session.model(); }
  [[nodiscard]] sim::ui::UiState& ui() { return m_ui; }
  [[nodiscard]] Harness& harness() { return m_harness; }
  /// Every intent emitted since the driver started, in order.
  [[nodiscard]] const std::vector<sim::view::Intent>& intents() const { return m_intents; }
  /// Folders the session asked the file manager to show.
  [[nodiscard]] const std::vector<std::filesystem::path>& opened() const { return m_opened; }

private:
  std::function<void()> drawer();
  void applyPending();

  Harness m_harness;
  sim::session::Session m_session;
  sim::ui::UiState m_ui;
  sim::view::IntentSink m_sink;
  std::vector<sim::view::Intent> m_intents;
  std::vector<std::filesystem::path> m_opened;
};

/// Key codes as the GLFW backend reports them (the harness maps ImGui's keys the same way).
inline constexpr int kKeyTab = 258;
inline constexpr int kKeyEnter = 257;
inline constexpr int kKeyEscape = 256;
inline constexpr int kKeyEqual = 61;
inline constexpr int kKeyMinus = 45;
inline constexpr int kKeySpace = 32;
inline constexpr int kKeyBackspace = 259;
inline constexpr int kKeyDelete = 261;
inline constexpr int kKeyRight = 262;
inline constexpr int kKeyLeft = 263;
inline constexpr int kKeyDown = 264;
inline constexpr int kKeyUp = 265;
inline constexpr int kKeyHome = 268;
inline constexpr int kKeyEnd = 269;
inline constexpr int kKeyA = 65;
inline constexpr int kKeyC = 67;
inline constexpr int kKeyV = 86;
inline constexpr int kKeyY = 89;
inline constexpr int kKeyZ = 90;

/// The last intent of type T, or null.
template <typename T> const T* lastIntent(const std::vector<sim::view::Intent>& intents) {
  for (auto it = intents.rbegin(); it != intents.rend(); ++it) {
    if (const auto* found = std::get_if<T>(&*it)) {
      return found;
    }
  }
  return nullptr;
}

/// The action of the last Act intent if it is an A, or null.
template <typename A> const A* lastAction(const std::vector<sim::view::Intent>& intents) {
  const auto* act = lastIntent<sim::view::Act>(intents);
  return act != nullptr ? std::get_if<A>(&act->action) : nullptr;
}

} // namespace ui_test
