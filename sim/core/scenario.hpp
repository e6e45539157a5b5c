// The typed, immutable model of one scenario (one referral case): metadata, provenance,
// clock, contact, household, atomic facts, the routes that reveal them, decision points,
// panel reviews and the actual outcome. Built by sim/scenario's loader; read by the engine,
// scoring and the shell. Times are relative: day 0 is the day the contact arrived.
#pragma once

#include "sim/core/codes.hpp"
#include "sim/core/rubric.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::core {

struct ScenarioMeta {
  std::string id; // slug, unique across a library
  int version = 1;
  std::string title;
  std::string practiceArea;
  Difficulty difficulty = Difficulty::Intermediate;
  int expectedMinutes = 0; // real minutes a practitioner needs
  std::string summary;     // one line for the case library (no spoilers)
  ScenarioStatus status = ScenarioStatus::Draft;
  std::vector<std::string> authors; // roles or pseudonyms, never real names of families
  std::string signedOffBy;
};

struct Provenance {
  Origin origin = Origin::Synthetic;
  std::string region; // anonymised region code
  std::string yearBand;
  std::string sourceSystem;
  std::string notes;
};

struct AnonymisationRecord {
  std::string method;
  std::optional<int> kValue;
  DateShift dateShift = DateShift::None;
  std::string freeTextReviewedBy;
  bool motivatedIntruderChecked = false;
  std::string reviewedOn;
};

struct ClockSpec {
  Weekday startDay = Weekday::Monday;
  int startMinute = 9 * 60; // minute of the day the contact arrives (T0)
  int dayStartMinute = 9 * 60;
  int dayEndMinute = 17 * 60;
  std::vector<Weekday> workingDays; // Monday..Friday unless the file says otherwise
  std::vector<int> holidays;        // day numbers relative to T0 that are not worked
};

struct Contact {
  Channel channel = Channel::Phone;
  std::string referrerRole;
  std::optional<Agency> referrerAgency;
  std::string sourceCode; // CIN census referral source (1A..10)
  bool anonymous = false;
  bool parentAware = false;
  bool parentConsented = false;
  std::string presentingText;
  std::string request;
  std::vector<std::string> reveals;
};

struct Child {
  std::string id;
  std::string name; // pseudonym
  std::optional<int> ageMonths;
  std::optional<int> unbornWeeks;
  Sex sex = Sex::Unknown;
  std::string notes;
};

struct Adult {
  std::string id;
  std::string name; // pseudonym
  AdultRole role = AdultRole::Unknown;
  std::string ageBand;
  bool inHousehold = true;
  std::vector<std::string> parentOf; // child ids
  std::string notes;
};

struct Fact {
  std::string id;
  std::string text;
  Domain domain = Domain::ChildDevelopment;
  std::optional<Dimension> dimension;
  FactTag tag = FactTag::Neutral;
  std::vector<std::string> factors; // census assessment factor codes
  bool critical = false;
  bool timeSensitive = false;
  std::vector<std::string> about; // household ids
};

struct Question {
  std::string id;
  std::string ask;
  std::string answer;
  int minutes = 5;
  std::vector<std::string> reveals;
  std::string decisionPoint; // available from this decision point on
};

struct RecordEntry {
  int day = 0; // relative to T0, so negative for history
  RecordKind kind = RecordKind::Note;
  std::string summary;
  std::vector<std::string> reveals;
};

struct Records {
  int minutes = 15;
  std::string emptyText;            // shown when there are no entries ("No previous involvement.")
  std::vector<std::string> reveals; // facts the search itself establishes ("no history")
  std::vector<RecordEntry> entries;
};

struct Reply {
  int latencyMinutes = 0; // working minutes from request to reply
  Completeness completeness = Completeness::Full;
  std::string text;
  std::vector<std::string> reveals;
};

struct Check {
  std::string id;
  Agency agency = Agency::Police;
  std::string label;
  int requestMinutes = 10;
  ConsentRule consent = ConsentRule::NotNeeded;
  bool parentConsents = true; // format 1: what "the parent" says when asked (no [[consent]])
  Reply reply;                // with consent, or when consent is not needed
  std::optional<Reply> replyWithoutConsent;
  std::string decisionPoint;
};

/// What one adult says when asked for consent to one or more checks: the scenario's
/// [[consent]] answers make asking for consent a conversation with a named person.
struct ConsentAnswer {
  std::string who; // adult id
  ConsentReply answer = ConsentReply::Agrees;
  int minutes = 10;                // working minutes the conversation takes
  std::string text;                // what they say, as the chronology shows it
  std::vector<std::string> checks; // check ids; empty means every check that needs consent
  std::string decisionPoint;       // given from this decision point on (empty: the first)
};

struct DirectContact {
  std::string id;
  DirectKind kind = DirectKind::SpeakToParent;
  std::string who; // household id
  std::string label;
  int minutes = 30;
  std::string text;
  std::vector<std::string> reveals;
  std::string decisionPoint;
};

struct ManagerHint {
  std::string decisionPoint;
  int minutes = 15;
  std::string text;
  std::vector<std::string> reveals;
};

