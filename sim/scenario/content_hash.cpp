// BLAKE2b-256 (libsodium crypto_generichash) over CRLF-normalised text. BLAKE2b rather
// than SHA-256 because libsodium's SHA-256 is several times slower, and loading a large
// library is dominated by per-file costs.
#include "sim/scenario/content_hash.hpp"

#include <sodium.h>

#include <array>

namespace sim::scenario {

namespace {
constexpr std::size_t kDigestBytes = 32;
} // namespace

std::string contentHash(std::string_view text) {
  // sodium_init() selects the fastest BLAKE2b implementation for this CPU; it is
  // idempotent and thread-safe. Without it the portable code is used (same digest).
  static const bool initialised = sodium_init() >= 0;
  (void)initialised;
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, kDigestBytes);
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\r' && text[i + 1] == '\n') {
      crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data() + start),
                                i - start);
      start = i + 1; // drop the '\r', keep the '\n'
    }
  }
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data() + start),
                            text.size() - start);
  std::array<unsigned char, kDigestBytes> digest{};
  crypto_generichash_final(&state, digest.data(), digest.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "blake2b-256:";
  for (const unsigned char byte : digest) {
    out += kHex[byte >> 4U];
    out += kHex[byte & 0x0FU];
  }
  return out;
}

} // namespace sim::scenario
