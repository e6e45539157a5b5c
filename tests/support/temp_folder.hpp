// Fresh, empty folders under the system temp directory, unique to the test that makes them
// (mkdtemp), so tests running side by side never share a path: TempFolder removes its
// folder afterwards; uniqueTempFolder leaves that to the test.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace test_support {

/// A new folder "frontdoor-NAME-XXXXXX" under the temp directory.
inline std::filesystem::path uniqueTempFolder(const std::string& name) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / ("frontdoor-" + name + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot make a temporary folder from " + pattern);
  }
  return pattern;
}

class TempFolder {
public:
  explicit TempFolder(const std::string& name) : m_path(uniqueTempFolder(name)) {}
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
