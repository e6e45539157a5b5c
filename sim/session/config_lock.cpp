// flock(2) on a lock file: exclusive, non-blocking, released on close or process exit.
#include "sim/session/config_lock.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace sim::session {

ConfigLock::ConfigLock(const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    m_problem = file.string() + ": cannot open the lock file: " + std::strerror(errno);
    return;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    m_elsewhere = error == EWOULDBLOCK;
    m_problem = m_elsewhere ? "another Frontdoor window is using " + file.parent_path().string()
                            : file.string() + ": cannot lock: " + std::strerror(error);
    return;
  }
  m_fd = fd;
}

ConfigLock::~ConfigLock() {
  if (m_fd >= 0) {
    ::close(m_fd); // closing the descriptor releases the lock
  }
}

ConfigLock::ConfigLock(ConfigLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_elsewhere(other.m_elsewhere),
      m_problem(std::move(other.m_problem)) {}

ConfigLock& ConfigLock::operator=(ConfigLock&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = std::exchange(other.m_fd, -1);
    m_elsewhere = other.m_elsewhere;
    m_problem = std::move(other.m_problem);
  }
  return *this;
}

} // namespace sim::session
