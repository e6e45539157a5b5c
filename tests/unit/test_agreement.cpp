// Agreement statistics (agreement.hpp) against published worked examples and the printed
// output of scikit-learn, R irr, R irrCAC, statsmodels and SAS, plus the documented edge
// cases. Exact fractions in comments were checked with Python's fractions module.
#include "sim/scoring/agreement.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

using namespace sim;

// Every Approx sets epsilon(0) so that only its stated absolute margin applies: Catch's
// default relative epsilon (about 1.2e-5) would otherwise loosen the larger values.

namespace {

using Table = std::vector<std::vector<std::int64_t>>;

// Rows are the reference, columns the rater, as in ConfusionMatrix.
scoring::ConfusionMatrix matrixOf(const Table& rows) {
  const int k = static_cast<int>(rows.size());
  scoring::ConfusionMatrix matrix(k);
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) {
      matrix.add(i, j, rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
    }
  }
  return matrix;
}

// Raw ratings (one row per subject, one category label per rater, 0 = not rated) to the
// subjects x categories counts Fleiss' kappa takes; labels run 1..categories.
Table countsOf(const std::vector<std::vector<int>>& raw, int categories) {
  Table counts;
  for (const auto& subject : raw) {
    std::vector<std::int64_t> row(static_cast<std::size_t>(categories), 0);
    for (const int label : subject) {
      if (label > 0) {
        ++row[static_cast<std::size_t>(label - 1)];
      }
    }
    counts.push_back(row);
  }
  return counts;
}

bool hasNote(const scoring::Statistic& s) { return s.note != nullptr && std::string(s.note) != ""; }

// Fleiss' kappa worked example on Wikipedia ("Fleiss' kappa", Worked example; also the
// table in statsmodels' test_inter_rater.py): 10 subjects, 14 raters, 5 categories.
const Table kWikipediaFleiss{{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0},
                             {2, 2, 8, 1, 1},  {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2},
                             {6, 5, 2, 1, 0},  {0, 2, 2, 3, 7}};

} // namespace

TEST_CASE("the confusion matrix counts cells and splits disagreement into over and under") {
  scoring::ConfusionMatrix m(4);
  CHECK(m.categories() == 4);
  CHECK(m.total() == 0);
  m.add(0, 0);
  m.add(1, 3, 2); // rater two levels above the reference
  m.add(2, 1, 5); // rater one level below
  m.add(3, 3, 4);
  m.add(0, 2);
  CHECK(m.at(0, 0) == 1);
  CHECK(m.at(1, 3) == 2);
  CHECK(m.at(2, 1) == 5);
  CHECK(m.at(3, 2) == 0);
  CHECK(m.total() == 13);
  CHECK(m.above() == 3); // (1,3) x2 and (0,2) x1
  CHECK(m.below() == 5); // (2,1) x5
  CHECK(m.total() == m.above() + m.below() + m.at(0, 0) + m.at(1, 1) + m.at(2, 2) + m.at(3, 3));
}

TEST_CASE("Cohen's kappa reproduces the Wikipedia grant-proposal example") {
  // Wikipedia "Cohen's kappa", Simple example: 50 proposals, both readers yes 20, A yes B no
  // 5, A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4 exactly.
  const scoring::Statistic k = scoring::cohenKappa(matrixOf({{20, 5}, {10, 15}}));
  CHECK(k.defined);
  CHECK(std::string(k.note).empty());
  CHECK(k.value == Approx(0.4).epsilon(0).margin(1e-12));
}

