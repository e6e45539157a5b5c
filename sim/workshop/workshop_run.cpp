// The workshop's steps and the rules of what the room may do and see when.
#include "sim/workshop/workshop_run.hpp"

#include <algorithm>
#include <set>
#include <type_traits>

namespace sim::workshop {

namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

template <typename T> int indexOf(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

} // namespace

std::vector<Step> stepsOf(const core::WorkshopPlan& plan) {
  std::vector<Step> out;
  for (std::size_t c = 0; c < plan.cases.size(); ++c) {
    const auto& pauses = plan.cases[c].pauses;
    for (std::size_t p = 0; p < pauses.size(); ++p) {
      const auto& pause = pauses[p];
      const int ci = static_cast<int>(c);
      const int pi = static_cast<int>(p);
      if (pause.vote == core::VoteKind::None) {
        out.push_back({ci, pi, StepKind::Discuss});
      } else {
        out.push_back({ci, pi, StepKind::Vote});
        if (pause.revote) {
          out.push_back({ci, pi, StepKind::Revote});
        }
      }
      if (pause.at == core::PauseAt::DecisionPoint) {
        out.push_back({ci, pi, StepKind::Lock});
      }
      for (const auto reveal : pause.reveals) {
        out.push_back({ci, pi, StepKind::Reveal, reveal});
      }
    }
  }
  return out;
}

core::Result<WorkshopRun>
WorkshopRun::start(core::WorkshopPlan plan,
                   std::vector<std::shared_ptr<const core::Scenario>> cases) {
  if (plan.cases.empty() || cases.size() != plan.cases.size()) {
    return core::Error{"The workshop needs one case for each case of its plan."};
  }
  std::vector<engine::Attempt> attempts;
  for (std::size_t c = 0; c < cases.size(); ++c) {
    if (!cases[c] || cases[c]->meta.id != plan.cases[c].scenario) {
      return core::Error{"The plan's case " + std::to_string(c + 1) + " is \"" +
                         plan.cases[c].scenario + "\", which is not in the library."};
    }
    attempts.emplace_back(cases[c]);
  }
  WorkshopRun run(std::move(plan), std::move(attempts));
  if (run.m_steps.empty()) {
    return core::Error{"The plan has no pauses."};
  }
  return run;
}

WorkshopRun::WorkshopRun(core::WorkshopPlan plan, std::vector<engine::Attempt> attempts)
    : m_plan(std::move(plan)), m_steps(stepsOf(m_plan)), m_attempts(std::move(attempts)) {
  for (const auto& planCase : m_plan.cases) {
    m_records.emplace_back(planCase.pauses.size());
  }
}

const core::PlanPause& WorkshopRun::pause() const {
  return m_plan.cases.at(at(step().caseIndex)).pauses.at(at(step().pauseIndex));
}

const engine::Attempt& WorkshopRun::attempt(int caseIndex) const {
  return m_attempts.at(at(caseIndex));
}

const WorkshopRun::PauseRecord& WorkshopRun::record(int caseIndex, int pauseIndex) const {
  return m_records.at(at(caseIndex)).at(at(pauseIndex));
}

WorkshopRun::PauseRecord& WorkshopRun::record(int caseIndex, int pauseIndex) {
  return m_records.at(at(caseIndex)).at(at(pauseIndex));
}

int WorkshopRun::decisionPointOf(int caseIndex, int pauseIndex) const {
  const auto& p = m_plan.cases.at(at(caseIndex)).pauses.at(at(pauseIndex));
  if (p.at != core::PauseAt::DecisionPoint) {
    return -1;
  }
  return attempt(caseIndex).scenario().decisionPointIndex(p.target);
}

std::string WorkshopRun::notReachedYet() const {
  const auto& room = currentAttempt();
  const auto& state = room.state();
  const auto& scenario = room.scenario();
  const auto& p = pause();
  if (!state.contactRead) {
    return "Read the contact with the room first.";
  }
  switch (p.at) {
  case core::PauseAt::Contact:
    return "";
  case core::PauseAt::Records:
    return state.recordsChecked ? "" : "Check the records for the room first.";
  case core::PauseAt::Enquiry: {
    if (const int q = indexOf(scenario.questions, p.target); q >= 0) {
      return state.asked[at(q)] ? "" : "Ask the referrer the room's question first.";
    }
    if (const int c = indexOf(scenario.checks, p.target); c >= 0) {
      const auto status = state.checks[at(c)].status;
      const bool answered =
          status == engine::CheckStatus::Replied || status == engine::CheckStatus::NoReply;
      return answered ? "" : "Request this check for the room and wait for its reply first.";
    }
    if (const int d = indexOf(scenario.direct, p.target); d >= 0) {
      return state.direct[at(d)] ? "" : "Make this direct contact for the room first.";
    }
    return "This pause names an enquiry the case does not have.";
  }
  case core::PauseAt::DecisionPoint: {
    const int point = scenario.decisionPointIndex(p.target);
    return state.decisionPoint == point ? "" : "The room has not reached this decision point yet.";
  }
  }
  return "";
}

bool WorkshopRun::voteOpen() const {
  return !m_finished && (step().kind == StepKind::Vote || step().kind == StepKind::Revote);
}

core::Result<int> WorkshopRun::addParticipant(Participant participant) {
  if (auto problem = participantProblem(participant); !problem.empty()) {
    return core::Error{problem};
  }
  if (m_participants.size() >= kMaxParticipants) {
    return core::Error{"A workshop has at most " + std::to_string(kMaxParticipants) +
                       " tables or people."};
  }
  for (const auto& p : m_participants) {
    if (p.id == participant.id || p.name == participant.name) {
      return core::Error{"There is already a table or person called \"" + p.name + "\"."};
    }
  }
  m_participants.push_back(std::move(participant));
  return static_cast<int>(m_participants.size());
}

core::Result<engine::Event> WorkshopRun::act(const engine::Action& action) {
  if (m_finished) {
    return core::Error{"The workshop is over."};
  }
  if (voteOpen()) {
    return core::Error{"A vote is open: close it (Next) before the room's next enquiry."};
  }
  if (std::holds_alternative<engine::Decide>(action)) {
    return core::Error{"The room's decision is locked at the Lock step, after its vote."};
  }
  if (std::holds_alternative<engine::OpenNextDecisionPoint>(action)) {
    return core::Error{"The workshop opens the next decision point when its pause comes."};
  }
  const int point = decisionPointOf(step().caseIndex, step().pauseIndex);
  if (point >= 0 && record(step().caseIndex, step().pauseIndex).locked) {
    return core::Error{"The room's decision here is locked; move on to the next pause."};
  }
  return m_attempts.at(at(step().caseIndex)).apply(action);
}

core::Result<int> WorkshopRun::vote(RoomVote vote) {
  if (!voteOpen()) {
    return core::Error{"No vote is open at this step."};
  }
  if (auto why = notReachedYet(); !why.empty()) {
    return core::Error{why};
  }
  auto& here = record(step().caseIndex, step().pauseIndex);
  if (!here.revealed.empty() || here.locked) {
    return core::Error{"The room's decision here is locked; its votes can no longer change."};
  }
  if (std::none_of(m_participants.begin(), m_participants.end(),
                   [&](const Participant& p) { return p.id == vote.participant; })) {
    return core::Error{"There is no table or person \"" + vote.participant + "\" in the room."};
  }
  if (auto problem = voteProblem(vote); !problem.empty()) {
    return core::Error{problem};
  }
  vote.round = step().kind == StepKind::Vote ? Round::First : Round::Revote;
  auto& votes = here.votes;
  const auto same = std::find_if(votes.begin(), votes.end(), [&](const RoomVote& v) {
    return v.participant == vote.participant && v.round == vote.round;
  });
  if (same != votes.end()) {
    *same = std::move(vote);
  } else {
    votes.push_back(std::move(vote));
  }
  return answered();
}

core::Result<engine::Event> WorkshopRun::lock(const engine::Decide& decision) {
  if (m_finished || step().kind != StepKind::Lock) {
    return core::Error{"The room's decision is locked at the Lock step."};
  }
  if (auto why = notReachedYet(); !why.empty()) {
    return core::Error{why};
  }
  auto& here = record(step().caseIndex, step().pauseIndex);
  if (here.locked) {
    return core::Error{"The room's decision here is already locked."};
  }
  auto event = m_attempts.at(at(step().caseIndex)).apply(decision);
  if (event) {
    here.locked = true;
  }
  return event;
}

core::Result<int> WorkshopRun::next() {
  if (m_finished) {
    return core::Error{"The workshop is over."};
  }
  if (auto why = notReachedYet(); !why.empty()) {
    return core::Error{why};
  }
  if (step().kind == StepKind::Lock && !record(step().caseIndex, step().pauseIndex).locked) {
    return core::Error{"Lock the room's decision before anything is revealed."};
  }
  if (m_step + 1 == static_cast<int>(m_steps.size())) {
    m_finished = true;
    return m_step;
  }
  ++m_step;
  if (m_step > m_reached) {
    m_reached = m_step;
    enterStep();
  }
  return m_step;
}

core::Result<int> WorkshopRun::back() {
  if (m_finished) {
    m_finished = false; // back to the last step, as it was left
    return m_step;
  }
  if (m_step == 0) {
    return core::Error{"This is the first step."};
  }
  --m_step;
  return m_step;
}

void WorkshopRun::enterStep() {
  const auto& s = step();
  if (s.kind == StepKind::Reveal) {
    auto& made = record(s.caseIndex, s.pauseIndex).revealed;
    if (std::find(made.begin(), made.end(), s.reveal) == made.end()) {
      made.push_back(s.reveal);
    }
  }
  // A pause of a later decision point: the case moves on to it once the earlier one is
  // decided (the engine opens it with its new information).
  auto& room = m_attempts.at(at(s.caseIndex));
  const auto& p = pause();
  int wanted = -1;
  if (p.at == core::PauseAt::DecisionPoint) {
    wanted = room.scenario().decisionPointIndex(p.target);
  } else if (p.at == core::PauseAt::Enquiry) {
    const auto& scenario = room.scenario();
    std::string from;
    if (const auto* q = scenario.findQuestion(p.target)) {
      from = q->decisionPoint;
    } else if (const auto* c = scenario.findCheck(p.target)) {
      from = c->decisionPoint;
    } else if (const auto* d = scenario.findDirect(p.target)) {
      from = d->decisionPoint;
    }
    wanted = scenario.decisionPointIndex(from);
  }
  while (wanted > room.state().decisionPoint && room.state().phase == engine::Phase::Decided) {
    if (!room.apply(engine::OpenNextDecisionPoint{})) {
      break;
    }
  }
}

core::Result<std::string> WorkshopRun::apply(const WorkshopEvent& event) {
  std::optional<core::Error> refused;
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        const auto check = [&](const auto& result) {
          if (!result) {
            refused = result.error();
          }
        };
        if constexpr (std::is_same_v<E, Join>) {
          check(addParticipant(e.participant));
        } else if constexpr (std::is_same_v<E, RoomAct>) {
          check(act(e.action));
        } else if constexpr (std::is_same_v<E, CastVote>) {
          check(vote(e.vote));
        } else if constexpr (std::is_same_v<E, LockDecision>) {
          check(lock(e.decision));
        } else if constexpr (std::is_same_v<E, NextStep>) {
          check(next());
        } else {
          check(back());
        }
      },
      event);
  if (refused) {
    return std::move(*refused);
  }
  m_log.push_back(formatWorkshopEvent(event));
  return m_log.back();
}

