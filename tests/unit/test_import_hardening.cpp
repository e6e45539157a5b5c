// Imports on real SQLite files with real recorded attempts (the bundled cases played by
// their action files): each hostile results file the testers found is refused with a
// located message and leaves the database as it was; imports of our own exports are
// idempotent; and a seeded fuzz of thousands of mutated results files and decision tables
// never crashes, never half-imports, and leaves a database that passes integrity_check and
// exports cleanly.
#include "sim/exchange/database_export.hpp"
#include "sim/exchange/decision_table.hpp"
#include "sim/exchange/decisions_csv.hpp"
#include "sim/exchange/paper_import.hpp"
#include "sim/exchange/results_file.hpp"
#include "sim/scenario/scenario_index.hpp"
#include "sim/session/script_play.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <random>
#include <regex>

namespace fs = std::filesystem;
using namespace sim;
using Json = nlohmann::json;

namespace {

const fs::path kRoot = SIM_SOURCE_DIR;

const core::ScenarioIndex& library() {
  static const auto loaded = scenario::loadScenarioIndex(kRoot / "scenarios");
  return loaded.index;
}

std::unique_ptr<storage::ResultsStore> openStore(const fs::path& path) {
  auto store = storage::ResultsStore::open(path);
  if (!store) {
    FAIL(store.error().message);
  }
  return std::move(store).value();
}

// A database holding real attempts: two bundled cases played to the end by `who`.
void recordPlays(const fs::path& db, const std::string& who) {
  for (const auto* id : {"mark-on-the-cheek", "monday-absences"}) {
    session::ScriptPlayOptions play;
    play.scenarioPath = (kRoot / "scenarios" / (std::string(id) + ".toml")).string();
    play.actionsPath = (kRoot / "scenarios" / "actions" / (std::string(id) + ".actions")).string();
    play.record = session::RecordOptions{db.string(), {who, "Sam Quill", "north", "2026-A"}};
    const auto played = session::playScript(play);
    REQUIRE(played.played);
  }
}

std::string exported(storage::ResultsStore& store, exchange::ExportFormat format) {
  const auto text = exchange::exportDatabase(store, format, std::nullopt, library());
  REQUIRE(text.ok());
  return text.value();
}

// Everything the database holds, as text: unchanged databases give equal snapshots.
std::string snapshot(storage::ResultsStore& store) {
  auto people = store.practitioners();
  REQUIRE(people.ok());
  std::string out;
  for (const auto& p : people.value()) {
    out += p.id + "|" + p.displayName + "|" + p.team + "|" + p.cohort + "\n";
  }
  return out + exported(store, exchange::ExportFormat::Results);
}

bool integrityOk(const fs::path& db) {
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open_v2(db.string().c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) ==
          SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK);
  const bool ok = sqlite3_step(stmt) == SQLITE_ROW &&
                  std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "ok";
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return ok;
}

struct Lab {
  test_support::TempFolder dir{"import-hardening"};
  fs::path source = dir.path() / "source.sqlite";
  fs::path target = dir.path() / "target.sqlite";
  Json file;
  Lab() {
    recordPlays(source, "p-3");
    auto store = openStore(source);
    file = Json::parse(exported(*store, exchange::ExportFormat::Results));
  }
};

// Imports `text` into `db` and says what happened: "accepted", or "refused, database
// unchanged: MESSAGE" (or "database CHANGED" when a refusal left something behind).
std::string importOutcome(const fs::path& db, const std::string& text) {
  auto store = openStore(db);
  const auto before = snapshot(*store);
  const auto imported = exchange::importResultsFile(*store, text, library());
  if (imported.ok()) {
    return "accepted";
  }
  return std::string(snapshot(*store) == before ? "refused, database unchanged: "
                                                : "refused, database CHANGED: ") +
         imported.error().message;
}

constexpr const char* kRefused = "refused, database unchanged: ";

} // namespace

TEST_CASE("deeply nested JSON is refused at its line and column, not crashed on") {
  const Lab lab;
  CHECK_THAT(importOutcome(lab.target,
                           "{\"frontdoor_results\": 1, \"attempts\": " + std::string(200000, '[')),
             Catch::StartsWith(kRefused) &&
                 Catch::Contains("line 1, column 53: nested more than 16 levels deep"));
}

