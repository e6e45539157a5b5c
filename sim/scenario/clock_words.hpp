// Clock words in case text: a decision point's prompt is read at whatever time the
// practitioner reaches it, while the status strip shows the simulated clock, so a prompt
// that names a weekday or a time of day ("It is Monday morning") can contradict the clock.
// The loader warns about them (FORMAT.md, decision_points.prompt).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sim::scenario {

/// The first weekday or time-of-day word in `text` ("Monday", "afternoon", "tonight"),
/// matched as a whole word in any case, as it is written there; none when there is none.
std::optional<std::string> clockWordIn(std::string_view text);

} // namespace sim::scenario
