// Writing the decisions table: RFC 4180 quoting and the formula guard on every text field,
// estimates and scores with two decimals, decision points counted from 1, and the
// attempt's unique id (so that importing the table again is recognised).
#include "sim/exchange/decisions_csv.hpp"

#include "sim/core/csv_field.hpp"

#include <array>
#include <cstdio>

namespace sim::exchange {

namespace {

std::string number(const std::optional<double>& value, int decimals) {
  if (!value) {
    return {};
  }
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, *value);
  return buffer.data();
}

} // namespace

std::string decisionsCsv(const std::vector<storage::StoredDecision>& decisions) {
  std::string out = "trainee,scenario,decision,need_level,p_harm,p_rereferral,team,cohort,checks,"
                    "records_checked,child_seen,attempt,decision_point,decided_at,"
                    "within_deadline,score,case_weight,started_at,attempt_uid\n";
  for (const auto& row : decisions) {
    const auto& d = row.decision;
    out += core::csvField(row.practitioner) + "," + core::csvField(row.scenarioId) + "," +
           core::csvField(d.response) + "," + (d.needLevel ? std::to_string(*d.needLevel) : "") +
           "," + number(d.pHarm, 2) + "," + number(d.pRereferral, 2) + "," +
           core::csvField(row.team) + "," + core::csvField(row.cohort) + "," +
           std::to_string(d.checks) + "," + std::to_string(d.recordsChecked ? 1 : 0) + "," +
           std::to_string(d.childSeen ? 1 : 0) + "," + std::to_string(d.attempt) + "," +
           std::to_string(d.decisionPoint + 1) + "," + core::csvField(d.decidedAt) + "," +
           std::to_string(d.withinDeadline ? 1 : 0) + "," + number(d.score, 2) + "," +
           number(d.caseWeight, 2) + "," + core::csvField(row.startedAt) + "," +
           core::csvField(row.attemptUid) + "\n";
  }
  return out;
}

} // namespace sim::exchange
