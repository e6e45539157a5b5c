// Text from outside checked before it is kept, and made safe before it is shown: what is
// wrong with a value a person or a file gave (invalid UTF-8, control characters, too
// long), and any text turned into one terminal-safe line (control and C1 characters and
// invalid bytes written as escapes, long excerpts cut).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sim::core {

/// What is wrong with `value` as stored text, or nothing: "is not valid UTF-8 (byte 4)",
/// "holds the control character U+001B (byte 2)", "is 300 bytes long; at most 200". Line
/// breaks and tabs count as control characters unless `multiline`.
std::optional<std::string> textProblem(std::string_view value, std::size_t maxBytes,
                                       bool multiline = false);

/// `text` as it may be printed on a terminal or in a log: C0 controls other than line
/// breaks and tabs, DEL, C1 controls (U+0080–U+009F) and bytes that are not UTF-8 become
/// \xHH or \u{HH} escapes, and past `maxBytes` the rest is cut with "… (N more bytes)".
std::string terminalSafe(std::string_view text, std::size_t maxBytes = 4096);

/// A value quoted for a message: 'like this', terminal-safe, at most `maxBytes` of it.
std::string quotedExcerpt(std::string_view value, std::size_t maxBytes = 60);

} // namespace sim::core
