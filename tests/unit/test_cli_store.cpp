// The real frontdoor-cli binary with a results database: `play --practitioner` records each
// attempt as it happens, `export` writes the decisions as a table `report` reads without a
// complaint, and `erase` removes one practitioner and says what it removed.
#include "tests/support/cli_runner.hpp"
#include "tests/support/temp_folder.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using sim::test::cli;
using sim::test::readAll;

namespace {

fs::path freshDatabase(const std::string& name) {
  return test_support::uniqueTempFolder("cli-store-" + name) / "results.sqlite";
}

std::string playAndRecord(const std::string& id, const fs::path& db, const std::string& who) {
  return "play scenarios/" + id + ".toml --actions scenarios/actions/" + id + ".actions --db '" +
         db.string() + "' --practitioner " + who + " --team north";
}

// The table without its last two columns (started_at and attempt_uid, which differ by run).
std::vector<std::string> withoutStartTimes(const std::string& csv) {
  std::vector<std::string> out;
  std::istringstream lines(csv);
  std::string line;
  while (std::getline(lines, line)) {
    const auto uid = line.rfind(',');
    out.push_back(line.substr(0, line.rfind(',', uid - 1)));
  }
  return out;
}

} // namespace

TEST_CASE("played attempts are recorded and export as a decisions table") {
  const auto db = freshDatabase("export");
  for (const auto* id : {"bedtime-battles", "mark-on-the-cheek"}) {
    const auto run = cli(playAndRecord(id, db, "p-042"));
    CHECK(run.status == 0);
    CHECK(run.err.find("Recorded as attempt") != std::string::npos);
  }
  const auto exported = cli("export --db '" + db.string() + "'");
  CHECK(exported.status == 0);
  CHECK(withoutStartTimes(exported.out) ==
        std::vector<std::string>{
            "trainee,scenario,decision,need_level,p_harm,p_rereferral,team,cohort,checks,"
            "records_checked,child_seen,attempt,decision_point,decided_at,within_deadline,score,"
            "case_weight",
            "p-042,bedtime-battles,advice,2,0.03,0.15,north,,1,1,0,1,1,0/13:58,1,83.77,"
            "0.80",
            "p-042,mark-on-the-cheek,s47,4,0.55,0.30,north,,7,1,0,2,1,0/16:40,1,85.27,0.70"});
  fs::remove_all(db.parent_path());
}

TEST_CASE("report reads an export without complaint") {
  const auto db = freshDatabase("report");
  REQUIRE(cli(playAndRecord("monday-absences", db, "p-7")).status == 0);
  const auto out = db.parent_path() / "decisions.csv";
  REQUIRE(cli("export --db '" + db.string() + "' --out '" + out.string() + "'").status == 0);
  const auto report =
      cli("report --decisions '" + out.string() + "' --scenarios scenarios --format json");
  CHECK(report.status == 0);
  CHECK(report.err.empty());
  CHECK(report.out.find("\"checks_per_case\":5.0") != std::string::npos);
  fs::remove_all(db.parent_path());
}

TEST_CASE("erase removes one practitioner and says what it removed") {
  const auto db = freshDatabase("erase");
  REQUIRE(cli(playAndRecord("bedtime-battles", db, "p-1")).status == 0);
  REQUIRE(cli(playAndRecord("bedtime-battles", db, "p-2")).status == 0);
  const auto erased = cli("erase --db '" + db.string() + "' p-1");
  CHECK(erased.status == 0);
  CHECK(erased.out.rfind("Removed everything about \"p-1\": 1 practitioner record, 1 attempt, ",
                         0) == 0);
  const auto again = cli("erase --db '" + db.string() + "' p-1");
  CHECK(again.out == "Nothing is recorded about \"p-1\"; nothing was removed.\n");
  const auto left = cli("export --db '" + db.string() + "'");
  CHECK(left.out.find("p-1,") == std::string::npos);
  CHECK(left.out.find("p-2,") != std::string::npos);
  fs::remove_all(db.parent_path());
}

