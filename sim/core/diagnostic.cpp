// Rendering and ordering of Diagnostic values.
#include "sim/core/diagnostic.hpp"

#include "sim/core/safe_text.hpp"

#include <algorithm>
#include <map>

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
  // A message may quote what the file said: never let it drive the terminal or run on.
  return terminalSafe(out, kMaxDiagnosticBytes);
}

std::vector<std::string> formatDiagnostics(const std::vector<Diagnostic>& diagnostics,
                                           std::size_t perFile) {
  std::vector<std::string> out;
  std::map<std::string, std::size_t> shown;
  std::map<std::string, std::size_t> more;
  std::vector<std::string> order; // files in the order first seen
  for (const auto& d : diagnostics) {
    auto& count = shown[d.file];
    if (count == 0 && more.count(d.file) == 0) {
      order.push_back(d.file);
    }
    if (count < perFile) {
      ++count;
      out.push_back(formatDiagnostic(d));
    } else {
      ++more[d.file];
    }
  }
  for (const auto& file : order) {
    if (const auto it = more.find(file); it != more.end()) {
      out.push_back(
          terminalSafe(file, kMaxDiagnosticBytes) + ": note: " + std::to_string(it->second) +
          " more problems are not listed (the first " + std::to_string(perFile) + " are)");
    }
  }
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