TEST_CASE("Cohen's kappa reproduces scikit-learn's Artstein and Poesio examples") {
  // scikit-learn sklearn/metrics/tests/test_classification.py test_cohen_kappa, from
  // Artstein & Poesio (2008) Computational Linguistics 34(4):555, Table 1: kappa 0.348 to
  // 3 decimals (exactly 8/23 by hand: p_o = 0.7, p_e = 0.54).
  const scoring::Statistic table1 = scoring::cohenKappa(matrixOf({{20, 20}, {10, 50}}));
  CHECK(table1.value == Approx(0.348).epsilon(0).margin(5e-4));
  CHECK(table1.value == Approx(8.0 / 23.0).epsilon(0).margin(1e-12));
  // Ibid., Table 4 (three categories): 0.8013 to 4 decimals (exactly 121/151).
  const scoring::Statistic table4 =
      scoring::cohenKappa(matrixOf({{46, 0, 0}, {6, 32, 6}, {0, 0, 10}}));
  CHECK(table4.value == Approx(0.8013).epsilon(0).margin(5e-5));
  CHECK(table4.value == Approx(121.0 / 151.0).epsilon(0).margin(1e-12));
  CHECK(table4.defined);
}

TEST_CASE("Cohen's kappa reproduces R irrCAC and irr and SAS printed output") {
  // R irrCAC README / overview vignette: kappa2.table(cont3x3abstractors) = 0.7964094.
  const Table abstractors{{13, 0, 0}, {0, 20, 7}, {0, 4, 56}};
  CHECK(scoring::cohenKappa(matrixOf(abstractors)).value ==
        Approx(0.7964094).epsilon(0).margin(5e-8));
  // statsmodels test_inter_rater.py UnweightedCohens: SAS printout for table10, 0.4842.
  CHECK(scoring::cohenKappa(matrixOf({{0, 4, 1}, {0, 8, 0}, {0, 1, 5}})).value ==
        Approx(0.4842).epsilon(0).margin(5e-5));
  // statsmodels test_cohens_kappa_irr: R irr kappa2(anxiety[,2:3]) = -0.006289308 (exactly
  // -1/159). Raters 2 and 3 of irr's `anxiety` data, levels 1 2 3 4 6 (5 unused, dropped
  // as irr does), cross-tabulated rater 2 (rows) by rater 3.
  const Table anxiety{
      {0, 0, 1, 0, 0}, {4, 0, 1, 0, 0}, {2, 3, 3, 0, 0}, {0, 2, 0, 1, 1}, {1, 0, 0, 1, 0}};
  const scoring::Statistic k = scoring::cohenKappa(matrixOf(anxiety));
  CHECK(k.defined);
  CHECK(k.value == Approx(-0.006289308).epsilon(0).margin(5e-10));
}

TEST_CASE("quadratic weighted kappa reproduces scikit-learn and irrCAC and irr output") {
  // scikit-learn test_cohen_kappa "Weighting example": y1 = 46x0 44x1 10x2, y2 = 50x0 40x1
  // 10x2: unweighted 0.9315, quadratic 0.9541 (4 decimals). Exactly 68/73 and 104/109.
  const Table sklearn{{46, 0, 0}, {4, 40, 0}, {0, 0, 10}};
  CHECK(scoring::cohenKappa(matrixOf(sklearn)).value == Approx(0.9315).epsilon(0).margin(5e-5));
  const scoring::Statistic q = scoring::quadraticWeightedKappa(matrixOf(sklearn));
  CHECK(q.defined);
  CHECK(q.value == Approx(0.9541).epsilon(0).margin(5e-5));
  CHECK(q.value == Approx(104.0 / 109.0).epsilon(0).margin(1e-12));
  // R irrCAC weighting vignette: kappa2.table(cont3x3abstractors, weights =
  // quadratic.weights(1:3)) = 0.8921569 (exactly 91/102).
  CHECK(scoring::quadraticWeightedKappa(matrixOf({{13, 0, 0}, {0, 20, 7}, {0, 4, 56}})).value ==
        Approx(0.8921569).epsilon(0).margin(5e-8));
  // statsmodels test_cohens_kappa_irr: R irr kappa2(anxiety[,2:3], "squared") = 0.2520325
  // (exactly 31/123); irr weights by level rank, i.e. 1 - (i-j)^2/(K-1)^2 with K = 5.
  const Table anxiety{
      {0, 0, 1, 0, 0}, {4, 0, 1, 0, 0}, {2, 3, 3, 0, 0}, {0, 2, 0, 1, 1}, {1, 0, 0, 1, 0}};
  CHECK(scoring::quadraticWeightedKappa(matrixOf(anxiety)).value ==
        Approx(0.2520325).epsilon(0).margin(5e-8));
}