struct DecisionPoint {
  std::string id;
  std::string title;
  int day = 0;         // relative to T0
  int minute = 9 * 60; // time of day it opens
  std::string prompt;
  std::string newInformation; // for later decision points: the new contact
  std::vector<std::string> reveals;
};

struct Panellist {
  std::string role;
  ResponseLevel decision = ResponseLevel::Nfa;
  std::optional<NeedLevel> needLevel;
  std::optional<double> pSignificantHarm;
  std::optional<double> pRereferral;
  std::string comment;
};

struct InappropriateAction {
  InappropriateKind kind = InappropriateKind::Check;
  std::string target; // check, direct-contact or question id
  std::string who;    // seek_consent: the adult asked (empty: asking anyone)
  std::string why;
};

struct PanelReview {
  std::string decisionPoint;
  ResponseLevel consensus = ResponseLevel::Nfa;
  ResponseLevel bandMin = ResponseLevel::Nfa;
  ResponseLevel bandMax = ResponseLevel::Nfa;
  NeedLevel needLevel = NeedLevel::Universal;
  Urgency urgency = Urgency::Routine;
  std::optional<double> pSignificantHarm;
  std::optional<double> pRereferral;
  std::vector<Adjunct> adjuncts;
  std::vector<std::string> criticalFacts;
  std::vector<std::string> usefulFacts;
  std::vector<std::string> keyFactors;    // census assessment factor codes
  std::vector<std::string> keyProtective; // fact ids
  std::vector<InappropriateAction> inappropriate;
  std::string rationale;
  std::vector<std::string> teachingPoints;
  std::vector<Panellist> panellists;
};

struct OutcomeEvent {
  int day = 0; // relative to T0
  OutcomeKind kind = OutcomeKind::Other;
  std::string text;
  std::string sourceCode;    // rereferral/contact: census referral source
  std::string category;      // cp_plan: census category of abuse
  std::string closureReason; // closure: census closure reason
  bool sameConcern = false;  // rereferral: about the same concern as the original contact
};

struct Outcome {
  int followupDays = 365;
  ResponseLevel originalDecision = ResponseLevel::Nfa; // what the council did at the time
  bool censored = false;                               // follow-up shorter than intended
  std::string primaryNeed;
  std::vector<std::string> factors;
  std::string summary;
  std::vector<OutcomeEvent> events;

  [[nodiscard]] bool has(OutcomeKind kind) const;
  /// A re-referral within 365 days of the contact.
  [[nodiscard]] bool rereferredWithin12Months() const;
};

struct Scenario {
  int formatVersion = 1;
  ScenarioMeta meta;
  Provenance provenance;
  AnonymisationRecord anonymisation;
  ClockSpec clock;
  Contact contact;
  std::vector<Child> children;
  std::vector<Adult> adults;
  std::vector<Fact> facts;
  std::vector<Question> questions;
  Records records;
  std::vector<Check> checks;
  std::vector<ConsentAnswer> consents; // per-adult consent answers; empty in format-1 cases
  std::vector<DirectContact> direct;
  std::vector<ManagerHint> manager;
  std::vector<DecisionPoint> decisionPoints;
  std::vector<PanelReview> panels;
  Outcome outcome;
  std::vector<RubricSetting> rubricOverrides; // the scenario's [rubric] table, if any

  std::string sourcePath;  // as given to the loader
  std::string contentHash; // "blake2b-256:<hex>" of the file bytes (CRLF read as LF)

  [[nodiscard]] const Fact* findFact(std::string_view id) const;
  [[nodiscard]] const Check* findCheck(std::string_view id) const;
  [[nodiscard]] const Question* findQuestion(std::string_view id) const;
  [[nodiscard]] const DirectContact* findDirect(std::string_view id) const;
  [[nodiscard]] const DecisionPoint* findDecisionPoint(std::string_view id) const;
  /// The index of decision point `id`; an empty id means the first (0); -1 if none.
  [[nodiscard]] int decisionPointIndex(std::string_view id) const;
  [[nodiscard]] const PanelReview* panelFor(std::string_view decisionPointId) const;
  [[nodiscard]] const Adult* findAdult(std::string_view id) const;
  /// Whether asking for consent is a conversation with a named adult ([[consent]] answers;
  /// every format-2 case), rather than format 1's instant answer from "the parent".
  [[nodiscard]] bool consentByAdult() const { return formatVersion >= 2 || !consents.empty(); }
  /// The index in `consents` of what adult `who` answers when asked for consent to check
  /// `checkId` at decision point `decisionPoint` (the latest answer given by then); -1 if the
  /// case authors none (the adult cannot be reached).
  [[nodiscard]] int consentAnswerFor(std::string_view who, std::string_view checkId,
                                     int decisionPoint) const;
  /// Whether someone who can be asked at `decisionPoint` agrees to `check` (format 1: the
  /// contact's or the check's own parental agreement).
  [[nodiscard]] bool consentObtainable(const Check& check, int decisionPoint) const;
};

/// "Leah Moss (mother)": an adult as the practitioner sees them named.
std::string adultLabel(const Adult& adult);

/// Loaded scenarios by id (`scenario::loadScenarioIndex` fills one from a folder).
using ScenarioIndex = std::map<std::string, std::shared_ptr<const Scenario>, std::less<>>;

} // namespace sim::core
