// Cross-reference checks over what the reading pass recorded.
#include "sim/scenario/cross_checks.hpp"

#include "sim/core/nearest.hpp"

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
  }
  return "item";
}

void checkReferences(const CrossReferences& xref, DiagnosticSink& sink) {
  std::map<RefKind, std::vector<std::string>> candidates; // built on first need, per kind
  for (const auto& ref : xref.refs) {
    if (ref.kind == RefKind::Fact && xref.factsUnreadable) {
      continue; // the facts themselves could not be read; one error is enough
    }
    const auto it = xref.ids.find(ref.where.value);
    const bool childOk = ref.kind == RefKind::Person && it != xref.ids.end() &&
                         (it->second.kind == RefKind::Child || it->second.kind == RefKind::Person);
    if (it != xref.ids.end() && (it->second.kind == ref.kind || childOk)) {
      continue;
    }
    std::string message = "'" + ref.where.path() + "' refers to ";
    if (it != xref.ids.end()) {
      message += "\"" + ref.where.value + "\", which is a " +
                 std::string(refKindName(it->second.kind)) + ", not a " +
                 std::string(refKindName(ref.kind));
    } else {
      message += "unknown " + std::string(refKindName(ref.kind)) + " \"" +
                 printable(ref.where.value, 60) + "\"";
      auto [list, fresh] = candidates.try_emplace(ref.kind);
      if (fresh) {
        for (const auto& [id, def] : xref.ids) {
          if (def.kind == ref.kind || (ref.kind == RefKind::Person && def.kind == RefKind::Child)) {
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
