// Formatting of times of day.
#include "sim/core/time_of_day.hpp"

namespace sim::core {

std::string formatTimeOfDay(int minuteOfDay) {
  constexpr int kMinutesPerDay = 24 * 60;
  const int minute = ((minuteOfDay % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay;
  const auto twoDigits = [](int n) {
    return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
  };
  return twoDigits(minute / 60) + ":" + twoDigits(minute % 60);
}

} // namespace sim::core
