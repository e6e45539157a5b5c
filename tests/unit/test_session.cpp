// The session behind the app, without any UI: profiles, attempts recorded as they happen,
// resuming after a crash, preferences, and problems shown as notices (never an exit).
#include "sim/session/preferences_file.hpp"
#include "sim/session/session.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>

using namespace sim;
using test_support::TempFolder;

namespace {

session::SessionOptions optionsIn(const TempFolder& folder) {
  session::SessionOptions o;
  o.scenarios = std::string(SIM_SOURCE_DIR) + "/scenarios";
  o.database = folder.file("results.sqlite");
  o.preferences = folder.file("preferences.txt");
  o.now = [] { return std::string("2026-11-26T09:00:00Z"); };
  return o;
}

void act(session::Session& s, engine::Action action) { s.apply(view::Act{std::move(action)}); }

// Options for a library folder holding one good case and broken.toml with `brokenText`.
session::SessionOptions withBrokenCase(const TempFolder& folder, const std::string& brokenText) {
  std::filesystem::copy_file(std::string(SIM_SOURCE_DIR) + "/scenarios/bedtime-battles.toml",
                             folder.path() / "good.toml");
  std::ofstream(folder.path() / "broken.toml") << brokenText;
  auto options = optionsIn(folder);
  options.scenarios = folder.path();
  return options;
}

} // namespace

TEST_CASE("preferences round-trip through the file format") {
  view::Preferences p;
  p.theme = view::Theme::HighContrast;
  p.scalePercent = 150;
  p.windowWidth = 1600;
  p.windowHeight = 900;
  p.lastProfile = "ab-17";
  p.cleanExit = false;
  p.openAttempt = 42;
  const auto read = session::parsePreferences(session::formatPreferences(p), "prefs");
  CHECK(read.diagnostics.empty());
  CHECK(read.preferences == p);
}

TEST_CASE("a damaged preferences file gives warnings with line numbers and the defaults") {
  const auto read = session::parsePreferences(
      "theme = purple\nscale_percent = 900\nsize 3\nlast_profile = cd-2\n", "p.txt");
  REQUIRE(read.diagnostics.size() == 3);
  CHECK(core::formatDiagnostic(read.diagnostics[0]) ==
        "p.txt:1:1: warning: 'theme' must be light, dark or high-contrast, found 'purple'; the "
        "default is used");
  CHECK(read.diagnostics[1].line == 2);
  CHECK(read.diagnostics[2].message.find("expected 'key = value'") == 0);
  CHECK(read.preferences.theme == view::Theme::Light);
  CHECK(read.preferences.scalePercent == 100);
  CHECK(read.preferences.lastProfile == "cd-2");
}

TEST_CASE("a new profile is saved and chosen and the library shows every bundled case as new") {
  TempFolder folder("session-profile");
  session::Session s(optionsIn(folder));
  CHECK(s.model().home.currentId.empty());
  s.apply(view::CreateProfile{"ab-17", "Alex B", "North"});
  CHECK(s.model().notices.empty());
  CHECK(s.model().home.currentId == "ab-17");
  REQUIRE(s.model().home.profiles.size() == 1);
  CHECK(s.model().home.profiles[0].displayName == "Alex B");
  REQUIRE(s.model().library.entries.size() >= 3);
  for (const auto& e : s.model().library.entries) {
    CHECK(e.loaded);
    CHECK(e.status == view::CaseStatus::New);
  }
}

TEST_CASE("a profile id that is not pseudonymous-looking is refused with what to do") {
  TempFolder folder("session-bad-id");
  session::Session s(optionsIn(folder));
  s.apply(view::CreateProfile{"Jane Smith's", "Jane", ""});
  CHECK(s.model().home.currentId.empty());
  REQUIRE(s.model().notices.size() == 1);
  CHECK(s.model().notices[0].whatToDo.find("pseudonymous") != std::string::npos);
}

