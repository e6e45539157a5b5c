// A whole attempt through the real views, as a practitioner makes it: create a profile,
// open a case, read the contact, ask the referrer, request a check, wait for the reply,
// identify a factor, decide (with confirmation) and read the debrief. Asserts the intents
// emitted, the session's state, and that nothing of the panel or the outcome is on screen
// before the decision is locked.
#include "tests/support/temp_folder.hpp"
#include "tests/ui/ui_harness.hpp"

#include <catch2/catch.hpp>

using test_support::TempFolder;
using ui_test::lastAction;
using ui_test::lastIntent;
using ui_test::ShellDriver;
using namespace sim;

namespace {

const std::string kScenarios = std::string(SIM_SOURCE_DIR) + "/scenarios";

// Text only the panel review and the outcome hold (scenarios/mark-on-the-cheek.toml).
constexpr const char* kPanelText = "reasonable cause to suspect significant harm";
constexpr const char* kOutcomeText = "Child-in-need plans closed: no longer in need.";

void requireHindsightProtected(const ShellDriver& d) {
  INFO("on screen: " << const_cast<ShellDriver&>(d).harness().text());
  REQUIRE_FALSE(const_cast<ShellDriver&>(d).harness().shows(kPanelText));
  REQUIRE_FALSE(const_cast<ShellDriver&>(d).harness().shows(kOutcomeText));
  REQUIRE(d.model().debrief.points.empty());
}

void openCase(ShellDriver& d) {
  REQUIRE(d.createProfile("ab-17", "Alex B"));
  REQUIRE(d.click("nav:Cases"));
  d.step();
  REQUIRE(d.click("Case##mark-on-the-cheek"));
  d.step();
  REQUIRE(d.click("Start this case##case-mark-on-the-cheek"));
  d.step();
  REQUIRE(d.model().screen == view::Screen::Workspace);
}

} // namespace

