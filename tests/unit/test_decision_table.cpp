// Decision tables (product.md §7): RFC 4180 reading, the header rules, one positioned error
// per bad row (exact texts), the listing cap, and a fuzz test of truncated and byte-flipped
// variants whose rows + bad rows (and row lines) must match an independent record reader;
// streamed reading in chunks against whole reading, and the streamed report against the
// report of the whole table.
#include "sim/exchange/decision_table.hpp"
#include "sim/report/group_report.hpp"
#include "sim/scenario/scenario_index.hpp"
#include "sim/scoring/analytics.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using namespace sim;
using exchange::readDecisionTable;

namespace {

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path dataDir() { return fs::path(SIM_SOURCE_DIR) / "tests/data/decisions"; }

std::vector<std::string> formatted(const exchange::DecisionTable& table) {
  std::vector<std::string> out;
  for (const auto& d : table.diagnostics) {
    out.push_back(core::formatDiagnostic(d));
  }
  return out;
}

// The one diagnostic of a table with a header and one bad row.
std::string onlyError(const std::string& text) {
  const auto table = readDecisionTable(text, "d.csv");
  REQUIRE(table.readable);
  REQUIRE(table.diagnostics.size() == 1);
  CHECK(table.badRows == 1);
  CHECK(table.rows.empty());
  return core::formatDiagnostic(table.diagnostics[0]);
}

const std::string kHeader = "trainee,scenario,decision,need_level,p_harm,p_rereferral\n";

// An independent reading of where the records after the header start (their physical
// lines): a character state machine with the same rules (LF or CRLF, lines of spaces, tabs
// and CRs skipped, blanks before a quote, "" inside quotes, an unterminated quote running
// to the end of the text).
std::vector<int> recordLinesAfterHeader(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  enum class State { LineStart, FieldStart, Unquoted, Quoted, QuoteSeen, AfterClose };
  State state = State::LineStart;
  std::vector<int> lines;
  int line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (state == State::LineStart) {
      const auto next = text.find_first_not_of(" \t\r", i);
      if (next == std::string_view::npos) {
        break;
      }
      if (text[next] == '\n') {
        i = next;
        ++line;
        continue;
      }
      lines.push_back(line);
      state = State::FieldStart;
    }
    switch (state) {
    case State::LineStart:
    case State::FieldStart:
      state = c == '"'                ? State::Quoted
              : c == ' ' || c == '\t' ? State::FieldStart
              : c == ','              ? State::FieldStart
              : c == '\n'             ? State::LineStart
                                      : State::Unquoted;
      break;
    case State::Unquoted:
    case State::AfterClose:
      state = c == ',' ? State::FieldStart : c == '\n' ? State::LineStart : state;
      break;
    case State::Quoted:
      state = c == '"' ? State::QuoteSeen : State::Quoted;
      break;
    case State::QuoteSeen:
      state = c == '"'    ? State::Quoted
              : c == ','  ? State::FieldStart
              : c == '\n' ? State::LineStart
                          : State::AfterClose;
      break;
    }
    line += c == '\n' ? 1 : 0;
  }
  if (!lines.empty()) {
    lines.erase(lines.begin()); // the header
  }
  return lines;
}

} // namespace

TEST_CASE("decision table reads a good file with all columns", "[decision_table]") {
  const auto table = readDecisionTable(readFile(dataDir() / "all_columns.csv"), "all.csv");
  CHECK(table.readable);
  CHECK(formatted(table).empty());
  CHECK(table.badRows == 0);
  REQUIRE(table.rows.size() == 6);

  const auto& first = table.rows[0];
  CHECK(first.line == 2);
  CHECK(first.trainee == "t001");
  CHECK(first.scenario == "bedtime-battles");
  CHECK(first.decision == core::ResponseLevel::Advice);
  CHECK(first.needLevel == core::NeedLevel::Additional);
  CHECK(first.pHarm == Approx(0.10));
  CHECK(first.pRereferral == Approx(0.20));
  CHECK(first.team == "team-01");
  CHECK(first.cohort == "2025-A");

  const auto& sparse = table.rows[3];
  CHECK(sparse.line == 5);
  CHECK(sparse.decision == core::ResponseLevel::S17);
  CHECK_FALSE(sparse.pHarm.has_value());
  CHECK_FALSE(sparse.pRereferral.has_value());
  CHECK(sparse.cohort.empty());

  const auto& last = table.rows[5];
  CHECK(last.line == 8); // row 5 spans lines 6 and 7
  CHECK(last.decision == core::ResponseLevel::Nfa);
  CHECK_FALSE(last.needLevel.has_value());
  CHECK(last.pHarm == Approx(0.0));
  CHECK(last.pRereferral == Approx(1.0));
  CHECK(last.team.empty());
}

