// Exports from the app: each of the four files is written by clicking its button on
// Progress (one practitioner) and on Home (the whole database), and is byte for byte the
// file the real `frontdoor-cli export` writes from the same database.
#include "tests/support/cli_runner.hpp"
#include "tests/support/temp_folder.hpp"
#include "tests/ui/ui_harness.hpp"

#include <catch2/catch.hpp>

using namespace sim;
using test_support::TempFolder;
using ui_test::ShellDriver;

namespace {

const std::string kScenarios = std::string(SIM_SOURCE_DIR) + "/scenarios";

void playOneCase(ShellDriver& d, const std::string& id, view::Intent decide) {
  d.session().apply(view::StartAttempt{id});
  d.session().apply(view::Act{engine::ReadContact{}});
  d.session().apply(view::Act{engine::CheckRecords{}});
  d.session().apply(view::Act{engine::SetEstimate{engine::EstimateKind::SignificantHarm, 35}});
  d.session().apply(decide);
  REQUIRE(d.model().workspace.refusal.empty());
}

view::Intent decision(core::ResponseLevel response) {
  return view::Act{
      engine::Decide{response, core::NeedLevel::Additional, core::Urgency::OneWorkingDay, {}}};
}

} // namespace

TEST_CASE("each export from the app is the file frontdoor-cli export writes") {
  TempFolder folder("ui-exports");
  const auto database = folder.file("r.sqlite");
  ShellDriver d(kScenarios, database);
  REQUIRE(d.createProfile("ab-17", "Alex B"));
  playOneCase(d, "bedtime-battles", decision(core::ResponseLevel::Advice));
  d.session().apply(view::CreateProfile{"cd-42", "Chris D", ""});
  playOneCase(d, "monday-absences", decision(core::ResponseLevel::EarlyHelp));
  d.session().apply(view::SelectProfile{"ab-17"});
  d.session().apply(view::ShowScreen{view::Screen::Progress});
  d.step();

  for (const bool everyone : {false, true}) {
    if (everyone) {
      REQUIRE(d.click("nav:Home"));
      d.step();
    }
    const std::string scope = everyone ? "everyone" : "mine";
    for (const auto format : core::kExportFormats) {
      INFO(scope << " " << std::string(core::exportFormatToken(format)));
      REQUIRE(d.clickEndingWith(std::string("##export-") +
                                std::string(core::exportFormatToken(format)) + "-" + scope));
      d.step();
      const auto& written = d.model().exports.lastPath;
      REQUIRE_FALSE(written.empty());
      CHECK(d.harness().shows(written));
      const auto cli =
          sim::test::cli("export --db '" + database + "' --format " +
                         std::string(core::exportFormatToken(format)) + " --scenarios '" +
                         kScenarios + "'" + (everyone ? "" : " --practitioner ab-17"));
      REQUIRE(cli.status == 0);
      const auto file = sim::test::readAll(written);
      REQUIRE(file.size() > 100);
      CHECK(file == cli.out);
      // One practitioner's export holds nothing of the other's.
      CHECK((file.find("cd-42") == std::string::npos) == !everyone);
    }
  }
  REQUIRE(d.click("Open folder##exports-everyone"));
  d.step();
  REQUIRE(d.opened().size() == 1);
  CHECK(d.opened()[0] == folder.path() / "exports");
}
