// Attempt: a scenario, the state of one attempt at it and the log of applied events, kept
// together so that the log always reproduces the state. Replaying a log against the same
// scenario (checked by content hash) rebuilds the identical attempt, e.g. after a crash.
#pragma once

#include "sim/core/result.hpp"
#include "sim/core/scenario.hpp"
#include "sim/engine/attempt_state.hpp"
#include "sim/engine/calendar.hpp"
#include "sim/engine/event.hpp"

#include <memory>

namespace sim::engine {

class Attempt {
public:
  explicit Attempt(std::shared_ptr<const core::Scenario> scenario);

  /// Apply an action; on success the event is appended to the log and returned.
  core::Result<Event> apply(const Action& action);

  [[nodiscard]] const core::Scenario& scenario() const { return *m_scenario; }
  [[nodiscard]] const std::shared_ptr<const core::Scenario>& scenarioPtr() const {
    return m_scenario;
  }
  [[nodiscard]] const WorkingCalendar& calendar() const { return m_calendar; }
  [[nodiscard]] const AttemptState& state() const { return m_state; }
  [[nodiscard]] const EventLog& log() const { return m_log; }

  /// Rebuild an attempt from its log. Refused when the log belongs to another scenario or
  /// to another version of this one (the message names both content hashes), or when an
  /// event no longer applies or lands at a different time than recorded.
  static core::Result<Attempt> replay(std::shared_ptr<const core::Scenario> scenario,
                                      const EventLog& log);

private:
  std::shared_ptr<const core::Scenario> m_scenario;
  WorkingCalendar m_calendar; // built once: holidays are sorted when it is made
  AttemptState m_state;
  EventLog m_log;
};

} // namespace sim::engine
