// The real frontdoor-cli binary: `report` over decision tables, with and without the
// bundled scenarios' panels, in every format, with bad rows and --strict.
#include "tests/support/cli_runner.hpp"
#include "tests/support/temp_folder.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using sim::test::cli;
using sim::test::readAll;

namespace {

fs::path scratch(const std::string& name, const std::string& text) {
  const auto path = test_support::uniqueTempFolder("report-" + name) / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

const std::string kTable = "trainee,scenario,decision,p_harm,team\n"
                           "t1,bedtime-battles,advice,0.05,north\n"
                           "t2,bedtime-battles,advice,0.10,north\n"
                           "t3,bedtime-battles,s17,0.40,south\n"
                           "t1,mark-on-the-cheek,s47,0.60,north\n"
                           "t2,mark-on-the-cheek,s17,0.30,north\n"
                           "t3,mark-on-the-cheek,s47,0.70,south\n";

} // namespace

TEST_CASE("report JSON has the documented agreement and conversion keys") {
  const auto file = scratch("table.csv", kTable);
  const auto run = cli("report --decisions '" + file.string() + "' --format json");
  CHECK(run.status == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["decisions"] == 6);
  CHECK(json["agreement"]["fleiss_kappa"].is_number());
  for (const auto* token : {"nfa", "advice", "early_help", "s17", "s47", "immediate"}) {
    INFO(token);
    CHECK(json["conversion"][token].is_number());
  }
  CHECK(json["conversion"]["advice"].get<double>() == Approx(2.0 / 6).margin(1e-4));
  CHECK(json["vs_panel"].is_null()); // no --scenarios
  CHECK(json["cases"].size() == 2);
  CHECK(json["teams"].size() == 2);
  fs::remove(file);
}

TEST_CASE("report with scenarios compares with the panels") {
  const auto file = scratch("panels.csv", kTable);
  const auto run =
      cli("report --decisions '" + file.string() + "' --scenarios scenarios --format json");
  CHECK(run.status == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["with_panels"] == true);
  CHECK(json["vs_panel"]["within"] == 4);
  CHECK(json["vs_panel"]["under"] == 1);
  CHECK(json["vs_panel"]["over"] == 1);
  CHECK(json["cases"][0]["consensus"] == "advice");
  fs::remove(file);
}

TEST_CASE("bad rows are reported by line and skipped unless strict") {
  const auto file = scratch("bad.csv", kTable + "t4,mark-on-the-cheek,s48\n");
  const auto run = cli("report --decisions '" + file.string() + "' --format json");
  CHECK(run.status == 0);
  CHECK(run.err.find(file.string() + ":8:") == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["decisions"] == 6);
  CHECK(json["bad_rows"] == 1);
  const auto strict = cli("report --decisions '" + file.string() + "' --strict");
  CHECK(strict.status == 1);
  CHECK(strict.out.empty());
  fs::remove(file);
}

TEST_CASE("report writes text and CSV and HTML and to a file") {
  const auto file = scratch("formats.csv", kTable);
  const auto text = cli("report --decisions '" + file.string() + "'");
  CHECK(text.status == 0);
  CHECK(text.out.rfind("Decisions: 6; practitioners: 3; cases: 2\n", 0) == 0);
  const auto csv = cli("report --decisions '" + file.string() + "' --format csv");
  CHECK(csv.out.rfind("trainee,team,cohort,decisions,share_nfa,", 0) == 0);
  const test_support::TempFolder folder("report-html");
  const auto out = folder.path() / "report.html";
  const auto html = cli("report --decisions '" + file.string() +
                        "' --scenarios scenarios --format html --out '" + out.string() + "'");
  CHECK(html.status == 0);
  CHECK(html.out.empty());
  const auto page = readAll(out);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("<td>t3</td>") != std::string::npos);
  fs::remove(out);
  fs::remove(file);
}

TEST_CASE("report refuses a missing file and an unusable header and bad usage") {
  CHECK(cli("report --decisions no/such.csv").status == 1);
  const auto header = scratch("header.csv", "name,case\nx,y\n");
  const auto run = cli("report --decisions '" + header.string() + "'");
  CHECK(run.status == 1);
  CHECK(run.err.find(header.string() + ":1:") == 0);
  CHECK(cli("report").status == 2);
  CHECK(cli("report --decisions x.csv --format pdf").status == 2);
  fs::remove(header);
}

TEST_CASE("report --out never destroys its input and writes whole or not at all") {
  const auto file = scratch("input.csv", kTable);
  const auto same = cli("report --decisions '" + file.string() + "' --out '" + file.string() + "'");
  CHECK(same.status == 1);
  CHECK(same.err.find("this is the decisions table being read") != std::string::npos);
  CHECK(readAll(file) == kTable);
  // Into a folder that cannot be written: the old report stays as it was.
  const test_support::TempFolder folder("report-locked");
  const auto out = folder.path() / "report.txt";
  std::ofstream(out) << "the old report\n";
  fs::permissions(folder.path(), fs::perms::owner_read | fs::perms::owner_exec);
  const auto locked =
      cli("report --decisions '" + file.string() + "' --out '" + out.string() + "'");
  fs::permissions(folder.path(), fs::perms::owner_all);
  if (::geteuid() != 0) { // root writes anywhere; the refusal is then not reachable this way
    CHECK(locked.status == 1);
    CHECK(readAll(out) == "the old report\n");
  }
  // A disk that fills part-way (a 1 KiB file size limit, SIGXFSZ ignored so the write
  // fails with EFBIG as on a full disk): the old report stays whole.
  const auto full = folder.path() / "full.html";
  std::ofstream(full) << "the old report\n";
  // cli() runs "CLI ARGS": a harmless first command, then the limited one in the same shell.
  const auto cut = cli("--version >/dev/null; trap '' XFSZ; ulimit -f 1; exec '" +
                       std::string(SIM_CLI) + "' report --decisions '" + file.string() +
                       "' --scenarios scenarios --format html --out '" + full.string() + "'");
  CHECK(cut.status == 1);
  CHECK(cut.err.find("it was left as it was") != std::string::npos);
  CHECK(readAll(full) == "the old report\n");
  // A device is written into, never replaced.
  const auto toNull = cli("report --decisions '" + file.string() + "' --out /dev/null");
  CHECK(toNull.status == 0);
  CHECK(fs::is_character_file("/dev/null"));
  fs::remove(file);
}
