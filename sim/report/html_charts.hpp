// The one renderer of charts in HTML reports: inline SVG (no scripts, no external files),
// each chart in a <figure> with a caption and followed by a table that is its text
// equivalent. Colours are the same in every report; filled and dashed shapes, not colour
// alone, tell the series apart.
#pragma once

#include "sim/core/codes.hpp"
#include "sim/core/rubric.hpp"
#include "sim/scoring/analytics.hpp"
#include "sim/scoring/calibration.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::report {

using LevelShares = std::array<double, core::kResponseLevels>;

/// The share of each response level as filled bars, beside the panels' consensus as dashed
/// outlines when given; `whose` heads the table's column of filled bars ("These decisions").
std::string conversionChart(const LevelShares& shares, const std::optional<LevelShares>& panel,
                            std::string_view whose);

/// What the dashed outlines are, in the caption, the chart's label and the table's column.
struct ChartComparison {
  std::string caption; // "the panellists' own decisions"
  std::string whose;   // "the panellists'"
  std::string column;  // "Panellists"
};
/// The same, with the outlines named by `against` (the default names the panels' consensus).
std::string conversionChart(const LevelShares& shares, const std::optional<LevelShares>& panel,
                            std::string_view whose, const ChartComparison& against);
/// The same for the decisions of an analytics report, beside its panels' when it has them.
std::string conversionChart(const scoring::Report& report, std::string_view whose);

struct ScorePoint {
  std::string label; // "3. mark-on-the-cheek (2026-11-26)"
  double score = 0;  // 0..100
};

/// Scores in order as a line of points, and their table; empty when there are none.
std::string scoreTrendChart(const std::vector<ScorePoint>& points);

/// The reliability diagram of probability estimates against what happened, the Brier
/// decomposition, and the table of bins; empty when there are no estimates.
std::string reliabilityChart(const scoring::BrierDecomposition& decomposition);

} // namespace sim::report
