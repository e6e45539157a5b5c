// Scoring one decision. Each component is computed as a credit from 0 to 1 with its
// reasons, then turned into points by the rubric's weight. A line carries the points it
// earned (positive) or deducted (negative: penalties only); what was not earned is a line
// of 0 saying what it was worth. So a component's lines add up to its points.
#include "sim/scoring/decision_score.hpp"

#include "sim/core/time_of_day.hpp"
#include "sim/engine/calendar.hpp"
#include "sim/engine/rationale.hpp"
#include "sim/engine/routes.hpp"
#include "sim/scoring/attempt_score.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

namespace sim::scoring {

namespace {

// "What happened" -> "what happened": a heading inside a sentence.
std::string lowered(std::string_view title) {
  std::string out(title);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  return out;
}

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

// How a response level reads in a sentence: "early help", "s47".
std::string levelName(ResponseLevel level) {
  switch (level) {
  case ResponseLevel::Nfa:
    return "no further action";
  case ResponseLevel::Advice:
    return "advice";
  case ResponseLevel::EarlyHelp:
    return "early help";
  case ResponseLevel::S17:
    return "s17";
  case ResponseLevel::S47:
    return "s47";
  case ResponseLevel::Immediate:
    return "immediate protection";
  }
  return std::string(core::tokenOf(level));
}

std::string rangeName(ResponseLevel low, ResponseLevel high) {
  return low == high ? levelName(low) : levelName(low) + " to " + levelName(high);
}

// Fact texts listed in one sentence: "A; B; C." (each text's own full stop dropped, one at
// the end; the caller's sentence supplies it when the list is the last thing in it).
void addToList(std::string& list, std::string_view text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  list += (list.empty() ? "" : "; ") + std::string(text);
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

  // How many of the panel's critical facts were known when the decision was locked.
  [[nodiscard]] int criticalKnown() const {
    int known = 0;
    for (const auto& id : m_panel->criticalFacts) {
      const int f = factIndex(m_scenario, id);
      known += f >= 0 && knew(f) ? 1 : 0;
    }
    return known;
  }

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
  // Consent sought for `check` before this decision; from adult `who` only, if given
  // ([[consent]] cases record whom each conversation was with).
  [[nodiscard]] bool consentSoughtBefore(int check, const std::string& who = {}) const {
    const auto& status = m_state.checks[at(check)];
    if (m_scenario.consentByAdult()) {
      return std::any_of(status.asked.begin(), status.asked.end(), [&](const auto& asked) {
        return (who.empty() || asked.who == who) &&
               asked.decisionPoint <= m_decision.decisionPoint && asked.at <= m_decision.decidedAt;
      });
    }
    const bool refusedHere = status.consentRefusedAtDecisionPoint >= 0 &&
                             status.consentRefusedAtDecisionPoint <= m_decision.decisionPoint;
    return status.consentSought &&
           (refusedHere || (requestedBefore(check) && !status.withoutConsent));
  }
  [[nodiscard]] bool knew(int fact) const { return m_decision.knownFacts.at(at(fact)); }

  // "Mon 13:20" on the day this decision point's contact came in; "Tue 13:20, the next
  // day" or "Thu 10:00, 3 days after the contact" when the day differs.
  [[nodiscard]] std::string when(SimTime t) const {
    const auto weekday = core::labelOf(m_calendar.weekdayOf(t.day()));
    std::string out =
        std::string(weekday.substr(0, 3)) + " " + core::formatTimeOfDay(t.minuteOfDay());
    const int days = t.day() - m_decision.openedAt.day();
    if (days == 1) {
      out += ", the next day";
    } else if (days > 1) {
      out += ", " + std::to_string(days) + " days after the contact";
    } else if (days < 0) {
      out +=
          ", " + std::to_string(-days) + (days == -1 ? " day" : " days") + " before this contact";
    }
    return out;
  }

  // What a check, direct contact or question is called in a sentence.
  [[nodiscard]] std::string directName(const core::DirectContact& contact) const {
    std::string who;
    for (const auto& child : m_scenario.children) {
      who = child.id == contact.who ? child.name : who;
    }
    for (const auto& adult : m_scenario.adults) {
      who = adult.id == contact.who ? adult.name : who;
    }
    switch (contact.kind) {
    case core::DirectKind::SeeChild:
      return "seeing " + (who.empty() ? std::string("the child") : who);
    case core::DirectKind::SpeakToChild:
      return "speaking to " + (who.empty() ? std::string("the child") : who);
    case core::DirectKind::SpeakToParent:
      return "speaking to " + (who.empty() ? std::string("a parent") : who);
    case core::DirectKind::SpeakToAdult:
      return "speaking to " + (who.empty() ? std::string("another adult") : who);
    }
    return contact.label;
  }

  // The kind of event that first revealed a fact (Contact when it has not been learned).
  [[nodiscard]] engine::EntryKind learnedBy(int fact) const {
    for (const auto& entry : m_state.transcript) {
      if (std::find(entry.facts.begin(), entry.facts.end(), fact) != entry.facts.end()) {
        return entry.kind;
      }
    }
    return engine::EntryKind::Contact;
  }

  // Whether the manager was consulted at this decision point before it was locked.
  [[nodiscard]] bool consultedManager() const {
    const auto& done = m_state.managerConsulted.at(at(m_decision.decisionPoint));
    return doneBefore(done);
  }

  // Whether the panel lists a check (by id) as inappropriate, in any way.
  [[nodiscard]] bool listedInappropriate(const std::string& checkId) const {
    return std::any_of(m_panel->inappropriate.begin(), m_panel->inappropriate.end(),
                       [&](const auto& wrong) {
                         return wrong.target == checkId &&
                                (wrong.kind == core::InappropriateKind::Check ||
                                 wrong.kind == core::InappropriateKind::CheckWithoutConsent);
                       });
  }

  // "the contact, Mon 13:20": the event that first revealed a fact.
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
        what = "your question to the referrer";
        break;
      case engine::EntryKind::Records:
        what = "the social-care records";
        break;
      case engine::EntryKind::Reply:
        what = "the reply to “" + m_scenario.checks[at(entry.item)].label + "”";
        break;
      case engine::EntryKind::Direct:
        what = directName(m_scenario.direct[at(entry.item)]);
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
      return what + ", " + when(entry.at);
    }
    return "the attempt";
  }

