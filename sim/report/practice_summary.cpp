// Building the practice summary from the results store: attempts with their decisions, and
// the decisions turned into analytics rows without a detour through CSV text.
#include "sim/report/practice_summary.hpp"

#include "sim/scoring/attempt_score.hpp"

namespace sim::report {

namespace {

std::optional<double> probability(const std::optional<double>& value) {
  if (value && *value >= 0.0 && *value <= 1.0) {
    return value;
  }
  return std::nullopt;
}

} // namespace

std::optional<double> storedAttemptScore(const std::vector<storage::DecisionRow>& decisions) {
  std::vector<scoring::WeightedScore> scores;
  for (const auto& d : decisions) {
    if (d.score) {
      scores.push_back({*d.score, d.caseWeight.value_or(1.0)});
    }
  }
  return scoring::attemptScore(scores);
}

std::optional<scoring::DecisionRow> analyticsRow(const storage::StoredDecision& stored) {
  const auto& d = stored.decision;
  const auto response = core::parseToken<core::ResponseLevel>(d.response);
  if (!response) {
    return std::nullopt;
  }
  scoring::DecisionRow row;
  row.trainee = stored.practitioner;
  row.scenario = stored.scenarioId;
  row.decision = *response;
  if (d.needLevel && *d.needLevel >= 1 && *d.needLevel <= 4) {
    row.needLevel = static_cast<core::NeedLevel>(*d.needLevel);
  }
  row.pHarm = probability(d.pHarm);
  row.pRereferral = probability(d.pRereferral);
  row.team = stored.team;
  row.cohort = stored.cohort;
  row.checks = d.checks;
  row.recordsChecked = d.recordsChecked;
  row.childSeen = d.childSeen;
  return row;
}

core::Result<PracticeSummary> summarisePractice(storage::ResultsStore& store,
                                                const std::optional<std::string>& practitioner,
                                                const core::ScenarioIndex* scenarios) {
  PracticeSummary out;
  const auto attempts = store.allAttempts(practitioner);
  if (!attempts) {
    return attempts.error();
  }
  for (const auto& a : attempts.value()) {
    auto decisions = store.decisionsOf(a.id);
    if (!decisions) {
      return decisions.error();
    }
    AttemptRecord record{a, std::move(decisions).value(), std::nullopt};
    record.score = storedAttemptScore(record.decisions);
    out.attempts.push_back(std::move(record));
  }
  const auto stored = store.decisions(practitioner);
  if (!stored) {
    return stored.error();
  }
  out.rows.reserve(stored.value().size());
  for (const auto& s : stored.value()) {
    if (auto row = analyticsRow(s)) {
      out.rows.push_back(std::move(*row));
    }
  }
  out.analytics = scoring::analyse(out.rows, scenarios);
  return out;
}

} // namespace sim::report
