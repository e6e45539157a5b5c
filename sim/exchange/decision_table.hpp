// Reading a decisions CSV (product.md §7): a header row and at least the columns
// `trainee`, `scenario`, `decision` (a response token); optional `need_level`, `p_harm`,
// `p_rereferral`, `team`, `cohort`, and the habits `checks`, `records_checked`,
// `child_seen`. RFC 4180 quoting. Bad rows are reported with their line
// and column and skipped; the caller decides whether any bad row is fatal (--strict).
// Rows come whole in a DecisionTable, or one at a time to a visitor, the file read in
// chunks (for tables of millions of rows).
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/scoring/decision_row.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
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

/// Called with each good row in file order; the row is only valid during the call.
using DecisionRowVisitor = std::function<void(const DecisionRow&)>;

/// Bytes a streaming read takes from its input at a time.
inline constexpr std::size_t kDecisionTableChunkBytes = std::size_t{1} << 20U; // 1 MiB

/// The same reading as readDecisionTable, but each good row goes to `visit` as it is read
/// and none is kept: the table returned has no rows; its diagnostics, badRows and readable
/// are exactly readDecisionTable's for the same bytes. `in` is read `chunkBytes` at a time
/// (at least 1); a record longer than that is held whole while it is read.
DecisionTable visitDecisionTable(std::istream& in, const std::string& displayPath,
                                 const DecisionRowVisitor& visit,
                                 std::size_t chunkBytes = kDecisionTableChunkBytes);

/// visitDecisionTable over the file at `path`, with readDecisionTableFile's errors for a file
/// that does not exist, cannot be read or is over kMaxDecisionTableBytes.
DecisionTable visitDecisionTableFile(const std::string& path, const DecisionRowVisitor& visit);

} // namespace sim::exchange
