// frontdoor-screens: renders the named app states (screen_states.hpp) in light and dark
// through the real platform window (hidden, 1280×800, OpenGL 3.3) and writes one PNG per
// state and theme; with --golden it compares each with its golden and writes a diff image
// when they differ. Run under Xvfb (tests/CMakeLists.txt, tools/update_goldens.sh).
#include "sim/platform/window.hpp"
#include "sim/session/session.hpp"
#include "sim/showcase/screen_states.hpp"
#include "sim/ui/fonts.hpp"
#include "sim/ui/shell_view.hpp"
#include "sim/ui/theme.hpp"
#include "tests/screenshot/image_compare.hpp"
#include "tests/support/temp_folder.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace sim;

namespace {

constexpr int kWidth = 1280;
constexpr int kFrames = 3; // after the set-up frames; the last one is captured

struct Options {
  fs::path out;
  fs::path golden; // empty: no comparison
  fs::path scenarios = fs::path(SIM_SOURCE_DIR) / "scenarios";
  fs::path fonts = SIM_FONTS_DIR;
  std::string only; // a state ("decision") or one shot ("decision-dark")
  int height = 800; // taller shows what is below the fold (never for goldens)
  screens::Tolerance tolerance;
  bool list = false;
};

struct Shot {
  std::string state;
  view::Theme theme = view::Theme::Light;
  std::string name; // <state>-<theme>, or <state>-<variant>-light
  int width = kWidth;
  int height = 0;  // 0: --height
  int scale = 100; // text size, percent
};

// The extremes of the layouts every screen must hold, drawn in the light theme: the
// smallest window Frontdoor supports, and the largest text size at the usual window.
struct Variant {
  const char* name;
  int width;
  int height;
  int scale;
};
constexpr Variant kVariants[] = {{"small", 800, 600, 100}, {"text200", 1280, 800, 200}};

constexpr const char* kUsage =
    "usage: frontdoor-screens --out DIR [--only STATE|STATE-THEME] [--golden DIR]\n"
    "                         [--tolerance N] [--max-diff FRACTION] [--scenarios DIR]\n"
    "                         [--fonts DIR] [--height PIXELS] [--list]\n"
    "  Writes <state>-<theme>.png for the states home, library, workspace, decision,\n"
    "  debrief and progress in the light and dark themes (1280x800, hidden window; run\n"
    "  under xvfb-run), and <state>-small-light.png (800x600) and\n"
    "  <state>-text200-light.png (200 % text), the layout extremes. With --golden, compares each "
    "with DIR/<name>.png: a pixel differs\n"
    "  when a channel is off by more than N (default 8 of 255); a shot fails when more\n"
    "  than FRACTION of its pixels differ (default 0.0001). A failed shot's diff is\n"
    "  written beside it as <name>.diff.png. --height (default 800) draws a taller window\n"
    "  to look below the fold (needs a taller Xvfb screen; not for goldens).\n"
    "  Exit 0 all passed, 1 a failure, 2 usage.\n";

bool parseArgs(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool hasValue = i + 1 < argc;
    if (arg == "--out" && hasValue) {
      options.out = argv[++i];
    } else if (arg == "--golden" && hasValue) {
      options.golden = argv[++i];
    } else if (arg == "--only" && hasValue) {
      options.only = argv[++i];
    } else if (arg == "--scenarios" && hasValue) {
      options.scenarios = argv[++i];
    } else if (arg == "--fonts" && hasValue) {
      options.fonts = argv[++i];
    } else if (arg == "--tolerance" && hasValue) {
      options.tolerance.perChannel = std::atoi(argv[++i]);
    } else if (arg == "--max-diff" && hasValue) {
      options.tolerance.maxDifferingFraction = std::atof(argv[++i]);
    } else if (arg == "--height" && hasValue) {
      options.height = std::atoi(argv[++i]);
    } else if (arg == "--list") {
      options.list = true;
    } else {
      return false;
    }
  }
  return options.list || (!options.out.empty() && options.height > 0);
}

std::vector<Shot> shots(const std::string& only) {
  std::vector<Shot> out;
  for (const auto& state : sim::showcase::stateNames()) {
    for (const auto theme : {view::Theme::Light, view::Theme::Dark}) {
      const std::string name = state + (theme == view::Theme::Light ? "-light" : "-dark");
      if (only.empty() || only == state || only == name) {
        out.push_back({state, theme, name});
      }
    }
    for (const auto& variant : kVariants) {
      const std::string name = state + "-" + variant.name + "-light";
      if (only.empty() || only == state || only == name) {
        out.push_back(
            {state, view::Theme::Light, name, variant.width, variant.height, variant.scale});
      }
    }
  }
  return out;
}

// One frame with a fixed time step, no mouse (far off-screen) and no keys: the OpenGL3
// backend's frame set-up, but not the GLFW backend's, whose clock and pointer would vary.
void beginFrame(int width, int height) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
}

