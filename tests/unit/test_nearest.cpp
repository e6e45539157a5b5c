// Edit distance and "did you mean" suggestions.
#include "sim/core/nearest.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <string_view>

using namespace sim::core;

TEST_CASE("edit distance counts single-character edits") {
  CHECK(editDistance("", "") == 0);
  CHECK(editDistance("abc", "abc") == 0);
  CHECK(editDistance("kitten", "sitting") == 3);
  CHECK(editDistance("channel", "chanel") == 1);
  CHECK(editDistance("", "abc") == 3);
}

TEST_CASE("nearestOf suggests plausible typos only") {
  constexpr std::array<std::string_view, 3> keys{"referrer_role", "referrer_agency", "request"};
  CHECK(nearestOf("refferer_role", keys) == std::optional<std::string>("referrer_role"));
  CHECK(nearestOf("requst", keys) == std::optional<std::string>("request"));
  CHECK_FALSE(nearestOf("household", keys).has_value());
}
