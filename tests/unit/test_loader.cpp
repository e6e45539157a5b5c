// Loading real scenario files: the bundled library loads clean and typed; size limits and
// unreadable files give diagnostics, never exceptions; a prompt naming the time is a warning.
#include "sim/core/diagnostic.hpp"
#include "sim/scenario/clock_words.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/relative_time.hpp"
#include "sim/scenario/scenario_files.hpp"
#include "sim/scenario/schema.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace sim;

namespace {
const fs::path kScenarios = fs::path(SIM_SOURCE_DIR) / "scenarios";

std::string allDiagnostics(const scenario::LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) {
    out += core::formatDiagnostic(d) + "\n";
  }
  return out;
}

fs::path tempDir(const std::string& name) {
  return test_support::uniqueTempFolder("loader-" + name);
}
} // namespace

TEST_CASE("every bundled scenario loads with no errors and no warnings") {
  const auto list = scenario::collectScenarioFiles({kScenarios});
  REQUIRE(list.problems.empty());
  REQUIRE(list.files.size() >= 3);
  for (const auto& file : list.files) {
    const auto result = scenario::loadScenarioFile(file);
    INFO(allDiagnostics(result));
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
  }
}

TEST_CASE("the bundled library spans advice and early help and s47 consensus") {
  std::set<core::ResponseLevel> consensus;
  for (const auto& file : scenario::collectScenarioFiles({kScenarios}).files) {
    const auto result = scenario::loadScenarioFile(file);
    REQUIRE(result.ok());
    for (const auto& panel : result.scenario->panels) {
      consensus.insert(panel.consensus);
    }
  }
  CHECK(consensus.count(core::ResponseLevel::Advice) == 1);
  CHECK(consensus.count(core::ResponseLevel::EarlyHelp) == 1);
  CHECK(consensus.count(core::ResponseLevel::S47) == 1);
}

TEST_CASE("the annotated example loads into the typed model") {
  const auto result = scenario::loadScenarioFile(kScenarios / "bedtime-battles.toml");
  REQUIRE(result.ok());
  const auto& s = *result.scenario;
  CHECK(s.meta.id == "bedtime-battles");
  CHECK(s.meta.difficulty == core::Difficulty::Introductory);
  CHECK(s.clock.startDay == core::Weekday::Tuesday);
  CHECK(s.clock.startMinute == 10 * 60 + 40);
  CHECK(s.contact.channel == core::Channel::Phone);
  CHECK(s.contact.sourceCode == "1A");
  REQUIRE(s.children.size() == 2);
  CHECK(s.children[0].ageMonths == 88);
  CHECK(s.children[1].unbornWeeks == 22);
  CHECK_FALSE(s.children[1].ageMonths.has_value());
  CHECK(s.adults[1].inHousehold == false);
  const auto* school = s.findCheck("chk-school");
  REQUIRE(school != nullptr);
  CHECK(school->consent == core::ConsentRule::Needed);
  CHECK(school->reply.latencyMinutes == 150);
  REQUIRE(school->replyWithoutConsent.has_value());
  CHECK(school->replyWithoutConsent->completeness == core::Completeness::Partial);
  const auto* panel = s.panelFor("dp1");
  REQUIRE(panel != nullptr);
  CHECK(panel->consensus == core::ResponseLevel::Advice);
  CHECK(panel->bandMin == core::ResponseLevel::Advice);
  CHECK(panel->bandMax == core::ResponseLevel::EarlyHelp);
  CHECK(panel->panellists.size() == 5);
  CHECK(panel->needLevel == core::NeedLevel::Additional);
  CHECK(s.outcome.followupDays == 365);
  CHECK_FALSE(s.outcome.rereferredWithin12Months());
  CHECK(s.contentHash.rfind("blake2b-256:", 0) == 0);
  CHECK(s.contentHash.size() == 12 + 64);
}

