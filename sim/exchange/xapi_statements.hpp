// xAPI statements (IEEE 9274.1.1) for the attempts in a results database, for a learning
// record store: per attempt `initialized`, one readable `answered` statement per decision
// (the response, the score, the scenario version in context), then `completed` and
// `terminated` when the attempt is finished; and a workshop's votes, one statement each. The actor
// is a pseudonymous account, never an e-mail address. Identifiers are UUIDs derived from the
// attempt, so a repeated export gives the same statements and a record store can drop duplicates.
#pragma once

#include "sim/storage/results_store.hpp"
#include "sim/workshop/workshop_run.hpp"

#include <map>
#include <string>

namespace sim::exchange {

inline constexpr const char* kXapiHomePage = "https://frontdoor.invalid";

/// Scenario titles by id, for readable activity names (ids are used when unknown).
using ScenarioTitles = std::map<std::string, std::string>;

/// A workshop's votes as xAPI statements: one `answered` statement per vote (first vote and
/// revote), the actor the table's or person's pseudonymous id within the workshop (`uid`),
/// the decision point the object, the round, confidence, need, urgency, p_harm and reason
/// in the result. `startedAt` (UTC ISO 8601) stamps them. A JSON array as xapiStatements.
std::string workshopXapiStatements(const workshop::WorkshopRun& run, const std::string& uid,
                                   const std::string& startedAt);

/// The statements as a JSON array, indented by two spaces, ending in a newline.
core::Result<std::string> xapiStatements(storage::ResultsStore& store,
                                         const std::optional<std::string>& practitioner,
                                         const ScenarioTitles& titles);

} // namespace sim::exchange
