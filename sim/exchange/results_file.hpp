// Moving results between machines: a results file (JSON: practitioners, attempts with
// their unique ids, event logs and decisions) written from one results database and
// imported into another, where attempts already present are skipped.
#pragma once

#include "sim/storage/results_store.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace sim::exchange {

inline constexpr int kResultsFileFormat = 1;

/// The results file of `practitioner` (everyone when empty): JSON indented by two spaces,
/// ending in a newline.
core::Result<std::string> resultsFile(storage::ResultsStore& store,
                                      const std::optional<std::string>& practitioner);

struct ImportCounts {
  int added = 0;   // attempts added
  int skipped = 0; // attempts already in the database (same unique id)
};

/// Whether an attempt with this unique id is already in the store (then counted as
/// skipped): imports add each attempt once however often they run.
core::Result<bool> alreadyImported(storage::ResultsStore& store, const std::string& uid,
                                   ImportCounts& counts);

/// Import a results file's text; every attempt is added in full or, if already there,
/// skipped.
core::Result<ImportCounts> importResultsFile(storage::ResultsStore& store, std::string_view text);

} // namespace sim::exchange
