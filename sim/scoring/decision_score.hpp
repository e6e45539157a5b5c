// The score of one locked decision: six components (decision appropriateness,
// information gathering, factor identification, risk calibration, timeliness, rationale),
// each with its points and the lines that explain every point gained or lost, critical
// errors (listed first; they cap the score) and the case weight for contested cases.
// The rules and numbers come from the rubric (core/rubric.hpp, scenarios/rubric.toml).
#pragma once

#include "sim/core/result.hpp"
#include "sim/core/rubric.hpp"
#include "sim/core/scenario.hpp"
#include "sim/engine/attempt_state.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scoring {

enum class Component { Decision, Information, Factors, Calibration, Timeliness, Rationale };
inline constexpr int kComponents = 6;

/// "decision", "information", ... (JSON keys) and "Decision appropriateness", ... (labels).
std::string_view componentToken(Component component);
std::string_view componentLabel(Component component);
/// What the component measures, in one plain sentence (the debrief and Progress).
std::string_view componentMeaning(Component component);

/// One reason: the points it gained (positive) or lost (negative), and why.
struct ScoreLine {
  double points = 0.0;
  std::string text;
};

struct ComponentScore {
  Component component = Component::Decision;
  double weight = 0.0;                  // points available
  double earned = 0.0;                  // points earned, 0..weight
  bool scored = true;                   // false: not applicable to this case; left out of the total
  std::vector<ScoreLine> lines;         // in plain words, each with the points it moved
  std::vector<std::string> calculation; // the exact statistics, for "how this was calculated"
};

struct CriticalError {
  std::string rule; // the rubric key, e.g. "critical.consent_raising_risk"
  std::string text;
};

struct DecisionScore {
  int decisionPoint = 0;
  std::vector<CriticalError> criticalErrors;
  std::vector<ComponentScore> components; // in the order of Component
  double earned = 0.0;                    // over scored components
  double available = 0.0;                 // over scored components
  double uncapped = 0.0;                  // earned / available, as 0..100
  double total = 0.0;                     // after the critical-error cap, 0..100
  int criticalFacts = 0;                  // the panel's critical facts for this decision point
  int criticalFactsKnown = 0;  // of those, known when the decision was locked (scales §1.1)
  double panelAgreement = 1.0; // share of panellist pairs who agree
  double caseWeight = 1.0;     // contested.base + contested.slope * agreement
  /// The probability of re-referral against what actually happened (Brier, 0..1). Shown,
  /// not scored: the outcome is only seen under the decision the council made at the time.
  std::optional<double> outcomeBrier;
};

/// The rubric with the scenario's [rubric] overrides applied.
core::Rubric rubricFor(const core::Rubric& base, const core::Scenario& scenario);

/// Score the locked decision at `decisionPoint`. Refused (Error) while it is not locked.
core::Result<DecisionScore> scoreDecision(const core::Scenario& scenario,
                                          const engine::AttemptState& state, int decisionPoint,
                                          const core::Rubric& rubric);

/// Information habits behind one locked decision: agency checks requested, records
/// checked and the child seen or heard, before the decision.
struct DecisionHabits {
  int checks = 0;
  bool recordsChecked = false;
  bool childSeen = false;
};
DecisionHabits habitsAt(const core::Scenario& scenario, const engine::AttemptState& state,
                        int decisionPoint);

/// A practitioner's (or a group's) overall score: the mean of the decisions' totals, each
/// weighted by its case weight, so contested cases count less (0 for no decisions).
double weightedMeanScore(const std::vector<DecisionScore>& scores);

/// Pairwise agreement among panellists: sum n_j (n_j - 1) / (n (n - 1)) over response
/// levels; 1 when fewer than two panellists.
double panelAgreement(const core::PanelReview& panel);

} // namespace sim::scoring
