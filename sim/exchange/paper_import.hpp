// Importing a decisions table (CSV, from a workshop run on paper) into a results database,
// each row as a finished paper attempt with one decision.
#pragma once

#include "sim/exchange/decision_table.hpp"
#include "sim/exchange/results_file.hpp"
#include "sim/storage/results_store.hpp"

#include <string>

namespace sim::exchange {

/// Import the rows of a decisions table, each as a finished paper attempt with one
/// decision. A row's attempt id is derived from its content and line, so importing the
/// same file twice adds nothing twice.
core::Result<ImportCounts> importDecisionTable(storage::ResultsStore& store,
                                               const DecisionTable& table,
                                               const std::string& importedAt);

} // namespace sim::exchange
