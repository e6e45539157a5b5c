// Loading a workshop plan (*.workshop.toml, scenarios/WORKSHOPS.md): syntax errors from
// toml++, every key checked against the schema with FILE:LINE:COL diagnostics, then the
// rules a trainer relies on — each case exists, each pause names a route or decision point
// of its case, decision points in order, votes only where the room decides, and no reveal
// of the panel or the outcome before the room has voted or while later decision points of
// the case are still to come.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/scenario.hpp"
#include "sim/core/workshop_plan.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

inline constexpr int kPlanFormatVersion = 1;

struct PlanLoad {
  std::optional<core::WorkshopPlan> plan; // empty when any error was found
  std::vector<core::Diagnostic> diagnostics;
  [[nodiscard]] bool ok() const { return plan.has_value(); }
};

/// Load a plan. With `cases`, every case id and every pause target is checked against the
/// cases it names; without, only the plan's own rules are.
PlanLoad loadPlanFile(const std::filesystem::path& path, const core::ScenarioIndex* cases);
PlanLoad loadPlanText(std::string_view text, const std::string& displayPath,
                      const core::ScenarioIndex* cases);

/// A file that holds a workshop plan rather than a scenario: its name ends ".workshop.toml".
bool isWorkshopPlanFile(const std::filesystem::path& path);

} // namespace sim::scenario
