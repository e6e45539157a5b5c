// Test support: run the real frontdoor-cli binary (SIM_CLI) in a folder and capture its
// exit status, standard output and standard error.
#pragma once

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sim::test {

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string readAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// Runs `frontdoor-cli ARGS` in `cwd` (the repository root by default).
inline CliRun cli(const std::string& args,
                  const std::filesystem::path& cwd = std::filesystem::path(SIM_SOURCE_DIR)) {
  const auto errFile = std::filesystem::temp_directory_path() /
                       ("frontdoor-cli-err-" + std::to_string(::getpid()) + ".txt");
  const std::string command = "cd '" + cwd.string() + "' && '" + std::string(SIM_CLI) + "' " +
                              args + " 2>'" + errFile.string() + "'";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    run.out.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = readAll(errFile);
  std::filesystem::remove(errFile);
  return run;
}

} // namespace sim::test
