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
  REQUIRE(d.click("nav:Cases"));
  d.step();
  REQUIRE(d.click("Case##mark-on-the-cheek"));
  d.step();
  REQUIRE(d.click("Start this case##case-mark-on-the-cheek"));
  d.step();
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