TEST_CASE("a JSON syntax error names its line and column") {
  const Lab lab;
  CHECK_THAT(
      importOutcome(lab.target, "{\n  \"frontdoor_results\": 1,\n  \"attempts\": [tru]\n}\n"),
      Catch::StartsWith(kRefused) && Catch::Contains("line 3, column "));
  CHECK_THAT(importOutcome(lab.target, "{\"frontdoor_results\": 1, \"x\": \"\xff\"}"),
             Catch::StartsWith(kRefused) && Catch::Contains("not valid JSON"));
}

TEST_CASE("values out of range, wrong types and absurd numbers are refused, naming the field") {
  Lab lab;
  const std::string uid = lab.file["attempts"][0]["uid"];
  auto mutate = [&](const std::function<void(Json&)>& change) {
    Json copy = lab.file;
    change(copy);
    return copy.dump();
  };
  CHECK_THAT(
      importOutcome(lab.target,
                    mutate([](Json& f) { f["attempts"][0]["decisions"][0]["p_harm"] = 57; })),
      Catch::StartsWith(kRefused) &&
          Catch::Contains("attempt 1 (uid '" + uid +
                          "'), decisions[0], p_harm: expected a number from 0 to 1 or null, found "
                          "the number 57"));
  CHECK_THAT(
      importOutcome(lab.target,
                    mutate([](Json& f) { f["attempts"][0]["decisions"][0]["need_level"] = 99; })),
      Catch::StartsWith(kRefused) &&
          Catch::Contains("need_level: expected a whole number from 1 to 4, found the number 99"));
  CHECK_THAT(importOutcome(lab.target, mutate([](Json& f) {
                             f["attempts"][0]["decisions"][0]["decision_point"] = 1099511627776;
                           })),
             Catch::StartsWith(kRefused) &&
                 Catch::Contains("decision_point: expected a whole number from 0 to 99, found the "
                                 "number 1099511627776"));
  CHECK_THAT(importOutcome(lab.target, mutate([](Json& f) {
                             f["attempts"][0]["decisions"][0]["response"] = 7;
                           })),
             Catch::StartsWith(kRefused) &&
                 Catch::Contains("response: expected text, found the number 7"));
  CHECK_THAT(importOutcome(lab.target, mutate([](Json& f) { f["attempts"][0]["uid"] = ""; })),
             Catch::StartsWith(kRefused) && Catch::Contains("attempt 1 (uid ''), uid: is empty"));
  CHECK_THAT(
      importOutcome(lab.target, mutate([](Json& f) { f["frontdoor_results"] = 999999; })),
      Catch::StartsWith(kRefused) &&
          Catch::Contains(
              "this results file is format 999999; this version of Frontdoor reads format 1"));
  CHECK_THAT(
      importOutcome(lab.target, mutate([](Json& f) { f["frontdoor_results"] = -3; })),
      Catch::StartsWith(kRefused) &&
          Catch::Contains("frontdoor_results: expected the format number 1, found the number -3"));
  CHECK_THAT(
      importOutcome(lab.target, mutate([](Json& f) {
                      f["practitioners"][0]["display_name"] = "Sam\u001b[2J";
                    })),
      Catch::StartsWith(kRefused) &&
          Catch::Contains(
              "practitioners[0], display_name: 'Sam\\x1B[2J' holds the control character U+001B"));
}

TEST_CASE("duplicate decision points and events that do not replay are refused") {
  Lab lab;
  Json twice = lab.file;
  auto& decisions = twice["attempts"][0]["decisions"];
  REQUIRE(!decisions.empty());
  decisions.push_back(decisions[0]);
  CHECK_THAT(importOutcome(lab.target, twice.dump()),
             Catch::StartsWith(kRefused) && Catch::Contains("decision_point: 0 is given twice"));

  Json replay = lab.file;
  auto& events = replay["attempts"][0]["events"];
  REQUIRE(events.size() > 2);
  events[1] = "2 0/10:40 ask q-no-such-question";
  CHECK_THAT(importOutcome(lab.target, replay.dump()),
             Catch::StartsWith(kRefused) &&
                 Catch::Contains("events: do not replay against the case"));

  Json other = lab.file;
  other["attempts"][0]["decisions"][0]["response"] = "nfa";
  CHECK_THAT(importOutcome(lab.target, other.dump()),
             Catch::StartsWith(kRefused) && Catch::Contains("but its events lock"));
}

