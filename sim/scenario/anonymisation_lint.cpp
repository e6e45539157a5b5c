// Hand-written scanners for identifier-like text (faster than std::regex over a library
// of scenarios, and easier to keep free of false positives on census codes like "3B").
#include "sim/scenario/anonymisation_lint.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace sim::scenario {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isAlnum(char c) { return isDigit(c) || isUpper(c) || isLower(c); }
char lower(char c) { return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool boundaryBefore(std::string_view t, std::size_t i) { return i == 0 || !isAlnum(t[i - 1]); }
bool boundaryAfter(std::string_view t, std::size_t end) {
  return end >= t.size() || !isAlnum(t[end]);
}

// UK postcode: outward A9, A99, A9A, AA9, AA99, AA9A; optional space; inward 9AA.
// Letters of a postcode are all upper case or all lower case ("LS6 2QT", "ls6 2qt").
std::size_t matchInward(std::string_view t, std::size_t j, bool (*letter)(char)) {
  if (j < t.size() && t[j] == ' ') {
    ++j;
  }
  if (j + 3 > t.size() || !isDigit(t[j]) || !letter(t[j + 1]) || !letter(t[j + 2])) {
    return 0;
  }
  return boundaryAfter(t, j + 3) ? j + 3 : 0;
}

std::size_t matchPostcode(std::string_view t, std::size_t i) {
  bool (*letter)(char) = isUpper(t[i]) ? isUpper : isLower;
  std::size_t j = i;
  while (j < t.size() && letter(t[j]) && j - i < 2) {
    ++j;
  }
  if (j == i || j >= t.size() || !isDigit(t[j])) {
    return 0;
  }
  ++j; // the outward digit
  if (j < t.size() && (isDigit(t[j]) || letter(t[j]))) {
    if (const std::size_t end = matchInward(t, j + 1, letter); end != 0) {
      return end - i;
    }
  }
  const std::size_t end = matchInward(t, j, letter);
  return end != 0 ? end - i : 0;
}

// Digits with single separators (space, hyphen) between groups; returns end and digit count.
// Stops after 12 digits: every caller rejects longer runs, and stopping keeps a long run of
// "1 1 1 ..." linear rather than quadratic (each group start would rescan the whole run).
std::pair<std::size_t, std::size_t> digitRun(std::string_view t, std::size_t i) {
  constexpr std::size_t kMostDigits = 12;
  std::size_t j = i;
  std::size_t digits = 0;
  std::size_t lastDigitEnd = i;
  while (j < t.size() && digits < kMostDigits) {
    if (isDigit(t[j])) {
      ++digits;
      ++j;
      lastDigitEnd = j;
    } else if ((t[j] == ' ' || t[j] == '-') && j + 1 < t.size() && isDigit(t[j + 1]) &&
               digits > 0) {
      ++j;
    } else {
      break;
    }
  }
  return {lastDigitEnd, digits};
}

std::size_t matchPhone(std::string_view t, std::size_t i) {
  if (t[i] == '+' && t.substr(i, 3) == "+44") {
    std::size_t j = i + 3;
    if (j < t.size() && t[j] == ' ') {
      ++j;
    }
    if (j < t.size() && t[j] == '(' && t.substr(j, 3) == "(0)") {
      j += 3;
      if (j < t.size() && t[j] == ' ') {
        ++j;
      }
    }
    if (j >= t.size() || !isDigit(t[j])) {
      return 0;
    }
    const auto [end, digits] = digitRun(t, j);
    return (digits >= 9 && digits <= 10 && boundaryAfter(t, end)) ? end - i : 0;
  }
  if (t[i] == '(' && i + 1 < t.size() && t[i + 1] == '0') {
    // (0161) 496 0000: area code in brackets
    const auto [areaEnd, areaDigits] = digitRun(t, i + 1);
    std::size_t j = areaEnd;
    if (j >= t.size() || t[j] != ')') {
      return 0;
    }
    ++j;
    if (j < t.size() && t[j] == ' ') {
      ++j;
    }
    if (j >= t.size() || !isDigit(t[j])) {
      return 0;
    }
    const auto [end, digits] = digitRun(t, j);
    const std::size_t total = areaDigits + digits;
    return (total >= 10 && total <= 11 && boundaryAfter(t, end)) ? end - i : 0;
  }
  if (t[i] != '0' || !boundaryBefore(t, i)) {
    return 0;
  }
  const auto [end, digits] = digitRun(t, i);
  return (digits >= 10 && digits <= 11 && boundaryAfter(t, end)) ? end - i : 0;
}

// NHS number: ten digits as 3-3-4 (spaces or hyphens) or run together, not starting with 0.
std::size_t matchNhs(std::string_view t, std::size_t i) {
  if (!boundaryBefore(t, i) || t[i] == '0') {
    return 0;
  }
  const auto [end, digits] = digitRun(t, i);
  return (digits == 10 && boundaryAfter(t, end)) ? end - i : 0;
}

// National Insurance number: two letters, six digits (optionally paired), letter A-D.
std::size_t matchNi(std::string_view t, std::size_t i) {
  if (!boundaryBefore(t, i) || i + 9 > t.size() || !isUpper(t[i]) || !isUpper(t[i + 1])) {
    return 0;
  }
  std::size_t j = i + 2;
  for (int pair = 0; pair < 3; ++pair) {
    if (j < t.size() && t[j] == ' ') {
      ++j;
    }
    if (j + 2 > t.size() || !isDigit(t[j]) || !isDigit(t[j + 1])) {
      return 0;
    }
    j += 2;
  }
  if (j < t.size() && t[j] == ' ') {
    ++j;
  }
  if (j >= t.size() || t[j] < 'A' || t[j] > 'D') {
    return 0;
  }
  ++j;
  return boundaryAfter(t, j) ? j - i : 0;
}

bool emailLocalChar(char c) {
  return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool emailDomainChar(char c) { return isAlnum(c) || c == '.' || c == '-'; }

constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};

// Length of a month name (full or three-letter) at i, case-insensitive, else 0.
std::size_t matchMonth(std::string_view t, std::size_t i) {
  // Cheap filter first: every month name starts with one of these letters.
  if (i >= t.size() || std::string_view("jfmasond").find(lower(t[i])) == std::string_view::npos) {
    return 0;
  }
  for (const auto month : kMonths) {
    if (lower(t[i]) != month[0]) {
      continue;
    }
    for (const std::size_t len : {month.size(), std::size_t{3}}) {
      if (i + len > t.size()) {
        continue;
      }
      bool same = true;
      for (std::size_t k = 0; k < len && same; ++k) {
        same = lower(t[i + k]) == month[k];
      }
      if (same && boundaryAfter(t, i + len)) {
        return len;
      }
    }
  }
  return 0;
}

std::size_t countDigits(std::string_view t, std::size_t i, std::size_t most) {
  std::size_t n = 0;
  while (i + n < t.size() && n < most && isDigit(t[i + n])) {
    ++n;
  }
  return n;
}

int number(std::string_view t, std::size_t i, std::size_t n) {
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    v = v * 10 + (t[i + k] - '0');
  }
  return v;
}

