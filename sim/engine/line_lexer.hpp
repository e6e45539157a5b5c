// Lexer for the one-line-per-item text formats of the engine (action files and event
// logs): words, "quoted strings" with escapes, key=value options and # comments, each
// token with its 1-based column. Also the inverse: quoting text so it reads back exactly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sim::engine {

struct LineToken {
  std::string key;   // "need" in need=3; empty for a plain word or string
  std::string value; // the word, or the string with escapes undone
  bool quoted = false;
  int column = 0;    // where the token starts (1-based, in characters)
  int endColumn = 0; // just after the token
};

struct LexedLine {
  std::vector<LineToken> tokens;
  std::string error; // empty when the line lexed
  int errorColumn = 0;
};

/// The lines of a text file one at a time, numbered from 1, with a leading UTF-8
/// byte-order mark (from a Windows editor) skipped.
class TextLines {
public:
  explicit TextLines(std::string_view text);
  /// The next line without its newline; false at the end.
  bool next(std::string_view& line);
  [[nodiscard]] int number() const { return m_number; }

private:
  std::string_view m_rest;
  int m_number = 0;
};

/// Split one line (without its newline) into tokens.
LexedLine lexLine(std::string_view line);

/// `text` as a "quoted string" that lexLine reads back to exactly `text`.
std::string quoteText(std::string_view text);

/// Whether `text` can be written as a bare word (non-empty; letters, digits, and
/// - _ . : / , + only).
bool isBareWord(std::string_view text);

} // namespace sim::engine
