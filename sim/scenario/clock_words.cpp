// Finding weekday and time-of-day words, whole words only, ignoring case (ASCII).
#include "sim/scenario/clock_words.hpp"

#include <array>
#include <cctype>

namespace sim::scenario {

namespace {

constexpr std::array<std::string_view, 16> kClockWords{
    "monday",    "tuesday", "wednesday", "thursday",  "friday", "saturday",  "sunday", "morning",
    "afternoon", "evening", "tonight",   "overnight", "midday", "lunchtime", "today",  "yesterday"};

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool sameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != static_cast<unsigned char>(b[i])) {
      return false;
    }
  }
  return true;
}

} // namespace

std::optional<std::string> clockWordIn(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!isWordChar(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && isWordChar(text[end])) {
      ++end;
    }
    const auto word = text.substr(i, end - i);
    for (const auto clock : kClockWords) {
      if (sameIgnoringCase(word, clock)) {
        return std::string(word);
      }
    }
    i = end;
  }
  return std::nullopt;
}

} // namespace sim::scenario
