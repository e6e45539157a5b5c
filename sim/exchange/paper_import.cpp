// Decisions tables into the results store: rows grouped into attempts (by attempt_uid, or
// one paper attempt per row with a content-derived id, FNV-1a), checked whole, then added
// in one transaction.
#include "sim/exchange/paper_import.hpp"

#include "sim/core/safe_text.hpp"

#include <algorithm>
#include <array>
#include <cinttypes>
#include <cstdio>
#include <map>
#include <set>

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

std::string optionalText(const std::optional<double>& p) {
  return p ? std::to_string(*p) : std::string();
}

// Everything a row says, apart from where it stands in the file.
std::string contentOf(const DecisionRow& r) {
  return r.trainee + "|" + r.scenario + "|" + std::string(core::tokenOf(r.decision)) + "|" +
         (r.needLevel ? std::to_string(static_cast<int>(*r.needLevel)) : "") + "|" +
         optionalText(r.pHarm) + "|" + optionalText(r.pRereferral) + "|" + r.team + "|" + r.cohort +
         "|" + (r.checks ? std::to_string(*r.checks) : "") + "|" +
         (r.recordsChecked ? (*r.recordsChecked ? "1" : "0") : "") + "|" +
         (r.childSeen ? (*r.childSeen ? "1" : "0") : "");
}

storage::DecisionRow decisionOf(const DecisionRow& r, int decisionPoint) {
  storage::DecisionRow decision;
  decision.decisionPoint = decisionPoint;
  decision.response = std::string(core::tokenOf(r.decision));
  decision.needLevel =
      r.needLevel ? std::optional<int>(static_cast<int>(*r.needLevel)) : std::nullopt;
  decision.pHarm = r.pHarm;
  decision.pRereferral = r.pRereferral;
  decision.checks = r.checks.value_or(0);
  decision.recordsChecked = r.recordsChecked.value_or(false);
  decision.childSeen = r.childSeen.value_or(false);
  return decision;
}

// The id an earlier Frontdoor gave a paper row (its values and its line), so that a table
// imported before this version is still recognised when imported again unchanged.
std::string legacyUid(const DecisionRow& r) {
  const std::string content = r.trainee + "|" + r.scenario + "|" +
                              std::string(core::tokenOf(r.decision)) + "|" + optionalText(r.pHarm) +
                              "|" + optionalText(r.pRereferral) + "|" + r.team + "|" + r.cohort +
                              "|" + std::to_string(r.line);
  return "paper-" + hex64(fnv(content)) + hex64(fnv("salt|" + content));
}

struct TableAttempt {
  storage::AttemptRow row;
  std::string legacyUid; // empty for rows with an attempt_uid
  storage::PractitionerRow person;
  std::vector<storage::DecisionRow> decisions;
  std::set<int> points;
};

} // namespace

core::Result<ImportCounts> importDecisionTable(storage::ResultsStore& store,
                                               const DecisionTable& table,
                                               const std::string& importedAt) {
  if (table.badRows > 0) {
    return core::Error{std::to_string(table.badRows) +
                       (table.badRows == 1 ? " row is" : " rows are") +
                       " not right (listed above); nothing was imported. Mend the table and "
                       "import it again."};
  }
  std::vector<TableAttempt> attempts;
  std::map<std::string, std::size_t> byUid;
  std::map<std::string, int> seenContent; // rows so far with the same values
  for (const auto& r : table.rows) {
    const std::string at = "line " + std::to_string(r.line) + ": ";
    std::string uid = r.attemptUid;
    if (uid.empty()) {
      const std::string content = contentOf(r) + "|#" + std::to_string(seenContent[contentOf(r)]++);
      uid = "paper-" + hex64(fnv(content)) + hex64(fnv("salt|" + content));
    }
    auto [it, fresh] = byUid.emplace(uid, attempts.size());
    if (fresh) {
      TableAttempt& a = attempts.emplace_back();
      a.row.uid = uid;
      a.row.practitioner = r.trainee;
      a.row.scenarioId = r.scenario;
      a.row.mode = "paper";
      a.row.status = core::AttemptStatus::Finished;
      a.row.startedAt = importedAt;
      a.row.finishedAt = importedAt;
      a.person = {r.trainee, r.trainee, r.team, r.cohort};
      a.legacyUid = r.attemptUid.empty() ? legacyUid(r) : std::string();
    }
    TableAttempt& a = attempts[it->second];
    if (a.row.practitioner != r.trainee || a.row.scenarioId != r.scenario) {
      return core::Error{
          at + "attempt_uid " + core::quotedExcerpt(uid, 40) + " is another row's attempt, by " +
          core::quotedExcerpt(a.row.practitioner, 40) + " at " +
          core::quotedExcerpt(a.row.scenarioId, 40) + "; one attempt has one trainee and one case"};
    }
    const int point = r.decisionPoint ? *r.decisionPoint - 1 : static_cast<int>(a.decisions.size());
    if (!a.points.insert(point).second) {
      return core::Error{at + "decision point " + std::to_string(point + 1) + " of attempt " +
                         core::quotedExcerpt(uid, 40) + " is given twice"};
    }
    a.decisions.push_back(decisionOf(r, point));
  }

  ImportCounts counts;
  const auto written = store.atomically([&]() -> core::Result<storage::Ok> {
    for (const auto& a : attempts) {
      auto known = alreadyImported(store, a.row.uid, counts);
      if (known && !known.value() && !a.legacyUid.empty()) {
        known = alreadyImported(store, a.legacyUid, counts);
      }
      if (!known) {
        return known.error();
      }
      if (known.value()) {
        continue; // already there: counted as skipped
      }
      if (auto adopted = adoptPractitioner(store, a.person, counts); !adopted) {
        return adopted.error();
      }
      if (auto added = store.importAttempt(a.row, {}, a.decisions); !added) {
        return added.error();
      }
      ++counts.added;
    }
    return storage::Ok{};
  });
  if (!written) {
    return written.error();
  }
  // One note per practitioner, however many rows named them.
  std::sort(counts.notes.begin(), counts.notes.end());
  counts.notes.erase(std::unique(counts.notes.begin(), counts.notes.end()), counts.notes.end());
  return counts;
}

} // namespace sim::exchange
