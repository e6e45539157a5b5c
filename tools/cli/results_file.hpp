// Moving results between machines: a results file (JSON: practitioners, attempts with
// their unique ids, event logs and decisions) written from one results database and
// imported into another, where attempts already present are skipped; and importing a
// decisions table (CSV, for workshops run on paper) as finished paper attempts.
#pragma once

#include "sim/scoring/decision_table.hpp"
#include "sim/storage/results_store.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sim::cli {

inline constexpr int kResultsFileFormat = 1;

core::Result<nlohmann::ordered_json> resultsFile(storage::ResultsStore& store,
                                                 const std::optional<std::string>& practitioner);

struct ImportCounts {
  int added = 0;   // attempts added
  int skipped = 0; // attempts already in the database (same unique id)
};

/// Import a results file; every attempt is added in full or, if already there, skipped.
core::Result<ImportCounts> importResultsFile(storage::ResultsStore& store,
                                             const nlohmann::json& file);

/// Import the rows of a decisions table, each as a finished paper attempt with one
/// decision. A row's attempt id is derived from its content and line, so importing the
/// same file twice adds nothing twice.
core::Result<ImportCounts> importDecisionTable(storage::ResultsStore& store,
                                               const scoring::DecisionTable& table,
                                               const std::string& importedAt);

} // namespace sim::cli