TEST_CASE("a failed import renames no one; a good one keeps local details and says so") {
  Lab lab;
  {
    auto store = openStore(lab.target);
    REQUIRE(store->savePractitioner({"p-3", "Sam Q.", "south", ""}).ok());
  }
  Json bad = lab.file;
  bad["practitioners"][0]["team"] = "renamed";
  bad["attempts"][1]["decisions"][0]["p_harm"] = 2;
  CHECK_THAT(importOutcome(lab.target, bad.dump()),
             Catch::StartsWith(kRefused) && Catch::Contains("attempt 2"));
  auto store = openStore(lab.target);
  CHECK(store->practitioner("p-3").value()->team == "south");

  const auto imported = exchange::importResultsFile(*store, lab.file.dump(), library());
  REQUIRE(imported.ok());
  CHECK(imported.value().added == 2);
  CHECK(imported.value().replayed == 2);
  CHECK(store->practitioner("p-3").value()->team == "south");
  CHECK(store->practitioner("p-3").value()->displayName == "Sam Q.");
  REQUIRE(imported.value().notes.size() == 1);
  CHECK(imported.value().notes[0] ==
        "practitioner 'p-3': kept this database's name 'Sam Q.' (the file says 'Sam Quill'), "
        "team 'south' (the file says 'north'), cohort '' (the file says '2026-A')");
}

TEST_CASE("every export that import reads adds nothing the second time, here or elsewhere") {
  Lab lab;
  auto source = openStore(lab.source);
  const auto results = exported(*source, exchange::ExportFormat::Results);
  const auto csv = exported(*source, exchange::ExportFormat::Csv);
  const auto table = exchange::readDecisionTable(csv, "decisions.csv");
  REQUIRE(table.diagnostics.empty());

  // Into the same database: everything is already there.
  const auto before = snapshot(*source);
  const auto sameResults = exchange::importResultsFile(*source, results, library());
  REQUIRE(sameResults.ok());
  CHECK(sameResults.value().added == 0);
  CHECK(sameResults.value().skipped == 2);
  const auto sameTable = exchange::importDecisionTable(*source, table, "2026-12-03T10:00:00Z");
  REQUIRE(sameTable.ok());
  CHECK(sameTable.value().added == 0);
  CHECK(snapshot(*source) == before);

  // Into another database: added once, then nothing.
  for (const bool tableFirst : {false, true}) {
    const test_support::TempFolder other("import-elsewhere");
    auto store = openStore(other.path() / "other.sqlite");
    for (int round = 0; round < 2; ++round) {
      const auto importTable = [&] {
        return exchange::importDecisionTable(*store, table, "2026-12-03T10:00:00Z");
      };
      const auto importResults = [&] {
        return exchange::importResultsFile(*store, results, library());
      };
      const auto first = tableFirst ? importTable() : importResults();
      const auto second = tableFirst ? importResults() : importTable();
      REQUIRE(first.ok());
      REQUIRE(second.ok());
      INFO("table first: " << tableFirst << ", round " << round);
      CHECK(first.value().added == (round == 0 ? 2 : 0));
      CHECK(second.value().added == 0);
    }
    CHECK(store->allAttempts(std::nullopt).value().size() == 2);
    CHECK(store->decisions(std::nullopt).value().size() ==
          source->decisions(std::nullopt).value().size());
  }
}

TEST_CASE("a paper table imported again with blank lines added adds nothing") {
  const test_support::TempFolder dir("paper-again");
  auto store = openStore(dir.path() / "results.sqlite");
  const std::string text = "trainee,scenario,decision\n-dana,mark-on-the-cheek,s47\n"
                           "kofi,mark-on-the-cheek,s17\nkofi,mark-on-the-cheek,s17\n";
  const auto first = exchange::importDecisionTable(
      *store, exchange::readDecisionTable(text, "w.csv"), "2026-12-03T10:00:00Z");
  REQUIRE(first.ok());
  CHECK(first.value().added == 3); // two identical rows are two attempts
  const std::string spaced = "trainee,scenario,decision\n\n-dana,mark-on-the-cheek,s47\n\n\n"
                             "kofi,mark-on-the-cheek,s17\n\nkofi,mark-on-the-cheek,s17\n";
  const auto again = exchange::importDecisionTable(
      *store, exchange::readDecisionTable(spaced, "w.csv"), "2026-12-03T11:00:00Z");
  REQUIRE(again.ok());
  CHECK(again.value().added == 0);
  CHECK(again.value().skipped == 3);

  // "-dana" is exported guarded ('-dana) and read back as the same practitioner.
  const auto csv = exported(*store, exchange::ExportFormat::Csv);
  CHECK(csv.find("\n'-dana,") != std::string::npos);
  const test_support::TempFolder other("paper-elsewhere");
  auto elsewhere = openStore(other.path() / "results.sqlite");
  REQUIRE(exchange::importDecisionTable(*elsewhere, exchange::readDecisionTable(csv, "d.csv"),
                                        "2026-12-03T12:00:00Z")
              .ok());
  CHECK(elsewhere->practitioner("-dana").value().has_value());
  CHECK_FALSE(elsewhere->practitioner("'-dana").value().has_value());
}

