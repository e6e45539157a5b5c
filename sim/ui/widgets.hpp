// Small widgets shared by the views, and the item registry the headless UI tests use to
// find and click items by label (Dear ImGui 1.86 has no test engine in Debian). Every
// interactive widget a test may drive is followed by track(label).
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace sim::ui {

struct TrackedItem {
  std::string label; // the widget's full label, "Ask##q-bedtime"
  ImGuiID id = 0;
  ImVec2 min;
  ImVec2 max;
  bool visible = true; // not scrolled or clipped out of its window
  bool enabled = true; // not drawn disabled
};

/// Items drawn in the last frame, recorded only while a test has installed a registry.
class ItemRegistry {
public:
  void clear() { m_items.clear(); }
  void add(TrackedItem item) { m_items.push_back(std::move(item)); }
  /// The last item drawn with this label, or null.
  [[nodiscard]] const TrackedItem* find(std::string_view label) const;
  [[nodiscard]] const std::vector<TrackedItem>& items() const { return m_items; }
  /// Ask the window holding the item with this label to scroll it into view next frame.
  void scrollTo(std::string label) { m_scrollTo = std::move(label); }
  [[nodiscard]] const std::string& scrollTarget() const { return m_scrollTo; }

private:
  std::vector<TrackedItem> m_items;
  std::string m_scrollTo;
};

/// Install (or remove, with null) the registry that track() records into.
void installRegistry(ItemRegistry* registry);

/// Record the last submitted item under `label` (a no-op unless a test installed a
/// registry).
void track(const char* label);

/// ImGui::Button, tracked.
bool button(const char* label, const ImVec2& size = ImVec2(0, 0));
/// A button that is drawn disabled (and does nothing) when `enabled` is false.
bool buttonIf(bool enabled, const char* label, const ImVec2& size = ImVec2(0, 0));
/// A section heading in the heading font, with a separator under it.
void heading(std::string_view text);
/// Wrapped text from a string_view (no format string, so '%' is safe).
void text(std::string_view text);
/// Wrapped text in the muted colour (hints, timestamps).
void muted(std::string_view text);
/// A hover tooltip on the last item (also shown when it has keyboard focus).
void tooltip(std::string_view text);

} // namespace sim::ui
