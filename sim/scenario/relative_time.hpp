// Relative times in case text: a fact that says "six months ago" and the records entry it
// comes from (dated in days before the contact) must agree, or a practitioner reading both
// sees two different histories. The loader warns when they do not (FORMAT.md,
// records.entries.day).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sim::scenario {

/// "six months ago" as it is written, and the span it names in days.
struct RelativeTime {
  std::string phrase; // as written in the text
  int days = 0;       // the span it names: six months = 183
  int tolerance = 0;  // how far a date may be from `days` and still agree (half a unit)
};

/// The first "<number> <unit> ago" in `text` (number in digits or words up to
/// ninety-nine, or "a"/"an"; unit days, weeks, fortnights, months or years), or "last
/// week/month/year", or "yesterday"; none when there is none.
std::optional<RelativeTime> relativeTimeIn(std::string_view text);

/// Whether a record dated `day` (days relative to the contact, negative before it) is what
/// `time` names.
bool agrees(const RelativeTime& time, int day);

} // namespace sim::scenario
