// Which routes (questions, checks, direct contacts, manager hints) are open at which
// decision point. Shared by the reducer, which offers them, and the debrief, which lists
// the ones not taken, so that both always agree.
#pragma once

#include "sim/core/scenario.hpp"

#include <string>
#include <string_view>

namespace sim::engine {

/// Index of the decision point with this id; an empty id means the first (0); -1 if none.
int decisionPointIndex(const core::Scenario& scenario, std::string_view id);

/// Whether a route written for decision point `id` (empty: from the start) is open at
/// decision point `current`: routes stay open at later decision points.
bool routeOpenAt(const core::Scenario& scenario, const std::string& id, int current);

/// The manager hint offered at decision point `index`: the one written for it, else the
/// first written for no particular decision point; -1 when there is none.
int managerHintAt(const core::Scenario& scenario, int index);

} // namespace sim::engine