TEST_CASE("quoted fields keep commas and doubled quotes and line breaks", "[decision_table]") {
  const auto table = readDecisionTable(readFile(dataDir() / "all_columns.csv"), "all.csv");
  REQUIRE(table.rows.size() == 6);
  CHECK(table.rows[2].team == "team-02, north");
  const auto& quoted = table.rows[4];
  CHECK(quoted.line == 6);
  CHECK(quoted.scenario == "monday-absences");
  CHECK(quoted.decision == core::ResponseLevel::EarlyHelp); // "EARLY_HELP " trimmed
  CHECK(quoted.needLevel == core::NeedLevel::Additional);   // " 2 " trimmed
  CHECK(quoted.team == "team \"east\"");
  CHECK(quoted.cohort == "2025-B\nevening");
}

TEST_CASE("CRLF line endings and a UTF-8 byte order mark are accepted", "[decision_table]") {
  const std::string text = "\xEF\xBB\xBFTrainee , Scenario,DECISION,p_harm\r\n"
                           "t001,mark-on-the-cheek,s47,0.9\r\n"
                           "\r\n"
                           "t002,\"a\r\nb\",nfa,\r\n"
                           "t003,mark-on-the-cheek,s17,x\r\n";
  const auto table = readDecisionTable(text, "crlf.csv");
  CHECK(table.readable);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].line == 2);
  CHECK(table.rows[0].decision == core::ResponseLevel::S47);
  CHECK(table.rows[0].pHarm == Approx(0.9));
  CHECK(table.rows[1].line == 4);
  CHECK(table.rows[1].scenario == "a\r\nb");
  CHECK_FALSE(table.rows[1].pHarm.has_value());
  // The BOM is not a character of line 1; CRLF rows keep their physical line numbers.
  CHECK(formatted(table) ==
        std::vector<std::string>{
            "crlf.csv:6:28: error: 'p_harm' must be a number from 0 to 1, or empty (found \"x\")"});
}

TEST_CASE("a missing required column makes the table unreadable", "[decision_table]") {
  const auto table =
      readDecisionTable("trainee,need_level,scenario\nt001,2,mark-on-the-cheek\n", "m.csv");
  CHECK_FALSE(table.readable);
  CHECK(table.rows.empty());
  CHECK(table.badRows == 0);
  CHECK(formatted(table) ==
        std::vector<std::string>{"m.csv:1:1: error: missing required column 'decision' (the header "
                                 "has \"trainee\", \"need_level\", \"scenario\")"});
}

TEST_CASE("a misspelt required column is reported where it is", "[decision_table]") {
  const auto table = readDecisionTable("trainee,scenario,decison\nt001,s,nfa\n", "m.csv");
  CHECK_FALSE(table.readable);
  CHECK(formatted(table) ==
        std::vector<std::string>{"m.csv:1:18: error: missing required column 'decision': field 3 "
                                 "is \"decison\"; did you mean 'decision'?"});
}

TEST_CASE("a duplicate column makes the table unreadable", "[decision_table]") {
  const auto table =
      readDecisionTable("trainee,scenario,decision,p_harm,P_Harm\nt001,s,nfa,0.1,0.2\n", "d.csv");
  CHECK_FALSE(table.readable);
  CHECK(table.rows.empty());
  CHECK(formatted(table) ==
        std::vector<std::string>{"d.csv:1:34: error: duplicate column \"P_Harm\": field 4 is "
                                 "already 'p_harm' (each column may appear once)"});
}

