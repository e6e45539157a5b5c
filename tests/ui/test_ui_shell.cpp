// Headless UI tests of the shell, home and library through the real views: they assert the
// intents the views emit and the session's state after the app applies them.
#include "sim/ui/screen_registry.hpp"
#include "sim/ui/theme.hpp"
#include "tests/support/temp_folder.hpp"
#include "tests/ui/ui_harness.hpp"

#include <catch2/catch.hpp>
#include <imgui_internal.h> // GetFocusID

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <string_view>

using test_support::TempFolder;
using ui_test::ShellDriver;

namespace {

const std::string kScenarios = std::string(SIM_SOURCE_DIR) + "/scenarios";

template <typename T> int countOf(const std::vector<sim::view::Intent>& intents) {
  int n = 0;
  for (const auto& i : intents) {
    n += std::holds_alternative<T>(i) ? 1 : 0;
  }
  return n;
}

void createProfile(ShellDriver& d) { REQUIRE(d.createProfile("ab-17", "Alex B")); }

} // namespace

TEST_CASE("home creates a profile from what is typed and chooses it") {
  TempFolder folder("ui-profile");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  CHECK(d.harness().shows("No profiles yet"));
  createProfile(d);
  REQUIRE(countOf<sim::view::CreateProfile>(d.intents()) == 1);
  const auto& created = std::get<sim::view::CreateProfile>(d.intents().back());
  CHECK(created.id == "ab-17");
  CHECK(created.displayName == "Alex B");
  CHECK(d.model().home.currentId == "ab-17");
  d.step();
  CHECK(d.harness().shows("Welcome back, Alex B"));
}

TEST_CASE("the create button does nothing until an id and a name are given") {
  TempFolder folder("ui-profile-empty");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  REQUIRE(d.click("Create profile"));
  CHECK(countOf<sim::view::CreateProfile>(d.intents()) == 0);
  CHECK(d.harness().shows("An id and a display name are needed."));
}

TEST_CASE("the library lists the bundled cases with status and filters by search") {
  TempFolder folder("ui-library");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  createProfile(d);
  REQUIRE(d.click("nav:Cases"));
  CHECK(d.model().screen == sim::view::Screen::Library);
  d.step();
  CHECK(d.harness().has("Case##mark-on-the-cheek"));
  CHECK(d.harness().has("Case##bedtime-battles"));
  CHECK(d.harness().shows("New"));
  REQUIRE(d.click("Search##library"));
  d.type("cheek");
  d.step();
  CHECK(d.harness().has("Case##mark-on-the-cheek"));
  CHECK_FALSE(d.harness().has("Case##bedtime-battles"));
}

TEST_CASE("choosing a case previews its contact without panel or outcome and starts it") {
  TempFolder folder("ui-start");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  createProfile(d);
  REQUIRE(d.click("nav:Cases"));
  d.step();
  REQUIRE(d.click("Case##mark-on-the-cheek"));
  d.step();
  CHECK(d.harness().shows("Household"));
  REQUIRE(d.click("Start this case##case-mark-on-the-cheek"));
  REQUIRE(countOf<sim::view::StartAttempt>(d.intents()) == 1);
  CHECK(d.model().screen == sim::view::Screen::Workspace);
  REQUIRE(d.session().attempt() != nullptr);
  CHECK(d.session().attempt()->scenario().meta.id == "mark-on-the-cheek");
}

TEST_CASE("Ctrl plus and Ctrl minus change the text size within 100 to 200 percent") {
  TempFolder folder("ui-scale");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  d.press(ui_test::kKeyEqual, true);
  CHECK(d.model().preferences.scalePercent == 110);
  d.press(ui_test::kKeyEqual, true);
  CHECK(d.model().preferences.scalePercent == 120);
  d.press(ui_test::kKeyMinus, true);
  d.press(ui_test::kKeyMinus, true);
  d.press(ui_test::kKeyMinus, true);
  CHECK(d.model().preferences.scalePercent == 100);
  CHECK(countOf<sim::view::SetScale>(d.intents()) == 4);
}

TEST_CASE("the keyboard alone reaches a screen and presses its button") {
  TempFolder folder("ui-keyboard");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  // Ctrl+2 goes to the case library without the mouse.
  d.press(50, true);
  CHECK(d.model().screen == sim::view::Screen::Library);
  const auto before = d.intents().size();
  // An arrow key puts the keyboard focus on the screen's first item (the search box); the
  // right arrow walks along the filter row to "Reload cases"; Space presses it.
  d.press(264);
  const auto focused = [&](const char* label) {
    const auto* item = d.harness().items().find(label);
    return item != nullptr && item->id == ImGui::GetFocusID();
  };
  CHECK(focused("Search##library"));
  for (int i = 0; i < 8 && !focused("Reload cases"); ++i) {
    d.press(262);
  }
  REQUIRE(focused("Reload cases"));
  d.press(32);
  REQUIRE(d.intents().size() == before + 1);
  CHECK(std::holds_alternative<sim::view::ReloadLibrary>(d.intents().back()));
}

TEST_CASE("after a crash home offers to resume and the button reopens the attempt") {
  TempFolder folder("ui-crash");
  const auto database = folder.file("r.sqlite");
  const auto preferences = folder.file("preferences.txt");
  std::int64_t attempt = 0;
  {
    ShellDriver d(kScenarios, database, preferences);
    createProfile(d);
    d.session().apply(sim::view::StartAttempt{"monday-absences"});
    d.session().apply(sim::view::Act{sim::engine::ReadContact{}});
    attempt = d.session().attemptId();
    // The app is killed here: no clean close.
  }
  ShellDriver d(kScenarios, database, preferences);
  CHECK(d.harness().shows("Frontdoor closed unexpectedly last time."));
  REQUIRE(d.click("Resume where I left off"));
  const auto* resume = std::get_if<sim::view::ResumeAttempt>(&d.intents().back());
  REQUIRE(resume != nullptr);
  CHECK(resume->attemptId == attempt);
  CHECK(d.model().screen == sim::view::Screen::Workspace);
  REQUIRE(d.session().attempt() != nullptr);
  CHECK(d.session().attempt()->state().contactRead);
}

