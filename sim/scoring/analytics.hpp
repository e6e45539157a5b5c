// Analytics over many decisions (a decisions CSV or scored attempts): the conversion
// profile beside the panel's, per practitioner agreement with the panel (confusion matrix,
// quadratic-weighted kappa, signal detection for "a statutory response is needed",
// calibration), each case's spread and Fleiss' kappa among practitioners, and the same
// figures by team and cohort. Pure and linear in the number of decisions.
#pragma once

#include "sim/core/scenario.hpp"
#include "sim/scoring/agreement.hpp"
#include "sim/scoring/calibration.hpp"
#include "sim/scoring/decision_row.hpp"
#include "sim/scoring/signal_detection.hpp"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sim::scoring {

using LevelCounts = std::array<std::int64_t, core::kResponseLevels>;

/// Information habits, from the optional columns `checks`, `records_checked` and
/// `child_seen` (tables written from recorded attempts have them). Each figure counts only
/// the rows that give it.
struct Habits {
  std::int64_t checkRows = 0;
  std::int64_t checks = 0; // agency checks requested, summed over checkRows
  std::int64_t recordRows = 0;
  std::int64_t recordsChecked = 0; // rows with records checked
  std::int64_t childRows = 0;
  std::int64_t childSeen = 0; // rows with the child seen or heard
  [[nodiscard]] bool any() const { return checkRows + recordRows + childRows > 0; }
};

/// Agreement of one practitioner (or a group) with the panels' consensus.
struct PanelComparison {
  std::int64_t decisions = 0; // decisions on cases with a panel
  ConfusionMatrix confusion{core::kResponseLevels};
  std::int64_t under = 0; // below the panel's band
  std::int64_t within = 0;
  std::int64_t over = 0; // above the band
  Statistic quadraticKappa;
  SignalDetection statutory; // signal: the panel's band is s17 or above (see analytics.cpp)
  LevelCounts panelConversion{};
};

struct CalibrationSummary {
  std::int64_t harmEstimates = 0;
  double harmGapToPanel = 0.0;   // mean squared gap between p_harm and the panel's (0..1)
  BrierDecomposition rereferral; // p_rereferral against the actual re-referral
  /// Mean p_harm at each response level chosen (risk assessment against the threshold).
  std::array<std::optional<double>, core::kResponseLevels> meanHarmByLevel{};
};

struct PractitionerSummary {
  std::string trainee;
  std::string team;
  std::string cohort;
  std::int64_t decisions = 0;
  LevelCounts conversion{};
  std::optional<PanelComparison> panel; // with --scenarios
  CalibrationSummary calibration;
  Habits habits;
};

struct CaseSummary {
  std::string scenario;
  std::int64_t decisions = 0;
  LevelCounts spread{};
  const core::PanelReview* panel = nullptr; // with --scenarios, when the case is known
};

struct GroupSummary {
  std::string name; // team or cohort
  std::int64_t decisions = 0;
  std::int64_t practitioners = 0; // whose first row names this team (or cohort)
  LevelCounts conversion{};
  Statistic fleissKappa;
  Statistic pairwiseAgreement;
  std::optional<PanelComparison> panel;
};

struct Report {
  std::int64_t decisions = 0;
  std::int64_t badRows = 0;
  bool withPanels = false;
  LevelCounts conversion{};
  std::optional<PanelComparison> panel; // everyone against the panels
  Statistic fleissKappa;                // among practitioners, subjects = cases
  Statistic pairwiseAgreement;
  std::vector<CaseSummary> cases;                 // by scenario id
  std::vector<PractitionerSummary> practitioners; // by trainee id
  std::vector<GroupSummary> teams;
  std::vector<GroupSummary> cohorts;
  std::vector<std::string> unknownScenarios; // ids in the rows with no scenario loaded
};

/// Scenarios by id, for scoring against their panels (the first decision point's panel).
using core::ScenarioIndex;

/// Analyse decision rows; with `scenarios`, compare them with the panels.
Report analyse(const std::vector<DecisionRow>& rows, const ScenarioIndex* scenarios);

/// Share of each level (0 when there are no decisions).
std::array<double, core::kResponseLevels> shares(const LevelCounts& counts);

} // namespace sim::scoring
