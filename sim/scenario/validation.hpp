// Validating scenario, rubric and workshop-plan files, as `frontdoor-cli validate` and CI do: every
// file found in the given files and folders is loaded, and all diagnostics are kept in order with
// the counts behind the summary line and the exit status.
#pragma once

#include "sim/core/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace sim::scenario {

struct Validation {
  std::vector<core::Diagnostic> diagnostics; // file by file: scenarios, rubrics, workshop plans
  std::vector<std::string> problems;         // paths that do not exist, ...
  std::size_t files = 0;                     // files checked
  int failedFiles = 0;                       // files with errors
  int errors = 0;
  int warnings = 0;
};

Validation validatePaths(const std::vector<std::filesystem::path>& paths);

} // namespace sim::scenario
