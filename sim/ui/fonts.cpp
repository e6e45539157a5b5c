// Font loading through imgui_freetype (part of Debian's libimgui.a).
#include "sim/ui/fonts.hpp"

#include <imgui_freetype.h>

#include <system_error>

namespace sim::ui {

namespace {
Fonts g_fonts;

// Latin-1, Latin Extended-A, general punctuation (dashes, curly quotes, ellipsis), the euro,
// arrows, box drawing and geometric shapes (the status marks that do not rely on colour).
constexpr ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F,
                               0x20AC, 0x20AC, 0x2190, 0x21FF, 0x2212, 0x2212,
                               0x2500, 0x25FF, 0x2713, 0x2717, 0};
} // namespace

const Fonts& fonts() { return g_fonts; }

std::string loadFonts(const std::filesystem::path& folder, int scalePercent) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  g_fonts = {};
  const auto regular = folder / "DejaVuSans.ttf";
  const auto bold = folder / "DejaVuSans-Bold.ttf";
  std::error_code error;
  // Debian's ImGui aborts on a missing font file, so check before loading.
  if (!std::filesystem::is_regular_file(regular, error) ||
      !std::filesystem::is_regular_file(bold, error)) {
    io.Fonts->AddFontDefault();
    return "The font files are missing from " + folder.string() +
           " (they are copied there when the app is built).";
  }
  const float scale = static_cast<float>(scalePercent) / 100.0f;
  const float size = kBaseFontSize * scale;
  g_fonts.regular = io.Fonts->AddFontFromFileTTF(regular.c_str(), size, nullptr, kRanges);
  g_fonts.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), size, nullptr, kRanges);
  g_fonts.heading = io.Fonts->AddFontFromFileTTF(bold.c_str(), size * 1.18f, nullptr, kRanges);
  g_fonts.title = io.Fonts->AddFontFromFileTTF(bold.c_str(), size * 1.5f, nullptr, kRanges);
  io.FontDefault = g_fonts.regular;
  if (!io.Fonts->Build()) {
    io.Fonts->Clear();
    io.Fonts->AddFontDefault();
    g_fonts = {};
    return "FreeType could not build the font atlas from " + folder.string() + ".";
  }
  return {};
}

} // namespace sim::ui
