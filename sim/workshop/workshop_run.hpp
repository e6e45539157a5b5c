// One workshop as it is run: the plan's pauses laid out as steps (discuss, vote, revote,
// lock the room's decision, each reveal), the room's attempt at each case on the same
// engine as practice mode, the room's participants and every vote. It enforces what the
// room may do and see when: votes only while a vote is open, the room's decision locked
// before anything of the panel or the outcome is revealed, reveals only in the plan's
// order and never undone. Plain data and rules; storage and windows sit above it.
#pragma once

#include "sim/core/result.hpp"
#include "sim/core/workshop_plan.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/workshop/room_vote.hpp"
#include "sim/workshop/workshop_event.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sim::workshop {

enum class StepKind {
  Discuss, // the pause's prompt (a pause without a vote)
  Vote,    // the first vote is open
  Revote,  // the vote again after discussion is open
  Lock,    // the trainer locks the room's decision in the room's attempt
  Reveal,  // one reveal of the plan
};

struct Step {
  int caseIndex = 0;
  int pauseIndex = 0;
  StepKind kind = StepKind::Discuss;
  core::RevealKind reveal = core::RevealKind::Room; // for Reveal steps
  bool operator==(const Step&) const = default;
};

/// The steps of a plan, in order.
std::vector<Step> stepsOf(const core::WorkshopPlan& plan);

class WorkshopRun {
public:
  /// A run of `plan` over `cases` (one scenario per plan case, in order). Refused when a
  /// case is missing or its id differs from the plan's.
  static core::Result<WorkshopRun> start(core::WorkshopPlan plan,
                                         std::vector<std::shared_ptr<const core::Scenario>> cases);

  [[nodiscard]] const core::WorkshopPlan& plan() const { return m_plan; }
  [[nodiscard]] const std::vector<Step>& steps() const { return m_steps; }
  [[nodiscard]] int stepIndex() const { return m_step; }
  [[nodiscard]] const Step& step() const { return m_steps.at(static_cast<std::size_t>(m_step)); }
  [[nodiscard]] const core::PlanPause& pause() const;
  [[nodiscard]] const engine::Attempt& attempt(int caseIndex) const;
  [[nodiscard]] const engine::Attempt& currentAttempt() const { return attempt(step().caseIndex); }
  [[nodiscard]] const std::vector<Participant>& participants() const { return m_participants; }
  [[nodiscard]] bool finished() const { return m_finished; }

  /// Whether the room's attempt has reached the current step's pause (the contact read, the
  /// records checked, the enquiry answered, the decision point open); when not, why not.
  [[nodiscard]] std::string notReachedYet() const;

  /// Apply one event (participant, act, vote, lock, next or back); the only way the run
  /// changes. On success its line joins the log; the caller stores it before acknowledging.
  core::Result<std::string> apply(const WorkshopEvent& event);
  /// The applied events as lines, in order (workshop_event.hpp).
  [[nodiscard]] const std::vector<std::string>& log() const { return m_log; }
  /// Rebuild a run from its log: the same plan and cases, every line applied in order.
  /// Refused, naming the line, when one no longer applies.
  static core::Result<WorkshopRun> replay(core::WorkshopPlan plan,
                                          std::vector<std::shared_ptr<const core::Scenario>> cases,
                                          const std::vector<std::string>& lines);

  /// Every vote at a pause (both rounds), in the order recorded.
  [[nodiscard]] std::vector<RoomVote> votesAt(int caseIndex, int pauseIndex) const;
  /// Whether a reveal has been made at a pause.
  [[nodiscard]] bool revealed(int caseIndex, int pauseIndex, core::RevealKind reveal) const;
  /// How many participants have voted in the open round ("N of M answered").
  [[nodiscard]] int answered() const;
  /// The index of the decision point a pause stops at (-1 for other pauses).
  [[nodiscard]] int decisionPointOf(int caseIndex, int pauseIndex) const;

private:
  // What each event does (apply() dispatches to them and logs the line): the only ways
  // the run changes, so the log always reproduces it.
  core::Result<int> addParticipant(Participant participant);

  /// Carry out what the room asks for in its attempt. Refused while a vote is open, once
  /// the current pause's decision is locked, and for decisions (use lock()).
  core::Result<engine::Event> act(const engine::Action& action);

  /// Record a vote in the open round (replacing the participant's earlier vote in it).
  core::Result<int> vote(RoomVote vote);

  /// Lock the room's decision at the current decision point (the Lock step).
  core::Result<engine::Event> lock(const engine::Decide& decision);

  /// Move to the next step. Refused when the current step's pause is not reached yet, at a
  /// Lock step before the decision is locked, and at the end.
  core::Result<int> next();
  /// Back to the previous step, for the presenter to look again. Reveals already made stay
  /// made; votes can be changed only while their round is the current step.
  core::Result<int> back();

  struct PauseRecord {
    std::vector<RoomVote> votes;
    std::vector<core::RevealKind> revealed;
    bool locked = false;
  };
  WorkshopRun(core::WorkshopPlan plan, std::vector<engine::Attempt> attempts);
  [[nodiscard]] const PauseRecord& record(int caseIndex, int pauseIndex) const;
  PauseRecord& record(int caseIndex, int pauseIndex);
  [[nodiscard]] bool voteOpen() const;
  void enterStep(); // makes the reveal of a Reveal step; opens a later decision point

  core::WorkshopPlan m_plan;
  std::vector<Step> m_steps;
  std::vector<engine::Attempt> m_attempts;
  std::vector<std::vector<PauseRecord>> m_records; // [case][pause]
  std::vector<Participant> m_participants;
  std::vector<std::string> m_log;
  int m_step = 0;
  int m_reached = 0; // the furthest step entered (reveals up to it are made)
  bool m_finished = false;
};

} // namespace sim::workshop
