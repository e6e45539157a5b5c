// Loading a folder of scenarios into an index by id: every *.toml file under it (rubric
// files apart), the cases that load, and the errors of those that do not. Used wherever
// results are compared with panels or named by case title (exports, reports).
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/scenario.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace sim::scenario {

struct LoadedIndex {
  core::ScenarioIndex index;
  std::vector<core::Diagnostic> errors; // of the files that did not load
  std::vector<std::string> problems;    // "PATH: no such file or folder", ...
  int failed = 0;                       // files that did not load
  [[nodiscard]] bool complete() const { return problems.empty() && failed == 0; }
};

LoadedIndex loadScenarioIndex(const std::filesystem::path& folder);

} // namespace sim::scenario
