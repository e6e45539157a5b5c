// The exchange library on real SQLite files: the decisions table written from stored
// decisions, the export file written whole, and export names that never leave their folder.
#include "sim/exchange/database_export.hpp"
#include "sim/exchange/decisions_csv.hpp"
#include "sim/storage/results_store.hpp"
#include "tests/support/store_fixtures.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace sim;

namespace {

std::unique_ptr<storage::ResultsStore> storeWithOneDecision(const std::string& path,
                                                            std::int64_t& attempt) {
  auto opened = storage::ResultsStore::open(path);
  REQUIRE(opened.ok());
  auto store = std::move(opened).value();
  REQUIRE(store->savePractitioner({"p1", "Sam, \"the\" lead", "north", "2026-A"}).ok());
  storage::AttemptRow row;
  row.practitioner = "p1";
  row.scenarioId = "mark-on-the-cheek";
  row.scenarioHash = "blake2b-256:00";
  row.startedAt = "2026-11-25T10:00:00Z";
  attempt = store->startAttempt(row).value();
  REQUIRE(store->recordDecision(test_support::sampleDecision(attempt)).ok());
  return store;
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

TEST_CASE("stored decisions are written as a decisions table") {
  const test_support::TempFolder dir("exchange-csv");
  std::int64_t attempt = 0;
  auto store = storeWithOneDecision(dir.file("results.sqlite"), attempt);
  const auto csv = exchange::exportDatabase(*store, exchange::ExportFormat::Csv, std::nullopt, {});
  REQUIRE(csv.ok());
  const auto uid = store->attempt(attempt).value()->uid;
  REQUIRE(uid.size() == 32);
  CHECK(csv.value() ==
        "trainee,scenario,decision,need_level,p_harm,p_rereferral,team,cohort,checks,"
        "records_checked,child_seen,attempt,decision_point,decided_at,within_deadline,score,"
        "case_weight,started_at,attempt_uid\n"
        "p1,mark-on-the-cheek,s47,4,0.55,,north,2026-A,5,1,0," +
            std::to_string(attempt) + ",1,0/16:40,1,95.91,0.70,2026-11-25T10:00:00Z," + uid + "\n");
  const auto none = exchange::exportDatabase(*store, exchange::ExportFormat::Csv, "p2", {});
  REQUIRE(none.ok());
  CHECK(none.value().find('\n') == none.value().size() - 1); // the header alone
}

TEST_CASE("an export file is written whole, replacing what was there") {
  const test_support::TempFolder dir("exchange-write");
  const auto path = dir.file("out.csv");
  {
    std::ofstream old(path);
    old << "an older, longer export that must not survive in part\n";
  }
  REQUIRE(exchange::writeExportFile(path, "a,b\n1,2\n").ok());
  CHECK(readAll(path) == "a,b\n1,2\n");
  CHECK_FALSE(std::filesystem::exists(path + ".partial"));
  const auto missing = exchange::writeExportFile(dir.file("no/such/folder/out.csv"), "x");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("no/such/folder") != std::string::npos);
}

TEST_CASE("export file names keep to their folder whatever the practitioner id") {
  using exchange::ExportFormat;
  CHECK(exchange::exportFileName(ExportFormat::Csv, std::string("ab-17")) ==
        "frontdoor-decisions-ab-17.csv");
  CHECK(exchange::exportFileName(ExportFormat::Html, std::nullopt) ==
        "frontdoor-practice-report-everyone.html");
  CHECK(exchange::exportFileName(ExportFormat::Results, std::string("../../etc/x")) ==
        "frontdoor-results-.._.._etc_x.json");
  for (const auto format : exchange::kExportFormats) {
    CHECK(exchange::parseFormat(exchange::formatToken(format)) == format);
  }
  CHECK_FALSE(exchange::parseFormat("pdf").has_value());
}
