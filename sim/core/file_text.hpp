// Reading a file's text whole (scenarios, rubrics, action files, decision tables, results
// files), refusing files over a size limit before reading them, with messages that say
// what went wrong.
#pragma once

#include "sim/core/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace sim::core {

/// The file's bytes, or an Error whose message names the problem (it cannot be read, it
/// cannot be opened, or it is larger than `maxBytes`: "... limit for a <what>; ...").
Result<std::string> readFileText(const std::filesystem::path& path, unsigned long long maxBytes,
                                 std::string_view what);

} // namespace sim::core
