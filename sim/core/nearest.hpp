// Edit distance and "did you mean" lookup, used to name the nearest valid key,
// token or id when an input file has a typo.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sim::core {

/// Levenshtein distance (insert, delete, substitute all cost 1), case-sensitive.
std::size_t editDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo
/// (distance at most max(2, word.size() / 3)). Words over 64 bytes get no suggestion.
std::optional<std::string> nearestOf(std::string_view word,
                                     std::span<const std::string> candidates);
std::optional<std::string> nearestOf(std::string_view word,
                                     std::span<const std::string_view> candidates);

} // namespace sim::core
