// The scoring rubric as a value: component weights, the decision cost matrix, the parts of
// information gathering, the calibration scale, the critical-error rules and cap, and the
// weighting of contested cases. Defaults follow domain.md §9.3. Read from a rubric file
// (scenarios/rubric.toml) by sim/scenario; a scenario's [rubric] table overrides parts.
#pragma once

#include "sim/core/codes.hpp"

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sim::core {

inline constexpr int kResponseLevels = 6;
using CostMatrix = std::array<std::array<int, kResponseLevels>, kResponseLevels>;

/// domain.md §9.3: rows = panel consensus R0..R5, columns = practitioner R0..R5.
inline constexpr CostMatrix kDefaultCostMatrix{{
    {0, 0, 1, 2, 4, 5},
    {0, 0, 1, 2, 4, 5},
    {3, 2, 0, 1, 3, 4},
    {6, 5, 3, 0, 1, 3},
    {10, 9, 8, 5, 0, 1},
    {10, 10, 9, 7, 3, 0},
}};

struct RubricWeights {
  double decision = 30;
  double information = 30;
  double factors = 10;
  double calibration = 10;
  double timeliness = 10;
  double rationale = 10;
};

struct RubricInformation {
  double criticalFacts = 0.6; // share of the component for reaching the panel's critical facts
  double records = 0.15;      // checking social-care records
  double child = 0.15;        // seeing or hearing the child, where the case allows it
  double referrer = 0.1;      // clarifying with the referrer
  double inappropriatePenalty = 0.25;    // per inappropriate action the panel lists
  double urgentDelayPenalty = 0.2;       // an urgent case decided after its working day
  double disproportionatePenalty = 0.25; // per check without consent below the s47 threshold
};

/// Shares of the rationale component: the facts linked under the analytic headings, scored
/// against the panel's classification of facts, and the safety scale. The free text is
/// shown, never scored.
struct RubricRationale {
  double worries = 0.45;         // the panel's critical risk facts linked under what we fear
  double complicating = 0.15;    // a fact the panel counts critical or useful, not protective
  double strengths = 0.3;        // the panel's key protective facts linked under strengths
  double safetyScale = 0.1;      // a safety scale given
  double misplacedPenalty = 0.1; // per fact linked against its classification
};

struct RubricCritical {
  double cap = 40; // a case with a critical error scores at most this (out of 100)
  bool underResponseConfirmedHarm = true;
  bool noRecordsWithHistory = true;
  bool missedProtectionStatus = true;
  bool consentRaisingRisk = true;
  bool urgentWithoutSameDayAction = true;
};

struct Rubric {
  RubricWeights weights;
  CostMatrix costMatrix = kDefaultCostMatrix;
  bool scriptConcordance = true;    // partial credit from panellists' own decisions
  double managerHintCost = 0.1;     // share of the decision component a manager's hint costs
  double calibrationZeroGap = 0.25; // this far outside the panellists' range scores 0
  RubricInformation information;
  RubricRationale rationale;
  RubricCritical critical;
  double contestedBase = 0.5; // case weight = base + slope * panel agreement
  double contestedSlope = 0.5;
};

/// One number or flag of the rubric, by its key path in a rubric file ("weights.decision",
/// "critical.cap", ...). Flags are read as true/false and stored as 1/0.
struct RubricKey {
  std::string_view path;
  bool flag = false;
  double min = 0;
  double max = 0;
  std::string_view meaning;
};

/// Every number and flag a rubric file (or a scenario's [rubric] table) may set, in
/// documentation order. The cost matrix (`decision.cost_matrix`) is set only in a file.
std::span<const RubricKey> rubricKeys();

/// A value for one rubric key, as read from a file.
struct RubricSetting {
  std::string path;
  double value = 0;
};

/// Set one key; false when the path is not a rubric key (the readers check first).
bool applyRubricSetting(Rubric& rubric, const RubricSetting& setting);
/// The current value of a key (flags as 1/0); 0 for an unknown path.
double rubricValue(const Rubric& rubric, std::string_view path);

} // namespace sim::core
