// The whole-file writers over POSIX calls (mkstemp, fsync, rename) and a file stream, and
// sameFile.
#include "sim/core/file_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace sim::core {

namespace {

Error systemError(const std::filesystem::path& path, const std::string& what) {
  return Error{path.string() + ": " + what + ": " + std::strerror(errno)};
}

// A destination that exists but is not a regular file (/dev/null, /dev/stdout, a pipe) is
// written straight into: renaming over it would replace the device or the pipe.
bool isSpecialFile(const std::filesystem::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode);
}

Result<std::monostate> writeStraight(const std::filesystem::path& path,
                                     const std::function<void(std::ostream&)>& write) {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    return systemError(path, "cannot open it for writing");
  }
  write(out);
  out.flush();
  if (!out.good()) {
    return systemError(path, "cannot write to it");
  }
  return std::monostate{};
}

} // namespace

Result<std::monostate> writeFileStreamed(const std::filesystem::path& path,
                                         const std::function<void(std::ostream&)>& write) {
  if (isSpecialFile(path)) {
    return writeStraight(path, write);
  }
  const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temporary = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data()); // 0600, a name no one else has
  if (fd < 0) {
    return systemError(path, "cannot create a file beside it to write into");
  }
  ::close(fd);
  bool whole = false;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    write(out);
    out.flush();
    whole = out.good();
    out.close();
    whole = whole && !out.fail();
  }
  const int sync = whole ? ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC) : -1;
  const bool durable = sync >= 0 && ::fsync(sync) == 0;
  if (sync >= 0) {
    ::close(sync);
  }
  if (!whole || !durable) {
    if (errno == 0) {
      errno = EIO;
    }
    auto error = systemError(path, "cannot write the file (it was left as it was)");
    ::unlink(temporary.c_str());
    return error;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    auto error = systemError(path, "cannot put the file in place");
    ::unlink(temporary.c_str());
    return error;
  }
  return std::monostate{};
}

Result<std::monostate> writeFileWhole(const std::filesystem::path& path, std::string_view text) {
  return writeFileStreamed(path, [text](std::ostream& out) {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  });
}

bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b) {
  struct stat sa {};
  struct stat sb {};
  if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0) {
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  }
  std::error_code ec;
  const auto na = std::filesystem::weakly_canonical(std::filesystem::absolute(a, ec), ec);
  const auto nb = std::filesystem::weakly_canonical(std::filesystem::absolute(b, ec), ec);
  return na == nb;
}

} // namespace sim::core
