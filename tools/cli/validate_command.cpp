// Implementation of `frontdoor-cli validate`.
#include "tools/cli/validate_command.hpp"

#include "sim/scenario/loader.hpp"
#include "sim/scenario/rubric_loader.hpp"
#include "sim/scenario/scenario_files.hpp"

#include <ostream>

namespace sim::cli {

int runValidate(const std::vector<std::string>& paths, bool quiet, std::ostream& out,
                std::ostream& err) {
  std::vector<std::filesystem::path> inputs(paths.begin(), paths.end());
  const auto list = scenario::collectScenarioFiles(inputs);
  // Paths that do not exist are a usage error (exit 2), but every path that does exist is
  // still validated and reported, so one typo does not hide the other files' problems.
  for (const auto& problem : list.problems) {
    err << "frontdoor-cli validate: " << problem << '\n';
  }
  if (list.files.empty() && list.rubrics.empty()) {
    if (list.problems.empty()) {
      err << "frontdoor-cli validate: no .toml files found in the given paths\n";
    }
    return 2;
  }
  int errors = 0;
  int warnings = 0;
  int failedFiles = 0;
  for (const auto& file : list.files) {
    const auto result = scenario::loadScenarioFile(file);
    for (const auto& d : result.diagnostics) {
      if (d.severity == core::Severity::Error) {
        ++errors;
      } else {
        ++warnings;
      }
      out << core::formatDiagnostic(d) << '\n';
    }
    if (!result.ok()) {
      ++failedFiles;
    }
  }
  // Rubric files (*rubric.toml) are checked as rubrics, with the same diagnostics.
  for (const auto& file : list.rubrics) {
    const auto result = scenario::loadRubricFile(file);
    for (const auto& d : result.diagnostics) {
      ++(d.severity == core::Severity::Error ? errors : warnings);
      out << core::formatDiagnostic(d) << '\n';
    }
    if (!result.ok()) {
      ++failedFiles;
    }
  }
  const auto checked = list.files.size() + list.rubrics.size();
  if (!quiet) {
    err << checked << (checked == 1 ? " file" : " files") << " checked: " << failedFiles
        << " with errors; " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
        << (warnings == 1 ? " warning\n" : " warnings\n");
  }
  if (!list.problems.empty()) {
    return 2;
  }
  return errors > 0 ? 1 : 0;
}

} // namespace sim::cli
