// Keyboard use of the real views, as a practitioner who does not use a mouse: the case
// list, the estimate sliders (arrows step the value, Enter types an exact one) and the
// lock dialog, which can be left with Escape and opened again with Space.
#include "tests/support/temp_folder.hpp"
#include "tests/ui/ui_harness.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>

using test_support::TempFolder;
using namespace ui_test;
using namespace sim;

namespace {

const std::string kScenarios = std::string(SIM_SOURCE_DIR) + "/scenarios";

void openCase(ShellDriver& d) {
  REQUIRE(d.createProfile("ab-17", "Alex B"));
  REQUIRE(d.startCase("mark-on-the-cheek"));
  REQUIRE(d.click("Read the contact"));
  d.step();
}

} // namespace

TEST_CASE("the arrow keys choose a case in the case list") {
  TempFolder folder("ui-keys-library");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  d.press(50, true); // Ctrl+2: the case library
  REQUIRE(d.model().screen == view::Screen::Library);
  CHECK(d.ui().library.selected.empty());
  // Down from the search box reaches the first case; the case under the focus is chosen
  // and previewed, as in any list.
  REQUIRE(d.pressUntilFocused("Case##mark-on-the-cheek", kKeyDown));
  d.step();
  CHECK(d.ui().library.selected == "mark-on-the-cheek");
  CHECK(d.harness().has("Start this case##case-mark-on-the-cheek"));
  d.press(kKeyDown);
  d.step();
  CHECK(d.ui().library.selected != "mark-on-the-cheek");
  CHECK_FALSE(d.ui().library.selected.empty());
  d.press(kKeyUp);
  d.step();
  CHECK(d.ui().library.selected == "mark-on-the-cheek");
}

TEST_CASE("Left and Right change a focused estimate by its step and Enter takes a typed value") {
  TempFolder folder("ui-keys-slider");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCase(d);
  REQUIRE(d.click("Decision"));
  d.step();
  REQUIRE(d.pressUntilFocused("Harm##estimate", kKeyDown));
  const auto harm = [&d] { return d.session().attempt()->state().notes.pSignificantHarm; };
  CHECK_FALSE(harm().has_value());
  d.press(kKeyRight);
  CHECK(harm() == 55);                // from the middle, one step of 5
  CHECK(d.focused("Harm##estimate")); // the focus stayed on the slider
  d.press(kKeyLeft);
  d.press(kKeyLeft);
  CHECK(harm() == 45);
  CHECK(d.focused("Harm##estimate"));
  CHECK(d.harness().shows("Recorded: 45 %"));
  // Enter on the slider: type the exact value and Enter again.
  d.press(kKeyEnter);
  d.press(kKeyA, true);
  d.type("72");
  d.press(kKeyEnter);
  d.step();
  CHECK(harm() == 72);
  // The safety scale steps by one.
  REQUIRE(d.pressUntilFocused("Safety scale##safety", kKeyDown, 120));
  d.press(kKeyRight);
  CHECK(d.session().attempt()->state().notes.safetyScale == 6);
}

TEST_CASE("the Record button beside a slider stays where it is once the value is recorded") {
  TempFolder folder("ui-keys-record");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCase(d);
  REQUIRE(d.click("Decision"));
  d.step();
  REQUIRE(d.pressUntilFocused("Harm##estimate", kKeyDown));
  d.step();
  const auto* before = d.harness().items().find("Confidence##estimate");
  REQUIRE(before != nullptr);
  const float top = before->min.y;
  REQUIRE(d.click("Record##estimate-harm"));
  d.step();
  CHECK(d.session().attempt()->state().notes.pSignificantHarm == 50);
  CHECK(d.harness().has("Record##estimate-harm")); // still there, now disabled
  const auto* after = d.harness().items().find("Confidence##estimate");
  REQUIRE(after != nullptr);
  CHECK(after->min.y == top); // nothing under it moved
}

TEST_CASE("after Escape from the lock dialog Space on the lock button opens it again") {
  TempFolder folder("ui-keys-lock");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCase(d);
  REQUIRE(d.click("Decision"));
  d.step();
  REQUIRE(d.clickEndingWith("##response-s17"));
  REQUIRE(d.clickEndingWith("##need-3"));
  REQUIRE(d.clickEndingWith("##urgency-one_working_day"));
  d.step();
  // Opened with the mouse, left with Escape, then the keyboard alone.
  REQUIRE(d.click("Lock decision\xE2\x80\xA6"));
  d.step();
  REQUIRE(d.harness().shows("You cannot change it afterwards"));
  d.press(kKeyEscape);
  d.step();
  REQUIRE_FALSE(d.harness().shows("You cannot change it afterwards"));
  CHECK(d.focused("Lock decision\xE2\x80\xA6"));
  d.press(kKeySpace);
  d.step();
  CHECK(d.harness().shows("You cannot change it afterwards"));
  // Return opens it too; and Return there goes back (Go back has the focus), not locking.
  d.press(kKeyEscape);
  d.press(kKeyEnter);
  d.step();
  CHECK(d.harness().shows("You cannot change it afterwards"));
  d.press(kKeyEnter);
  d.step();
  CHECK_FALSE(d.harness().shows("You cannot change it afterwards"));
  CHECK(d.session().attempt()->state().phase == engine::Phase::Gathering);
}

