// The multi-line boxes a practitioner writes in (notes, rationale, a consent override's
// reason), through the real views: what is typed wraps at the box's width, is saved as it
// is typed (after a pause, not only when the box is left), keeps ImGui's keys (select all,
// delete) and has its own undo; nothing moves under the cursor while a person writes.
#include "sim/ui/wrapped_text_box.hpp"
#include "tests/support/temp_folder.hpp"
#include "tests/ui/ui_harness.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

using test_support::TempFolder;
using namespace ui_test;
using namespace sim;

namespace {

const std::string kScenarios = std::string(SIM_SOURCE_DIR) + "/scenarios";

const std::string kParagraph =
    "Ava is two. Her mother says the mark on her cheek came from a fall at nursery, but the "
    "nursery saw no fall and the health visitor noted a similar mark in the spring. Nobody "
    "has yet asked Ava's father what happened, and the family has not been seen together.";

// Profile, case, contact read, and the tab `tab` open.
void openCaseAt(ShellDriver& d, const char* tab) {
  REQUIRE(d.createProfile("ab-17", "Alex B"));
  REQUIRE(d.startCase("mark-on-the-cheek"));
  REQUIRE(d.click("Read the contact"));
  d.step();
  REQUIRE(d.click(tab));
  d.step();
}

// Frames of the harness's fixed time step that make `seconds`.
void wait(ShellDriver& d, double seconds) {
  for (int i = 0; i < static_cast<int>(seconds * 60.0) + 2; ++i) {
    d.step();
  }
}

float widestLine(std::string_view display) {
  float widest = 0.0f;
  std::size_t start = 0;
  while (start <= display.size()) {
    const std::size_t end = std::min(display.find('\n', start), display.size());
    const std::string line = sim::ui::withoutSoftBreaks(display.substr(start, end - start));
    widest = std::max(widest, ImGui::CalcTextSize(line.c_str()).x);
    start = end + 1;
  }
  return widest;
}

bool activeIs(ShellDriver& d, const char* label) {
  const auto* item = d.harness().items().find(label);
  return item != nullptr && ImGui::GetActiveID() == item->id;
}

} // namespace

TEST_CASE("a paragraph typed in a rationale box wraps at the box and is saved as typed") {
  TempFolder folder("ui-wrap");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCaseAt(d, "Decision");
  const char* box = "##rationale-what_happened";
  REQUIRE(d.click(box));
  d.type(kParagraph);
  d.step();
  const auto& form = d.ui().workspace.decision;
  // The draft is the paragraph as typed: no break the box made for display is in it.
  CHECK(form.rationale.at(0) == kParagraph);
  const auto& display = form.rationaleBoxes.at(0).display;
  CHECK(display.find("\r\n") != std::string::npos); // it wraps
  const auto* item = d.harness().items().find(box);
  REQUIRE(item != nullptr);
  CHECK(widestLine(display) < item->max.x - item->min.x); // no line runs past the box
  // Still in the box, the paragraph is saved once the typing pauses.
  CHECK(d.session().attempt()->state().notes.rationale.at(0).empty());
  wait(d, sim::ui::kSaveAfterPause);
  REQUIRE(activeIs(d, box));
  CHECK(d.session().attempt()->state().notes.rationale.at(0) == kParagraph);
  const auto lines = d.session().store()->events(d.session().attemptId()).value();
  CHECK(lines.back().find("rationale what_happened \"Ava is two.") != std::string::npos);
}

TEST_CASE("notes are saved while the practitioner is still typing in them") {
  TempFolder folder("ui-notes-pause");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCaseAt(d, "Notes");
  REQUIRE(d.click("##notes"));
  const float top = d.harness().items().find("##notes")->min.y;
  d.type("Ring the HV back at 4.");
  d.step();
  CHECK(d.session().attempt()->state().notes.notes.empty()); // not after every keystroke
  wait(d, sim::ui::kSaveAfterPause);
  CHECK(activeIs(d, "##notes"));
  // The first save makes Undo available; the box the practitioner types in stays put.
  CHECK(d.harness().items().find("Undo##undo")->enabled);
  CHECK(d.harness().items().find("##notes")->min.y == top);
  CHECK(d.session().attempt()->state().notes.notes == "Ring the HV back at 4.");
  // More typing is saved after the next pause, as one more notes event.
  d.type(" Then the GP.");
  wait(d, sim::ui::kSaveAfterPause);
  CHECK(d.session().attempt()->state().notes.notes == "Ring the HV back at 4. Then the GP.");
}

