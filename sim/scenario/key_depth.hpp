// Pre-parse guard against over-deep dotted keys: toml++ walks nested tables recursively,
// so a key such as a.a.a.(thousands).a = 1 would exhaust the stack. The guard finds the
// longest dotted key or table header in raw TOML text before it is parsed.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace sim::scenario {

/// At most this many dot-separated parts in one key or table header.
inline constexpr std::size_t kMaxKeyParts = 64;

struct DeepKey {
  int line = 1;   // where the key starts (1-based)
  int column = 1; // in characters, as toml++ counts
  std::size_t parts = 0;
};

/// The first dotted key with more than `maxParts` parts, outside strings and comments.
std::optional<DeepKey> findOverlongKey(std::string_view text, std::size_t maxParts = kMaxKeyParts);

} // namespace sim::scenario
