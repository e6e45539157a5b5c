// `frontdoor-cli export`, `import` and `erase`: open the results store, call the exchange
// library, and say what was done.
#include "tools/cli/store_commands.hpp"

#include "sim/core/file_text.hpp"
#include "sim/exchange/database_export.hpp"
#include "sim/exchange/paper_import.hpp"
#include "sim/exchange/results_file.hpp"
#include "sim/scenario/scenario_index.hpp"
#include "sim/session/attempt_recording.hpp"
#include "sim/storage/results_store.hpp"

#include <cstdlib>
#include <ostream>

namespace sim::cli {

namespace {

core::Result<std::unique_ptr<storage::ResultsStore>> openStore(const std::string& database) {
  const auto path = storage::resolveDatabasePath(database);
  if (!path) {
    return path.error();
  }
  return storage::ResultsStore::open(path.value());
}

// The cases imported attempts are replayed against: --scenarios, else $FRONTDOOR_SCENARIOS,
// else the bundled library this build was made with.
scenario::LoadedIndex importLibrary(const std::string& given, std::ostream& err) {
  std::string folder = given;
  if (folder.empty()) {
    const char* fromEnv = std::getenv("FRONTDOOR_SCENARIOS");
    folder = fromEnv != nullptr && *fromEnv != '\0' ? fromEnv : SIM_BUNDLED_SCENARIOS;
  }
  std::error_code ec;
  if (given.empty() && !std::filesystem::is_directory(folder, ec)) {
    return {};
  }
  auto loaded = scenario::loadScenarioIndex(folder);
  for (const auto& problem : loaded.problems) {
    err << "frontdoor-cli import: " << problem << '\n';
  }
  return loaded;
}

std::optional<std::string> who(const std::string& practitioner) {
  return practitioner.empty() ? std::nullopt : std::optional<std::string>(practitioner);
}

} // namespace

int runExport(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  auto store = openStore(options.database);
  if (!store) {
    err << "frontdoor-cli export: " << store.error().message << '\n';
    return 1;
  }
  const auto scenarios = options.scenarios.empty() ? scenario::LoadedIndex{}
                                                   : scenario::loadScenarioIndex(options.scenarios);
  const auto text = exchange::exportDatabase(*store.value(), *exchange::parseFormat(options.format),
                                             who(options.practitioner), scenarios.index);
  if (!text) {
    err << "frontdoor-cli export: " << text.error().message << '\n';
    return 1;
  }
  if (options.outPath.empty()) {
    out << text.value();
    return 0;
  }
  if (const auto path = storage::resolveDatabasePath(options.database);
      path && storage::isDatabaseFile(options.outPath, path.value())) {
    err << "frontdoor-cli export: " << options.outPath
        << ": this is the results database (or one of its files); nothing was written. Give "
           "--out another file.\n";
    return 1;
  }
  if (auto written = exchange::writeExportFile(options.outPath, text.value()); !written) {
    err << "frontdoor-cli export: " << written.error().message << '\n';
    return 1;
  }
  return 0;
}

int runImport(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  const auto& file = options.file;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    err << file << ": error: no such file\n";
    return 1;
  }
  auto store = openStore(options.database);
  if (!store) {
    err << "frontdoor-cli import: " << store.error().message << '\n';
    return 1;
  }
  core::Result<exchange::ImportCounts> counts = exchange::ImportCounts{};
  if (std::filesystem::path(file).extension() == ".csv") {
    const auto table = exchange::readDecisionTableFile(file);
    for (const auto& line : core::formatDiagnostics(table.diagnostics)) {
      err << line << '\n';
    }
    if (!table.readable) {
      return 1;
    }
    counts = exchange::importDecisionTable(*store.value(), table, session::utcNow());
  } else {
    const auto text = core::readFileText(file, exchange::kMaxResultsFileBytes, "results file");
    if (!text) {
      err << file << ": error: " << text.error().message << '\n';
      return 1;
    }
    const auto library = importLibrary(options.scenarios, err);
    counts = exchange::importResultsFile(*store.value(), text.value(), library.index);
  }
  if (!counts) {
    err << file << ": error: " << counts.error().message << '\n'
        << "frontdoor-cli import: nothing was imported; the database is as it was.\n";
    return 1;
  }
  const auto& c = counts.value();
  out << "Imported " << c.added << (c.added == 1 ? " attempt" : " attempts") << " from " << file;
  if (c.skipped > 0) {
    out << "; " << c.skipped << " already in the database were skipped";
  }
  out << ".\n";
  if (c.replayed > 0) {
    out << c.replayed
        << (c.replayed == 1 ? " attempt was replayed against its case and matched.\n"
                            : " attempts were replayed against their cases and matched.\n");
  }
  for (const auto& note : c.notes) {
    out << "Note: " << note << ".\n";
  }
  return 0;
}

int runErase(const std::string& database, const std::string& practitioner, std::ostream& out,
             std::ostream& err) {
  auto store = openStore(database);
  if (!store) {
    err << "frontdoor-cli erase: " << store.error().message << '\n';
    return 1;
  }
  const auto removed = store.value()->erase(practitioner);
  if (!removed) {
    err << "frontdoor-cli erase: " << removed.error().message << '\n';
    return 1;
  }
  const auto& r = removed.value();
  if (r.practitioners == 0) {
    out << "Nothing is recorded about \"" << practitioner << "\"; nothing was removed.\n";
    return 0;
  }
  out << "Removed everything about \"" << practitioner << "\": 1 practitioner record, "
      << r.attempts << (r.attempts == 1 ? " attempt, " : " attempts, ") << r.events
      << (r.events == 1 ? " event and " : " events and ") << r.decisions
      << (r.decisions == 1 ? " decision.\n" : " decisions.\n");
  if (r.logCleared) {
    out << "No copy is left in the database's files: the freed space was overwritten and the "
           "write-ahead log emptied.\n";
  } else {
    out << "Another program was reading the database, so its write-ahead log (the -wal file) "
           "may still hold the erased rows; they go when the log is next checkpointed, at the "
           "latest when the last program using the database closes it. Close Frontdoor and "
           "run erase again to be sure.\n";
  }
  return 0;
}

} // namespace sim::cli
