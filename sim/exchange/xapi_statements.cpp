// Building xAPI statements. Verbs are from the ADL vocabulary; the decision is modelled as
// a cmi.interaction of type "choice" whose choices are the six response levels, with the
// choice in result.response and the score as scaled, raw, min and max.
#include "sim/exchange/xapi_statements.hpp"

#include "sim/core/codes.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cinttypes>
#include <cstdint>
#include <cstdio>

namespace sim::exchange {

namespace {

using Json = nlohmann::ordered_json;

// A version-4-shaped UUID derived from `seed` (FNV-1a, twice), so exports are repeatable.
std::string uuidFrom(const std::string& seed) {
  std::uint64_t a = 14695981039346656037ULL;
  std::uint64_t b = 1099511628211ULL ^ 0x9E3779B97F4A7C15ULL;
  for (const char c : seed) {
    a = (a ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    b = (b ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL + 0x9E3779B97F4A7C15ULL;
  }
  std::array<char, 40> out{};
  std::snprintf(
      out.data(), out.size(), "%08x-%04x-4%03x-%04x-%012" PRIx64, static_cast<unsigned>(a >> 32U),
      static_cast<unsigned>((a >> 16U) & 0xFFFFU), static_cast<unsigned>(a & 0xFFFU),
      static_cast<unsigned>(0x8000U | ((b >> 48U) & 0x3FFFU)), b & std::uint64_t{0xFFFFFFFFFFFF});
  return out.data();
}

Json verb(const std::string& name) {
  return {{"id", "http://adlnet.gov/expapi/verbs/" + name}, {"display", {{"en-GB", name}}}};
}

std::string scenarioIri(const std::string& id) {
  return std::string(kXapiHomePage) + "/scenarios/" + id;
}

} // namespace

core::Result<std::string> xapiStatements(storage::ResultsStore& store,
                                         const std::optional<std::string>& practitioner,
                                         const ScenarioTitles& titles) {
  const auto attempts = store.allAttempts(practitioner);
  if (!attempts) {
    return attempts.error();
  }
  Json statements = Json::array();
  for (const auto& attempt : attempts.value()) {
    const auto decisions = store.decisionsOf(attempt.id);
    if (!decisions) {
      return decisions.error();
    }
    const std::string key = attempt.practitioner + "|" + attempt.scenarioHash + "|" +
                            attempt.startedAt + "|" + std::to_string(attempt.id);
    const std::string registration = uuidFrom("registration|" + key);
    const auto title =
        titles.count(attempt.scenarioId) > 0 ? titles.at(attempt.scenarioId) : attempt.scenarioId;
    const Json actor = {{"objectType", "Agent"},
                        {"account", {{"homePage", kXapiHomePage}, {"name", attempt.practitioner}}}};
    const Json scenario = {
        {"objectType", "Activity"},
        {"id", scenarioIri(attempt.scenarioId)},
        {"definition",
         {{"name", {{"en-GB", title}}},
          {"description", {{"en-GB", "Front-door referral case " + attempt.scenarioId}}},
          {"type", "http://adlnet.gov/expapi/activities/simulation"}}}};
    const Json context = {
        {"registration", registration},
        {"extensions",
         {{std::string(kXapiHomePage) + "/xapi/scenario-version", attempt.scenarioHash},
          {std::string(kXapiHomePage) + "/xapi/engine-rules", attempt.rules},
          {std::string(kXapiHomePage) + "/xapi/scoring",
           "frontdoor rubric (scenarios/rubric.toml)"}}}};
    const auto statement = [&](const std::string& kind, const std::string& verbName,
                               const Json& object, const std::string& timestamp) {
      Json s = {{"id", uuidFrom(kind + "|" + key)},
                {"actor", actor},
                {"verb", verb(verbName)},
                {"object", object},
                {"context", context},
                {"timestamp", timestamp}};
      return s;
    };
    statements.push_back(statement("initialized", "initialized", scenario, attempt.startedAt));
    for (const auto& decision : decisions.value()) {
      const std::string point = std::to_string(decision.decisionPoint + 1);
      Json choices = Json::array();
      for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
        choices.push_back({{"id", entry.token}, {"description", {{"en-GB", entry.label}}}});
      }
      const Json object = {{"objectType", "Activity"},
                           {"id", scenarioIri(attempt.scenarioId) + "/decision-points/" + point},
                           {"definition",
                            {{"name", {{"en-GB", title + ": decision " + point}}},
                             {"description",
                              {{"en-GB", "What happens next for the child: the front-door "
                                         "response to the contact"}}},
                             {"type", "http://adlnet.gov/expapi/activities/cmi.interaction"},
                             {"interactionType", "choice"},
                             {"choices", std::move(choices)}}}};
      auto s = statement("answered|" + point, "answered", object,
                         attempt.finishedAt.empty() ? attempt.startedAt : attempt.finishedAt);
      Json result = {{"response", decision.response}};
      if (decision.score) {
        result["score"] = {{"scaled", *decision.score / 100.0},
                           {"raw", *decision.score},
                           {"min", 0},
                           {"max", 100}};
      }
      result["extensions"] = {
          {std::string(kXapiHomePage) + "/xapi/need-level",
           decision.needLevel ? Json(*decision.needLevel) : Json(nullptr)},
          {std::string(kXapiHomePage) + "/xapi/urgency", decision.urgency},
          {std::string(kXapiHomePage) + "/xapi/p-significant-harm",
           decision.pHarm ? Json(*decision.pHarm) : Json(nullptr)},
          {std::string(kXapiHomePage) + "/xapi/decided-at-simulated", decision.decidedAt},
          {std::string(kXapiHomePage) + "/xapi/within-one-working-day", decision.withinDeadline}};
      s["result"] = std::move(result);
      s["context"]["contextActivities"] = {{"parent", Json::array({scenario})}};
      statements.push_back(std::move(s));
    }
    if (attempt.status == core::AttemptStatus::Finished) {
      auto completed = statement("completed", "completed", scenario, attempt.finishedAt);
      completed["result"] = {{"completion", true}};
      statements.push_back(std::move(completed));
      statements.push_back(statement("terminated", "terminated", scenario, attempt.finishedAt));
    }
  }
  // Text that is not valid UTF-8 (a name typed elsewhere) is written as U+FFFD rather than
  // failing the whole export.
  return statements.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string workshopXapiStatements(const workshop::WorkshopRun& run, const std::string& uid,
                                   const std::string& startedAt) {
  Json statements = Json::array();
  const std::string home = std::string(kXapiHomePage) + "/workshops/" + uid;
  const Json workshopActivity = {{"objectType", "Activity"},
                                 {"id", home},
                                 {"definition",
                                  {{"name", {{"en-GB", run.plan().title}}},
                                   {"type", "http://adlnet.gov/expapi/activities/meeting"}}}};
  const auto& plan = run.plan();
  for (std::size_t c = 0; c < plan.cases.size(); ++c) {
    const auto& scenario = run.attempt(static_cast<int>(c)).scenario();
    const Json scenarioActivity = {{"objectType", "Activity"},
                                   {"id", scenarioIri(scenario.meta.id)},
                                   {"definition",
                                    {{"name", {{"en-GB", scenario.meta.title}}},
                                     {"type", "http://adlnet.gov/expapi/activities/simulation"}}}};
    for (std::size_t p = 0; p < plan.cases[c].pauses.size(); ++p) {
      const int point = run.decisionPointOf(static_cast<int>(c), static_cast<int>(p));
      if (point < 0) {
        continue;
      }
      const std::string number = std::to_string(point + 1);
      const Json object = {{"objectType", "Activity"},
                           {"id", scenarioIri(scenario.meta.id) + "/decision-points/" + number},
                           {"definition",
                            {{"name", {{"en-GB", scenario.meta.title + ": decision " + number}}},
                             {"type", "http://adlnet.gov/expapi/activities/cmi.interaction"},
                             {"interactionType", "choice"}}}};
      int n = 0;
      for (const auto& vote : run.votesAt(static_cast<int>(c), static_cast<int>(p))) {
        const std::string round = vote.round == workshop::Round::First ? "first" : "revote";
        const std::string key = uid + "|" + std::to_string(c) + "|" + std::to_string(p) + "|" +
                                vote.participant + "|" + round + "|" + std::to_string(n++);
        Json result = {{"response", std::string(core::tokenOf(vote.response))}};
        result["extensions"] = {
            {std::string(kXapiHomePage) + "/xapi/round", round},
            {std::string(kXapiHomePage) + "/xapi/confidence",
             vote.confidence ? Json(*vote.confidence) : Json(nullptr)},
            {std::string(kXapiHomePage) + "/xapi/need-level",
             vote.need ? Json(std::string(core::tokenOf(*vote.need))) : Json(nullptr)},
            {std::string(kXapiHomePage) + "/xapi/urgency",
             vote.urgency ? Json(std::string(core::tokenOf(*vote.urgency))) : Json(nullptr)},
            {std::string(kXapiHomePage) + "/xapi/p-significant-harm",
             vote.pHarm ? Json(*vote.pHarm / 100.0) : Json(nullptr)},
            {std::string(kXapiHomePage) + "/xapi/reason", vote.reason}};
        Json statement = {
            {"id", uuidFrom("workshop-vote|" + key)},
            {"actor",
             {{"objectType", "Agent"},
              {"account", {{"homePage", home}, {"name", vote.participant}}}}},
            {"verb", verb("answered")},
            {"object", object},
            {"result", std::move(result)},
            {"context",
             {{"registration", uuidFrom("workshop|" + uid)},
              {"contextActivities",
               {{"parent", Json::array({scenarioActivity})},
                {"grouping", Json::array({workshopActivity})}}},
              {"extensions",
               {{std::string(kXapiHomePage) + "/xapi/scenario-version", scenario.contentHash}}}}},
            {"timestamp", startedAt}};
        statements.push_back(std::move(statement));
      }
    }
  }
  return statements.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace sim::exchange
