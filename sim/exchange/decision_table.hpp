// Reading a decisions CSV (product.md §7): a header row and at least the columns
// `trainee`, `scenario`, `decision` (a response token); optional `need_level`, `p_harm`,
// `p_rereferral`, `team`, `cohort`, and the habits `checks`, `records_checked`,
// `child_seen`. RFC 4180 quoting. Bad rows are reported with their line
// and column and skipped; the caller decides whether any bad row is fatal (--strict).
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/scoring/decision_row.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::exchange {

using scoring::DecisionRow;

struct DecisionTable {
  std::vector<DecisionRow> rows;
  std::vector<core::Diagnostic> diagnostics; // FILE:LINE:COL, one per bad row (errors) or
                                             // per unknown column (warnings); sorted
  std::int64_t badRows = 0;                  // every bad row, including those past the listed 200
  bool readable = true; // false when the header itself is unusable (nothing can be read)
};

/// Parse CSV text; `displayPath` names it in diagnostics. Never throws.
/// Fields are trimmed of spaces and tabs; header names and decision tokens are matched
/// case-insensitively. LINE:COL is where the offending field starts (COL in characters);
/// that is the row's first line unless a quoted line break comes before the field. The
/// first 200 bad rows are listed; one more error counts the rest. A UTF-8 BOM is skipped.
DecisionTable readDecisionTable(std::string_view text, const std::string& displayPath);

/// Tables larger than this are refused unread.
inline constexpr unsigned long long kMaxDecisionTableBytes = 2ULL << 30U; // 2 GiB

/// Read the file at `path` and parse it; a file that does not exist or cannot be read gives
/// one error naming the file, and `readable` false.
DecisionTable readDecisionTableFile(const std::string& path);

} // namespace sim::exchange
