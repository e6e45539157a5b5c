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
/// Category indices outside [0, K) and negative counts are programmer errors: they assert,
/// and in release builds `add` ignores them and `at` returns 0.
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
/// Expected agreement is 1 only when one diagonal cell holds every count, so that case
/// always has value 1 (decided on the integer counts, not by comparing doubles). Perfect
/// disagreement is a defined, negative kappa (e.g. -1 for [[0, n], [n, 0]]).
Statistic cohenKappa(const ConfusionMatrix& matrix);

/// Cohen's kappa with quadratic weights w_ij = 1 - (i-j)^2/(K-1)^2. Same edge rules. With
/// K = 1 the weights are undefined, but any data is then the expected-agreement-1 case (1).
/// For K = 2 it equals the unweighted kappa.
Statistic quadraticWeightedKappa(const ConfusionMatrix& matrix);

/// Fleiss' kappa. `ratings[i][j]` is how many raters put subject i in category j. Subjects
/// may have different numbers of raters (the generalisation of Fleiss 1971 that averages
/// per-subject agreement); subjects with fewer than two raters are skipped. Undefined when
/// fewer than one usable subject or when expected agreement is 1 (one category used):
/// value 1 if every usable subject has complete agreement, else 0.
/// Precisely, over the usable subjects (n_i >= 2 raters): P_i = sum_j n_ij (n_ij - 1) /
/// (n_i (n_i - 1)), P-bar = mean P_i, p_j = mean of n_ij / n_i, P_e = sum_j p_j^2 and
/// kappa = (P-bar - P_e) / (1 - P_e). With equal n_i this is Fleiss (1971) exactly; it is
/// Gwet's (2014) "Fleiss' generalized kappa" (R irrCAC fleiss.kappa.raw) except that a
/// subject with one rater is skipped entirely, where irrCAC still counts it in p_j.
/// Skipped subjects change nothing. Rows may differ in length (missing categories count 0);
/// negative counts count as 0. No usable subject: value 0, undefined.
Statistic fleissKappa(const std::vector<std::vector<std::int64_t>>& ratings);

/// Share of subjects' rater pairs that agree (observed agreement P-bar of Fleiss), or
/// undefined (0) without usable subjects. It is the mean over usable subjects of each
/// subject's share (P_i above), not the pooled share of all pairs, so every subject
/// weighs the same whatever its panel size.
Statistic meanPairwiseAgreement(const std::vector<std::vector<std::int64_t>>& ratings);

} // namespace sim::scoring
