// Checking stored text and escaping shown text, on the UTF-8 tables of utf8.cpp.
#include "sim/core/safe_text.hpp"

#include "sim/core/utf8.hpp"

#include <array>
#include <cstdio>

namespace sim::core {

namespace {

// The code point of the well-formed sequence of `length` bytes at `i`.
unsigned codePointAt(std::string_view text, std::size_t i, std::size_t length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  switch (length) {
  case 1:
    return byte(0);
  case 2:
    return ((byte(0) & 0x1FU) << 6U) | (byte(1) & 0x3FU);
  case 3:
    return ((byte(0) & 0x0FU) << 12U) | ((byte(1) & 0x3FU) << 6U) | (byte(2) & 0x3FU);
  default:
    return ((byte(0) & 0x07U) << 18U) | ((byte(1) & 0x3FU) << 12U) | ((byte(2) & 0x3FU) << 6U) |
           (byte(3) & 0x3FU);
  }
}

bool isControl(unsigned codePoint) {
  return codePoint < 0x20U || codePoint == 0x7FU || (codePoint >= 0x80U && codePoint <= 0x9FU);
}

std::string hex(unsigned value, int digits) {
  std::array<char, 16> out{};
  std::snprintf(out.data(), out.size(), "%0*X", digits, value);
  return out.data();
}

} // namespace

std::optional<std::string> textProblem(std::string_view value, std::size_t maxBytes,
                                       bool multiline) {
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t length = utf8SequenceLength(value, i);
    if (length == 0) {
      return "is not valid UTF-8 (byte " + std::to_string(i + 1) + ")";
    }
    const unsigned cp = codePointAt(value, i, length);
    const bool allowed = multiline && (cp == '\n' || cp == '\t' || cp == '\r');
    if (isControl(cp) && !allowed) {
      return "holds the control character U+" + hex(cp, 4) + " (byte " + std::to_string(i + 1) +
             ")";
    }
    i += length;
  }
  if (value.size() > maxBytes) {
    return "is " + std::to_string(value.size()) + " bytes long; at most " +
           std::to_string(maxBytes);
  }
  return std::nullopt;
}

std::string terminalSafe(std::string_view text, std::size_t maxBytes) {
  std::string out;
  out.reserve(text.size() < maxBytes ? text.size() : maxBytes);
  std::size_t i = 0;
  while (i < text.size() && out.size() < maxBytes) {
    const std::size_t length = utf8SequenceLength(text, i);
    if (length == 0) {
      out += "\\x" + hex(static_cast<unsigned char>(text[i]), 2);
      ++i;
      continue;
    }
    const unsigned cp = codePointAt(text, i, length);
    if (isControl(cp) && cp != '\n' && cp != '\t') {
      out += cp < 0x80U ? "\\x" + hex(cp, 2) : "\\u{" + hex(cp, 2) + "}";
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  if (i < text.size()) {
    out += "… (" + std::to_string(text.size() - i) + " more bytes)";
  }
  return out;
}

std::string quotedExcerpt(std::string_view value, std::size_t maxBytes) {
  std::string inner = terminalSafe(value, maxBytes);
  for (auto& c : inner) {
    if (c == '\n' || c == '\t') {
      c = ' ';
    }
  }
  return "'" + inner + "'";
}

} // namespace sim::core
