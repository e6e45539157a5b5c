// DiagnosticSink: collects the positioned diagnostics of one input file (capped, escaped to
// stay one line each) and keeps the raw text with a line index so positions inside string
// values can be mapped exactly. Also `printable`, the escaping used for echoed file text.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/scenario/schema.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

struct Pos {
  int line = 1;
  int column = 1;
};

/// Collects the diagnostics of one file. Messages are made single-line and printable
/// (control characters from the file are escaped) so FILE:LINE:COL output stays one line.
class DiagnosticSink {
public:
  explicit DiagnosticSink(std::string file) : m_file(std::move(file)) {}
  void error(Pos pos, std::string message);
  void warning(Pos pos, std::string message);
  /// True once kMaxDiagnostics were reported; callers may skip costly work then.
  [[nodiscard]] bool full() const { return m_diagnostics.size() >= kMaxDiagnostics; }
  [[nodiscard]] const std::string& file() const { return m_file; }
  /// The raw file text, so positions inside strings can be mapped exactly.
  void setSource(std::string_view text);
  [[nodiscard]] std::string_view source() const { return m_source; }
  /// Byte offset where 1-based `line` starts in the source (0 if out of range).
  [[nodiscard]] std::size_t lineStart(int line) const;
  /// Records that a problem of `severity` was left unreported because the limit was
  /// reached. The final note is an error only if an error was dropped.
  void noteTruncated(Pos pos, core::Severity severity);
  /// All diagnostics in file order, with the "too many problems" note (if any) last.
  std::vector<core::Diagnostic> take();

private:
  void add(Pos pos, core::Severity severity, std::string message);
  std::string m_file;
  std::string_view m_source;
  mutable std::vector<std::size_t> m_lineStarts; // built on first use (most files need none)
  std::vector<core::Diagnostic> m_diagnostics;
  std::optional<core::Diagnostic> m_truncation;
};

/// Text from a file made safe to print inside one diagnostic line: control characters
/// escaped, cut at `maxChars` characters (on a UTF-8 boundary) with "..." appended.
std::string printable(std::string_view text, std::size_t maxChars = 200);

} // namespace sim::scenario
