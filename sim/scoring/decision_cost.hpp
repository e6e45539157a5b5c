// Decision appropriateness cost: the ordinal cost matrix of domain.md §9.3 (under-response
// costlier than over-response, both growing with distance), measured from the nearest edge
// of the panel's acceptable band.
#pragma once

#include "sim/core/codes.hpp"

namespace sim::scoring {

/// Cost (0..10) of answering `trainee` when the panel's level is `panel`.
int matrixCost(core::ResponseLevel panel, core::ResponseLevel trainee);

/// Cost of `trainee` against a band [bandMin, bandMax]: 0 inside the band, otherwise the
/// matrix cost from the nearest edge of the band.
int bandCost(core::ResponseLevel bandMin, core::ResponseLevel bandMax, core::ResponseLevel trainee);

/// Largest cost in the matrix (for scaling to points).
constexpr int kMaxDecisionCost = 10;

} // namespace sim::scoring
