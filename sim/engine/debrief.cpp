// Building a debrief. Outcome events are released with hindsight in mind: after an early
// decision point only the events before the next decision point opens, so that a later
// decision cannot be read off the outcome; after the last decision, all of them.
#include "sim/engine/debrief.hpp"

#include "sim/engine/calendar.hpp"
#include "sim/engine/routes.hpp"
#include "sim/engine/transcript.hpp"

#include <algorithm>
#include <limits>

namespace sim::engine {

namespace {

std::size_t at(int index) { return static_cast<std::size_t>(index); }

constexpr std::string_view kWithheldText =
    "You can still do this later in the case, so what it shows is kept until the case is "
    "finished.";

int factIndex(const core::Scenario& scenario, std::string_view id) {
  for (std::size_t i = 0; i < scenario.facts.size(); ++i) {
    if (scenario.facts[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

class Builder {
public:
  Builder(const core::Scenario& scenario, const AttemptState& state, const DecisionRecord& decision)
      : m_scenario(scenario), m_state(state), m_decision(decision) {}

  [[nodiscard]] bool knownAtDecision(int fact) const { return m_decision.knownFacts.at(at(fact)); }

  // While the attempt goes on, a route the practitioner can still take (or a reply still
  // on its way) would give away what a later decision point will show: it is withheld
  // until the attempt is closed.
  [[nodiscard]] bool stillOpen(const std::string& decisionPointId) const {
    return m_state.phase != Phase::Closed &&
           routeOpenAt(m_scenario, decisionPointId, m_state.decisionPoint);
  }

  [[nodiscard]] bool doneBefore(const std::optional<Done>& done) const {
    return done.has_value() && done->decisionPoint <= m_decision.decisionPoint;
  }

  [[nodiscard]] bool availableAt(const std::string& decisionPointId) const {
    return routeOpenAt(m_scenario, decisionPointId, m_decision.decisionPoint);
  }

  void add(std::vector<Counterfactual>& out, RouteKind route, int item, RouteVariant variant,
           std::string heading, std::string text, const std::vector<std::string>& reveals,
           bool withheld) const {
    Counterfactual c{route, item,     variant, std::move(heading), std::move(text), {},
                     {},    withheld, {}};
    if (withheld) {
      c.text = kWithheldText;
      out.push_back(std::move(c));
      return;
    }
    for (const auto& id : reveals) {
      const int f = factIndex(m_scenario, id);
      if (f >= 0) {
        c.facts.push_back(f);
        if (!knownAtDecision(f)) {
          c.missedFacts.push_back(f);
        }
      }
    }
    out.push_back(std::move(c));
  }

  static std::string replyText(const core::Reply& reply) {
    if (reply.completeness == core::Completeness::None) {
      return reply.text.empty() ? "No reply would have come." : reply.text;
    }
    return reply.text;
  }

  void addCheck(std::vector<Counterfactual>& out, int c) const {
    const auto& check = m_scenario.checks[at(c)];
    const auto& status = m_state.checks[at(c)];
    const bool notYetSent = status.status == CheckStatus::NotRequested ||
                            status.status == CheckStatus::ConsentRefused ||
                            status.status == CheckStatus::ConsentNoAnswer;
    const bool unanswered = notYetSent || status.status == CheckStatus::Pending;
    const bool withheld = unanswered && stillOpen(check.decisionPoint);
    const bool requested = status.requestedAtDecisionPoint >= 0 &&
                           status.requestedAtDecisionPoint <= m_decision.decisionPoint;
    if (requested) {
      const bool late = !status.answeredAt || *status.answeredAt > m_decision.decidedAt;
      if (late) {
        const bool without = status.withoutConsent && check.replyWithoutConsent &&
                             check.consent == core::ConsentRule::Needed;
        const auto& reply = without ? *check.replyWithoutConsent : check.reply;
        std::string heading = check.label;
        std::string text = reply.text;
        if (reply.completeness == core::Completeness::None) {
          heading += ": no reply came";
          text = text.empty() ? "No reply came." : text;
        } else if (status.answeredAt) {
          // (answeredAt is set when the reply is delivered, after the decision here)
          heading += ": the reply came after your decision";
        } else {
          heading += ": the reply had not come when you decided";
        }
        add(out, RouteKind::Check, c, RouteVariant::ArrivedLate, std::move(heading),
            std::move(text), reply.reveals, withheld);
      }
      return;
    }
    if (check.consent != core::ConsentRule::Needed) {
      add(out, RouteKind::Check, c, RouteVariant::Plain, check.label, replyText(check.reply),
          check.reply.reveals, withheld);
      return;
    }
    if (m_scenario.consentByAdult()) {
      addConsentRoutes(out, c, withheld);
    } else {
      addParentRoute(out, c, withheld);
    }
    if (check.replyWithoutConsent) {
      add(out, RouteKind::Check, c, RouteVariant::WithoutConsent, check.label + ", without consent",
          replyText(*check.replyWithoutConsent), check.replyWithoutConsent->reveals, withheld);
    }
  }

  // Format 1: "the parent" agrees or refuses.
  void addParentRoute(std::vector<Counterfactual>& out, int c, bool withheld) const {
    const auto& check = m_scenario.checks[at(c)];
    const auto& status = m_state.checks[at(c)];
    const bool refusedAlready = status.consentRefusedAtDecisionPoint >= 0 &&
                                status.consentRefusedAtDecisionPoint <= m_decision.decisionPoint;
    const bool parentAgrees = m_scenario.contact.parentConsented || check.parentConsents;
    if (!refusedAlready) {
      if (parentAgrees) {
        add(out, RouteKind::Check, c, RouteVariant::WithConsent, check.label + ", with consent",
            replyText(check.reply), check.reply.reveals, withheld);
      } else {
        add(out, RouteKind::Check, c, RouteVariant::ParentWouldRefuse,
            check.label + ", seeking consent", "The parent would have refused consent.", {},
            withheld);
      }
    }
  }

  // [[consent]] cases: what each adult not yet asked would have said, and what followed.
  void addConsentRoutes(std::vector<Counterfactual>& out, int c, bool withheld) const {
    const auto& check = m_scenario.checks[at(c)];
    const auto& status = m_state.checks[at(c)];
    for (const auto& adult : m_scenario.adults) {
      const bool askedAlready =
          std::any_of(status.asked.begin(), status.asked.end(), [&](const ConsentAsked& a) {
            return a.who == adult.id && a.decisionPoint <= m_decision.decisionPoint;
          });
      const int answer = m_scenario.consentAnswerFor(adult.id, check.id, m_decision.decisionPoint);
      if (askedAlready || answer < 0) {
        continue;
      }
      const auto& said = m_scenario.consents[at(answer)];
      const std::string heading =
          check.label + ", asking " + core::adultLabel(adult) + " for consent";
      switch (said.answer) {
      case core::ConsentReply::Agrees:
        add(out, RouteKind::Check, c, RouteVariant::WithConsent, heading, replyText(check.reply),
            check.reply.reveals, withheld);
        break;
      case core::ConsentReply::Refuses:
        add(out, RouteKind::Check, c, RouteVariant::ParentWouldRefuse, heading, said.text, {},
            withheld);
        break;
      case core::ConsentReply::NoAnswer:
        add(out, RouteKind::Check, c, RouteVariant::WouldNotAnswer, heading, said.text, {},
            withheld);
        break;
      case core::ConsentReply::CannotConsent:
        add(out, RouteKind::Check, c, RouteVariant::NotTheirs, heading, said.text, {}, withheld);
        break;
      }
      out.back().asked = adult.id;
    }
  }

  std::vector<Counterfactual> notTaken() const {
    std::vector<Counterfactual> out;
    for (std::size_t q = 0; q < m_scenario.questions.size(); ++q) {
      const auto& question = m_scenario.questions[q];
      if (availableAt(question.decisionPoint) && !doneBefore(m_state.asked[q])) {
        add(out, RouteKind::Question, static_cast<int>(q), RouteVariant::Plain,
            "Asking the referrer: " + question.ask, question.answer, question.reveals,
            !m_state.asked[q] && stillOpen(question.decisionPoint));
      }
    }
    if (!doneBefore(m_state.recordsChecked)) {
      std::vector<std::string> reveals = m_scenario.records.reveals;
      for (const auto& entry : m_scenario.records.entries) {
        reveals.insert(reveals.end(), entry.reveals.begin(), entry.reveals.end());
      }
      add(out, RouteKind::Records, -1, RouteVariant::Plain, "Checking social-care records",
          describeRecords(m_scenario.records), reveals, !m_state.recordsChecked && stillOpen({}));
    }
    for (std::size_t c = 0; c < m_scenario.checks.size(); ++c) {
      if (availableAt(m_scenario.checks[c].decisionPoint)) {
        addCheck(out, static_cast<int>(c));
      }
    }
    for (std::size_t d = 0; d < m_scenario.direct.size(); ++d) {
      const auto& contact = m_scenario.direct[d];
      if (availableAt(contact.decisionPoint) && !doneBefore(m_state.direct[d])) {
        add(out, RouteKind::Direct, static_cast<int>(d), RouteVariant::Plain, contact.label,
            contact.text, contact.reveals, !m_state.direct[d] && stillOpen(contact.decisionPoint));
      }
    }
    const int h = managerHintAt(m_scenario, m_decision.decisionPoint);
    if (h >= 0) {
      if (!m_state.managerConsulted[at(m_decision.decisionPoint)]) {
        const auto& hint = m_scenario.manager[at(h)];
        // A hint for no particular decision point may be offered again later.
        bool offeredLater = false;
        for (std::size_t later = at(m_decision.decisionPoint) + 1;
             m_state.phase != Phase::Closed && later < m_scenario.decisionPoints.size(); ++later) {
          offeredLater = offeredLater || (managerHintAt(m_scenario, static_cast<int>(later)) == h &&
                                          !m_state.managerConsulted[later]);
        }
        add(out, RouteKind::Manager, h, RouteVariant::Plain, "Consulting your manager", hint.text,
            hint.reveals, offeredLater);
      }
    }
    return out;
  }

  std::vector<FactReached> reached(const std::vector<std::string>& ids) const {
    std::vector<FactReached> out;
    for (const auto& id : ids) {
      const int f = factIndex(m_scenario, id);
      if (f >= 0) {
        out.push_back({f, knownAtDecision(f)});
      }
    }
    return out;
  }

private:
  const core::Scenario& m_scenario;
  const AttemptState& m_state;
  const DecisionRecord& m_decision;
};

} // namespace

core::Result<Debrief> debriefFor(const core::Scenario& scenario, const AttemptState& state,
                                 int decisionPoint) {
  if (decisionPoint < 0 || at(decisionPoint) >= scenario.decisionPoints.size()) {
    return core::Error{"There is no decision point " + std::to_string(decisionPoint + 1) +
                       " in this case."};
  }
  if (!state.isLocked(decisionPoint)) {
    return core::Error{"The debrief for \"" + scenario.decisionPoints[at(decisionPoint)].title +
                       "\" opens only once that decision is locked."};
  }
  Debrief debrief;
  debrief.decisionPoint = decisionPoint;
  debrief.decision = state.decisions[at(decisionPoint)];
  const auto& point = scenario.decisionPoints[at(decisionPoint)];
  debrief.panel = scenario.panelFor(point.id);
  if (debrief.panel != nullptr) {
    for (const auto& panellist : debrief.panel->panellists) {
      ++debrief.spread.counts.at(static_cast<std::size_t>(core::ordinal(panellist.decision)));
      ++debrief.spread.panellists;
      debrief.spread.agreeWithConsensus += panellist.decision == debrief.panel->consensus ? 1 : 0;
    }
  }
  const Builder builder(scenario, state, debrief.decision);
  if (debrief.panel != nullptr) {
    debrief.criticalFacts = builder.reached(debrief.panel->criticalFacts);
    debrief.usefulFacts = builder.reached(debrief.panel->usefulFacts);
  }
  debrief.notTaken = builder.notTaken();
  const WorkingCalendar calendar(scenario.clock);
  debrief.workingDaysToDecide =
      calendar.workingDaysBetween(debrief.decision.openedAt, debrief.decision.decidedAt);
  debrief.finalDecision = at(decisionPoint) + 1 == scenario.decisionPoints.size();
  const int visibleBefore = debrief.finalDecision
                                ? std::numeric_limits<int>::max()
                                : scenario.decisionPoints[at(decisionPoint + 1)].day;
  for (std::size_t e = 0; e < scenario.outcome.events.size(); ++e) {
    if (scenario.outcome.events[e].day < visibleBefore) {
      debrief.outcomeEvents.push_back(static_cast<int>(e));
    }
  }
  std::stable_sort(debrief.outcomeEvents.begin(), debrief.outcomeEvents.end(), [&](int a, int b) {
    return scenario.outcome.events[at(a)].day < scenario.outcome.events[at(b)].day;
  });
  return debrief;
}

std::string_view routeToken(RouteKind route) {
  switch (route) {
  case RouteKind::Question:
    return "question";
  case RouteKind::Records:
    return "records";
  case RouteKind::Check:
    return "check";
  case RouteKind::Direct:
    return "direct";
  case RouteKind::Manager:
    return "manager";
  }
  return "?";
}

std::string_view variantToken(RouteVariant variant) {
  switch (variant) {
  case RouteVariant::Plain:
    return "plain";
  case RouteVariant::WithConsent:
    return "with_consent";
  case RouteVariant::WithoutConsent:
    return "without_consent";
  case RouteVariant::WouldNotAnswer:
    return "would_not_answer";
  case RouteVariant::NotTheirs:
    return "not_theirs";
  case RouteVariant::ParentWouldRefuse:
    return "parent_would_refuse";
  case RouteVariant::ArrivedLate:
    return "arrived_late";
  }
  return "?";
}

} // namespace sim::engine
