// UTF-8 validity and character counting for text people type.
#include "sim/core/utf8.hpp"

#include <catch2/catch.hpp>

using sim::core::codePointCount;
using sim::core::isValidUtf8;

TEST_CASE("well-formed UTF-8 is accepted") {
  CHECK(isValidUtf8(""));
  CHECK(isValidUtf8("plain ASCII"));
  CHECK(isValidUtf8("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x99\x82"));
  CHECK(isValidUtf8("\xF4\x8F\xBF\xBF")); // U+10FFFF
}

TEST_CASE("ill-formed UTF-8 is refused") {
  CHECK_FALSE(isValidUtf8("\xC3"));             // truncated
  CHECK_FALSE(isValidUtf8("\x80"));             // stray continuation byte
  CHECK_FALSE(isValidUtf8("\xC0\xAF"));         // overlong
  CHECK_FALSE(isValidUtf8("\xE0\x80\xAF"));     // overlong
  CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));     // surrogate
  CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // above U+10FFFF
  CHECK_FALSE(isValidUtf8("\xFF"));
}

TEST_CASE("characters are counted with each bad byte counted once") {
  CHECK(codePointCount("caf\xC3\xA9") == 4);
  CHECK(codePointCount("\xF0\x9F\x99\x82!") == 2);
  CHECK(codePointCount("\xC3x") == 2);
}
