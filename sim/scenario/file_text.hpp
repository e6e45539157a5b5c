// Reading a scenario or rubric file's text whole, refusing files over the size limit
// before reading them, with messages that say what went wrong.
#pragma once

#include "sim/core/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace sim::scenario {

/// The file's bytes, or an Error whose message names the problem (it cannot be read, it
/// cannot be opened, or it is larger than `maxBytes`: "... limit for a <what>; ...").
core::Result<std::string> readFileText(const std::filesystem::path& path,
                                       unsigned long long maxBytes, std::string_view what);

} // namespace sim::scenario
