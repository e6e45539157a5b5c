// Intents: what a view asks the app to do. Views push them into an IntentSink while
// drawing; the app applies them after the frame is rendered. Views never mutate state.
#pragma once

#include "sim/ui/theme.hpp"

#include <cstddef>
#include <utility>
#include <variant>
#include <vector>

namespace sim::ui {

struct SelectCase {
  std::size_t index = 0;
};
struct ReloadLibrary {};
struct SetTheme {
  Theme theme = Theme::Light;
};

using Intent = std::variant<SelectCase, ReloadLibrary, SetTheme>;

class IntentSink {
public:
  void push(Intent intent) { m_intents.push_back(intent); }
  std::vector<Intent> take() { return std::exchange(m_intents, {}); }
  [[nodiscard]] bool empty() const { return m_intents.empty(); }

private:
  std::vector<Intent> m_intents;
};

} // namespace sim::ui
