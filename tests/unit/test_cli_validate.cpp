// The real frontdoor-cli binary: `validate` output and exit statuses (0 / 1 / 2).
#include "tests/support/cli_runner.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

using sim::test::cli;
using sim::test::readAll;

TEST_CASE("validate scenarios/ exits 0 with nothing to report") {
  const auto run = cli("validate scenarios/");
  CHECK(run.status == 0);
  CHECK(run.out.empty());
}

TEST_CASE("validate on the broken fixtures prints exactly the golden diagnostics and exits 1") {
  const fs::path data = fs::path(SIM_SOURCE_DIR) / "tests" / "data";
  const auto run = cli("validate --quiet bad_scenarios", data);
  CHECK(run.status == 1);
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::directory_iterator(data / "bad_scenarios")) {
    if (entry.path().extension() == ".toml") {
      fixtures.push_back(entry.path());
    }
  }
  std::sort(fixtures.begin(), fixtures.end());
  std::string expected;
  for (auto fixture : fixtures) {
    std::istringstream lines(readAll(fixture.replace_extension(".expected")));
    std::string line;
    while (std::getline(lines, line)) {
      expected += "bad_scenarios/" + line + "\n";
    }
  }
  CHECK(run.out == expected);
}

TEST_CASE("validate with a warning-only file exits 0 and prints the warnings") {
  const fs::path data = fs::path(SIM_SOURCE_DIR) / "tests" / "data" / "bad_scenarios";
  const auto run = cli("validate anonymisation.toml", data);
  CHECK(run.status == 0);
  CHECK(run.out.find(": warning: ") != std::string::npos);
  CHECK(run.out.find(": error: ") == std::string::npos);
}

TEST_CASE("a missing path exits 2 but the other paths are still validated") {
  const auto run = cli("validate tests/data/bad_scenarios/band_inverted.toml no/such/file.toml");
  CHECK(run.status == 2);
  CHECK(run.out.find("band_inverted.toml:") != std::string::npos);
}

TEST_CASE("usage errors exit 2") {
  CHECK(cli("").status == 2);
  CHECK(cli("validate").status == 2);
  CHECK(cli("frobnicate scenarios/").status == 2);
  CHECK(cli("validate --no-such-flag scenarios/").status == 2);
  CHECK(cli("validate no/such/path").status == 2);
}
