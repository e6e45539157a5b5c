// Importing a decisions table (CSV) into a results database: a table from a workshop run on
// paper (each row a finished paper attempt with one decision), or a table exported from a
// results database (rows carrying `attempt_uid`, gathered into their attempts).
#pragma once

#include "sim/exchange/decision_table.hpp"
#include "sim/exchange/results_file.hpp"
#include "sim/storage/results_store.hpp"

#include <string>

namespace sim::exchange {

/// Import the rows of a decisions table, all of them in one transaction or none. A row
/// with an `attempt_uid` belongs to that attempt (skipped when the database has it); any
/// other row becomes a paper attempt whose id is derived from its values and how many rows
/// before it had the same values, so importing the same table again adds nothing, however
/// its blank lines or row order around it change. A table with bad rows is refused whole.
core::Result<ImportCounts> importDecisionTable(storage::ResultsStore& store,
                                               const DecisionTable& table,
                                               const std::string& importedAt);

} // namespace sim::exchange
