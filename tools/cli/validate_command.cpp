// `frontdoor-cli validate`: validates the paths (scenario::validatePaths) and prints every
// diagnostic, the summary line and the exit status.
#include "tools/cli/validate_command.hpp"

#include "sim/scenario/validation.hpp"

#include <ostream>

namespace sim::cli {

int runValidate(const std::vector<std::string>& paths, bool quiet, std::ostream& out,
                std::ostream& err) {
  const auto result = scenario::validatePaths({paths.begin(), paths.end()});
  // Paths that do not exist are a usage error (exit 2), but every path that does exist is
  // still validated and reported, so one typo does not hide the other files' problems.
  for (const auto& problem : result.problems) {
    err << "frontdoor-cli validate: " << problem << '\n';
  }
  if (result.files == 0) {
    if (result.problems.empty()) {
      err << "frontdoor-cli validate: no .toml files found in the given paths\n";
    }
    return 2;
  }
  for (const auto& d : result.diagnostics) {
    out << core::formatDiagnostic(d) << '\n';
  }
  if (!quiet) {
    err << result.files << (result.files == 1 ? " file" : " files")
        << " checked: " << result.failedFiles << " with errors; " << result.errors
        << (result.errors == 1 ? " error, " : " errors, ") << result.warnings
        << (result.warnings == 1 ? " warning\n" : " warnings\n");
  }
  if (!result.problems.empty()) {
    return 2;
  }
  return result.errors > 0 ? 1 : 0;
}

} // namespace sim::cli
