// The engine's reducer: start an attempt at a scenario, and apply one action to it. An
// action is either applied (the state changes and an Event is returned) or refused (the
// state is untouched and the Error says why in words a practitioner understands).
#pragma once

#include "sim/core/result.hpp"
#include "sim/core/scenario.hpp"
#include "sim/engine/attempt_state.hpp"
#include "sim/engine/calendar.hpp"
#include "sim/engine/event.hpp"

namespace sim::engine {

/// A fresh attempt: the contact has arrived (T0) and is waiting to be read.
AttemptState startAttempt(const core::Scenario& scenario);

/// Apply `action` to `state`. Refused actions leave `state` exactly as it was.
core::Result<Event> applyAction(const core::Scenario& scenario, AttemptState& state,
                                const Action& action);
/// The same, with the scenario's calendar already built (as Attempt keeps it).
core::Result<Event> applyAction(const core::Scenario& scenario, const WorkingCalendar& calendar,
                                AttemptState& state, const Action& action);

} // namespace sim::engine
