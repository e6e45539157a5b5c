// Working calendar: adding working minutes across evenings, weekends and holidays,
// counting working time, and the one-working-day decision deadline.
#include "sim/engine/calendar.hpp"

#include <catch2/catch.hpp>

using sim::core::ClockSpec;
using sim::core::Weekday;
using sim::engine::SimTime;
using sim::engine::WorkingCalendar;

namespace {

constexpr int hm(int hours, int minutes) { return hours * 60 + minutes; }

// Default calendar: day 0 is a Monday, so day 4 is Friday and day 7 the next Monday.
constexpr int kFriday = 4;
constexpr int kSaturday = 5;
constexpr int kNextMonday = 7;
constexpr int kNextTuesday = 8;

} // namespace

TEST_CASE("Friday 16:30 plus two working hours is Monday 10:30") {
  const WorkingCalendar calendar;
  CHECK(calendar.addWorkingMinutes(SimTime::at(kFriday, hm(16, 30)), 120) ==
        SimTime::at(kNextMonday, hm(10, 30)));
}

TEST_CASE("work that fills the day to closing ends at closing time and not next morning") {
  const WorkingCalendar calendar;
  CHECK(calendar.addWorkingMinutes(SimTime::at(kFriday, hm(16, 0)), 60) ==
        SimTime::at(kFriday, hm(17, 0)));
  CHECK(calendar.addWorkingMinutes(SimTime::at(kFriday, hm(16, 0)), 61) ==
        SimTime::at(kNextMonday, hm(9, 1)));
}

TEST_CASE("adding nothing leaves the time alone even out of hours") {
  const WorkingCalendar calendar;
  const auto saturday = SimTime::at(kSaturday, hm(14, 0));
  CHECK(calendar.addWorkingMinutes(saturday, 0) == saturday);
}

TEST_CASE("actions outside working hours start at the next working moment") {
  const WorkingCalendar calendar;
  CHECK(calendar.addWorkingMinutes(SimTime::at(kSaturday, hm(14, 0)), 30) ==
        SimTime::at(kNextMonday, hm(9, 30)));
  CHECK(calendar.addWorkingMinutes(SimTime::at(1, hm(7, 15)), 30) == SimTime::at(1, hm(9, 30)));
  CHECK(calendar.addWorkingMinutes(SimTime::at(1, hm(19, 0)), 30) == SimTime::at(2, hm(9, 30)));
  CHECK(calendar.nextWorkingMoment(SimTime::at(1, hm(12, 0))) == SimTime::at(1, hm(12, 0)));
  CHECK(calendar.nextWorkingMoment(SimTime::at(1, hm(17, 0))) == SimTime::at(2, hm(9, 0)));
  CHECK(calendar.nextWorkingMoment(SimTime::at(kFriday, hm(17, 0))) ==
        SimTime::at(kNextMonday, hm(9, 0)));
}

TEST_CASE("working hours include the opening minute and exclude the closing minute") {
  const WorkingCalendar calendar;
  CHECK(calendar.isWorkingTime(SimTime::at(0, hm(9, 0))));
  CHECK(calendar.isWorkingTime(SimTime::at(0, hm(16, 59))));
  CHECK_FALSE(calendar.isWorkingTime(SimTime::at(0, hm(8, 59))));
  CHECK_FALSE(calendar.isWorkingTime(SimTime::at(0, hm(17, 0))));
  CHECK_FALSE(calendar.isWorkingTime(SimTime::at(kSaturday, hm(12, 0))));
}

TEST_CASE("holidays are skipped like weekends") {
  ClockSpec clock;
  clock.holidays = {kNextMonday};
  const WorkingCalendar calendar(clock);
  CHECK_FALSE(calendar.isWorkingDay(kNextMonday));
  CHECK(calendar.isWorkingDay(kNextTuesday));
  CHECK(calendar.addWorkingMinutes(SimTime::at(kFriday, hm(16, 30)), 120) ==
        SimTime::at(kNextTuesday, hm(10, 30)));
  CHECK(calendar.workingMinutesBetween(SimTime::at(kFriday, hm(16, 0)),
                                       SimTime::at(kNextTuesday, hm(10, 0))) == 120);
}

