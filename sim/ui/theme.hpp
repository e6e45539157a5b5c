// Themes (light, dark, high contrast), the base style metrics at the practitioner's scale,
// and the semantic colours views use (never the only carrier of meaning: every coloured
// mark also has a word or a shape).
#pragma once

#include "sim/view/preferences.hpp"

#include <imgui.h>

namespace sim::ui {

using view::Theme;

struct Palette {
  ImVec4 muted;   // secondary text
  ImVec4 accent;  // the practitioner's own marks in charts
  ImVec4 panel;   // the panel's marks in charts
  ImVec4 good;    // within band, reached
  ImVec4 warning; // deadline near, partial
  ImVec4 bad;     // critical error, missed
  ImVec4 chartBg; // chart plotting area
  ImVec4 grid;    // chart grid lines
};

/// Applies colours and metrics (scaled by `scalePercent`) to the current ImGui style.
void applyTheme(Theme theme, int scalePercent = 100);

/// The semantic colours of the theme applied last.
const Palette& palette();

} // namespace sim::ui
