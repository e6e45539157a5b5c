// One app per config folder: an exclusive advisory lock (flock) on a file in the folder,
// held while a session is open. A second app on the same folder is told and keeps its hands
// off the preferences and the crash-resume state. The operating system drops the lock when
// the process ends, however it ends, so a crash never leaves a stale lock behind.
#pragma once

#include <filesystem>
#include <string>

namespace sim::session {

class ConfigLock {
public:
  ConfigLock() = default;
  /// Try to take the lock on `file` (created when missing); never blocks.
  explicit ConfigLock(const std::filesystem::path& file);
  ~ConfigLock();
  ConfigLock(ConfigLock&& other) noexcept;
  ConfigLock& operator=(ConfigLock&& other) noexcept;
  ConfigLock(const ConfigLock&) = delete;
  ConfigLock& operator=(const ConfigLock&) = delete;

  /// Whether this session holds the lock.
  [[nodiscard]] bool held() const { return m_fd >= 0; }
  /// Why the lock could not be taken: "" when held, else another app holds it or the
  /// file could not be opened (with the system's reason).
  [[nodiscard]] const std::string& problem() const { return m_problem; }
  /// True when another app holds the lock (as opposed to a file that cannot be opened).
  [[nodiscard]] bool heldElsewhere() const { return m_elsewhere; }

private:
  int m_fd = -1;
  bool m_elsewhere = false;
  std::string m_problem;
};

} // namespace sim::session