TEST_CASE("Ctrl+A selects everything in a box and Backspace then clears it") {
  TempFolder folder("ui-select-all");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCaseAt(d, "Decision");
  REQUIRE(d.click("##rationale-what_we_fear"));
  d.type(kParagraph);
  d.step();
  REQUIRE(d.ui().workspace.decision.rationale.at(1) == kParagraph);
  d.press(kKeyA, true);
  d.press(kKeyBackspace);
  CHECK(d.ui().workspace.decision.rationale.at(1).empty());
  // The box's own undo brings the paragraph back, and redo takes it away again.
  d.press(kKeyZ, true);
  CHECK(d.ui().workspace.decision.rationale.at(1) == kParagraph);
  d.press(kKeyZ, true, true);
  CHECK(d.ui().workspace.decision.rationale.at(1).empty());
}

TEST_CASE("Backspace at the start of a wrapped line deletes the character before the break") {
  TempFolder folder("ui-wrap-backspace");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCaseAt(d, "Decision");
  REQUIRE(d.click("##rationale-what_happened"));
  d.type(kParagraph);
  d.step();
  const auto& box = d.ui().workspace.decision.rationaleBoxes.at(0);
  const std::size_t soft = box.display.find("\r\n");
  REQUIRE(soft != std::string::npos);
  // The cursor to the start of the second line: Home on the last line, then Up until the
  // first, then Down once.
  for (int i = 0; i < 20; ++i) {
    d.press(kKeyUp);
  }
  d.press(kKeyHome);
  d.press(kKeyDown);
  CHECK(box.cursor == static_cast<int>(soft) + 2);
  d.press(kKeyBackspace);
  // The space before the break went, as in any word processor; the text is otherwise whole.
  std::string expected = kParagraph;
  expected.erase(soft - 1, 1);
  CHECK(d.ui().workspace.decision.rationale.at(0) == expected);
  CHECK(sim::ui::withoutSoftBreaks(box.display) == expected);
}

TEST_CASE("typing in one rationale box never moves the next box from under the pointer") {
  TempFolder folder("ui-no-readback");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCaseAt(d, "Decision");
  REQUIRE(d.click("##rationale-what_happened")); // scrolls the rationale into view
  d.step();
  const auto* next = d.harness().items().find("##rationale-what_we_fear");
  REQUIRE(next != nullptr);
  REQUIRE(next->visible);
  const ImVec2 where((next->min.x + next->max.x) * 0.5f, next->min.y + 8.0f);
  d.type(kParagraph);
  d.step();
  // Leave the box by clicking where the next box was before anything was typed: the click
  // lands in the next box (a read-back under the first box used to take its place).
  d.clickAt(where);
  d.step();
  CHECK(activeIs(d, "##rationale-what_we_fear"));
  d.type("That Ava is hit again.");
  d.step();
  const auto& form = d.ui().workspace.decision;
  CHECK(form.rationale.at(0) == kParagraph);
  CHECK(form.rationale.at(1) == "That Ava is hit again.");
  // Leaving the first box saved it.
  CHECK(d.session().attempt()->state().notes.rationale.at(0) == kParagraph);
}

TEST_CASE("wrapping keeps every character and breaks only where a line is full") {
  sim::ui::HeadlessFrames frames(800, 600, SIM_FONTS_DIR);
  frames.frame([] {
    const ImFont& font = *ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float width = size * 12.0f;
    const std::string wrapped = sim::ui::wrapForDisplay(kParagraph, width, font, size);
    CHECK(sim::ui::withoutSoftBreaks(wrapped) == kParagraph);
    CHECK(widestLine(wrapped) <= width + ImGui::CalcTextSize(" ").x);
    // Breaks fall after the spaces that end a word, never inside a word that fits.
    for (std::size_t at = wrapped.find("\r\n"); at != std::string::npos;
         at = wrapped.find("\r\n", at + 2)) {
      CHECK(wrapped[at - 1] == ' ');
    }
    // The person's own line breaks stay; a word longer than a line is cut at the edge.
    const std::string typed = "Seen.\nNot seen: " + std::string(60, 'x');
    const std::string cut = sim::ui::wrapForDisplay(typed, width, font, size);
    CHECK(sim::ui::withoutSoftBreaks(cut) == typed);
    CHECK(cut.starts_with("Seen.\nNot seen: \r\nxxx"));
    CHECK(widestLine(cut) <= width);
    // Short text is unchanged.
    CHECK(sim::ui::wrapForDisplay("Seen at home.", width, font, size) == "Seen at home.");
  });
}
