// The default decision cost matrix (rows: panel level, columns: trainee level).
#include "sim/scoring/decision_cost.hpp"

#include <array>
#include <cassert>

namespace sim::scoring {

namespace {
constexpr std::array<std::array<int, 6>, 6> kCost{{
    {0, 0, 1, 2, 4, 5},   // panel nfa
    {0, 0, 1, 2, 4, 5},   // panel advice
    {3, 2, 0, 1, 3, 4},   // panel early_help
    {6, 5, 3, 0, 1, 3},   // panel s17
    {10, 9, 8, 5, 0, 1},  // panel s47
    {10, 10, 9, 7, 3, 0}, // panel immediate
}};

std::size_t index(core::ResponseLevel level) {
  return static_cast<std::size_t>(core::ordinal(level));
}
} // namespace

int matrixCost(core::ResponseLevel panel, core::ResponseLevel trainee) {
  return kCost.at(index(panel)).at(index(trainee));
}

int bandCost(core::ResponseLevel bandMin, core::ResponseLevel bandMax,
             core::ResponseLevel trainee) {
  assert(core::ordinal(bandMin) <= core::ordinal(bandMax) && "band must run low to high");
  if (core::ordinal(trainee) < core::ordinal(bandMin)) {
    return matrixCost(bandMin, trainee);
  }
  if (core::ordinal(trainee) > core::ordinal(bandMax)) {
    return matrixCost(bandMax, trainee);
  }
  return 0;
}

} // namespace sim::scoring
