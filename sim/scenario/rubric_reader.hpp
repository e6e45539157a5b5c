// Reading rubric keys from a TOML table: a rubric file's top level, or a scenario's
// [rubric] table that overrides parts of the rubric for that case. Shared by both so the
// keys, ranges and messages are the same.
#pragma once

#include "sim/core/rubric.hpp"
#include "sim/scenario/toml_reader.hpp"

#include <optional>
#include <vector>

namespace sim::scenario {

struct RubricRead {
  std::vector<core::RubricSetting> settings;
  std::optional<core::CostMatrix> costMatrix; // files only
};

/// Read every rubric key present in `table`. In a scenario (`inScenario`), the cost matrix
/// and `format` are refused: they belong to the rubric file.
RubricRead readRubricSettings(TableReader& table, bool inScenario);

/// The rules that involve several keys (weights not all 0, the information shares adding
/// up to 1, a case weight above 0), reported at the tables of `table` that set them. For a
/// scenario's [rubric], `rubric` is the defaults with the scenario's overrides applied.
void checkRubricRules(const core::Rubric& rubric, TableReader& table);

} // namespace sim::scenario
