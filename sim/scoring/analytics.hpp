// Analytics over many decisions (a decisions CSV or scored attempts): the conversion
// profile beside the panel's, per practitioner agreement with the panel (confusion matrix,
// quadratic-weighted kappa, signal detection for "a statutory response is needed",
// calibration), each case's spread and Fleiss' kappa among practitioners, and the same
// figures by team and cohort. Pure and linear in the number of decisions; an Analysis takes
// the rows one at a time, so its memory grows with the cases, groups and practitioners met,
// not with the rows.
#pragma once

#include "sim/core/scenario.hpp"
#include "sim/scoring/agreement.hpp"
#include "sim/scoring/calibration.hpp"
#include "sim/scoring/decision_row.hpp"
#include "sim/scoring/signal_detection.hpp"

#include <array>
#include <cstddef>
#include <functional>
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

/// A report's practitioners, made one at a time in trainee order: a table of a million
/// trainees would otherwise hold a million summaries at once.
class PractitionerStream {
public:
  virtual ~PractitionerStream() = default;
  [[nodiscard]] virtual std::size_t count() const = 0;
  /// Calls `visit` for each practitioner, in trainee order; may be called again.
  virtual void forEach(const std::function<void(const PractitionerSummary&)>& visit) const = 0;
};

/// The practitioners of a report made whole (its `practitioners`).
class ListedPractitioners final : public PractitionerStream {
public:
  explicit ListedPractitioners(const std::vector<PractitionerSummary>& list) : m_list(list) {}
  [[nodiscard]] std::size_t count() const override { return m_list.size(); }
  void forEach(const std::function<void(const PractitionerSummary&)>& visit) const override;

private:
  const std::vector<PractitionerSummary>& m_list;
};

/// Analytics taken one decision at a time, with the same figures as analyse() over the
/// same rows in the same order. State is kept per case, team, cohort (counts) and per
/// practitioner (an interned id and, from their second decision, fixed-size counts); no
/// row is kept. `scenarios` (may be null: no panels) must outlive the Analysis.
class Analysis final : public PractitionerStream {
public:
  explicit Analysis(const ScenarioIndex* scenarios);
  ~Analysis() override;
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;
  Analysis(Analysis&&) noexcept;
  Analysis& operator=(Analysis&&) noexcept;

  void add(const DecisionRow& row);
  /// The report of every row added, except its practitioners (left empty): they are made
  /// one at a time by forEach. Call once, after the last add.
  [[nodiscard]] Report finish();

  /// The practitioners met so far; forEach needs finish() first.
  [[nodiscard]] std::size_t count() const override;
  void forEach(const std::function<void(const PractitionerSummary&)>& visit) const override;

private:
  struct State;
  std::unique_ptr<State> m_state;
};

/// Analyse decision rows; with `scenarios`, compare them with the panels. An Analysis over
/// the rows, with its practitioners listed in the report.
Report analyse(const std::vector<DecisionRow>& rows, const ScenarioIndex* scenarios);

/// Share of each level (0 when there are no decisions).
std::array<double, core::kResponseLevels> shares(const LevelCounts& counts);

} // namespace sim::scoring
