// Diagnostic: one positioned problem found in an input file (scenario, rubric, actions),
// and its GCC-style rendering "FILE:LINE:COL: error|warning: message".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sim::core {

enum class Severity { Warning, Error };

struct Diagnostic {
  std::string file;
  int line = 0;   // 1-based; 0 when the problem concerns the whole file
  int column = 0; // 1-based; 0 when unknown
  Severity severity = Severity::Error;
  std::string message;
};

/// Rendered diagnostics are cut at this many bytes.
inline constexpr std::size_t kMaxDiagnosticBytes = 2000;
/// Diagnostics listed per file before the rest are counted in one note.
inline constexpr std::size_t kListedDiagnostics = 200;

/// "FILE:LINE:COL: error: message" (LINE:COL omitted when unknown), terminal-safe
/// (core/safe_text.hpp) and at most kMaxDiagnosticBytes long.
std::string formatDiagnostic(const Diagnostic& diagnostic);

/// Each diagnostic rendered, at most `perFile` per file; then, for each file with more, one
/// note "FILE: note: N more problems are not listed".
std::vector<std::string> formatDiagnostics(const std::vector<Diagnostic>& diagnostics,
                                           std::size_t perFile = kListedDiagnostics);

/// True when any diagnostic is an error (warnings alone do not fail a load).
bool hasErrors(const std::vector<Diagnostic>& diagnostics);

/// Stable order for printing: by line, then column, errors before warnings at one spot.
void sortDiagnostics(std::vector<Diagnostic>& diagnostics);

} // namespace sim::core