// Full dates: 12/03/2015, 12-03-15, 2015-03-12, 12 March 2015, 12th of March 2015,
// March 12, 2015.
std::size_t matchDate(std::string_view t, std::size_t i) {
  if (!boundaryBefore(t, i)) {
    return 0;
  }
  if (isDigit(t[i])) {
    const std::size_t n1 = countDigits(t, i, 4);
    const char isoSep = i + 4 < t.size() ? t[i + 4] : '\0';
    if (n1 == 4 && i + 10 <= t.size() && (isoSep == '-' || isoSep == '/' || isoSep == '.') &&
        countDigits(t, i + 5, 2) == 2 && t[i + 7] == isoSep && countDigits(t, i + 8, 2) == 2 &&
        boundaryAfter(t, i + 10)) {
      const int month = number(t, i + 5, 2);
      const int day = number(t, i + 8, 2);
      return (month >= 1 && month <= 12 && day >= 1 && day <= 31) ? 10 : 0;
    }
    if (n1 < 1 || n1 > 2) {
      return 0;
    }
    const int day = number(t, i, n1);
    std::size_t j = i + n1;
    if (j < t.size() && (t[j] == '/' || t[j] == '.' || t[j] == '-')) {
      const char sep = t[j];
      const std::size_t n2 = countDigits(t, j + 1, 2);
      if (n2 == 0 || j + 1 + n2 >= t.size() || t[j + 1 + n2] != sep) {
        return 0;
      }
      const int month = number(t, j + 1, n2);
      const std::size_t n3 = countDigits(t, j + 2 + n2, 4);
      const std::size_t end = j + 2 + n2 + n3;
      if ((n3 == 2 || n3 == 4) && day >= 1 && day <= 31 && month >= 1 && month <= 12 &&
          boundaryAfter(t, end)) {
        return end - i;
      }
      return 0;
    }
    // 12 March 2015 / 12th of March 2015
    if (j + 2 <= t.size() && (isLower(t[j]) || isUpper(t[j]))) {
      const auto suffix = t.substr(j, 2);
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
        j += 2;
      }
    }
    if (j >= t.size() || t[j] != ' ') {
      return 0;
    }
    ++j;
    if (t.substr(j, 3) == "of ") {
      j += 3;
    }
    const std::size_t m = matchMonth(t, j);
    if (m == 0) {
      return 0;
    }
    j += m;
    if (j < t.size() && t[j] == ',') {
      ++j;
    }
    if (j >= t.size() || t[j] != ' ') {
      return 0;
    }
    ++j;
    const std::size_t ny = countDigits(t, j, 5);
    return (ny == 4 && day >= 1 && day <= 31 && boundaryAfter(t, j + 4)) ? j + 4 - i : 0;
  }
  // March 12, 2015
  const std::size_t m = matchMonth(t, i);
  if (m == 0) {
    return 0;
  }
  std::size_t j = i + m;
  if (j >= t.size() || t[j] != ' ') {
    return 0;
  }
  ++j;
  const std::size_t nd = countDigits(t, j, 3);
  if (nd < 1 || nd > 2) {
    return 0;
  }
  const int day = number(t, j, nd);
  j += nd;
  const auto suffix = t.substr(j, 2);
  if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
    j += 2;
  }
  if (j < t.size() && t[j] == ',') {
    ++j;
  }
  if (j >= t.size() || t[j] != ' ') {
    return 0;
  }
  ++j;
  const std::size_t ny = countDigits(t, j, 5);
  return (ny == 4 && day >= 1 && day <= 31 && boundaryAfter(t, j + 4)) ? j + 4 - i : 0;
}

} // namespace

