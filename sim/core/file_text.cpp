// Whole-file reads with a size limit, shared by every reader of files.
#include "sim/core/file_text.hpp"

#include <fstream>
#include <system_error>

namespace sim::core {

Result<std::string> readFileText(const std::filesystem::path& path, unsigned long long maxBytes,
                                 std::string_view what) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    return Error{"cannot read the file: " + ec.message()};
  }
  if (size > maxBytes) {
    return Error{"file is " + std::to_string(size) + " bytes, larger than the " +
                 std::to_string(maxBytes) + "-byte limit for a " + std::string(what) +
                 "; it was not read"};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{"cannot open the file for reading"};
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

} // namespace sim::core
