// Building the shell model's screens from the store, the library and the open attempt:
// Home, the case library, the workspace, the debrief and Progress, each only when asked.
#include "sim/session/session.hpp"

#include "sim/engine/debrief.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/report/practice_summary.hpp"
#include "sim/scoring/decision_score.hpp"
#include "sim/session/progress_builder.hpp"

#include <algorithm>
#include <map>

namespace sim::session {

void Session::rebuild(const Rebuild& which) {
  if (which.home) {
    refreshHome();
  }
  if (which.library) {
    refreshLibrary();
  }
  if (which.workspace) {
    refreshWorkspace();
  }
  if (which.debrief) {
    refreshDebrief();
  }
  if (which.progress) {
    refreshProgress();
  }
}

void Session::refreshHome() {
  auto& home = m_model.home;
  home.profiles.clear();
  home.unfinished.clear();
  home.casesAvailable = static_cast<int>(
      std::count_if(m_scenarios.begin(), m_scenarios.end(), [](const auto& s) { return !!s; }));
  home.attemptsFinished = 0;
  if (!m_store) {
    return;
  }
  const auto profiles = m_store->practitioners();
  const auto attempts = m_store->allAttempts(std::nullopt);
  if (!profiles || !attempts) {
    notice(view::Notice::Kind::Error, "Your results could not be read",
           !profiles ? profiles.error().message : attempts.error().message,
           "Close and reopen Frontdoor; if it happens again, check the results database.");
    return;
  }
  for (const auto& p : profiles.value()) {
    view::ProfileRow row{p.id, p.displayName, p.team, 0, 0};
    for (const auto& a : attempts.value()) {
      if (a.practitioner == p.id) {
        row.attempts += 1;
        row.finished += a.status == core::AttemptStatus::Finished ? 1 : 0;
      }
    }
    home.profiles.push_back(std::move(row));
  }
  for (const auto& a : attempts.value()) {
    if (a.practitioner != home.currentId) {
      continue;
    }
    home.attemptsFinished += a.status == core::AttemptStatus::Finished ? 1 : 0;
    if (a.status != core::AttemptStatus::InProgress) {
      continue;
    }
    view::UnfinishedAttempt u;
    u.attemptId = a.id;
    u.scenarioId = a.scenarioId;
    u.startedAt = a.startedAt;
    const auto scenario = scenarioById(a.scenarioId);
    u.title = scenario ? scenario->meta.title : a.scenarioId;
    if (const auto events = m_store->events(a.id)) {
      u.events = static_cast<int>(events.value().size());
    }
    if (!scenario) {
      u.resumable = false;
      u.problem = "The case is no longer in the library.";
    } else if (scenario->contentHash != a.scenarioHash) {
      u.resumable = false;
      u.problem = "The case file has changed since this attempt was started.";
    }
    home.unfinished.push_back(std::move(u));
  }
}

void Session::refreshLibrary() {
  for (auto& entry : m_model.library.entries) {
    entry.status = view::CaseStatus::New;
    entry.attempts = 0;
    entry.bestScore.reset();
    entry.unfinishedAttempt = 0;
  }
  if (!m_store || m_model.home.currentId.empty()) {
    return;
  }
  const auto attempts = m_store->attempts(m_model.home.currentId, false);
  if (!attempts) {
    return; // refreshHome has said so
  }
  std::map<std::string, view::LibraryEntry*, std::less<>> byId;
  for (auto& entry : m_model.library.entries) {
    if (entry.loaded) {
      byId[entry.id] = &entry;
    }
  }
  for (const auto& a : attempts.value()) {
    const auto found = byId.find(a.scenarioId);
    if (found == byId.end() || a.status == core::AttemptStatus::Abandoned) {
      continue;
    }
    auto& entry = *found->second;
    entry.attempts += 1;
    if (a.status == core::AttemptStatus::InProgress) {
      entry.status = view::CaseStatus::InProgress;
      entry.unfinishedAttempt = a.id;
    } else if (a.status == core::AttemptStatus::Finished) {
      if (entry.status == view::CaseStatus::New) {
        entry.status = view::CaseStatus::Done;
      }
      if (const auto decisions = m_store->decisionsOf(a.id)) {
        if (const auto score = report::storedAttemptScore(decisions.value())) {
          entry.bestScore = std::max(entry.bestScore.value_or(0.0), *score);
        }
      }
    }
  }
}

void Session::refreshWorkspace() {
  auto& w = m_model.workspace;
  w = {};
  if (!m_attempt) {
    return;
  }
  w.scenario = m_attempt->scenarioPtr();
  w.state = &m_attempt->state();
  w.calendar = &m_attempt->calendar();
  w.attemptId = m_attemptId;
  w.readOnly = m_readOnly;
  w.chronology = engine::describeTranscript(m_attempt->scenario(), m_attempt->state());
  w.refusal = m_refusal;
}

void Session::refreshDebrief() {
  auto& d = m_model.debrief;
  d = {};
  if (!m_attempt || m_attempt->state().decisions.empty()) {
    return;
  }
  const auto& scenario = m_attempt->scenario();
  const auto& state = m_attempt->state();
  d.scenario = m_attempt->scenarioPtr();
  d.attemptId = m_attemptId;
  const auto rubric = scoring::rubricFor(m_rubric, scenario);
  std::vector<scoring::DecisionScore> scores;
  for (std::size_t i = 0; i < state.decisions.size(); ++i) {
    const int point = static_cast<int>(i);
    auto debrief = engine::debriefFor(scenario, state, point);
    auto score = scoring::scoreDecision(scenario, state, point, rubric);
    if (!debrief || !score) {
      continue; // locked decisions always have both; nothing to show otherwise
    }
    scores.push_back(score.value());
    d.points.push_back({std::move(debrief).value(), std::move(score).value()});
  }
  d.finished = state.phase == engine::Phase::Closed;
  d.canOpenNext = !m_readOnly && state.phase == engine::Phase::Decided;
  if (!scores.empty()) {
    d.overall = scoring::weightedMeanScore(scores);
  }
}

void Session::refreshProgress() {
  m_model.progress = {};
  if (!m_store || m_model.home.currentId.empty()) {
    return;
  }
  auto built = buildProgress(*m_store, m_model.home.currentId, m_index, m_rubric);
  if (!built) {
    notice(view::Notice::Kind::Error, "Your progress could not be read", built.error().message,
           "Close and reopen Frontdoor; if it happens again, check the results database.");
    return;
  }
  m_model.progress = std::move(built).value();
}

} // namespace sim::session
