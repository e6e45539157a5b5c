// Event and EventLog: an applied action with its sequence number and the simulated time
// it was taken, and the ordered list of them for one attempt, tied to the scenario by id
// and content hash. Replaying the log (attempt.hpp) reproduces the attempt exactly.
#pragma once

#include "sim/engine/action.hpp"
#include "sim/engine/sim_time.hpp"

#include <string>
#include <vector>

namespace sim::engine {

struct Event {
  int seq = 0; // 1, 2, 3 ... in the order applied
  SimTime at;  // the simulated clock when the action was taken
  Action action;
  bool operator==(const Event&) const = default;
};

/// The version of the engine's rules. A change that makes an existing log replay to a
/// different state (a new cost, a new refusal) bumps it, so such logs are refused plainly
/// instead of replaying to something the practitioner never saw.
inline constexpr int kEngineRules = 1;

struct EventLog {
  std::string scenarioId;
  std::string contentHash;
  int rules = kEngineRules;
  std::vector<Event> events;
  bool operator==(const EventLog&) const = default;
};

} // namespace sim::engine
