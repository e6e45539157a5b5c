// Benchmark: one full shell frame (NewFrame, ui::drawShell, Render) in a headless ImGui
// context at 1280×800, for the largest bundled case (target: under 2 ms per workspace
// frame): the workspace mid-case (every question asked, every check requested, one reply
// in), the decision tab with a factor per fact learned, and the debrief. CPU only: no GL.
// The states come from sim_showcase (shared with the screenshot tests) and the headless
// context from sim_ui, so this file includes no ImGui header (tests/unit/test_layering.cpp).
#include "sim/session/session.hpp"
#include "sim/showcase/screen_states.hpp"
#include "sim/ui/headless_frames.hpp"
#include "sim/ui/shell_view.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

namespace {

using namespace sim;

enum class Scene { Workspace, Decision, Debrief };

// A fresh folder for the benchmark's results database, removed afterwards.
struct BenchFolder {
  std::filesystem::path path;
  BenchFolder() {
    std::string name = (std::filesystem::temp_directory_path() / "frontdoor-bench-XXXXXX").string();
    path = ::mkdtemp(name.data()) != nullptr ? std::filesystem::path(name) : "";
  }
  ~BenchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  BenchFolder(const BenchFolder&) = delete;
  BenchFolder& operator=(const BenchFolder&) = delete;
};

std::string largestCaseId(const session::Session& session) {
  const auto path = sim::showcase::largestCase(SIM_SCENARIO_DIR);
  for (const auto& entry : session.model().library.entries) {
    if (entry.loaded && std::filesystem::path(entry.file).filename() == path.filename()) {
      return entry.id;
    }
  }
  return "";
}

void frames(benchmark::State& state, Scene scene) {
  const BenchFolder folder;
  sim::ui::HeadlessFrames imgui(1280, 800, SIM_FONTS_DIR);
  if (!imgui.problem().empty()) {
    state.SkipWithError(imgui.problem().c_str());
    return;
  }
  session::Session session(
      sim::showcase::sessionOptions(SIM_SCENARIO_DIR, (folder.path / "b.sqlite")));
  ui::UiState ui;
  const auto id = largestCaseId(session);
  const auto problem = sim::showcase::prepareBusyCase(session, id, scene != Scene::Workspace,
                                                      scene == Scene::Debrief);
  if (id.empty() || !problem.empty()) {
    state.SkipWithError(("cannot prepare the case '" + id + "': " + problem).c_str());
    return;
  }
  view::IntentSink sink;
  const auto draw = [&] { ui::drawShell(session.model(), ui, sink); };
  // Lay the windows out, take the drafts, open the tab, pick the choices; then settle.
  const char* shown = scene == Scene::Decision ? "decision" : "workspace";
  for (int i = 0; i < sim::showcase::kSetupFrames + 3; ++i) {
    imgui.frame(draw);
    for (const auto& intent : sink.take()) {
      session.apply(intent);
    }
    if (i < sim::showcase::kSetupFrames) {
      sim::showcase::afterFrame(shown, i, ui);
    }
  }
  if (scene != Scene::Debrief) {
    if (const auto wrong = sim::showcase::checkShown(shown, ui); !wrong.empty()) {
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
