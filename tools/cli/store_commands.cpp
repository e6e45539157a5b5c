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

#include <ostream>

namespace sim::cli {

namespace {

/// Results files are refused above this size, unread.
constexpr unsigned long long kMaxResultsFileBytes = 1ULL << 30U; // 1 GiB

core::Result<std::unique_ptr<storage::ResultsStore>> openStore(const std::string& database) {
  const auto path = storage::resolveDatabasePath(database);
  if (!path) {
    return path.error();
  }
  return storage::ResultsStore::open(path.value());
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
  if (auto written = exchange::writeExportFile(options.outPath, text.value()); !written) {
    err << "frontdoor-cli export: " << written.error().message << '\n';
    return 1;
  }
  return 0;
}

int runImport(const std::string& database, const std::string& file, std::ostream& out,
              std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    err << file << ": error: no such file\n";
    return 1;
  }
  auto store = openStore(database);
  if (!store) {
    err << "frontdoor-cli import: " << store.error().message << '\n';
    return 1;
  }
  core::Result<exchange::ImportCounts> counts = exchange::ImportCounts{};
  if (std::filesystem::path(file).extension() == ".csv") {
    const auto table = exchange::readDecisionTableFile(file);
    for (const auto& d : table.diagnostics) {
      err << core::formatDiagnostic(d) << '\n';
    }
    if (!table.readable) {
      return 1;
    }
    counts = exchange::importDecisionTable(*store.value(), table, session::utcNow());
  } else {
    const auto text = core::readFileText(file, kMaxResultsFileBytes, "results file");
    if (!text) {
      err << file << ": error: " << text.error().message << '\n';
      return 1;
    }
    counts = exchange::importResultsFile(*store.value(), text.value());
  }
  if (!counts) {
    err << file << ": error: " << counts.error().message << '\n';
    return 1;
  }
  out << "Imported " << counts.value().added
      << (counts.value().added == 1 ? " attempt" : " attempts") << " from " << file;
  if (counts.value().skipped > 0) {
    out << "; " << counts.value().skipped << " already in the database were skipped";
  }
  out << ".\n";
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
  return 0;
}

} // namespace sim::cli
