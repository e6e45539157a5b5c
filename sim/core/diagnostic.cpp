// Rendering and ordering of Diagnostic values.
#include "sim/core/diagnostic.hpp"

#include <algorithm>

namespace sim::core {

std::string formatDiagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) {
      out += ':' + std::to_string(d.column);
    }
  }
  out += d.severity == Severity::Error ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

void sortDiagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.line != b.line) {
                       return a.line < b.line;
                     }
                     if (a.column != b.column) {
                       return a.column < b.column;
                     }
                     return a.severity == Severity::Error && b.severity == Severity::Warning;
                   });
}

} // namespace sim::core
