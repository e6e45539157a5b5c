// A small lexer over raw TOML: skips comments and all four string forms, and counts the
// parts of each run "part . part . part" (bare or quoted parts, spaces allowed around dots).
#include "sim/scenario/key_depth.hpp"

#include <algorithm>

namespace sim::scenario {

namespace {

bool isBareKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

class Scanner {
public:
  explicit Scanner(std::string_view text) : m_text(text) {}

  std::optional<DeepKey> run(std::size_t maxParts) {
    std::size_t parts = 0;    // parts in the current run
    bool afterDot = false;    // the run's last token was a dot
    std::size_t runStart = 0; // byte offset where the run began
    while (m_i < m_text.size()) {
      const char c = m_text[m_i];
      const bool partStart = isBareKeyChar(c) || c == '"' || c == '\'';
      if (partStart) {
        if (parts == 0 || !afterDot) {
          parts = 0;
          runStart = m_i;
        }
        if (c == '"' || c == '\'') {
          skipString();
        } else {
          while (m_i < m_text.size() && isBareKeyChar(m_text[m_i])) {
            advance();
          }
        }
        ++parts;
        afterDot = false;
        if (parts > maxParts) {
          return positionOf(runStart, parts);
        }
      } else if (c == '.' && parts > 0 && !afterDot) {
        afterDot = true;
        advance();
      } else if (c == ' ' || c == '\t') {
        advance();
      } else {
        if (c == '#') {
          while (m_i < m_text.size() && m_text[m_i] != '\n') {
            advance();
          }
        } else {
          advance();
        }
        parts = 0;
        afterDot = false;
      }
    }
    return std::nullopt;
  }

private:
  void advance() { ++m_i; }

  // Line and column (in characters) of a byte offset; only computed for the one report.
  DeepKey positionOf(std::size_t offset, std::size_t parts) const {
    DeepKey key{1, 1, parts};
    // toml++ counts columns after a UTF-8 byte-order mark, so skip one here too.
    const std::size_t first = m_text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    for (std::size_t k = first; k < offset; ++k) {
      if (m_text[k] == '\n') {
        ++key.line;
        key.column = 1;
      } else if (!isContinuation(m_text[k])) {
        ++key.column;
      }
    }
    return key;
  }

  bool startsWith(std::string_view s) const { return m_text.substr(m_i, s.size()) == s; }

  // Skips a basic or literal, single- or multi-line string starting at m_i, jumping from
  // one interesting character (quote, backslash, newline) to the next.
  void skipString() {
    const char quote = m_text[m_i];
    const bool basic = quote == '"';
    const std::string_view triple = basic ? std::string_view(R"(""")") : std::string_view("'''");
    const char stops[] = {quote, '\n', basic ? '\\' : quote};
    if (startsWith(triple)) {
      m_i += 3;
      const std::string_view multiStops(basic ? "\"\\" : "'", basic ? 2 : 1);
      while (m_i < m_text.size()) {
        m_i = std::min(m_text.find_first_of(multiStops, m_i), m_text.size());
        if (m_i >= m_text.size()) {
          return;
        }
        if (m_text[m_i] == '\\') {
          m_i += 2; // an escape: the next character cannot end the string
          continue;
        }
        if (startsWith(triple)) {
          m_i += 3;
          while (m_i < m_text.size() && m_text[m_i] == quote) {
            ++m_i; // up to two extra quotes may close a multi-line string
          }
          return;
        }
        ++m_i;
      }
      return;
    }
    ++m_i;
    while (m_i < m_text.size()) {
      m_i = std::min(m_text.find_first_of(std::string_view(stops, 3), m_i), m_text.size());
      if (m_i >= m_text.size() || m_text[m_i] == '\n') {
        return; // unterminated: toml++ reports it
      }
      if (m_text[m_i] == quote) {
        ++m_i;
        return;
      }
      m_i += m_i + 1 < m_text.size() && m_text[m_i + 1] != '\n' ? 2U : 1U; // an escape
    }
  }

  std::string_view m_text;
  std::size_t m_i = 0;
};

} // namespace

std::optional<DeepKey> findOverlongKey(std::string_view text, std::size_t maxParts) {
  // A dotted key or header cannot span lines, so a file whose every line has fewer dots
  // than a too-long key needs cannot hold one: a cheap count settles almost every file.
  bool possible = false;
  for (std::size_t lineStart = 0; lineStart < text.size() && !possible;) {
    const std::size_t newline = std::min(text.find('\n', lineStart), text.size());
    const std::string_view line = text.substr(lineStart, newline - lineStart);
    std::size_t dots = 0;
    for (std::size_t at = line.find('.'); at != std::string_view::npos && dots < maxParts;
         at = line.find('.', at + 1)) {
      ++dots;
    }
    possible = dots >= maxParts;
    lineStart = newline + 1;
  }
  if (!possible) {
    return std::nullopt;
  }
  return Scanner(text).run(maxParts);
}

} // namespace sim::scenario
