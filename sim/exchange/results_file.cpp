// Results files written: JSON out of one database (results_import.cpp reads them back).
#include "sim/exchange/results_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cinttypes>
#include <cstdio>

namespace sim::exchange {

namespace {

using Json = nlohmann::ordered_json;

Json optionalNumber(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

} // namespace

core::Result<std::string> resultsFile(storage::ResultsStore& store,
                                      const std::optional<std::string>& practitioner) {
  const auto attempts = store.allAttempts(practitioner);
  if (!attempts) {
    return attempts.error();
  }
  Json people = Json::array();
  std::vector<std::string> seen;
  Json items = Json::array();
  for (const auto& a : attempts.value()) {
    if (std::find(seen.begin(), seen.end(), a.practitioner) == seen.end()) {
      seen.push_back(a.practitioner);
      const auto person = store.practitioner(a.practitioner);
      if (!person) {
        return person.error();
      }
      if (person.value()) {
        const auto& p = *person.value();
        people.push_back({{"id", p.id},
                          {"display_name", p.displayName},
                          {"team", p.team},
                          {"cohort", p.cohort}});
      }
    }
    const auto events = store.events(a.id);
    const auto decisions = store.decisionsOf(a.id);
    if (!events) {
      return events.error();
    }
    if (!decisions) {
      return decisions.error();
    }
    Json decisionItems = Json::array();
    for (const auto& d : decisions.value()) {
      decisionItems.push_back({{"decision_point", d.decisionPoint},
                               {"decided_at", d.decidedAt},
                               {"response", d.response},
                               {"need_level", d.needLevel ? Json(*d.needLevel) : Json(nullptr)},
                               {"urgency", d.urgency},
                               {"p_harm", optionalNumber(d.pHarm)},
                               {"p_rereferral", optionalNumber(d.pRereferral)},
                               {"confidence", optionalNumber(d.confidence)},
                               {"score", optionalNumber(d.score)},
                               {"case_weight", optionalNumber(d.caseWeight)},
                               {"within_deadline", d.withinDeadline},
                               {"checks", d.checks},
                               {"records_checked", d.recordsChecked},
                               {"child_seen", d.childSeen}});
    }
    items.push_back({{"uid", a.uid},
                     {"practitioner", a.practitioner},
                     {"scenario_id", a.scenarioId},
                     {"scenario_hash", a.scenarioHash},
                     {"mode", a.mode},
                     {"status", core::tokenOf(a.status)},
                     {"started_at", a.startedAt},
                     {"finished_at", a.finishedAt},
                     {"rules", a.rules},
                     {"events", events.value()},
                     {"decisions", std::move(decisionItems)}});
  }
  const Json file{{"frontdoor_results", kResultsFileFormat},
                  {"practitioners", std::move(people)},
                  {"attempts", std::move(items)}};
  // Text that is not valid UTF-8 is written as U+FFFD rather than failing the export.
  return file.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace sim::exchange