TEST_CASE("an unknown column is a warning naming the nearest known column", "[decision_table]") {
  const auto table = readDecisionTable(
      "trainee,scenario,decision,p_harn,notes,\nt001,s,nfa,0.5,hello,\n", "u.csv");
  CHECK(table.readable);
  REQUIRE(table.rows.size() == 1);
  CHECK_FALSE(table.rows[0].pHarm.has_value()); // an unknown column's values are ignored
  CHECK(formatted(table) ==
        std::vector<std::string>{
            "u.csv:1:27: warning: unknown column \"p_harn\" (its values are ignored); did you "
            "mean 'p_harm'?",
            "u.csv:1:34: warning: unknown column \"notes\" (its values are ignored); known "
            "columns: trainee, scenario, decision, need_level, p_harm, p_rereferral, team, cohort, "
            "checks, records_checked, child_seen, attempt_uid, decision_point",
            "u.csv:1:40: warning: field 6 of the header has no column name (its values are "
            "ignored)"});
}

TEST_CASE("a bad decision token gives one positioned error", "[decision_table]") {
  CHECK(onlyError(kHeader + "t001,mark-on-the-cheek,S48,4,0.8,\n") ==
        "d.csv:2:24: error: 'decision' must be one of nfa|advice|early_help|s17|s47|immediate "
        "(found \"S48\"); did you mean 's47'?");
  CHECK(onlyError(kHeader + "t001,mark-on-the-cheek,  ,4,0.8,\n") ==
        "d.csv:2:24: error: 'decision' is empty; expected one of "
        "nfa|advice|early_help|s17|s47|immediate");
  CHECK(onlyError(kHeader + "t001,x,child protection enquiry,4,0.8,\n") ==
        "d.csv:2:8: error: 'decision' must be one of nfa|advice|early_help|s17|s47|immediate "
        "(found \"child protection enquiry\")");
}

TEST_CASE("decision tokens are read case-insensitively and trimmed", "[decision_table]") {
  const auto table = readDecisionTable(
      kHeader + "t1,s, NFA,,,\nt1,s,Advice ,,,\nt1,s,\" early_help \",,,\nt1,s,S17,,,\n"
                "t1,s,s47,,,\nt1,s,IMMEDIATE,,,\n",
      "d.csv");
  CHECK(formatted(table).empty());
  REQUIRE(table.rows.size() == 6);
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    CHECK(core::ordinal(table.rows[i].decision) == static_cast<int>(i));
  }
}

TEST_CASE("a bad need level gives one positioned error", "[decision_table]") {
  CHECK(onlyError(kHeader + "t001,s,s47,5,0.8,\n") ==
        "d.csv:2:12: error: 'need_level' must be 1, 2, 3 or 4, or empty (found \"5\")");
  CHECK(onlyError(kHeader + "t001,s,s47,level 4,0.8,\n") ==
        "d.csv:2:12: error: 'need_level' must be 1, 2, 3 or 4, or empty (found \"level 4\")");
}

TEST_CASE("a probability written as a percentage is refused", "[decision_table]") {
  CHECK(onlyError(kHeader + "t001,s,s47,4,35,\n") ==
        "d.csv:2:14: error: 'p_harm' must be a probability from 0 to 1 (found \"35\"); "
        "probabilities are 0–1, not percentages: for 35% write 0.35");
  CHECK(onlyError(kHeader + "t001,s,s47,4,0.5,1.5\n") ==
        "d.csv:2:18: error: 'p_rereferral' must be a probability from 0 to 1 (found \"1.5\"); "
        "probabilities are 0–1, not percentages: for 1.5% write 0.015");
  CHECK(onlyError(kHeader + "t001,s,s47,4,35%,\n") ==
        "d.csv:2:14: error: 'p_harm' must be a number from 0 to 1, or empty (found \"35%\"); "
        "probabilities are 0–1, not percentages");
  CHECK(onlyError(kHeader + "t001,s,s47,4,-0.1,\n") ==
        "d.csv:2:14: error: 'p_harm' must be a probability from 0 to 1 (found \"-0.1\")");
}

TEST_CASE("a probability that is not a number is refused", "[decision_table]") {
  CHECK(onlyError(kHeader + "t001,s,s47,4,high,\n") ==
        "d.csv:2:14: error: 'p_harm' must be a number from 0 to 1, or empty (found \"high\")");
  CHECK(onlyError(kHeader + "t001,s,s47,4,\"0,35\",\n") ==
        "d.csv:2:14: error: 'p_harm' must be a number from 0 to 1, or empty (found \"0,35\"); "
        "write decimals with a point (0.35)");
  CHECK(onlyError(kHeader + "t001,s,s47,4,nan,\n") ==
        "d.csv:2:14: error: 'p_harm' must be a number from 0 to 1, or empty (found \"nan\")");
  CHECK(onlyError(kHeader + "t001,s,s47,4,0.5x,\n") ==
        "d.csv:2:14: error: 'p_harm' must be a number from 0 to 1, or empty (found \"0.5x\")");
}

