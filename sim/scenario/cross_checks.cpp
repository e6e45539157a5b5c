// Cross-reference checks over what the reading pass recorded.
#include "sim/scenario/cross_checks.hpp"

#include "sim/core/nearest.hpp"
#include "sim/scenario/relative_time.hpp"

#include <algorithm>

namespace sim::scenario {

std::string_view refKindName(RefKind kind) {
  switch (kind) {
  case RefKind::Fact:
    return "fact";
  case RefKind::Check:
    return "check";
  case RefKind::Question:
    return "question";
  case RefKind::Direct:
    return "direct contact";
  case RefKind::DecisionPoint:
    return "decision point";
  case RefKind::Person:
    return "household member";
  case RefKind::Child:
    return "child";
  case RefKind::Adult:
    return "adult";
  }
  return "item";
}

namespace {
// "a fact", "an adult".
std::string withArticle(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}
} // namespace

void checkReferences(const CrossReferences& xref, DiagnosticSink& sink) {
  std::map<RefKind, std::vector<std::string>> candidates; // built on first need, per kind
  for (const auto& ref : xref.refs) {
    if (ref.kind == RefKind::Fact && xref.factsUnreadable) {
      continue; // the facts themselves could not be read; one error is enough
    }
    const auto it = xref.ids.find(ref.where.value);
    const bool childOk = ref.kind == RefKind::Person && it != xref.ids.end() &&
                         (it->second.kind == RefKind::Child || it->second.kind == RefKind::Person);
    const bool adultOk =
        ref.kind == RefKind::Adult && it != xref.ids.end() && it->second.kind == RefKind::Person;
    if (it != xref.ids.end() && (it->second.kind == ref.kind || childOk || adultOk)) {
      continue;
    }
    std::string message = "'" + ref.where.path() + "' refers to ";
    if (it != xref.ids.end()) {
      message += "\"" + ref.where.value + "\", which is " +
                 withArticle(refKindName(it->second.kind)) + ", not " +
                 withArticle(refKindName(ref.kind));
    } else {
      message += "unknown " + std::string(refKindName(ref.kind)) + " \"" +
                 printable(ref.where.value, 60) + "\"";
      auto [list, fresh] = candidates.try_emplace(ref.kind);
      if (fresh) {
        for (const auto& [id, def] : xref.ids) {
          if (def.kind == ref.kind || (ref.kind == RefKind::Person && def.kind == RefKind::Child) ||
              (ref.kind == RefKind::Adult && def.kind == RefKind::Person)) {
            list->second.push_back(id);
          }
        }
      }
      if (const auto near = core::nearestOf(ref.where.value, list->second)) {
        message += "; did you mean \"" + *near + "\"?";
      }
    }
    sink.error(ref.where.pos, message);
  }
}

void checkFactsRevealable(const core::Scenario& scenario, const CrossReferences& xref,
                          DiagnosticSink& sink) {
  for (const auto& fact : scenario.facts) {
    if (fact.id.empty() || xref.revealed.count(fact.id) != 0) {
      continue;
    }
    const auto pos = xref.factPos.count(fact.id) != 0 ? xref.factPos.at(fact.id) : Pos{};
    sink.error(pos, "fact \"" + fact.id +
                        "\" cannot be revealed by any route; list it in a 'reveals' array of "
                        "the contact, a question, a records entry, a check reply, a direct "
                        "contact, a manager hint or a decision point");
  }
}

namespace {

// The facts some route open at decision point `current` reveals (routes stay open later).
std::set<std::string> reachableAt(const core::Scenario& scenario, int current) {
  std::set<std::string> out;
  const auto open = [&](const std::string& id) {
    const int from = scenario.decisionPointIndex(id);
    return from >= 0 && from <= current;
  };
  const auto add = [&out](const std::vector<std::string>& ids) {
    out.insert(ids.begin(), ids.end());
  };
  add(scenario.contact.reveals);
  for (std::size_t i = 0; i < scenario.decisionPoints.size() && static_cast<int>(i) <= current;
       ++i) {
    add(scenario.decisionPoints[i].reveals);
  }
  for (const auto& question : scenario.questions) {
    if (open(question.decisionPoint)) {
      add(question.reveals);
    }
  }
  add(scenario.records.reveals);
  for (const auto& entry : scenario.records.entries) {
    add(entry.reveals);
  }
  for (const auto& check : scenario.checks) {
    if (!open(check.decisionPoint)) {
      continue;
    }
    if (check.consent != core::ConsentRule::Needed || scenario.consentObtainable(check, current)) {
      add(check.reply.reveals);
    }
    if (check.replyWithoutConsent) {
      add(check.replyWithoutConsent->reveals);
    }
  }
  for (const auto& contact : scenario.direct) {
    if (open(contact.decisionPoint)) {
      add(contact.reveals);
    }
  }
  for (const auto& hint : scenario.manager) {
    if (open(hint.decisionPoint)) {
      add(hint.reveals);
    }
  }
  return out;
}

} // namespace

void checkPanelFactsReachable(const core::Scenario& scenario, const CrossReferences& xref,
                              DiagnosticSink& sink) {
  for (const auto& panel : scenario.panels) {
    const int current = scenario.decisionPointIndex(panel.decisionPoint);
    if (current < 0) {
      continue; // reported as an unknown decision point
    }
    const auto reachable = reachableAt(scenario, current);
    const auto where = xref.panelPos.count(panel.decisionPoint) != 0
                           ? xref.panelPos.at(panel.decisionPoint)
                           : Pos{};
    const auto check = [&](const std::vector<std::string>& ids, const char* list) {
      for (const auto& id : ids) {
        if (xref.factPos.count(id) == 0 || reachable.count(id) != 0) {
          continue; // an unknown fact is reported by checkReferences
        }
        sink.error(where, "the panel for decision point \"" +
                              (panel.decisionPoint.empty() ? scenario.decisionPoints.empty()
                                                                 ? std::string()
                                                                 : scenario.decisionPoints[0].id
                                                           : panel.decisionPoint) +
                              "\" lists fact \"" + id + "\" in '" + list +
                              "', but no route open at that decision point reveals it, so a "
                              "practitioner who missed it could not be told where it would "
                              "have come from; reveal it there or take it out of the list");
      }
    };
    check(panel.criticalFacts, "critical_facts");
    check(panel.usefulFacts, "useful_facts");
  }
}

void checkFactTimesAgreeWithRecords(const core::Scenario& scenario, const CrossReferences& xref,
                                    DiagnosticSink& sink) {
  for (const auto& fact : scenario.facts) {
    const auto time = relativeTimeIn(fact.text);
    if (!time) {
      continue;
    }
    std::vector<int> days; // of the records entries that reveal it
    for (const auto& entry : scenario.records.entries) {
      if (std::find(entry.reveals.begin(), entry.reveals.end(), fact.id) != entry.reveals.end()) {
        days.push_back(entry.day);
      }
    }
    if (days.empty() ||
        std::any_of(days.begin(), days.end(), [&](int day) { return agrees(*time, day); })) {
      continue;
    }
    std::string dated;
    for (std::size_t i = 0; i < days.size(); ++i) {
      dated += (i == 0 ? "" : ", ") + std::to_string(days[i]);
    }
    const auto pos = xref.factPos.count(fact.id) != 0 ? xref.factPos.at(fact.id) : Pos{};
    sink.warning(pos, "fact \"" + fact.id + "\" says \"" + time->phrase + "\" (about " +
                          std::to_string(time->days) +
                          " days before the contact), but the records entry it comes from is "
                          "dated day " +
                          dated +
                          "; a practitioner reads both, so make the fact's words and the "
                          "entry's 'day' agree");
  }
}

void checkPanelsCoverDecisionPoints(const CrossReferences& xref, DiagnosticSink& sink) {
  for (const auto& [id, pos] : xref.decisionPointPos) {
    if (xref.panelPos.count(id) == 0) {
      sink.error(pos, "decision point \"" + id +
                          "\" has no panel review; add a [[panel]] table with decision_point "
                          "= \"" +
                          id + "\"");
    }
  }
}

} // namespace sim::scenario
