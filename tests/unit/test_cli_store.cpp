// The real frontdoor-cli binary with a results database: `play --practitioner` records each
// attempt as it happens, `export` writes the decisions as a table `report` reads without a
// complaint, and `erase` removes one practitioner and says what it removed.
#include "tests/support/cli_runner.hpp"

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
using sim::test::cli;

namespace {

fs::path freshDatabase(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("frontdoor-cli-store-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir / "results.sqlite";
}

std::string playAndRecord(const std::string& id, const fs::path& db, const std::string& who) {
  return "play scenarios/" + id + ".toml --actions scenarios/actions/" + id + ".actions --db '" +
         db.string() + "' --practitioner " + who + " --team north";
}

// The export without its last column (the wall-clock start time).
std::vector<std::string> withoutStartTimes(const std::string& csv) {
  std::vector<std::string> out;
  std::istringstream lines(csv);
  std::string line;
  while (std::getline(lines, line)) {
    out.push_back(line.substr(0, line.rfind(',')));
  }
  return out;
}

} // namespace

TEST_CASE("played attempts are recorded and export as a decisions table") {
  const auto db = freshDatabase("export");
  for (const auto* id : {"advice-bedtime-battles", "s47-baby-bruise"}) {
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
            "p-042,advice-bedtime-battles,advice,2,0.03,0.15,north,,1,1,0,1,1,0/13:48,1,92.91,"
            "0.80",
            "p-042,s47-baby-bruise,s47,4,0.55,0.30,north,,7,1,0,2,1,0/16:40,1,95.91,0.70"});
  fs::remove_all(db.parent_path());
}

TEST_CASE("report reads an export without complaint") {
  const auto db = freshDatabase("report");
  REQUIRE(cli(playAndRecord("early-help-attendance", db, "p-7")).status == 0);
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
  REQUIRE(cli(playAndRecord("advice-bedtime-battles", db, "p-1")).status == 0);
  REQUIRE(cli(playAndRecord("advice-bedtime-battles", db, "p-2")).status == 0);
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
