// Levenshtein distance and nearest-candidate search.
#include "sim/core/nearest.hpp"

#include <algorithm>
#include <vector>

namespace sim::core {

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0U : 1U);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

namespace {
template <typename S>
std::optional<std::string> nearestImpl(std::string_view word, std::span<const S> candidates) {
  // Suggestions are for typos in keys, tokens and ids; the distance is quadratic, so very
  // long words (no plausible typo of a key) get none.
  constexpr std::size_t kLongestWord = 64;
  if (word.size() > kLongestWord) {
    return std::nullopt;
  }
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::optional<std::string> best;
  std::size_t bestDistance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::size_t sizeGap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                               : candidate.size() - word.size();
    if (sizeGap > limit) {
      continue; // cannot be within the limit; skip the quadratic distance
    }
    const std::size_t d = editDistance(word, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = std::string(candidate);
    }
  }
  return best;
}
} // namespace

std::optional<std::string> nearestOf(std::string_view word,
                                     std::span<const std::string> candidates) {
  return nearestImpl(word, candidates);
}

std::optional<std::string> nearestOf(std::string_view word,
                                     std::span<const std::string_view> candidates) {
  return nearestImpl(word, candidates);
}

} // namespace sim::core
