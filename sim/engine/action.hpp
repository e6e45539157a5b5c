// Actions: everything a practitioner can do in an attempt, as plain values. The engine
// (reducer.hpp) applies an action to an attempt's state or refuses it; an applied action
// becomes an event in the log (event_log.hpp). Written and read as text by action_text.hpp.
#pragma once

#include "sim/core/codes.hpp"
#include "sim/engine/sim_time.hpp"

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sim::engine {

/// How a partner-agency check treats parental consent.
enum class ConsentChoice {
  NotSought, // the agency shares without consent; nothing asked
  Seek,      // ask an adult first (`from`; format-1 cases: "the parent")
  Override,  // request without consent, with a recorded reason
};

enum class FactorSide { Risk, Protective };
enum class EstimateKind { SignificantHarm, Rereferral, Confidence };
/// The structured rationale (Signs of Safety headings, product.md §2).
enum class RationaleField { WhatHappened, WhatWeFear, Complicating, Strengths, NextSteps };
inline constexpr int kRationaleFields = 5;

struct ReadContact {
  bool operator==(const ReadContact&) const = default;
};
struct AskQuestion {
  std::string questionId;
  bool operator==(const AskQuestion&) const = default;
};
struct CheckRecords {
  bool operator==(const CheckRecords&) const = default;
};
struct RequestCheck {
  RequestCheck() = default;
  explicit RequestCheck(std::string check, ConsentChoice choice = ConsentChoice::NotSought,
                        std::string why = {}, std::string adult = {})
      : checkId(std::move(check)), consent(choice), reason(std::move(why)), from(std::move(adult)) {
  }
  std::string checkId;
  ConsentChoice consent = ConsentChoice::NotSought;
  std::string reason; // required for Override, empty otherwise
  std::string from;   // Seek: the adult asked (household id); empty in format-1 cases
  bool operator==(const RequestCheck&) const = default;
};
struct MakeDirectContact {
  std::string directId;
  bool operator==(const MakeDirectContact&) const = default;
};
struct ConsultManager {
  bool operator==(const ConsultManager&) const = default;
};
struct WaitForReply {
  bool operator==(const WaitForReply&) const = default;
};
struct WaitUntil {
  SimTime until;
  bool operator==(const WaitUntil&) const = default;
};
struct AddFactor {
  FactorSide side = FactorSide::Risk;
  std::string code;   // census assessment factor code (risk only), may be empty
  std::string factId; // a fact the practitioner has learned, may be empty
  std::string note;   // free text, may be empty (but not all three)
  bool operator==(const AddFactor&) const = default;
};
struct RemoveFactor {
  int number = 0; // as numbered when added
  bool operator==(const RemoveFactor&) const = default;
};
struct SetEstimate {
  EstimateKind kind = EstimateKind::SignificantHarm;
  int percent = 0; // 0..100
  bool operator==(const SetEstimate&) const = default;
};
struct WriteRationale {
  RationaleField field = RationaleField::WhatHappened;
  std::string text;
  bool operator==(const WriteRationale&) const = default;
};
/// Link a learned fact to an analytic rationale heading (what we fear, complicating
/// factors, strengths and existing safety), or take the link away (`link = false`). The
/// links, not the wording, are what the score reads (scenarios/SCORING.md).
struct LinkFact {
  RationaleField field = RationaleField::WhatWeFear;
  std::string factId;
  bool link = true;
  bool operator==(const LinkFact&) const = default;
};
struct SetSafetyScale {
  int value = 0; // 0 (certain harm) .. 10 (safe enough to close)
  bool operator==(const SetSafetyScale&) const = default;
};
struct WriteNotes {
  std::string text;
  bool operator==(const WriteNotes&) const = default;
};
/// The reason for overriding consent to a check, as typed so far (saved as it is typed, so
/// nothing is lost before the request goes). It changes nothing else and takes no time.
struct DraftReason {
  std::string checkId;
  std::string text;
  bool operator==(const DraftReason&) const = default;
};
struct Decide {
  core::ResponseLevel response = core::ResponseLevel::Nfa;
  core::NeedLevel need = core::NeedLevel::Universal;
  core::Urgency urgency = core::Urgency::Routine;
  std::vector<core::Adjunct> adjuncts;
  bool operator==(const Decide&) const = default;
};
struct OpenNextDecisionPoint {
  bool operator==(const OpenNextDecisionPoint&) const = default;
};
/// Take back the last change to the working notes (a factor added or removed, an estimate,
/// a rationale heading, the safety scale or the notes). Never an enquiry, a wait or a
/// decision: the undo history starts afresh after each of those.
struct Undo {
  bool operator==(const Undo&) const = default;
};
/// Make again the last change that Undo took back.
struct Redo {
  bool operator==(const Redo&) const = default;
};

using Action = std::variant<ReadContact, AskQuestion, CheckRecords, RequestCheck, MakeDirectContact,
                            ConsultManager, WaitForReply, WaitUntil, AddFactor, RemoveFactor,
                            SetEstimate, WriteRationale, LinkFact, SetSafetyScale, WriteNotes,
                            Decide, OpenNextDecisionPoint, Undo, Redo, DraftReason>;

/// Whether an action changes only the working notes (and so can be undone).
bool isNotesEdit(const Action& action);

/// Most factors the working notes hold at once.
inline constexpr std::size_t kMaxFactors = 200;

/// Most facts one rationale heading can link.
inline constexpr std::size_t kMaxLinkedFacts = 200;

/// Whether facts can be linked to this heading (the three analytic headings).
constexpr bool takesLinkedFacts(RationaleField field) {
  return field == RationaleField::WhatWeFear || field == RationaleField::Complicating ||
         field == RationaleField::Strengths;
}

/// Longest free text accepted in one action (notes, rationale, reasons), in bytes.
inline constexpr std::size_t kMaxActionText = 20000;

/// Most changes the undo history keeps; older ones can no longer be undone.
inline constexpr std::size_t kMaxUndoSteps = 100;

} // namespace sim::engine
