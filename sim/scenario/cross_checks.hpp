// Cross-reference checks of a scenario, run after every table has been read: ids that
// references name, facts that no route can reveal, decision points without a panel
// review. CrossReferences is what the reading pass records for them.
#pragma once

#include "sim/core/scenario.hpp"
#include "sim/scenario/diagnostic_sink.hpp"
#include "sim/scenario/toml_reader.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim::scenario {

/// What an id names (one namespace per file) and what a reference must name.
/// Person is any household member (adults are defined as Person); Adult refers to adults only.
enum class RefKind { Fact, Check, Question, Direct, DecisionPoint, Person, Child, Adult };

/// "fact", "check", "household member", ... for messages.
std::string_view refKindName(RefKind kind);

struct IdDef {
  RefKind kind;
  Pos pos;
};

struct Ref {
  Located where;
  RefKind kind;
};

/// Recorded while reading, checked afterwards.
struct CrossReferences {
  std::map<std::string, IdDef> ids;
  std::vector<Ref> refs;
  std::set<std::string> revealed; // fact ids some reachable route reveals
  std::map<std::string, Pos> factPos;
  std::vector<std::pair<std::string, Pos>> decisionPointPos;
  std::map<std::string, Pos> panelPos;
  bool factsUnreadable = false; // [facts] had the wrong shape: skip fact references
};

/// Every reference names an id of the right kind ("did you mean" for near misses).
void checkReferences(const CrossReferences& xref, DiagnosticSink& sink);
/// Every fact is revealed by at least one reachable route.
void checkFactsRevealable(const core::Scenario& scenario, const CrossReferences& xref,
                          DiagnosticSink& sink);
/// Every fact a panel names as critical or useful can be found out by a route open at the
/// panel's decision point (so the debrief can say where a missed fact would have come from).
void checkPanelFactsReachable(const core::Scenario& scenario, const CrossReferences& xref,
                              DiagnosticSink& sink);
/// A fact that says when something happened ("six months ago") agrees with the date of the
/// records entry it comes from (a warning when none of its entries does).
void checkFactTimesAgreeWithRecords(const core::Scenario& scenario, const CrossReferences& xref,
                                    DiagnosticSink& sink);
/// Every decision point has a panel review.
void checkPanelsCoverDecisionPoints(const CrossReferences& xref, DiagnosticSink& sink);

} // namespace sim::scenario
