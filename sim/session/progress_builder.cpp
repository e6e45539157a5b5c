// Progress: attempts, trend and analytics from the practice summary of the results store.
#include "sim/session/progress_builder.hpp"

#include "sim/report/practice_summary.hpp"

namespace sim::session {

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
                                                const core::ScenarioIndex& scenarios) {
  const auto practice = report::summarisePractice(store, practitioner, &scenarios);
  if (!practice) {
    return practice.error();
  }
  view::ProgressModel out;
  for (const auto& record : practice.value().attempts) {
    const auto& a = record.attempt;
    view::AttemptSummary summary;
    summary.attemptId = a.id;
    summary.scenarioId = a.scenarioId;
    summary.startedAt = a.startedAt;
    summary.status = a.status;
    const auto found = scenarios.find(a.scenarioId);
    const core::Scenario* scenario = found != scenarios.end() ? found->second.get() : nullptr;
    summary.title = scenario != nullptr ? scenario->meta.title : a.scenarioId;
    summary.score = record.score;
    if (!record.decisions.empty()) {
      const auto& first = record.decisions.front();
      if (const auto level = core::parseToken<core::ResponseLevel>(first.response)) {
        summary.decision = std::string(core::labelOf(*level));
        if (scenario != nullptr) {
          summary.againstPanel = againstPanel(*scenario, *level);
        }
      }
    }
    if (a.status == core::AttemptStatus::Finished && summary.score) {
      out.trend.push_back(*summary.score);
    }
    out.attempts.push_back(std::move(summary));
  }
  for (const auto& p : practice.value().analytics.practitioners) {
    if (p.trainee == practitioner) {
      out.summary = p;
    }
  }
  return out;
}

} // namespace sim::session
