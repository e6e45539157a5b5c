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
inline constexpr int kMinColumnPercent = 15;
inline constexpr int kMaxColumnPercent = 50;

struct Preferences {
  Theme theme = Theme::Light;
  int scalePercent = kMinScalePercent; // text and spacing, 100..200
  int windowWidth = 1280;
  int windowHeight = 800;
  std::string lastProfile;      // pseudonymous id
  bool cleanExit = true;        // false while the app runs: a crash leaves it false
  std::int64_t openAttempt = 0; // the attempt open in the workspace (0: none)
  std::string openAttemptUid;   // its unique id, so a crash offer names the right attempt
  // Layout: the widths of the workspace's contact and chronology columns, in percent of
  // the width (the actions column takes the rest); the practitioner drags the dividers.
  int contactColumnPercent = 30;
  int chronologyColumnPercent = 33;
  bool operator==(const Preferences&) const = default;
};

} // namespace sim::view
