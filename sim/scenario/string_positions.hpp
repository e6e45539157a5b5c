// Positions inside TOML string values: toml++ positions a value by where its literal
// starts; this maps a byte offset in the decoded text (after escapes, line-ending
// backslashes and CRLF) back to the line and column in the file, so a lint warning points
// at the offending text itself.
#pragma once

#include "sim/scenario/diagnostic_sink.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace sim::scenario {

/// Maps byte offsets in a decoded string value (sorted ascending) to line:column in the raw
/// file, in one forward walk over the string literal that starts at `start`; `lineOffset`
/// is the byte offset where `start.line` begins in `src`. Columns count characters, as
/// toml++ does. Empty when no string literal starts there.
std::vector<Pos> rawPositions(std::string_view src, std::size_t lineOffset, Pos start,
                              const std::vector<std::size_t>& targets);

} // namespace sim::scenario
