// Content hash of scenario text: "blake2b-256:<64 hex digits>" of the bytes with CRLF read as
// LF, so a checkout on any machine hashes the same. Results and event logs are keyed by it.
#pragma once

#include <string>
#include <string_view>

namespace sim::scenario {

std::string contentHash(std::string_view text);

} // namespace sim::scenario
