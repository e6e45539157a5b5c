// Recording an attempt in the results store as it happens: each applied event (durably,
// before the next action), each locked decision with its score and information habits,
// and the attempt's end. Shared by the app's session and `frontdoor-cli play`.
#pragma once

#include "sim/core/rubric.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/storage/results_store.hpp"

#include <cstdint>
#include <string>

namespace sim::session {

/// The decision row (score, estimates, habits) of the locked decision at `point`.
storage::DecisionRow decisionRow(const engine::Attempt& attempt, int point, std::int64_t attemptId,
                                 const core::Rubric& rubric);

/// Store one applied event; if it locked a decision, store the decision and its score; if
/// it closed the attempt, mark the attempt finished at `now` (UTC ISO 8601).
core::Result<storage::Ok> recordEvent(storage::ResultsStore& store, std::int64_t attemptId,
                                      const engine::Attempt& attempt, const engine::Event& event,
                                      const core::Rubric& rubric, const std::string& now);

/// The current time as UTC ISO 8601 ("2026-11-26T09:00:00Z"), for attempt timestamps.
std::string utcNow();

} // namespace sim::session
