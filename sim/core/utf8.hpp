// UTF-8 helpers for text typed by people (action files, notes, rationale): validity and
// counting characters for column numbers.
#pragma once

#include <cstddef>
#include <string_view>

namespace sim::core {

/// Well-formed UTF-8: no stray continuation bytes, overlong forms, surrogates or values
/// above U+10FFFF.
bool isValidUtf8(std::string_view text);

/// Length in bytes of the well-formed character starting at byte `i`, or 0 when the
/// bytes there are not well-formed UTF-8.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i);

/// Characters (code points) in `text`, counting each byte of invalid UTF-8 as one.
std::size_t codePointCount(std::string_view text);

} // namespace sim::core
