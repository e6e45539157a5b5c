// WorkingCalendar: working days and hours of one scenario (default Monday to Friday,
// 09:00 to 17:00, with holidays), and the arithmetic of working time on it: adding working
// minutes across evenings, weekends and holidays, counting working time between two
// moments, and the one-working-day decision deadline.
#pragma once

#include "sim/core/scenario.hpp"
#include "sim/engine/sim_time.hpp"

#include <array>
#include <string>
#include <vector>

namespace sim::engine {

class WorkingCalendar {
public:
  /// Monday to Friday, 09:00 to 17:00, day 0 a Monday, no holidays.
  WorkingCalendar();
  explicit WorkingCalendar(const core::ClockSpec& clock);

  [[nodiscard]] core::Weekday weekdayOf(int day) const;
  /// A working weekday that is not a holiday.
  [[nodiscard]] bool isWorkingDay(int day) const;
  /// Inside working hours [day starts, day ends) of a working day.
  [[nodiscard]] bool isWorkingTime(SimTime t) const;
  /// `t` itself when it is working time, otherwise the start of the next working period.
  [[nodiscard]] SimTime nextWorkingMoment(SimTime t) const;
  /// The earliest moment with exactly `minutes` working minutes after `t` (minutes >= 0).
  /// Friday 16:30 plus 120 is Monday 10:30; Friday 16:00 plus 60 is Friday 17:00.
  [[nodiscard]] SimTime addWorkingMinutes(SimTime t, int minutes) const;
  /// Working minutes in [a, b); 0 when b is not after a.
  [[nodiscard]] int workingMinutesBetween(SimTime a, SimTime b) const;
  /// Working time in [a, b) in working days (480 working minutes are one day by default).
  [[nodiscard]] double workingDaysBetween(SimTime a, SimTime b) const;
  /// "Decide within one working day": one working day of working time after `arrived`.
  /// A contact that arrives out of hours starts the count at the next working moment.
  [[nodiscard]] SimTime decisionDeadline(SimTime arrived) const;

  [[nodiscard]] int minutesPerWorkingDay() const { return m_dayEnd - m_dayStart; }
  [[nodiscard]] int dayStarts() const { return m_dayStart; }
  [[nodiscard]] int dayEnds() const { return m_dayEnd; }

  /// "Mon 09:40 (day 0)": how the clock is shown to a practitioner.
  [[nodiscard]] std::string describe(SimTime t) const;

private:
  [[nodiscard]] int nextWorkingDay(int fromDay) const; // fromDay itself if it is one
  [[nodiscard]] bool isHoliday(int day) const;

  core::Weekday m_startDay = core::Weekday::Monday;
  int m_dayStart = 9 * 60;
  int m_dayEnd = 17 * 60;
  std::array<bool, 7> m_workingWeekday{true, true, true, true, true, false, false};
  std::vector<int> m_holidays; // sorted, unique
};

} // namespace sim::engine
