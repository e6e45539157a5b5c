// Putting transcript entries into words. Each entry kind draws its heading and text from
// the scenario item it refers to.
#include "sim/engine/transcript.hpp"

#include "sim/engine/calendar.hpp"

#include <algorithm>

namespace sim::engine {

namespace {

std::size_t at(int index) { return static_cast<std::size_t>(index); }

std::string plural(int n, std::string_view unit) {
  return std::to_string(n) + " " + std::string(unit) + (n == 1 ? "" : "s");
}

// "Leah Moss (mother)" for an adult of the household.
std::string adultName(const core::Scenario& scenario, int adult) {
  if (adult < 0 || at(adult) >= scenario.adults.size()) {
    return "The parent";
  }
  return core::adultLabel(scenario.adults[at(adult)]);
}

std::string requestText(const core::Scenario& scenario, const core::Check& check,
                        const CheckState& status, bool withoutConsent) {
  if (withoutConsent) {
    return status.reason.empty()
               ? (scenario.consentByAdult() ? "Requested after consent was refused."
                                            : "Requested after the parent refused consent.")
               : "Requested without consent. Reason recorded: " + status.reason;
  }
  if (!status.consentFrom.empty()) {
    const auto* person = scenario.findAdult(status.consentFrom);
    return "Requested with " + (person != nullptr ? person->name : status.consentFrom) +
           "'s consent.";
  }
  if (status.consentSought) {
    return "Requested with the parent's consent.";
  }
  return check.consent == core::ConsentRule::Needed ? "Requested."
                                                    : "Requested (consent not needed).";
}

TranscriptLine describe(const core::Scenario& scenario, const AttemptState& state,
                        const TranscriptEntry& entry, const WorkingCalendar& calendar) {
  TranscriptLine line{entry.started, entry.at, entry.kind, {}, {}, entry.facts};
  switch (entry.kind) {
  case EntryKind::Contact: {
    const auto& contact = scenario.contact;
    const std::string who =
        contact.referrerRole.empty() ? "Anonymous referrer" : contact.referrerRole;
    line.heading = "Contact: " + who + " (" + std::string(core::labelOf(contact.channel)) + ")";
    line.text = contact.presentingText;
    if (!contact.request.empty()) {
      line.text += "\n\nThey ask: " + contact.request;
    }
    break;
  }
  case EntryKind::Answer: {
    const auto& question = scenario.questions[at(entry.item)];
    line.heading = "You asked the referrer: " + question.ask;
    line.text = question.answer;
    break;
  }
  case EntryKind::Records:
    line.heading = "Social-care records";
    line.text = describeRecords(scenario.records);
    break;
  case EntryKind::CheckRequested: {
    const auto& check = scenario.checks[at(entry.item)];
    line.heading = "Requested: " + check.label;
    line.text = requestText(scenario, check, state.checks[at(entry.item)], entry.withoutConsent);
    break;
  }
  case EntryKind::ConsentGiven:
  case EntryKind::ConsentRefused:
  case EntryKind::ConsentNoAnswer:
  case EntryKind::ConsentNotTheirs: {
    const auto& check = scenario.checks[at(entry.item)];
    const std::string who = adultName(scenario, entry.adult);
    const std::string said =
        entry.consent >= 0 ? scenario.consents[at(entry.consent)].text : std::string();
    if (entry.kind == EntryKind::ConsentGiven) {
      line.heading = "Consent given by " + who + " — " + check.label;
      line.text = said;
    } else if (entry.kind == EntryKind::ConsentRefused) {
      line.heading = entry.adult >= 0 ? "Consent refused by " + who + " — " + check.label
                                      : "Consent refused: " + check.label;
      line.text = entry.adult < 0 ? "The parent did not agree to this check. It has not been "
                                    "requested."
                                  : said + "\n\nThe check has not been requested.";
    } else if (entry.kind == EntryKind::ConsentNoAnswer) {
      line.heading = "Could not reach " + who + " about consent — " + check.label;
      line.text = (said.empty() ? "You could not reach them." : said) +
                  "\n\nThe check has not been requested.";
    } else {
      line.heading = who + " cannot give consent for this — " + check.label;
      line.text = said + "\n\nThe check has not been requested.";
    }
    break;
  }
  case EntryKind::Reply:
  case EntryKind::NoReply: {
    const auto& check = scenario.checks[at(entry.item)];
    const bool withoutConsent = entry.withoutConsent && check.replyWithoutConsent &&
                                check.consent == core::ConsentRule::Needed;
    const auto& reply = withoutConsent ? *check.replyWithoutConsent : check.reply;
    if (entry.kind == EntryKind::NoReply) {
      line.heading = "No reply: " + check.label;
      line.text = reply.text.empty() ? "Nothing has come back from this request." : reply.text;
    } else {
      line.heading = "Reply: " + check.label +
                     (reply.completeness == core::Completeness::Partial ? " (partial)" : "");
      line.text = reply.text;
    }
    break;
  }
  case EntryKind::Direct: {
    const auto& contact = scenario.direct[at(entry.item)];
    line.heading = contact.label;
    line.text = contact.text;
    break;
  }
  case EntryKind::Manager:
    line.heading = "Manager consultation";
    line.text = scenario.manager[at(entry.item)].text;
    break;
  case EntryKind::Waited:
    line.heading = "Waited";
    line.text =
        "From " + calendar.describe(entry.started) + " to " + calendar.describe(entry.at) + ".";
    break;
  case EntryKind::DecisionPointOpened: {
    const auto& point = scenario.decisionPoints[at(entry.item)];
    line.heading = "New information: " + point.title;
    line.text = point.newInformation;
    break;
  }
  case EntryKind::Decision: {
    const auto& point = scenario.decisionPoints[at(entry.item)];
    line.heading = "Decision locked: " + point.title;
    line.text = describeDecision(state.decisions[at(entry.item)].decision);
    break;
  }
  }
  return line;
}

} // namespace

std::vector<TranscriptLine> describeTranscript(const core::Scenario& scenario,
                                               const AttemptState& state) {
  const WorkingCalendar calendar(scenario.clock);
  std::vector<TranscriptLine> out;
  out.reserve(state.transcript.size());
  for (const auto& entry : state.transcript) {
    out.push_back(describe(scenario, state, entry, calendar));
  }
  return out;
}

std::string_view entryKindToken(EntryKind kind) {
  switch (kind) {
  case EntryKind::Contact:
    return "contact";
  case EntryKind::Answer:
    return "answer";
  case EntryKind::Records:
    return "records";
  case EntryKind::CheckRequested:
    return "check_requested";
  case EntryKind::ConsentGiven:
    return "consent_given";
  case EntryKind::ConsentRefused:
    return "consent_refused";
  case EntryKind::ConsentNoAnswer:
    return "consent_no_answer";
  case EntryKind::ConsentNotTheirs:
    return "consent_not_theirs";
  case EntryKind::Reply:
    return "reply";
  case EntryKind::NoReply:
    return "no_reply";
  case EntryKind::Direct:
    return "direct";
  case EntryKind::Manager:
    return "manager";
  case EntryKind::Waited:
    return "waited";
  case EntryKind::DecisionPointOpened:
    return "decision_point_opened";
  case EntryKind::Decision:
    return "decision";
  }
  return "?";
}

std::string describeRecords(const core::Records& records) {
  if (records.entries.empty()) {
    return records.emptyText.empty() ? "No previous involvement is recorded." : records.emptyText;
  }
  std::vector<const core::RecordEntry*> entries;
  for (const auto& entry : records.entries) {
    entries.push_back(&entry);
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto* a, const auto* b) { return a->day < b->day; });
  std::string out;
  for (const auto* entry : entries) {
    if (!out.empty()) {
      out += '\n';
    }
    out += describeRecordAge(entry->day) + " — " + std::string(core::labelOf(entry->kind)) + ": " +
           entry->summary;
  }
  return out;
}

std::string describeRecordAge(int day) {
  if (day >= 0) {
    return "Day of the contact";
  }
  // Rounded to the nearest unit, as a person says it (181 days is six months, not five);
  // weeks up to three months, so that "eleven weeks ago" in a fact reads the same here.
  const int days = -day;
  if (days < 14) {
    return plural(days, "day") + " before the contact";
  }
  if (days < 91) {
    return plural((days + 3) / 7, "week") + " before the contact";
  }
  if (days < 730) {
    return plural((days * 12 + 182) / 365, "month") + " before the contact";
  }
  return plural((days + 182) / 365, "year") + " before the contact";
}

std::string describeDecision(const Decide& decision) {
  std::string out = std::string(core::labelOf(decision.response)) + " · " +
                    std::string(core::labelOf(decision.need)) + " · " +
                    std::string(core::labelOf(decision.urgency));
  if (!decision.adjuncts.empty()) {
    out += " · with: ";
    for (std::size_t i = 0; i < decision.adjuncts.size(); ++i) {
      out += (i == 0 ? "" : ", ") + std::string(core::labelOf(decision.adjuncts[i]));
    }
  }
  return out;
}

} // namespace sim::engine
