// Progress: attempts, trend and analytics from the practice summary of the results store.
#include "sim/session/progress_builder.hpp"

#include "sim/engine/attempt.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/report/practice_summary.hpp"
#include "sim/scoring/decision_score.hpp"

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

// The finished attempt replayed from its events, or none when its case is not in the
// library as it was (another version) or its record does not replay.
std::optional<engine::Attempt> replayed(storage::ResultsStore& store, const storage::AttemptRow& a,
                                        const core::ScenarioIndex& scenarios) {
  const auto found = scenarios.find(a.scenarioId);
  if (found == scenarios.end() || found->second->contentHash != a.scenarioHash) {
    return std::nullopt;
  }
  const auto lines = store.events(a.id);
  if (!lines) {
    return std::nullopt;
  }
  const auto log = engine::eventLogFromLines(a.scenarioId, a.scenarioHash, a.rules, lines.value());
  if (!log) {
    return std::nullopt;
  }
  auto attempt = engine::Attempt::replay(found->second, log.value());
  if (!attempt) {
    return std::nullopt;
  }
  return std::move(attempt).value();
}

// Add each scored part of every locked decision of the attempt to the shares.
void addComponents(const engine::Attempt& attempt, const core::Rubric& base,
                   std::vector<view::ComponentShare>& shares) {
  const auto& scenario = attempt.scenario();
  const auto rubric = scoring::rubricFor(base, scenario);
  for (int point = 0; point < static_cast<int>(attempt.state().decisions.size()); ++point) {
    const auto score = scoring::scoreDecision(scenario, attempt.state(), point, rubric);
    if (!score) {
      continue;
    }
    for (const auto& component : score.value().components) {
      auto& share = shares.at(static_cast<std::size_t>(component.component));
      if (component.scored) {
        share.earned += component.earned;
        share.available += component.weight;
        ++share.decisions;
      }
    }
  }
}

} // namespace

core::Result<view::ProgressModel> buildProgress(storage::ResultsStore& store,
                                                const std::string& practitioner,
                                                const core::ScenarioIndex& scenarios,
                                                const core::Rubric& rubric) {
  const auto practice = report::summarisePractice(store, practitioner, &scenarios);
  if (!practice) {
    return practice.error();
  }
  view::ProgressModel out;
  std::vector<view::ComponentShare> shares;
  for (int c = 0; c < scoring::kComponents; ++c) {
    shares.push_back({static_cast<scoring::Component>(c), 0.0, 0.0, 0});
  }
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
    if (a.status == core::AttemptStatus::Finished) {
      if (const auto attempt = replayed(store, a, scenarios)) {
        addComponents(*attempt, rubric, shares);
        ++out.componentAttempts;
      }
    }
    out.attempts.push_back(std::move(summary));
  }
  if (out.componentAttempts > 0) {
    out.components = std::move(shares);
  }
  for (const auto& p : practice.value().analytics.practitioners) {
    if (p.trainee == practitioner) {
      out.summary = p;
    }
  }
  return out;
}

} // namespace sim::session
