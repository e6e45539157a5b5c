// Consent as a conversation, through the real views (bedtime-battles, format 2): the
// practitioner chooses whom to ask, nothing is chosen for them, the same options come in
// the same order for every agency, an adult who cannot consent says so in the chronology in
// their own words and their option is then shown answered (not as a refusal), another
// adult's agreement sends the request; and a
// reason typed for overriding consent survives the window closing before Request.
#include "tests/support/temp_folder.hpp"
#include "tests/ui/ui_harness.hpp"

#include <catch2/catch.hpp>

using test_support::TempFolder;
using namespace ui_test;
using namespace sim;

namespace {

const std::string kScenarios = std::string(SIM_SOURCE_DIR) + "/scenarios";
constexpr std::size_t kGp = 2; // bedtime-battles: chk-school, chk-police, chk-gp, chk-midwife

void openBedtime(ShellDriver& d) {
  REQUIRE(d.createProfile("ab-17", "Alex B"));
  REQUIRE(d.startCase("bedtime-battles"));
  REQUIRE(d.click("Read the contact"));
  d.step();
}

float top(ShellDriver& d, const std::string& label) {
  const auto* item = d.harness().items().find(label);
  REQUIRE(item != nullptr);
  return item->min.y;
}

} // namespace

TEST_CASE("consent is asked of a named adult: one who cannot give it, then one who agrees") {
  TempFolder folder("ui-consent");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  openBedtime(d);
  // Nothing is chosen: Request does nothing until the practitioner says whom to ask.
  REQUIRE(d.click("Request##chk-gp"));
  CHECK(lastAction<engine::RequestCheck>(d.intents()) == nullptr);
  // Every agency offers the same options in the same order: each adult, then overriding.
  for (const std::string check : {"chk-school", "chk-police", "chk-gp", "chk-midwife"}) {
    INFO(check);
    const float jade = top(d, "Ask Jade (mother)##consent-seek-" + check + "-jade");
    const float ryan = top(d, "Ask Ryan (father)##consent-seek-" + check + "-ryan");
    const float override =
        top(d, "Request without consent, recording why##consent-override-" + check);
    CHECK(jade < ryan);
    CHECK(ryan < override);
  }
  // Ryan is asked about Jade's GP records, and says they are not his to give: not a refusal.
  REQUIRE(d.click("Ask Ryan (father)##consent-seek-chk-gp-ryan"));
  REQUIRE(d.click("Request##chk-gp"));
  const auto* asked = lastAction<engine::RequestCheck>(d.intents());
  REQUIRE(asked != nullptr);
  CHECK(asked->from == "ryan");
  CHECK(asked->consent == engine::ConsentChoice::Seek);
  d.step();
  const auto& state = d.session().attempt()->state();
  CHECK(state.checks[kGp].status == engine::CheckStatus::ConsentNoAnswer);
  CHECK_FALSE(state.checks[kGp].consentRefused);
  CHECK(state.transcript.back().kind == engine::EntryKind::ConsentNotTheirs);
  CHECK(d.harness().shows("Ryan (father) cannot give consent for this"));
  CHECK(d.harness().shows("you'd have to ask her about that"));
  // His option now shows his answer and cannot be chosen again; Jade can still be asked.
  const auto ryanLabel = d.harness().labelEndingWith("##consent-seek-chk-gp-ryan");
  CHECK(ryanLabel.find("Ask Ryan (father) — cannot consent") == 0);
  const auto* ryan = d.harness().items().find(ryanLabel);
  REQUIRE(ryan != nullptr);
  CHECK_FALSE(ryan->enabled);
  REQUIRE(d.click("Ask Jade (mother)##consent-seek-chk-gp-jade"));
  REQUIRE(d.click("Request##chk-gp"));
  d.step();
  const auto& after = d.session().attempt()->state();
  CHECK(after.checks[kGp].status == engine::CheckStatus::Pending);
  CHECK(after.checks[kGp].consentFrom == "jade");
  CHECK_FALSE(after.checks[kGp].withoutConsent);
  CHECK(d.harness().shows("Consent given by Jade (mother)"));
}

TEST_CASE("a reason typed for overriding consent survives the window closing before Request") {
  TempFolder folder("ui-consent-reason");
  const auto database = folder.file("r.sqlite");
  const auto preferences = folder.file("preferences.txt"); // remembers the profile
  const std::string reason = "Jade says Ryan shouted at Kai last weekend; asking him first may "
                             "put Kai at risk before we know more.";
  std::int64_t attempt = 0;
  {
    ShellDriver d(kScenarios, database, preferences);
    openBedtime(d);
    attempt = d.session().attemptId();
    REQUIRE(d.click("Request without consent, recording why##consent-override-chk-gp"));
    REQUIRE(d.click("##reason-chk-gp"));
    d.type(reason);
    d.step();
    d.closeWindow(); // the focus is still in the box; nothing was requested
  }
  ShellDriver d(kScenarios, database, preferences);
  d.step();
  REQUIRE(d.click("Resume##attempt-" + std::to_string(attempt)));
  d.step();
  REQUIRE(d.model().screen == view::Screen::Workspace);
  const auto& gp = d.session().attempt()->state().checks[kGp];
  CHECK(gp.status == engine::CheckStatus::NotRequested);
  CHECK(gp.reasonDraft == reason);
  d.step();
  CHECK(d.ui().workspace.checks.at("chk-gp").reason == reason); // the box shows it again
  // Choosing to override and pressing Request sends it, as typed.
  REQUIRE(d.click("Request without consent, recording why##consent-override-chk-gp"));
  REQUIRE(d.click("Request##chk-gp"));
  const auto* request = lastAction<engine::RequestCheck>(d.intents());
  REQUIRE(request != nullptr);
  CHECK(request->reason == reason);
  CHECK(d.session().attempt()->state().checks[kGp].withoutConsent);
}