core::Result<WorkshopRun>
WorkshopRun::replay(core::WorkshopPlan plan,
                    std::vector<std::shared_ptr<const core::Scenario>> cases,
                    const std::vector<std::string>& lines) {
  auto run = start(std::move(plan), std::move(cases));
  if (!run) {
    return run;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto event = parseWorkshopEvent(lines[i]);
    if (!event) {
      return core::Error{"workshop event " + std::to_string(i + 1) + ": " + event.error().message};
    }
    if (auto applied = run.value().apply(event.value()); !applied) {
      return core::Error{"workshop event " + std::to_string(i + 1) + " (" + lines[i] +
                         ") no longer applies: " + applied.error().message};
    }
  }
  return run;
}

std::vector<RoomVote> WorkshopRun::votesAt(int caseIndex, int pauseIndex) const {
  return record(caseIndex, pauseIndex).votes;
}

bool WorkshopRun::revealed(int caseIndex, int pauseIndex, core::RevealKind reveal) const {
  const auto& made = record(caseIndex, pauseIndex).revealed;
  return std::find(made.begin(), made.end(), reveal) != made.end();
}

int WorkshopRun::answered() const {
  if (!voteOpen()) {
    return 0;
  }
  const Round round = step().kind == StepKind::Vote ? Round::First : Round::Revote;
  std::set<std::string> who;
  for (const auto& v : record(step().caseIndex, step().pauseIndex).votes) {
    if (v.round == round) {
      who.insert(v.participant);
    }
  }
  return static_cast<int>(who.size());
}

} // namespace sim::workshop