// Render one shot into `path`; "" or what went wrong.
std::string render(const Shot& shot, const Options& options, const fs::path& path) {
  // A fresh session in its own folder. The database is named relative to that folder so
  // Home shows the same path on every run ("Results are saved in results.sqlite").
  test_support::TempFolder folder("screens-" + shot.name);
  const auto cwd = fs::current_path();
  fs::current_path(folder.path());
  session::Session session(sim::showcase::sessionOptions(options.scenarios, "results.sqlite"));
  ui::UiState uiState;
  auto problem = sim::showcase::prepare(shot.state, session, uiState);
  if (problem.empty() && shot.theme != view::Theme::Light) {
    session.apply(view::SetTheme{shot.theme});
  }
  if (problem.empty() && shot.scale != 100) {
    session.apply(view::SetScale{shot.scale});
  }
  const int height = shot.height > 0 ? shot.height : options.height;

  // A fresh ImGui context per shot, so no shot depends on what was drawn before it.
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;
  std::string error;
  auto window =
      problem.empty()
          ? platform::Window::create({"Frontdoor screenshots", shot.width, height, false}, error)
          : nullptr;
  if (problem.empty() && !window) {
    problem = error;
  }
  if (problem.empty()) {
    problem = ui::loadFonts(options.fonts, session.model().preferences.scalePercent);
  }
  if (problem.empty()) {
    window->reloadFontTexture();
    ui::applyTheme(session.model().preferences.theme, session.model().preferences.scalePercent);
    view::IntentSink sink;
    // The state's UI set-up frames, then three frames; the last one is captured.
    const int frames = sim::showcase::kSetupFrames + kFrames;
    for (int frame = 0; frame < frames && problem.empty(); ++frame) {
      const bool last = frame + 1 == frames;
      if (last) {
        problem = sim::showcase::checkShown(shot.state, uiState);
      }
      beginFrame(shot.width, height);
      ui::drawShell(session.model(), uiState, sink);
      if (!window->endFrame(last && problem.empty() ? path.string() : std::string())) {
        problem = "could not write " + path.string();
      }
      for (const auto& intent : sink.take()) {
        session.apply(intent); // as the app does after each frame
      }
      if (frame < sim::showcase::kSetupFrames) {
        sim::showcase::afterFrame(shot.state, frame, uiState);
      }
    }
  }
  window.reset();
  ImGui::DestroyContext(context);
  fs::current_path(cwd);
  return problem;
}

// Compare a written shot with its golden; true when it passes.
bool check(const Shot& shot, const Options& options, const fs::path& path) {
  const auto goldenPath = options.golden / (shot.name + ".png");
  if (!fs::exists(goldenPath)) {
    std::fprintf(stderr,
                 "%s: FAIL: no golden %s. Review %s and, if it is right, run "
                 "tools/update_goldens.sh.\n",
                 shot.name.c_str(), goldenPath.c_str(), path.c_str());
    return false;
  }
  screens::Image actual;
  screens::Image golden;
  auto problem = screens::loadPng(path.string(), actual);
  if (problem.empty()) {
    problem = screens::loadPng(goldenPath.string(), golden);
  }
  if (!problem.empty()) {
    std::fprintf(stderr, "%s: FAIL: %s\n", shot.name.c_str(), problem.c_str());
    return false;
  }
  const auto result = screens::compare(actual, golden, options.tolerance);
  if (!result.sameSize) {
    std::fprintf(stderr, "%s: FAIL: %dx%d, but the golden %s is %dx%d\n", shot.name.c_str(),
                 actual.width, actual.height, goldenPath.c_str(), golden.width, golden.height);
    return false;
  }
  const double percent =
      100.0 * static_cast<double>(result.differing) / static_cast<double>(result.pixels);
  std::printf("%s: %lld of %lld pixels differ by more than %d (%.4f %%, allowed %.4f %%); "
              "largest channel difference %d\n",
              shot.name.c_str(), static_cast<long long>(result.differing),
              static_cast<long long>(result.pixels), options.tolerance.perChannel, percent,
              100.0 * options.tolerance.maxDifferingFraction, result.largestChannelDelta);
  if (result.passed) {
    return true;
  }
  const auto diffPath = path.parent_path() / (shot.name + ".diff.png");
  const auto written = screens::writePng(diffPath.string(), result.diff);
  std::fprintf(stderr,
               "%s: FAIL: differs from %s\n  rendered: %s\n  diff (magenta = differing): %s%s\n",
               shot.name.c_str(), goldenPath.c_str(), path.c_str(), diffPath.c_str(),
               written.empty() ? "" : (" (" + written + ")").c_str());
  return false;
}

} // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parseArgs(argc, argv, options)) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const auto selected = shots(options.only);
  if (options.list) {
    for (const auto& shot : selected) {
      std::printf("%s\n", shot.name.c_str());
    }
    return 0;
  }
  if (selected.empty()) {
    std::fprintf(stderr, "frontdoor-screens: no state or shot named '%s' (see --list)\n",
                 options.only.c_str());
    return 2;
  }
  // Paths are made absolute: each shot runs in its own temporary working folder.
  options.out = fs::absolute(options.out);
  options.scenarios = fs::absolute(options.scenarios);
  options.fonts = fs::absolute(options.fonts);
  if (!options.golden.empty()) {
    options.golden = fs::absolute(options.golden);
  }
  std::error_code ec;
  fs::create_directories(options.out, ec);
  if (ec) {
    std::fprintf(stderr, "frontdoor-screens: cannot create %s: %s\n", options.out.c_str(),
                 ec.message().c_str());
    return 1;
  }
  bool ok = true;
  for (const auto& shot : selected) {
    const auto path = options.out / (shot.name + ".png");
    fs::remove(options.out / (shot.name + ".diff.png"), ec);
    if (auto problem = render(shot, options, path); !problem.empty()) {
      std::fprintf(stderr, "%s: FAIL: %s\n", shot.name.c_str(), problem.c_str());
      ok = false;
      continue;
    }
    if (options.golden.empty()) {
      std::printf("%s\n", path.c_str());
    } else {
      ok = check(shot, options, path) && ok;
    }
  }
  return ok ? 0 : 1;
}