TEST_CASE("every action is in the store as soon as it is applied and a decision scores") {
  TempFolder folder("session-record");
  session::Session s(optionsIn(folder));
  s.apply(view::CreateProfile{"ab-17", "Alex B", ""});
  s.apply(view::StartAttempt{"mark-on-the-cheek"});
  REQUIRE(s.attempt() != nullptr);
  CHECK(s.model().screen == view::Screen::Workspace);
  act(s, engine::ReadContact{});
  act(s, engine::CheckRecords{});
  const auto id = s.attemptId();
  CHECK(s.store()->events(id).value().size() == 2);
  CHECK(s.model().workspace.chronology.size() == 2);
  act(s,
      engine::Decide{core::ResponseLevel::S47, core::NeedLevel::Acute, core::Urgency::SameDay, {}});
  CHECK(s.model().screen == view::Screen::Debrief);
  REQUIRE(s.model().debrief.points.size() == 1);
  CHECK(s.model().debrief.finished);
  CHECK(s.store()->attempt(id).value()->status == core::AttemptStatus::Finished);
  const auto decisions = s.store()->decisionsOf(id).value();
  REQUIRE(decisions.size() == 1);
  CHECK(decisions[0].response == "s47");
  REQUIRE(decisions[0].score.has_value());
  // The library and progress now know about it.
  for (const auto& e : s.model().library.entries) {
    if (e.id == "mark-on-the-cheek") {
      CHECK(e.status == view::CaseStatus::Done);
      CHECK(e.bestScore == decisions[0].score);
    }
  }
  REQUIRE(s.model().progress.attempts.size() == 1);
  CHECK(s.model().progress.trend.size() == 1);
  REQUIRE(s.model().progress.summary.has_value());
  CHECK(s.model().progress.summary->decisions == 1);
}

TEST_CASE("a refused action changes nothing and says why") {
  TempFolder folder("session-refused");
  session::Session s(optionsIn(folder));
  s.apply(view::CreateProfile{"ab-17", "Alex B", ""});
  s.apply(view::StartAttempt{"bedtime-battles"});
  act(s, engine::ReadContact{});
  REQUIRE(s.model().workspace.refusal.empty());
  const auto before = s.attempt()->state();
  // Refused for being unknown, not for anything else (the contact has been read).
  act(s, engine::AskQuestion{"no-such-question"});
  CHECK(s.model().workspace.refusal.find("There is no question \"no-such-question\"") !=
        std::string::npos);
  CHECK(s.attempt()->state() == before);
  CHECK(s.store()->events(s.attemptId()).value().size() == 1); // the reading alone
}

TEST_CASE("after a crash the next start offers to resume the open attempt with its steps") {
  TempFolder folder("session-crash");
  std::int64_t id = 0;
  {
    session::Session s(optionsIn(folder));
    s.apply(view::CreateProfile{"ab-17", "Alex B", ""});
    s.apply(view::StartAttempt{"monday-absences"});
    act(s, engine::ReadContact{});
    act(s, engine::CheckRecords{});
    id = s.attemptId();
    // No close(): the process "crashes" here.
  }
  session::Session again(optionsIn(folder));
  REQUIRE(again.model().home.crashResume.has_value());
  CHECK(again.model().home.crashResume->attemptId == id);
  CHECK(again.model().home.crashResume->events == 2);
  again.apply(view::ResumeAttempt{id});
  REQUIRE(again.attempt() != nullptr);
  CHECK(again.attempt()->state().recordsChecked.has_value());
  CHECK(again.model().screen == view::Screen::Workspace);
  CHECK_FALSE(again.model().home.crashResume.has_value());
}

TEST_CASE("after a clean exit no resume is offered though the attempt stays unfinished") {
  TempFolder folder("session-clean");
  {
    session::Session s(optionsIn(folder));
    s.apply(view::CreateProfile{"ab-17", "Alex B", ""});
    s.apply(view::StartAttempt{"monday-absences"});
    act(s, engine::ReadContact{});
    s.close();
  }
  session::Session again(optionsIn(folder));
  CHECK_FALSE(again.model().home.crashResume.has_value());
  CHECK(again.model().home.currentId == "ab-17");
  REQUIRE(again.model().home.unfinished.size() == 1);
  CHECK(again.model().home.unfinished[0].resumable);
}

TEST_CASE("a database that cannot be opened is a notice and practice still works in memory") {
  TempFolder folder("session-bad-db");
  auto options = optionsIn(folder);
  {
    std::ofstream junk(folder.file("results.sqlite"));
    junk << "this is not a database, it is a text file that someone renamed\n";
  }
  session::Session s(options);
  REQUIRE_FALSE(s.model().notices.empty());
  CHECK(s.model().notices[0].kind == view::Notice::Kind::Error);
  CHECK(s.model().notices[0].title == "The results database could not be opened");
  CHECK_FALSE(s.model().notices[0].whatToDo.empty());
  s.apply(view::CreateProfile{"ab-17", "Alex B", ""});
  s.apply(view::StartAttempt{"bedtime-battles"});
  act(s, engine::ReadContact{});
  CHECK(s.attempt()->state().contactRead);
  CHECK(s.model().home.databasePath.find("not saved") != std::string::npos);
}

