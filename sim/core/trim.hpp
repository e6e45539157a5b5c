// Trimming blanks (spaces and tabs) from the ends of a field, shared by the readers of
// decision tables, preferences and typed-in names.
#pragma once

#include <string_view>

namespace sim::core {

/// `text` without leading and trailing spaces and tabs (and, with `andCarriageReturn`, a
/// trailing '\r' from a CRLF line).
constexpr std::string_view trimBlanks(std::string_view text, bool andCarriageReturn = false) {
  const auto blank = [&](char c) {
    return c == ' ' || c == '\t' || (andCarriageReturn && c == '\r');
  };
  while (!text.empty() && blank(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && blank(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

} // namespace sim::core
