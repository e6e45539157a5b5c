// One CSV field as written by Frontdoor's exports (RFC 4180 quoting), guarded so that a
// spreadsheet never evaluates it as a formula.
#pragma once

#include <string>
#include <string_view>

namespace sim::core {

/// `text` quoted when it holds a comma, quote or line break; a leading = + - @ gets a ' so
/// that a spreadsheet shows it as text.
std::string csvField(std::string_view text);

} // namespace sim::core
