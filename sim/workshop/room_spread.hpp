// The figures a trainer discusses at a pause, from one round of the room's votes beside the
// panel's review: how many chose each response, the share within, below and above the
// panel's band, how many were confident (4 or 5) and outside it, the room's mean chance of
// significant harm against the panel's, the share of pairs that agree, and Fleiss' kappa
// of the room over every decision it has voted on. Computed always; the audience window
// shows each figure only once the reveal that owns it has been made.
#pragma once

#include "sim/core/scenario.hpp"
#include "sim/scoring/agreement.hpp"
#include "sim/workshop/room_vote.hpp"

#include <array>
#include <optional>
#include <vector>

namespace sim::workshop {

struct RoomSpread {
  int votes = 0;
  std::array<int, 6> counts{}; // by response level, nfa..immediate
  int within = 0;              // inside the panel's band
  int below = 0;
  int above = 0;
  int confidentOutside = 0;         // confidence 4 or 5, outside the band
  std::optional<double> meanPHarm;  // percent, over the votes that gave one
  scoring::Statistic pairsAgreeing; // share of pairs of votes choosing the same response
  bool operator==(const RoomSpread& other) const;
};

/// The spread of the votes of `round` (one per participant) against `panel`.
RoomSpread spreadOf(const std::vector<RoomVote>& votes, Round round,
                    const core::PanelReview& panel);

/// How the room moved between the first vote and the revote, measured against the band.
struct Shift {
  int voted = 0; // participants who voted in both rounds
  int changed = 0;
  int toward = 0; // moved closer to the band (or into it)
  int away = 0;   // moved further from it
  bool operator==(const Shift&) const = default;
};

Shift shiftOf(const std::vector<RoomVote>& votes, const core::PanelReview& panel);

/// Fleiss' kappa among the room over several decisions: `rounds[i]` holds the votes of one
/// decision point (the first round).
scoring::Statistic roomKappa(const std::vector<std::vector<RoomVote>>& rounds);

} // namespace sim::workshop
