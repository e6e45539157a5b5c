// Times of day on the simulated clock, as minutes since midnight, and their "HH:MM" text.
#pragma once

#include <string>

namespace sim::core {

/// "09:05" for 545. Minutes outside one day wrap into it.
std::string formatTimeOfDay(int minuteOfDay);

} // namespace sim::core
