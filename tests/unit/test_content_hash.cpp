// Content hash: BLAKE2b-256, stable across runs and line-ending conventions.
#include "sim/scenario/content_hash.hpp"
#include "sim/scenario/loader.hpp"

#include <catch2/catch.hpp>

using sim::scenario::contentHash;

TEST_CASE("content hash is BLAKE2b-256 of the text") {
  CHECK(contentHash("abc") ==
        "blake2b-256:bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  CHECK(contentHash("") ==
        "blake2b-256:0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST_CASE("CRLF and LF line endings hash the same but any other change does not") {
  CHECK(contentHash("a = 1\r\nb = 2\r\n") == contentHash("a = 1\nb = 2\n"));
  CHECK(contentHash("a = 1\rb") != contentHash("a = 1\nb"));
  CHECK(contentHash("a = 1\n") != contentHash("a = 2\n"));
}
