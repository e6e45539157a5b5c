// Agreement statistics: the practitioner-versus-panel confusion matrix, Cohen's kappa
// (unweighted and quadratic-weighted) and Fleiss' kappa for panels of unequal size.
// Degenerate data gives the stand-in values documented in agreement.hpp, never NaN.
#include "sim/scoring/agreement.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>

namespace sim::scoring {

namespace {

constexpr const char* kNoRatings = "no ratings";
constexpr const char* kOneCategory =
    "every rating is in the same single category, so chance agreement is 1";
constexpr const char* kNoUsableSubjects = "no subject has two or more raters";

std::size_t cellIndex(int categories, int reference, int rater) {
  return static_cast<std::size_t>(reference) * static_cast<std::size_t>(categories) +
         static_cast<std::size_t>(rater);
}

// Row (reference) and column (rater) totals of a confusion matrix.
struct Marginals {
  std::vector<std::int64_t> rows;
  std::vector<std::int64_t> columns;
  std::int64_t total = 0;
};

Marginals marginals(const ConfusionMatrix& matrix) {
  const int k = matrix.categories();
  Marginals m;
  m.rows.assign(static_cast<std::size_t>(k), 0);
  m.columns.assign(static_cast<std::size_t>(k), 0);
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) {
      const std::int64_t n = matrix.at(i, j);
      m.rows[static_cast<std::size_t>(i)] += n;
      m.columns[static_cast<std::size_t>(j)] += n;
      m.total += n;
    }
  }
  return m;
}

// Expected agreement is exactly 1 only when both raters put everything in one category,
// i.e. one diagonal cell holds the whole total. Decided on integers, so no rounding.
bool allInOneCategory(const Marginals& m) {
  for (std::size_t i = 0; i < m.rows.size(); ++i) {
    if (m.rows[i] == m.total && m.columns[i] == m.total) {
      return true;
    }
  }
  return false;
}

// The edge rules shared by both Cohen's kappas; nullopt when the statistic is defined.
std::optional<Statistic> cohenEdgeCase(const ConfusionMatrix& matrix, const Marginals& m) {
  if (m.total <= 0) {
    return Statistic{0.0, false, kNoRatings};
  }
  if (allInOneCategory(m)) {
    std::int64_t agreed = 0;
    for (int i = 0; i < matrix.categories(); ++i) {
      agreed += matrix.at(i, i);
    }
    return Statistic{agreed == m.total ? 1.0 : 0.0, false, kOneCategory};
  }
  return std::nullopt;
}

// kappa = 1 - observed disagreement / chance disagreement, with disagreement weights
// `distance(i, j)` (0 on the diagonal). Both sums are scaled by N^2 to stay in counts.
template <typename Distance>
Statistic weightedKappa(const ConfusionMatrix& matrix, Distance distance) {
  const Marginals m = marginals(matrix);
  if (auto edge = cohenEdgeCase(matrix, m)) {
    return *edge;
  }
  const int k = matrix.categories();
  const double n = static_cast<double>(m.total);
  double observed = 0.0; // N * sum d_ij n_ij
  double chance = 0.0;   // sum d_ij r_i c_j
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) {
      const double d = distance(i, j);
      observed += d * n * static_cast<double>(matrix.at(i, j));
      chance += d * static_cast<double>(m.rows[static_cast<std::size_t>(i)]) *
                static_cast<double>(m.columns[static_cast<std::size_t>(j)]);
    }
  }
  const double kappa = 1.0 - observed / chance;
  if (!(chance > 0.0) || !std::isfinite(kappa)) {
    // Unreachable for counts a double can hold: chance > 0 whenever the marginals are
    // not both concentrated on one category. Kept so no input can produce NaN.
    return Statistic{0.0, false, kOneCategory};
  }
  return Statistic{kappa, true, ""};
}

// Per-subject counts with negative entries read as 0, padded to `categories`.
std::vector<std::int64_t> subjectCounts(const std::vector<std::int64_t>& row,
                                        std::size_t categories) {
  std::vector<std::int64_t> counts(categories, 0);
  for (std::size_t j = 0; j < row.size(); ++j) {
    counts[j] = std::max<std::int64_t>(row[j], 0);
  }
  return counts;
}

// Observed agreement (P-bar), chance agreement (sum of squared category shares), and
// whether more than one category was used, over subjects with at least two raters.
struct FleissParts {
  int usableSubjects = 0;
  double observed = 0.0;
  double chance = 0.0;
  int categoriesUsed = 0;
  bool everySubjectUnanimous = true;
};

