// Decision cost matrix (domain.md §9.3) and band distance.
#include "sim/scoring/decision_cost.hpp"

#include <catch2/catch.hpp>

using namespace sim;
using R = core::ResponseLevel;

TEST_CASE("the cost matrix is zero on the diagonal and penalises under-response more") {
  for (int i = 0; i < 6; ++i) {
    CHECK(scoring::matrixCost(static_cast<R>(i), static_cast<R>(i)) == 0);
  }
  CHECK(scoring::matrixCost(R::S47, R::EarlyHelp) == 8); // missed protection
  CHECK(scoring::matrixCost(R::EarlyHelp, R::S47) == 3); // over-investigation
  CHECK(scoring::matrixCost(R::Immediate, R::Nfa) == scoring::kMaxDecisionCost);
  CHECK(scoring::matrixCost(R::S17, R::Nfa) > scoring::matrixCost(R::Nfa, R::S17));
}

TEST_CASE("band cost is measured from the nearest edge of the band") {
  CHECK(scoring::bandCost(R::EarlyHelp, R::S17, R::EarlyHelp) == 0);
  CHECK(scoring::bandCost(R::EarlyHelp, R::S17, R::S17) == 0);
  CHECK(scoring::bandCost(R::EarlyHelp, R::S17, R::Nfa) == 3);       // from early_help row
  CHECK(scoring::bandCost(R::EarlyHelp, R::S17, R::Immediate) == 3); // from s17 row
  CHECK(scoring::bandCost(R::S47, R::Immediate, R::S17) == 5);
}