  ComponentScore decision() const {
    ComponentScore out{Component::Decision, m_rubric.weights.decision, 0, true, {}, {}};
    const double band = bandCredit(out);
    double credit = band;
    // Scaled by what was known: the share of the critical facts known when locked.
    const auto& critical = m_panel->criticalFacts;
    if (!critical.empty() && band > 0) {
      const int known = criticalKnown();
      std::string missing;
      for (const auto& id : critical) {
        const int f = factIndex(m_scenario, id);
        if (f >= 0 && !knew(f)) {
          addToList(missing, m_scenario.facts[at(f)].text);
        }
      }
      const double share = static_cast<double>(known) / static_cast<double>(critical.size());
      const std::string counted = std::to_string(known) + " of the panel's " +
                                  std::to_string(critical.size()) + " critical facts";
      if (known < static_cast<int>(critical.size())) {
        out.lines.push_back(
            {-(band - band * share) * out.weight,
             "You knew " + counted + " when you locked this decision, so it keeps " +
                 percent(share) +
                 " of those points: a decision reached without the facts that matter is a "
                 "guess, however it lands. Not known: " +
                 missing + "."});
      } else {
        out.lines.push_back({0, "You knew all " + counted +
                                    " when you locked this decision, "
                                    "so it keeps all of those points."});
      }
      credit = band * share;
    }
    if (consultedManager() && credit > 0 && m_rubric.managerHintCost > 0) {
      const double cost = credit * m_rubric.managerHintCost;
      out.lines.push_back(
          {-cost * out.weight, "You consulted your manager at this decision point: their questions "
                               "helped you reach it, so the decision keeps " +
                                   percent(1.0 - m_rubric.managerHintCost) +
                                   " of its points. Supervision is good practice; this score "
                                   "measures the judgement you made unaided."});
      credit -= cost;
    }
    out.earned = credit * out.weight;
    return out;
  }

