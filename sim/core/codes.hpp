// Closed vocabularies of the domain: the enums a scenario, decision or score uses, with
// the token each has in files and a plain-language label, plus the DfE Children in Need
// census code tables (referral source, assessment factors, primary need, abuse category,
// closure reason) that scenario files are validated against.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sim::core {

/// Response to a contact, ordered R0..R5 (see glossary.hpp).
enum class ResponseLevel { Nfa, Advice, EarlyHelp, S17, S47, Immediate };
/// Threshold-document level of need 1..4.
enum class NeedLevel { Universal = 1, Additional = 2, Complex = 3, Acute = 4 };
enum class Urgency { SameDay, OneWorkingDay, Routine };
enum class Channel { Phone, Email, OnlineForm, Marf, PoliceNotification, WalkIn, Letter };
enum class Agency {
  Police,
  Gp,
  HealthVisitor,
  Midwife,
  SchoolNurse,
  School,
  EarlyYears,
  EmergencyDepartment,
  Camhs,
  AdultMentalHealth,
  SubstanceService,
  Probation,
  Housing,
  YouthJustice,
  OtherCouncil,
  CpIs,
  Marac,
  Lado,
  EarlyHelp,
  AdultSocialCare,
  Voluntary
};
enum class Domain { ChildDevelopment, ParentingCapacity, FamilyEnvironment };
enum class Dimension {
  Health,
  Education,
  EmotionalBehavioural,
  Identity,
  FamilySocialRelationships,
  SocialPresentation,
  SelfCare,
  BasicCare,
  EnsuringSafety,
  EmotionalWarmth,
  Stimulation,
  GuidanceBoundaries,
  Stability,
  FamilyHistory,
  WiderFamily,
  Housing,
  Employment,
  Income,
  SocialIntegration,
  CommunityResources
};
enum class FactTag { Risk, Protective, Neutral, Misleading };
enum class Sex { Female, Male, Unknown };
enum class AdultRole {
  Mother,
  Father,
  StepParent,
  Partner,
  Grandparent,
  Relative,
  FamilyFriend,
  Lodger,
  PrivateFosterCarer,
  Professional,
  Other,
  Unknown
};
enum class RecordKind {
  Contact,
  Referral,
  Nfa,
  Advice,
  EarlyHelp,
  Assessment,
  CinPlan,
  S47,
  CpPlan,
  LookedAfter,
  Closure,
  Note
};
enum class Completeness { Full, Partial, None };
enum class ConsentRule { NotNeeded, Needed };
/// What an adult says when asked for consent to a check (scenario [[consent]] answers).
/// CannotConsent: the record is not theirs to agree to (a relative without parental
/// responsibility, another adult's own record); not a refusal.
enum class ConsentReply { Agrees, Refuses, NoAnswer, CannotConsent };
enum class DirectKind { SpeakToParent, SpeakToChild, SeeChild, SpeakToAdult };
enum class InappropriateKind { SeekConsent, Check, CheckWithoutConsent, Direct, Question };
enum class Adjunct {
  StrategyDiscussion,
  PoliceInformed,
  SeeChildToday,
  ConsentSought,
  ConsentOverridden,
  FeedbackToReferrer,
  Lado,
  Marac,
  WrittenReferral,
  Signpost,
  YoungCarerAssessment,
  AdultSocialCare,
  Prevent
};
enum class OutcomeKind {
  Contact,
  Rereferral,
  Nfa,
  Advice,
  EarlyHelp,
  Assessment,
  CinPlan,
  S47,
  Icpc,
  CpPlan,
  LookedAfter,
  Closure,
  SeriousIncident,
  Other
};
enum class Difficulty { Introductory, Intermediate, Advanced };
enum class ScenarioStatus { Draft, Review, SignedOff };
enum class Origin { Synthetic, Anonymised };
enum class DateShift { None, WholeWeeks };
enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };
/// Where an attempt stands in the results store.
enum class AttemptStatus { InProgress, Finished, Abandoned };

/// One member of a closed vocabulary: its enum value, file token and plain label.
template <typename E> struct TokenEntry {
  E value;
  std::string_view token;
  std::string_view label;
};

/// The token table of an enum (specialised for every enum above in codes.cpp).
template <typename E> std::span<const TokenEntry<E>> tokenTable();

