// frontdoor: the desktop app. Wires the libraries: the session (case library, results
// store, preferences) and the views. Owns the window loop: draws the shell from the
// session's read-only model, then applies the frame's intents. Blocks on input when
// nothing changes, so it uses no CPU while idle.
#include "sim/platform/window.hpp"
#include "sim/session/preferences_file.hpp"
#include "sim/session/session.hpp"
#include "sim/ui/fonts.hpp"
#include "sim/ui/pending_edits.hpp"
#include "sim/ui/shell_view.hpp"
#include "sim/ui/theme.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace sim;

namespace {

struct Options {
  fs::path scenarios = "scenarios";
  std::string database;   // --db; empty: FRONTDOOR_DB or the default location
  fs::path config;        // --config; empty: $XDG_CONFIG_HOME/frontdoor
  fs::path userScenarios; // --user-scenarios; empty: beside the results database
  std::string screenshot; // write the first settled frame here and exit
  bool timing = false;    // print the time to the first drawn frame
};

constexpr const char* kUsage =
    "usage: frontdoor [--scenarios DIR] [--user-scenarios DIR] [--db FILE] [--config DIR]\n"
    "                 [--screenshot FILE.png] [--timing]\n"
    "  --scenarios DIR   the bundled case library (default: scenarios)\n"
    "  --user-scenarios DIR  your own cases (default: a scenarios folder beside the\n"
    "                    results database)\n"
    "  --db FILE         the results database (default: $FRONTDOOR_DB, else\n"
    "                    $XDG_DATA_HOME/frontdoor/results.sqlite)\n"
    "  --config DIR      preferences and window layout (default: $XDG_CONFIG_HOME/frontdoor)\n"
    "  --screenshot FILE draw the first screen, write it as PNG and exit\n"
    "  --timing          print the time from start to the first drawn frame\n";

bool parseArgs(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool hasValue = i + 1 < argc;
    if (arg == "--scenarios" && hasValue) {
      options.scenarios = argv[++i];
    } else if (arg == "--db" && hasValue) {
      options.database = argv[++i];
    } else if (arg == "--user-scenarios" && hasValue) {
      options.userScenarios = argv[++i];
    } else if (arg == "--config" && hasValue) {
      options.config = argv[++i];
    } else if (arg == "--screenshot" && hasValue) {
      options.screenshot = argv[++i];
    } else if (arg == "--timing") {
      options.timing = true;
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
  const auto started = std::chrono::steady_clock::now();
  Options options;
  if (!parseArgs(argc, argv, options)) {
    std::fputs(kUsage, stderr);
    return 2;
  }

  session::SessionOptions sessionOptions;
  sessionOptions.scenarios = options.scenarios;
  const auto database = storage::resolveDatabasePath(options.database);
  if (database) {
    sessionOptions.database = database.value();
    sessionOptions.userScenarios = database.value().parent_path() / "scenarios";
  } else {
    sessionOptions.databaseProblem = database.error().message;
  }
  if (!options.userScenarios.empty()) {
    sessionOptions.userScenarios = options.userScenarios;
  }
  const fs::path config = options.config.empty() ? session::defaultConfigFolder() : options.config;
  const bool capture = !options.screenshot.empty();
  // A screenshot uses the preferences only from a folder given with --config.
  if (!config.empty() && (!capture || !options.config.empty())) {
    sessionOptions.preferences = config / "preferences.txt";
  }
  sessionOptions.exportFolder = session::defaultExportFolder();
  session::Session session(sessionOptions);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // The layout (window size, the workspace's column widths) is kept in the preferences;
  // every ImGui window here is fixed, so ImGui's own ini file would hold nothing.
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false; // a blinking caret would keep the app drawing

  const auto& preferences = session.model().preferences;
  std::string error;
  auto window = platform::Window::create({"Frontdoor", capture ? 1280 : preferences.windowWidth,
                                          capture ? 800 : preferences.windowHeight, !capture},
                                         error);
  if (!window) {
    // Without a window there is nowhere to show the message but the terminal.
    std::fprintf(stderr, "frontdoor: %s\n", error.c_str());
    ImGui::DestroyContext();
    return 1;
  }

  const auto fontFolder = executableDir(argv[0]) / "assets" / "fonts";
  int fontScale = 0;
  auto theme = preferences.theme;
  ui::applyTheme(theme, preferences.scalePercent);

  ui::UiState uiState;
  view::IntentSink sink;
  // Frames to draw after input before blocking again: enough for ImGui's short animations
  // (a modal's background dims over about ten frames) to finish.
  constexpr int kSettleFrames = 12;
  int settle = kSettleFrames;
  bool first = true;
  while (!window->shouldClose()) {
    if (settle > 0 || capture) {
      window->pollEvents();
      --settle;
    } else {
      window->waitEvents(); // nothing changes until input arrives: sleep
      settle = kSettleFrames;
    }
    const auto& prefs = session.model().preferences;
    if (prefs.scalePercent != fontScale) {
      fontScale = prefs.scalePercent;
      if (auto problem = ui::loadFonts(fontFolder, fontScale); !problem.empty()) {
        session.report({view::Notice::Kind::Error, "The app's font is missing", problem,
                        "Rebuild Frontdoor (tools/dev run copies the font from Debian's "
                        "fonts-dejavu-core package)."});
      }
      if (!first) {
        window->reloadFontTexture(); // the first frame's backend setup uploads it
      }
      ui::applyTheme(prefs.theme, fontScale);
      theme = prefs.theme;
    } else if (prefs.theme != theme) {
      theme = prefs.theme;
      ui::applyTheme(theme, fontScale);
    }
    window->beginFrame();
    ui::drawShell(session.model(), uiState, sink);
    static int frames = 0;
    const bool shoot = capture && ++frames == 3;
    if (!window->endFrame(shoot ? options.screenshot : std::string())) {
      std::fprintf(stderr, "frontdoor: could not write %s\n", options.screenshot.c_str());
      return 1;
    }
    if (first && options.timing) {
      const auto ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      std::fprintf(stderr, "frontdoor: first frame drawn after %.1f ms\n", ms);
    }
    first = false;
    auto intents = sink.take();
    if (!intents.empty()) {
      settle = kSettleFrames;
    }
    for (const auto& intent : intents) {
      session.apply(intent);
    }
    if (shoot) {
      break;
    }
  }
  // The window is closing: text typed in a box that still has the focus is saved first.
  ui::flushPendingEdits(session.model(), uiState, sink);
  for (const auto& intent : sink.take()) {
    session.apply(intent);
  }
  if (!capture) {
    int width = 0;
    int height = 0;
    window->size(width, height);
    session.setWindowSize(width, height);
  }
  session.close(); // a clean exit: the next start offers no crash resume
  window.reset();
  ImGui::DestroyContext();
  return 0;
}
