// Scoring one decision. Each component is computed as a credit from 0 to 1 with its
// reasons, then turned into points by the rubric's weight. A line carries the points it
// earned (positive) or deducted (negative: penalties only); what was not earned is a line
// of 0 saying what it was worth. So a component's lines add up to its points.
#include "sim/scoring/decision_score.hpp"

#include "sim/engine/calendar.hpp"
#include "sim/engine/routes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

namespace sim::scoring {

namespace {

using core::ResponseLevel;
using engine::SimTime;

std::size_t at(int index) { return static_cast<std::size_t>(index); }

constexpr double kMaxConcordanceOutsideBand = 0.5;

std::string percent(double share) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.0f%%", share * 100.0);
  return buffer.data();
}

std::string number(double value, int decimals = 2) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, value);
  return buffer.data();
}

int factIndex(const core::Scenario& scenario, std::string_view id) {
  for (std::size_t i = 0; i < scenario.facts.size(); ++i) {
    if (scenario.facts[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// Everything the components need about one decision, and the wording of events.
class Scorer {
public:
  Scorer(const core::Scenario& scenario, const engine::AttemptState& state,
         const engine::DecisionRecord& decision, const core::Rubric& rubric)
      : m_scenario(scenario), m_state(state), m_decision(decision), m_rubric(rubric),
        m_calendar(scenario.clock),
        m_panel(scenario.panelFor(scenario.decisionPoints[at(decision.decisionPoint)].id)) {}

  [[nodiscard]] const core::PanelReview* panel() const { return m_panel; }

  // Done at or before this decision point, and before the decision was locked.
  [[nodiscard]] bool doneBefore(const std::optional<engine::Done>& done) const {
    return done && done->decisionPoint <= m_decision.decisionPoint &&
           done->at <= m_decision.decidedAt;
  }
  [[nodiscard]] bool requestedBefore(int check) const {
    const auto& status = m_state.checks[at(check)];
    return status.requestedAtDecisionPoint >= 0 &&
           status.requestedAtDecisionPoint <= m_decision.decisionPoint &&
           status.requestedAt <= m_decision.decidedAt;
  }
  [[nodiscard]] bool consentSoughtBefore(int check) const {
    const auto& status = m_state.checks[at(check)];
    const bool refusedHere = status.consentRefusedAtDecisionPoint >= 0 &&
                             status.consentRefusedAtDecisionPoint <= m_decision.decisionPoint;
    return status.consentSought &&
           (refusedHere || (requestedBefore(check) && !status.withoutConsent));
  }
  [[nodiscard]] bool knew(int fact) const { return m_decision.knownFacts.at(at(fact)); }

  // "ask q-safety at Tue 10:45 (day 0)": the event that first revealed a fact.
  [[nodiscard]] std::string howLearned(int fact) const {
    for (const auto& entry : m_state.transcript) {
      if (std::find(entry.facts.begin(), entry.facts.end(), fact) == entry.facts.end()) {
        continue;
      }
      std::string what;
      switch (entry.kind) {
      case engine::EntryKind::Contact:
        what = "the contact";
        break;
      case engine::EntryKind::Answer:
        what = "asking " + m_scenario.questions[at(entry.item)].id;
        break;
      case engine::EntryKind::Records:
        what = "the records check";
        break;
      case engine::EntryKind::Reply:
        what = "the reply to " + m_scenario.checks[at(entry.item)].id;
        break;
      case engine::EntryKind::Direct:
        what = m_scenario.direct[at(entry.item)].id;
        break;
      case engine::EntryKind::Manager:
        what = "your manager";
        break;
      case engine::EntryKind::DecisionPointOpened:
        what = "the new information";
        break;
      default:
        what = "the attempt";
        break;
      }
      return what + ", " + m_calendar.describe(entry.at);
    }
    return "the attempt";
  }

  ComponentScore decision() const {
    ComponentScore out{Component::Decision, m_rubric.weights.decision, 0, true, {}};
    const auto chosen = m_decision.decision.response;
    const auto token = std::string(core::tokenOf(chosen));
    const auto band = std::string(core::tokenOf(m_panel->bandMin)) + " to " +
                      std::string(core::tokenOf(m_panel->bandMax));
    const int ordinal = core::ordinal(chosen);
    if (ordinal >= core::ordinal(m_panel->bandMin) && ordinal <= core::ordinal(m_panel->bandMax)) {
      out.earned = out.weight;
      out.lines.push_back(
          {out.weight, "Your response (" + token + ") is inside the panel's band (" + band + ")."});
      return out;
    }
    const bool under = ordinal < core::ordinal(m_panel->bandMin);
    const auto edge = under ? m_panel->bandMin : m_panel->bandMax;
    const int cost = m_rubric.costMatrix.at(at(core::ordinal(edge))).at(at(ordinal));
    int maxCost = 1;
    for (const auto& row : m_rubric.costMatrix) {
      for (const int cell : row) {
        maxCost = std::max(maxCost, cell);
      }
    }
    const double matrixCredit = std::max(0.0, 1.0 - static_cast<double>(cost) / maxCost);
    double credit = matrixCredit;
    const std::string why = cost == 0 ? " (the matrix treats them as equivalent)."
                            : under   ? " (under-response costs more than over-response)."
                                      : ".";
    out.lines.push_back({matrixCredit * out.weight,
                         "Your response (" + token + ") is " + (under ? "below" : "above") +
                             " the panel's band (" + band + "): cost " + std::to_string(cost) +
                             " of " + std::to_string(maxCost) + " from the cost matrix, row " +
                             std::string(core::tokenOf(edge)) + ", so " + percent(matrixCredit) +
                             " of the points" + why});
    if (m_rubric.scriptConcordance && !m_panel->panellists.empty()) {
      std::array<int, core::kResponseLevels> counts{};
      for (const auto& panellist : m_panel->panellists) {
        ++counts.at(at(core::ordinal(panellist.decision)));
      }
      const int modal = *std::max_element(counts.begin(), counts.end());
      const int mine = counts.at(at(ordinal));
      // Outside the band, concordance earns at most half: a response the panel judged
      // unacceptable never scores like an acceptable one, even when the panel was split.
      const double concordance =
          std::min(kMaxConcordanceOutsideBand, static_cast<double>(mine) / modal);
      if (mine > 0 && concordance > matrixCredit) {
        out.lines.push_back({(concordance - matrixCredit) * out.weight,
                             std::to_string(mine) + " of the panellists chose " + token +
                                 " in their blind decisions (the most common choice had " +
                                 std::to_string(modal) + "): partial credit raised to " +
                                 percent(concordance) + " (script concordance, at most 50%)."});
        credit = concordance;
      }
    }
    out.earned = credit * out.weight;
    return out;
  }

  ComponentScore information() const {
    ComponentScore out{Component::Information, m_rubric.weights.information, 0, true, {}};
    const auto& shares = m_rubric.information;
    const double w = out.weight;
    double credit = 0.0;
    // Critical facts.
    if (m_panel->criticalFacts.empty()) {
      credit += shares.criticalFacts;
      out.lines.push_back({shares.criticalFacts * w, "The panel lists no critical facts."});
    } else {
      const double each = shares.criticalFacts / static_cast<double>(m_panel->criticalFacts.size());
      for (const auto& id : m_panel->criticalFacts) {
        const int f = factIndex(m_scenario, id);
        if (f >= 0 && knew(f)) {
          credit += each;
          out.lines.push_back({each * w, "Critical fact reached (" + id + ", from " +
                                             howLearned(f) + "): " + m_scenario.facts[at(f)].text});
        } else if (f >= 0) {
          out.lines.push_back({0, "Critical fact missed (0 of " + number(each * w, 1) + "; " + id +
                                      "): " + m_scenario.facts[at(f)].text});
        }
      }
    }
    // Records.
    if (doneBefore(m_state.recordsChecked)) {
      credit += shares.records;
      out.lines.push_back({shares.records * w, "You checked the social-care records (" +
                                                   m_calendar.describe(m_state.recordsChecked->at) +
                                                   ")."});
    } else {
      out.lines.push_back({0, "You did not check the social-care records (0 of " +
                                  number(shares.records * w, 1) + ")."});
    }
    // The child.
    bool childRoute = false;
    bool childSeen = false;
    for (std::size_t d = 0; d < m_scenario.direct.size(); ++d) {
      const auto& contact = m_scenario.direct[d];
      const bool child = contact.kind == core::DirectKind::SeeChild ||
                         contact.kind == core::DirectKind::SpeakToChild;
      if (child &&
          engine::routeOpenAt(m_scenario, contact.decisionPoint, m_decision.decisionPoint)) {
        childRoute = true;
        childSeen = childSeen || doneBefore(m_state.direct[d]);
      }
    }
    if (!childRoute) {
      credit += shares.child;
      out.lines.push_back({shares.child * w, "This case offers no way to see or hear the child "
                                             "before deciding; the share is given."});
    } else if (childSeen) {
      credit += shares.child;
      out.lines.push_back({shares.child * w, "You saw or heard the child."});
    } else if (std::find(m_decision.decision.adjuncts.begin(), m_decision.decision.adjuncts.end(),
                         core::Adjunct::SeeChildToday) != m_decision.decision.adjuncts.end()) {
      // Seeing the child as part of the response (after a strategy discussion, say) counts.
      credit += shares.child;
      out.lines.push_back(
          {shares.child * w, "Your decision has the child seen today (adjunct see_child_today)."});
    } else {
      out.lines.push_back(
          {0, "You did not see or hear the child (0 of " + number(shares.child * w, 1) + ")."});
    }
    // The referrer.
    bool questionOpen = false;
    bool asked = false;
    for (std::size_t q = 0; q < m_scenario.questions.size(); ++q) {
      if (engine::routeOpenAt(m_scenario, m_scenario.questions[q].decisionPoint,
                              m_decision.decisionPoint)) {
        questionOpen = true;
        asked = asked || doneBefore(m_state.asked[q]);
      }
    }
    if (!questionOpen) {
      credit += shares.referrer;
      out.lines.push_back(
          {shares.referrer * w, "The referrer cannot be asked anything here; the share is given."});
    } else if (asked) {
      credit += shares.referrer;
      out.lines.push_back({shares.referrer * w, "You clarified with the referrer."});
    } else {
      out.lines.push_back({0, "You did not clarify anything with the referrer (0 of " +
                                  number(shares.referrer * w, 1) + ")."});
    }
    // Inappropriate actions.
    for (const auto& wrong : m_panel->inappropriate) {
      if (tookAction(wrong)) {
        credit -= shares.inappropriatePenalty;
        out.lines.push_back(
            {-shares.inappropriatePenalty * w,
             "The panel lists this as inappropriate: " + describe(wrong) + ". " + wrong.why});
      }
    }
    const auto lowYield = lowYieldChecks();
    if (lateForSameDay() && !lowYield.empty()) {
      credit -= shares.urgentDelayPenalty;
      out.lines.push_back({-shares.urgentDelayPenalty * w,
                           "The panel says this needed a same-day response; you decided after "
                           "the working day it arrived (" +
                               m_calendar.describe(m_decision.decidedAt) +
                               ") with checks that added no critical fact: " + lowYield + "."});
    }
    const double clamped = std::clamp(credit, 0.0, 1.0);
    if (clamped != credit) {
      out.lines.push_back({(clamped - credit) * w, clamped < credit
                                                       ? "Capped at the component's points."
                                                       : "The component does not go below 0."});
    }
    out.earned = clamped * w;
    return out;
  }

  ComponentScore factors() const {
    ComponentScore out{Component::Factors, m_rubric.weights.factors, 0, true, {}};
    std::set<std::string> expected(m_panel->keyFactors.begin(), m_panel->keyFactors.end());
    for (const auto& id : m_panel->keyProtective) {
      expected.insert("fact:" + id);
    }
    if (expected.empty()) {
      out.scored = false;
      out.lines.push_back({0, "Not scored: the panel lists no key factors for this decision."});
      return out;
    }
    std::set<std::string> named;
    for (const auto& factor : m_decision.notes.factors) {
      if (factor.side == engine::FactorSide::Risk && !factor.code.empty()) {
        named.insert(factor.code);
      }
      if (factor.side == engine::FactorSide::Protective && !factor.factId.empty()) {
        named.insert("fact:" + factor.factId);
      }
    }
    int hits = 0;
    for (const auto& item : expected) {
      hits += named.count(item) > 0 ? 1 : 0;
    }
    const double precision =
        named.empty() ? 0.0 : static_cast<double>(hits) / static_cast<double>(named.size());
    const double recall = static_cast<double>(hits) / static_cast<double>(expected.size());
    const double f1 = hits == 0 ? 0.0 : 2.0 * precision * recall / (precision + recall);
    out.earned = f1 * out.weight;
    out.lines.push_back({out.earned, "F1 " + number(f1) + " (precision " + number(precision) +
                                         ", recall " + number(recall) + ") against the panel's " +
                                         std::to_string(expected.size()) + " key factors."});
    for (const auto& item : expected) {
      const bool found = named.count(item) > 0;
      out.lines.push_back({0, std::string(found ? "Named: " : "Missed: ") + describeFactor(item)});
    }
    for (const auto& item : named) {
      if (expected.count(item) == 0) {
        out.lines.push_back({0, "Not among the panel's key factors: " + describeFactor(item)});
      }
    }
    return out;
  }

  ComponentScore calibration() const {
    ComponentScore out{Component::Calibration, m_rubric.weights.calibration, 0, true, {}};
    if (!m_panel->pSignificantHarm) {
      out.scored = false;
      out.lines.push_back({0, "Not scored: the panel gave no probability of significant harm."});
      return out;
    }
    const double panel = *m_panel->pSignificantHarm;
    const auto& mine = m_decision.notes.pSignificantHarm;
    if (!mine) {
      out.lines.push_back(
          {0, "You gave no probability of significant harm (the panel: " + percent(panel) + ")."});
      return out;
    }
    const double p = *mine / 100.0;
    const double gap = std::abs(p - panel);
    const double zero = m_rubric.calibrationZeroGap;
    const double credit = std::max(0.0, 1.0 - (gap * gap) / (zero * zero));
    out.earned = credit * out.weight;
    out.lines.push_back({out.earned, "Your probability of significant harm " + percent(p) +
                                         " against the panel's " + percent(panel) + ": gap " +
                                         number(gap) + ", squared error " + number(gap * gap, 4) +
                                         ", credit " + percent(credit) + "."});
    return out;
  }

  ComponentScore timeliness() const {
    ComponentScore out{Component::Timeliness, m_rubric.weights.timeliness, 0, true, {}};
    double credit = 1.0;
    if (m_decision.withinDeadline()) {
      out.lines.push_back({out.weight, "Decided " + m_calendar.describe(m_decision.decidedAt) +
                                           ", within one working day (due " +
                                           m_calendar.describe(m_decision.deadline) + ")."});
    } else {
      credit = 0.0;
      out.lines.push_back({0, "Decided " + m_calendar.describe(m_decision.decidedAt) +
                                  ", after the deadline of " +
                                  m_calendar.describe(m_decision.deadline) + "."});
    }
    if (credit > 0 && lateForSameDay()) {
      out.lines.push_back({-0.5 * out.weight,
                           "The panel says this needed a same-day response; you decided after "
                           "the working day it arrived: half the points."});
      credit = 0.5;
    }
    out.earned = credit * out.weight;
    return out;
  }

  ComponentScore rationale() const {
    ComponentScore out{Component::Rationale, m_rubric.weights.rationale, 0, true, {}};
    static constexpr std::array<std::string_view, engine::kRationaleFields> kHeadings{
        "what happened", "what we fear", "complicating factors", "strengths and existing safety",
        "what needs to happen"};
    const double each = out.weight / (engine::kRationaleFields + 1);
    int filled = 0;
    for (std::size_t i = 0; i < kHeadings.size(); ++i) {
      const auto& text = m_decision.notes.rationale.at(i);
      const bool written = text.find_first_not_of(" \t\r\n") != std::string::npos;
      filled += written ? 1 : 0;
      out.lines.push_back({written ? each : 0.0, std::string(written ? "Written: " : "Missing: ") +
                                                     std::string(kHeadings.at(i)) + "."});
    }
    const bool scale = m_decision.notes.safetyScale.has_value();
    filled += scale ? 1 : 0;
    out.lines.push_back(
        {scale ? each : 0.0,
         scale ? "Safety scale given (" + std::to_string(*m_decision.notes.safetyScale) + "/10)."
               : std::string("Missing: the 0-10 safety scale.")});
    out.earned = each * filled;
    return out;
  }

  std::vector<CriticalError> criticalErrors() const {
    std::vector<CriticalError> out;
    const auto& rules = m_rubric.critical;
    const auto chosen = m_decision.decision.response;

    if (rules.underResponseConfirmedHarm &&
        core::ordinal(chosen) <= core::ordinal(ResponseLevel::EarlyHelp) &&
        core::ordinal(m_panel->consensus) >= core::ordinal(ResponseLevel::S47) &&
        (released(core::OutcomeKind::CpPlan) || released(core::OutcomeKind::LookedAfter) ||
         released(core::OutcomeKind::SeriousIncident))) {
      out.push_back({"critical.under_response_confirmed_harm",
                     "You chose " + std::string(core::tokenOf(chosen)) + " where the panel says " +
                         std::string(core::tokenOf(m_panel->consensus)) +
                         ", and the outcome confirms harm."});
    }
    const auto& source = m_scenario.contact.sourceCode;
    // Census source 1A (family member, relative or carer) or 9 (anonymous).
    const bool familyOrAnonymous = m_scenario.contact.anonymous || source == "1A" || source == "9";
    if (rules.noRecordsWithHistory && familyOrAnonymous &&
        core::ordinal(chosen) <= core::ordinal(ResponseLevel::Advice) &&
        !m_scenario.records.entries.empty() && !doneBefore(m_state.recordsChecked)) {
      out.push_back(
          {"critical.no_records_with_history", "A family or anonymous referral was closed with " +
                                                   std::string(core::tokenOf(chosen)) +
                                                   " without checking records that hold history."});
    }
    if (rules.missedProtectionStatus && protectionStatusInRecords() &&
        !doneBefore(m_state.recordsChecked) && !cpisChecked()) {
      out.push_back({"critical.missed_protection_status",
                     "The records show a child protection plan or looked-after status, and you "
                     "looked at neither the records nor CP-IS."});
    }
    if (rules.consentRaisingRisk) {
      for (const auto& wrong : m_panel->inappropriate) {
        if (wrong.kind == core::InappropriateKind::SeekConsent && tookAction(wrong)) {
          out.push_back({"critical.consent_raising_risk",
                         "You sought parental consent for " + wrong.target +
                             " where the panel says that raises the risk: " + wrong.why});
        }
      }
    }
    if (rules.urgentWithoutSameDayAction && m_panel->urgency == core::Urgency::SameDay &&
        core::isStatutory(m_panel->consensus) &&
        (!core::isStatutory(chosen) || m_decision.decision.urgency != core::Urgency::SameDay ||
         lateForSameDay())) {
      out.push_back({"critical.urgent_without_same_day_action",
                     "The panel says this needed a same-day response; yours was not same-day."});
    }
    return out;
  }

private:
  // Whether the outcome shows an event of this kind that the debrief has released: while
  // the attempt goes on, only events before the next decision point opens (debrief.hpp).
  [[nodiscard]] bool released(core::OutcomeKind kind) const {
    const bool last = at(m_decision.decisionPoint) + 1 >= m_scenario.decisionPoints.size();
    const int before = last || m_state.phase == engine::Phase::Closed
                           ? std::numeric_limits<int>::max()
                           : m_scenario.decisionPoints[at(m_decision.decisionPoint + 1)].day;
    return std::any_of(m_scenario.outcome.events.begin(), m_scenario.outcome.events.end(),
                       [&](const auto& event) { return event.kind == kind && event.day < before; });
  }

  [[nodiscard]] bool lateForSameDay() const {
    if (m_panel->urgency != core::Urgency::SameDay) {
      return false;
    }
    const SimTime start = m_calendar.nextWorkingMoment(m_decision.openedAt);
    return m_decision.decidedAt > SimTime::at(start.day(), m_calendar.dayEnds());
  }

  // Checks requested before the decision whose reply brings none of the panel's critical
  // facts, as "chk-a, chk-b" (empty when there are none).
  [[nodiscard]] std::string lowYieldChecks() const {
    std::string out;
    for (std::size_t c = 0; c < m_scenario.checks.size(); ++c) {
      if (!requestedBefore(static_cast<int>(c))) {
        continue;
      }
      const auto& check = m_scenario.checks[c];
      const bool without = m_state.checks[c].withoutConsent && check.replyWithoutConsent &&
                           check.consent == core::ConsentRule::Needed;
      const auto& reveals = without ? check.replyWithoutConsent->reveals : check.reply.reveals;
      const bool yields = std::any_of(reveals.begin(), reveals.end(), [this](const auto& id) {
        return std::find(m_panel->criticalFacts.begin(), m_panel->criticalFacts.end(), id) !=
               m_panel->criticalFacts.end();
      });
      if (!yields) {
        out += (out.empty() ? "" : ", ") + check.id;
      }
    }
    return out;
  }

  [[nodiscard]] bool protectionStatusInRecords() const {
    return std::any_of(m_scenario.records.entries.begin(), m_scenario.records.entries.end(),
                       [](const auto& entry) {
                         return entry.kind == core::RecordKind::CpPlan ||
                                entry.kind == core::RecordKind::LookedAfter;
                       });
  }

  [[nodiscard]] bool cpisChecked() const {
    for (std::size_t c = 0; c < m_scenario.checks.size(); ++c) {
      if (m_scenario.checks[c].agency == core::Agency::CpIs &&
          requestedBefore(static_cast<int>(c))) {
        return true;
      }
    }
    return false;
  }

  [[nodiscard]] int indexOf(const std::string& id, core::InappropriateKind kind) const {
    const auto find = [&id](const auto& items) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) {
          return static_cast<int>(i);
        }
      }
      return -1;
    };
    switch (kind) {
    case core::InappropriateKind::Direct:
      return find(m_scenario.direct);
    case core::InappropriateKind::Question:
      return find(m_scenario.questions);
    default:
      return find(m_scenario.checks);
    }
  }

  [[nodiscard]] bool tookAction(const core::InappropriateAction& wrong) const {
    const int i = indexOf(wrong.target, wrong.kind);
    if (i < 0) {
      return false;
    }
    switch (wrong.kind) {
    case core::InappropriateKind::SeekConsent:
      return consentSoughtBefore(i);
    case core::InappropriateKind::Check:
      return requestedBefore(i);
    case core::InappropriateKind::CheckWithoutConsent:
      return requestedBefore(i) && m_state.checks[at(i)].withoutConsent;
    case core::InappropriateKind::Direct:
      return doneBefore(m_state.direct[at(i)]);
    case core::InappropriateKind::Question:
      return doneBefore(m_state.asked[at(i)]);
    }
    return false;
  }

  [[nodiscard]] std::string describe(const core::InappropriateAction& wrong) const {
    return std::string(core::labelOf(wrong.kind)) + " (" + wrong.target + ")";
  }

  [[nodiscard]] std::string describeFactor(const std::string& item) const {
    if (item.rfind("fact:", 0) == 0) {
      const auto id = item.substr(5);
      const int f = factIndex(m_scenario, id);
      return "protective: " + (f >= 0 ? m_scenario.facts[at(f)].text : id);
    }
    const auto* code = core::findCensusCode(core::CodeSet::AssessmentFactor, item);
    return item + (code != nullptr ? " (" + std::string(code->label) + ")" : "");
  }

  const core::Scenario& m_scenario;
  const engine::AttemptState& m_state;
  const engine::DecisionRecord& m_decision;
  const core::Rubric& m_rubric;
  engine::WorkingCalendar m_calendar;
  const core::PanelReview* m_panel;
};

} // namespace

