// The debrief of one decision point, available only once its decision is locked
// (hindsight protection): the practitioner's decision, the panel's review and the spread
// of its members' blind decisions, which critical facts were reached, what every route not
// taken would have revealed (the counterfactual), and the actual outcome so far.
#pragma once

#include "sim/core/result.hpp"
#include "sim/core/scenario.hpp"
#include "sim/engine/attempt_state.hpp"

#include <array>
#include <string>
#include <vector>

namespace sim::engine {

struct PanelSpread {
  std::array<int, 6> counts{}; // panellists choosing each response level, nfa..immediate
  int panellists = 0;
  int agreeWithConsensus = 0;
};

enum class RouteKind { Question, Records, Check, Direct, Manager };

enum class RouteVariant {
  Plain,             // questions, records, direct contacts, manager, checks without a consent rule
  WithConsent,       // a consent check, had the parent agreed
  WithoutConsent,    // a consent check, had consent been overridden
  ParentWouldRefuse, // a consent check: the parent (or the adult `asked`) would have said no
  ArrivedLate,       // requested, but the reply came after the decision
  WouldNotAnswer,    // a consent check: the adult `asked` could not have been reached
  NotTheirs,         // a consent check: the adult `asked` could not have given consent
};

/// "question", "records", "check", "direct", "manager": the route's token in reports.
std::string_view routeToken(RouteKind route);
/// "plain", "with_consent", "without_consent", "parent_would_refuse", "would_not_answer",
/// "not_theirs", "arrived_late".
std::string_view variantToken(RouteVariant variant);

/// A route the practitioner did not take before deciding, and what it would have shown.
struct Counterfactual {
  RouteKind route = RouteKind::Question;
  int item = -1; // index into the scenario list of that route (-1 for records)
  RouteVariant variant = RouteVariant::Plain;
  std::string heading;
  std::string text;
  std::vector<int> facts;       // facts it reveals
  std::vector<int> missedFacts; // of those, facts not known when the decision was made
  bool withheld = false;        // still open later in the case: text and facts kept back
  std::string asked;            // consent routes of [[consent]] cases: the adult asked
};

struct FactReached {
  int fact = -1;
  bool reached = false; // known when the decision was locked
};

struct Debrief {
  int decisionPoint = 0;
  DecisionRecord decision;
  const core::PanelReview* panel = nullptr;
  PanelSpread spread;
  std::vector<FactReached> criticalFacts;
  std::vector<FactReached> usefulFacts;
  std::vector<Counterfactual> notTaken;
  double workingDaysToDecide = 0.0; // from the decision point opening to the decision
  bool finalDecision = false;       // the last decision point: the whole outcome is shown
  std::vector<int> outcomeEvents;   // indices into scenario.outcome.events, in time order
};

/// The debrief for decision point `decisionPoint` (0-based). Refused until that decision is
/// locked, so no panel or outcome information can be seen before deciding.
core::Result<Debrief> debriefFor(const core::Scenario& scenario, const AttemptState& state,
                                 int decisionPoint);

} // namespace sim::engine
