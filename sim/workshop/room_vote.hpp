// A vote from the room: one table's or one person's decision at a decision point (response,
// need level, urgency, confidence 1–5, probability of significant harm and a one-line
// reason), and the rules every vote is checked against before it is counted. Participants
// are pseudonymous: a table name or a handle, never a real name asked for.
#pragma once

#include "sim/core/codes.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace sim::workshop {

/// A table or a person in the room.
struct Participant {
  std::string id;   // short, stable: "t1", "blue"
  std::string name; // as the room sees it: "Table 1", "Blue table"
  bool operator==(const Participant&) const = default;
};

/// The first vote, or the vote again after discussion.
enum class Round { First, Revote };

struct RoomVote {
  std::string participant; // Participant::id
  Round round = Round::First;
  core::ResponseLevel response = core::ResponseLevel::Nfa;
  std::optional<core::NeedLevel> need;
  std::optional<core::Urgency> urgency;
  std::optional<int> confidence; // 1 (a guess) .. 5 (certain)
  std::optional<int> pHarm;      // percent, 0..100: significant harm within 12 months
  std::string reason;            // one line, at most kMaxReasonBytes
  bool operator==(const RoomVote&) const = default;
};

inline constexpr std::size_t kMaxReasonBytes = 200;
inline constexpr std::size_t kMaxParticipantName = 40;
inline constexpr std::size_t kMaxParticipants = 60;

/// What is wrong with a vote's values, in plain words ("" when nothing is).
std::string voteProblem(const RoomVote& vote);

/// What is wrong with a participant's id or name ("" when nothing is): ids are 1–16
/// letters, digits or '-'; names 1–40 bytes of printable UTF-8 on one line.
std::string participantProblem(const Participant& participant);

} // namespace sim::workshop
