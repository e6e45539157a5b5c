// One CSV field as written by Frontdoor's exports (RFC 4180 quoting), guarded so that a
// spreadsheet never evaluates it as a formula.
#pragma once

#include <string>
#include <string_view>

namespace sim::core {

/// `text` quoted when it holds a comma, quote or line break; text beginning with = + - @,
/// a tab, a carriage return or ' gets a leading ' so that a spreadsheet shows it as text
/// (the ' itself is guarded so that unguardCsvText gives back exactly `text`).
std::string csvField(std::string_view text);

/// The value of a field read back: one leading ' is dropped when it guards one of the
/// characters above. unguardCsvText(unquoted csvField(x)) == x for every x.
std::string_view unguardCsvText(std::string_view field);

} // namespace sim::core
