// The preferences file format: "key = value" lines, '#' comments.
#include "sim/session/preferences_file.hpp"

#include "sim/core/trim.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

namespace sim::session {

namespace {

std::string_view trim(std::string_view s) { return core::trimBlanks(s, true); }

std::optional<int> integer(std::string_view s, int low, int high) {
  int value = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size() || value < low || value > high) {
    return std::nullopt;
  }
  return value;
}

std::string_view themeToken(view::Theme theme) {
  switch (theme) {
  case view::Theme::Light:
    return "light";
  case view::Theme::Dark:
    return "dark";
  case view::Theme::HighContrast:
    return "high-contrast";
  }
  return "light";
}

} // namespace

PreferencesRead parsePreferences(std::string_view text, const std::string& displayPath) {
  PreferencesRead out;
  auto& p = out.preferences;
  int lineNumber = 0;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    const auto raw = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++lineNumber;
    const auto line = trim(raw);
    if (line.empty() || line.front() == '#') {
      continue;
    }
    const auto warn = [&](const std::string& message) {
      out.diagnostics.push_back(
          {displayPath, lineNumber, 1, core::Severity::Warning, message + "; the default is used"});
    };
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) {
      warn("expected 'key = value', found '" + std::string(line) + "'");
      continue;
    }
    const auto key = trim(line.substr(0, equals));
    const auto value = trim(line.substr(equals + 1));
    const auto number = [&](int low, int high, int& into) {
      if (const auto v = integer(value, low, high)) {
        into = *v;
      } else {
        warn("'" + std::string(key) + "' must be a whole number from " + std::to_string(low) +
             " to " + std::to_string(high) + ", found '" + std::string(value) + "'");
      }
    };
    if (key == "theme") {
      if (value == "light") {
        p.theme = view::Theme::Light;
      } else if (value == "dark") {
        p.theme = view::Theme::Dark;
      } else if (value == "high-contrast") {
        p.theme = view::Theme::HighContrast;
      } else {
        warn("'theme' must be light, dark or high-contrast, found '" + std::string(value) + "'");
      }
    } else if (key == "scale_percent") {
      number(view::kMinScalePercent, view::kMaxScalePercent, p.scalePercent);
    } else if (key == "window_width") {
      number(400, 16384, p.windowWidth);
    } else if (key == "window_height") {
      number(300, 16384, p.windowHeight);
    } else if (key == "last_profile") {
      p.lastProfile = std::string(value);
    } else if (key == "open_attempt_uid") {
      p.openAttemptUid = std::string(value);
    } else if (key == "workspace_contact_percent") {
      number(view::kMinColumnPercent, view::kMaxColumnPercent, p.contactColumnPercent);
    } else if (key == "workspace_chronology_percent") {
      number(view::kMinColumnPercent, view::kMaxColumnPercent, p.chronologyColumnPercent);
    } else if (key == "open_attempt") {
      std::int64_t id = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), id);
      if (error == std::errc() && end == value.data() + value.size() && id >= 0) {
        p.openAttempt = id;
      } else {
        warn("'open_attempt' must be an attempt number, found '" + std::string(value) + "'");
      }
    } else if (key == "clean_exit") {
      if (value == "true" || value == "false") {
        p.cleanExit = value == "true";
      } else {
        warn("'clean_exit' must be true or false, found '" + std::string(value) + "'");
      }
    } else {
      warn("unknown key '" + std::string(key) + "'");
    }
  }
  return out;
}

std::string formatPreferences(const view::Preferences& p) {
  std::ostringstream out;
  out << "# Frontdoor preferences (written by the app)\n"
      << "theme = " << themeToken(p.theme) << "\n"
      << "scale_percent = " << p.scalePercent << "\n"
      << "window_width = " << p.windowWidth << "\n"
      << "window_height = " << p.windowHeight << "\n"
      << "last_profile = " << p.lastProfile << "\n"
      << "workspace_contact_percent = " << p.contactColumnPercent << "\n"
      << "workspace_chronology_percent = " << p.chronologyColumnPercent << "\n"
      << "open_attempt = " << p.openAttempt << "\n"
      << "open_attempt_uid = " << p.openAttemptUid << "\n"
      << "clean_exit = " << (p.cleanExit ? "true" : "false") << "\n";
  return out.str();
}

PreferencesRead readPreferences(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parsePreferences(text.str(), path.string());
}

core::Result<std::monostate> writePreferences(const std::filesystem::path& path,
                                              const view::Preferences& preferences) {
  std::error_code error;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), error);
  }
  auto temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << formatPreferences(preferences);
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary, error);
      return core::Error{path.string() + ": could not write the preferences (is the disk full?)"};
    }
  }
  std::filesystem::rename(temporary, path, error);
  if (error) {
    return core::Error{path.string() + ": could not save the preferences: " + error.message()};
  }
  return std::monostate{};
}

std::filesystem::path defaultConfigFolder() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "frontdoor";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".config" / "frontdoor";
  }
  return {};
}

} // namespace sim::session