TEST_CASE("quadratic weighted kappa equals unweighted kappa with two categories") {
  // With K = 2 the quadratic weights are the identity (w_01 = 1 - 1/1 = 0).
  CHECK(scoring::quadraticWeightedKappa(matrixOf({{20, 5}, {10, 15}})).value ==
        Approx(0.4).epsilon(0).margin(1e-12));
  for (const Table& t :
       {Table{{20, 5}, {10, 15}}, Table{{20, 20}, {10, 50}}, Table{{3, 9}, {7, 1}}}) {
    const scoring::ConfusionMatrix m = matrixOf(t);
    CHECK(scoring::quadraticWeightedKappa(m).value ==
          Approx(scoring::cohenKappa(m).value).epsilon(0).margin(1e-12));
  }
}

TEST_CASE("quadratic weights treat near misses more kindly than distant misses") {
  // Five levels, 10 cases per level, two cases per level misjudged. Near: one level off;
  // far: the misjudged cases swap to the opposite end. Unweighted kappa cannot tell them
  // apart; quadratic kappa must rank the near misses higher.
  scoring::ConfusionMatrix near(5);
  scoring::ConfusionMatrix far(5);
  for (int level = 0; level < 5; ++level) {
    near.add(level, level, 8);
    far.add(level, level, 8);
    near.add(level, level < 4 ? level + 1 : level - 1, 2);
    far.add(level, 4 - level == level ? (level + 2) % 5 : 4 - level, 2);
  }
  CHECK(scoring::quadraticWeightedKappa(near).value > scoring::quadraticWeightedKappa(far).value);
  CHECK(scoring::quadraticWeightedKappa(near).value > scoring::cohenKappa(near).value);
  CHECK(scoring::cohenKappa(near).value ==
        Approx(scoring::cohenKappa(far).value).epsilon(0).margin(1e-12));
}

TEST_CASE("kappa with no ratings is zero and flagged") {
  const scoring::ConfusionMatrix empty(6);
  for (const scoring::Statistic& s :
       {scoring::cohenKappa(empty), scoring::quadraticWeightedKappa(empty)}) {
    CHECK_FALSE(s.defined);
    CHECK(s.value == 0.0);
    CHECK(std::isfinite(s.value));
    CHECK(hasNote(s));
  }
  const scoring::Statistic one = scoring::cohenKappa(scoring::ConfusionMatrix(1));
  CHECK_FALSE(one.defined);
  CHECK(one.value == 0.0);
}

TEST_CASE("kappa is one for perfect agreement across several categories") {
  const scoring::ConfusionMatrix m = matrixOf({{3, 0, 0}, {0, 5, 0}, {0, 0, 2}});
  CHECK(std::string(scoring::cohenKappa(m).note).empty());
  for (const scoring::Statistic& s : {scoring::cohenKappa(m), scoring::quadraticWeightedKappa(m)}) {
    CHECK(s.defined);
    CHECK(s.value == Approx(1.0).epsilon(0).margin(1e-12));
    CHECK(std::isfinite(s.value));
  }
}

