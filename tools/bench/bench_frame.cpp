// Benchmark: one full shell frame (NewFrame, ui::drawShell, Render) in a headless ImGui
// context at 1280×800, for the largest bundled case (target: under 2 ms per workspace
// frame): the workspace mid-case (every question asked, every check requested, one reply
// in), the decision tab with a factor per fact learned, and the debrief. CPU only: no GL.
// The states and the headless context come from tests/screenshot (shared with the
// screenshot tests), so this file includes no ImGui header (tests/unit/test_layering.cpp).
#include "sim/session/session.hpp"
#include "sim/ui/shell_view.hpp"
#include "tests/screenshot/headless_frames.hpp"
#include "tests/screenshot/screen_states.hpp"
#include "tests/support/temp_folder.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

namespace {

using namespace sim;

enum class Scene { Workspace, Decision, Debrief };

std::string largestCaseId(const session::Session& session) {
  const auto path = screens::largestCase(SIM_SCENARIO_DIR);
  for (const auto& entry : session.model().library.entries) {
    if (entry.loaded && std::filesystem::path(entry.file).filename() == path.filename()) {
      return entry.id;
    }
  }
  return "";
}

void frames(benchmark::State& state, Scene scene) {
  test_support::TempFolder folder("bench-frame");
  screens::HeadlessFrames imgui(1280, 800, SIM_FONTS_DIR);
  if (!imgui.problem().empty()) {
    state.SkipWithError(imgui.problem().c_str());
    return;
  }
  session::Session session(screens::sessionOptions(SIM_SCENARIO_DIR, folder.file("b.sqlite")));
  ui::UiState ui;
  const auto id = largestCaseId(session);
  const auto problem =
      screens::prepareBusyCase(session, id, scene != Scene::Workspace, scene == Scene::Debrief);
  if (id.empty() || !problem.empty()) {
    state.SkipWithError(("cannot prepare the case '" + id + "': " + problem).c_str());
    return;
  }
  view::IntentSink sink;
  const auto draw = [&] { ui::drawShell(session.model(), ui, sink); };
  // Lay the windows out, take the drafts, open the tab, pick the choices; then settle.
  const char* shown = scene == Scene::Decision ? "decision" : "workspace";
  for (int i = 0; i < screens::kSetupFrames + 3; ++i) {
    imgui.frame(draw);
    for (const auto& intent : sink.take()) {
      session.apply(intent);
    }
    if (i < screens::kSetupFrames) {
      screens::afterFrame(shown, i, ui);
    }
  }
  if (scene != Scene::Debrief) {
    if (const auto wrong = screens::checkShown(shown, ui); !wrong.empty()) {
      state.SkipWithError(wrong.c_str());
      return;
    }
  }
  std::size_t intents = 0;
  for (auto _ : state) {
    imgui.frame(draw);
    intents += sink.take().size(); // a settled frame emits none; dropped unapplied
  }
  state.SetLabel(id);
  state.counters["vertices"] = imgui.vertices();
  state.counters["draw_cmds"] = imgui.commands();
  state.counters["intents"] = static_cast<double>(intents);
}

void BM_WorkspaceFrame(benchmark::State& state) { frames(state, Scene::Workspace); }
void BM_DecisionFrame(benchmark::State& state) { frames(state, Scene::Decision); }
void BM_DebriefFrame(benchmark::State& state) { frames(state, Scene::Debrief); }

BENCHMARK(BM_WorkspaceFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecisionFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DebriefFrame)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
