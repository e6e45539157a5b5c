// Spread, shift and agreement of the room's votes.
#include "sim/workshop/room_spread.hpp"

#include <cmath>
#include <cstdlib>
#include <map>

namespace sim::workshop {

namespace {

// Distance from the band in response levels: negative below, positive above, 0 inside.
int distance(core::ResponseLevel level, const core::PanelReview& panel) {
  const int l = core::ordinal(level);
  const int lo = core::ordinal(panel.bandMin);
  const int hi = core::ordinal(panel.bandMax);
  return l < lo ? l - lo : (l > hi ? l - hi : 0);
}

std::vector<std::int64_t> countsOf(const std::vector<RoomVote>& votes, Round round) {
  std::vector<std::int64_t> counts(6, 0);
  for (const auto& vote : votes) {
    if (vote.round == round) {
      ++counts.at(static_cast<std::size_t>(core::ordinal(vote.response)));
    }
  }
  return counts;
}

} // namespace

bool RoomSpread::operator==(const RoomSpread& other) const {
  return votes == other.votes && counts == other.counts && within == other.within &&
         below == other.below && above == other.above &&
         confidentOutside == other.confidentOutside && meanPHarm == other.meanPHarm &&
         pairsAgreeing.value == other.pairsAgreeing.value &&
         pairsAgreeing.defined == other.pairsAgreeing.defined;
}

RoomSpread spreadOf(const std::vector<RoomVote>& votes, Round round,
                    const core::PanelReview& panel) {
  RoomSpread out;
  double harm = 0.0;
  int harmVotes = 0;
  for (const auto& vote : votes) {
    if (vote.round != round) {
      continue;
    }
    ++out.votes;
    ++out.counts.at(static_cast<std::size_t>(core::ordinal(vote.response)));
    const int d = distance(vote.response, panel);
    (d < 0 ? out.below : d > 0 ? out.above : out.within) += 1;
    if (d != 0 && vote.confidence && *vote.confidence >= 4) {
      ++out.confidentOutside;
    }
    if (vote.pHarm) {
      harm += *vote.pHarm;
      ++harmVotes;
    }
  }
  if (harmVotes > 0) {
    out.meanPHarm = harm / harmVotes;
  }
  out.pairsAgreeing = scoring::meanPairwiseAgreement({countsOf(votes, round)});
  return out;
}

Shift shiftOf(const std::vector<RoomVote>& votes, const core::PanelReview& panel) {
  std::map<std::string, const RoomVote*> first;
  for (const auto& vote : votes) {
    if (vote.round == Round::First) {
      first[vote.participant] = &vote;
    }
  }
  Shift out;
  for (const auto& vote : votes) {
    if (vote.round != Round::Revote) {
      continue;
    }
    const auto it = first.find(vote.participant);
    if (it == first.end()) {
      continue;
    }
    ++out.voted;
    if (it->second->response == vote.response) {
      continue;
    }
    ++out.changed;
    const int before = std::abs(distance(it->second->response, panel));
    const int after = std::abs(distance(vote.response, panel));
    if (after < before) {
      ++out.toward;
    } else if (after > before) {
      ++out.away;
    }
  }
  return out;
}

scoring::Statistic roomKappa(const std::vector<std::vector<RoomVote>>& rounds) {
  std::vector<std::vector<std::int64_t>> ratings;
  for (const auto& votes : rounds) {
    ratings.push_back(countsOf(votes, Round::First));
  }
  return scoring::fleissKappa(ratings);
}

} // namespace sim::workshop
