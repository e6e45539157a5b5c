// The reducer. Each action has a handler that first checks everything that could make it
// refuse (returning an Error before touching the state) and only then changes the state.
// Time: an action starts at the next working moment and costs the scenario's working
// minutes; replies that fall due while the clock moves arrive in order of their due time.
#include "sim/engine/reducer.hpp"

#include "sim/core/nearest.hpp"
#include "sim/core/utf8.hpp"
#include "sim/engine/calendar.hpp"
#include "sim/engine/rationale.hpp"
#include "sim/engine/routes.hpp"

#include <algorithm>
#include <cassert>
#include <string_view>

namespace sim::engine {

namespace {

using core::Error;
using core::Scenario;

std::size_t at(int index) { return static_cast<std::size_t>(index); }

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

template <typename Item> int indexById(const std::vector<Item>& items, std::string_view id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::optional<Error> checkText(std::string_view what, std::string_view text) {
  if (text.size() > kMaxActionText) {
    return Error{"The " + std::string(what) + " is too long (" + std::to_string(text.size()) +
                 " bytes; at most " + std::to_string(kMaxActionText) + ")."};
  }
  if (!core::isValidUtf8(text)) {
    return Error{"The " + std::string(what) + " is not valid UTF-8 text."};
  }
  return std::nullopt;
}

std::optional<Error> checkPercent(std::string_view what, int percent) {
  if (percent < 0 || percent > 100) {
    return Error{"The " + std::string(what) + " must be a percentage from 0 to 100 (got " +
                 std::to_string(percent) + ")."};
  }
  return std::nullopt;
}

// The part of the notes that a notes edit changes, as it stands now.
struct PartOf {
  const WorkingNotes& notes;
  NotesPart operator()(const AddFactor& /*a*/) const { return factors(); }
  NotesPart operator()(const RemoveFactor& /*a*/) const { return factors(); }
  NotesPart operator()(const SetEstimate& a) const {
    switch (a.kind) {
    case EstimateKind::SignificantHarm:
      return EstimatePart{a.kind, notes.pSignificantHarm};
    case EstimateKind::Rereferral:
      return EstimatePart{a.kind, notes.pRereferral};
    case EstimateKind::Confidence:
      break;
    }
    return EstimatePart{a.kind, notes.confidence};
  }
  NotesPart operator()(const WriteRationale& a) const {
    return RationalePart{a.field, notes.rationale.at(static_cast<std::size_t>(a.field))};
  }
  NotesPart operator()(const LinkFact& a) const {
    return RationaleLinksPart{a.field, notes.rationaleFacts.at(static_cast<std::size_t>(a.field))};
  }
  NotesPart operator()(const SetSafetyScale& /*a*/) const { return SafetyPart{notes.safetyScale}; }
  NotesPart operator()(const WriteNotes& /*a*/) const { return NotesTextPart{notes.notes}; }
  template <typename A> NotesPart operator()(const A& /*a*/) const { return factors(); }
  [[nodiscard]] NotesPart factors() const {
    return FactorsPart{notes.factors, notes.nextFactorNumber};
  }
};

// Put a part back into the notes.
struct Restore {
  WorkingNotes& notes;
  void operator()(const FactorsPart& p) const {
    notes.factors = p.factors;
    notes.nextFactorNumber = p.nextFactorNumber;
  }
  void operator()(const EstimatePart& p) const {
    switch (p.kind) {
    case EstimateKind::SignificantHarm:
      notes.pSignificantHarm = p.percent;
      return;
    case EstimateKind::Rereferral:
      notes.pRereferral = p.percent;
      return;
    case EstimateKind::Confidence:
      notes.confidence = p.percent;
      return;
    }
  }
  void operator()(const RationalePart& p) const {
    notes.rationale.at(static_cast<std::size_t>(p.field)) = p.text;
  }
  void operator()(const RationaleLinksPart& p) const {
    notes.rationaleFacts.at(static_cast<std::size_t>(p.field)) = p.facts;
  }
  void operator()(const SafetyPart& p) const { notes.safetyScale = p.value; }
  void operator()(const NotesTextPart& p) const { notes.notes = p.text; }
};

// What an adult the case authors no answer for says: they cannot be reached.
const core::ConsentAnswer kNotReached{"", core::ConsentReply::NoAnswer, 10, "", {}, ""};

const core::Reply& replyFor(const core::Check& check, bool withoutConsent) {
  if (withoutConsent && check.consent == core::ConsentRule::Needed && check.replyWithoutConsent) {
    return *check.replyWithoutConsent;
  }
  return check.reply;
}

// Everything an action handler needs, and the shared mutations (clock, facts, replies).
class Reducer {
public:
  Reducer(const Scenario& scenario, const WorkingCalendar& calendar, AttemptState& state)
      : m_scenario(scenario), m_state(state), m_calendar(calendar) {}

  std::optional<Error> operator()(const ReadContact& /*action*/) {
    if (m_state.contactRead) {
      return Error{"The contact has already been read."};
    }
    m_state.contactRead = true;
    // The first decision point is the contact itself: its facts arrive with the contact.
    auto reveals = m_scenario.contact.reveals;
    const auto& first = m_scenario.decisionPoints.front().reveals;
    reveals.insert(reveals.end(), first.begin(), first.end());
    record(EntryKind::Contact, -1, m_state.now, m_state.now, reveals);
    return std::nullopt;
  }

  std::optional<Error> operator()(const AskQuestion& action) {
    const int q = findOpen(m_scenario.questions, action.questionId);
    if (q < 0) {
      return Error{notOpen("question", m_scenario.questions, action.questionId)};
    }
    const auto& question = m_scenario.questions[at(q)];
    if (const auto& done = m_state.asked[at(q)]) {
      return Error{"You have already asked the referrer this question (" +
                   m_calendar.describe(done->at) + ")."};
    }
    if (auto refusal = checkClock(question.minutes)) {
      return refusal;
    }
    const auto [start, end] = spend(question.minutes);
    m_state.asked[at(q)] = Done{end, m_state.decisionPoint};
    record(EntryKind::Answer, q, start, end, question.reveals);
    return std::nullopt;
  }

  std::optional<Error> operator()(const CheckRecords& /*action*/) {
    if (m_state.recordsChecked) {
      return Error{"You have already checked the social-care records (" +
                   m_calendar.describe(m_state.recordsChecked->at) + ")."};
    }
    if (auto refusal = checkClock(m_scenario.records.minutes)) {
      return refusal;
    }
    const auto [start, end] = spend(m_scenario.records.minutes);
    m_state.recordsChecked = Done{end, m_state.decisionPoint};
    std::vector<std::string> reveals = m_scenario.records.reveals;
    for (const auto& entry : m_scenario.records.entries) {
      reveals.insert(reveals.end(), entry.reveals.begin(), entry.reveals.end());
    }
    record(EntryKind::Records, -1, start, end, reveals);
    return std::nullopt;
  }

  std::optional<Error> operator()(const RequestCheck& action) {
    const int c = findOpen(m_scenario.checks, action.checkId);
    if (c < 0) {
      return Error{notOpen("agency check", m_scenario.checks, action.checkId)};
    }
    const auto& check = m_scenario.checks[at(c)];
    auto& status = m_state.checks[at(c)];
    if (const auto refusal = checkConsentChoice(check, status, action)) {
      return refusal;
    }
    if (action.consent == ConsentChoice::Seek && m_scenario.consentByAdult()) {
      return seekConsent(c, action.from);
    }
    const bool withoutConsent = action.consent == ConsentChoice::Override || status.consentRefused;
    if (auto refusal =
            checkClock(check.requestMinutes, replyFor(check, withoutConsent).latencyMinutes)) {
      return refusal;
    }
    const auto [start, end] = spend(check.requestMinutes);
    if (action.consent == ConsentChoice::Seek) {
      status.consentSought = true;
      const bool agrees = m_scenario.contact.parentConsented || check.parentConsents;
      if (!agrees) {
        status.status = CheckStatus::ConsentRefused;
        status.consentRefused = true;
        status.consentRefusedAtDecisionPoint = m_state.decisionPoint;
        status.requestedAt = end;
        record(EntryKind::ConsentRefused, c, start, end, {});
        return std::nullopt;
      }
    }
    // Going ahead after a refusal is going ahead without consent, whatever the agency's rule.
    status.reason = action.reason;
    status.reasonDraft.clear();
    sendRequest(c, start, end, withoutConsent);
    return std::nullopt;
  }

  // The request goes: it is pending until its reply (or the lack of one) is due.
  void sendRequest(int c, SimTime start, SimTime end, bool withoutConsent) {
    const auto& check = m_scenario.checks[at(c)];
    auto& status = m_state.checks[at(c)];
    status.withoutConsent = withoutConsent;
    status.status = CheckStatus::Pending;
    status.requestedAt = end;
    status.requestedAtDecisionPoint = m_state.decisionPoint;
    status.due =
        m_calendar.addWorkingMinutes(end, replyFor(check, status.withoutConsent).latencyMinutes);
    TranscriptEntry entry{start, end, EntryKind::CheckRequested, c, status.withoutConsent, {}};
    m_state.transcript.push_back(std::move(entry));
    deliverUpTo(m_state.now); // a reply with no latency arrives at once
  }

  // Asking a named adult for consent ([[consent]] cases): a conversation with its own time
  // and reply; with agreement the request goes at once. An answer already given about
  // another check in the same conversation is not asked again.
  std::optional<Error> seekConsent(int c, const std::string& from) {
    const auto& check = m_scenario.checks[at(c)];
    auto& status = m_state.checks[at(c)];
    const int adult = adultIndex(from);
    if (adult < 0) {
      return Error{(from.empty() ? std::string("Say whom you are asking for consent")
                                 : "There is no adult \"" + from + "\" in the household") +
                   ": ask one of " + adultChoices() + "."};
    }
    const auto& person = m_scenario.adults[at(adult)];
    for (const auto& asked : status.asked) {
      if (asked.who == from && asked.decisionPoint == m_state.decisionPoint) {
        return Error{"You have already asked " + person.name + " about this check (" +
                     m_calendar.describe(asked.at) + ")."};
      }
    }
    const int answer = m_scenario.consentAnswerFor(from, check.id, m_state.decisionPoint);
    if (const auto* earlier = answerGiven(answer)) {
      if (earlier->answer != core::ConsentReply::Agrees) {
        const std::string said = earlier->answer == core::ConsentReply::Refuses ? " refused consent"
                                 : earlier->answer == core::ConsentReply::NoAnswer
                                     ? " could not be reached"
                                     : " said this is not theirs to consent to";
        return Error{person.name + said + " about this when you asked (" +
                     m_calendar.describe(earlier->at) +
                     "): ask someone else, or override consent and record why."};
      }
      if (auto refusal = checkClock(check.requestMinutes, check.reply.latencyMinutes)) {
        return refusal;
      }
      status.asked.push_back({from, m_state.now, m_state.decisionPoint, earlier->answer, answer});
      status.consentSought = true;
      status.consentFrom = from;
      const auto [start, end] = spend(check.requestMinutes);
      sendRequest(c, start, end, false);
      return std::nullopt;
    }
    const auto& given = answer >= 0 ? m_scenario.consents[at(answer)] : kNotReached;
    const int talk = given.minutes;
    const bool agrees = given.answer == core::ConsentReply::Agrees;
    if (auto refusal = agrees ? checkClock(talk + check.requestMinutes, check.reply.latencyMinutes)
                              : checkClock(talk)) {
      return refusal;
    }
    const auto [start, end] = spend(talk);
    status.asked.push_back({from, end, m_state.decisionPoint, given.answer, answer});
    status.consentSought = true;
    const EntryKind kind = agrees                                        ? EntryKind::ConsentGiven
                           : given.answer == core::ConsentReply::Refuses ? EntryKind::ConsentRefused
                           : given.answer == core::ConsentReply::NoAnswer
                               ? EntryKind::ConsentNoAnswer
                               : EntryKind::ConsentNotTheirs;
    TranscriptEntry entry{start, end, kind, c, false, {}, adult, answer};
    m_state.transcript.push_back(std::move(entry));
    if (agrees) {
      status.consentFrom = from;
      const auto [requestStart, requestEnd] = spend(check.requestMinutes);
      sendRequest(c, requestStart, requestEnd, false);
    } else if (given.answer == core::ConsentReply::Refuses) {
      status.status = CheckStatus::ConsentRefused;
      status.consentRefused = true;
      status.consentRefusedAtDecisionPoint = m_state.decisionPoint;
      status.requestedAt = end;
    } else if (status.status != CheckStatus::ConsentRefused) {
      status.status = CheckStatus::ConsentNoAnswer;
      status.requestedAt = end;
    }
    return std::nullopt;
  }

  // An answer (index into consents) already given in an earlier conversation, if any.
  [[nodiscard]] const ConsentAsked* answerGiven(int answer) const {
    if (answer < 0) {
      return nullptr;
    }
    for (const auto& other : m_state.checks) {
      for (const auto& asked : other.asked) {
        if (asked.consent == answer) {
          return &asked;
        }
      }
    }
    return nullptr;
  }

  [[nodiscard]] int adultIndex(std::string_view id) const {
    for (std::size_t i = 0; i < m_scenario.adults.size(); ++i) {
      if (!id.empty() && m_scenario.adults[i].id == id) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  [[nodiscard]] std::string adultChoices() const {
    std::string out;
    for (const auto& adult : m_scenario.adults) {
      out += (out.empty() ? "" : ", ") + adult.id + " (" + adult.name + ")";
    }
    return out.empty() ? "nobody (the case names no adults)" : out;
  }

  std::optional<Error> operator()(const MakeDirectContact& action) {
    const int d = findOpen(m_scenario.direct, action.directId);
    if (d < 0) {
      return Error{notOpen("direct contact", m_scenario.direct, action.directId)};
    }
    const auto& contact = m_scenario.direct[at(d)];
    if (const auto& done = m_state.direct[at(d)]) {
      return Error{"You have already done this: " + contact.label + " (" +
                   m_calendar.describe(done->at) + ")."};
    }
    if (auto refusal = checkClock(contact.minutes)) {
      return refusal;
    }
    const auto [start, end] = spend(contact.minutes);
    m_state.direct[at(d)] = Done{end, m_state.decisionPoint};
    record(EntryKind::Direct, d, start, end, contact.reveals);
    return std::nullopt;
  }

  std::optional<Error> operator()(const ConsultManager& /*action*/) {
    const int h = managerHintAt(m_scenario, m_state.decisionPoint);
    if (h < 0) {
      return Error{"No manager is available to consult at this point of the case."};
    }
    // One consultation per decision point; a hint written for no particular decision
    // point is offered again at the next one.
    auto& done = m_state.managerConsulted[at(m_state.decisionPoint)];
    if (done) {
      return Error{"You have already consulted your manager at this decision point (" +
                   m_calendar.describe(done->at) + ")."};
    }
    const auto& hint = m_scenario.manager[at(h)];
    if (auto refusal = checkClock(hint.minutes)) {
      return refusal;
    }
    const auto [start, end] = spend(hint.minutes);
    done = Done{end, m_state.decisionPoint};
    record(EntryKind::Manager, h, start, end, hint.reveals);
    return std::nullopt;
  }

  std::optional<Error> operator()(const WaitForReply& /*action*/) {
    const int next = nextDue();
    if (next < 0) {
      return Error{"No request is awaiting a reply."};
    }
    const SimTime start = m_state.now;
    const SimTime until = m_state.checks[at(next)].due;
    deliverUpTo(until);
    m_state.now = std::max(m_state.now, until);
    m_state.transcript.push_back({start, m_state.now, EntryKind::Waited, -1, false, {}});
    return std::nullopt;
  }

  std::optional<Error> operator()(const WaitUntil& action) {
    if (action.until <= m_state.now) {
      return Error{"That time has already passed: it is now " + m_calendar.describe(m_state.now) +
                   "."};
    }
    if (action.until.day() > kHorizonDays) {
      return Error{"A wait may reach at most day " + std::to_string(kHorizonDays) +
                   " after the contact."};
    }
    const SimTime start = m_state.now;
    deliverUpTo(action.until);
    m_state.now = action.until;
    m_state.transcript.push_back({start, m_state.now, EntryKind::Waited, -1, false, {}});
    return std::nullopt;
  }

  std::optional<Error> operator()(const AddFactor& action) {
    if (const auto refusal = checkFactor(action)) {
      return refusal;
    }
    auto& notes = m_state.notes;
    if (notes.factors.size() >= kMaxFactors) {
      return Error{"At most " + std::to_string(kMaxFactors) +
                   " factors can be recorded; remove one first."};
    }
    for (const auto& factor : notes.factors) {
      if (factor.side == action.side && factor.code == action.code &&
          factor.factId == action.factId && factor.note == action.note) {
        return Error{"That factor is already recorded (number " + std::to_string(factor.number) +
                     ")."};
      }
    }
    notes.factors.push_back(
        {notes.nextFactorNumber, action.side, action.code, action.factId, action.note});
    ++notes.nextFactorNumber;
    return std::nullopt;
  }

  std::optional<Error> operator()(const RemoveFactor& action) {
    auto& factors = m_state.notes.factors;
    const auto it = std::find_if(factors.begin(), factors.end(), [&](const auto& factor) {
      return factor.number == action.number;
    });
    if (it == factors.end()) {
      return Error{"There is no recorded factor number " + std::to_string(action.number) + "."};
    }
    factors.erase(it);
    return std::nullopt;
  }

  std::optional<Error> operator()(const SetEstimate& action) {
    auto& notes = m_state.notes;
    switch (action.kind) {
    case EstimateKind::SignificantHarm:
      if (auto refusal = checkPercent("probability of significant harm", action.percent)) {
        return refusal;
      }
      notes.pSignificantHarm = action.percent;
      break;
    case EstimateKind::Rereferral:
      if (auto refusal = checkPercent("probability of re-referral", action.percent)) {
        return refusal;
      }
      notes.pRereferral = action.percent;
      break;
    case EstimateKind::Confidence:
      if (auto refusal = checkPercent("confidence", action.percent)) {
        return refusal;
      }
      notes.confidence = action.percent;
      break;
    }
    return std::nullopt;
  }

  std::optional<Error> operator()(const WriteRationale& action) {
    if (auto refusal = checkText("rationale", action.text)) {
      return refusal;
    }
    m_state.notes.rationale.at(static_cast<std::size_t>(action.field)) = action.text;
    return std::nullopt;
  }

  std::optional<Error> operator()(const LinkFact& action) {
    const auto& heading = rationaleHeading(action.field);
    if (!takesLinkedFacts(action.field)) {
      return Error{"Facts are linked to what we fear, complicating factors, or strengths and "
                   "existing safety; \"" +
                   std::string(heading.title) + "\" is written in your own words."};
    }
    const int f = indexById(m_scenario.facts, action.factId);
    // As for factors: unknown and not-yet-learned facts get the same answer.
    if (f < 0 || !m_state.knows(f)) {
      return Error{"You have not learned anything called " + quoted(action.factId) + "."};
    }
    auto& linked = m_state.notes.rationaleFacts.at(static_cast<std::size_t>(action.field));
    const auto it = std::find(linked.begin(), linked.end(), action.factId);
    const std::string under = "under \"" + std::string(heading.title) + "\"";
    if (!action.link) {
      if (it == linked.end()) {
        return Error{"That fact is not linked " + under + "."};
      }
      linked.erase(it);
      return std::nullopt;
    }
    if (it != linked.end()) {
      return Error{"That fact is already linked " + under + "."};
    }
    if (linked.size() >= kMaxLinkedFacts) {
      return Error{"At most " + std::to_string(kMaxLinkedFacts) + " facts can be linked " + under +
                   "."};
    }
    linked.push_back(action.factId);
    return std::nullopt;
  }

  std::optional<Error> operator()(const SetSafetyScale& action) {
    if (action.value < 0 || action.value > 10) {
      return Error{"The safety scale runs from 0 to 10 (got " + std::to_string(action.value) +
                   ")."};
    }
    m_state.notes.safetyScale = action.value;
    return std::nullopt;
  }

  std::optional<Error> operator()(const DraftReason& action) {
    const int c = findOpen(m_scenario.checks, action.checkId);
    if (c < 0) {
      return Error{notOpen("agency check", m_scenario.checks, action.checkId)};
    }
    if (auto refusal = checkText("reason", action.text)) {
      return refusal;
    }
    m_state.checks[at(c)].reasonDraft = action.text;
    return std::nullopt;
  }

  std::optional<Error> operator()(const WriteNotes& action) {
    if (auto refusal = checkText("note", action.text)) {
      return refusal;
    }
    m_state.notes.notes = action.text;
    return std::nullopt;
  }

  std::optional<Error> operator()(const Decide& action) {
    auto adjuncts = action.adjuncts;
    std::sort(adjuncts.begin(), adjuncts.end());
    if (std::adjacent_find(adjuncts.begin(), adjuncts.end()) != adjuncts.end()) {
      return Error{"An adjunct is listed twice."};
    }
    DecisionRecord record;
    record.decisionPoint = m_state.decisionPoint;
    record.openedAt = m_state.openedAt;
    record.deadline = m_state.deadline;
    record.decidedAt = m_state.now;
    record.decision = action;
    record.decision.adjuncts = std::move(adjuncts);
    record.notes = m_state.notes;
    record.knownFacts.reserve(m_state.factLearnedAt.size());
    for (const auto& learned : m_state.factLearnedAt) {
      record.knownFacts.push_back(learned.has_value());
    }
    for (std::size_t c = 0; c < m_state.checks.size(); ++c) {
      if (m_state.checks[c].status == CheckStatus::Pending) {
        record.pendingChecks.push_back(static_cast<int>(c));
      }
    }
    m_state.decisions.push_back(std::move(record));
    m_state.transcript.push_back(
        {m_state.now, m_state.now, EntryKind::Decision, m_state.decisionPoint, false, {}});
    const bool last = at(m_state.decisionPoint) + 1 >= m_scenario.decisionPoints.size();
    m_state.phase = last ? Phase::Closed : Phase::Decided;
    return std::nullopt;
  }

  std::optional<Error> operator()(const Undo& /*action*/) {
    auto& history = m_state.history;
    if (history.undo.empty()) {
      return Error{"There is nothing to undo since your last enquiry, wait or decision (those "
                   "cannot be taken back)."};
    }
    auto change = std::move(history.undo.back());
    history.undo.pop_back();
    std::visit(Restore{m_state.notes}, change.before);
    history.redo.push_back(std::move(change));
    ++history.restored;
    return std::nullopt;
  }

  std::optional<Error> operator()(const Redo& /*action*/) {
    auto& history = m_state.history;
    if (history.redo.empty()) {
      return Error{"There is nothing to redo."};
    }
    auto change = std::move(history.redo.back());
    history.redo.pop_back();
    std::visit(Restore{m_state.notes}, change.after);
    history.undo.push_back(std::move(change));
    ++history.restored;
    return std::nullopt;
  }

  std::optional<Error> operator()(const OpenNextDecisionPoint& /*action*/) {
    // The phase gate in applyAction lets this through only in Phase::Decided, which
    // implies a next decision point exists.
    const int next = m_state.decisionPoint + 1;
    const auto& point = m_scenario.decisionPoints[at(next)];
    const SimTime opens = SimTime::at(point.day, point.minute);
    const SimTime start = m_state.now;
    deliverUpTo(opens);
    m_state.now = std::max(m_state.now, opens);
    m_state.decisionPoint = next;
    m_state.openedAt = opens;
    m_state.deadline = m_calendar.decisionDeadline(opens);
    m_state.phase = Phase::Gathering;
    record(EntryKind::DecisionPointOpened, next, start, m_state.now, point.reveals);
    return std::nullopt;
  }

private:
  // The index of the route with this id if it is open at the current decision point, or -1.
  template <typename Item> int findOpen(const std::vector<Item>& items, std::string_view id) const {
    const int i = indexById(items, id);
    return i >= 0 && routeOpenAt(m_scenario, items[at(i)].decisionPoint, m_state.decisionPoint)
               ? i
               : -1;
  }

  // One answer for ids that do not exist and ids of routes that open later, suggesting
  // only open routes, so that a script cannot probe for later decision points.
  template <typename Item>
  std::string notOpen(std::string_view what, const std::vector<Item>& items,
                      std::string_view id) const {
    std::vector<std::string> open;
    for (const auto& item : items) {
      if (routeOpenAt(m_scenario, item.decisionPoint, m_state.decisionPoint)) {
        open.push_back(item.id);
      }
    }
    std::string message =
        "There is no " + std::string(what) + " " + quoted(id) + " at this point of the case";
    if (const auto near = core::nearestOf(id, open)) {
      message += "; did you mean " + quoted(*near) + "?";
    } else {
      message += ".";
    }
    return message;
  }

  // Simulated time has an end (kMaxClockDays), so that every time in an event log can be
  // written and read back. Refuse work, or a reply, that would run past it.
  std::optional<Error> checkClock(int minutes, int replyLatency = 0) const {
    const SimTime end =
        m_calendar.addWorkingMinutes(m_calendar.nextWorkingMoment(m_state.now), minutes);
    const SimTime due = m_calendar.addWorkingMinutes(end, replyLatency);
    if (due.day() > kMaxClockDays) {
      return Error{"Simulated time in an attempt ends at day " + std::to_string(kMaxClockDays) +
                   "; this would go beyond it."};
    }
    return std::nullopt;
  }

  std::optional<Error> checkConsentChoice(const core::Check& check, const CheckState& status,
                                          const RequestCheck& action) const {
    if (status.status == CheckStatus::Pending || status.status == CheckStatus::Replied ||
        status.status == CheckStatus::NoReply) {
      return Error{"You have already requested this check (" +
                   m_calendar.describe(status.requestedAt) + ")."};
    }
    const bool needed = check.consent == core::ConsentRule::Needed;
    switch (action.consent) {
    case ConsentChoice::NotSought:
      if (needed) {
        return Error{"This agency shares only with parental consent: seek consent, or override "
                     "it and record why."};
      }
      break;
    case ConsentChoice::Seek:
      if (!m_scenario.consentByAdult() && status.status == CheckStatus::ConsentRefused) {
        return Error{"The parent has already refused consent for this check: override it with a "
                     "recorded reason, or decide without it."};
      }
      break;
    case ConsentChoice::Override:
      if (!needed) {
        return Error{"This agency shares without consent, so there is nothing to override."};
      }
      break;
    }
    const bool blank = action.reason.find_first_not_of(" \t\r\n") == std::string::npos;
    if (action.consent == ConsentChoice::Override && blank) {
      return Error{"Record why consent is overridden (the reason is required)."};
    }
    if (action.consent != ConsentChoice::Override && !action.reason.empty()) {
      return Error{"A reason is recorded only when consent is overridden."};
    }
    if (action.consent != ConsentChoice::Seek && !action.from.empty()) {
      return Error{"Whom consent is asked from ('from') is given only when seeking consent."};
    }
    if (!m_scenario.consentByAdult() && !action.from.empty() && adultIndex(action.from) < 0) {
      return Error{"There is no adult \"" + action.from + "\" in the household: ask one of " +
                   adultChoices() + "."};
    }
    return checkText("reason", action.reason);
  }

  std::optional<Error> checkFactor(const AddFactor& action) const {
    if (action.code.empty() && action.factId.empty() && action.note.empty()) {
      return Error{"Name the factor: a census factor code, something you have learned, or a note."};
    }
    if (!action.code.empty()) {
      if (action.side == FactorSide::Protective) {
        return Error{"Census factor codes name risks; describe a protective factor with something "
                     "you have learned or a note."};
      }
      const auto* code = core::findCensusCode(core::CodeSet::AssessmentFactor, action.code);
      if (code == nullptr) {
        return Error{quoted(action.code) + " is not a census assessment factor code (one of " +
                     core::censusCodeList(core::CodeSet::AssessmentFactor) + ")."};
      }
      if (!code->replacedBy.empty()) {
        std::string replacements(code->replacedBy);
        std::replace(replacements.begin(), replacements.end(), '|', '/');
        return Error{"The census code " + quoted(action.code) + " is no longer used; use " +
                     replacements + "."};
      }
    }
    if (!action.factId.empty()) {
      const int f = indexById(m_scenario.facts, action.factId);
      // Unknown and not-yet-learned facts get the same answer, so that a script cannot
      // probe the case for facts it has not uncovered.
      if (f < 0 || !m_state.knows(f)) {
        return Error{"You have not learned anything called " + quoted(action.factId) + "."};
      }
    }
    return checkText("note", action.note);
  }

  // Start at the next working moment, spend `minutes` working minutes; replies due on the
  // way arrive. Returns [start, end].
  std::pair<SimTime, SimTime> spend(int minutes) {
    const SimTime start = m_calendar.nextWorkingMoment(m_state.now);
    const SimTime end = m_calendar.addWorkingMinutes(start, minutes);
    deliverUpTo(end);
    m_state.now = end;
    return {start, end};
  }

  // The pending check due soonest (ties: the one listed first), or -1.
  int nextDue() const {
    int best = -1;
    for (std::size_t c = 0; c < m_state.checks.size(); ++c) {
      const auto& check = m_state.checks[c];
      if (check.status == CheckStatus::Pending &&
          (best < 0 || check.due < m_state.checks[at(best)].due)) {
        best = static_cast<int>(c);
      }
    }
    return best;
  }

  void deliverUpTo(SimTime until) {
    for (int c = nextDue(); c >= 0 && m_state.checks[at(c)].due <= until; c = nextDue()) {
      auto& status = m_state.checks[at(c)];
      const auto& reply = replyFor(m_scenario.checks[at(c)], status.withoutConsent);
      status.answeredAt = status.due;
      if (reply.completeness == core::Completeness::None) {
        status.status = CheckStatus::NoReply;
        record(EntryKind::NoReply, c, status.due, status.due, {}, status.withoutConsent);
      } else {
        status.status = CheckStatus::Replied;
        record(EntryKind::Reply, c, status.due, status.due, reply.reveals, status.withoutConsent);
      }
      m_state.now = std::max(m_state.now, status.due);
    }
  }

  void record(EntryKind kind, int item, SimTime start, SimTime end,
              const std::vector<std::string>& reveals, bool withoutConsent = false) {
    TranscriptEntry entry{start, end, kind, item, withoutConsent, {}};
    for (const auto& id : reveals) {
      const int f = indexById(m_scenario.facts, id);
      if (f >= 0 && !m_state.knows(f)) {
        m_state.factLearnedAt[at(f)] = end;
        entry.facts.push_back(f);
      }
    }
    m_state.transcript.push_back(std::move(entry));
  }

  const Scenario& m_scenario;
  AttemptState& m_state;
  const WorkingCalendar& m_calendar;
};

// Values built in code (not parsed from text) could hold numbers outside an enum's
// vocabulary; such an action could not be written to the log and read back, so refuse it.
struct VocabularyCheck {
  template <typename E> static bool known(E value) { return core::tokenOf(value) != "?"; }
  template <typename E> static bool inRange(E value, int count) {
    return static_cast<int>(value) >= 0 && static_cast<int>(value) < count;
  }
  static std::optional<Error> bad() {
    return Error{"This action holds a value outside its vocabulary."};
  }
  std::optional<Error> operator()(const RequestCheck& a) const {
    return inRange(a.consent, 3) ? std::nullopt : bad();
  }
  std::optional<Error> operator()(const AddFactor& a) const {
    return inRange(a.side, 2) ? std::nullopt : bad();
  }
  std::optional<Error> operator()(const SetEstimate& a) const {
    return inRange(a.kind, 3) ? std::nullopt : bad();
  }
  std::optional<Error> operator()(const WriteRationale& a) const {
    return inRange(a.field, kRationaleFields) ? std::nullopt : bad();
  }
  std::optional<Error> operator()(const LinkFact& a) const {
    return inRange(a.field, kRationaleFields) ? std::nullopt : bad();
  }
  std::optional<Error> operator()(const Decide& a) const {
    bool ok = known(a.response) && known(a.need) && known(a.urgency);
    for (const auto adjunct : a.adjuncts) {
      ok = ok && known(adjunct);
    }
    return ok ? std::nullopt : bad();
  }
  template <typename A> std::optional<Error> operator()(const A& /*action*/) const {
    return std::nullopt;
  }
};

// Refusals that depend only on where the attempt is, not on the action's details.
std::optional<Error> phaseGate(const Scenario& scenario, const AttemptState& state,
                               const Action& action) {
  if (state.phase == Phase::Closed) {
    return Error{"The attempt is closed: every decision in this case has been made and locked."};
  }
  if (!state.contactRead && !std::holds_alternative<ReadContact>(action)) {
    return Error{"Read the contact first."};
  }
  const auto& title = scenario.decisionPoints[at(state.decisionPoint)].title;
  if (state.phase == Phase::Decided) {
    if (std::holds_alternative<Decide>(action)) {
      return Error{"You have already decided at " + quoted(title) + "; the decision is locked."};
    }
    if (!std::holds_alternative<OpenNextDecisionPoint>(action)) {
      return Error{"The decision at " + quoted(title) +
                   " is locked; open the next decision point to go on."};
    }
  } else if (std::holds_alternative<OpenNextDecisionPoint>(action)) {
    return Error{"Decide at " + quoted(title) + " before moving on."};
  }
  return std::nullopt;
}

} // namespace

AttemptState startAttempt(const Scenario& scenario) {
  assert(!scenario.decisionPoints.empty() && "the loader requires a decision point");
  const WorkingCalendar calendar(scenario.clock);
  AttemptState state;
  state.scenarioId = scenario.meta.id;
  state.contentHash = scenario.contentHash;
  state.now = SimTime::at(0, scenario.clock.startMinute);
  state.openedAt = state.now;
  state.deadline = calendar.decisionDeadline(state.now);
  state.factLearnedAt.resize(scenario.facts.size());
  state.asked.resize(scenario.questions.size());
  state.checks.resize(scenario.checks.size());
  state.direct.resize(scenario.direct.size());
  state.managerConsulted.resize(scenario.decisionPoints.size());
  return state;
}

core::Result<Event> applyAction(const Scenario& scenario, AttemptState& state,
                                const Action& action) {
  return applyAction(scenario, WorkingCalendar(scenario.clock), state, action);
}

core::Result<Event> applyAction(const Scenario& scenario, const WorkingCalendar& calendar,
                                AttemptState& state, const Action& action) {
  if (auto refusal = std::visit(VocabularyCheck{}, action)) {
    return std::move(*refusal);
  }
  if (auto refusal = phaseGate(scenario, state, action)) {
    return std::move(*refusal);
  }
  const SimTime takenAt = state.now;
  // A change to the notes joins the undo history; anything that takes time or decides
  // starts it afresh, so an undo never reaches back past it.
  std::optional<NotesPart> before;
  if (isNotesEdit(action)) {
    before = std::visit(PartOf{state.notes}, action);
  }
  Reducer reducer(scenario, calendar, state);
  if (auto refusal = std::visit(reducer, action)) {
    return std::move(*refusal);
  }
  auto& history = state.history;
  if (before) {
    auto after = std::visit(PartOf{state.notes}, action);
    if (after != *before) {
      history.undo.push_back({std::move(*before), std::move(after)});
      if (history.undo.size() > kMaxUndoSteps) {
        history.undo.pop_front();
      }
      history.redo.clear();
    }
  } else if (!std::holds_alternative<Undo>(action) && !std::holds_alternative<Redo>(action) &&
             !std::holds_alternative<DraftReason>(action)) {
    history.undo.clear();
    history.redo.clear();
  }
  ++state.events;
  return Event{state.events, takenAt, action};
}

bool isNotesEdit(const Action& action) {
  return std::holds_alternative<AddFactor>(action) ||
         std::holds_alternative<RemoveFactor>(action) ||
         std::holds_alternative<SetEstimate>(action) ||
         std::holds_alternative<WriteRationale>(action) ||
         std::holds_alternative<LinkFact>(action) ||
         std::holds_alternative<SetSafetyScale>(action) ||
         std::holds_alternative<WriteNotes>(action);
}

} // namespace sim::engine