TEST_CASE("a decisions table with a bad row imports nothing") {
  const test_support::TempFolder dir("paper-bad");
  auto store = openStore(dir.path() / "results.sqlite");
  const auto table = exchange::readDecisionTable(
      "trainee,scenario,decision\nkofi,mark-on-the-cheek,s17\nama,mark-on-the-cheek,maybe\n",
      "w.csv");
  const auto imported = exchange::importDecisionTable(*store, table, "2026-12-03T10:00:00Z");
  REQUIRE_FALSE(imported.ok());
  CHECK(imported.error().message.find("nothing was imported") != std::string::npos);
  CHECK(store->allAttempts(std::nullopt).value().empty());
  CHECK(store->practitioners().value().empty());
}

TEST_CASE("the CSV export quotes and guards every text column") {
  storage::StoredDecision row;
  row.practitioner = "p1";
  row.scenarioId = "s";
  row.decision.response = "s17\n=HYPERLINK(\"x\")";
  row.decision.decidedAt = "@0/10:00";
  const auto csv = exchange::decisionsCsv({row});
  CHECK(csv.find("\"s17\n=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
  CHECK(csv.find(",'@0/10:00,") != std::string::npos);
  const auto lines = std::count(csv.begin(), csv.end(), '\n');
  CHECK(lines == 3); // the header, the row and the quoted line break inside it
}

namespace {

// One random change to a JSON value somewhere in the tree: a wrong type, an extreme number,
// invalid text, a huge or emptied array, a removed key, deep nesting.
void mutateJson(Json& value, std::mt19937& rng, int depth = 0) {
  std::uniform_int_distribution<int> pick(0, 99);
  if ((value.is_object() || value.is_array()) && !value.empty() && pick(rng) < 75 && depth < 6) {
    std::uniform_int_distribution<std::size_t> child(0, value.size() - 1);
    auto it = value.begin();
    std::advance(it, static_cast<std::ptrdiff_t>(child(rng)));
    if (value.is_object() && pick(rng) < 10) {
      value.erase(it);
      return;
    }
    mutateJson(*it, rng, depth + 1);
    return;
  }
  switch (pick(rng) % 12) {
  case 0:
    value = nullptr;
    break;
  case 1:
    value = -1;
    break;
  case 2:
    value = 1099511627776LL;
    break;
  case 3:
    value = 1e308;
    break;
  case 4:
    value = "x\u0007y";
    break;
  case 5:
    value = Json::array({1, 2, 3});
    break;
  case 6:
    value = Json::object({{"k", "v"}});
    break;
  case 7:
    value = true;
    break;
  case 8:
    value = std::string(300, 'a');
    break;
  case 9:
    value = "-dana";
    break;
  case 10:
    value = Json::array();
    break;
  default:
    value = "5 0/10:40 ask q-nope";
    break;
  }
}

// Byte-level damage: truncation, a flipped byte, an invalid UTF-8 byte, nesting.
std::string mutateBytes(std::string text, std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> at(0, text.size() - 1);
  switch (std::uniform_int_distribution<int>(0, 4)(rng)) {
  case 0:
    text.resize(at(rng));
    break;
  case 1:
    text[at(rng)] = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    break;
  case 2:
    text.insert(at(rng), "\xff\xfe");
    break;
  case 3:
    text.insert(at(rng), std::string(5000, '['));
    break;
  default:
    text.insert(at(rng), "\"\\ud800\"");
    break;
  }
  return text;
}

// A refusal must say where: a line and column, an attempt, a practitioner, or the file.
const std::regex kLocated(
    R"(^(line \d+, column \d+: |attempt \d+|practitioners\[\d+\]|the results file|not a Frontdoor results file|this results file is format |frontdoor_results: ))");

} // namespace

TEST_CASE("fuzzed results files and decision tables never crash or half-import") {
  Lab lab;
  const auto pristine = lab.file.dump();
  auto source = openStore(lab.source);
  const auto csv = exported(*source, exchange::ExportFormat::Csv);
  auto store = openStore(lab.target);
  std::mt19937 rng(20261203);
  int refused = 0;
  int accepted = 0;
  constexpr int kVariants = 2000;
  for (int i = 0; i < kVariants; ++i) {
    std::string text;
    if (i % 3 == 2) {
      text = mutateBytes(pristine, rng);
    } else {
      Json copy = lab.file;
      for (int k = 0; k <= i % 4; ++k) {
        mutateJson(copy, rng);
      }
      text = copy.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    const auto before = snapshot(*store);
    const auto imported = exchange::importResultsFile(*store, text, library());
    if (imported.ok()) {
      ++accepted;
    } else {
      ++refused;
      INFO("variant " << i << ": " << imported.error().message);
      CHECK(std::regex_search(imported.error().message, kLocated));
      CHECK(snapshot(*store) == before);
    }
    // Decision tables: the export with bytes damaged.
    if (i % 4 == 0) {
      const auto tableText = mutateBytes(csv, rng);
      const auto table = exchange::readDecisionTable(tableText, "fuzz.csv");
      const auto tableBefore = snapshot(*store);
      const auto viaTable = exchange::importDecisionTable(*store, table, "2026-12-03T10:00:00Z");
      if (!viaTable.ok()) {
        CHECK(snapshot(*store) == tableBefore);
      }
    }
  }
  CHECK(refused > kVariants / 2); // the mutations reach the checks
  CHECK(accepted > 0);            // and some harmless ones pass
  store.reset();
  CHECK(integrityOk(lab.target));
  auto reopened = openStore(lab.target);
  for (const auto format : {exchange::ExportFormat::Csv, exchange::ExportFormat::Html,
                            exchange::ExportFormat::Xapi, exchange::ExportFormat::Results}) {
    CHECK(exchange::exportDatabase(*reopened, format, std::nullopt, library()).ok());
  }
}

TEST_CASE("text that is not UTF-8 is never stored, and a database holding some still exports") {
  Lab lab;
  {
    auto store = openStore(lab.source);
    const auto refused = store->savePractitioner({"p-9", "Sam \xff", "north", ""});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "cannot save the practitioner: the name 'Sam \\xFF' is not valid UTF-8 (byte 5)");
    CHECK_FALSE(store->practitioner("p-9").value().has_value());
  }
  // Written by an older version, which did not check: every export still works.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(lab.source.string().c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "UPDATE practitioners SET display_name = 'Sam ' || x'ff'", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  auto store = openStore(lab.source);
  for (const auto format : {exchange::ExportFormat::Csv, exchange::ExportFormat::Html,
                            exchange::ExportFormat::Xapi, exchange::ExportFormat::Results}) {
    CHECK(exchange::exportDatabase(*store, format, std::nullopt, library()).ok());
  }
}

TEST_CASE("a paper table imported by an earlier version is still recognised") {
  const test_support::TempFolder dir("paper-legacy");
  auto store = openStore(dir.path() / "results.sqlite");
  // The row "kofi,mark-on-the-cheek,s17" on line 2, as Frontdoor 0.1 recorded it: its id came
  // from its values and its line.
  REQUIRE(store->savePractitioner({"kofi", "kofi", "", ""}).ok());
  storage::AttemptRow old;
  old.uid = "paper-ac939d6f0bb3e57d8ee1831ed0f48f27";
  old.practitioner = "kofi";
  old.scenarioId = "mark-on-the-cheek";
  old.mode = "paper";
  old.status = core::AttemptStatus::Finished;
  old.startedAt = "2026-11-01T10:00:00Z";
  storage::DecisionRow decision;
  decision.response = "s17";
  REQUIRE(store->importAttempt(old, {}, {decision}).ok());
  const auto again = exchange::importDecisionTable(
      *store,
      exchange::readDecisionTable("trainee,scenario,decision\nkofi,mark-on-the-cheek,s17\n",
                                  "w.csv"),
      "2026-12-03T10:00:00Z");
  REQUIRE(again.ok());
  CHECK(again.value().added == 0);
  CHECK(again.value().skipped == 1);
}
