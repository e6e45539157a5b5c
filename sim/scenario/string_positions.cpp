// Mapping offsets in decoded TOML string values back to raw line:column positions.
#include "sim/scenario/string_positions.hpp"

#include <cctype>

namespace sim::scenario {

namespace {

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// Bytes a \uXXXX or \UXXXXXXXX escape decodes to in UTF-8.
std::size_t utf8Length(std::string_view hex) {
  unsigned long code = 0;
  for (const char c : hex) {
    const int digit = std::isdigit(static_cast<unsigned char>(c)) != 0
                          ? c - '0'
                          : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
    code = code * 16 + static_cast<unsigned long>(digit < 0 ? 0 : digit);
  }
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

// Bytes of a non-ASCII horizontal whitespace character at the start of `s` (toml++'s
// is_horizontal_whitespace: U+00A0, U+1680, U+180E, U+2000-U+200B, U+202F, U+205F,
// U+2060, U+3000, U+FEFF), or 0.
std::size_t unicodeSpaceLength(std::string_view s) {
  const auto byte = [&](std::size_t k) {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0U;
  };
  if (byte(0) == 0xC2 && byte(1) == 0xA0) {
    return 2;
  }
  const unsigned b0 = byte(0);
  const unsigned b1 = byte(1);
  const unsigned b2 = byte(2);
  const bool three = (b0 == 0xE1 && b1 == 0x9A && b2 == 0x80) ||                 // U+1680
                     (b0 == 0xE1 && b1 == 0xA0 && b2 == 0x8E) ||                 // U+180E
                     (b0 == 0xE2 && b1 == 0x80 && b2 >= 0x80 && b2 <= 0x8B) ||   // U+2000-200B
                     (b0 == 0xE2 && b1 == 0x80 && b2 == 0xAF) ||                 // U+202F
                     (b0 == 0xE2 && b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0)) || // U+205F-2060
                     (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) ||                 // U+3000
                     (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF);                   // U+FEFF
  return three ? 3 : 0;
}

} // namespace

// Maps byte offsets in a decoded string value (sorted ascending) to line:column in the raw
// file, in one forward walk over the string literal that starts at `start` (columns count
// characters, as toml++ does). Handles escapes, line-ending backslashes, multi-line and
// literal strings. Empty when the literal cannot be found there.
std::vector<Pos> rawPositions(std::string_view src, std::size_t lineOffset, Pos start,
                              const std::vector<std::size_t>& targets) {
  std::size_t i = lineOffset;
  for (int column = 1; column < start.column && i < src.size();) {
    ++i;
    if (i < src.size() && !isContinuation(src[i])) {
      ++column;
    }
  }
  Pos pos = start;
  const auto advance = [&](std::size_t n) {
    for (std::size_t k = 0; k < n && i < src.size(); ++k, ++i) {
      if (src[i] == '\n') {
        ++pos.line;
        pos.column = 1;
      } else if (!isContinuation(src[i])) {
        ++pos.column;
      }
    }
  };
  const auto rest = src.substr(i);
  if (rest.empty() || (rest[0] != '"' && rest[0] != '\'')) {
    return {};
  }
  const bool literal = rest[0] == '\'';
  const bool multi = rest.substr(0, 3) == R"(""")" || rest.substr(0, 3) == "'''";
  advance(multi ? 3 : 1);
  if (multi && i < src.size() && src[i] == '\n') {
    advance(1);
  } else if (multi && src.substr(i, 2) == "\r\n") {
    advance(2);
  }
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  // A backslash at the end of a line in a multi-line basic string, and the whitespace
  // after it, decode to nothing.
  const auto skipLineEndingBackslashes = [&] {
    while (multi && !literal && i + 1 < src.size() && src[i] == '\\' && isSpace(src[i + 1])) {
      advance(1);
      while (i < src.size()) {
        const std::size_t n = isSpace(src[i]) ? 1 : unicodeSpaceLength(src.substr(i));
        if (n == 0) {
          break;
        }
        advance(n);
      }
    }
  };
  std::vector<Pos> out;
  std::size_t decoded = 0;
  for (const std::size_t target : targets) {
    while (i < src.size() && decoded < target) {
      skipLineEndingBackslashes();
      if (i >= src.size()) {
        break;
      }
      const char c = src[i];
      if (c == '\\' && !literal && i + 1 < src.size()) {
        const char e = src[i + 1];
        if (e == 'u' || e == 'U') {
          const std::size_t digits = e == 'u' ? 4 : 8;
          decoded += utf8Length(src.substr(i + 2, digits));
          advance(2 + digits);
        } else {
          decoded += 1;
          advance(2);
        }
      } else if (c == '\r' && i + 1 < src.size() && src[i + 1] == '\n') {
        decoded += 1;
        advance(2);
      } else {
        decoded += 1;
        advance(1);
      }
    }
    skipLineEndingBackslashes();
    out.push_back(pos);
  }
  return out;
}

} // namespace sim::scenario
