// Test support for crash tests: start a helper program with its standard output on a pipe,
// hand each line it prints to the test until the test says stop, then kill it with SIGKILL
// (the moment a power cut or a killed process would stop it) and reap it. Also SQLite's
// integrity check of a database file, read-only.
#pragma once

#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

extern char** environ;

namespace test_support {

/// Run `args` (args[0] is the program), calling `onLine` for each line of its output until
/// it returns false (or the output ends), then SIGKILL it.
inline void runUntilKilled(std::vector<std::string> args,
                           const std::function<bool(const std::string&)>& onLine) {
  int pipeFds[2];
  REQUIRE(pipe(pipeFds) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
  std::vector<char*> argv;
  for (auto& arg : args) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(pipeFds[1]);
  FILE* out = fdopen(pipeFds[0], "r");
  REQUIRE(out != nullptr);
  char line[512];
  while (std::fgets(line, sizeof line, out) != nullptr && onLine(line)) {
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  std::fclose(out);
}

/// "ok" when SQLite finds the database file sound.
inline std::string integrityCheck(const std::filesystem::path& database) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(database.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
          SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string result;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

} // namespace test_support