TEST_CASE("xAPI export follows the statement rules") {
  const auto db = freshDatabase("xapi");
  REQUIRE(cli(playAndRecord("mark-on-the-cheek", db, "p-9")).status == 0);
  REQUIRE(cli(playAndRecord("bedtime-battles", db, "p-9")).status == 0);
  const auto run = cli("export --db '" + db.string() + "' --format xapi --scenarios scenarios");
  REQUIRE(run.status == 0);
  const auto statements = nlohmann::json::parse(run.out);
  REQUIRE(statements.is_array());
  // Per finished attempt: initialized, answered (one decision), completed, terminated.
  REQUIRE(statements.size() == 8);
  const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  const std::regex iri("^https?://[^ ]+$");
  std::set<std::string> ids;
  std::vector<std::string> verbs;
  for (const auto& s : statements) {
    INFO(s.dump());
    // Actor: a pseudonymous account (homePage and name), never an e-mail address.
    CHECK(s["actor"]["account"]["homePage"] == "https://frontdoor.invalid");
    CHECK(s["actor"]["account"]["name"] == "p-9");
    CHECK_FALSE(s["actor"].contains("mbox"));
    // Verb: an IRI and a display map.
    CHECK(std::regex_match(s["verb"]["id"].get<std::string>(), iri));
    CHECK_FALSE(s["verb"]["display"]["en-GB"].get<std::string>().empty());
    // Object: an activity with an IRI and a readable name.
    CHECK(std::regex_match(s["object"]["id"].get<std::string>(), iri));
    CHECK_FALSE(s["object"]["definition"]["name"]["en-GB"].get<std::string>().empty());
    CHECK(std::regex_match(s["id"].get<std::string>(), uuid));
    CHECK(std::regex_match(s["context"]["registration"].get<std::string>(), uuid));
    CHECK(s["context"]["extensions"]["https://frontdoor.invalid/xapi/scenario-version"]
              .get<std::string>()
              .rfind("blake2b-256:", 0) == 0);
    ids.insert(s["id"].get<std::string>());
    const auto verb = s["verb"]["display"]["en-GB"].get<std::string>();
    verbs.push_back(verb);
    if (verb == "answered") {
      // Result: the response chosen and the score, scaled within -1..1 and raw in min..max.
      CHECK(s["result"]["response"].is_string());
      const double scaled = s["result"]["score"]["scaled"];
      const double raw = s["result"]["score"]["raw"];
      CHECK(scaled >= -1.0);
      CHECK(scaled <= 1.0);
      CHECK(raw >= s["result"]["score"]["min"].get<double>());
      CHECK(raw <= s["result"]["score"]["max"].get<double>());
      CHECK(s["object"]["definition"]["interactionType"] == "choice");
      const auto parent = s["context"]["contextActivities"]["parent"][0]["id"].get<std::string>();
      CHECK(parent.rfind("https://frontdoor.invalid/scenarios/", 0) == 0);
      CHECK(s["object"]["id"].get<std::string>().rfind(parent + "/decision-points/", 0) == 0);
    }
  }
  CHECK(ids.size() == statements.size()); // every statement has its own id
  CHECK(verbs == std::vector<std::string>{"initialized", "answered", "completed", "terminated",
                                          "initialized", "answered", "completed", "terminated"});
  // A repeated export gives the same statements (a record store can drop duplicates).
  const auto again = cli("export --db '" + db.string() + "' --format xapi --scenarios scenarios");
  CHECK(again.out == run.out);
  fs::remove_all(db.parent_path());
}

TEST_CASE("results move to another machine without loss and only once") {
  const auto laptop = freshDatabase("laptop");
  const auto office = freshDatabase("office");
  REQUIRE(cli(playAndRecord("mark-on-the-cheek", laptop, "p-3")).status == 0);
  REQUIRE(cli(playAndRecord("monday-absences", laptop, "p-3")).status == 0);
  const auto file = laptop.parent_path() / "results.json";
  REQUIRE(
      cli("export --db '" + laptop.string() + "' --format results --out '" + file.string() + "'")
          .status == 0);
  const auto first = cli("import '" + file.string() + "' --db '" + office.string() + "'");
  CHECK(first.status == 0);
  CHECK(first.out == "Imported 2 attempts from " + file.string() +
                         ".\n2 attempts were replayed against their cases and matched.\n");
  const auto second = cli("import '" + file.string() + "' --db '" + office.string() + "'");
  CHECK(second.out == "Imported 0 attempts from " + file.string() +
                          "; 2 already in the database were skipped.\n");
  // Nothing lost: the office's results file equals the laptop's (same attempts, uids,
  // events, decisions and scores), and so does the decisions table.
  const auto there = cli("export --db '" + office.string() + "' --format results");
  CHECK(there.out == readAll(file));
  CHECK(cli("export --db '" + office.string() + "'").out ==
        cli("export --db '" + laptop.string() + "'").out);
  fs::remove_all(laptop.parent_path());
  fs::remove_all(office.parent_path());
}

