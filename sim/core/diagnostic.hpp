// Diagnostic: one positioned problem found in an input file (scenario, rubric, actions),
// and its GCC-style rendering "FILE:LINE:COL: error|warning: message".
#pragma once

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

/// "FILE:LINE:COL: error: message" (LINE:COL omitted when unknown).
std::string formatDiagnostic(const Diagnostic& diagnostic);

/// True when any diagnostic is an error (warnings alone do not fail a load).
bool hasErrors(const std::vector<Diagnostic>& diagnostics);

/// Stable order for printing: by line, then column, errors before warnings at one spot.
void sortDiagnostics(std::vector<Diagnostic>& diagnostics);

} // namespace sim::core
