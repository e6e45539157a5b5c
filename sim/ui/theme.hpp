// Themes (light, dark, high contrast) and the app's base style metrics.
#pragma once

namespace sim::ui {

enum class Theme { Light, Dark, HighContrast };

/// Applies colours and metrics to the current ImGui style.
void applyTheme(Theme theme);

} // namespace sim::ui
