// Paper attempts: one finished attempt of mode "paper" per row of a decisions table, with a
// unique id derived from the row's content and line (FNV-1a), so a repeated import of the
// same file is recognised row by row.
#include "sim/exchange/paper_import.hpp"

#include <array>
#include <cinttypes>
#include <cstdio>

namespace sim::exchange {

namespace {

std::string hex64(std::uint64_t value) {
  std::array<char, 20> out{};
  std::snprintf(out.data(), out.size(), "%016" PRIx64, value);
  return out.data();
}

std::uint64_t fnv(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

} // namespace

core::Result<ImportCounts> importDecisionTable(storage::ResultsStore& store,
                                               const DecisionTable& table,
                                               const std::string& importedAt) {
  ImportCounts counts;
  for (const auto& r : table.rows) {
    const std::string response(core::tokenOf(r.decision));
    const auto pct = [](const std::optional<double>& p) {
      return p ? std::to_string(*p) : std::string();
    };
    const std::string content = r.trainee + "|" + r.scenario + "|" + response + "|" + pct(r.pHarm) +
                                "|" + pct(r.pRereferral) + "|" + r.team + "|" + r.cohort + "|" +
                                std::to_string(r.line);
    storage::AttemptRow row;
    row.uid = "paper-" + hex64(fnv(content)) + hex64(fnv("salt|" + content));
    const auto known = alreadyImported(store, row.uid, counts);
    if (!known) {
      return known.error();
    }
    if (known.value()) {
      continue; // already there: counted as skipped
    }
    const auto person = store.practitioner(r.trainee);
    if (!person) {
      return person.error();
    }
    if (!person.value()) {
      if (auto saved = store.savePractitioner({r.trainee, r.trainee, r.team, r.cohort}); !saved) {
        return saved.error();
      }
    }
    row.practitioner = r.trainee;
    row.scenarioId = r.scenario;
    row.scenarioHash = "";
    row.mode = "paper";
    row.status = core::AttemptStatus::Finished;
    row.startedAt = importedAt;
    row.finishedAt = importedAt;
    storage::DecisionRow decision;
    decision.decidedAt = "";
    decision.response = response;
    decision.needLevel =
        r.needLevel ? std::optional<int>(static_cast<int>(*r.needLevel)) : std::nullopt;
    decision.pHarm = r.pHarm;
    decision.pRereferral = r.pRereferral;
    decision.checks = r.checks.value_or(0);
    decision.recordsChecked = r.recordsChecked.value_or(false);
    decision.childSeen = r.childSeen.value_or(false);
    if (auto added = store.importAttempt(row, {}, {decision}); !added) {
      return added.error();
    }
    ++counts.added;
  }
  return counts;
}

} // namespace sim::exchange
