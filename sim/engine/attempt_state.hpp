// AttemptState: one practitioner's attempt at one scenario, as a value. It holds what has
// happened (the transcript, on the simulated clock), what is known (revealed facts), what
// is outstanding (pending replies), the working notes (factors, estimates, rationale) and
// the locked decisions. Only the reducer (reducer.hpp) changes it. Items of the scenario
// are referred to by index into the scenario's lists, so the state stays small and cheap.
#pragma once

#include "sim/engine/action.hpp"
#include "sim/engine/sim_time.hpp"

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace sim::engine {

enum class Phase {
  Gathering, // working on the current decision point
  Decided,   // the current decision point is locked; the next one can be opened
  Closed,    // the last decision point is locked; nothing more can happen
};

/// What a transcript entry records. `item` in the entry indexes the scenario list named.
enum class EntryKind {
  Contact,             // the contact was read
  Answer,              // questions[item] answered by the referrer
  Records,             // social-care records searched (chronology)
  CheckRequested,      // checks[item] requested
  ConsentGiven,        // adults[adult] agreed to checks[item] (answer consents[consent])
  ConsentRefused,      // the parent (or adults[adult]) refused consent for checks[item]
  ConsentNoAnswer,     // adults[adult] could not be reached about checks[item]
  ConsentNotTheirs,    // adults[adult] cannot give consent for checks[item]
  Reply,               // checks[item] replied (full or partial)
  NoReply,             // checks[item] did not reply within its time (completeness none)
  Direct,              // direct[item] made
  Manager,             // manager[item] consulted
  Waited,              // the practitioner waited
  DecisionPointOpened, // decisionPoints[item] opened (later decision points only)
  Decision,            // decision at decisionPoints[item] locked
};

struct TranscriptEntry {
  SimTime started; // when the action began (the same as `at` for arrivals)
  SimTime at;      // when the information arrived; entries are in order of `at`
  EntryKind kind = EntryKind::Contact;
  int item = -1;
  bool withoutConsent = false; // Reply/NoReply/CheckRequested: the override route
  std::vector<int> facts;      // facts first learned here (indices into scenario facts)
  int adult = -1;   // Consent*: the adult asked (index into scenario adults); -1 format 1
  int consent = -1; // Consent*: the scenario's answer given (index into consents); -1 none
  bool operator==(const TranscriptEntry&) const = default;
};

enum class CheckStatus {
  NotRequested,
  ConsentRefused,  // someone asked refused; not requested (yet)
  ConsentNoAnswer, // nobody asked could be reached or could consent; not requested (yet)
  Pending,
  Replied,
  NoReply
};

/// One conversation about consent to a check: whom, when, and what they said.
struct ConsentAsked {
  std::string who; // adult id
  SimTime at;      // when the answer was known
  int decisionPoint = 0;
  core::ConsentReply answer = core::ConsentReply::NoAnswer;
  int consent = -1; // index into the scenario's consents; -1: none authored (not reached)
  bool operator==(const ConsentAsked&) const = default;
};

struct CheckState {
  CheckStatus status = CheckStatus::NotRequested;
  std::vector<ConsentAsked> asked; // per-adult conversations ([[consent]] cases)
  std::string consentFrom;         // the adult whose agreement the request went with
  bool consentSought = false;
  bool consentRefused = false;
  bool withoutConsent = false; // the request went without consent (override)
  std::string reason;          // the recorded reason for overriding consent
  std::string reasonDraft;     // a reason typed but not yet sent with a request
  SimTime requestedAt;
  SimTime due;                            // when the reply (or the lack of one) is known
  int requestedAtDecisionPoint = -1;      // when the request itself was sent
  int consentRefusedAtDecisionPoint = -1; // when the parent refused consent
  std::optional<SimTime> answeredAt;
  bool operator==(const CheckState&) const = default;
};

/// When something was done, and at which decision point.
struct Done {
  SimTime at;
  int decisionPoint = 0;
  bool operator==(const Done&) const = default;
};

struct IdentifiedFactor {
  int number = 0;
  FactorSide side = FactorSide::Risk;
  std::string code;
  std::string factId;
  std::string note;
  bool operator==(const IdentifiedFactor&) const = default;
};

/// The practitioner's working notes; snapshotted into each decision when it is locked.
struct WorkingNotes {
  std::vector<IdentifiedFactor> factors;
  int nextFactorNumber = 1;
  std::optional<int> pSignificantHarm; // percent
  std::optional<int> pRereferral;      // percent
  std::optional<int> confidence;       // percent
  std::array<std::string, kRationaleFields> rationale;
  /// Per heading: the ids of the learned facts linked to it, in the order linked.
  std::array<std::vector<std::string>, kRationaleFields> rationaleFacts;
  std::optional<int> safetyScale;
  std::string notes;
  bool operator==(const WorkingNotes&) const = default;
};

/// One part of the working notes, as it was before or after a change: the factors (with the
/// next number to give), one estimate, one rationale heading, the safety scale or the notes.
struct FactorsPart {
  std::vector<IdentifiedFactor> factors;
  int nextFactorNumber = 1;
  bool operator==(const FactorsPart&) const = default;
};
struct EstimatePart {
  EstimateKind kind = EstimateKind::SignificantHarm;
  std::optional<int> percent;
  bool operator==(const EstimatePart&) const = default;
};
struct RationalePart {
  RationaleField field = RationaleField::WhatHappened;
  std::string text;
  bool operator==(const RationalePart&) const = default;
};
struct RationaleLinksPart {
  RationaleField field = RationaleField::WhatWeFear;
  std::vector<std::string> facts;
  bool operator==(const RationaleLinksPart&) const = default;
};
struct SafetyPart {
  std::optional<int> value;
  bool operator==(const SafetyPart&) const = default;
};
struct NotesTextPart {
  std::string text;
  bool operator==(const NotesTextPart&) const = default;
};
using NotesPart = std::variant<FactorsPart, EstimatePart, RationalePart, RationaleLinksPart,
                               SafetyPart, NotesTextPart>;

/// A change to the working notes that can be taken back: the part before and after it.
struct NotesChange {
  NotesPart before;
  NotesPart after;
  bool operator==(const NotesChange&) const = default;
};

/// The practitioner's changes to the working notes since the last enquiry, wait or decision
/// (at most kMaxUndoSteps), and those taken back that can be made again.
struct UndoHistory {
  std::deque<NotesChange> undo; // most recent last (the oldest drops off the front)
  std::deque<NotesChange> redo; // most recently undone last
  int restored = 0;             // undos and redos applied so far in the attempt
  bool operator==(const UndoHistory&) const = default;
};

struct DecisionRecord {
  int decisionPoint = 0;
  SimTime openedAt;
  SimTime deadline;
  SimTime decidedAt;
  Decide decision;
  WorkingNotes notes;
  std::vector<int> pendingChecks; // checks still awaiting a reply when the decision was locked
  std::vector<bool> knownFacts;   // per scenario fact: known when the decision was locked
  [[nodiscard]] bool withinDeadline() const { return decidedAt <= deadline; }
  bool operator==(const DecisionRecord&) const = default;
};

struct AttemptState {
  std::string scenarioId;
  std::string contentHash;
  Phase phase = Phase::Gathering;
  int decisionPoint = 0; // index of the current decision point
  SimTime now;
  SimTime openedAt; // when the current decision point opened
  SimTime deadline; // one working day after openedAt
  bool contactRead = false;
  int events = 0; // applied actions so far

  std::vector<TranscriptEntry> transcript;
  std::vector<std::optional<SimTime>> factLearnedAt; // per scenario fact
  std::vector<std::optional<Done>> asked;            // per question
  std::optional<Done> recordsChecked;
  std::vector<CheckState> checks;                    // per check
  std::vector<std::optional<Done>> direct;           // per direct contact
  std::vector<std::optional<Done>> managerConsulted; // per decision point (see routes.hpp)

  WorkingNotes notes;
  UndoHistory history;
  std::vector<DecisionRecord> decisions;

  [[nodiscard]] bool knows(int fact) const {
    return factLearnedAt.at(static_cast<std::size_t>(fact)).has_value();
  }
  /// Whether the decision at decision point `index` is locked.
  [[nodiscard]] bool isLocked(int index) const {
    return index >= 0 && static_cast<std::size_t>(index) < decisions.size();
  }
  bool operator==(const AttemptState&) const = default;
};

} // namespace sim::engine