TEST_CASE("a whole attempt through the views records each step and protects hindsight") {
  TempFolder folder("ui-attempt");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCase(d);
  requireHindsightProtected(d);

  // Read the contact: the referrer's words appear.
  REQUIRE(d.click("Read the contact"));
  REQUIRE(lastAction<engine::ReadContact>(d.intents()) != nullptr);
  d.step();
  CHECK(d.session().attempt()->state().contactRead);
  requireHindsightProtected(d);

  // Ask the referrer a question; the answer arrives in the chronology.
  REQUIRE(d.click("Ask##q-q-partner"));
  const auto* ask = lastAction<engine::AskQuestion>(d.intents());
  REQUIRE(ask != nullptr);
  CHECK(ask->questionId == "q-partner");
  CHECK(d.session().attempt()->state().asked[1].has_value());
  d.step();
  requireHindsightProtected(d);

  // Request the police check (no consent needed). Nothing is chosen for the practitioner:
  // the request waits until they say how consent is handled, and asking (whom: each adult
  // of the household) comes first.
  REQUIRE(d.click("Request##chk-police"));
  CHECK(lastAction<engine::RequestCheck>(d.intents()) == nullptr);
  const auto* seek = d.harness().items().find("Ask Chloe (mother)##consent-seek-chk-police-chloe");
  const auto* none =
      d.harness().items().find("Request without seeking consent##consent-none-chk-police");
  REQUIRE(seek != nullptr);
  REQUIRE(none != nullptr);
  CHECK(seek->min.y < none->min.y);
  REQUIRE(d.click("Request without seeking consent##consent-none-chk-police"));
  REQUIRE(d.click("Request##chk-police"));
  const auto* request = lastAction<engine::RequestCheck>(d.intents());
  REQUIRE(request != nullptr);
  CHECK(request->checkId == "chk-police");
  CHECK(d.session().attempt()->state().checks[0].status == engine::CheckStatus::Pending);
  d.step();
  CHECK(d.harness().shows("pending"));

  // Wait for the reply: the clock moves on and the police reply is in the chronology.
  const auto before = d.session().attempt()->state().now;
  REQUIRE(d.click("Wait for next reply"));
  REQUIRE(lastAction<engine::WaitForReply>(d.intents()) != nullptr);
  CHECK(d.session().attempt()->state().checks[0].status == engine::CheckStatus::Replied);
  CHECK(before < d.session().attempt()->state().now);
  d.step();
  CHECK(d.harness().shows("convicted four years ago of assault"));
  requireHindsightProtected(d);

  // Identify a factor in the decision tab: census code 18B with a note.
  REQUIRE(d.click("Decision"));
  d.step();
  REQUIRE(d.click("##factor-search"));
  d.type("18B");
  d.step();
  REQUIRE(d.clickEndingWith("##code-18B"));
  REQUIRE(d.click("##factor-note"));
  d.type("Bruise on a baby who cannot move herself");
  REQUIRE(d.click("Add factor"));
  const auto* factor = lastAction<engine::AddFactor>(d.intents());
  REQUIRE(factor != nullptr);
  CHECK(factor->code == "18B");
  REQUIRE(d.session().attempt()->state().notes.factors.size() == 1);
  d.step();
  requireHindsightProtected(d);

  // Link what was learned under the rationale headings: one click links, another unlinks.
  // (Go to the analysis first, as a person scrolls down to it.)
  REQUIRE(d.click("Analysis##go"));
  d.step();
  REQUIRE(d.clickEndingWith("##link-what_we_fear-f-bruise"));
  const auto* link = lastAction<engine::LinkFact>(d.intents());
  REQUIRE(link != nullptr);
  CHECK(link->link);
  CHECK(link->field == engine::RationaleField::WhatWeFear);
  d.step();
  CHECK(d.harness().shows("1 fact linked."));
  REQUIRE(d.click("Analysis##go"));
  d.step();
  REQUIRE(d.clickEndingWith("##link-complicating-f-liam-manner"));
  d.step();
  REQUIRE(d.clickEndingWith("##link-complicating-f-liam-manner"));
  CHECK_FALSE(lastAction<engine::LinkFact>(d.intents())->link);
  const auto& linked = d.session().attempt()->state().notes.rationaleFacts;
  CHECK(linked.at(1) == std::vector<std::string>{"f-bruise"});
  CHECK(linked.at(2).empty());
  d.step();

  // Choose the response, need level and urgency; locking asks for confirmation first.
  REQUIRE(d.clickEndingWith("##response-s47"));
  REQUIRE(d.clickEndingWith("##need-4"));
  REQUIRE(d.clickEndingWith("##urgency-same_day"));
  d.step();
  REQUIRE(d.click("Lock decision\xE2\x80\xA6"));
  d.step();
  CHECK(lastAction<engine::Decide>(d.intents()) == nullptr); // not yet: confirmation open
  CHECK(d.harness().shows("You cannot change it afterwards"));
  requireHindsightProtected(d);
  REQUIRE(d.click("Lock decision"));
  const auto* decide = lastAction<engine::Decide>(d.intents());
  REQUIRE(decide != nullptr);
  CHECK(decide->response == core::ResponseLevel::S47);
  CHECK(decide->need == core::NeedLevel::Acute);
  CHECK(decide->urgency == core::Urgency::SameDay);

  // The debrief: the score, the panel's reasons and what happened are now shown.
  CHECK(d.model().screen == view::Screen::Debrief);
  REQUIRE(d.model().debrief.points.size() == 1);
  d.step();
  CHECK(d.harness().shows(kPanelText));
  CHECK(d.harness().shows(kOutcomeText));
  CHECK(d.harness().shows("/ 100"));
  // Everything was recorded as it happened.
  const auto events = d.session().store()->events(d.session().attemptId()).value();
  CHECK(events.size() == d.session().attempt()->log().events.size());
  CHECK(d.session().store()->attempt(d.session().attemptId()).value()->status ==
        core::AttemptStatus::Finished);
}

TEST_CASE("going back from the lock confirmation keeps the attempt open") {
  TempFolder folder("ui-attempt-back");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCase(d);
  REQUIRE(d.click("Read the contact"));
  REQUIRE(d.click("Decision"));
  d.step();
  REQUIRE(d.clickEndingWith("##response-s17"));
  REQUIRE(d.clickEndingWith("##need-3"));
  REQUIRE(d.clickEndingWith("##urgency-one_working_day"));
  d.step();
  REQUIRE(d.click("Lock decision\xE2\x80\xA6"));
  d.step();
  REQUIRE(d.click("Go back"));
  CHECK(lastAction<engine::Decide>(d.intents()) == nullptr);
  CHECK(d.session().attempt()->state().phase == engine::Phase::Gathering);
  CHECK(d.model().screen == view::Screen::Workspace);
}

