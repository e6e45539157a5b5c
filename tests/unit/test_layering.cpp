// Architecture rule, checked on the source tree: which folders may include which
// libraries. Link lines enforce most of it, but headers in /usr/include (toml++, SQLite,
// GLFW) are reachable from anywhere, so the includes themselves are checked here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Include {
  std::string file;   // relative to the repository root
  std::string header; // as written between <> or ""
};

std::vector<Include> includesUnder(const std::string& folder) {
  const fs::path root(SIM_SOURCE_DIR);
  const std::regex pattern(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::vector<Include> out;
  for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) {
      continue;
    }
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      std::smatch match;
      if (std::regex_search(line, match, pattern)) {
        out.push_back({fs::relative(entry.path(), root).generic_string(), match[1].str()});
      }
    }
  }
  return out;
}

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

// Includes of headers starting with `header` from files outside the `allowed` prefixes,
// as "file includes <header>" lines (empty when the rule holds).
std::vector<std::string> violations(const std::vector<Include>& includes, const std::string& header,
                                    const std::vector<std::string>& allowed) {
  std::vector<std::string> out;
  for (const auto& include : includes) {
    if (!startsWith(include.header, header)) {
      continue;
    }
    bool ok = false;
    for (const auto& prefix : allowed) {
      ok = ok || startsWith(include.file, prefix);
    }
    if (!ok) {
      out.push_back(include.file + " includes <" + include.header + ">");
    }
  }
  return out;
}

std::size_t countOf(const std::vector<Include>& includes, const std::string& header) {
  std::size_t n = 0;
  for (const auto& include : includes) {
    n += startsWith(include.header, header) ? 1U : 0U;
  }
  return n;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += line + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("only the scenario library includes toml++") {
  const auto sim = includesUnder("sim");
  REQUIRE(countOf(sim, "toml++") > 0); // the scan sees the one allowed include
  // Through the one wrapper header, so every translation unit sees the same toml++
  // configuration (assertions off; see sim/scenario/toml.hpp).
  const auto bad = violations(sim, "toml++", {"sim/scenario/toml.hpp"});
  const auto badTools = violations(includesUnder("tools"), "toml++", {});
  INFO(joined(bad) << joined(badTools));
  CHECK(bad.empty());
  CHECK(badTools.empty());
}

TEST_CASE("only the storage library includes SQLite") {
  const auto sim = includesUnder("sim");
  REQUIRE(countOf(sim, "sqlite3") > 0);
  const auto bad = violations(sim, "sqlite3", {"sim/storage/"});
  const auto badTools = violations(includesUnder("tools"), "sqlite3", {});
  INFO(joined(bad) << joined(badTools));
  CHECK(bad.empty());
  CHECK(badTools.empty());
}

TEST_CASE("only the platform library includes GLFW and OpenGL and ImGui backends") {
  const auto sim = includesUnder("sim");
  REQUIRE(countOf(sim, "GLFW") > 0);
  std::vector<std::string> bad;
  for (const auto* header : {"GLFW", "GL/", "backends/"}) {
    const auto found = violations(sim, header, {"sim/platform/"});
    bad.insert(bad.end(), found.begin(), found.end());
  }
  INFO(joined(bad));
  CHECK(bad.empty());
}

TEST_CASE("ImGui stays out of the core and scenario and engine and scoring and storage libraries") {
  const auto sim = includesUnder("sim");
  REQUIRE(countOf(sim, "imgui") > 0);
  const auto bad = violations(sim, "imgui", {"sim/ui/", "sim/platform/", "sim/app/"});
  const auto badTools = violations(includesUnder("tools"), "imgui", {});
  INFO(joined(bad) << joined(badTools));
  CHECK(bad.empty());
  CHECK(badTools.empty());
}

TEST_CASE("the core includes only itself and the standard library") {
  for (const auto& include : includesUnder("sim/core")) {
    INFO(include.file << " includes " << include.header);
    const bool own = startsWith(include.header, "sim/core/");
    const bool standard = include.header.find('/') == std::string::npos &&
                          include.header.find('.') == std::string::npos;
    CHECK((own || standard));
  }
}

TEST_CASE("pure libraries include only the core and themselves") {
  for (const auto* lib : {"scenario", "engine", "scoring", "storage"}) {
    for (const auto& include : includesUnder(std::string("sim/") + lib)) {
      if (!startsWith(include.header, "sim/")) {
        continue;
      }
      INFO(include.file << " includes " << include.header);
      // Scoring reads the engine's results (attempt state and decisions).
      const bool engineForScoring =
          std::string(lib) == "scoring" && startsWith(include.header, "sim/engine/");
      CHECK((startsWith(include.header, "sim/core/") ||
             startsWith(include.header, std::string("sim/") + lib + "/") || engineForScoring));
    }
  }
}

TEST_CASE("only the command-line tool includes nlohmann-json") {
  const auto tools = includesUnder("tools");
  REQUIRE(countOf(tools, "nlohmann") > 0);
  const auto bad = violations(tools, "nlohmann", {"tools/cli/"});
  const auto badSim = violations(includesUnder("sim"), "nlohmann", {});
  INFO(joined(bad) << joined(badSim));
  CHECK(bad.empty());
  CHECK(badSim.empty());
}

TEST_CASE(
    "the session and view libraries and the pure libraries never include the UI or platform") {
  for (const auto* lib : {"core", "scenario", "engine", "scoring", "storage", "view", "session"}) {
    for (const auto& include : includesUnder(std::string("sim/") + lib)) {
      INFO(include.file << " includes " << include.header);
      CHECK_FALSE(startsWith(include.header, "sim/ui/"));
      CHECK_FALSE(startsWith(include.header, "sim/platform/"));
      CHECK_FALSE(startsWith(include.header, "sim/app/"));
    }
  }
  // The view model is plain data over the engine's and scoring's values: no files, no store.
  REQUIRE(countOf(includesUnder("sim/view"), "sim/engine/") > 0); // the scan sees the folder
  for (const auto& include : includesUnder("sim/view")) {
    INFO(include.file << " includes " << include.header);
    CHECK_FALSE(startsWith(include.header, "sim/storage/"));
    CHECK_FALSE(startsWith(include.header, "sim/scenario/"));
    CHECK_FALSE(startsWith(include.header, "sim/session/"));
  }
}
