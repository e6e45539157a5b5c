// Finding "N units ago" in case text, and whether a record's day agrees with it.
#include "sim/scenario/relative_time.hpp"

#include <array>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace sim::scenario {

namespace {

struct Word {
  std::string text; // lower case
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<Word> wordsOf(std::string_view text) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c) == 0 && c != '-') {
      ++i;
      continue;
    }
    Word word;
    word.begin = i;
    while (i < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[i])) != 0 || text[i] == '-')) {
      word.text += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
      ++i;
    }
    word.end = i;
    out.push_back(std::move(word));
  }
  return out;
}

constexpr std::array<std::string_view, 20> kOnes{
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kTens{"",      "",      "twenty",  "thirty", "forty",
                                                 "fifty", "sixty", "seventy", "eighty", "ninety"};

// A number written in digits, in words ("eleven", "twenty-one") or as "a"/"an".
std::optional<int> numberOf(const std::string& word) {
  if (word == "a" || word == "an") {
    return 1;
  }
  if (!word.empty() && word.size() <= 3 &&
      word.find_first_not_of("0123456789") == std::string::npos) {
    return std::atoi(word.c_str());
  }
  for (std::size_t n = 0; n < kOnes.size(); ++n) {
    if (word == kOnes[n]) {
      return static_cast<int>(n);
    }
  }
  for (std::size_t t = 2; t < kTens.size(); ++t) {
    if (word == kTens[t]) {
      return static_cast<int>(t * 10);
    }
    const std::string prefix = std::string(kTens[t]) + "-";
    if (word.rfind(prefix, 0) == 0) {
      const std::string rest = word.substr(prefix.size());
      for (std::size_t n = 1; n < 10; ++n) {
        if (rest == kOnes[n]) {
          return static_cast<int>(t * 10 + n);
        }
      }
    }
  }
  return std::nullopt;
}

// Days in a unit ("months" → 30.44), 0 when the word is not a unit.
double unitDays(std::string word) {
  if (word.size() > 1 && word.back() == 's') {
    word.pop_back();
  }
  if (word == "day") {
    return 1.0;
  }
  if (word == "week") {
    return 7.0;
  }
  if (word == "fortnight") {
    return 14.0;
  }
  if (word == "month") {
    return 365.0 / 12.0;
  }
  if (word == "year") {
    return 365.0;
  }
  return 0.0;
}

RelativeTime make(std::string_view text, const Word& first, const Word& last, double days,
                  double unit) {
  RelativeTime out;
  out.phrase = std::string(text.substr(first.begin, last.end - first.begin));
  out.days = static_cast<int>(days + 0.5);
  out.tolerance = static_cast<int>(unit / 2.0 + 0.5) + 1; // half a unit, and a day's rounding
  return out;
}

} // namespace

std::optional<RelativeTime> relativeTimeIn(std::string_view text) {
  const auto words = wordsOf(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& word = words[i].text;
    if (word == "yesterday") {
      return make(text, words[i], words[i], 1.0, 1.0);
    }
    if (word == "last" && i + 1 < words.size()) {
      const double unit = unitDays(words[i + 1].text);
      if (unit >= 7.0 && words[i + 1].text.back() != 's') {
        return make(text, words[i], words[i + 1], unit, unit);
      }
    }
    if (i + 2 < words.size() && words[i + 2].text == "ago") {
      const auto n = numberOf(word);
      const double unit = unitDays(words[i + 1].text);
      if (n && unit > 0.0) {
        return make(text, words[i], words[i + 2], *n * unit, unit);
      }
    }
  }
  return std::nullopt;
}

bool agrees(const RelativeTime& time, int day) {
  return std::abs(-day - time.days) <= time.tolerance;
}

} // namespace sim::scenario
