// Fonts: DejaVu Sans (regular, bold, a larger heading size) rendered with FreeType from the
// build tree's copy of Debian's fonts-dejavu-core, at the practitioner's text scale.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <string>

namespace sim::ui {

inline constexpr float kBaseFontSize = 17.0f; // pixels at 100 %

struct Fonts {
  ImFont* regular = nullptr; // null: ImGui's default font (only when the files are missing)
  ImFont* bold = nullptr;
  ImFont* heading = nullptr;
  ImFont* title = nullptr;
};

/// The fonts loaded last (null members until loadFonts succeeds).
const Fonts& fonts();

/// Clear the atlas and load the fonts from `folder` at `scalePercent`, rasterised by
/// FreeType. Returns an error message (the atlas then holds ImGui's default font) or "".
/// The caller rebuilds the renderer's font texture afterwards.
std::string loadFonts(const std::filesystem::path& folder, int scalePercent);

} // namespace sim::ui