TEST_CASE("a refused profile id keeps what was typed so it can be corrected") {
  TempFolder folder("ui-profile-refused");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  REQUIRE(d.click("Id##new-profile"));
  d.type("ab 17"); // a space: refused
  REQUIRE(d.click("Display name##new-profile"));
  d.type("Alex B");
  REQUIRE(d.click("Create profile"));
  CHECK(d.model().home.currentId.empty());
  CHECK(d.ui().home.newId == "ab 17");
  CHECK(d.ui().home.newName == "Alex B");
  d.step();
  CHECK(d.harness().shows("That profile id cannot be used"));
}

TEST_CASE("dragging a workspace divider sets the column widths kept in the preferences") {
  TempFolder folder("ui-divider");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  createProfile(d);
  d.session().apply(sim::view::StartAttempt{"mark-on-the-cheek"});
  d.step();
  const int before = d.model().preferences.contactColumnPercent;
  REQUIRE(d.drag("##divider-contact", 120.0f));
  const auto* set = std::get_if<sim::view::SetWorkspaceColumns>(&d.intents().back());
  REQUIRE(set != nullptr);
  CHECK(set->contactPercent > before);
  CHECK(d.model().preferences.contactColumnPercent == set->contactPercent);
  CHECK(d.model().preferences.chronologyColumnPercent == 33);
}

TEST_CASE("every registered screen has a title, its own shortcut and screenshot goldens") {
  const auto screens = sim::ui::screenRegistry();
  REQUIRE(screens.size() >= 5);
  std::set<int> shortcuts;
  std::set<std::string_view> slugs;
  std::set<sim::view::Screen> ids;
  for (const auto& entry : screens) {
    INFO(entry.slug);
    CHECK_FALSE(entry.title.empty());
    CHECK(entry.draw != nullptr);
    CHECK(entry.shortcut >= 1);
    CHECK(entry.shortcut <= 9);
    CHECK(shortcuts.insert(entry.shortcut).second);
    CHECK(slugs.insert(entry.slug).second);
    CHECK(ids.insert(entry.id).second);
    CHECK(&sim::ui::screenEntry(entry.id) == &entry);
    for (const auto* theme : {"light", "dark"}) {
      const auto golden = std::filesystem::path(SIM_SOURCE_DIR) / "tests/golden/screens" /
                          (std::string(entry.slug) + "-" + theme + ".png");
      INFO(golden.string());
      CHECK(std::filesystem::is_regular_file(golden));
    }
  }
}

TEST_CASE("the navigation bar and Ctrl+digit reach every registered screen") {
  TempFolder folder("ui-registry");
  ShellDriver d(kScenarios, folder.file("r.sqlite"));
  for (const auto& entry : sim::ui::screenRegistry()) {
    INFO(entry.title);
    REQUIRE(d.click("nav:" + std::string(entry.title)));
    CHECK(d.model().screen == entry.id);
  }
  for (const auto& entry : sim::ui::screenRegistry()) {
    INFO(entry.title);
    d.press(48 + entry.shortcut, true); // Ctrl+1 .. Ctrl+9 (GLFW key codes of the digits)
    CHECK(d.model().screen == entry.id);
  }
}

namespace {

double channel(float c) {
  const double v = c;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

// WCAG relative luminance of `colour` drawn over the opaque `under`.
double luminanceOver(const ImVec4& colour, const ImVec4& under) {
  const auto mix = [&](float top, float bottom) {
    return channel(top * colour.w + bottom * (1.0f - colour.w));
  };
  return 0.2126 * mix(colour.x, under.x) + 0.7152 * mix(colour.y, under.y) +
         0.0722 * mix(colour.z, under.z);
}

double contrast(double a, double b) { return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05); }

} // namespace

TEST_CASE("in every theme a chosen row stands out more than the row under the pointer") {
  TempFolder folder("ui-theme");
  ShellDriver d(kScenarios, folder.file("r.sqlite")); // an ImGui context to style
  for (const auto theme :
       {sim::view::Theme::Light, sim::view::Theme::Dark, sim::view::Theme::HighContrast}) {
    INFO("theme " << static_cast<int>(theme));
    sim::ui::applyTheme(theme, 100);
    const auto& colours = ImGui::GetStyle().Colors;
    // Lists are drawn on the panels (ChildBg) and inside list boxes (FrameBg).
    for (const auto background : {ImGuiCol_ChildBg, ImGuiCol_FrameBg}) {
      const ImVec4 under = colours[background];
      const double back = luminanceOver(under, under);
      const double chosen = luminanceOver(colours[ImGuiCol_Header], under);
      const double hovered = luminanceOver(colours[ImGuiCol_HeaderHovered], under);
      CHECK(contrast(chosen, back) > contrast(hovered, back) * 1.3);
      // The text on a chosen row stays readable (WCAG AA for body text).
      const double text = luminanceOver(colours[ImGuiCol_Text], colours[ImGuiCol_Text]);
      CHECK(contrast(text, chosen) >= 4.5);
    }
  }
  sim::ui::applyTheme(sim::view::Theme::Light, 100);
}
