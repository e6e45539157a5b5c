// Building what the projector shows, and the presenter's private notes.
#include "sim/workshop/audience_frame.hpp"

#include "sim/engine/calendar.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/workshop/room_spread.hpp"

#include <cmath>

namespace sim::workshop {

namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

std::string percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100.0))) + "%";
}

std::string countsLine(const RoomSpread& spread, core::ResponseLevel level) {
  const int n = spread.counts.at(static_cast<std::size_t>(core::ordinal(level)));
  return std::string(core::labelOf(level)) + ": " + std::to_string(n);
}

// The room's votes as counts per response level (no band: the panel is not revealed).
AudienceBlock roomBlock(const std::string& heading, const RoomSpread& spread) {
  AudienceBlock block{heading, {}};
  for (int l = 0; l < 6; ++l) {
    block.lines.push_back(countsLine(spread, static_cast<core::ResponseLevel>(l)));
  }
  if (spread.meanPHarm) {
    block.lines.push_back("The room's mean chance of significant harm within 12 months: " +
                          std::to_string(static_cast<int>(std::lround(*spread.meanPHarm))) + "%");
  }
  return block;
}

const core::PanelReview* panelAt(const WorkshopRun& run, int caseIndex, int pauseIndex) {
  const int point = run.decisionPointOf(caseIndex, pauseIndex);
  if (point < 0) {
    return nullptr;
  }
  const auto& scenario = run.attempt(caseIndex).scenario();
  return scenario.panelFor(scenario.decisionPoints.at(at(point)).id);
}

} // namespace

AudienceFrame audienceFrame(const WorkshopRun& run) {
  const auto& s = run.step();
  const auto& room = run.attempt(s.caseIndex);
  const auto& scenario = room.scenario();
  AudienceFrame frame;
  frame.title = run.plan().title;
  frame.caseTitle = scenario.meta.title;
  const auto& pause = run.pause();
  frame.prompt = pause.prompt;
  const bool discussing =
      s.kind == StepKind::Discuss || s.kind == StepKind::Vote || s.kind == StepKind::Revote;
  if (pause.timerMinutes && discussing) {
    frame.blocks.push_back({"Time to discuss", {std::to_string(*pause.timerMinutes) + " minutes"}});
  }
  // What the room has learned so far: the chronology of its own attempt.
  AudienceBlock chronology{"What you know so far", {}};
  const engine::WorkingCalendar calendar(scenario.clock);
  for (const auto& line : engine::describeTranscript(scenario, room.state())) {
    if (line.kind == engine::EntryKind::Decision) {
      continue; // the room's locked decision is shown beside its votes instead
    }
    chronology.lines.push_back(calendar.describe(line.at) + " — " + line.heading);
    if (!line.text.empty()) {
      chronology.lines.push_back(line.text);
    }
  }
  if (!chronology.lines.empty()) {
    frame.blocks.push_back(std::move(chronology));
  }
  if (s.kind == StepKind::Vote || s.kind == StepKind::Revote) {
    const std::string what = s.kind == StepKind::Vote ? "Vote on your own" : "Vote again";
    frame.blocks.push_back({what,
                            {std::to_string(run.answered()) + " of " +
                             std::to_string(run.participants().size()) + " answered"}});
  }
  const auto* panel = panelAt(run, s.caseIndex, s.pauseIndex);
  if (panel == nullptr) {
    return frame;
  }
  const auto votes = run.votesAt(s.caseIndex, s.pauseIndex);
  const auto first = spreadOf(votes, Round::First, *panel);
  const auto revote = spreadOf(votes, Round::Revote, *panel);
  const bool panelShown = run.revealed(s.caseIndex, s.pauseIndex, core::RevealKind::Panel);
  if (run.revealed(s.caseIndex, s.pauseIndex, core::RevealKind::Room)) {
    frame.blocks.push_back(roomBlock("The room's first votes", first));
  }
  if (run.revealed(s.caseIndex, s.pauseIndex, core::RevealKind::Shift)) {
    auto block = roomBlock("After discussion", revote);
    const auto shift = shiftOf(votes, *panel);
    block.lines.push_back(std::to_string(shift.changed) + " of " + std::to_string(shift.voted) +
                          " changed their answer");
    if (panelShown) {
      block.lines.push_back(std::to_string(shift.toward) + " moved toward the panel's band, " +
                            std::to_string(shift.away) + " away from it");
    }
    frame.blocks.push_back(std::move(block));
  }
  if (panelShown) {
    const auto& final = revote.votes > 0 ? revote : first;
    AudienceBlock block{"The panel", {}};
    block.lines.push_back("The panel's decision: " + std::string(core::labelOf(panel->consensus)));
    block.lines.push_back("Reasonable range: " + std::string(core::labelOf(panel->bandMin)) +
                          " to " + std::string(core::labelOf(panel->bandMax)));
    if (final.votes > 0) {
      const double n = final.votes;
      block.lines.push_back("The room: " + percent(final.within / n) + " within the range, " +
                            percent(final.below / n) + " below, " + percent(final.above / n) +
                            " above");
      block.lines.push_back(std::to_string(final.confidentOutside) +
                            " confident (4 or 5) and outside the range");
    }
    if (panel->pSignificantHarm && final.meanPHarm) {
      block.lines.push_back(
          "Chance of significant harm: the panel " +
          std::to_string(static_cast<int>(std::lround(*panel->pSignificantHarm * 100.0))) +
          "%, the room " + std::to_string(static_cast<int>(std::lround(*final.meanPHarm))) + "%");
    }
    for (const auto& member : panel->panellists) {
      block.lines.push_back(member.role + ": " + std::string(core::labelOf(member.decision)));
    }
    frame.blocks.push_back(std::move(block));
  }
  if (run.revealed(s.caseIndex, s.pauseIndex, core::RevealKind::Reasoning)) {
    AudienceBlock block{"The panel's reasoning", {panel->rationale}};
    for (const auto& point : panel->teachingPoints) {
      block.lines.push_back("• " + point);
    }
    frame.blocks.push_back(std::move(block));
  }
  if (run.revealed(s.caseIndex, s.pauseIndex, core::RevealKind::Outcome)) {
    AudienceBlock block{"What actually happened", {}};
    for (const auto& event : scenario.outcome.events) {
      block.lines.push_back("Day " + std::to_string(event.day) + ": " + event.text);
    }
    if (!scenario.outcome.summary.empty()) {
      block.lines.push_back(scenario.outcome.summary);
    }
    frame.blocks.push_back(std::move(block));
  }
  return frame;
}

