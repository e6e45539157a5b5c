// `frontdoor-cli workshop`: the bundled 90-minute plan run from a script (six tables, every
// step) through the real binary. It prints each step's projector text, nothing of the panel
// or the outcome before its reveal, records the workshop as finished with every event, and
// reports a bad script line at its line and column.
#include "sim/storage/results_store.hpp"
#include "tests/support/cli_runner.hpp"
#include "tests/support/temp_folder.hpp"
#include "tests/support/workshop_script.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <set>

using sim::test::cli;

TEST_CASE("workshop runs a scripted 90-minute session and records it") {
  const auto loaded = test_support::loadBundledPlan("ninety-minutes");
  auto full = test_support::startRun(loaded);
  test_support::playWholeWorkshop(full);
  test_support::TempFolder folder("cli-workshop");
  const auto script = folder.file("session.script");
  {
    std::ofstream out(script);
    out << "# The 90-minute session, six tables\n";
    for (const auto& line : full.log()) {
      out << line << "\n";
    }
  }
  const auto db = folder.file("r.sqlite");
  const auto csv = folder.file("votes.csv");
  const auto html = folder.file("workshop.html");
  const auto xapi = folder.file("votes.xapi.json");
  const auto run =
      cli("workshop scenarios/workshops/ninety-minutes.workshop.toml --votes '" + script +
          "' --db '" + db + "' --csv '" + csv + "' --html '" + html + "' --xapi '" + xapi + "'");
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(run.err.find("Recorded as workshop 1 in") != std::string::npos);
  CHECK(run.err.find("(unfinished)") == std::string::npos);
  const auto& out = run.out;
  CHECK(out.find("──── Step 1 of 36: discuss — Bedtime battles, pause 1 ────") == 0);
  CHECK(out.find("6 of 6 answered") != std::string::npos);
  // Nothing of the panel or the outcome before the first step that reveals it.
  const auto firstPanelReveal = out.find(": reveal panel — ");
  const auto firstOutcomeReveal = out.find(": reveal outcome — ");
  REQUIRE(firstPanelReveal != std::string::npos);
  REQUIRE(firstOutcomeReveal != std::string::npos);
  CHECK(out.find("## The panel\n") > firstPanelReveal);
  CHECK(out.find("## What actually happened") > firstOutcomeReveal);
  const auto& bedtime = *loaded.index.at("bedtime-battles");
  CHECK(out.find(bedtime.panels.front().rationale) > out.find(": reveal reasoning — "));
  // The record: every event, the workshop finished, its three cases.
  auto store = sim::storage::ResultsStore::open(db);
  REQUIRE(store.ok());
  const auto events = store.value()->workshopEvents(1);
  REQUIRE(events.ok());
  CHECK(events.value() == full.log());
  const auto unfinished = store.value()->unfinishedWorkshops();
  REQUIRE(unfinished.ok());
  CHECK(unfinished.value().empty());
  // The final votes as a decisions table that `report` reads without a warning: six tables
  // at four decision points.
  const auto table = sim::test::readAll(csv);
  CHECK(table.rfind("trainee,scenario,decision,need_level,p_harm,team,cohort,checks,"
                    "records_checked,child_seen,decision_point\n",
                    0) == 0);
  CHECK(std::count(table.begin(), table.end(), '\n') == 1 + 24);
  CHECK(table.find("t1,bedtime-battles,early_help,,0.10,Table 1,ninety-minutes,0,0,0,1\n") !=
        std::string::npos);
  const auto report = cli("report --decisions '" + csv + "' --scenarios scenarios");
  INFO(report.err);
  CHECK(report.status == 0);
  CHECK(report.err.find("warning") == std::string::npos);
  CHECK(report.out.find("ninety-minutes") != std::string::npos);
  // The HTML report shows the same kappa and conversion as `report` on the table.
  const auto json = nlohmann::json::parse(
      cli("report --decisions '" + csv + "' --scenarios scenarios --format json").out);
  const auto page = sim::test::readAll(html);
  const double kappa = json.at("agreement").at("fleiss_kappa").get<double>();
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", kappa);
  CHECK(page.find(std::string("Fleiss' kappa among the tables (agreement beyond chance, over the "
                              "decision points): ") +
                  text + ".") != std::string::npos);
  // Each response's share, as the conversion chart's table prints it ("37.5%").
  const auto wholeWorkshop = page.substr(page.find("<h2>The whole workshop</h2>"));
  for (const auto& [token, share] : json.at("conversion").items()) {
    INFO(token);
    std::snprintf(text, sizeof text, "<td>%.1f%%</td>", share.get<double>() * 100.0);
    CHECK(wholeWorkshop.find(text) != std::string::npos);
  }
  CHECK(page.find("24 final votes") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("http") == std::string::npos); // nothing external
  // One xAPI statement per vote, each with its own id, a pseudonymous actor and the round.
  const auto statements = nlohmann::json::parse(sim::test::readAll(xapi));
  REQUIRE(statements.size() == 48);
  std::set<std::string> ids;
  int revotes = 0;
  for (const auto& statement : statements) {
    ids.insert(statement.at("id").get<std::string>());
    const auto actor = statement.at("actor").at("account").at("name").get<std::string>();
    CHECK((actor.size() == 2 && actor[0] == 't'));
    CHECK(statement.at("verb").at("id") == "http://adlnet.gov/expapi/verbs/answered");
    revotes += statement.at("result").at("extensions").at("https://frontdoor.invalid/xapi/round") ==
                       "revote"
                   ? 1
                   : 0;
  }
  CHECK(ids.size() == 48);
  CHECK(revotes == 24);
}

TEST_CASE("workshop reports a bad script line at its line and column and records nothing") {
  test_support::TempFolder folder("cli-workshop-bad");
  const auto script = folder.file("bad.script");
  {
    std::ofstream out(script);
    out << "participant t1 \"Table 1\"\nact read_contact\nvote t1 s18\nnext please\n";
  }
  const auto db = folder.file("r.sqlite");
  const auto run =
      cli("workshop scenarios/bedtime-battles.toml --votes '" + script + "' --db '" + db + "'");
  CHECK(run.status == 1);
  CHECK(run.err == script +
                       ":3:9: error: expected a response level "
                       "(nfa|advice|early_help|s17|s47|immediate), found 's18'\n" +
                       script + ":4:6: error: 'next' takes nothing more\n");
  CHECK(run.out.empty());
  // A refused event stops the run at its line; what came before is recorded.
  {
    std::ofstream out(script);
    out << "participant t1 \"Table 1\"\nvote t1 s17\n";
  }
  const auto refused =
      cli("workshop scenarios/bedtime-battles.toml --votes '" + script + "' --db '" + db + "'");
  CHECK(refused.status == 1);
  CHECK(refused.err.find(script + ":2:1: error: No vote is open at this step.") !=
        std::string::npos);
  CHECK(refused.err.find("(unfinished)") != std::string::npos);
}
