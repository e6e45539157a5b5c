// Content hash: SHA-256, stable across runs and line-ending conventions.
#include "sim/scenario/content_hash.hpp"
#include "sim/scenario/loader.hpp"

#include <catch2/catch.hpp>

using sim::scenario::contentHash;

TEST_CASE("content hash is SHA-256 of the text") {
  CHECK(contentHash("abc") ==
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(contentHash("") ==
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("CRLF and LF line endings hash the same; any other change does not") {
  CHECK(contentHash("a = 1\r\nb = 2\r\n") == contentHash("a = 1\nb = 2\n"));
  CHECK(contentHash("a = 1\rb") != contentHash("a = 1\nb"));
  CHECK(contentHash("a = 1\n") != contentHash("a = 2\n"));
}
