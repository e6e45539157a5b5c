// Progress: attempts, trend and analytics from the results store.
#include "sim/session/progress_builder.hpp"

#include "sim/scoring/decision_table.hpp"

namespace sim::session {

std::optional<double> attemptScore(const std::vector<storage::DecisionRow>& decisions) {
  double sum = 0.0;
  double weights = 0.0;
  for (const auto& d : decisions) {
    if (d.score) {
      const double w = d.caseWeight.value_or(1.0);
      sum += *d.score * w;
      weights += w;
    }
  }
  if (weights <= 0.0) {
    return std::nullopt;
  }
  return sum / weights;
}

namespace {

std::string againstPanel(const core::Scenario& scenario, core::ResponseLevel response) {
  if (scenario.panels.empty()) {
    return {};
  }
  const auto& panel = scenario.panels.front();
  if (response < panel.bandMin) {
    return "below the panel's band";
  }
  if (response > panel.bandMax) {
    return "above the panel's band";
  }
  return "within the panel's band";
}

} // namespace

core::Result<view::ProgressModel> buildProgress(storage::ResultsStore& store,
                                                const std::string& practitioner,
                                                const scoring::ScenarioIndex& scenarios) {
  view::ProgressModel out;
  const auto attempts = store.attempts(practitioner, false);
  if (!attempts) {
    return attempts.error();
  }
  for (const auto& a : attempts.value()) {
    view::AttemptSummary summary;
    summary.attemptId = a.id;
    summary.scenarioId = a.scenarioId;
    summary.startedAt = a.startedAt;
    summary.status = a.status;
    const auto found = scenarios.find(a.scenarioId);
    const core::Scenario* scenario = found != scenarios.end() ? found->second.get() : nullptr;
    summary.title = scenario != nullptr ? scenario->meta.title : a.scenarioId;
    const auto decisions = store.decisionsOf(a.id);
    if (!decisions) {
      return decisions.error();
    }
    summary.score = attemptScore(decisions.value());
    if (!decisions.value().empty()) {
      const auto& first = decisions.value().front();
      if (const auto level = core::parseToken<core::ResponseLevel>(first.response)) {
        summary.decision = std::string(core::labelOf(*level));
        if (scenario != nullptr) {
          summary.againstPanel = againstPanel(*scenario, *level);
        }
      }
    }
    if (a.status == "finished" && summary.score) {
      out.trend.push_back(*summary.score);
    }
    out.attempts.push_back(std::move(summary));
  }
  const auto csv = store.decisionsCsv(practitioner);
  if (!csv) {
    return csv.error();
  }
  const auto table = scoring::readDecisionTable(csv.value(), "results");
  if (!table.rows.empty()) {
    const auto report = scoring::analyse(table.rows, &scenarios);
    for (const auto& p : report.practitioners) {
      if (p.trainee == practitioner) {
        out.summary = p;
      }
    }
  }
  return out;
}

} // namespace sim::session
