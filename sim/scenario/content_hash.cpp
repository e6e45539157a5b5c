// SHA-256 through libsodium, over CRLF-normalised text.
#include "sim/scenario/content_hash.hpp"

#include <sodium.h>

#include <array>

namespace sim::scenario {

std::string contentHash(std::string_view text) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\r' && text[i + 1] == '\n') {
      crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data() + start),
                                i - start);
      start = i + 1; // drop the '\r', keep the '\n'
    }
  }
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data() + start),
                            text.size() - start);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256:";
  for (const unsigned char byte : digest) {
    out += kHex[byte >> 4U];
    out += kHex[byte & 0x0FU];
  }
  return out;
}

} // namespace sim::scenario
