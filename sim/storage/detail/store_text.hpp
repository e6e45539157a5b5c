// Shared by the results store's source files: the limits on text it stores, the check that
// refuses text it could not always export, print and send on, and the error of a failed
// statement.
#pragma once

#include "sim/core/result.hpp"
#include "sim/core/safe_text.hpp"
#include "sim/storage/statement.hpp"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace sim::storage::detail {

// Text longer than these, not UTF-8, or holding control characters is refused before it is
// stored: everything in the store can always be exported, printed and sent on.
inline constexpr std::size_t kMaxIdBytes = 128;
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxGroupBytes = 100;
inline constexpr std::size_t kMaxTokenBytes = 64;
inline constexpr std::size_t kMaxEventBytes = 1U << 20U;

inline core::Error failed(const std::string& what, const Statement& statement) {
  return core::Error{what + ": " + statement.error()};
}

// The first field of `fields` (name, value, most bytes) that cannot be stored, as an error
// naming it and what is wrong.
inline std::optional<core::Error>
badText(std::string_view what,
        std::initializer_list<std::tuple<std::string_view, std::string_view, std::size_t>> fields) {
  for (const auto& [name, value, most] : fields) {
    if (auto problem = core::textProblem(value, most)) {
      return core::Error{std::string(what) + ": the " + std::string(name) + " " +
                         core::quotedExcerpt(value) + " " + *problem};
    }
  }
  return std::nullopt;
}

} // namespace sim::storage::detail