TEST_CASE("an empty trainee or scenario is refused", "[decision_table]") {
  CHECK(onlyError(kHeader + " ,s,s47,4,0.5,\n") ==
        "d.csv:2:1: error: 'trainee' is empty; every row needs a trainee id");
  CHECK(onlyError(kHeader + "t001,\"\",s47,4,0.5,\n") ==
        "d.csv:2:6: error: 'scenario' is empty; every row needs a scenario id");
}

TEST_CASE("text that is not UTF-8 is refused", "[decision_table]") {
  CHECK(onlyError(kHeader + "Ren\xE9,s,s47,4,0.5,\n") ==
        "d.csv:2:1: error: 'trainee' is not valid UTF-8 text (found \"Ren\\xE9\"); save the file "
        "as \"CSV UTF-8\"");
}

TEST_CASE("a row with several bad values gives one error at the first", "[decision_table]") {
  CHECK(onlyError(kHeader + "t001,s,maybe,9,35,2\n") ==
        "d.csv:2:8: error: 'decision' must be one of nfa|advice|early_help|s17|s47|immediate "
        "(found \"maybe\")");
}

TEST_CASE("columns count characters not bytes", "[decision_table]") {
  CHECK(onlyError(kHeader + "Zoë-Łukasz,s,s47,4,2,\n") ==
        "d.csv:2:20: error: 'p_harm' must be a probability from 0 to 1 (found \"2\"); "
        "probabilities are 0–1, not percentages: for 2% write 0.02");
}

TEST_CASE("a row with the wrong number of fields is refused", "[decision_table]") {
  CHECK(onlyError(kHeader + "t001,s,s47,4\n") ==
        "d.csv:2:13: error: expected 6 fields as in the header, found 4 (nothing for \"p_harm\", "
        "\"p_rereferral\")");
  CHECK(onlyError(kHeader + "t001,s,s47,4,0.5,0.5,extra,more\n") ==
        "d.csv:2:22: error: expected 6 fields as in the header, found 8 (quote a value that "
        "contains a comma)");
  CHECK(onlyError(kHeader + "t001\r\n") ==
        "d.csv:2:5: error: expected 6 fields as in the header, found 1 (nothing for \"scenario\", "
        "\"decision\", \"need_level\", …)");
  CHECK(onlyError(kHeader + "t001,s,s47,4,0.5\r") ==
        "d.csv:2:17: error: expected 6 fields as in the header, found 5 (nothing for "
        "\"p_rereferral\")");
}

TEST_CASE("a field after a line break inside quotes is placed on its own line",
          "[decision_table]") {
  // The row starts on line 2; its bad decision starts on line 3, and LINE:COL point there.
  CHECK(onlyError(kHeader + "t001,\"two\nlines\",maybe,4,0.5,\n") ==
        "d.csv:3:8: error: 'decision' must be one of nfa|advice|early_help|s17|s47|immediate "
        "(found \"maybe\")");
  const auto table = readDecisionTable(kHeader + "t001,\"two\nlines\",nfa,4,0.5,\n", "d.csv");
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].line == 2);
}

TEST_CASE("a header of too many fields is refused and a huge row is counted", "[decision_table]") {
  const auto wide =
      readDecisionTable("trainee,scenario,decision" + std::string(1000, ','), "w.csv");
  CHECK_FALSE(wide.readable);
  CHECK(formatted(wide) ==
        std::vector<std::string>{"w.csv:1:1: error: the header has 1003 fields; a decisions table "
                                 "has at most 1000 columns (is this a decisions CSV?)"});
  CHECK(onlyError(kHeader + "t001,s,s47,4,0.5,0.5" + std::string(100000, ',') + "\n") ==
        "d.csv:2:22: error: expected 6 fields as in the header, found 100006 (quote a value that "
        "contains a comma)");
}

