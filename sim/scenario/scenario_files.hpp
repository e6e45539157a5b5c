// Finding scenario files: expands files and folders (recursively) into a sorted list of
// *.toml paths, reporting paths that do not exist. Rubric files (*rubric.toml) and
// workshop plans (*.workshop.toml) are listed apart, since they are not scenarios.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sim::scenario {

struct FileList {
  std::vector<std::filesystem::path> files;   // sorted within each folder, in argument order
  std::vector<std::filesystem::path> rubrics; // *rubric.toml files found the same way
  std::vector<std::filesystem::path> plans;   // *.workshop.toml files found the same way
  std::vector<std::string> problems;          // "PATH: no such file or folder", ...
};

FileList collectScenarioFiles(const std::vector<std::filesystem::path>& paths);

} // namespace sim::scenario
