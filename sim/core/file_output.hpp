// Writing an output file whole or not at all: the text goes to a new temporary file in the
// same folder (owner-only, 0600), every write, the flush to disk and the close are checked,
// and only then is it renamed over the destination. A full disk or a failed write leaves
// whatever was at the destination exactly as it was. A destination that is not a regular
// file (/dev/null, /dev/stdout, a pipe) is written straight into instead.
#pragma once

#include "sim/core/result.hpp"

#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>
#include <variant>

namespace sim::core {

/// Write `text` to `path` as described above; the error names the file and the reason.
Result<std::monostate> writeFileWhole(const std::filesystem::path& path, std::string_view text);

/// The same for output too large to hold: `write` streams it into the temporary file, which
/// is put in place only if every byte was written, flushed and closed.
Result<std::monostate> writeFileStreamed(const std::filesystem::path& path,
                                         const std::function<void(std::ostream&)>& write);

/// Whether `a` and `b` name the same file (the same inode when both exist, else the same
/// absolute, normalised path).
bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b);

} // namespace sim::core
