// A folder of scenarios, loaded file by file into an index by id.
#include "sim/scenario/scenario_index.hpp"

#include "sim/scenario/loader.hpp"
#include "sim/scenario/scenario_files.hpp"

namespace sim::scenario {

LoadedIndex loadScenarioIndex(const std::filesystem::path& folder) {
  LoadedIndex out;
  const auto list = collectScenarioFiles({folder});
  out.problems = list.problems;
  for (const auto& file : list.files) {
    auto loaded = loadScenarioFile(file);
    if (!loaded.ok()) {
      ++out.failed;
      for (auto& d : loaded.diagnostics) {
        if (d.severity == core::Severity::Error) {
          out.errors.push_back(std::move(d));
        }
      }
      continue;
    }
    out.index[loaded.scenario->meta.id] = loaded.scenario;
  }
  return out;
}

} // namespace sim::scenario
