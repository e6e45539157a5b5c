// Results files: JSON out of one database, into another, attempt by attempt.
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

std::optional<double> numberOr(const nlohmann::json& value) {
  return value.is_number() ? std::optional<double>(value.get<double>()) : std::nullopt;
}

} // namespace

core::Result<bool> alreadyImported(storage::ResultsStore& store, const std::string& uid,
                                   ImportCounts& counts) {
  const auto existing = store.attemptByUid(uid);
  if (!existing) {
    return existing.error();
  }
  if (existing.value()) {
    ++counts.skipped;
  }
  return existing.value().has_value();
}

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

core::Result<ImportCounts> importResultsFile(storage::ResultsStore& store, std::string_view text) {
  const auto file = nlohmann::json::parse(text, nullptr, false);
  if (file.is_discarded()) {
    return core::Error{"not valid JSON (expected a Frontdoor results file)"};
  }
  if (!file.is_object() || !file.contains("frontdoor_results") ||
      !file["frontdoor_results"].is_number_integer()) {
    return core::Error{"not a Frontdoor results file (expected a JSON object with "
                       "\"frontdoor_results\": 1)"};
  }
  if (file["frontdoor_results"].get<int>() > kResultsFileFormat) {
    return core::Error{"this results file is format " +
                       std::to_string(file["frontdoor_results"].get<int>()) +
                       "; this version reads format " + std::to_string(kResultsFileFormat)};
  }
  ImportCounts counts;
  try {
    for (const auto& p : file.value("practitioners", nlohmann::json::array())) {
      const storage::PractitionerRow row{p.at("id").get<std::string>(),
                                         p.value("display_name", p.at("id").get<std::string>()),
                                         p.value("team", ""), p.value("cohort", "")};
      if (auto saved = store.savePractitioner(row); !saved) {
        return saved.error();
      }
    }
    for (const auto& a : file.value("attempts", nlohmann::json::array())) {
      storage::AttemptRow row;
      row.uid = a.at("uid").get<std::string>();
      const auto known = alreadyImported(store, row.uid, counts);
      if (!known) {
        return known.error();
      }
      if (known.value()) {
        continue; // already there: counted as skipped
      }
      row.practitioner = a.at("practitioner").get<std::string>();
      row.scenarioId = a.at("scenario_id").get<std::string>();
      row.scenarioHash = a.at("scenario_hash").get<std::string>();
      row.mode = a.value("mode", "practice");
      const auto status = a.value("status", std::string("finished"));
      row.status =
          core::parseToken<core::AttemptStatus>(status).value_or(core::AttemptStatus::Finished);
      row.startedAt = a.at("started_at").get<std::string>();
      row.finishedAt = a.value("finished_at", "");
      row.rules = a.value("rules", 1);
      const auto lines = a.value("events", std::vector<std::string>{});
      std::vector<storage::DecisionRow> decisions;
      for (const auto& d : a.value("decisions", nlohmann::json::array())) {
        storage::DecisionRow decision;
        decision.decisionPoint = d.at("decision_point").get<int>();
        decision.decidedAt = d.at("decided_at").get<std::string>();
        decision.response = d.at("response").get<std::string>();
        if (d.contains("need_level") && d["need_level"].is_number_integer()) {
          decision.needLevel = d["need_level"].get<int>();
        }
        decision.urgency = d.value("urgency", "");
        decision.pHarm = numberOr(d.value("p_harm", nlohmann::json()));
        decision.pRereferral = numberOr(d.value("p_rereferral", nlohmann::json()));
        decision.confidence = numberOr(d.value("confidence", nlohmann::json()));
        decision.score = numberOr(d.value("score", nlohmann::json()));
        decision.caseWeight = numberOr(d.value("case_weight", nlohmann::json()));
        decision.withinDeadline = d.value("within_deadline", false);
        decision.checks = d.value("checks", 0);
        decision.recordsChecked = d.value("records_checked", false);
        decision.childSeen = d.value("child_seen", false);
        decisions.push_back(std::move(decision));
      }
      // All of the attempt or none of it: an interrupted import can simply be run again.
      if (auto added = store.importAttempt(row, lines, std::move(decisions)); !added) {
        return added.error();
      }
      ++counts.added;
    }
  } catch (const nlohmann::json::exception& error) {
    return core::Error{std::string("the results file is malformed: ") + error.what()};
  }
  return counts;
}

} // namespace sim::exchange
