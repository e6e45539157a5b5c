// Implementation of `export` and `erase` over the results store.
#include "tools/cli/store_commands.hpp"

#include "sim/scenario/loader.hpp"
#include "sim/scenario/scenario_files.hpp"
#include "sim/storage/results_store.hpp"
#include "tools/cli/html_report.hpp"
#include "tools/cli/recorder.hpp"
#include "tools/cli/results_file.hpp"
#include "tools/cli/xapi_export.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <ostream>

namespace sim::cli {

namespace {

core::Result<std::unique_ptr<storage::ResultsStore>> openStore(const std::string& database) {
  const auto path = storage::resolveDatabasePath(database, [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::optional<std::string>(value) : std::nullopt;
  });
  if (!path) {
    return path.error();
  }
  return storage::ResultsStore::open(path.value());
}

} // namespace

int runExport(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  auto store = openStore(options.database);
  if (!store) {
    err << "frontdoor-cli export: " << store.error().message << '\n';
    return 1;
  }
  const auto who = options.practitioner.empty() ? std::nullopt
                                                : std::optional<std::string>(options.practitioner);
  core::Result<std::string> csv = std::string();
  ScenarioTitles titles;
  scoring::ScenarioIndex scenarios;
  if (!options.scenarios.empty()) {
    for (const auto& file :
         scenario::collectScenarioFiles({std::filesystem::path(options.scenarios)}).files) {
      const auto loaded = scenario::loadScenarioFile(file);
      if (loaded.ok()) {
        titles[loaded.scenario->meta.id] = loaded.scenario->meta.title;
        scenarios[loaded.scenario->meta.id] = loaded.scenario;
      }
    }
  }
  if (options.format == "html") {
    csv = htmlReport(*store.value(), who, scenarios);
  } else if (options.format == "xapi") {
    const auto statements = xapiStatements(*store.value(), who, titles);
    if (!statements) {
      err << "frontdoor-cli export: " << statements.error().message << '\n';
      return 1;
    }
    csv = statements.value().dump(2) + "\n";
  } else if (options.format == "results") {
    const auto file = resultsFile(*store.value(), who);
    if (!file) {
      err << "frontdoor-cli export: " << file.error().message << '\n';
      return 1;
    }
    csv = file.value().dump(2) + "\n";
  } else {
    csv = store.value()->decisionsCsv(who);
  }
  if (!csv) {
    err << "frontdoor-cli export: " << csv.error().message << '\n';
    return 1;
  }
  if (options.outPath.empty()) {
    out << csv.value();
    return 0;
  }
  std::ofstream file(options.outPath, std::ios::binary | std::ios::trunc);
  file << csv.value();
  if (!file.flush()) {
    err << options.outPath << ": error: could not write the export\n";
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
  std::ifstream in(file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto store = openStore(database);
  if (!store) {
    err << "frontdoor-cli import: " << store.error().message << '\n';
    return 1;
  }
  core::Result<ImportCounts> counts = ImportCounts{};
  if (std::filesystem::path(file).extension() == ".csv") {
    const auto table = scoring::readDecisionTable(text, file);
    for (const auto& d : table.diagnostics) {
      err << core::formatDiagnostic(d) << '\n';
    }
    if (!table.readable) {
      return 1;
    }
    counts = importDecisionTable(*store.value(), table, utcNow());
  } else {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) {
      err << file << ": error: not valid JSON (expected a Frontdoor results file)\n";
      return 1;
    }
    counts = importResultsFile(*store.value(), json);
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
