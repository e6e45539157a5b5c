// DecisionRow: one decision as the analytics read it (product.md §7): who decided, on which
// case, the response, and the optional need level, estimates, team, cohort and information
// habits. Read from a decisions CSV (sim/exchange/decision_table.hpp) or built from the
// results store's decisions (sim/report/practice_summary.hpp).
#pragma once

#include "sim/core/codes.hpp"

#include <optional>
#include <string>

namespace sim::scoring {

struct DecisionRow {
  int line = 0; // 1-based line of the row in its file (the header is line 1); 0 when stored
  std::string trainee;
  std::string scenario;
  core::ResponseLevel decision = core::ResponseLevel::Nfa;
  std::optional<core::NeedLevel> needLevel;
  std::optional<double> pHarm;       // 0..1 (a value written as a percentage 0..100 is refused)
  std::optional<double> pRereferral; // 0..1
  std::string team;
  std::string cohort;
  // Information habits, when the row comes from a recorded attempt (optional columns
  // `checks`, `records_checked`, `child_seen`).
  std::optional<int> checks;          // agency checks requested before deciding, 0..1000
  std::optional<bool> recordsChecked; // 1/0, true/false or yes/no
  std::optional<bool> childSeen;
  // Where the row came from, when it was exported from a results store (optional columns
  // `attempt_uid`, `decision_point`): importing it again is then recognised.
  std::string attemptUid;
  std::optional<int> decisionPoint; // 1-based, as in the CSV
};

} // namespace sim::scoring
