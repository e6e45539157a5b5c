// Reading and writing the preferences file: one "key = value" per line (theme, scale,
// window size, last profile, clean exit). Unknown keys and bad values are reported with
// FILE:LINE and skipped, so a damaged file never stops the app.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/result.hpp"
#include "sim/view/preferences.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sim::session {

struct PreferencesRead {
  view::Preferences preferences;
  std::vector<core::Diagnostic> diagnostics; // warnings; the defaults stand for bad lines
};

PreferencesRead parsePreferences(std::string_view text, const std::string& displayPath);
std::string formatPreferences(const view::Preferences& preferences);

/// Read the file; a missing file gives the defaults and no diagnostics.
PreferencesRead readPreferences(const std::filesystem::path& path);
/// Write through a temporary file and a rename, so a crash never leaves half a file.
core::Result<std::monostate> writePreferences(const std::filesystem::path& path,
                                              const view::Preferences& preferences);

/// $XDG_CONFIG_HOME/frontdoor, else ~/.config/frontdoor (empty when neither is known).
std::filesystem::path defaultConfigFolder();

} // namespace sim::session
