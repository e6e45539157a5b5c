// The headless harness: ImGui 1.86's "write the input state" API, one frame per state.
#include "tests/ui/ui_harness.hpp"

#include "sim/ui/pending_edits.hpp"

#include <imgui_internal.h>

namespace ui_test {

Harness::Harness(ImVec2 displaySize)
    : m_frames(static_cast<int>(displaySize.x), static_cast<int>(displaySize.y), SIM_FONTS_DIR) {
  // The context, fonts, theme and key map are the frame benchmark's (headless_frames);
  // what a test adds is that two quick clicks stay two clicks.
  ImGui::GetIO().MouseDoubleClickTime = 0.0f;
  sim::ui::installRegistry(&m_items);
}

Harness::~Harness() { sim::ui::installRegistry(nullptr); }

void Harness::frame(const std::function<void()>& draw) {
  m_items.clear();
  m_frames.frame([&] {
    // ImGui's log copies every piece of text drawn while it is on; the clipboard is the log
    // target that needs no internal structures (with no backend it is a string in memory).
    ImGui::LogToClipboard();
    draw();
    ImGui::LogFinish();
    const char* drawn = ImGui::GetClipboardText();
    m_text = drawn != nullptr ? drawn : "";
  });
  if (m_after) {
    m_after();
  }
}

void Harness::clickAt(ImVec2 point, const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = point;
  frame(draw); // hover first, as a real pointer does
  io.MouseDown[0] = true;
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
  // Then the pointer leaves, so hover tooltips do not cover what the test reads next.
  io.MousePos = ImVec2(-1.0e30f, -1.0e30f);
}

bool Harness::click(std::string_view label, const std::function<void()>& draw) {
  const auto* item = m_items.find(label);
  if (item == nullptr) {
    return false;
  }
  if (!item->visible) {
    // Scrolled out of its window: scroll it into view first, as a person would.
    m_items.scrollTo(std::string(label));
    frame(draw);
    frame(draw);
    item = m_items.find(label);
    if (item == nullptr || !item->visible) {
      return false;
    }
  }
  const ImVec2 centre((item->min.x + item->max.x) * 0.5f, (item->min.y + item->max.y) * 0.5f);
  clickAt(centre, draw);
  return true;
}

std::string Harness::labelEndingWith(std::string_view suffix) const {
  for (auto it = m_items.items().rbegin(); it != m_items.items().rend(); ++it) {
    if (it->label.size() >= suffix.size() &&
        it->label.compare(it->label.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return it->label;
    }
  }
  return {};
}

bool Harness::drag(std::string_view label, float dx, const std::function<void()>& draw) {
  const auto* item = m_items.find(label);
  if (item == nullptr || !item->visible) {
    return false;
  }
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 start((item->min.x + item->max.x) * 0.5f, (item->min.y + item->max.y) * 0.5f);
  io.MousePos = start;
  frame(draw);
  io.MouseDown[0] = true;
  frame(draw);
  io.MousePos = ImVec2(start.x + dx, start.y);
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
  io.MousePos = ImVec2(-1.0e30f, -1.0e30f);
  return true;
}

void Harness::type(std::string_view utf8, const std::function<void()>& draw) {
  ImGui::GetIO().AddInputCharactersUTF8(std::string(utf8).c_str());
  frame(draw);
}

void Harness::press(int key, const std::function<void()>& draw, bool ctrl, bool shift) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = ctrl;
  io.KeyShift = shift;
  io.KeysDown[key] = true;
  frame(draw);
  io.KeysDown[key] = false;
  frame(draw);
  io.KeyCtrl = false;
  io.KeyShift = false;
}

ShellDriver::ShellDriver(const std::string& scenarios, const std::string& database,
                         const std::string& preferences)
    : m_session([&] {
        sim::session::SessionOptions options;
        options.scenarios = scenarios;
        options.database = database;
        options.preferences = preferences;
        options.now = [] { return std::string("2026-11-26T09:00:00Z"); };
        options.exportFolder = std::filesystem::path(database).parent_path() / "exports";
        options.openFolder = [this](const std::filesystem::path& folder) {
          m_opened.push_back(folder);
          return true;
        };
        return options;
      }()) {
  m_harness.afterEachFrame([this] { applyPending(); });
  step(); // the first frame lays the windows out
}

std::function<void()> ShellDriver::drawer() {
  return [this] { sim::ui::drawShell(m_session.model(), m_ui, m_sink); };
}

void ShellDriver::applyPending() {
  // Applied after the frame is rendered, as the app does.
  for (auto& intent : m_sink.take()) {
    m_intents.push_back(intent);
    m_session.apply(intent);
  }
}

void ShellDriver::step() { m_harness.frame(drawer()); }

void ShellDriver::closeWindow() {
  sim::ui::flushPendingEdits(m_session.model(), m_ui, m_sink);
  applyPending();
  m_session.close();
}

bool ShellDriver::click(std::string_view label) { return m_harness.click(label, drawer()); }

bool ShellDriver::clickEndingWith(std::string_view suffix) {
  const auto label = m_harness.labelEndingWith(suffix);
  return !label.empty() && click(label);
}

bool ShellDriver::drag(std::string_view label, float dx) {
  return m_harness.drag(label, dx, drawer());
}

bool ShellDriver::createProfile(std::string_view id, std::string_view name) {
  if (!click("Id##new-profile")) {
    return false;
  }
  type(id);
  if (!click("Display name##new-profile")) {
    return false;
  }
  type(name);
  return click("Create profile");
}

bool ShellDriver::focused(std::string_view label) const {
  const auto* item = m_harness.items().find(label);
  return item != nullptr && item->id != 0 && item->id == ImGui::GetFocusID();
}

std::string ShellDriver::focusedLabel() const {
  for (const auto& item : m_harness.items().items()) {
    if (item.id != 0 && item.id == ImGui::GetFocusID()) {
      return item.label;
    }
  }
  return {};
}

bool ShellDriver::pressUntilFocused(std::string_view label, int key, int presses) {
  for (int i = 0; i < presses && !focused(label); ++i) {
    press(key);
  }
  return focused(label);
}

void ShellDriver::clickAt(ImVec2 point) { m_harness.clickAt(point, drawer()); }

float ShellDriver::scrollUnder(ImVec2 point) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = point;
  step();
  const ImGuiWindow* window = GImGui->HoveredWindow;
  io.MousePos = ImVec2(-1.0e30f, -1.0e30f);
  return window != nullptr ? window->Scroll.y : -1.0f;
}

void ShellDriver::wheel(ImVec2 point, float lines) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = point;
  step();
  io.MouseWheel = lines;
  step();
  io.MouseWheel = 0.0f;
  step();
  io.MousePos = ImVec2(-1.0e30f, -1.0e30f);
}

bool ShellDriver::startCase(const std::string& id) {
  if (!click("nav:Cases")) {
    return false;
  }
  step();
  if (!click("Case##" + id)) {
    return false;
  }
  step();
  if (!click("Start this case##case-" + id)) {
    return false;
  }
  step();
  return model().screen == sim::view::Screen::Workspace;
}

void ShellDriver::type(std::string_view utf8) { m_harness.type(utf8, drawer()); }

void ShellDriver::press(int key, bool ctrl, bool shift) {
  m_harness.press(key, drawer(), ctrl, shift);
}

} // namespace ui_test
