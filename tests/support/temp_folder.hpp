// A fresh, empty folder under the system temp directory for one test, removed afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <unistd.h>

namespace test_support {

class TempFolder {
public:
  explicit TempFolder(const std::string& name)
      : m_path(std::filesystem::temp_directory_path() /
               ("frontdoor-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  [[nodiscard]] std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
  std::filesystem::path m_path;
};

} // namespace test_support
