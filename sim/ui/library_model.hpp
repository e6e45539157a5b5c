// Building the library view model from loaded scenarios: only what a practitioner may see
// before deciding (contact, household, counts) — never panel or outcome content.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/scenario.hpp"
#include "sim/ui/library_view.hpp"

#include <memory>

namespace sim::ui {

LibraryEntry makeEntry(const std::string& file, const core::Scenario* scenario,
                       const std::vector<core::Diagnostic>& diagnostics);

CasePreview makePreview(const core::Scenario& scenario);

/// "7 years 4 months", "4 months", "unborn (22 weeks)".
std::string describeAge(const core::Child& child);

} // namespace sim::ui
