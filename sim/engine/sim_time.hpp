// SimTime: a moment on the simulated clock, in minutes from midnight at the start of day 0
// (the day the contact arrived). Negative for history, positive for later days. Plain
// value type; the working calendar (calendar.hpp) gives it working-time meaning.
#pragma once

#include <compare>

namespace sim::engine {

inline constexpr int kMinutesPerDay = 24 * 60;

/// Days after day 0 that a wait may reach: later decision points are at most 1095 days
/// after the contact, so a longer wait is refused rather than looped over.
inline constexpr int kHorizonDays = 1100;

/// The end of simulated time: no action or reply may run past this day, so every time an
/// event log holds can be written and read back (parseSimTime accepts up to this day).
inline constexpr int kMaxClockDays = 10000;

struct SimTime {
  int minutes = 0;

  [[nodiscard]] static constexpr SimTime at(int day, int minuteOfDay) {
    return SimTime{day * kMinutesPerDay + minuteOfDay};
  }
  /// Day number relative to day 0 (floor division, so -1 for the day before).
  [[nodiscard]] constexpr int day() const {
    return minutes >= 0 ? minutes / kMinutesPerDay
                        : -((-minutes + kMinutesPerDay - 1) / kMinutesPerDay);
  }
  [[nodiscard]] constexpr int minuteOfDay() const { return minutes - day() * kMinutesPerDay; }

  constexpr auto operator<=>(const SimTime&) const = default;
};

} // namespace sim::engine