TEST_CASE("an unterminated quote is an error for its row", "[decision_table]") {
  const auto table = readDecisionTable(
      kHeader + "t001,s,s47,4,0.5,\nt002,\"s,s47,4,0.5,\nt003,s,nfa,1,,\n", "q.csv");
  CHECK(table.readable);
  REQUIRE(table.rows.size() == 1);
  CHECK(table.badRows == 1);
  CHECK(formatted(table) ==
        std::vector<std::string>{
            "q.csv:3:6: error: unterminated quoted field: expected a closing '\"' but found the "
            "end of the file 2 lines later (a quote inside a quoted field is written \"\")"});
  CHECK(onlyError(kHeader + "t001,\"s") ==
        "d.csv:2:6: error: unterminated quoted field: expected a closing '\"' but found the end "
        "of the file (a quote inside a quoted field is written \"\")");
}

TEST_CASE("text after a closing quote is an error for its row", "[decision_table]") {
  CHECK(onlyError(kHeader + "t001,\"s\"x,s47,4,0.5,\n") ==
        "d.csv:2:6: error: quoted field: expected ',' or the end of the line after its closing "
        "quote, found \"x\" (a quote inside a quoted field is written \"\")");
  const auto table = readDecisionTable(kHeader + "t001, \"s\" ,s47,4,0.5,\n", "d.csv");
  CHECK(formatted(table).empty());
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].scenario == "s");
}

TEST_CASE("an empty file is unreadable", "[decision_table]") {
  for (const std::string text : {"", "\xEF\xBB\xBF", "\n\r\n  \n"}) {
    const auto table = readDecisionTable(text, "e.csv");
    CHECK_FALSE(table.readable);
    CHECK(formatted(table) ==
          std::vector<std::string>{"e.csv: error: empty file: expected a header row naming at "
                                   "least the columns trainee, scenario, decision"});
  }
}

TEST_CASE("a UTF-16 file is refused with advice", "[decision_table]") {
  const auto table = readDecisionTable(std::string("\xFF\xFEt\0r\0", 6), "w.csv");
  CHECK_FALSE(table.readable);
  CHECK(formatted(table) ==
        std::vector<std::string>{"w.csv: error: the file is UTF-16 text; a decisions CSV must be "
                                 "UTF-8 (save it as \"CSV UTF-8\")"});
}

TEST_CASE("a header-only file is readable with no rows", "[decision_table]") {
  for (const std::string text : {"trainee,scenario,decision", "trainee,scenario,decision\n\n"}) {
    const auto table = readDecisionTable(text, "h.csv");
    CHECK(table.readable);
    CHECK(table.rows.empty());
    CHECK(table.badRows == 0);
    CHECK(table.diagnostics.empty());
  }
}

TEST_CASE("blank lines are skipped and rows keep their physical lines", "[decision_table]") {
  const auto table =
      readDecisionTable("\ntrainee,scenario,decision\n\n  \nt1,s,nfa\n\t\nt2,s,nfa", "b.csv");
  CHECK(table.readable);
  CHECK(table.diagnostics.empty());
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].line == 5);
  CHECK(table.rows[1].line == 7);
}

TEST_CASE("bad rows past the listing cap are counted in one more error", "[decision_table]") {
  std::string text = "trainee,scenario,decision\n";
  for (int i = 0; i < 250; ++i) {
    text += "t1,s,maybe\nt2,s,nfa\n";
  }
  const auto table = readDecisionTable(text, "c.csv");
  CHECK(table.readable);
  CHECK(table.badRows == 250);
  CHECK(table.rows.size() == 250);
  REQUIRE(table.diagnostics.size() == 201);
  CHECK(core::formatDiagnostic(table.diagnostics[199]).starts_with("c.csv:400:6: error: "));
  CHECK(core::formatDiagnostic(table.diagnostics[200]) ==
        "c.csv:402:6: error: … and 50 more bad rows from here on (only the first 200 are listed)");
}

TEST_CASE("the generator's 1000-row sample reads with no diagnostics", "[decision_table]") {
  // tests/data/decisions/gen_1000_seed1.csv: frontdoor-gen-decisions --rows 1000 --seed 1
  const auto table = readDecisionTable(readFile(dataDir() / "gen_1000_seed1.csv"), "gen.csv");
  CHECK(table.readable);
  CHECK(table.diagnostics.empty());
  CHECK(table.badRows == 0);
  REQUIRE(table.rows.size() == 1000);
  CHECK(table.rows.front().line == 2);
  CHECK(table.rows.back().line == 1001);
  std::array<int, 6> levels{};
  for (const auto& row : table.rows) {
    ++levels.at(static_cast<std::size_t>(core::ordinal(row.decision)));
  }
  for (const int count : levels) {
    CHECK(count > 0); // decisions spread over every level
  }
}

