// Agreement statistics for ordinal decisions: confusion matrices, Cohen's kappa
// (unweighted and quadratic-weighted) between a practitioner and a reference (the panel),
// and Fleiss' kappa among many raters of the same cases. Edge cases return a defined,
// flagged value, never NaN (see each function).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace sim::scoring {

/// K x K counts: rows are the reference (panel), columns the rater (practitioner).
class ConfusionMatrix {
public:
  explicit ConfusionMatrix(int categories);
  void add(int reference, int rater, std::int64_t count = 1);
  [[nodiscard]] std::int64_t at(int reference, int rater) const;
  [[nodiscard]] std::int64_t total() const;
  [[nodiscard]] int categories() const { return m_categories; }
  /// Off the diagonal: rater above / below the reference (over- and under-response).
  [[nodiscard]] std::int64_t above() const;
  [[nodiscard]] std::int64_t below() const;

private:
  int m_categories;
  std::vector<std::int64_t> m_counts;
};

/// A statistic that may be undefined for degenerate data. `value` is always a finite
/// number; when `defined` is false it is the documented stand-in and `note` says why.
struct Statistic {
  double value = 0.0;
  bool defined = true;
  const char* note = ""; // empty when defined
};

/// Cohen's kappa (unweighted). Undefined when expected agreement is 1 (both raters use a
/// single category): value 1 if observed agreement is perfect, else 0. No data: 0, undefined.
Statistic cohenKappa(const ConfusionMatrix& matrix);

/// Cohen's kappa with quadratic weights w_ij = 1 - (i-j)^2/(K-1)^2. Same edge rules.
Statistic quadraticWeightedKappa(const ConfusionMatrix& matrix);

/// Fleiss' kappa. `ratings[i][j]` is how many raters put subject i in category j. Subjects
/// may have different numbers of raters (the generalisation of Fleiss 1971 that averages
/// per-subject agreement); subjects with fewer than two raters are skipped. Undefined when
/// fewer than one usable subject or when expected agreement is 1 (one category used):
/// value 1 if every usable subject has complete agreement, else 0.
Statistic fleissKappa(const std::vector<std::vector<std::int64_t>>& ratings);

/// Share of subjects' rater pairs that agree (observed agreement P-bar of Fleiss), or
/// undefined (0) without usable subjects.
Statistic meanPairwiseAgreement(const std::vector<std::vector<std::int64_t>>& ratings);

} // namespace sim::scoring
