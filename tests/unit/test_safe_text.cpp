// Stored-text checks, terminal-safe messages and the CSV formula guard's round trip.
#include "sim/core/csv_field.hpp"
#include "sim/core/safe_text.hpp"

#include <catch2/catch.hpp>

using namespace sim::core;

TEST_CASE("stored text is refused when it is not UTF-8, holds controls or is too long") {
  CHECK_FALSE(textProblem("Dana Okafor", 200));
  CHECK(textProblem("Dana\xff", 200) == "is not valid UTF-8 (byte 5)");
  CHECK(textProblem("a\x1b[31m", 200) == "holds the control character U+001B (byte 2)");
  CHECK(textProblem("a\xc2\x9b", 200) == "holds the control character U+009B (byte 2)");
  CHECK(textProblem("two\nlines", 200) == "holds the control character U+000A (byte 4)");
  CHECK_FALSE(textProblem("two\nlines", 200, true));
  CHECK(textProblem(std::string(300, 'x'), 200) == "is 300 bytes long; at most 200");
}

TEST_CASE("terminal-safe text escapes controls, C1 and bad bytes and cuts long excerpts") {
  CHECK(terminalSafe("plain café\n") == "plain café\n");
  CHECK(terminalSafe("a\x1b[2Jb") == "a\\x1B[2Jb");
  CHECK(terminalSafe("verb\xc2\x9b") == "verb\\u{9B}");
  CHECK(terminalSafe("x\xff\xfey") == "x\\xFF\\xFEy");
  const std::string huge(4U << 20U, 'a');
  const auto cut = terminalSafe(huge, 100);
  CHECK(cut == std::string(100, 'a') + "… (" + std::to_string(huge.size() - 100) + " more bytes)");
  CHECK(quotedExcerpt("two\nlines") == "'two lines'");
}

TEST_CASE("the CSV formula guard is undone exactly on reading") {
  for (const std::string value :
       {"-dana", "=SUM(A1)", "+44", "@x", "'quoted", "''", "'=x", "\tx", "plain", "", "'"}) {
    INFO(value);
    std::string field = csvField(value);
    if (!field.empty() && field.front() == '"') { // unquote
      std::string inner;
      for (std::size_t i = 1; i + 1 < field.size(); ++i) {
        inner += field[i];
        if (field[i] == '"') {
          ++i;
        }
      }
      field = inner;
    }
    const bool guarded =
        !value.empty() && std::string("=+-@\t\r'").find(value[0]) != std::string::npos;
    CHECK((!field.empty() && field.front() == '\'') == guarded);
    CHECK(std::string(unguardCsvText(field)) == value);
  }
}