TEST_CASE("kappa when both raters use one single category is flagged with value one") {
  // Expected agreement is 1, so (p_o - p_e) / (1 - p_e) is 0/0: the documented stand-in.
  scoring::ConfusionMatrix oneCategory(1);
  oneCategory.add(0, 0, 7);
  scoring::ConfusionMatrix oneUsed(5);
  oneUsed.add(2, 2, 9);
  CHECK(scoring::cohenKappa(oneUsed).value == 1.0);
  for (const scoring::ConfusionMatrix* m : {&oneCategory, &oneUsed}) {
    for (const scoring::Statistic& s :
         {scoring::cohenKappa(*m), scoring::quadraticWeightedKappa(*m)}) {
      CHECK_FALSE(s.defined);
      CHECK(s.value == 1.0);
      CHECK(std::isfinite(s.value));
      CHECK(hasNote(s));
    }
  }
}

TEST_CASE("kappa for perfect disagreement is defined and negative") {
  // Two categories, every case swapped: p_o = 0, p_e = 0.5, kappa = -1.
  const scoring::ConfusionMatrix swapped = matrixOf({{0, 5}, {5, 0}});
  CHECK(scoring::cohenKappa(swapped).defined);
  CHECK(scoring::cohenKappa(swapped).value == Approx(-1.0).epsilon(0).margin(1e-12));
  CHECK(scoring::quadraticWeightedKappa(swapped).value == Approx(-1.0).epsilon(0).margin(1e-12));
  // Each rater uses a different single category: p_o = 0 and p_e = 0, so kappa = 0.
  const scoring::ConfusionMatrix apart = matrixOf({{0, 0, 5}, {0, 0, 0}, {0, 0, 0}});
  for (const scoring::Statistic& s :
       {scoring::cohenKappa(apart), scoring::quadraticWeightedKappa(apart)}) {
    CHECK(s.defined);
    CHECK(s.value == Approx(0.0).epsilon(0).margin(1e-12));
    CHECK(std::isfinite(s.value));
  }
}

TEST_CASE("kappa for a trainee with a single case") {
  scoring::ConfusionMatrix agreed(6);
  agreed.add(3, 3);
  CHECK_FALSE(scoring::cohenKappa(agreed).defined); // one category: stand-in 1
  CHECK(scoring::cohenKappa(agreed).value == 1.0);
  CHECK(scoring::quadraticWeightedKappa(agreed).value == 1.0);
  scoring::ConfusionMatrix missed(6);
  missed.add(3, 4); // p_o = 0 and p_e = 0: kappa 0, defined
  for (const scoring::Statistic& s :
       {scoring::cohenKappa(missed), scoring::quadraticWeightedKappa(missed)}) {
    CHECK(s.defined);
    CHECK(s.value == Approx(0.0).epsilon(0).margin(1e-12));
    CHECK(std::isfinite(s.value));
  }
}

TEST_CASE("Fleiss' kappa reproduces the Wikipedia worked example") {
  // Wikipedia "Fleiss' kappa", Worked example: P-bar = 0.378, P_e = 0.213, kappa = 0.210
  // (3 decimals). Exactly 4211/20059 = 0.20993070442195524 (Python fractions); statsmodels
  // fleiss_kappa checks the same table against 0.210 (test_inter_rater.py).
  const scoring::Statistic k = scoring::fleissKappa(kWikipediaFleiss);
  CHECK(k.defined);
  CHECK(k.value == Approx(0.210).epsilon(0).margin(5e-4));
  CHECK(k.value == Approx(0.20993070442195524).epsilon(0).margin(1e-12));
  const scoring::Statistic p = scoring::meanPairwiseAgreement(kWikipediaFleiss);
  CHECK(p.defined);
  CHECK(p.value == Approx(0.378).epsilon(0).margin(5e-4));
  CHECK(p.value == Approx(0.378021978021978).epsilon(0).margin(1e-12));
}

