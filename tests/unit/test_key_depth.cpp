// The pre-parse guard against over-deep dotted keys: counts key parts outside strings and
// comments only, and positions the offending key.
#include "sim/scenario/key_depth.hpp"

#include <catch2/catch.hpp>

#include <string>

using sim::scenario::findOverlongKey;

namespace {
std::string repeat(const std::string& unit, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) {
    out += unit;
  }
  return out;
}
} // namespace

TEST_CASE("dotted keys and headers with too many parts are found and positioned") {
  const auto key = findOverlongKey("ok = 1\n  a.b.c = 2\n", 2);
  REQUIRE(key.has_value());
  CHECK(key->line == 2);
  CHECK(key->column == 3);
  CHECK(key->parts == 3);
  const auto header = findOverlongKey("[a . \"b.c\" . d]\n", 2);
  REQUIRE(header.has_value());
  CHECK(header->column == 2);
  CHECK_FALSE(findOverlongKey("a.b = 1\n[x.y]\n", 2).has_value());
}

TEST_CASE("dots inside strings and comments and numbers are not key parts") {
  const std::string dots = repeat("a.", 100);
  CHECK_FALSE(findOverlongKey("x = \"" + dots + "\"\n", 3).has_value());
  CHECK_FALSE(findOverlongKey("x = '" + dots + "'\n", 3).has_value());
  CHECK_FALSE(findOverlongKey("x = \"\"\"\n" + dots + "\n\"\"\"\n", 3).has_value());
  CHECK_FALSE(findOverlongKey("x = '''\n" + dots + "\n'''\n", 3).has_value());
  CHECK_FALSE(findOverlongKey("# " + dots + "\n", 3).has_value());
  CHECK_FALSE(findOverlongKey("x = \"he said \\\"" + dots + "\\\" then\"\n", 3).has_value());
  CHECK_FALSE(findOverlongKey("x = [1.5, 2.5, 3.25]\n", 3).has_value());
  CHECK_FALSE(findOverlongKey("x = \"\"\"a \\\"\"\" " + dots + "\"\"\"\n", 3).has_value());
}

TEST_CASE("a key after a multi-line string is still checked") {
  const auto key = findOverlongKey("x = \"\"\"\nline\n\"\"\"\na.b.c.d = 1\n", 3);
  REQUIRE(key.has_value());
  CHECK(key->line == 4);
}