FleissParts fleissParts(const std::vector<std::vector<std::int64_t>>& ratings) {
  std::size_t categories = 0;
  for (const auto& row : ratings) {
    categories = std::max(categories, row.size());
  }
  FleissParts parts;
  std::vector<double> shareSums(categories, 0.0);
  std::vector<bool> used(categories, false);
  double agreementSum = 0.0;
  for (const auto& row : ratings) {
    const std::vector<std::int64_t> counts = subjectCounts(row, categories);
    std::int64_t raters = 0;
    for (const std::int64_t c : counts) {
      raters += c;
    }
    if (raters < 2) {
      continue; // no rater pair: the subject says nothing about agreement
    }
    const double n = static_cast<double>(raters);
    double agreeingPairs = 0.0; // sum_j n_ij (n_ij - 1)
    for (std::size_t j = 0; j < categories; ++j) {
      const double nij = static_cast<double>(counts[j]);
      agreeingPairs += nij * (nij - 1.0);
      shareSums[j] += nij / n;
      if (counts[j] > 0) {
        used[j] = true;
        if (counts[j] != raters) {
          parts.everySubjectUnanimous = false;
        }
      }
    }
    agreementSum += agreeingPairs / (n * (n - 1.0));
    ++parts.usableSubjects;
  }
  if (parts.usableSubjects == 0) {
    return parts;
  }
  const double subjects = static_cast<double>(parts.usableSubjects);
  parts.observed = agreementSum / subjects;
  for (std::size_t j = 0; j < categories; ++j) {
    const double share = shareSums[j] / subjects;
    parts.chance += share * share;
    if (used[j]) {
      ++parts.categoriesUsed;
    }
  }
  return parts;
}

} // namespace

ConfusionMatrix::ConfusionMatrix(int categories)
    : m_categories(std::max(categories, 0)),
      m_counts(static_cast<std::size_t>(m_categories) * static_cast<std::size_t>(m_categories), 0) {
  assert(categories >= 1 && "a confusion matrix needs at least one category");
}

void ConfusionMatrix::add(int reference, int rater, std::int64_t count) {
  const bool inRange =
      reference >= 0 && reference < m_categories && rater >= 0 && rater < m_categories;
  assert(inRange && "category index out of range");
  assert(count >= 0 && "counts cannot be negative");
  if (!inRange || count < 0) {
    return; // release builds: ignore rather than corrupt memory or the totals
  }
  m_counts[cellIndex(m_categories, reference, rater)] += count;
}

std::int64_t ConfusionMatrix::at(int reference, int rater) const {
  const bool inRange =
      reference >= 0 && reference < m_categories && rater >= 0 && rater < m_categories;
  assert(inRange && "category index out of range");
  if (!inRange) {
    return 0;
  }
  return m_counts[cellIndex(m_categories, reference, rater)];
}

std::int64_t ConfusionMatrix::total() const {
  std::int64_t sum = 0;
  for (const std::int64_t n : m_counts) {
    sum += n;
  }
  return sum;
}

std::int64_t ConfusionMatrix::above() const {
  std::int64_t sum = 0;
  for (int i = 0; i < m_categories; ++i) {
    for (int j = i + 1; j < m_categories; ++j) {
      sum += at(i, j);
    }
  }
  return sum;
}

std::int64_t ConfusionMatrix::below() const {
  std::int64_t sum = 0;
  for (int i = 0; i < m_categories; ++i) {
    for (int j = 0; j < i; ++j) {
      sum += at(i, j);
    }
  }
  return sum;
}

Statistic cohenKappa(const ConfusionMatrix& matrix) {
  // Unweighted kappa is weighted kappa with disagreement 1 off the diagonal.
  return weightedKappa(matrix, [](int i, int j) { return i == j ? 0.0 : 1.0; });
}

Statistic quadraticWeightedKappa(const ConfusionMatrix& matrix) {
  // With w_ij = 1 - (i-j)^2/(K-1)^2, kappa_w = 1 - sum (i-j)^2 p_ij / sum (i-j)^2 e_ij:
  // the (K-1)^2 cancels, so K = 1 needs no special weights (it is always the edge case).
  return weightedKappa(matrix, [](int i, int j) {
    const double d = static_cast<double>(i - j);
    return d * d;
  });
}

Statistic fleissKappa(const std::vector<std::vector<std::int64_t>>& ratings) {
  const FleissParts parts = fleissParts(ratings);
  if (parts.usableSubjects == 0) {
    return Statistic{0.0, false, kNoUsableSubjects};
  }
  if (parts.categoriesUsed <= 1) {
    return Statistic{parts.everySubjectUnanimous ? 1.0 : 0.0, false, kOneCategory};
  }
  const double kappa = (parts.observed - parts.chance) / (1.0 - parts.chance);
  if (!std::isfinite(kappa)) {
    return Statistic{0.0, false, kOneCategory}; // unreachable: chance < 1 with 2+ categories
  }
  return Statistic{kappa, true, ""};
}

Statistic meanPairwiseAgreement(const std::vector<std::vector<std::int64_t>>& ratings) {
  const FleissParts parts = fleissParts(ratings);
  if (parts.usableSubjects == 0) {
    return Statistic{0.0, false, kNoUsableSubjects};
  }
  return Statistic{parts.observed, true, ""};
}

} // namespace sim::scoring
