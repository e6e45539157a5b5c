// The line lexer. Escapes inside quotes: \" \\ \n \r \t and \xHH for any other byte, so
// that every string, including control characters, survives a write and a read.
#include "sim/engine/line_lexer.hpp"

#include "sim/core/utf8.hpp"

#include <array>

namespace sim::engine {

namespace {

bool isBareChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':' || c == '/' || c == ',' || c == '+';
}

// A carriage return counts as space, so files with Windows line endings read the same.
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

int hexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

class Lexer {
public:
  explicit Lexer(std::string_view line) : m_line(line) {}

  LexedLine run() {
    LexedLine out;
    while (skipSpace()) {
      if (peek() == '#') {
        break;
      }
      LineToken token;
      token.column = column();
      if (peek() == '"') {
        if (!readQuoted(token.value, out)) {
          return out;
        }
        token.quoted = true;
      } else {
        std::string word;
        if (!readWord(word, out)) {
          return out;
        }
        if (!atEnd() && peek() == '=') {
          ++m_pos;
          token.key = std::move(word);
          if (atEnd() || isSpace(peek()) || peek() == '#') {
            fail(out, "expected a value after '" + token.key + "='");
            return out;
          }
          if (peek() == '"') {
            if (!readQuoted(token.value, out)) {
              return out;
            }
            token.quoted = true;
          } else if (!readWord(token.value, out)) {
            return out;
          }
        } else {
          token.value = std::move(word);
        }
      }
      if (!atEnd() && !isSpace(peek()) && peek() != '#') {
        fail(out, "expected a space after this item, found '" + currentChar() + "'");
        return out;
      }
      token.endColumn = column();
      out.tokens.push_back(std::move(token));
    }
    return out;
  }

private:
  [[nodiscard]] bool atEnd() const { return m_pos >= m_line.size(); }
  [[nodiscard]] char peek() const { return m_line[m_pos]; }
  // Counted from the last position asked about, so a long line costs linear time.
  [[nodiscard]] int column() {
    if (m_pos < m_countedTo) {
      m_countedTo = 0;
      m_counted = 0;
    }
    m_counted += core::codePointCount(m_line.substr(m_countedTo, m_pos - m_countedTo));
    m_countedTo = m_pos;
    return static_cast<int>(m_counted) + 1;
  }

  bool skipSpace() {
    while (!atEnd() && isSpace(peek())) {
      ++m_pos;
    }
    return !atEnd();
  }

  // The character at the current position as text for a message: a whole UTF-8
  // character, or \xHH for a byte that is not valid UTF-8 or is a control character.
  [[nodiscard]] std::string currentChar() const {
    const std::size_t length = core::utf8SequenceLength(m_line, m_pos);
    const auto byte = static_cast<unsigned char>(m_line[m_pos]);
    if (length == 0 || byte < 0x20U || byte == 0x7FU) {
      static constexpr std::string_view kHex = "0123456789ABCDEF";
      return std::string("\\x") + kHex[byte >> 4U] + kHex[byte & 0xFU];
    }
    return std::string(m_line.substr(m_pos, length));
  }

  void fail(LexedLine& out, std::string message) {
    out.error = std::move(message);
    out.errorColumn = column();
  }

  bool readWord(std::string& word, LexedLine& out) {
    const std::size_t start = m_pos;
    while (!atEnd() && isBareChar(peek())) {
      ++m_pos;
    }
    if (m_pos == start) {
      fail(out, "unexpected character '" + currentChar() +
                    "' (words use letters, digits and - _ . : / , +; put other text in quotes)");
      return false;
    }
    word.assign(m_line.substr(start, m_pos - start));
    return true;
  }

  bool readQuoted(std::string& text, LexedLine& out) {
    ++m_pos; // opening quote
    while (!atEnd()) {
      const char c = peek();
      if (c == '"') {
        ++m_pos;
        return true;
      }
      if (c == '\\') {
        if (!readEscape(text, out)) {
          return false;
        }
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20U && c != '\t') {
        fail(out, "control character in a quoted string (write it as \\xHH)");
        return false;
      }
      text += c;
      ++m_pos;
    }
    fail(out, "unterminated string: expected a closing '\"' before the end of the line");
    return false;
  }

  bool readEscape(std::string& text, LexedLine& out) {
    if (m_pos + 1 >= m_line.size()) {
      ++m_pos;
      fail(out, "unterminated string: expected a closing '\"' before the end of the line");
      return false;
    }
    const char e = m_line[m_pos + 1];
    switch (e) {
    case '"':
    case '\\':
      text += e;
      break;
    case 'n':
      text += '\n';
      break;
    case 'r':
      text += '\r';
      break;
    case 't':
      text += '\t';
      break;
    case 'x': {
      const int hi = m_pos + 2 < m_line.size() ? hexValue(m_line[m_pos + 2]) : -1;
      const int lo = m_pos + 3 < m_line.size() ? hexValue(m_line[m_pos + 3]) : -1;
      if (hi < 0 || lo < 0) {
        fail(out, "expected two hex digits after \\x");
        return false;
      }
      text += static_cast<char>(hi * 16 + lo);
      m_pos += 4;
      return true;
    }
    default: {
      ++m_pos; // name the whole character after the backslash, point at the backslash
      const std::string named = currentChar();
      --m_pos;
      fail(out, "unknown escape '\\" + named + "' (use \\\" \\\\ \\n \\r \\t or \\xHH)");
      return false;
    }
    }
    m_pos += 2;
    return true;
  }

  std::string_view m_line;
  std::size_t m_pos = 0;
  std::size_t m_countedTo = 0; // characters in m_line before m_countedTo: m_counted
  std::size_t m_counted = 0;
};

} // namespace

TextLines::TextLines(std::string_view text) : m_rest(text) {
  if (m_rest.substr(0, 3) == "\xEF\xBB\xBF") {
    m_rest.remove_prefix(3);
  }
}

bool TextLines::next(std::string_view& line) {
  if (m_rest.empty()) {
    return false;
  }
  const auto newline = m_rest.find('\n');
  line = m_rest.substr(0, newline);
  m_rest = newline == std::string_view::npos ? std::string_view{} : m_rest.substr(newline + 1);
  ++m_number;
  return true;
}

LexedLine lexLine(std::string_view line) { return Lexer(line).run(); }

std::string quoteText(std::string_view text) {
  static constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                             '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (byte < 0x20U || byte == 0x7FU) {
        out += "\\x";
        out += kHex.at(byte >> 4U);
        out += kHex.at(byte & 0xFU);
      } else {
        out += c;
      }
    }
  }
  out += '"';
  return out;
}

bool isBareWord(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  for (const char c : text) {
    if (!isBareChar(c)) {
      return false;
    }
  }
  return true;
}

} // namespace sim::engine