TEST_CASE("a run of holidays and weekends is crossed in one step") {
  ClockSpec clock;
  clock.holidays = {7, 8, 9, 10, 11}; // the whole next week
  const WorkingCalendar calendar(clock);
  CHECK(calendar.addWorkingMinutes(SimTime::at(kFriday, hm(17, 0)), 1) ==
        SimTime::at(14, hm(9, 1)));
}

TEST_CASE("decision deadlines span weekends and holidays") {
  const WorkingCalendar calendar;
  CHECK(calendar.decisionDeadline(SimTime::at(0, hm(9, 40))) == SimTime::at(1, hm(9, 40)));
  CHECK(calendar.decisionDeadline(SimTime::at(kFriday, hm(16, 30))) ==
        SimTime::at(kNextMonday, hm(16, 30)));
  // A contact that arrives on Saturday is counted from Monday morning.
  CHECK(calendar.decisionDeadline(SimTime::at(kSaturday, hm(11, 0))) ==
        SimTime::at(kNextMonday, hm(17, 0)));
  ClockSpec clock;
  clock.holidays = {kNextMonday};
  CHECK(WorkingCalendar(clock).decisionDeadline(SimTime::at(kFriday, hm(16, 30))) ==
        SimTime::at(kNextTuesday, hm(16, 30)));
}

TEST_CASE("working time between two moments counts only working hours") {
  const WorkingCalendar calendar;
  CHECK(calendar.workingMinutesBetween(SimTime::at(kFriday, hm(16, 0)),
                                       SimTime::at(kNextMonday, hm(10, 0))) == 120);
  CHECK(calendar.workingMinutesBetween(SimTime::at(1, hm(10, 0)), SimTime::at(0, hm(10, 0))) == 0);
  CHECK(calendar.workingMinutesBetween(SimTime::at(0, hm(6, 0)), SimTime::at(0, hm(20, 0))) == 480);
  CHECK(calendar.workingDaysBetween(SimTime::at(0, hm(9, 0)), SimTime::at(kNextMonday, hm(9, 0))) ==
        Approx(5.0));
}

TEST_CASE("adding working minutes and counting them agree everywhere in a fortnight") {
  ClockSpec clock;
  clock.startDay = Weekday::Wednesday;
  clock.holidays = {5, 6};
  const WorkingCalendar calendar(clock);
  int mismatches = 0;
  for (int t = 0; t < 14 * 24 * 60; t += 37) {
    for (const int n : {0, 1, 59, 60, 479, 480, 481, 1500}) {
      const SimTime from{t};
      const SimTime to = calendar.addWorkingMinutes(from, n);
      mismatches += calendar.workingMinutesBetween(from, to) == n ? 0 : 1;
      // The earliest such moment: one minute less would not be enough.
      mismatches += n > 0 && calendar.workingMinutesBetween(from, SimTime{to.minutes - 1}) != n - 1;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("custom working weeks and hours are honoured") {
  ClockSpec clock;
  clock.startDay = Weekday::Saturday;
  clock.dayStartMinute = hm(8, 0);
  clock.dayEndMinute = hm(16, 0);
  clock.workingDays = {Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday,
                       Weekday::Saturday};
  const WorkingCalendar calendar(clock);
  CHECK(calendar.isWorkingDay(0));       // Saturday
  CHECK_FALSE(calendar.isWorkingDay(1)); // Sunday
  CHECK_FALSE(calendar.isWorkingDay(2)); // Monday
  CHECK(calendar.addWorkingMinutes(SimTime::at(0, hm(15, 0)), 120) == SimTime::at(3, hm(9, 0)));
  CHECK(calendar.minutesPerWorkingDay() == 480);
}

TEST_CASE("weekdays and days count back into history") {
  const WorkingCalendar calendar;
  CHECK(calendar.weekdayOf(-1) == Weekday::Sunday);
  CHECK(calendar.weekdayOf(-7) == Weekday::Monday);
  CHECK(SimTime{-1}.day() == -1);
  CHECK(SimTime{-1}.minuteOfDay() == 1439);
  CHECK(SimTime{-1440}.day() == -1);
  CHECK(SimTime{-1441}.day() == -2);
  CHECK(calendar.describe(SimTime::at(kFriday, hm(16, 30))) == "Fri 16:30 (day 4)");
}
