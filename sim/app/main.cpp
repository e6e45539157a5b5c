// frontdoor: the desktop app. Wires the libraries: loads the scenario library, owns the
// window loop, draws views from read-only view models and applies their intents after
// each frame. Waits for events when idle, so it uses no CPU while nothing changes.
#include "sim/platform/window.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/scenario_files.hpp"
#include "sim/ui/library_model.hpp"
#include "sim/ui/library_view.hpp"
#include "sim/ui/theme.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace sim;

namespace {

struct Options {
  fs::path scenarios = "scenarios";
  std::string screenshot; // write the first settled frame here and exit
  ui::Theme theme = ui::Theme::Light;
  int select = -1; // preselect a case (for screenshots)
  bool hidden = false;
};

struct AppState {
  std::vector<std::shared_ptr<const core::Scenario>> scenarios; // parallel to entries
  ui::LibraryViewModel library;
};

void loadLibrary(AppState& state, const fs::path& folder) {
  state.scenarios.clear();
  state.library.entries.clear();
  state.library.problem.clear();
  state.library.scenarioFolder = folder.string();
  const auto list = scenario::collectScenarioFiles({folder});
  for (const auto& problem : list.problems) {
    state.library.problem += problem + ". ";
  }
  if (list.problems.empty() && list.files.empty()) {
    state.library.problem = "No scenario files (*.toml) in " + folder.string() + ".";
  }
  for (const auto& file : list.files) {
    const auto result = scenario::loadScenarioFile(file);
    state.scenarios.push_back(result.scenario);
    state.library.entries.push_back(
        ui::makeEntry(file.string(), result.scenario.get(), result.diagnostics));
  }
}

void select(AppState& state, int index) {
  state.library.selected = index;
  state.library.preview = {};
  if (index >= 0 && index < static_cast<int>(state.scenarios.size())) {
    if (const auto& s = state.scenarios[static_cast<std::size_t>(index)]) {
      state.library.preview = ui::makePreview(*s);
    }
  }
}

void apply(AppState& state, const ui::Intent& intent) {
  if (const auto* pick = std::get_if<ui::SelectCase>(&intent)) {
    select(state, static_cast<int>(pick->index));
  } else if (std::holds_alternative<ui::ReloadLibrary>(intent)) {
    const int keep = state.library.selected;
    loadLibrary(state, state.library.scenarioFolder);
    select(state, keep < static_cast<int>(state.scenarios.size()) ? keep : -1);
  } else if (const auto* theme = std::get_if<ui::SetTheme>(&intent)) {
    ui::applyTheme(theme->theme);
  }
}

bool parseArgs(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--scenarios") {
      const char* v = next();
      if (v == nullptr) {
        return false;
      }
      options.scenarios = v;
    } else if (arg == "--screenshot") {
      const char* v = next();
      if (v == nullptr) {
        return false;
      }
      options.screenshot = v;
      options.hidden = true;
    } else if (arg == "--select") {
      const char* v = next();
      if (v == nullptr) {
        return false;
      }
      options.select = std::atoi(v);
    } else if (arg == "--theme") {
      const char* v = next();
      if (v == nullptr) {
        return false;
      }
      const std::string t = v;
      if (t == "light") {
        options.theme = ui::Theme::Light;
      } else if (t == "dark") {
        options.theme = ui::Theme::Dark;
      } else if (t == "high-contrast") {
        options.theme = ui::Theme::HighContrast;
      } else {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

fs::path executableDir(const char* argv0) {
  std::error_code ec;
  const auto self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path(argv0).parent_path() : self.parent_path();
}

} // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parseArgs(argc, argv, options)) {
    std::fprintf(stderr, "usage: frontdoor [--scenarios DIR] [--theme light|dark|high-contrast] "
                         "[--select N] [--screenshot FILE.png]\n");
    return 2;
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr; // layout persistence arrives with the practice shell
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = !options.hidden;

  std::string error;
  auto window = platform::Window::create({"Frontdoor", 1280, 800, !options.hidden}, error);
  if (!window) {
    std::fprintf(stderr, "frontdoor: %s\n", error.c_str());
    ImGui::DestroyContext();
    return 1;
  }

  const auto font = executableDir(argv[0]) / "assets" / "fonts" / "DejaVuSans.ttf";
  // Latin-1, Latin Extended-A and general punctuation (dashes, curly quotes, ellipsis).
  static constexpr ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x20AC,
                                        0x20AC, 0x2190, 0x21FF, 0x2500, 0x257F, 0};
  // Debian's ImGui asserts (aborts) on a missing font file, so check before loading.
  std::error_code fontError;
  if (fs::is_regular_file(font, fontError)) {
    io.Fonts->AddFontFromFileTTF(font.string().c_str(), 18.0f, nullptr, kRanges);
  } else {
    std::fprintf(stderr,
                 "frontdoor: font %s missing (rebuild to copy it); using the built-in font\n",
                 font.string().c_str());
    io.Fonts->AddFontDefault();
  }
  ui::applyTheme(options.theme);

  AppState state;
  loadLibrary(state, options.scenarios);
  select(state, options.select);

  ui::IntentSink sink;
  int frames = 0;
  while (!window->shouldClose()) {
    if (options.screenshot.empty()) {
      window->waitEvents(0.5); // idle: block until input
    } else {
      window->pollEvents();
    }
    window->beginFrame();
    ui::drawLibrary(state.library, sink);
    const bool capture = !options.screenshot.empty() && ++frames == 3;
    if (!window->endFrame(capture ? options.screenshot : std::string())) {
      std::fprintf(stderr, "frontdoor: could not write %s\n", options.screenshot.c_str());
      return 1;
    }
    for (const auto& intent : sink.take()) {
      apply(state, intent);
    }
    if (capture) {
      break;
    }
  }
  window.reset();
  ImGui::DestroyContext();
  return 0;
}