std::vector<IdentifierHit> findIdentifiers(std::string_view text) {
  std::vector<IdentifierHit> hits;
  // Every identifier kind contains a digit or an '@'; most free text has neither.
  if (std::none_of(text.begin(), text.end(), [](char c) { return isDigit(c) || c == '@'; })) {
    return hits;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    std::size_t len = 0;
    IdentifierKind kind = IdentifierKind::Email;
    if (c == '@') {
      std::size_t start = i;
      while (start > 0 && emailLocalChar(text[start - 1])) {
        --start;
      }
      std::size_t end = i + 1;
      while (end < text.size() && emailDomainChar(text[end])) {
        ++end;
      }
      while (end > i + 1 && text[end - 1] == '.') {
        --end;
      }
      const auto domain = text.substr(i + 1, end - i - 1);
      const auto dot = domain.find('.');
      if (start < i && dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size()) {
        // drop any hit already recorded that overlaps the address
        while (!hits.empty() && hits.back().offset + hits.back().length > start) {
          hits.pop_back();
        }
        hits.push_back({IdentifierKind::Email, start, end - start});
        i = end;
        continue;
      }
      ++i;
      continue;
    }
    const bool candidate = isAlnum(c) || c == '+' || c == '(';
    if (candidate && boundaryBefore(text, i)) {
      if ((len = matchDate(text, i)) != 0) {
        kind = IdentifierKind::FullDate;
      } else if ((len = matchPhone(text, i)) != 0) {
        kind = IdentifierKind::Phone;
      } else if ((len = matchNhs(text, i)) != 0) {
        kind = IdentifierKind::NhsNumber;
      } else if ((len = matchNi(text, i)) != 0) {
        kind = IdentifierKind::NiNumber;
      } else if ((len = matchPostcode(text, i)) != 0) {
        kind = IdentifierKind::Postcode;
      }
    }
    if (len != 0) {
      hits.push_back({kind, i, len});
      i += len;
    } else {
      ++i;
    }
  }
  return hits;
}

std::string_view describe(IdentifierKind kind) {
  switch (kind) {
  case IdentifierKind::Postcode:
    return "a UK postcode";
  case IdentifierKind::Phone:
    return "a phone number";
  case IdentifierKind::NhsNumber:
    return "an NHS number";
  case IdentifierKind::NiNumber:
    return "a National Insurance number";
  case IdentifierKind::Email:
    return "an e-mail address";
  case IdentifierKind::FullDate:
    return "a full date (possibly a date of birth)";
  }
  return "an identifier";
}

} // namespace sim::scenario