TEST_CASE("a scenario folder with a broken case lists it with its diagnostics and a notice") {
  TempFolder folder("session-broken-case");
  session::Session s(withBrokenCase(folder, "[meta]\nid = \"broken\"\ntitle = 3\n"));
  REQUIRE(s.model().library.entries.size() == 2);
  const auto& broken = s.model().library.entries[0];
  CHECK_FALSE(broken.loaded);
  CHECK(broken.errors > 0);
  REQUIRE_FALSE(broken.diagnostics.empty());
  CHECK(broken.diagnostics[0].find("broken.toml:") != std::string::npos);
  REQUIRE_FALSE(s.model().notices.empty());
  CHECK(s.model().notices[0].title == "1 case does not load");
}

TEST_CASE("theme and text size are kept in the preferences file within 100 to 200 percent") {
  TempFolder folder("session-prefs");
  {
    session::Session s(optionsIn(folder));
    s.apply(view::SetTheme{view::Theme::Dark});
    s.apply(view::SetScale{250});
    CHECK(s.model().preferences.scalePercent == 200);
    s.setWindowSize(1400, 900);
    s.close();
  }
  const auto read = session::readPreferences(folder.file("preferences.txt"));
  CHECK(read.preferences.theme == view::Theme::Dark);
  CHECK(read.preferences.scalePercent == 200);
  CHECK(read.preferences.windowWidth == 1400);
  CHECK(read.preferences.cleanExit);
}