TEST_CASE("fuzzed decision tables never crash and account for every record", "[decision_table]") {
  std::vector<std::string> bases{readFile(dataDir() / "all_columns.csv")};
  {
    const std::string generated = readFile(dataDir() / "gen_1000_seed1.csv");
    std::size_t cut = 0;
    for (int lines = 0; lines < 40; ++lines) {
      cut = generated.find('\n', cut) + 1;
    }
    bases.push_back("\xEF\xBB\xBF" + generated.substr(0, cut));
  }
  static constexpr char kSpecial[] = {'"', ',', '\n', '\r', ' ', '\t', '\0', 'x', '5'};
  std::mt19937 rng(20261126);
  int variants = 0;
  int withBadRows = 0; // the variants must reach every outcome, not just the happy one
  int withRows = 0;
  int unreadable = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string text = bases[rng() % bases.size()];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 5) {
      case 0: // truncate
        text.resize(at);
        break;
      case 1: // flip to a character that matters to CSV
        text[at] = kSpecial[rng() % sizeof kSpecial];
        break;
      case 2: // flip to any byte
        text[at] = static_cast<char>(rng() % 256);
        break;
      case 3: // delete a byte
        text.erase(at, 1);
        break;
      default: // insert a quote
        text.insert(at, 1, '"');
        break;
      }
    }
    ++variants;
    const auto table = readDecisionTable(text, "fuzz.csv");
    withBadRows += table.badRows > 0 ? 1 : 0;
    withRows += table.rows.empty() ? 0 : 1;
    unreadable += table.readable ? 0 : 1;
    std::string problem;
    if (table.readable) {
      const auto records = recordLinesAfterHeader(text);
      const auto accounted = table.rows.size() + static_cast<std::size_t>(table.badRows);
      if (accounted != records.size()) {
        problem = "rows + badRows = " + std::to_string(accounted) + " but there are " +
                  std::to_string(records.size()) + " records";
      }
      for (const auto& row : table.rows) {
        if (!std::binary_search(records.begin(), records.end(), row.line)) {
          problem = "a row at line " + std::to_string(row.line) + " where no record starts";
        }
      }
      const std::int64_t errors = std::count_if(
          table.diagnostics.begin(), table.diagnostics.end(),
          [](const core::Diagnostic& d) { return d.severity == core::Severity::Error; });
      if (errors != std::min<std::int64_t>(table.badRows, 200) + (table.badRows > 200 ? 1 : 0)) {
        problem = "errors do not match bad rows";
      }
      int previousLine = 0;
      for (const auto& row : table.rows) {
        if (row.line <= previousLine || row.trainee.empty() || row.scenario.empty() ||
            (row.pHarm && (*row.pHarm < 0.0 || *row.pHarm > 1.0))) {
          problem = "bad row kept at line " + std::to_string(row.line);
        }
        previousLine = row.line;
      }
    } else if (!table.rows.empty() || table.badRows != 0 || !core::hasErrors(table.diagnostics)) {
      problem = "unreadable without an error, or with rows";
    }
    for (const auto& d : table.diagnostics) {
      if (d.file != "fuzz.csv" || d.line < 0 || (d.line > 0 && d.column < 1) || d.message.empty()) {
        problem = "malformed diagnostic: " + core::formatDiagnostic(d);
      }
    }
    if (!problem.empty()) {
      INFO("variant " << i << ": " << problem);
      CHECK(problem.empty());
      break;
    }
  }
  CHECK(variants == 4000);
  CHECK(withBadRows > 1000);
  CHECK(withRows > 1000);
  CHECK(unreadable > 100);
}

TEST_CASE("habit columns are read when present", "[decision_table]") {
  const auto table =
      readDecisionTable("trainee,scenario,decision,checks,records_checked,child_seen\n"
                        "t1,c1,s17,3,yes,0\n"
                        "t2,c1,nfa,,,\n"
                        "t3,c1,nfa,many,maybe,1\n",
                        "h.csv");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].checks == 3);
  CHECK(table.rows[0].recordsChecked == true);
  CHECK(table.rows[0].childSeen == false);
  CHECK_FALSE(table.rows[1].checks.has_value());
  REQUIRE(table.diagnostics.size() == 1);
  CHECK(sim::core::formatDiagnostic(table.diagnostics[0]) ==
        "h.csv:4:11: error: 'checks' must be a whole number from 0 to 1000, or empty (found "
        "\"many\")");
}