TEST_CASE("Fleiss' kappa reproduces Fleiss 1971 and R irr on the diagnoses data") {
  // Fleiss (1971) Psychological Bulletin 76(5):378, Table 1: 30 patients, 6 psychiatrists,
  // 5 diagnoses, kappa = .430. Raw ratings as in R irr's `diagnoses` (statsmodels
  // test_inter_rater.py); irr kappam.fleiss(diagnoses) = 0.4302445.
  const std::vector<std::vector<int>> diagnoses{
      {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5},
      {2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4},
      {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4},
      {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5},
      {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
      {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
      {1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4},
      {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};
  const Table counts = countsOf(diagnoses, 5);
  // statsmodels test_aggregate_raters: category totals 26 26 30 55 43.
  std::vector<std::int64_t> totals(5, 0);
  for (const auto& row : counts) {
    for (std::size_t j = 0; j < 5; ++j) {
      totals[j] += row[j];
    }
  }
  CHECK(totals == std::vector<std::int64_t>{26, 26, 30, 55, 43});
  const scoring::Statistic k = scoring::fleissKappa(counts);
  CHECK(k.defined);
  CHECK(k.value == Approx(0.430).epsilon(0).margin(5e-4));
  CHECK(k.value == Approx(0.4302445).epsilon(0).margin(5e-8));
}

TEST_CASE("Fleiss' kappa with two raters equals Scott's pi from irrCAC") {
  // Fleiss (1971) generalises Scott's pi. R irrCAC README: scott2.table(cont3x3abstractors)
  // = 0.7962397. As subjects: 13 both Ectopic, 20 both AIU, 7 + 4 split AIU/NIU, 56 NIU.
  Table subjects;
  subjects.insert(subjects.end(), 13, {2, 0, 0});
  subjects.insert(subjects.end(), 20, {0, 2, 0});
  subjects.insert(subjects.end(), 11, {0, 1, 1});
  subjects.insert(subjects.end(), 56, {0, 0, 2});
  CHECK(scoring::fleissKappa(subjects).value == Approx(0.7962397).epsilon(0).margin(5e-8));
  CHECK(scoring::meanPairwiseAgreement(subjects).value == Approx(0.89).epsilon(0).margin(1e-12));
}

TEST_CASE("Fleiss' kappa with unequal panels and a one-rater subject") {
  // R irrCAC README: cac.raw4raters, 12 subjects rated by 2 to 4 of 4 raters, categories
  // 1..5; subject 12 has one rating. fleiss.kappa.raw prints pa = 0.8181818 (the mean of
  // per-subject agreement over the 11 subjects with 2+ raters, exactly 9/11).
  const std::vector<std::vector<int>> raw{{1, 1, 0, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3},
                                          {2, 2, 2, 2}, {1, 2, 3, 4}, {4, 4, 4, 4}, {1, 1, 2, 1},
                                          {2, 2, 2, 2}, {0, 5, 5, 5}, {0, 0, 1, 1}, {0, 0, 3, 0}};
  const Table counts = countsOf(raw, 5);
  const scoring::Statistic pa = scoring::meanPairwiseAgreement(counts);
  CHECK(pa.defined);
  CHECK(pa.value == Approx(0.8181818).epsilon(0).margin(5e-8));
  // Kappa by hand over the 11 usable subjects. P_i: 1, 1/2, 1, 1, 1, 0, 1, 1/2, 1, 1, 1
  // -> P-bar = 9/11. p_j = mean n_ij/n_i: 12/44, 13/44, 10/44, 5/44, 4/44 -> P_e =
  // (144+169+100+25+16)/1936 = 227/968 -> kappa = (9/11 - 227/968)/(741/968) = 565/741
  // = 0.76248313090418... (Python fractions agrees). irrCAC prints 0.76117 (pe 0.2387153)
  // because it still counts subject 12's single rating in p_j; we skip that subject
  // entirely (agreement.hpp), which is irrCAC's formula on the 11 usable subjects.
  const scoring::Statistic k = scoring::fleissKappa(counts);
  CHECK(k.defined);
  CHECK(k.value == Approx(565.0 / 741.0).epsilon(0).margin(1e-12));
  Table usable(counts.begin(), counts.end() - 1);
  CHECK(scoring::fleissKappa(usable).value == k.value);
}

TEST_CASE("Fleiss' kappa skips subjects with fewer than two raters") {
  Table padded = kWikipediaFleiss;
  padded.push_back({0, 0, 1, 0, 0}); // one rater
  padded.push_back({0, 0, 0, 0, 0}); // nobody
  padded.push_back({});              // no categories at all
  CHECK(scoring::fleissKappa(padded).value == scoring::fleissKappa(kWikipediaFleiss).value);
  CHECK(scoring::meanPairwiseAgreement(padded).value ==
        scoring::meanPairwiseAgreement(kWikipediaFleiss).value);
}

TEST_CASE("Fleiss' kappa without usable subjects is zero and flagged") {
  CHECK_FALSE(scoring::fleissKappa({}).defined);
  for (const Table& t : {Table{}, Table{{}, {}}, Table{{1, 0}, {0, 1}}, Table{{0, 0, 0}}}) {
    const scoring::Statistic k = scoring::fleissKappa(t);
    CHECK_FALSE(k.defined);
    CHECK(k.value == 0.0);
    CHECK(std::isfinite(k.value));
    CHECK(hasNote(k));
    const scoring::Statistic p = scoring::meanPairwiseAgreement(t);
    CHECK_FALSE(p.defined);
    CHECK(p.value == 0.0);
    CHECK(hasNote(p));
  }
}

TEST_CASE("Fleiss' kappa with one category used is flagged with value one") {
  CHECK(scoring::fleissKappa({{3}, {2}}).value == 1.0);
  for (const Table& t : {Table{{3}, {2}}, Table{{0, 4, 0}, {0, 2, 0}}, Table{{5, 0}}}) {
    const scoring::Statistic k = scoring::fleissKappa(t);
    CHECK_FALSE(k.defined);
    CHECK(k.value == 1.0);
    CHECK(std::isfinite(k.value));
    CHECK(hasNote(k));
    CHECK(scoring::meanPairwiseAgreement(t).value == 1.0);
  }
}

TEST_CASE("Fleiss' kappa for perfect agreement and perfect disagreement") {
  // Unanimous subjects over two categories: P-bar = 1, P_e = 1/2 -> kappa 1.
  const scoring::Statistic agree = scoring::fleissKappa({{3, 0}, {0, 3}, {0, 3}, {3, 0}});
  CHECK(agree.defined);
  CHECK(agree.value == Approx(1.0).epsilon(0).margin(1e-12));
  // Two raters who always split: P-bar = 0, P_e = 1/2 -> kappa -1.
  const scoring::Statistic split = scoring::fleissKappa({{1, 1}, {1, 1}, {1, 1}});
  CHECK(split.defined);
  CHECK(split.value == Approx(-1.0).epsilon(0).margin(1e-12));
  CHECK(std::isfinite(split.value));
  CHECK(scoring::meanPairwiseAgreement({{1, 1}, {1, 1}}).value == 0.0);
}

TEST_CASE("Fleiss' kappa for a single subject and ragged or negative input") {
  // One subject, three raters split 2-1: P_1 = 2/6, p = (2/3, 1/3), P_e = 5/9,
  // kappa = (1/3 - 5/9)/(4/9) = -0.5.
  const scoring::Statistic single = scoring::fleissKappa({{2, 1}});
  CHECK(single.defined);
  CHECK(single.value == Approx(-0.5).epsilon(0).margin(1e-12));
  CHECK(std::isfinite(single.value));
  // Rows shorter than the widest row count the missing categories as 0.
  CHECK(scoring::fleissKappa({{2}, {0, 2}}).value == scoring::fleissKappa({{2, 0}, {0, 2}}).value);
  // Negative counts count as 0.
  CHECK(scoring::fleissKappa({{-4, 2, 1}, {3, 0, 0}}).value ==
        scoring::fleissKappa({{0, 2, 1}, {3, 0, 0}}).value);
}