TEST_CASE("cases in the user's own folder are listed after the bundled ones") {
  TempFolder folder("session-user-cases");
  std::filesystem::create_directories(folder.path() / "mine");
  auto text = [] {
    std::ifstream in(std::string(SIM_SOURCE_DIR) + "/scenarios/bedtime-battles.toml");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  const auto replace = [&](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  replace("id = \"bedtime-battles\"", "id = \"my-own-case\"");
  {
    std::ofstream out(folder.path() / "mine" / "my-own-case.toml");
    out << text;
  }
  auto options = optionsIn(folder);
  options.userScenarios = folder.path() / "mine";
  session::Session s(options);
  const auto& entries = s.model().library.entries;
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.back().id == "my-own-case");
  CHECK(entries.back().userAdded);
  CHECK_FALSE(entries.front().userAdded);
  s.apply(view::CreateProfile{"ab-17", "Alex B", ""});
  s.apply(view::StartAttempt{"my-own-case"});
  CHECK(s.attempt() != nullptr);
}

TEST_CASE("a step the store cannot save is undone and the notice says what to do") {
  TempFolder folder("session-write-fails");
  session::Session s(optionsIn(folder));
  s.apply(view::CreateProfile{"ab-17", "Alex B", ""});
  s.apply(view::StartAttempt{"monday-absences"});
  act(s, engine::ReadContact{});
  // Another writer takes the next event number first, so the session's own write of its
  // next step fails (as a full disk or a damaged file would make it fail).
  auto other = storage::ResultsStore::open(folder.file("results.sqlite"));
  REQUIRE(other);
  const int nextSeq = s.attempt()->log().events.back().seq + 1;
  REQUIRE(other.value()->appendEvent(s.attemptId(), nextSeq, "taken by another writer"));
  act(s, engine::CheckRecords{});
  REQUIRE_FALSE(s.model().notices.empty());
  const auto& notice = s.model().notices.back();
  CHECK(notice.title == "Your last step was not saved, so it was undone");
  CHECK(notice.whatToDo.find("Free some disk space") != std::string::npos);
  // What is on screen matches what is on disk: the step is not in the attempt.
  CHECK_FALSE(s.attempt()->state().recordsChecked.has_value());
  CHECK(s.attempt()->log().events.size() == 1);
  CHECK(s.model().workspace.chronology.size() == 1);
}

TEST_CASE("a decision the store cannot save leaves nothing half-saved and can be locked again") {
  TempFolder folder("session-decision-fails");
  session::Session s(optionsIn(folder));
  s.apply(view::CreateProfile{"ab-17", "Alex B", ""});
  s.apply(view::StartAttempt{"bedtime-battles"});
  act(s, engine::ReadContact{});
  const auto id = s.attemptId();
  // Another connection makes every new decision row fail, as a full disk would.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(folder.file("results.sqlite").c_str(), &raw) == SQLITE_OK);
  const auto exec = [&](const char* sql) {
    return sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
  };
  REQUIRE(exec("CREATE TRIGGER refuse BEFORE INSERT ON decisions "
               "BEGIN SELECT RAISE(ABORT, 'disk full'); END;"));
  const engine::Decide decide{
      core::ResponseLevel::Advice, core::NeedLevel::Universal, core::Urgency::Routine, {}};
  act(s, decide);
  REQUIRE_FALSE(s.model().notices.empty());
  CHECK(s.model().notices.back().title == "Your last step was not saved, so it was undone");
  CHECK(s.attempt()->state().decisions.empty());
  CHECK(s.store()->events(id).value().size() == 1); // the locking event is not there either
  CHECK(s.store()->attempt(id).value()->status == core::AttemptStatus::InProgress);
  // Once the problem is gone, the same decision locks and everything is saved together.
  REQUIRE(exec("DROP TRIGGER refuse"));
  sqlite3_close(raw);
  act(s, decide);
  CHECK(s.attempt()->state().decisions.size() == 1);
  CHECK(s.store()->events(id).value().size() == 2);
  CHECK(s.store()->decisionsOf(id).value().size() == 1);
  CHECK(s.store()->attempt(id).value()->status == core::AttemptStatus::Finished);
}

TEST_CASE("choosing another profile closes the previous practitioner's attempt") {
  TempFolder folder("session-switch");
  session::Session s(optionsIn(folder));
  s.apply(view::CreateProfile{"aa-1", "Alice", ""});
  s.apply(view::StartAttempt{"monday-absences"});
  const auto alices = s.attemptId();
  s.apply(view::CreateProfile{"bb-2", "Bob", ""});
  CHECK(s.attempt() == nullptr);
  CHECK(s.model().home.currentId == "bb-2");
  CHECK(s.model().screen == view::Screen::Home);
  act(s, engine::ReadContact{}); // nothing is open: refused, nothing recorded for Alice
  CHECK(s.store()->events(alices).value().empty());
  CHECK(s.model().preferences.openAttempt == 0);
}

TEST_CASE("the crash offer names only the open attempt of the same profile") {
  TempFolder folder("session-crash-profile");
  {
    session::Session s(optionsIn(folder));
    s.apply(view::CreateProfile{"aa-1", "Alice", ""});
    s.apply(view::StartAttempt{"monday-absences"});
    act(s, engine::ReadContact{});
  } // crash
  {
    session::Session s(optionsIn(folder));
    REQUIRE(s.model().home.crashResume.has_value());
    s.apply(view::CreateProfile{"bb-2", "Bob", ""});
    CHECK_FALSE(s.model().home.crashResume.has_value()); // not offered to Bob
  }
  // Another results database with the same preferences: attempt ids mean nothing there.
  auto other = optionsIn(folder);
  other.database = folder.file("other.sqlite");
  {
    session::Session s(other);
    s.apply(view::CreateProfile{"aa-1", "Alice", ""});
    s.apply(view::StartAttempt{"mark-on-the-cheek"});
    s.close();
  }
  {
    // The first database's attempt is open in the preferences again after a crash there.
    session::Session s(optionsIn(folder));
    s.apply(view::ResumeAttempt{1});
  } // crash
  session::Session s(other);
  CHECK_FALSE(s.model().home.crashResume.has_value());
}

TEST_CASE("creating a profile with an id that exists is refused and the profile is kept") {
  TempFolder folder("session-duplicate-profile");
  session::Session s(optionsIn(folder));
  s.apply(view::CreateProfile{"ab-17", "Alex B", "North"});
  s.apply(view::CreateProfile{"ab-17", "Someone else", ""});
  REQUIRE_FALSE(s.model().notices.empty());
  CHECK(s.model().notices.back().title == "That id is already a profile");
  const auto kept = s.store()->practitioner("ab-17").value();
  REQUIRE(kept.has_value());
  CHECK(kept->displayName == "Alex B");
  CHECK(kept->team == "North");
}

TEST_CASE("a user case with a bundled case's id is listed as not loading with why") {
  TempFolder folder("session-duplicate-case");
  std::filesystem::create_directories(folder.path() / "mine");
  std::filesystem::copy_file(std::string(SIM_SOURCE_DIR) + "/scenarios/bedtime-battles.toml",
                             folder.path() / "mine" / "copy.toml");
  auto options = optionsIn(folder);
  options.userScenarios = folder.path() / "mine";
  session::Session s(options);
  const auto& copy = s.model().library.entries.back();
  CHECK_FALSE(copy.loaded);
  REQUIRE_FALSE(copy.diagnostics.empty());
  CHECK(copy.diagnostics.back().find("is already used by") != std::string::npos);
  s.apply(view::CreateProfile{"ab-17", "Alex B", ""});
  s.apply(view::StartAttempt{"bedtime-battles"});
  REQUIRE(s.attempt() != nullptr);
  CHECK(s.attempt()->scenario().sourcePath.find("/scenarios/bedtime-battles.toml") !=
        std::string::npos);
}

TEST_CASE("window size and column widths are kept within what the preferences file accepts") {
  TempFolder folder("session-layout");
  {
    session::Session s(optionsIn(folder));
    s.setWindowSize(350, 250);
    s.apply(view::SetWorkspaceColumns{5, 40});
    s.close();
  }
  const auto read = session::readPreferences(folder.file("preferences.txt"));
  CHECK(read.diagnostics.empty());
  CHECK(read.preferences.windowWidth == 400);
  CHECK(read.preferences.windowHeight == 300);
  CHECK(read.preferences.contactColumnPercent == view::kMinColumnPercent);
  CHECK(read.preferences.chronologyColumnPercent == 40);
}

TEST_CASE("fixing a broken case and reloading removes the notice about it") {
  TempFolder folder("session-reload-notice");
  session::Session s(withBrokenCase(folder, "[scenario]\nid = 3\n"));
  REQUIRE(s.model().notices.size() == 1);
  std::filesystem::remove(folder.path() / "broken.toml");
  s.apply(view::ReloadLibrary{});
  CHECK(s.model().notices.empty());
}

TEST_CASE("a second app on the same config folder is told and changes neither's preferences") {
  TempFolder folder("session-two-apps");
  const auto prefs = folder.file("preferences.txt");
  session::Session first(optionsIn(folder));
  first.apply(view::CreateProfile{"ab-17", "Alex B", ""});
  first.apply(view::StartAttempt{"bedtime-battles"});
  first.apply(view::SetTheme{view::Theme::Dark});
  const auto written = session::readPreferences(prefs);
  REQUIRE(written.diagnostics.empty());
  REQUIRE(written.preferences.openAttempt == first.attemptId());
  {
    session::Session second(optionsIn(folder));
    CHECK(second.sharesConfig());
    CHECK_FALSE(first.sharesConfig());
    const auto& notices = second.model().notices;
    const bool told = std::any_of(notices.begin(), notices.end(), [](const view::Notice& n) {
      return n.title == "Frontdoor is already open in another window";
    });
    CHECK(told);
    // It reads the preferences but offers nothing of the first window's open attempt.
    CHECK(second.model().preferences.theme == view::Theme::Dark);
    CHECK_FALSE(second.model().home.crashResume.has_value());
    second.apply(view::SetTheme{view::Theme::HighContrast});
    second.apply(view::SetScale{150});
    second.setWindowSize(700, 500);
    second.close();
  }
  // The file is still the first window's, byte for byte the same values.
  const auto after = session::readPreferences(prefs);
  CHECK(after.diagnostics.empty());
  CHECK(after.preferences == written.preferences);
  first.apply(view::SetScale{120});
  first.close();
  const auto closed = session::readPreferences(prefs);
  CHECK(closed.diagnostics.empty());
  CHECK(closed.preferences.theme == view::Theme::Dark);
  CHECK(closed.preferences.scalePercent == 120);
  CHECK(closed.preferences.cleanExit);
}

TEST_CASE("the config folder is free again once the first app has gone") {
  TempFolder folder("session-lock-released");
  { session::Session first(optionsIn(folder)); }
  session::Session next(optionsIn(folder));
  CHECK_FALSE(next.sharesConfig());
  next.apply(view::SetTheme{view::Theme::Dark});
  CHECK(session::readPreferences(folder.file("preferences.txt")).preferences.theme ==
        view::Theme::Dark);
}