namespace {

// Every field of a row as text (doubles in their shortest exact form).
std::string rowText(const scoring::DecisionRow& row) {
  const auto number = [](const std::optional<double>& value) {
    if (!value) {
      return std::string("-");
    }
    std::array<char, 32> buffer{};
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *value).ptr;
    return std::string(buffer.data(), end);
  };
  const auto whole = [](const auto& value) {
    return value ? std::to_string(static_cast<int>(*value)) : std::string("-");
  };
  return std::to_string(row.line) + "|" + row.trainee + "|" + row.scenario + "|" +
         std::string(core::tokenOf(row.decision)) + "|" + whole(row.needLevel) + "|" +
         number(row.pHarm) + "|" + number(row.pRereferral) + "|" + row.team + "|" + row.cohort +
         "|" + whole(row.checks) + "|" + whole(row.recordsChecked) + "|" + whole(row.childSeen) +
         "|" + row.attemptUid + "|" + whole(row.decisionPoint);
}

// Reads `text` whole and streamed `chunk` bytes at a time; empty when both give the same rows
// (in order), diagnostics, bad-row count and readability, else what differs.
std::string streamedDifference(const std::string& text, std::size_t chunk) {
  const auto whole = readDecisionTable(text, "s.csv");
  std::vector<std::string> rows;
  std::istringstream in(text);
  const auto streamed = exchange::visitDecisionTable(
      in, "s.csv", [&](const scoring::DecisionRow& row) { rows.push_back(rowText(row)); }, chunk);
  if (!streamed.rows.empty()) {
    return "the streamed table kept rows";
  }
  if (streamed.readable != whole.readable || streamed.badRows != whole.badRows) {
    return "readable or badRows differ";
  }
  if (formatted(streamed) != formatted(whole)) {
    const auto a = formatted(whole);
    const auto b = formatted(streamed);
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      if (a[i] != b[i]) {
        return "diagnostic " + std::to_string(i) + ": whole " + a[i] + " / streamed " + b[i];
      }
    }
    return "diagnostics differ in number";
  }
  if (rows.size() != whole.rows.size()) {
    return "streamed " + std::to_string(rows.size()) + " rows, whole " +
           std::to_string(whole.rows.size());
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] != rowText(whole.rows[i])) {
      return "row " + std::to_string(i) + ": whole " + rowText(whole.rows[i]) + " / streamed " +
             rows[i];
    }
  }
  return {};
}

} // namespace

TEST_CASE("streamed in chunks, a table reads exactly as it does whole", "[decision_table]") {
  std::vector<std::string> texts{
      readFile(dataDir() / "all_columns.csv"),
      readFile(dataDir() / "gen_1000_seed1.csv").substr(0, 6000),
      "",
      "\xEF\xBB",
      "\xEF\xBB\xBFtrainee,scenario,decision\r\nt1,s,nfa\r\n\r\n  \t\r\nt2,s,s47",
      "\xFF\xFEt\0r",
      "  \n\n \t \ntrainee,scenario,decision\n \n  ,s,nfa\nt1,s,nfa\n   ",
      "trainee,scenario,decision,team\nt1,\"s\n1\",nfa,\"a \"\"b\"\"\"\n\"t2\"  ,s,s17,x\r\n",
      "trainee,scenario,decision\nt1,\"s\nx\"y,nfa\nt2,s,nfa\nt3,\"never closed\n\nnfa\n",
      "trainee,scenario,decision\nt1,s,nfa,extra\nt2,s\nt3,s,maybe\nt4,s,NFA\r",
      "trainee,scenario,decison,tema\nt1,s,nfa,x\n",
      "trainee,scenario,decision,p_harm\ntrainée,scénario,s17,45%\nt,s,s17,0,5\n",
  };
  std::string many = "trainee,scenario,decision\n";
  for (int i = 0; i < 250; ++i) {
    many += "t1,s,maybe\nt2,s,nfa\n";
  }
  texts.push_back(many);
  std::string wide = "trainee,scenario,decision\nt1,s,nfa";
  for (int i = 0; i < 1500; ++i) {
    wide += ",x";
  }
  texts.push_back(wide + "\nt2,s,nfa\n");
  // Byte-flipped variants of the small files, as in the fuzz test above.
  std::mt19937 rng(7);
  static constexpr char kSpecial[] = {'"', ',', '\n', '\r', ' ', '\t', 'x'};
  for (int i = 0; i < 300; ++i) {
    std::string text = texts[rng() % 2];
    for (int e = 0; e < 3; ++e) {
      text[rng() % text.size()] = kSpecial[rng() % sizeof kSpecial];
    }
    texts.push_back(text);
  }
  for (std::size_t t = 0; t < texts.size(); ++t) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{5},
                                    std::size_t{17}, std::size_t{64}, std::size_t{4096}}) {
      const std::string problem = streamedDifference(texts[t], chunk);
      if (!problem.empty()) {
        INFO("text " << t << ", chunks of " << chunk << ": " << problem);
        CHECK(problem.empty());
        return;
      }
    }
  }
}

