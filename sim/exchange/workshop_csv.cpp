// Writing a workshop's final votes as a decisions table.
#include "sim/exchange/workshop_csv.hpp"

#include "sim/core/csv_field.hpp"
#include "sim/workshop/room_decisions.hpp"

#include <array>
#include <cstdio>

namespace sim::exchange {

std::string workshopDecisionsCsv(const workshop::WorkshopRun& run, const std::string& cohort) {
  std::string out = "trainee,scenario,decision,need_level,p_harm,team,cohort,checks,"
                    "records_checked,child_seen,decision_point\n";
  for (const auto& row : workshop::finalDecisionRows(run, cohort)) {
    std::string harm;
    if (row.pHarm) {
      std::array<char, 16> buffer{};
      std::snprintf(buffer.data(), buffer.size(), "%.2f", *row.pHarm);
      harm = buffer.data();
    }
    out += core::csvField(row.trainee) + "," + core::csvField(row.scenario) + "," +
           std::string(core::tokenOf(row.decision)) + "," +
           (row.needLevel ? std::string(core::tokenOf(*row.needLevel)) : "") + "," + harm + "," +
           core::csvField(row.team) + "," + core::csvField(row.cohort) + "," +
           std::to_string(row.checks.value_or(0)) + "," +
           (row.recordsChecked.value_or(false) ? "1" : "0") + "," +
           (row.childSeen.value_or(false) ? "1" : "0") + "," +
           std::to_string(row.decisionPoint.value_or(1)) + "\n";
  }
  return out;
}

} // namespace sim::exchange