TEST_CASE("a decisions table from a paper workshop is imported once") {
  const auto db = freshDatabase("paper");
  const auto table = db.parent_path() / "workshop.csv";
  std::ofstream(table) << "trainee,scenario,decision,p_harm,team\n"
                          "w1,mark-on-the-cheek,s47,0.6,east\n"
                          "w2,mark-on-the-cheek,s17,0.3,east\n";
  const auto run = cli("import '" + table.string() + "' --db '" + db.string() + "'");
  CHECK(run.status == 0);
  CHECK(run.out == "Imported 2 attempts from " + table.string() + ".\n");
  CHECK(cli("import '" + table.string() + "' --db '" + db.string() + "'")
            .out.find("2 already in the database were skipped") != std::string::npos);
  const auto exported = cli("export --db '" + db.string() + "'");
  CHECK(exported.out.find("\nw1,mark-on-the-cheek,s47,,0.60,,east,,0,0,0,") != std::string::npos);
  CHECK(exported.out.find("\nw2,mark-on-the-cheek,s17,,0.30,,east,,0,0,0,") != std::string::npos);
  fs::remove_all(db.parent_path());
}

TEST_CASE("import refuses what is not a results file") {
  const auto db = freshDatabase("bad-import");
  const auto file = db.parent_path() / "notes.json";
  std::ofstream(file) << "{\"hello\": 1}";
  const auto run = cli("import '" + file.string() + "' --db '" + db.string() + "'");
  CHECK(run.status == 1);
  CHECK(run.err == file.string() +
                       ": error: not a Frontdoor results file (expected a JSON object with "
                       "\"frontdoor_results\": 1)\n"
                       "frontdoor-cli import: nothing was imported; the database is as it was.\n");
  fs::remove_all(db.parent_path());
}

TEST_CASE("the HTML practice report has every chart and table and prints on A4") {
  const auto db = freshDatabase("html");
  for (const auto* id : {"bedtime-battles", "mark-on-the-cheek"}) {
    REQUIRE(cli(playAndRecord(id, db, "p-5")).status == 0);
  }
  const auto run = cli("export --db '" + db.string() +
                       "' --format html --practitioner p-5 --scenarios scenarios");
  REQUIRE(run.status == 0);
  const auto& page = run.out;
  const auto count = [&page](const std::string& what) {
    std::size_t n = 0;
    for (auto at = page.find(what); at != std::string::npos; at = page.find(what, at + 1)) {
      ++n;
    }
    return n;
  };
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  // Three charts (score trend, conversion, reliability), each an accessible SVG with a
  // caption and a table as its text equivalent, plus agreement, habits and decisions tables.
  CHECK(count("<svg role=\"img\" aria-label=") == 3);
  CHECK(count("<figcaption>") == 3);
  CHECK(count("<table>") == 6);
  for (const auto* heading :
       {"<h2>Score over time</h2>", "<h2>Conversion: what the decisions were</h2>",
        "<h2>Agreement with the panels</h2>",
        "<h2>Re-referral estimates against what happened</h2>", "<h2>Information habits</h2>",
        "<h2>Every decision</h2>"}) {
    INFO(heading);
    CHECK(count(heading) == 1);
  }
  CHECK(page.find("<td>1. bedtime-battles") != std::string::npos);
  CHECK(page.find("@page{size:A4") != std::string::npos);
  // Self-contained: no scripts and nothing fetched from elsewhere.
  CHECK(count("<script") == 0);
  CHECK(count("src=") == 0);
  CHECK(count("href=") == 0);
  CHECK(page.rfind("</body></html>\n") == page.size() - std::string("</body></html>\n").size());
  fs::remove_all(db.parent_path());
}