TEST_CASE("a streamed file is refused as a whole-file read refuses it", "[decision_table]") {
  const auto ignore = [](const scoring::DecisionRow&) {};
  for (const std::string& path : {std::string("/no/such/decisions.csv"), dataDir().string()}) {
    const auto whole = exchange::readDecisionTableFile(path);
    const auto streamed = exchange::visitDecisionTableFile(path, ignore);
    CHECK_FALSE(streamed.readable);
    CHECK(formatted(streamed) == formatted(whole));
  }
  int rows = 0;
  const auto table = exchange::visitDecisionTableFile((dataDir() / "gen_1000_seed1.csv").string(),
                                                      [&](const scoring::DecisionRow&) { ++rows; });
  CHECK(table.readable);
  CHECK(table.diagnostics.empty());
  CHECK(rows == 1000);
}

TEST_CASE("the streamed report is exactly the report of the whole table", "[decision_table]") {
  // The report path of `frontdoor-cli report` (rows streamed into an Analysis, practitioners
  // made as they are written) against the whole-table path (every row read, then analyse),
  // in every format, with and without panels. The sample has trainees with one decision
  // and with many, habits on some rows, a bad row and a case without a panel.
  std::string text = readFile(dataDir() / "gen_1000_seed1.csv");
  text.insert(text.find('\n'), ",checks,records_checked,child_seen");
  std::string sample;
  std::istringstream lines(text);
  std::string line;
  for (int i = 0; std::getline(lines, line); ++i) {
    if (i > 0) {
      line += i % 3 == 0 ? ",2,yes,0" : i % 3 == 1 ? ",,no," : ",7,,1";
    }
    if (i % 10 == 5) {
      line.replace(0, line.find(','), "solo" + std::to_string(i)); // one decision each
    }
    sample += line + "\n";
  }
  sample += "solo-unknown,no-such-case,s17,2,0.30,0.20,team-01,,1,1,1\n";
  sample += "bad,mark-on-the-cheek,maybe,,,,,,,,\n";
  const auto scenarios = scenario::loadScenarioIndex(fs::path(SIM_SOURCE_DIR) / "scenarios");
  REQUIRE(scenarios.complete());
  for (const auto* index : {static_cast<const core::ScenarioIndex*>(nullptr), &scenarios.index}) {
    const auto table = readDecisionTable(sample, "r.csv");
    REQUIRE(table.badRows == 1);
    auto whole = scoring::analyse(table.rows, index);
    whole.badRows = table.badRows;

    scoring::Analysis analysis(index);
    std::istringstream in(sample);
    const auto streamed = exchange::visitDecisionTable(
        in, "r.csv", [&](const scoring::DecisionRow& row) { analysis.add(row); }, 97);
    auto report = analysis.finish();
    report.badRows = streamed.badRows;
    CHECK(analysis.count() == whole.practitioners.size());
    CHECK(report.practitioners.empty());
    for (const auto format : {report::GroupFormat::Json, report::GroupFormat::Text,
                              report::GroupFormat::Csv, report::GroupFormat::Html}) {
      std::ostringstream expected;
      report::writeGroupReport(whole, format, expected);
      std::ostringstream actual;
      report::writeGroupReport(report, analysis, format, actual);
      INFO("format " << static_cast<int>(format) << (index != nullptr ? " with panels" : ""));
      CHECK(actual.str() == expected.str());
    }
  }
}