TEST_CASE("Ctrl+Z in the workspace undoes a change to the notes and Redo makes it again") {
  TempFolder folder("ui-undo");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openCase(d);
  REQUIRE(d.click("Read the contact"));
  d.step();
  d.session().apply(view::Act{engine::WriteNotes{"Baby seen at the ED on Sunday."}});
  d.session().apply(view::Act{engine::SetEstimate{engine::EstimateKind::SignificantHarm, 60}});
  REQUIRE(d.click("Notes"));
  d.step();
  CHECK(d.ui().workspace.notes == "Baby seen at the ED on Sunday.");
  const auto* undo = d.harness().items().find("Undo##undo");
  REQUIRE(undo != nullptr);
  CHECK(undo->enabled);

  d.press(90, true); // Ctrl+Z
  REQUIRE(lastAction<engine::Undo>(d.intents()) != nullptr);
  d.press(90, true);
  d.step();
  const auto& state = d.session().attempt()->state();
  CHECK_FALSE(state.notes.pSignificantHarm.has_value());
  CHECK(state.notes.notes.empty());
  CHECK(d.ui().workspace.notes.empty()); // the draft follows the undo
  // Both undos are events in the store: the log stays append-only.
  const auto lines = d.session().store()->events(d.session().attemptId()).value();
  REQUIRE(lines.size() == 5);
  CHECK(lines[3].ends_with(" undo"));
  CHECK(lines[4].ends_with(" undo"));

  REQUIRE(d.click("Redo##redo"));
  REQUIRE(lastAction<engine::Redo>(d.intents()) != nullptr);
  d.step();
  CHECK(d.session().attempt()->state().notes.notes == "Baby seen at the ED on Sunday.");
  CHECK(d.ui().workspace.notes == "Baby seen at the ED on Sunday.");
  // An enquiry ends the history: nothing before it can be undone.
  REQUIRE(d.click("Enquiries"));
  d.step();
  REQUIRE(d.click("Check records"));
  d.step();
  d.press(90, true);
  CHECK(d.session().attempt()->state().notes.notes == "Baby seen at the ED on Sunday.");
  d.step();
  const auto* after = d.harness().items().find("Undo##undo");
  REQUIRE(after != nullptr);
  CHECK_FALSE(after->enabled); // still there, so nothing moved, but nothing to undo
}

namespace {

struct Closed {
  bool savedBeforeClose = true;    // whether the typed text was in the notes before closing
  std::vector<std::string> stored; // the attempt's event lines, read from the file afterwards
};

// Open the case, read the contact, type `text` into the box `box` on the tab `tab` without
// leaving it, and close the window as the app does; then read the database file back.
Closed typeThenClose(const TempFolder& folder, const char* tab, const char* box,
                     const std::string& text) {
  const auto database = folder.file("r.sqlite");
  Closed out;
  std::int64_t attempt = 0;
  {
    ShellDriver d(kScenarios, database);
    openCase(d);
    REQUIRE(d.click("Read the contact"));
    d.step();
    attempt = d.session().attemptId();
    REQUIRE(d.click(tab));
    d.step();
    REQUIRE(d.click(box));
    d.type(text);
    d.step();
    const auto& notes = d.session().attempt()->state().notes;
    out.savedBeforeClose = notes.notes == text || notes.rationale.at(1) == text;
    d.closeWindow();
  }
  auto store = storage::ResultsStore::open(database).value();
  out.stored = store->events(attempt).value();
  return out;
}

bool endsOneOf(const std::vector<std::string>& lines, const std::string& end) {
  return std::any_of(lines.begin(), lines.end(),
                     [&end](const std::string& line) { return line.ends_with(end); });
}

} // namespace

TEST_CASE("closing the window with the focus in the notes keeps what was typed there") {
  TempFolder folder("ui-close-notes");
  const auto closed = typeThenClose(folder, "Notes", "##notes", "Ring the HV back at 4.");
  CHECK_FALSE(closed.savedBeforeClose); // not saved while typing
  CHECK(endsOneOf(closed.stored, "notes \"Ring the HV back at 4.\""));
}

TEST_CASE("closing the window with the focus in a rationale box keeps what was typed there") {
  TempFolder folder("ui-close-rationale");
  const auto closed =
      typeThenClose(folder, "Decision", "##rationale-what_we_fear", "Ava was hurt by an adult.");
  CHECK_FALSE(closed.savedBeforeClose);
  CHECK(endsOneOf(closed.stored, "rationale what_we_fear \"Ava was hurt by an adult.\""));
}
