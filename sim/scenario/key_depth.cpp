// A small lexer over raw TOML: skips comments and all four string forms, and counts the
// parts of each run "part . part . part" (bare or quoted parts, spaces allowed around dots).
#include "sim/scenario/key_depth.hpp"

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
    std::size_t parts = 0; // parts in the current run
    bool afterDot = false; // the run's last token was a dot
    DeepKey start;
    while (m_i < m_text.size()) {
      const char c = m_text[m_i];
      const bool partStart = isBareKeyChar(c) || c == '"' || c == '\'';
      if (partStart) {
        if (parts == 0 || !afterDot) {
          parts = 0;
          start = {m_line, m_column, 0};
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
          start.parts = parts;
          return start;
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
  void advance() {
    if (m_text[m_i] == '\n') {
      ++m_line;
      m_column = 1;
    } else if (!isContinuation(m_text[m_i])) {
      ++m_column;
    }
    ++m_i;
  }

  bool startsWith(std::string_view s) const { return m_text.substr(m_i, s.size()) == s; }

  // Skips a basic or literal, single- or multi-line string starting at m_i.
  void skipString() {
    const char quote = m_text[m_i];
    const bool basic = quote == '"';
    const std::string_view triple = basic ? std::string_view(R"(""")") : std::string_view("'''");
    if (startsWith(triple)) {
      for (int k = 0; k < 3; ++k) {
        advance();
      }
      while (m_i < m_text.size() && !startsWith(triple)) {
        if (basic && m_text[m_i] == '\\' && m_i + 1 < m_text.size()) {
          advance();
        }
        advance();
      }
      // up to two extra quotes may close a multi-line string ("""a"""" is legal)
      for (int k = 0; k < 3 && m_i < m_text.size(); ++k) {
        advance();
      }
      while (m_i < m_text.size() && m_text[m_i] == quote) {
        advance();
      }
      return;
    }
    advance();
    while (m_i < m_text.size() && m_text[m_i] != quote && m_text[m_i] != '\n') {
      if (basic && m_text[m_i] == '\\' && m_i + 1 < m_text.size() && m_text[m_i + 1] != '\n') {
        advance();
      }
      advance();
    }
    if (m_i < m_text.size() && m_text[m_i] == quote) {
      advance();
    }
  }

  std::string_view m_text;
  std::size_t m_i = 0;
  int m_line = 1;
  int m_column = 1;
};

} // namespace

std::optional<DeepKey> findOverlongKey(std::string_view text, std::size_t maxParts) {
  return Scanner(text).run(maxParts);
}

} // namespace sim::scenario