std::string frameText(const AudienceFrame& frame) {
  std::string out = frame.title + "\n" + frame.caseTitle + "\n" + frame.prompt + "\n";
  for (const auto& block : frame.blocks) {
    out += "\n## " + block.heading + "\n";
    for (const auto& line : block.lines) {
      out += line + "\n";
    }
  }
  return out;
}

std::vector<AudienceBlock> presenterNotes(const WorkshopRun& run) {
  const auto& s = run.step();
  std::vector<AudienceBlock> out;
  const auto* panel = panelAt(run, s.caseIndex, s.pauseIndex);
  const auto& room = run.attempt(s.caseIndex);
  const auto& scenario = room.scenario();
  const auto* forFacts = panel;
  if (forFacts == nullptr) {
    const int point = room.state().decisionPoint;
    forFacts = scenario.panelFor(scenario.decisionPoints.at(at(point)).id);
  }
  if (forFacts != nullptr) {
    AudienceBlock facts{"The panel's critical facts", {}};
    for (const auto& id : forFacts->criticalFacts) {
      for (std::size_t f = 0; f < scenario.facts.size(); ++f) {
        if (scenario.facts[f].id == id) {
          const bool known = room.state().knows(static_cast<int>(f));
          facts.lines.push_back((known ? "Reached: " : "Not yet: ") + scenario.facts[f].text);
        }
      }
    }
    out.push_back(std::move(facts));
    out.push_back({"The panel (private)",
                   {"Decision: " + std::string(core::labelOf(forFacts->consensus)),
                    "Range: " + std::string(core::labelOf(forFacts->bandMin)) + " to " +
                        std::string(core::labelOf(forFacts->bandMax)),
                    forFacts->rationale}});
    AudienceBlock teaching{"Teaching points", {}};
    for (const auto& point : forFacts->teachingPoints) {
      teaching.lines.push_back("• " + point);
    }
    out.push_back(std::move(teaching));
  }
  if (panel != nullptr) {
    const auto votes = run.votesAt(s.caseIndex, s.pauseIndex);
    out.push_back(roomBlock("Votes so far (first round)", spreadOf(votes, Round::First, *panel)));
  }
  return out;
}

} // namespace sim::workshop
