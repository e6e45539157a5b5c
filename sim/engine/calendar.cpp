// Working-time arithmetic on a scenario's calendar. Loops step a working period at a
// time; they end because at least one weekday is a working day (the loader checks) and
// holidays are a finite list.
#include "sim/engine/calendar.hpp"

#include "sim/core/time_of_day.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>

namespace sim::engine {

namespace {

constexpr int kDaysPerWeek = 7;

int weekdayIndex(core::Weekday day) { return static_cast<int>(day); }

} // namespace

WorkingCalendar::WorkingCalendar() = default;

WorkingCalendar::WorkingCalendar(const core::ClockSpec& clock)
    : m_startDay(clock.startDay), m_dayStart(clock.dayStartMinute), m_dayEnd(clock.dayEndMinute),
      m_holidays(clock.holidays) {
  if (!clock.workingDays.empty()) {
    m_workingWeekday.fill(false);
    for (const auto day : clock.workingDays) {
      m_workingWeekday.at(static_cast<std::size_t>(weekdayIndex(day))) = true;
    }
  }
  std::sort(m_holidays.begin(), m_holidays.end());
  m_holidays.erase(std::unique(m_holidays.begin(), m_holidays.end()), m_holidays.end());
  assert(m_dayEnd > m_dayStart && "the loader guarantees day_ends after day_starts");
}

core::Weekday WorkingCalendar::weekdayOf(int day) const {
  const int index = ((weekdayIndex(m_startDay) + day) % kDaysPerWeek + kDaysPerWeek) % kDaysPerWeek;
  return static_cast<core::Weekday>(index);
}

bool WorkingCalendar::isHoliday(int day) const {
  return std::binary_search(m_holidays.begin(), m_holidays.end(), day);
}

bool WorkingCalendar::isWorkingDay(int day) const {
  return m_workingWeekday.at(static_cast<std::size_t>(weekdayIndex(weekdayOf(day)))) &&
         !isHoliday(day);
}

bool WorkingCalendar::isWorkingTime(SimTime t) const {
  const int minute = t.minuteOfDay();
  return isWorkingDay(t.day()) && minute >= m_dayStart && minute < m_dayEnd;
}

int WorkingCalendar::nextWorkingDay(int fromDay) const {
  int day = fromDay;
  while (!isWorkingDay(day)) {
    ++day;
  }
  return day;
}

SimTime WorkingCalendar::nextWorkingMoment(SimTime t) const {
  const int day = t.day();
  if (isWorkingDay(day) && t.minuteOfDay() < m_dayEnd) {
    return std::max(t, SimTime::at(day, m_dayStart));
  }
  return SimTime::at(nextWorkingDay(day + 1), m_dayStart);
}

SimTime WorkingCalendar::addWorkingMinutes(SimTime t, int minutes) const {
  assert(minutes >= 0 && "working minutes to add must not be negative");
  if (minutes <= 0) {
    return t;
  }
  SimTime at = nextWorkingMoment(t);
  int left = minutes;
  for (;;) {
    const int day = at.day();
    const int available = SimTime::at(day, m_dayEnd).minutes - at.minutes;
    if (left <= available) {
      return SimTime{at.minutes + left};
    }
    left -= available;
    at = SimTime::at(nextWorkingDay(day + 1), m_dayStart);
  }
}

int WorkingCalendar::workingMinutesBetween(SimTime a, SimTime b) const {
  if (b <= a) {
    return 0;
  }
  std::int64_t total = 0;
  for (int day = a.day(); day <= b.day(); ++day) {
    if (!isWorkingDay(day)) {
      continue;
    }
    const int from = std::max(SimTime::at(day, m_dayStart).minutes, a.minutes);
    const int to = std::min(SimTime::at(day, m_dayEnd).minutes, b.minutes);
    total += std::max(0, to - from);
  }
  return static_cast<int>(total);
}

double WorkingCalendar::workingDaysBetween(SimTime a, SimTime b) const {
  return static_cast<double>(workingMinutesBetween(a, b)) /
         static_cast<double>(minutesPerWorkingDay());
}

SimTime WorkingCalendar::decisionDeadline(SimTime arrived) const {
  return addWorkingMinutes(arrived, minutesPerWorkingDay());
}

std::string WorkingCalendar::describe(SimTime t) const {
  const auto weekday = core::labelOf(weekdayOf(t.day()));
  return std::string(weekday.substr(0, 3)) + " " + core::formatTimeOfDay(t.minuteOfDay()) +
         " (day " + std::to_string(t.day()) + ")";
}

} // namespace sim::engine
