// Moving results between machines: a results file (JSON: practitioners, attempts with
// their unique ids, event logs and decisions) written from one results database and
// imported into another. An import checks every value as the live engine would (events
// replayed against their case when the library has it) and changes nothing unless the
// whole file is good; attempts already present are skipped, and practitioners already
// present keep this database's details (differences are reported, never applied).
#pragma once

#include "sim/core/scenario.hpp"
#include "sim/storage/results_store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::exchange {

inline constexpr int kResultsFileFormat = 1;
/// Results files are refused above this size, unread.
inline constexpr unsigned long long kMaxResultsFileBytes = 1ULL << 30U; // 1 GiB

/// The results file of `practitioner` (everyone when empty): JSON indented by two spaces,
/// ending in a newline.
core::Result<std::string> resultsFile(storage::ResultsStore& store,
                                      const std::optional<std::string>& practitioner);

struct ImportCounts {
  int added = 0;     // attempts added
  int skipped = 0;   // attempts already in the database (same unique id)
  int replayed = 0;  // added attempts whose events were replayed against their case
  int unchecked = 0; // added attempts with events whose case (at that version) is not in the
                     // library: their events were checked line by line, not replayed
  std::vector<std::string> notes; // what the person importing should know (kept details)
};

/// Whether an attempt with this unique id is already in the store (then counted as
/// skipped): imports add each attempt once however often they run.
core::Result<bool> alreadyImported(storage::ResultsStore& store, const std::string& uid,
                                   ImportCounts& counts);

/// Add `fromFile` when the store has no practitioner with its id; when it has one with other
/// details, keep the store's and add a note naming the difference.
core::Result<storage::Ok> adoptPractitioner(storage::ResultsStore& store,
                                            const storage::PractitionerRow& fromFile,
                                            ImportCounts& counts);

/// Import a results file's text. Every value is checked first (the message names the
/// attempt and the field, or the line and column of a JSON error); `cases` replays each
/// attempt's events against its case when it holds that case at that version. All of the
/// file is added, in one transaction, or none of it.
core::Result<ImportCounts> importResultsFile(storage::ResultsStore& store, std::string_view text,
                                             const core::ScenarioIndex& cases);

} // namespace sim::exchange
