// `frontdoor-cli export` (the decisions in a results database as a decisions table, the
// CSV that `report` reads, or another format), `import` (results files and decisions
// tables) and `erase` (remove everything about one practitioner and say what was removed).
#pragma once

#include <iosfwd>
#include <string>

namespace sim::cli {

struct ExportOptions {
  std::string database;       // empty: the default location
  std::string practitioner;   // empty: everyone
  std::string outPath;        // empty: standard output
  std::string format = "csv"; // csv | html | xapi | results
  std::string scenarios;      // folder of scenarios: titles (xAPI) and panels (html)
};

/// Exit status: 0 written, 1 the database cannot be opened or read, or the file written.
int runExport(const ExportOptions& options, std::ostream& out, std::ostream& err);

struct ImportOptions {
  std::string database;  // empty: the default location
  std::string file;      // a results file (.json) or a decisions table (.csv)
  std::string scenarios; // case library for replaying; empty: $FRONTDOOR_SCENARIOS or bundled
};

/// `frontdoor-cli import FILE`: a results file (.json) or a decisions table (.csv), all of
/// it or (exit 1, the database unchanged) none of it.
/// Exit status: 0 imported (attempts already there are skipped and counted), 1 bad input.
int runImport(const ImportOptions& options, std::ostream& out, std::ostream& err);

/// Exit status: 0 erased (possibly nothing, which is said), 1 the database failed.
int runErase(const std::string& database, const std::string& practitioner, std::ostream& out,
             std::ostream& err);

} // namespace sim::cli
