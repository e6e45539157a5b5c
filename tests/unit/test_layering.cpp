// Architecture rule, checked on the source tree: which folders may include which
// libraries. Link lines enforce most of it, but headers in /usr/include (toml++, SQLite,
// GLFW) are reachable from anywhere, so the includes themselves are checked here.
#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
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

// Headers of the libraries Frontdoor uses from Debian; a header that includes one of them
// (itself or through other sim/ headers) exposes that library's types.
constexpr std::array<const char*, 14> kThirdParty = {
    "imgui", "backends/",  "GLFW/",   "GL/",    "toml++/", "sqlite3",  "nlohmann/",
    "CLI/",  "benchmark/", "catch2/", "sodium", "stb",     "ft2build", "freetype"};

bool isThirdParty(const std::string& header) {
  for (const auto* prefix : kThirdParty) {
    if (startsWith(header, prefix)) {
      return true;
    }
  }
  return false;
}

bool isStandard(const std::string& header) {
  return header.find('/') == std::string::npos && header.find('.') == std::string::npos;
}

// The POSIX file calls the core and the tools use for durable, private files (open, fsync,
// mkstemp, stat) and for writing messages to a file descriptor.
bool isPosixFileHeader(const std::string& header) {
  return header == "fcntl.h" || header == "unistd.h" || header == "sys/stat.h";
}

bool isDetail(const std::string& file) { return file.find("/detail/") != std::string::npos; }

std::vector<std::string> includesOf(const std::string& file) {
  const std::regex pattern(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::vector<std::string> out;
  std::ifstream in(fs::path(SIM_SOURCE_DIR) / file);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch match;
    if (std::regex_search(line, match, pattern)) {
      out.push_back(match[1].str());
    }
  }
  return out;
}

// Why a sim/ header is not a library's public header ("" when it is): it is missing, it is
// under a detail/ folder, or it (or a sim/ header it includes) includes a third-party one.
std::string whyNotPublic(const std::string& header) {
  std::vector<std::string> pending{header};
  std::set<std::string> seen;
  while (!pending.empty()) {
    const auto current = pending.back();
    pending.pop_back();
    if (!seen.insert(current).second) {
      continue;
    }
    if (!fs::exists(fs::path(SIM_SOURCE_DIR) / current)) {
      return current + " does not exist";
    }
    if (isDetail(current)) {
      return current + " is private to its library (detail/)";
    }
    for (const auto& included : includesOf(current)) {
      if (isThirdParty(included)) {
        return current + " includes <" + included + ">";
      }
      if (startsWith(included, "sim/")) {
        pending.push_back(included);
      }
    }
  }
  return "";
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
  // The showcase states draw nothing themselves, so they stay free of ImGui too.
  const auto badTools = violations(includesUnder("tools"), "imgui", {});
  INFO(joined(bad) << joined(badTools));
  CHECK(bad.empty());
  CHECK(badTools.empty());
}

TEST_CASE("the core includes only itself, the standard library and POSIX file calls") {
  for (const auto& include : includesUnder("sim/core")) {
    INFO(include.file << " includes " << include.header);
    const bool own = startsWith(include.header, "sim/core/");
    const bool standard = isStandard(include.header) || isPosixFileHeader(include.header);
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

TEST_CASE("nlohmann-json is used by exactly the report and exchange libraries, privately") {
  const auto sim = includesUnder("sim");
  REQUIRE(countOf(includesUnder("sim/report"), "nlohmann") > 0);
  REQUIRE(countOf(includesUnder("sim/exchange"), "nlohmann") > 0);
  // In their sources and their detail/ headers, never in a header another library reads.
  std::vector<std::string> bad;
  for (const auto& include : sim) {
    if (!startsWith(include.header, "nlohmann")) {
      continue;
    }
    const bool library =
        startsWith(include.file, "sim/report/") || startsWith(include.file, "sim/exchange/");
    const bool privateFile = include.file.ends_with(".cpp") || isDetail(include.file);
    if (!library || !privateFile) {
      bad.push_back(include.file + " includes <" + include.header + ">");
    }
  }
  const auto badTools = violations(includesUnder("tools"), "nlohmann", {});
  INFO(joined(bad) << joined(badTools));
  CHECK(bad.empty());
  CHECK(badTools.empty());
}

TEST_CASE("the tools include only public library headers, CLI11, Google Benchmark and the "
          "standard library") {
  const auto tools = includesUnder("tools");
  REQUIRE(countOf(tools, "sim/") > 0);
  std::vector<std::string> bad;
  for (const auto& include : tools) {
    const auto& h = include.header;
    const bool ownFolder =
        startsWith(h, "tools/") && startsWith(include.file, h.substr(0, h.find('/', 6) + 1));
    const bool standard = isStandard(h) || h == "sys/resource.h" || isPosixFileHeader(h);
    const bool cli11 = h == "CLI/CLI.hpp" && !startsWith(include.file, "tools/bench/");
    const bool bench = h == "benchmark/benchmark.h" && startsWith(include.file, "tools/bench/");
    std::string why;
    if (startsWith(h, "sim/")) {
      why = whyNotPublic(h);
    } else if (!ownFolder && !standard && !cli11 && !bench) {
      why = "not a library header, CLI11 or the standard library";
    }
    if (!why.empty()) {
      bad.push_back(include.file + " includes <" + h + ">: " + why);
    }
  }
  INFO(joined(bad));
  CHECK(bad.empty());
}

TEST_CASE("the report and exchange libraries sit on the pure libraries and the store") {
  REQUIRE(countOf(includesUnder("sim/report"), "sim/storage/") > 0);
  REQUIRE(countOf(includesUnder("sim/exchange"), "sim/report/") > 0);
  for (const auto* lib : {"report", "exchange"}) {
    for (const auto& include : includesUnder(std::string("sim/") + lib)) {
      if (!startsWith(include.header, "sim/")) {
        continue;
      }
      INFO(include.file << " includes " << include.header);
      bool ok = false;
      // Both also read what a workshop recorded (its votes as decision rows).
      for (const auto* below :
           {"sim/core/", "sim/engine/", "sim/scoring/", "sim/workshop/", "sim/storage/"}) {
        ok = ok || startsWith(include.header, below);
      }
      ok = ok || startsWith(include.header, std::string("sim/") + lib + "/") ||
           (std::string(lib) == "exchange" && startsWith(include.header, "sim/report/"));
      CHECK(ok);
    }
  }
}

TEST_CASE("the workshop library sits on the core, the engine and scoring only") {
  REQUIRE(countOf(includesUnder("sim/workshop"), "sim/engine/") > 0);
  for (const auto& include : includesUnder("sim/workshop")) {
    if (!startsWith(include.header, "sim/")) {
      continue;
    }
    INFO(include.file << " includes " << include.header);
    bool ok = false;
    for (const auto* below : {"sim/core/", "sim/engine/", "sim/scoring/", "sim/workshop/"}) {
      ok = ok || startsWith(include.header, below);
    }
    CHECK(ok);
  }
}

TEST_CASE(
    "the session and view libraries and the pure libraries never include the UI or platform") {
  for (const auto* lib : {"core", "scenario", "engine", "scoring", "workshop", "storage", "report",
                          "exchange", "view", "session"}) {
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
