// Scenario loader: reads one scenario file (TOML, format v1) into an immutable, typed
// core::Scenario, or reports every problem as a positioned Diagnostic. Never throws,
// never aborts: bad input of any kind becomes diagnostics.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/scenario.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

struct LoadResult {
  std::shared_ptr<const core::Scenario> scenario; // null when any error was found
  std::vector<core::Diagnostic> diagnostics;      // errors and warnings, in file order
  [[nodiscard]] bool ok() const { return scenario != nullptr; }
};

/// Loads a scenario file; `path` is used as given in diagnostics. Files larger than
/// kMaxScenarioBytes are refused without being read.
LoadResult loadScenarioFile(const std::filesystem::path& path);

/// Loads scenario text; `displayPath` names it in diagnostics.
LoadResult loadScenarioText(std::string_view text, const std::string& displayPath);

} // namespace sim::scenario