  // Where the response landed against the panel's band, as a credit 0..1, with its lines.
  double bandCredit(ComponentScore& out) const {
    const auto chosen = m_decision.decision.response;
    const auto token = levelName(chosen);
    const auto band = rangeName(m_panel->bandMin, m_panel->bandMax);
    const int ordinal = core::ordinal(chosen);
    if (ordinal >= core::ordinal(m_panel->bandMin) && ordinal <= core::ordinal(m_panel->bandMax)) {
      out.lines.push_back(
          {out.weight,
           "Your response (" + token + ") is inside the panel's acceptable range (" + band + ")."});
      return 1.0;
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
    const std::string why = cost == 0 ? " The rubric treats the two as equally acceptable here."
                            : under   ? " Doing too little is costed higher than doing too much."
                                      : "";
    out.lines.push_back({matrixCredit * out.weight,
                         "Your response (" + token + ") is " + (under ? "below" : "above") +
                             " the panel's acceptable range (" + band + "). Measured from " +
                             levelName(edge) + ", the nearest acceptable level, it costs " +
                             std::to_string(cost) + " on a scale of " + std::to_string(maxCost) +
                             ", so you get " + percent(matrixCredit) + " of the points." + why});
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
        out.lines.push_back(
            {(concordance - matrixCredit) * out.weight,
             std::to_string(mine) + (mine == 1 ? " panellist" : " panellists") + " chose " + token +
                 " on their own, before the panel discussed the case (the "
                 "most common choice had " +
                 std::to_string(modal) + "), so your credit is raised to " + percent(concordance) +
                 ". A choice some panellists made earns part credit, at most "
                 "50% outside the acceptable range."});
        credit = concordance;
      }
    }
    return credit;
  }

  ComponentScore information() const {
    ComponentScore out{Component::Information, m_rubric.weights.information, 0, true, {}, {}};
    const auto& shares = m_rubric.information;
    const double w = out.weight;
    double credit = 0.0;
    // Critical facts: those you found out, not those the contact (or the new information
    // at a later decision point) gave you, and not those your manager told you.
    std::vector<int> toFind;
    std::string given;
    for (const auto& id : m_panel->criticalFacts) {
      const int f = factIndex(m_scenario, id);
      if (f < 0) {
        continue;
      }
      const auto kind = learnedBy(f);
      if (knew(f) &&
          (kind == engine::EntryKind::Contact || kind == engine::EntryKind::DecisionPointOpened)) {
        addToList(given, m_scenario.facts[at(f)].text);
      } else {
        toFind.push_back(f);
      }
    }
    if (!given.empty()) {
      out.lines.push_back(
          {0, "Critical facts the contact gave you (they count for your decision, not as "
              "information you gathered): " +
                  given + "."});
    }
    if (toFind.empty()) {
      credit += shares.criticalFacts;
      out.lines.push_back(
          {shares.criticalFacts * w, m_panel->criticalFacts.empty()
                                         ? std::string("The panel lists no critical facts.")
                                         : std::string("Every critical fact came with the contact: "
                                                       "there was none left to find.")});
    } else {
      const double each = shares.criticalFacts / static_cast<double>(toFind.size());
      for (const int f : toFind) {
        const auto& text = m_scenario.facts[at(f)].text;
        if (knew(f) && learnedBy(f) == engine::EntryKind::Manager) {
          out.lines.push_back({0, "Critical fact your manager told you (0 of " +
                                      number(each * w, 1) + " points): " + text});
        } else if (knew(f)) {
          credit += each;
          out.lines.push_back(
              {each * w, "Critical fact you found out (from " + howLearned(f) + "): " + text});
        } else {
          out.lines.push_back(
              {0, "Critical fact missed (0 of " + number(each * w, 1) + " points): " + text});
        }
      }
    }
    // Records.
    if (doneBefore(m_state.recordsChecked)) {
      credit += shares.records;
      out.lines.push_back({shares.records * w, "You checked the social-care records (" +
                                                   when(m_state.recordsChecked->at) + ")."});
    } else {
      out.lines.push_back({0, "You did not check the social-care records (0 of " +
                                  number(shares.records * w, 1) + " points)."});
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
                                             "before deciding, so these points are given."});
    } else if (childSeen) {
      credit += shares.child;
      out.lines.push_back({shares.child * w, "You saw or heard the child."});
    } else if (std::find(m_decision.decision.adjuncts.begin(), m_decision.decision.adjuncts.end(),
                         core::Adjunct::SeeChildToday) != m_decision.decision.adjuncts.end()) {
      // Seeing the child as part of the response (after a strategy discussion, say) counts.
      credit += shares.child;
      out.lines.push_back(
          {shares.child * w, "You planned to see the child today as part of your decision."});
    } else {
      out.lines.push_back(
          {0, "You did not see or hear the child, before deciding or as part of your decision (0 "
              "of " +
                  number(shares.child * w, 1) + " points)."});
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
          {shares.referrer * w,
           "The referrer cannot be asked anything here, so these points are given."});
    } else if (asked) {
      credit += shares.referrer;
      out.lines.push_back({shares.referrer * w, "You clarified with the referrer."});
    } else {
      out.lines.push_back({0, "You did not clarify anything with the referrer (0 of " +
                                  number(shares.referrer * w, 1) + " points)."});
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
    // Checks without consent below the s47 threshold (the information-sharing protocol).
    if (core::ordinal(m_panel->bandMax) < core::ordinal(ResponseLevel::S47)) {
      for (std::size_t c = 0; c < m_scenario.checks.size(); ++c) {
        const auto& check = m_scenario.checks[c];
        const auto& status = m_state.checks[c];
        if (check.consent != core::ConsentRule::Needed || !status.withoutConsent ||
            status.requestedAtDecisionPoint != m_decision.decisionPoint ||
            !requestedBefore(static_cast<int>(c)) || listedInappropriate(check.id)) {
          continue;
        }
        credit -= shares.disproportionatePenalty;
        out.lines.push_back(
            {-shares.disproportionatePenalty * w,
             "Shared without consent below the threshold for s47: " + check.label +
                 ". The panel's acceptable range (" +
                 rangeName(m_panel->bandMin, m_panel->bandMax) +
                 ") holds no reasonable cause to suspect significant harm, and the "
                 "information-sharing protocol asks for the parent's consent there."});
      }
    }
    const auto lowYield = lowYieldChecks();
    if (lateForSameDay() && !lowYield.empty()) {
      credit -= shares.urgentDelayPenalty;
      out.lines.push_back(
          {-shares.urgentDelayPenalty * w,
           "The panel says this needed a same-day response; you decided after "
           "the working day it arrived (" +
               when(m_decision.decidedAt) +
               ") after asking for checks that added no critical fact: " + lowYield + "."});
    }
    const double clamped = std::clamp(credit, 0.0, 1.0);
    if (clamped != credit) {
      out.lines.push_back(
          {(clamped - credit) * w, clamped < credit
                                       ? "Capped: this part cannot earn more than its full points."
                                       : "This part does not go below 0."});
    }
    out.earned = clamped * w;
    return out;
  }

  ComponentScore factors() const {
    ComponentScore out{Component::Factors, m_rubric.weights.factors, 0, true, {}, {}};
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
    // A census code counts only when something you had learned shows it: a fact you knew
    // that the case tags with that code. Naming the answer without the evidence is a guess.
    std::set<std::string> unsupported;
    for (const auto& item : named) {
      if (item.rfind("fact:", 0) != 0 && !codeShown(item)) {
        unsupported.insert(item);
      }
    }
    int hits = 0;
    for (const auto& item : expected) {
      hits += named.count(item) > 0 && unsupported.count(item) == 0 ? 1 : 0;
    }
    const double precision =
        named.empty() ? 0.0 : static_cast<double>(hits) / static_cast<double>(named.size());
    const double recall = static_cast<double>(hits) / static_cast<double>(expected.size());
    const double f1 = hits == 0 ? 0.0 : 2.0 * precision * recall / (precision + recall);
    out.earned = f1 * out.weight;
    const std::string total = std::to_string(expected.size());
    std::size_t recorded = m_decision.notes.factors.size();
    std::string summary;
    if (named.empty()) {
      summary = recorded == 0
                    ? "You recorded no factors, so you named none of the panel's " + total +
                          " key factors: no points."
                    : "None of the " + std::to_string(recorded) +
                          " factors you recorded names a census code or a protective fact the "
                          "panel's list can be compared with: no points.";
    } else {
      const std::size_t others = named.size() - static_cast<std::size_t>(hits);
      summary = "The panel named " + total + " key factors and you named " + std::to_string(hits) +
                " of them. Of the " + std::to_string(recorded) +
                (recorded == 1 ? " factor" : " factors") + " you recorded, " +
                std::to_string(named.size()) + (named.size() == 1 ? " names" : " name") +
                " a census code or a protective fact that can be compared with the panel's "
                "list" +
                (others == 0 ? std::string(", and all of them are on it")
                             : ", and " + std::to_string(others) + " of those " +
                                   (others == 1 ? "is" : "are") + " not on it") +
                ". Naming more of the panel's factors, and fewer besides, earns more: you get " +
                percent(f1) + " of the points.";
    }
    out.calculation.push_back("Recall: " + std::to_string(hits) + " of the panel's " + total +
                              " = " + number(recall) + ".");
    out.calculation.push_back("Precision: " + std::to_string(hits) + " of the " +
                              std::to_string(named.size()) + " you named = " + number(precision) +
                              ".");
    out.calculation.push_back("F1 = 2 × precision × recall / (precision + recall) = " + number(f1) +
                              "; " + number(f1) + " × " + number(out.weight, 0) +
                              " points = " + number(out.earned, 1) + ".");
    out.lines.push_back({out.earned, summary});
    for (const auto& item : expected) {
      const bool found = named.count(item) > 0;
      const bool shown = unsupported.count(item) == 0;
      out.lines.push_back(
          {0, std::string(!found  ? "Missed "
                          : shown ? "Named "
                                  : "Named without evidence ") +
                  describeFactor(item) +
                  (found && !shown ? ": nothing you had learned when you decided shows it, so "
                                     "it does not count"
                                   : "")});
    }
    for (const auto& item : named) {
      if (expected.count(item) == 0) {
        out.lines.push_back(
            {0, "Also named (not one of the panel's key factors) " + describeFactor(item)});
      }
    }
    return out;
  }

  ComponentScore calibration() const {
    ComponentScore out{Component::Calibration, m_rubric.weights.calibration, 0, true, {}, {}};
    if (!m_panel->pSignificantHarm) {
      out.scored = false;
      out.lines.push_back({0, "Not scored: the panel gave no probability of significant harm."});
      return out;
    }
    // The range of the panellists' own estimates, with the panel's.
    double low = *m_panel->pSignificantHarm;
    double high = low;
    for (const auto& panellist : m_panel->panellists) {
      if (panellist.pSignificantHarm) {
        low = std::min(low, *panellist.pSignificantHarm);
        high = std::max(high, *panellist.pSignificantHarm);
      }
    }
    const std::string range =
        low == high ? percent(low) : "from " + percent(low) + " to " + percent(high);
    const auto& mine = m_decision.notes.pSignificantHarm;
    if (!mine) {
      out.lines.push_back({0, "You gave no estimate of the chance of significant harm (the "
                              "panellists' estimates ran " +
                                  range + "), so no points here."});
      return out;
    }
    const double p = *mine / 100.0;
    const double distance = p < low ? low - p : p > high ? p - high : 0.0;
    const double zero = m_rubric.calibrationZeroGap;
    const double credit = std::max(0.0, 1.0 - distance / zero);
    out.earned = credit * out.weight;
    if (distance == 0.0) {
      out.lines.push_back(
          {out.earned, "You put the chance of significant harm at " + percent(p) +
                           ", inside the range of the panellists' own estimates (" + range +
                           "): full points. Experienced colleagues differ this much; any "
                           "estimate among theirs is sound."});
    } else {
      out.lines.push_back(
          {out.earned, "You put the chance of significant harm at " + percent(p) + ", " +
                           number(distance * 100.0, 0) + " percentage points " +
                           (p < low ? "below" : "above") +
                           " the range of the panellists' own estimates (" + range +
                           "), so you get " + percent(credit) +
                           " of the points: the credit falls in proportion to the distance, "
                           "to nothing at " +
                           number(zero * 100.0, 0) + " points outside."});
    }
    return out;
  }

  ComponentScore timeliness() const {
    ComponentScore out{Component::Timeliness, m_rubric.weights.timeliness, 0, true, {}, {}};
    double credit = 1.0;
    if (m_decision.withinDeadline()) {
      out.lines.push_back({out.weight, "You decided on " + when(m_decision.decidedAt) +
                                           ", within one working day of the contact (due by " +
                                           when(m_decision.deadline) + ")."});
    } else {
      credit = 0.0;
      out.lines.push_back({0, "You decided on " + when(m_decision.decidedAt) +
                                  ", after the one-working-day deadline (" +
                                  when(m_decision.deadline) + ")."});
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
    ComponentScore out{Component::Rationale, m_rubric.weights.rationale, 0, true, {}, {}};
    const auto& shares = m_rubric.rationale;
    const double w = out.weight;
    const auto linkedUnder = [this](engine::RationaleField field) -> const auto& {
      return m_decision.notes.rationaleFacts.at(static_cast<std::size_t>(field));
    };
    const auto isLinked = [&](engine::RationaleField field, const std::string& id) {
      const auto& linked = linkedUnder(field);
      return std::find(linked.begin(), linked.end(), id) != linked.end();
    };
    const auto title = [](engine::RationaleField field) {
      return lowered(engine::rationaleHeading(field).title);
    };
    double credit = 0.0;
    // What we fear: the panel's critical facts that are not protective.
    std::vector<int> worries;
    for (const auto& id : m_panel->criticalFacts) {
      const int f = factIndex(m_scenario, id);
      if (f >= 0 && m_scenario.facts[at(f)].tag != core::FactTag::Protective) {
        worries.push_back(f);
      }
    }
    const auto fear = engine::RationaleField::WhatWeFear;
    if (worries.empty()) {
      credit += shares.worries;
      out.lines.push_back({shares.worries * w, "The panel lists no critical worries to link "
                                               "under " +
                                                   title(fear) + "."});
    } else {
      int linked = 0;
      std::string missed;
      for (const int f : worries) {
        if (isLinked(fear, m_scenario.facts[at(f)].id)) {
          ++linked;
        } else {
          addToList(missed, m_scenario.facts[at(f)].text);
        }
      }
      const double share = static_cast<double>(linked) / static_cast<double>(worries.size());
      credit += shares.worries * share;
      out.lines.push_back({shares.worries * share * w,
                           "Under " + title(fear) + " you linked " + std::to_string(linked) +
                               " of the panel's " + std::to_string(worries.size()) +
                               " critical worries" +
                               (missed.empty() ? "." : ". Not linked: " + missed + ".")});
    }
    // Complicating factors: at least one fact the panel counts critical or useful, not
    // protective.
    const auto complicating = engine::RationaleField::Complicating;
    bool complicates = false;
    for (const auto& id : linkedUnder(complicating)) {
      const int f = factIndex(m_scenario, id);
      const bool listed = std::find(m_panel->criticalFacts.begin(), m_panel->criticalFacts.end(),
                                    id) != m_panel->criticalFacts.end() ||
                          std::find(m_panel->usefulFacts.begin(), m_panel->usefulFacts.end(), id) !=
                              m_panel->usefulFacts.end();
      complicates = complicates ||
                    (f >= 0 && listed && m_scenario.facts[at(f)].tag != core::FactTag::Protective);
    }
    credit += complicates ? shares.complicating : 0.0;
    out.lines.push_back({complicates ? shares.complicating * w : 0.0,
                         complicates
                             ? "Under " + title(complicating) +
                                   " you linked a fact the panel weighed in its decision."
                             : "Under " + title(complicating) +
                                   " you linked no fact the panel weighed in its decision (0 of " +
                                   number(shares.complicating * w, 1) + " points)."});
    // Strengths and existing safety: the panel's key protective facts.
    const auto strengths = engine::RationaleField::Strengths;
    if (m_panel->keyProtective.empty()) {
      credit += shares.strengths;
      out.lines.push_back({shares.strengths * w, "The panel lists no key strengths to link."});
    } else {
      int linked = 0;
      std::string missed;
      for (const auto& id : m_panel->keyProtective) {
        const int f = factIndex(m_scenario, id);
        if (isLinked(strengths, id)) {
          ++linked;
        } else if (f >= 0) {
          addToList(missed, m_scenario.facts[at(f)].text);
        }
      }
      const double share =
          static_cast<double>(linked) / static_cast<double>(m_panel->keyProtective.size());
      credit += shares.strengths * share;
      out.lines.push_back({shares.strengths * share * w,
                           "Under " + title(strengths) + " you linked " + std::to_string(linked) +
                               " of the panel's " + std::to_string(m_panel->keyProtective.size()) +
                               " key strengths" +
                               (missed.empty() ? "." : ". Not linked: " + missed + ".")});
    }
    // The safety scale.
    const bool scale = m_decision.notes.safetyScale.has_value();
    credit += scale ? shares.safetyScale : 0.0;
    out.lines.push_back(
        {scale ? shares.safetyScale * w : 0.0,
         scale ? "Safety scale given (" + std::to_string(*m_decision.notes.safetyScale) + "/10)."
               : std::string("Missing: the 0-10 safety scale.")});
    // Facts linked against their classification.
    for (const auto& id : linkedUnder(fear)) {
      const int f = factIndex(m_scenario, id);
      if (f >= 0 && m_scenario.facts[at(f)].tag == core::FactTag::Protective) {
        credit -= shares.misplacedPenalty;
        out.lines.push_back(
            {-shares.misplacedPenalty * w,
             "Linked under " + title(fear) +
                 ", but the panel counts it a strength: " + m_scenario.facts[at(f)].text});
      }
    }
    for (const auto& id : linkedUnder(strengths)) {
      const int f = factIndex(m_scenario, id);
      const auto tag = f >= 0 ? m_scenario.facts[at(f)].tag : core::FactTag::Neutral;
      if (tag == core::FactTag::Risk || tag == core::FactTag::Misleading) {
        credit -= shares.misplacedPenalty;
        out.lines.push_back({-shares.misplacedPenalty * w,
                             "Linked under " + title(strengths) + ", but the panel counts it " +
                                 (tag == core::FactTag::Risk ? "a risk" : "misleading") + ": " +
                                 m_scenario.facts[at(f)].text});
      }
    }
    const double clamped = std::clamp(credit, 0.0, 1.0);
    if (clamped != credit) {
      out.lines.push_back({(clamped - credit) * w, "This part does not go below 0."});
    }
    std::string written;
    for (std::size_t i = 0; i < engine::kRationaleHeadings.size(); ++i) {
      if (m_decision.notes.rationale.at(i).find_first_not_of(" \t\r\n") != std::string::npos) {
        written += (written.empty() ? "" : ", ") + lowered(engine::kRationaleHeadings.at(i).title);
      }
    }
    out.lines.push_back(
        {0, written.empty() ? std::string("You wrote nothing under the headings. What you write "
                                          "is for you and your trainer; it is not scored.")
                            : "You wrote under " + written +
                                  ". What you write is for you and your trainer to read; the "
                                  "score reads the facts you linked, not the words."});
    out.earned = clamped * w;
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
                     "You chose " + levelName(chosen) + " where the panel says " +
                         levelName(m_panel->consensus) + ", and the outcome confirms harm."});
    }
    const auto& source = m_scenario.contact.sourceCode;
    // Census source 1A (family member, relative or carer) or 9 (anonymous).
    const bool familyOrAnonymous = m_scenario.contact.anonymous || source == "1A" || source == "9";
    if (rules.noRecordsWithHistory && familyOrAnonymous &&
        core::ordinal(chosen) <= core::ordinal(ResponseLevel::Advice) &&
        !m_scenario.records.entries.empty() && !doneBefore(m_state.recordsChecked)) {
      out.push_back({"critical.no_records_with_history",
                     "A family or anonymous referral was closed with " + levelName(chosen) +
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
                         "You sought " + consentFrom(wrong) + " for " + targetName(wrong) +
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
  // facts, by their labels, "Police (Liam); GP (Ava)" (empty when there are none).
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
        out += (out.empty() ? "" : "; ") + check.label;
      }
    }
    return out;
  }

  // Whether a fact known at the decision carries this census code.
  [[nodiscard]] bool codeShown(const std::string& code) const {
    for (std::size_t f = 0; f < m_scenario.facts.size(); ++f) {
      const auto& codes = m_scenario.facts[f].factors;
      if (knew(static_cast<int>(f)) && std::find(codes.begin(), codes.end(), code) != codes.end()) {
        return true;
      }
    }
    return false;
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
      return consentSoughtBefore(i, wrong.who);
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

  // "parental consent" or "consent from Ryan Hale (stepfather)": whose consent an
  // inappropriate request sought.
  [[nodiscard]] std::string consentFrom(const core::InappropriateAction& wrong) const {
    const auto* adult = wrong.who.empty() ? nullptr : m_scenario.findAdult(wrong.who);
    if (adult == nullptr) {
      return "parental consent";
    }
    return "consent from " + core::adultLabel(*adult);
  }

  // The check, contact or question an inappropriate action names, by its label.
  [[nodiscard]] std::string targetName(const core::InappropriateAction& wrong) const {
    const int i = indexOf(wrong.target, wrong.kind);
    if (i < 0) {
      return wrong.target;
    }
    switch (wrong.kind) {
    case core::InappropriateKind::Direct:
      return m_scenario.direct[at(i)].label;
    case core::InappropriateKind::Question:
      return "“" + m_scenario.questions[at(i)].ask + "”";
    default:
      return m_scenario.checks[at(i)].label;
    }
  }

  [[nodiscard]] std::string describe(const core::InappropriateAction& wrong) const {
    const int i = indexOf(wrong.target, wrong.kind);
    switch (wrong.kind) {
    case core::InappropriateKind::SeekConsent:
      return "seeking " + consentFrom(wrong) + " for a check with " + targetName(wrong);
    case core::InappropriateKind::Check:
      return "a check with " + targetName(wrong);
    case core::InappropriateKind::CheckWithoutConsent:
      return "a check with " + targetName(wrong) + " without consent";
    case core::InappropriateKind::Direct:
      return i >= 0 ? directName(m_scenario.direct[at(i)]) : targetName(wrong);
    case core::InappropriateKind::Question:
      return "asking the referrer " + targetName(wrong);
    }
    return targetName(wrong);
  }

  [[nodiscard]] std::string describeFactor(const std::string& item) const {
    if (item.rfind("fact:", 0) == 0) {
      const auto id = item.substr(5);
      const int f = factIndex(m_scenario, id);
      return "protective factor: " + (f >= 0 ? m_scenario.facts[at(f)].text : id);
    }
    const auto* code = core::findCensusCode(core::CodeSet::AssessmentFactor, item);
    return "risk factor: " +
           (code != nullptr ? std::string(code->label) + " (census code " + item + ")" : item);
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
    return "Analysis (rationale)";
  }
  return "?";
}

