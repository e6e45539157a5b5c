// scenarios/FORMAT.md must document every key the loader accepts.
#include "sim/scenario/schema.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

TEST_CASE("FORMAT.md has a reference table row for every key the loader accepts") {
  std::ifstream in(std::filesystem::path(SIM_SOURCE_DIR) / "scenarios" / "FORMAT.md");
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const auto keys = sim::scenario::allKeyPaths();
  REQUIRE(keys.size() > 100);
  for (const auto& key : keys) {
    // A row of a key table: the line starts with the key in backticks as its first cell.
    INFO("no reference row for key: " << key);
    CHECK(doc.find("\n| `" + key + "` |") != std::string::npos);
  }
}

TEST_CASE("the schema lists each key once per table") {
  const auto keys = sim::scenario::allKeyPaths();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    for (std::size_t j = i + 1; j < keys.size(); ++j) {
      INFO(keys[i]);
      CHECK(keys[i] != keys[j]);
    }
  }
}
