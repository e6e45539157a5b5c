// Exports from the app: the current practitioner's results (or the whole database) written
// into the export folder as the same bytes `frontdoor-cli export` writes, and the folder
// shown in the desktop's file manager.
#include "sim/session/session.hpp"

#include "sim/exchange/database_export.hpp"

#include <cstdlib>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace sim::session {

namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

// XDG_DOCUMENTS_DIR="$HOME/Documents" in user-dirs.dirs, with $HOME expanded.
std::string documentsFromUserDirs(const std::filesystem::path& file, const std::string& home) {
  std::ifstream in(file);
  std::string line;
  const std::string key = "XDG_DOCUMENTS_DIR=";
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) != 0) {
      continue;
    }
    std::string value = line.substr(key.size());
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (value.rfind("$HOME", 0) == 0) {
      value = home + value.substr(5);
    }
    return value;
  }
  return {};
}

} // namespace

bool openInFileManager(const std::filesystem::path& folder) {
  // A shell starts xdg-open in the background and returns at once, so the app never waits
  // on the file manager (some desktops' openers only return when it closes) and leaves no
  // child behind; 127 says there is no xdg-open.
  std::string shell = "/bin/sh";
  std::string dashC = "-c";
  std::string script = "command -v xdg-open >/dev/null 2>&1 || exit 127; "
                       "xdg-open \"$1\" >/dev/null 2>&1 </dev/null &";
  std::string name = "frontdoor-open";
  std::string path = folder.string();
  char* argv[] = {shell.data(), dashC.data(), script.data(), name.data(), path.data(), nullptr};
  pid_t child = 0;
  if (posix_spawn(&child, "/bin/sh", nullptr, nullptr, argv, environ) != 0) {
    return false;
  }
  int status = 0;
  if (::waitpid(child, &status, 0) != child) {
    return false;
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::filesystem::path defaultExportFolder() {
  const std::string home = environment("HOME");
  std::string documents = environment("XDG_DOCUMENTS_DIR");
  if (documents.empty() && !home.empty()) {
    const std::string config = environment("XDG_CONFIG_HOME");
    documents = documentsFromUserDirs(
        (config.empty() ? std::filesystem::path(home) / ".config" : std::filesystem::path(config)) /
            "user-dirs.dirs",
        home);
    if (documents.empty()) {
      documents = (std::filesystem::path(home) / "Documents").string();
    }
  }
  return documents.empty() ? std::filesystem::path()
                           : std::filesystem::path(documents) / "Frontdoor";
}

void Session::exportResults(const view::ExportResults& request) {
  if (!m_store || m_options.exportFolder.empty()) {
    notice(view::Notice::Kind::Error, "Nothing can be exported",
           "There is no folder to export to (no home folder was found).",
           "Use frontdoor-cli export --out FILE instead.");
    return;
  }
  if (!request.everyone && m_model.home.currentId.empty()) {
    notice(view::Notice::Kind::Info, "Choose a profile first",
           "An export of your results is of one profile's attempts.",
           "Go to Home and choose or create a profile, or export everyone's results there.");
    return;
  }
  const auto who =
      request.everyone ? std::nullopt : std::optional<std::string>(m_model.home.currentId);
  const auto text = exchange::exportDatabase(*m_store, request.format, who, m_index);
  std::error_code ec;
  std::filesystem::create_directories(m_options.exportFolder, ec);
  const auto path = m_options.exportFolder / exchange::exportFileName(request.format, who);
  const auto written = text ? exchange::writeExportFile(path, text.value())
                            : core::Result<storage::Ok>(text.error());
  if (!written) {
    notice(view::Notice::Kind::Error, "The export was not written", written.error().message,
           "Check that the folder " + m_options.exportFolder.string() +
               " can be written to and that the disk is not full, then export again.");
    return;
  }
  m_model.exports.lastPath = path.string();
  m_model.exports.lastLabel = std::string(exchange::formatLabel(request.format));
}

void Session::openExportFolder() {
  std::error_code ec;
  std::filesystem::create_directories(m_options.exportFolder, ec);
  if (m_options.exportFolder.empty() || !m_options.openFolder ||
      !m_options.openFolder(m_options.exportFolder)) {
    notice(view::Notice::Kind::Error, "The folder could not be opened",
           "No file manager could be started for " + m_options.exportFolder.string() +
               " (Frontdoor opens folders with xdg-open, from Debian's xdg-utils package).",
           "Open that folder yourself in your file manager.");
  }
}

} // namespace sim::session