TEST_CASE("a file over the size limit is refused without being read") {
  const auto dir = tempDir("oversize");
  const auto path = dir / "huge.toml";
  { std::ofstream(path) << "format = 1\n"; }
  // A sparse 8 GiB file: reading it into memory would exhaust the test's memory.
  fs::resize_file(path, 8ULL * 1024 * 1024 * 1024);
  const auto result = scenario::loadScenarioFile(path);
  CHECK_FALSE(result.ok());
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message.find("larger than the 1048576-byte limit") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a file exactly at the size limit is read") {
  const auto dir = tempDir("atlimit");
  const auto path = dir / "padded.toml";
  std::string text = "format = 1\n#";
  text.resize(scenario::kMaxScenarioBytes - 1, 'x');
  text += '\n';
  { std::ofstream(path, std::ios::binary) << text; }
  const auto result = scenario::loadScenarioFile(path);
  CHECK_FALSE(result.ok()); // schema errors, but it was parsed
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK(result.diagnostics[0].message.find("limit") == std::string::npos);
  CHECK(result.diagnostics[0].message.find("missing required key") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a missing file and a folder given as a file produce diagnostics") {
  const auto missing = scenario::loadScenarioFile(kScenarios / "no-such-case.toml");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].message.find("cannot read the file") != std::string::npos);
  const auto folder = scenario::loadScenarioFile(kScenarios);
  CHECK_FALSE(folder.ok());
  CHECK(folder.diagnostics.size() == 1);
}

TEST_CASE("diagnostics come in file order with every problem reported at once") {
  const std::string text = R"(format = 1
[scenario]
id = "Bad Id"
version = 0
)";
  const auto result = scenario::loadScenarioText(text, "inline.toml");
  CHECK_FALSE(result.ok());
  REQUIRE(result.diagnostics.size() > 5);
  for (std::size_t i = 1; i < result.diagnostics.size(); ++i) {
    CHECK(result.diagnostics[i - 1].line <= result.diagnostics[i].line);
  }
  CHECK(result.diagnostics[0].file == "inline.toml");
}

TEST_CASE("collecting files recurses into folders in sorted order and reports missing paths") {
  const auto dir = tempDir("collect");
  fs::create_directories(dir / "b" / "deep");
  for (const auto* name : {"b/deep/z.toml", "a.toml", "b/m.toml", "notes.md"}) {
    std::ofstream(dir / name) << "";
  }
  const auto list = scenario::collectScenarioFiles({dir, dir / "nope"});
  REQUIRE(list.files.size() == 3);
  CHECK(list.files[0].filename() == "a.toml");
  CHECK(list.files[1].filename() == "z.toml");
  CHECK(list.files[2].filename() == "m.toml");
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].find("no such file or folder") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a prompt that names a day or time of day is a warning at the prompt") {
  std::ifstream in(fs::path(SIM_SOURCE_DIR) / "tests/data/minimal_valid.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "prompt = \"Decide what happens next for Mia.\"";
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(),
               "prompt = \"Decide what happens next for Mia. It is Monday morning.\"");
  const auto result = scenario::loadScenarioText(text, "clock.toml");
  CHECK(result.ok()); // a warning, not an error
  REQUIRE(result.diagnostics.size() == 1);
  const auto& d = result.diagnostics.front();
  CHECK(d.line == 118);
  CHECK(d.column == 10);
  CHECK(allDiagnostics(result) ==
        "clock.toml:118:10: warning: 'decision_points[1].prompt' names a day or time of day "
        "(\"Monday\"), but the practitioner may read it at any time and the status strip shows "
        "the clock; say what matters without it (for example 'housing closes at 17:00')\n");
}

TEST_CASE("clock words are whole words in any case, and only those") {
  CHECK(scenario::clockWordIn("It is monday.") == "monday");
  CHECK(scenario::clockWordIn("Tonight, not later") == "Tonight");
  CHECK(scenario::clockWordIn("this AFTERNOON") == "AFTERNOON");
  CHECK_FALSE(scenario::clockWordIn("Mondays-ish and Sundayschool").has_value());
  CHECK_FALSE(
      scenario::clockWordIn("School finishes at 15:15; housing close at five.").has_value());
  CHECK_FALSE(scenario::clockWordIn("").has_value());
}