TEST_CASE("a whole attempt with the keyboard alone") {
  TempFolder folder("ui-keys-attempt");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  d.step();
  // Home: the new-profile form. Down reaches the first field; Tab moves between fields.
  REQUIRE(d.pressUntilFocused("Id##new-profile", kKeyDown));
  INFO("focus: " << d.focusedLabel());
  d.press(kKeyEnter);
  d.type("kb-01");
  d.press(kKeyTab);
  d.type("Kim B");
  d.press(kKeyEnter);
  INFO("focus: " << d.focusedLabel());
  REQUIRE(d.pressUntilFocused("Create profile", kKeyDown));
  d.press(kKeySpace);
  d.step();
  REQUIRE(d.model().home.currentId == "kb-01");

  // The case library: Down into the list; Return starts the chosen case.
  d.press(50, true);
  REQUIRE(d.model().screen == view::Screen::Library);
  REQUIRE(d.pressUntilFocused("Case##mark-on-the-cheek", kKeyDown));
  d.step();
  d.press(kKeyEnter); // Return on the chosen case opens it
  d.step();
  REQUIRE(d.model().screen == view::Screen::Workspace);

  // Read the contact, ask the referrer a question, check the records.
  INFO("focus: " << d.focusedLabel());
  REQUIRE((d.pressUntilFocused("Read the contact", kKeyDown) ||
           d.pressUntilFocused("Read the contact", kKeyLeft, 10)));
  d.press(kKeyEnter);
  d.step();
  const auto& state = d.session().attempt()->state();
  REQUIRE(state.contactRead);
  // Right goes across the columns to the first question in the Enquiries tab.
  REQUIRE(d.pressUntilFocused("Ask##q-q-who-caring", kKeyRight, 10));
  d.press(kKeySpace);
  REQUIRE(d.pressUntilFocused("Check records", kKeyDown));
  d.press(kKeySpace);
  d.step();
  CHECK(state.asked[0].has_value());
  CHECK(state.recordsChecked.has_value());

  // The decision: the tab, then response, need and urgency by arrows and Space.
  REQUIRE(d.pressUntilFocused("Enquiries", kKeyUp, 80));
  REQUIRE(d.pressUntilFocused("Decision", kKeyRight, 5));
  d.press(kKeySpace);
  d.step();
  const std::string s47 = d.harness().labelEndingWith("##response-s47");
  REQUIRE(d.pressUntilFocused(s47, kKeyDown));
  d.press(kKeySpace);
  const std::string need = d.harness().labelEndingWith("##need-4");
  REQUIRE(d.pressUntilFocused(need, kKeyDown));
  d.press(kKeySpace);
  const std::string urgency = d.harness().labelEndingWith("##urgency-same_day");
  REQUIRE(
      (d.pressUntilFocused(urgency, kKeyRight, 5) || d.pressUntilFocused(urgency, kKeyDown, 10)));
  d.press(kKeySpace);
  // An estimate by arrows, a line of rationale typed, then the lock and its confirmation.
  REQUIRE(d.pressUntilFocused("Harm##estimate", kKeyDown));
  d.press(kKeyRight);
  REQUIRE(d.pressUntilFocused("##rationale-what_we_fear", kKeyDown, 200));
  d.press(kKeyEnter);
  d.type("Ava may be hurt again by an adult at home.");
  d.press(kKeyEscape);
  REQUIRE(d.pressUntilFocused("Change the choices##go-choices", kKeyDown, 20));
  REQUIRE(d.pressUntilFocused("Lock decision\xE2\x80\xA6", kKeyRight, 3));
  d.press(kKeyEnter);
  d.step();
  REQUIRE(d.harness().shows("You cannot change it afterwards"));
  REQUIRE(d.pressUntilFocused("Lock decision", kKeyLeft, 5));
  d.press(kKeySpace);
  d.step();
  REQUIRE(state.phase != engine::Phase::Gathering);
  const auto& record = state.decisions.back();
  CHECK(record.decision.response == core::ResponseLevel::S47);
  CHECK(record.decision.need == core::NeedLevel::Acute);
  CHECK(record.decision.urgency == core::Urgency::SameDay);
  CHECK(record.notes.pSignificantHarm == 55);
  CHECK(record.notes.rationale.at(1) == "Ava may be hurt again by an adult at home.");
  CHECK(d.model().screen == view::Screen::Debrief);
}