std::string_view componentMeaning(Component component) {
  switch (component) {
  case Component::Decision:
    return "Where your response landed against the panel's acceptable range, scaled by how "
           "many of the critical facts you knew when you decided.";
  case Component::Information:
    return "What you found out before deciding: the critical facts the contact did not give "
           "you, the records, the child's own voice and the referrer's answers; checks made "
           "without consent below the s47 threshold cost points.";
  case Component::Factors:
    return "The risk and protective factors you named against the panel's; a census code "
           "counts when something you had learned shows it.";
  case Component::Calibration:
    return "Your estimate of the chance of significant harm against the range of the "
           "panellists' own estimates.";
  case Component::Timeliness:
    return "Deciding within one working day of the contact, and the same day when the case "
           "needs it.";
  case Component::Rationale:
    return "Your analysis: the facts you linked under what we fear, complicating factors, and "
           "strengths and existing safety, against the panel's view of them. Your words are "
           "shown, not scored.";
  }
  return "";
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
  std::vector<WeightedScore> weighted;
  weighted.reserve(scores.size());
  for (const auto& score : scores) {
    weighted.push_back({score.total, score.caseWeight});
  }
  return attemptScore(weighted).value_or(0.0);
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
  score.criticalFacts = static_cast<int>(scorer.panel()->criticalFacts.size());
  score.criticalFactsKnown = scorer.criticalKnown();
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
