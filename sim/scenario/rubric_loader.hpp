// Rubric files: the scoring rubric (weights, cost matrix, critical-error rules, contested
// weighting) read from TOML with the same FILE:LINE:COL diagnostics as scenarios. The
// bundled defaults are scenarios/rubric.toml; any file named *rubric.toml is a rubric.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/rubric.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

inline constexpr int kRubricFormatVersion = 1;

struct RubricLoad {
  std::optional<core::Rubric> rubric; // empty when any error was found
  std::vector<core::Diagnostic> diagnostics;
  [[nodiscard]] bool ok() const { return rubric.has_value(); }
};

RubricLoad loadRubricFile(const std::filesystem::path& path);
RubricLoad loadRubricText(std::string_view text, const std::string& displayPath);

/// A file that holds a rubric rather than a scenario: its name ends in "rubric.toml".
bool isRubricFile(const std::filesystem::path& path);

} // namespace sim::scenario
