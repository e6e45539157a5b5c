// The practice summary: one practitioner's (or everyone's) stored attempts and decisions,
// typed, and the analytics over those decisions (conversion beside the panels', agreement,
// signal detection, calibration, habits). Progress in the app and the printable practice
// report are both built from it, straight from the results store.
#pragma once

#include "sim/core/result.hpp"
#include "sim/core/scenario.hpp"
#include "sim/scoring/analytics.hpp"
#include "sim/storage/results_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sim::report {

/// One stored attempt with its locked decisions and its score.
struct AttemptRecord {
  storage::AttemptRow attempt;
  std::vector<storage::DecisionRow> decisions; // by decision point
  std::optional<double> score;                 // weighted over its scored decisions
};

struct PracticeSummary {
  std::vector<AttemptRecord> attempts;    // oldest first
  std::vector<scoring::DecisionRow> rows; // every decision, by practitioner, attempt, point
  scoring::Report analytics;              // over `rows`, against the panels when given
};

/// The summary of `practitioner`'s attempts (everyone's when empty). With `scenarios`, the
/// decisions are compared with the panels of the cases found there.
core::Result<PracticeSummary> summarisePractice(storage::ResultsStore& store,
                                                const std::optional<std::string>& practitioner,
                                                const core::ScenarioIndex* scenarios);

/// A stored decision as the analytics read it; none when its response is not a response
/// token (a damaged row). Estimates outside 0..1 are left out.
std::optional<scoring::DecisionRow> analyticsRow(const storage::StoredDecision& stored);

/// The score of an attempt from its stored decisions (scoring::attemptScore).
std::optional<double> storedAttemptScore(const std::vector<storage::DecisionRow>& decisions);

} // namespace sim::report