TEST_CASE("an output that is the results database is refused and the database survives") {
  const auto db = freshDatabase("out-is-db");
  REQUIRE(cli(playAndRecord("mark-on-the-cheek", db, "p-3")).status == 0);
  const auto before = cli("export --db '" + db.string() + "' --format results").out;
  for (const auto& target : {db.string(), db.string() + "-wal"}) {
    INFO(target);
    const auto exported = cli("export --db '" + db.string() + "' --out '" + target + "'");
    CHECK(exported.status == 1);
    CHECK(exported.err.find("this is the results database") != std::string::npos);
  }
  const auto logged = cli("play scenarios/mark-on-the-cheek.toml --actions "
                          "scenarios/actions/mark-on-the-cheek.actions --db '" +
                          db.string() + "' --practitioner p-4 --log '" + db.string() + "'");
  CHECK(logged.status == 1);
  CHECK(logged.err.find("would be written over the results database") != std::string::npos);
  CHECK(cli("export --db '" + db.string() + "' --format results").out == before);
  fs::remove_all(db.parent_path());
}

TEST_CASE("a full standard output is an error for every command that writes to it") {
  const auto db = freshDatabase("dev-full");
  REQUIRE(cli(playAndRecord("mark-on-the-cheek", db, "p-3")).status == 0);
  const auto results = db.parent_path() / "results.json";
  REQUIRE(cli("export --db '" + db.string() + "' --format results --out '" + results.string() + "'")
              .status == 0);
  for (const std::string& command :
       std::vector<std::string>{"export --db '" + db.string() + "'",
                                "validate tests/data/bad_scenarios/anonymisation.toml",
                                "play scenarios/mark-on-the-cheek.toml --actions "
                                "scenarios/actions/mark-on-the-cheek.actions",
                                "import '" + results.string() + "' --db '" + db.string() + "'"}) {
    INFO(command);
    const auto run = cli(command + " >/dev/full");
    CHECK(run.status == 1);
    CHECK(run.err.find("cannot write to standard output") != std::string::npos);
  }
  fs::remove_all(db.parent_path());
}

TEST_CASE("messages never carry terminal controls, never run on, and stop at 200 per file") {
  const test_support::TempFolder dir("cli-messages");
  const auto actions = dir.path() / "bad.actions";
  // An escape sequence, a C1 control (U+009B, CSI) and invalid UTF-8 in bad lines.
  std::ofstream(actions) << "read_contact extra \x1b[2J\n\"ask\xc2\x9b\" q-1\nask q-1 \xff\n";
  const auto run =
      cli("play scenarios/mark-on-the-cheek.toml --actions '" + actions.string() + "'");
  CHECK(run.status == 1);
  REQUIRE_FALSE(run.err.empty());
  CHECK(run.err.find('\x1b') == std::string::npos);
  CHECK(run.err.find("\xc2\x9b") == std::string::npos);
  CHECK(run.err.find('\xff') == std::string::npos);
  // A usage error from CLI11 goes through the same formatter.
  const auto usage = cli("validate --no-such-flag-\x1b[31m scenarios");
  CHECK(usage.status == 2);
  CHECK(usage.err.find('\x1b') == std::string::npos);

  // One 4 MiB token: one short message.
  const auto huge = dir.path() / "huge.actions";
  std::ofstream(huge) << "read_contact\nask " << std::string(4'000'000, 'q') << " extra\n";
  const auto hugeRun =
      cli("play scenarios/mark-on-the-cheek.toml --actions '" + huge.string() + "'");
  CHECK(hugeRun.status == 1);
  CHECK(hugeRun.err.size() < 5000);

  // 100,000 bad lines: 200 messages and one note.
  const auto many = dir.path() / "many.actions";
  {
    std::ofstream out(many);
    for (int i = 0; i < 100'000; ++i) {
      out << "frobnicate\n";
    }
  }
  const auto manyRun =
      cli("play scenarios/mark-on-the-cheek.toml --actions '" + many.string() + "'");
  CHECK(manyRun.status == 1);
  CHECK(std::count(manyRun.err.begin(), manyRun.err.end(), '\n') == 201);
  CHECK(manyRun.err.find("more problems are not listed") != std::string::npos);
}

TEST_CASE("erase says that no copy is left when the log could be emptied") {
  const auto db = freshDatabase("erase-says");
  REQUIRE(cli(playAndRecord("mark-on-the-cheek", db, "p-3")).status == 0);
  const auto run = cli("erase p-3 --db '" + db.string() + "'");
  CHECK(run.status == 0);
  CHECK(run.out.find("No copy is left in the database's files") != std::string::npos);
  fs::remove_all(db.parent_path());
}
