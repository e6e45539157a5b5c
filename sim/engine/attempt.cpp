// Attempt: reducer plus log, and replay with its consistency checks.
#include "sim/engine/attempt.hpp"

#include "sim/engine/action_text.hpp"
#include "sim/engine/reducer.hpp"

#include <cassert>

namespace sim::engine {

Attempt::Attempt(std::shared_ptr<const core::Scenario> scenario)
    : m_scenario(std::move(scenario)), m_calendar(m_scenario->clock),
      m_state(startAttempt(*m_scenario)) {
  m_log.scenarioId = m_scenario->meta.id;
  m_log.contentHash = m_scenario->contentHash;
}

core::Result<Event> Attempt::apply(const Action& action) {
  auto event = applyAction(*m_scenario, m_calendar, m_state, action);
  if (event) {
    m_log.events.push_back(event.value());
  }
  return event;
}

core::Result<Attempt> Attempt::replay(std::shared_ptr<const core::Scenario> scenario,
                                      const EventLog& log) {
  assert(scenario && "replay needs a scenario");
  if (log.scenarioId != scenario->meta.id) {
    return core::Error{"This attempt was recorded for the case \"" + log.scenarioId + "\", not \"" +
                       scenario->meta.id + "\"."};
  }
  if (log.rules != kEngineRules) {
    return core::Error{"This attempt was recorded under engine rules " + std::to_string(log.rules) +
                       "; this version of Frontdoor uses rules " + std::to_string(kEngineRules) +
                       ", so it cannot replay the attempt exactly."};
  }
  if (log.contentHash != scenario->contentHash) {
    return core::Error{"The case \"" + log.scenarioId +
                       "\" has changed since this attempt was "
                       "recorded: the attempt was made against " +
                       log.contentHash + " and the file is now " + scenario->contentHash +
                       ". It cannot be replayed against a changed case."};
  }
  Attempt attempt(std::move(scenario));
  const auto& calendar = attempt.calendar();
  for (const auto& event : log.events) {
    // Built only when needed: replay is on the resume path and must stay fast.
    const auto label = [&event] {
      return "Event " + std::to_string(event.seq) + " (" + formatAction(event.action) + ")";
    };
    if (event.seq != attempt.m_state.events + 1) {
      return core::Error{label() + " is out of sequence: expected event " +
                         std::to_string(attempt.m_state.events + 1) + "."};
    }
    if (event.at != attempt.m_state.now) {
      return core::Error{label() + " was recorded at " + calendar.describe(event.at) +
                         " but replays at " + calendar.describe(attempt.m_state.now) + "."};
    }
    const auto applied = attempt.apply(event.action);
    if (!applied) {
      return core::Error{label() + " is refused on replay: " + applied.error().message};
    }
  }
  return attempt;
}

} // namespace sim::engine
