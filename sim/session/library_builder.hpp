// The case library as the practitioner sees it: loading every scenario in the folder and
// turning each into a library entry with a preview (contact and household only; never
// panel or outcome content).
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/rubric.hpp"
#include "sim/core/scenario.hpp"
#include "sim/view/shell_model.hpp"

#include <filesystem>
#include <memory>
#include <vector>

namespace sim::session {

struct LoadedLibrary {
  view::LibraryModel model;
  std::vector<std::shared_ptr<const core::Scenario>> scenarios; // parallel to model.entries
  core::Rubric rubric; // the folder's rubric.toml, else the built-in defaults
};

/// Load every scenario under `folder` and its rubric file, if any; files that fail to load
/// stay in the list with their diagnostics (a rubric that fails is named in `problem`).
/// Cases in `userFolder` (when given and present) are listed after the bundled ones.
LoadedLibrary loadLibrary(const std::filesystem::path& folder,
                          const std::filesystem::path& userFolder = {});

view::LibraryEntry makeEntry(const std::string& file, const core::Scenario* scenario,
                             const std::vector<core::Diagnostic>& diagnostics);

view::CasePreview makePreview(const core::Scenario& scenario);

/// "7 years", "4 months", "unborn (22 weeks of pregnancy)".
std::string describeAge(const core::Child& child);

} // namespace sim::session
