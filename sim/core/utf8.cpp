// UTF-8 validation (RFC 3629 table of well-formed byte sequences) and code point counting.
#include "sim/core/utf8.hpp"

namespace sim::core {

namespace {

unsigned byteAt(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]);
}

std::size_t sequenceLengthAt(std::string_view text, std::size_t i) {
  const unsigned b0 = byteAt(text, i);
  if (b0 < 0x80U) {
    return 1;
  }
  std::size_t length = 0;
  unsigned lo = 0x80U;
  unsigned hi = 0xBFU;
  if (b0 >= 0xC2U && b0 <= 0xDFU) {
    length = 2;
  } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
    length = 3;
    lo = b0 == 0xE0U ? 0xA0U : 0x80U;
    hi = b0 == 0xEDU ? 0x9FU : 0xBFU;
  } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
    length = 4;
    lo = b0 == 0xF0U ? 0x90U : 0x80U;
    hi = b0 == 0xF4U ? 0x8FU : 0xBFU;
  } else {
    return 0;
  }
  if (i + length > text.size()) {
    return 0;
  }
  const unsigned b1 = byteAt(text, i + 1);
  if (b1 < lo || b1 > hi) {
    return 0;
  }
  for (std::size_t k = 2; k < length; ++k) {
    const unsigned b = byteAt(text, i + k);
    if (b < 0x80U || b > 0xBFU) {
      return 0;
    }
  }
  return length;
}

} // namespace

std::size_t utf8SequenceLength(std::string_view text, std::size_t i) {
  return sequenceLengthAt(text, i);
}

bool isValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = sequenceLengthAt(text, i);
    if (length == 0) {
      return false;
    }
    i += length;
  }
  return true;
}

std::size_t codePointCount(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = sequenceLengthAt(text, i);
    i += length == 0 ? 1 : length;
    ++count;
  }
  return count;
}

} // namespace sim::core
