// Loading every scenario and rubric file found, counting what each reports.
#include "sim/scenario/validation.hpp"

#include "sim/scenario/loader.hpp"
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
  for (const auto& file : list.files) {
    count(out, loadScenarioFile(file));
  }
  // Rubric files (*rubric.toml) are checked as rubrics, with the same diagnostics.
  for (const auto& file : list.rubrics) {
    count(out, loadRubricFile(file));
  }
  out.files = list.files.size() + list.rubrics.size();
  return out;
}

} // namespace sim::scenario
