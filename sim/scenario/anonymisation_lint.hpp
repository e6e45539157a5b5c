// Anonymisation lint: finds text that looks like a real-world identifier (UK postcode,
// phone number, NHS number, National Insurance number, e-mail address, full date) in a
// scenario's free text, so an author can remove it before a case is shared.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

enum class IdentifierKind { Postcode, Phone, NhsNumber, NiNumber, Email, FullDate };

struct IdentifierHit {
  IdentifierKind kind;
  std::size_t offset = 0; // byte offset in the scanned text
  std::size_t length = 0;
};

/// Every identifier-like span in `text`, in order of offset, non-overlapping.
std::vector<IdentifierHit> findIdentifiers(std::string_view text);

/// "a UK postcode", "a phone number", ... for messages.
std::string_view describe(IdentifierKind kind);

} // namespace sim::scenario
