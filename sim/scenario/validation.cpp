// Loading every scenario, rubric and workshop-plan file found, counting what each reports.
#include "sim/scenario/validation.hpp"

#include "sim/scenario/loader.hpp"
#include "sim/scenario/plan_loader.hpp"
#include "sim/scenario/rubric_loader.hpp"
#include "sim/scenario/scenario_files.hpp"

namespace sim::scenario {

namespace {

template <typename Loaded> void count(Validation& out, Loaded&& loaded) {
  for (auto& d : loaded.diagnostics) {
    ++(d.severity == core::Severity::Error ? out.errors : out.warnings);
    out.diagnostics.push_back(std::move(d));
  }
  out.failedFiles += loaded.ok() ? 0 : 1;
}

} // namespace

Validation validatePaths(const std::vector<std::filesystem::path>& paths) {
  Validation out;
  const auto list = collectScenarioFiles(paths);
  out.problems = list.problems;
  core::ScenarioIndex cases; // the cases found, for the plans' references
  for (const auto& file : list.files) {
    auto loaded = loadScenarioFile(file);
    if (loaded.scenario) {
      cases.emplace(loaded.scenario->meta.id, loaded.scenario);
    }
    count(out, std::move(loaded));
  }
  // Rubric files (*rubric.toml) are checked as rubrics, with the same diagnostics.
  for (const auto& file : list.rubrics) {
    count(out, loadRubricFile(file));
  }
  // Workshop plans (*.workshop.toml) are checked against the cases found with them.
  // A plan validated without its cases (in a "workshops" folder beside them) is checked
  // against the cases of the folder above.
  for (const auto& file : list.plans) {
    if (cases.empty() && file.parent_path().filename() == "workshops") {
      for (const auto& sibling : collectScenarioFiles({file.parent_path().parent_path()}).files) {
        if (auto loaded = loadScenarioFile(sibling); loaded.scenario) {
          cases.emplace(loaded.scenario->meta.id, loaded.scenario);
        }
      }
    }
    count(out, loadPlanFile(file, cases.empty() ? nullptr : &cases));
  }
  out.files = list.files.size() + list.rubrics.size() + list.plans.size();
  return out;
}

} // namespace sim::scenario
