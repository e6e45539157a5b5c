// A decision row as a recorded s47 decision would store it (for results-store and exchange
// tests on real SQLite files).
#pragma once

#include "sim/storage/results_store.hpp"

namespace test_support {

inline sim::storage::DecisionRow sampleDecision(std::int64_t attempt) {
  sim::storage::DecisionRow d;
  d.attempt = attempt;
  d.decidedAt = "0/16:40";
  d.response = "s47";
  d.needLevel = 4;
  d.urgency = "same_day";
  d.pHarm = 0.55;
  d.score = 95.91;
  d.caseWeight = 0.7;
  d.withinDeadline = true;
  d.checks = 5;
  d.recordsChecked = true;
  return d;
}

} // namespace test_support
