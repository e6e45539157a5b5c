// Checks on a room's votes and participants.
#include "sim/workshop/room_vote.hpp"

#include "sim/core/utf8.hpp"

#include <algorithm>

namespace sim::workshop {

namespace {

bool oneLine(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

} // namespace

std::string voteProblem(const RoomVote& vote) {
  if (vote.confidence && (*vote.confidence < 1 || *vote.confidence > 5)) {
    return "Confidence is 1 (a guess) to 5 (certain).";
  }
  if (vote.pHarm && (*vote.pHarm < 0 || *vote.pHarm > 100)) {
    return "The chance of significant harm is a percentage, 0 to 100.";
  }
  if (vote.reason.size() > kMaxReasonBytes) {
    return "The reason is one line of at most " + std::to_string(kMaxReasonBytes) + " bytes.";
  }
  if (!core::isValidUtf8(vote.reason) || !oneLine(vote.reason)) {
    return "The reason must be one line of text.";
  }
  return "";
}

std::string participantProblem(const Participant& participant) {
  const auto& id = participant.id;
  const bool idOk = !id.empty() && id.size() <= 16 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!idOk) {
    return "A participant's id is 1 to 16 letters, digits or '-'.";
  }
  const auto& name = participant.name;
  if (name.empty() || name.size() > kMaxParticipantName || !core::isValidUtf8(name) ||
      !oneLine(name)) {
    return "A table's or person's name is one line of 1 to " + std::to_string(kMaxParticipantName) +
           " bytes (a table name or a handle, not a real "
           "name).";
  }
  return "";
}

} // namespace sim::workshop