std::string_view componentToken(Component component) {
  switch (component) {
  case Component::Decision:
    return "decision";
  case Component::Information:
    return "information";
  case Component::Factors:
    return "factors";
  case Component::Calibration:
    return "calibration";
  case Component::Timeliness:
    return "timeliness";
  case Component::Rationale:
    return "rationale";
  }
  return "?";
}

std::string_view componentLabel(Component component) {
  switch (component) {
  case Component::Decision:
    return "Decision appropriateness";
  case Component::Information:
    return "Information gathering";
  case Component::Factors:
    return "Risk and protective factors";
  case Component::Calibration:
    return "Risk estimate";
  case Component::Timeliness:
    return "Timeliness";
  case Component::Rationale:
    return "Rationale";
  }
  return "?";
}

core::Rubric rubricFor(const core::Rubric& base, const core::Scenario& scenario) {
  core::Rubric rubric = base;
  for (const auto& setting : scenario.rubricOverrides) {
    core::applyRubricSetting(rubric, setting);
  }
  return rubric;
}

DecisionHabits habitsAt(const core::Scenario& scenario, const engine::AttemptState& state,
                        int decisionPoint) {
  DecisionHabits habits;
  if (!state.isLocked(decisionPoint)) {
    return habits;
  }
  const auto& decision = state.decisions[at(decisionPoint)];
  const auto before = [&](const std::optional<engine::Done>& done) {
    return done && done->decisionPoint <= decisionPoint && done->at <= decision.decidedAt;
  };
  for (const auto& check : state.checks) {
    habits.checks += check.requestedAtDecisionPoint >= 0 &&
                             check.requestedAtDecisionPoint <= decisionPoint &&
                             check.requestedAt <= decision.decidedAt
                         ? 1
                         : 0;
  }
  habits.recordsChecked = before(state.recordsChecked);
  for (std::size_t d = 0; d < scenario.direct.size(); ++d) {
    const auto kind = scenario.direct[d].kind;
    if ((kind == core::DirectKind::SeeChild || kind == core::DirectKind::SpeakToChild) &&
        before(state.direct[d])) {
      habits.childSeen = true;
    }
  }
  return habits;
}