// Explicit specialisations, defined in codes.cpp.
template <> std::span<const TokenEntry<ResponseLevel>> tokenTable<ResponseLevel>();
template <> std::span<const TokenEntry<NeedLevel>> tokenTable<NeedLevel>();
template <> std::span<const TokenEntry<Urgency>> tokenTable<Urgency>();
template <> std::span<const TokenEntry<Channel>> tokenTable<Channel>();
template <> std::span<const TokenEntry<Agency>> tokenTable<Agency>();
template <> std::span<const TokenEntry<Domain>> tokenTable<Domain>();
template <> std::span<const TokenEntry<Dimension>> tokenTable<Dimension>();
template <> std::span<const TokenEntry<FactTag>> tokenTable<FactTag>();
template <> std::span<const TokenEntry<Sex>> tokenTable<Sex>();
template <> std::span<const TokenEntry<AdultRole>> tokenTable<AdultRole>();
template <> std::span<const TokenEntry<RecordKind>> tokenTable<RecordKind>();
template <> std::span<const TokenEntry<Completeness>> tokenTable<Completeness>();
template <> std::span<const TokenEntry<ConsentRule>> tokenTable<ConsentRule>();
template <> std::span<const TokenEntry<ConsentReply>> tokenTable<ConsentReply>();
template <> std::span<const TokenEntry<DirectKind>> tokenTable<DirectKind>();
template <> std::span<const TokenEntry<InappropriateKind>> tokenTable<InappropriateKind>();
template <> std::span<const TokenEntry<Adjunct>> tokenTable<Adjunct>();
template <> std::span<const TokenEntry<OutcomeKind>> tokenTable<OutcomeKind>();
template <> std::span<const TokenEntry<Difficulty>> tokenTable<Difficulty>();
template <> std::span<const TokenEntry<ScenarioStatus>> tokenTable<ScenarioStatus>();
template <> std::span<const TokenEntry<Origin>> tokenTable<Origin>();
template <> std::span<const TokenEntry<DateShift>> tokenTable<DateShift>();
template <> std::span<const TokenEntry<Weekday>> tokenTable<Weekday>();
template <> std::span<const TokenEntry<AttemptStatus>> tokenTable<AttemptStatus>();

template <typename E> std::optional<E> parseToken(std::string_view token) {
  for (const auto& entry : tokenTable<E>()) {
    if (entry.token == token) {
      return entry.value;
    }
  }
  return std::nullopt;
}

template <typename E> std::string_view tokenOf(E value) {
  for (const auto& entry : tokenTable<E>()) {
    if (entry.value == value) {
      return entry.token;
    }
  }
  return "?";
}

template <typename E> std::string_view labelOf(E value) {
  for (const auto& entry : tokenTable<E>()) {
    if (entry.value == value) {
      return entry.label;
    }
  }
  return "?";
}

/// "a|b|c": every valid token, for messages.
template <typename E> std::string tokenList() {
  std::string out;
  for (const auto& entry : tokenTable<E>()) {
    if (!out.empty()) {
      out += '|';
    }
    out += entry.token;
  }
  return out;
}

/// Which domain of the assessment triangle a dimension belongs to.
Domain domainOf(Dimension dimension);

/// Ordinal index R0..R5 of a response level.
constexpr int ordinal(ResponseLevel level) { return static_cast<int>(level); }
/// Statutory responses (s17 and above) as opposed to NFA, advice and early help.
constexpr bool isStatutory(ResponseLevel level) {
  return ordinal(level) >= ordinal(ResponseLevel::S17);
}

/// The Children in Need census code sets (domain.md §5).
enum class CodeSet { ReferralSource, AssessmentFactor, PrimaryNeed, AbuseCategory, ClosureReason };

struct CensusCode {
  std::string_view code;
  std::string_view label;
  std::string_view replacedBy; // non-empty for deprecated codes (e.g. 18A -> 18B|18C)
};

std::span<const CensusCode> censusCodes(CodeSet set);
/// The entry for `code` in `set`, or nullptr.
const CensusCode* findCensusCode(CodeSet set, std::string_view code);
/// Human name of a code set, e.g. "census assessment factor code".
std::string_view codeSetName(CodeSet set);
/// "1A|1B|...": every code in the set, for messages.
std::string censusCodeList(CodeSet set);

} // namespace sim::core
