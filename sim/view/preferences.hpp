// Preferences a practitioner keeps between sessions: theme, text scale, window size and
// the last profile used. Plain values; the session reads and writes them (session/).
#pragma once

#include <cstdint>
#include <string>

namespace sim::view {

enum class Theme { Light, Dark, HighContrast };

inline constexpr int kMinScalePercent = 100;
inline constexpr int kMaxScalePercent = 200;
inline constexpr int kScaleStep = 10;

struct Preferences {
  Theme theme = Theme::Light;
  int scalePercent = kMinScalePercent; // text and spacing, 100..200
  int windowWidth = 1280;
  int windowHeight = 800;
  std::string lastProfile;      // pseudonymous id
  bool cleanExit = true;        // false while the app runs: a crash leaves it false
  std::int64_t openAttempt = 0; // the attempt open in the workspace (0: none)
  bool operator==(const Preferences&) const = default;
};

} // namespace sim::view