double weightedMeanScore(const std::vector<DecisionScore>& scores) {
  double weighted = 0.0;
  double weights = 0.0;
  for (const auto& score : scores) {
    weighted += score.total * score.caseWeight;
    weights += score.caseWeight;
  }
  return weights > 0.0 ? weighted / weights : 0.0;
}

double panelAgreement(const core::PanelReview& panel) {
  const auto n = static_cast<double>(panel.panellists.size());
  if (panel.panellists.size() < 2) {
    return 1.0;
  }
  std::array<int, core::kResponseLevels> counts{};
  for (const auto& panellist : panel.panellists) {
    ++counts.at(at(core::ordinal(panellist.decision)));
  }
  double pairs = 0.0;
  for (const int c : counts) {
    pairs += static_cast<double>(c) * (c - 1);
  }
  return pairs / (n * (n - 1.0));
}

core::Result<DecisionScore> scoreDecision(const core::Scenario& scenario,
                                          const engine::AttemptState& state, int decisionPoint,
                                          const core::Rubric& rubric) {
  if (!state.isLocked(decisionPoint)) {
    return core::Error{"A decision is scored only once it is locked."};
  }
  const auto& decision = state.decisions[at(decisionPoint)];
  const Scorer scorer(scenario, state, decision, rubric);
  if (scorer.panel() == nullptr) {
    return core::Error{"This decision point has no panel review to score against."};
  }
  DecisionScore score;
  score.decisionPoint = decisionPoint;
  score.criticalErrors = scorer.criticalErrors();
  score.components = {scorer.decision(),    scorer.information(), scorer.factors(),
                      scorer.calibration(), scorer.timeliness(),  scorer.rationale()};
  for (const auto& component : score.components) {
    if (component.scored) {
      score.earned += component.earned;
      score.available += component.weight;
    }
  }
  score.uncapped = score.available > 0 ? 100.0 * score.earned / score.available : 0.0;
  score.total =
      score.criticalErrors.empty() ? score.uncapped : std::min(score.uncapped, rubric.critical.cap);
  score.panelAgreement = panelAgreement(*scorer.panel());
  score.caseWeight = rubric.contestedBase + rubric.contestedSlope * score.panelAgreement;
  // Against what happened: only once the whole case is finished (hindsight protection).
  if (decision.notes.pRereferral && !scenario.outcome.censored &&
      state.phase == engine::Phase::Closed) {
    const double p = *decision.notes.pRereferral / 100.0;
    const double o = scenario.outcome.rereferredWithin12Months() ? 1.0 : 0.0;
    score.outcomeBrier = (p - o) * (p - o);
  }
  return score;
}

} // namespace sim::scoring
