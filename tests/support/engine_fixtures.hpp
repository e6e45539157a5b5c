// Test support for engine tests: load real scenario files (the engine fixture and the
// bundled library) and apply actions, failing the test with the refusal when one is refused.
#pragma once

#include "sim/engine/attempt.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/plan_loader.hpp"
#include "sim/scenario/rubric_loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace sim::test {

inline std::shared_ptr<const core::Scenario> loadScenario(const std::string& relativePath) {
  const auto result =
      scenario::loadScenarioFile(std::filesystem::path(SIM_SOURCE_DIR) / relativePath);
  for (const auto& d : result.diagnostics) {
    UNSCOPED_INFO(core::formatDiagnostic(d));
  }
  REQUIRE(result.ok());
  return result.scenario;
}

/// The text of a file in the repository (to load a variant of a fixture).
inline std::string readFixture(const std::string& relativePath) {
  std::ifstream in(std::filesystem::path(SIM_SOURCE_DIR) / relativePath, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  REQUIRE_FALSE(text.str().empty());
  return text.str();
}

/// The engine fixture: Friday 16:30 contact, Monday holiday, two decision points.
inline std::shared_ptr<const core::Scenario> twoPoints() {
  return loadScenario("tests/data/engine/two_points.toml");
}

/// Every bundled scenario under scenarios/.
inline std::vector<std::shared_ptr<const core::Scenario>> bundledScenarios() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::filesystem::path(SIM_SOURCE_DIR) / "scenarios")) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml" &&
        !scenario::isRubricFile(entry.path()) && !scenario::isWorkshopPlanFile(entry.path())) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::shared_ptr<const core::Scenario>> out;
  for (const auto& file : files) {
    const auto result = scenario::loadScenarioFile(file);
    INFO(file.string());
    REQUIRE(result.ok());
    out.push_back(result.scenario);
  }
  return out;
}

/// Apply an action that the test expects to be accepted.
inline engine::Event mustApply(engine::Attempt& attempt, const engine::Action& action) {
  auto event = attempt.apply(action);
  if (!event) {
    FAIL("refused: " << event.error().message);
  }
  return event.value();
}

/// Apply an action that the test expects to be refused; returns the reason and checks
/// that the state and the log did not change.
inline std::string mustRefuse(engine::Attempt& attempt, const engine::Action& action) {
  const auto before = attempt.state();
  const auto logBefore = attempt.log();
  auto event = attempt.apply(action);
  REQUIRE_FALSE(event.ok());
  CHECK(attempt.state() == before);
  CHECK(attempt.log() == logBefore);
  return event.error().message;
}

} // namespace sim::test
