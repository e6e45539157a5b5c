// Result<T>: the core's exception-free return type — a value or an Error with a
// human-readable message. Used by every fallible function in the pure libraries.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace sim::core {

/// A failure a person can read: what went wrong and, where known, what to do.
struct Error {
  std::string message;
};

/// A value of type T or an Error. C++20 has no std::expected, so this is ours.
template <typename T> class Result {
public:
  Result(T value) : m_state(std::move(value)) {}     // NOLINT(google-explicit-constructor)
  Result(Error error) : m_state(std::move(error)) {} // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
  explicit operator bool() const { return ok(); }

  [[nodiscard]] const T& value() const& {
    assert(ok() && "Result::value() called on an error");
    return std::get<T>(m_state);
  }
  [[nodiscard]] T& value() & {
    assert(ok() && "Result::value() called on an error");
    return std::get<T>(m_state);
  }
  [[nodiscard]] T&& value() && {
    assert(ok() && "Result::value() called on an error");
    return std::get<T>(std::move(m_state));
  }
  [[nodiscard]] const Error& error() const {
    assert(!ok() && "Result::error() called on a value");
    return std::get<Error>(m_state);
  }

private:
  std::variant<T, Error> m_state;
};

} // namespace sim::core
