// Three cases worked through the real views as a new social worker would: one by mouse,
// one by keyboard after the window was closed part-way and the attempt resumed, one by
// both. Long notes and rationale are typed into the wrapping boxes in each; every word
// typed is in the locked decision's record and in the results file afterwards.
#include "tests/support/temp_folder.hpp"
#include "tests/ui/ui_harness.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>

using test_support::TempFolder;
using namespace ui_test;
using namespace sim;

namespace {

const std::string kScenarios = std::string(SIM_SOURCE_DIR) + "/scenarios";

void typeInto(ShellDriver& d, const std::string& box, const std::string& text) {
  REQUIRE(d.click(box));
  d.type(text);
  d.step();
}

void lockByMouse(ShellDriver& d) {
  REQUIRE(d.click("Lock decision\xE2\x80\xA6"));
  d.step();
  REQUIRE(d.click("Lock decision"));
  d.step();
  REQUIRE(d.model().screen == view::Screen::Debrief);
}

// Every event line the results file holds for the attempt, joined.
std::string stored(const std::string& database, std::int64_t attempt) {
  auto store = storage::ResultsStore::open(database).value();
  const std::vector<std::string> lines = store->events(attempt).value();
  std::string out;
  for (const auto& line : lines) {
    out += line + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("three cases worked by mouse and keyboard keep every word that was typed") {
  TempFolder folder("ui-three-cases");
  const auto database = folder.file("r.sqlite");
  const auto preferences = folder.file("preferences.txt");

  // 1. Bedtime battles, by mouse.
  const std::string notes1 =
      "Dad rang himself: bedtimes take two hours and he shouts, then feels awful. No injuries "
      "described; Mia is three. He asked for parenting help, not for social care.";
  const std::string happened1 = "A father asking for help with bedtimes; nothing suggests harm.";
  const std::string next1 = "Advice on routines today; the family hub's parenting course.";
  std::int64_t first = 0;
  {
    ShellDriver d(kScenarios, database, preferences);
    REQUIRE(d.createProfile("nq-01", "Sam N"));
    REQUIRE(d.startCase("bedtime-battles"));
    first = d.session().attemptId();
    REQUIRE(d.click("Read the contact"));
    REQUIRE(d.click("Ask##q-q-safety"));
    REQUIRE(d.click("Notes"));
    d.step();
    typeInto(d, "##notes", notes1);
    REQUIRE(d.click("Decision"));
    d.step();
    REQUIRE(d.clickEndingWith("##response-advice"));
    REQUIRE(d.clickEndingWith("##need-2"));
    REQUIRE(d.clickEndingWith("##urgency-routine"));
    typeInto(d, "##rationale-what_happened", happened1);
    typeInto(d, "##rationale-next_steps", next1);
    lockByMouse(d);
    const auto& record = d.session().attempt()->state().decisions.back();
    CHECK(record.notes.notes == notes1);
    CHECK(record.notes.rationale.at(0) == happened1);
    CHECK(record.notes.rationale.at(4) == next1);
    d.closeWindow();
  }
  CHECK(stored(database, first).find(notes1) != std::string::npos);

  // 2. The third notification: notes and a rationale paragraph typed, the window closed
  // with the focus still in the box; reopened, resumed from Home, finished by keyboard.
  const std::string notes2 = "Third police notification in six months; Lily told school.";
  const std::string fear2 =
      "That Jodie is strangled again and does not survive it, and that Lily, who has already "
      "told school what she sees, goes on living with it.";
  std::int64_t second = 0;
  {
    ShellDriver d(kScenarios, database, preferences);
    REQUIRE(d.startCase("third-notification"));
    second = d.session().attemptId();
    REQUIRE(d.click("Read the contact"));
    REQUIRE(d.click("Check records"));
    REQUIRE(d.click("Notes"));
    d.step();
    typeInto(d, "##notes", notes2);
    REQUIRE(d.click("Decision"));
    d.step();
    REQUIRE(d.click("##rationale-what_we_fear"));
    d.type(fear2);
    d.closeWindow(); // the focus is still in the box
  }
  {
    ShellDriver d(kScenarios, database, preferences);
    d.step();
    REQUIRE(d.click("Resume##attempt-" + std::to_string(second)));
    d.step();
    REQUIRE(d.model().screen == view::Screen::Workspace);
    const auto& notes = d.session().attempt()->state().notes;
    CHECK(notes.notes == notes2);
    CHECK(notes.rationale.at(1) == fear2);
    // By keyboard from here: the Decision tab, the response, need and urgency, the lock.
    REQUIRE(d.pressUntilFocused("Decision", kKeyDown, 10));
    d.press(kKeySpace);
    d.step();
    CHECK(d.ui().workspace.decision.rationale.at(1) == fear2); // the box shows it again
    for (const char* suffix : {"##response-s47", "##need-4", "##urgency-same_day"}) {
      const std::string label = d.harness().labelEndingWith(suffix);
      REQUIRE((d.pressUntilFocused(label, kKeyDown) || d.pressUntilFocused(label, kKeyRight, 5)));
      d.press(kKeySpace);
    }
    REQUIRE(d.pressUntilFocused("Change the choices##go-choices", kKeyDown, 200));
    REQUIRE(d.pressUntilFocused("Lock decision\xE2\x80\xA6", kKeyRight, 3));
    d.press(kKeyEnter);
    d.step();
    REQUIRE(d.pressUntilFocused("Lock decision", kKeyLeft, 5));
    d.press(kKeyEnter);
    d.step();
    REQUIRE(d.model().screen == view::Screen::Debrief);
    const auto& record = d.session().attempt()->state().decisions.back();
    CHECK(record.decision.response == core::ResponseLevel::S47);
    CHECK(record.notes.notes == notes2);
    CHECK(record.notes.rationale.at(1) == fear2);
    d.closeWindow();
  }

  // 3. A mark on the cheek, by both: the mouse for the enquiries, the keyboard to write,
  // including a Backspace across a wrapped line and the box's own undo.
  const std::string happened3 =
      "The health visitor saw a bruise on the cheek of a four-month-old who cannot roll; the "
      "explanations changed during the visit and nobody has seen the mother's new partner.";
  {
    ShellDriver d(kScenarios, database, preferences);
    REQUIRE(d.startCase("mark-on-the-cheek"));
    const auto third = d.session().attemptId();
    REQUIRE(d.click("Read the contact"));
    REQUIRE(d.click("Ask##q-q-who-caring"));
    REQUIRE(d.click("Decision"));
    d.step();
    REQUIRE(d.click("##rationale-what_happened"));
    d.type(happened3 + " A ");
    d.type("mistake");
    d.press(kKeyZ, true); // undoes the last word typed
    d.step();
    CHECK(d.ui().workspace.decision.rationale.at(0) == happened3 + " A ");
    for (int i = 0; i < 3; ++i) {
      d.press(kKeyBackspace);
    }
    CHECK(d.ui().workspace.decision.rationale.at(0) == happened3);
    REQUIRE(d.clickEndingWith("##response-s47"));
    REQUIRE(d.clickEndingWith("##need-4"));
    REQUIRE(d.clickEndingWith("##urgency-same_day"));
    lockByMouse(d);
    CHECK(d.session().attempt()->state().decisions.back().notes.rationale.at(0) == happened3);
    d.closeWindow();
    CHECK(stored(database, third).find("rationale what_happened") != std::string::npos);
  }
}

TEST_CASE("the next case's debrief opens at its top, wherever the last one was left") {
  TempFolder folder("ui-debrief-top");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  REQUIRE(d.createProfile("nq-02", "Ari N"));
  const auto decideQuickly = [&d](const std::string& id) {
    REQUIRE(d.startCase(id));
    REQUIRE(d.click("Read the contact"));
    REQUIRE(d.click("Decision"));
    d.step();
    REQUIRE(d.clickEndingWith("##response-s17"));
    REQUIRE(d.clickEndingWith("##need-3"));
    REQUIRE(d.clickEndingWith("##urgency-one_working_day"));
    lockByMouse(d);
    d.step();
  };
  decideQuickly("bedtime-battles");
  REQUIRE(d.harness().shows("/ 100"));
  // Read far down the first debrief.
  for (int i = 0; i < 10; ++i) {
    d.wheel(ImVec2(400.0f, 500.0f), -20.0f);
  }
  const ImVec2 page(400.0f, 500.0f);
  REQUIRE(d.scrollUnder(page) > 1000.0f);
  decideQuickly("monday-absences");
  CHECK(d.scrollUnder(page) == 0.0f); // the verdict, at the top of the page
}