TEST_CASE("a fact whose 'ago' disagrees with the date of its records entry is a warning") {
  std::ifstream in(fs::path(SIM_SOURCE_DIR) / "tests/data/minimal_valid.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string fact = "text = \"Nursery describe Mia as happy and settled.\"";
  const std::string records = "empty_text = \"No previous contacts for Mia or Tom.\"\nreveals = []";
  REQUIRE(text.find(fact) != std::string::npos);
  REQUIRE(text.find(records) != std::string::npos);
  text.replace(text.find(fact), fact.size(),
               "text = \"Six months ago nursery described Mia as happy and settled.\"");
  const auto withEntry = [&text, &records](int day) {
    std::string out = text;
    out.replace(out.find(records), records.size(),
                records + "\n\n[[records.entries]]\nday = " + std::to_string(day) +
                    "\nkind = \"note\"\nsummary = \"Nursery: Mia happy and settled.\"\n"
                    "reveals = [\"f-nursery-fine\"]");
    return out;
  };
  // 150 days is five months, not six: a warning at the fact.
  const auto wrong = scenario::loadScenarioText(withEntry(-150), "ago.toml");
  CHECK(wrong.ok());
  REQUIRE(wrong.diagnostics.size() == 1);
  CHECK(wrong.diagnostics.front().message ==
        "fact \"f-nursery-fine\" says \"Six months ago\" (about 183 days before the contact), "
        "but the records entry it comes from is dated day -150; a practitioner reads both, so "
        "make the fact's words and the entry's 'day' agree");
  // 181 days is six months (within half a month): no warning.
  const auto right = scenario::loadScenarioText(withEntry(-181), "ago.toml");
  CHECK(right.ok());
  CHECK(right.diagnostics.empty());
}

TEST_CASE("relative times are read in words and digits and agree within half a unit") {
  const auto six = scenario::relativeTimeIn("Six months ago police notified an argument.");
  REQUIRE(six.has_value());
  CHECK(six->phrase == "Six months ago");
  CHECK(six->days == 183);
  CHECK(scenario::agrees(*six, -181));
  CHECK_FALSE(scenario::agrees(*six, -150));
  const auto eleven = scenario::relativeTimeIn("an incident eleven weeks ago in which");
  REQUIRE(eleven.has_value());
  CHECK(eleven->days == 77);
  CHECK(scenario::agrees(*eleven, -79));
  CHECK_FALSE(scenario::agrees(*eleven, -60));
  CHECK(scenario::relativeTimeIn("seen 3 days ago")->days == 3);
  CHECK(scenario::relativeTimeIn("twenty-one days ago")->days == 21);
  CHECK(scenario::relativeTimeIn("a year ago")->days == 365);
  CHECK(scenario::relativeTimeIn("last week, at school")->phrase == "last week");
  CHECK(scenario::relativeTimeIn("Yesterday she rang")->days == 1);
  CHECK_FALSE(scenario::relativeTimeIn("three incidents in six months").has_value());
  CHECK_FALSE(scenario::relativeTimeIn("last weeks of term").has_value());
  CHECK_FALSE(scenario::relativeTimeIn("").has_value());
}

TEST_CASE("consent answers name an adult, once per check and decision point") {
  std::ifstream in(std::filesystem::path(SIM_SOURCE_DIR) /
                   "tests/data/engine/consent_conversation.toml");
  std::ostringstream text;
  text << in.rdbuf();
  const auto base = text.str();
  const auto load = [](const std::string& variant) {
    std::vector<std::string> out;
    for (const auto& d : scenario::loadScenarioText(variant, "c.toml").diagnostics) {
      out.push_back(d.message);
    }
    return out;
  };
  REQUIRE(load(base).empty());
  auto child = base;
  child.replace(child.find("who = \"carl\""), 12, "who = \"leo\"");
  CHECK(load(child) == std::vector<std::string>{
                           "'consent[2].who' refers to \"leo\", which is a child, not an adult"});
  auto twice = base;
  twice.replace(twice.find("who = \"carl\""), 12, "who = \"gemma\"");
  const auto messages = load(twice);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].find("'consent[2]' is a second answer from \"gemma\" about check") == 0);
}
