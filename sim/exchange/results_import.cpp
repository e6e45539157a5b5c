// Results files read back: the JSON checked for depth and syntax (errors at a line and
// column), every practitioner and attempt checked field by field (errors naming the attempt
// and the field), events parsed and, when the library has the case, replayed; then the
// whole file added in one transaction.
#include "sim/exchange/results_file.hpp"

#include "sim/core/codes.hpp"
#include "sim/core/safe_text.hpp"
#include "sim/core/utf8.hpp"
#include "sim/engine/action_text.hpp"
#include "sim/engine/attempt.hpp"
#include "sim/engine/event_log.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

namespace sim::exchange {

namespace {

using Json = nlohmann::json;

// A results file is four levels deep (file, attempts, attempt, decisions, decision); deeper
// text is refused before the JSON reader, whose recursion it would exhaust, sees it.
constexpr int kMaxDepth = 16;
constexpr std::size_t kMaxPractitioners = 1'000'000;
constexpr std::size_t kMaxAttempts = 1'000'000;
constexpr std::size_t kMaxEvents = 100'000; // per attempt
constexpr std::size_t kMaxDecisions = 100;  // per attempt
constexpr std::size_t kMaxIdBytes = 128;    // practitioner and case ids, content hashes
constexpr std::size_t kMaxNameBytes = 200;  // display names
constexpr std::size_t kMaxGroupBytes = 100; // teams and cohorts
constexpr std::size_t kMaxUidBytes = 64;    // attempts' unique ids
constexpr std::size_t kMaxEventBytes = 1U << 20U;
constexpr int kMaxChecks = 1000;

// A problem with the file; thrown inside this file only and turned into a core::Error.
struct Bad {
  std::string message;
};

// Line and character column of byte `offset` in `text`.
std::string lineAndColumn(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t start = lineStart == std::string_view::npos || offset == 0 ? 0 : lineStart + 1;
  const auto line =
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n') + 1;
  return "line " + std::to_string(line) + ", column " +
         std::to_string(core::codePointCount(text.substr(start, offset - start)) + 1);
}

void checkDepth(std::string_view text) {
  int depth = 0;
  bool inString = false;
  bool escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) {
        throw Bad{lineAndColumn(text, i) + ": nested more than " + std::to_string(kMaxDepth) +
                  " levels deep (a results file is four levels deep); is this a results file?"};
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

Json parseJson(std::string_view text) {
  checkDepth(text);
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& error) {
    // The reader's own words after its position prefix, made safe to print.
    std::string reason = error.what();
    if (const auto at = reason.find("column "); at != std::string::npos) {
      if (const auto colon = reason.find(": ", at); colon != std::string::npos) {
        reason = reason.substr(colon + 2);
      }
    }
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    throw Bad{lineAndColumn(text, offset) + ": not valid JSON (" + core::terminalSafe(reason, 160) +
              ")"};
  }
}

// "a number (57)", "text ('x')", ... for messages about a wrong value.
std::string found(const Json& value) {
  const std::string shown = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  const std::string excerpt = core::quotedExcerpt(shown, 40);
  switch (value.type()) {
  case Json::value_t::null:
    return "null";
  case Json::value_t::boolean:
    return value.get<bool>() ? "true" : "false";
  case Json::value_t::string:
    return "the text " + core::quotedExcerpt(value.get_ref<const std::string&>(), 40);
  case Json::value_t::array:
    return "a list of " + std::to_string(value.size());
  case Json::value_t::object:
    return "an object";
  default:
    return "the number " + excerpt.substr(1, excerpt.size() - 2);
  }
}

// Reads the fields of one JSON object, each error naming `where` and the field.
class Fields {
public:
  Fields(const Json& object, std::string where) : m_object(object), m_where(std::move(where)) {
    if (!object.is_object()) {
      fail("", "expected an object, found " + found(object));
    }
  }

  [[noreturn]] void fail(std::string_view field, const std::string& message) const {
    throw Bad{m_where + (field.empty() ? "" : ", " + std::string(field)) + ": " + message};
  }

  [[nodiscard]] const Json* get(std::string_view field) const {
    const auto it = m_object.find(field);
    return it == m_object.end() ? nullptr : &*it;
  }

  std::string text(std::string_view field, std::size_t maxBytes, bool required,
                   const std::string& otherwise = "") const {
    const Json* value = get(field);
    if (value == nullptr || (value->is_null() && !required)) {
      if (required) {
        fail(field, "missing (expected text)");
      }
      return otherwise;
    }
    if (!value->is_string()) {
      fail(field, "expected text, found " + found(*value));
    }
    const auto& s = value->get_ref<const std::string&>();
    if (required && s.empty()) {
      fail(field, "is empty");
    }
    if (auto problem = core::textProblem(s, maxBytes)) {
      fail(field, core::quotedExcerpt(s, 40) + " " + *problem);
    }
    return s;
  }

  std::int64_t integer(std::string_view field, std::int64_t lo, std::int64_t hi,
                       std::optional<std::int64_t> otherwise) const {
    const Json* value = get(field);
    if (value == nullptr) {
      if (!otherwise) {
        fail(field, "missing (expected a whole number from " + std::to_string(lo) + " to " +
                        std::to_string(hi) + ")");
      }
      return *otherwise;
    }
    const std::string expected =
        "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    if (!value->is_number_integer()) {
      fail(field, expected + ", found " + found(*value));
    }
    if (value->is_number_unsigned() &&
        value->get<std::uint64_t>() > static_cast<std::uint64_t>(hi)) {
      fail(field, expected + ", found " + found(*value));
    }
    const auto number = value->get<std::int64_t>();
    if (number < lo || number > hi) {
      fail(field, expected + ", found " + found(*value));
    }
    return number;
  }

  std::optional<double> fraction(std::string_view field, double hi) const {
    const Json* value = get(field);
    if (value == nullptr || value->is_null()) {
      return std::nullopt;
    }
    const double number =
        value->is_number() ? value->get<double>() : std::numeric_limits<double>::quiet_NaN();
    if (!value->is_number() || !std::isfinite(number) || number < 0.0 || number > hi) {
      char bound[32];
      std::snprintf(bound, sizeof bound, "%g", hi);
      fail(field, "expected a number from 0 to " + std::string(bound) + " or null, found " +
                      found(*value));
    }
    return number;
  }

  bool flag(std::string_view field) const {
    const Json* value = get(field);
    if (value == nullptr) {
      return false;
    }
    if (!value->is_boolean()) {
      fail(field, "expected true or false, found " + found(*value));
    }
    return value->get<bool>();
  }

  const Json& list(std::string_view field, std::size_t most) const {
    static const Json empty = Json::array();
    const Json* value = get(field);
    if (value == nullptr) {
      return empty;
    }
    if (!value->is_array()) {
      fail(field, "expected a list, found " + found(*value));
    }
    if (value->size() > most) {
      fail(field,
           "has " + std::to_string(value->size()) + " items; at most " + std::to_string(most));
    }
    return *value;
  }

  template <typename E> E token(std::string_view field, std::optional<E> otherwise) const {
    const std::string value = text(field, 64, !otherwise.has_value());
    if (value.empty() && otherwise) {
      return *otherwise;
    }
    if (const auto parsed = core::parseToken<E>(value)) {
      return *parsed;
    }
    fail(field,
         "expected one of " + core::tokenList<E>() + ", found " + core::quotedExcerpt(value, 40));
  }

  [[nodiscard]] const std::string& where() const { return m_where; }

private:
  const Json& m_object;
  std::string m_where;
};

bool isUid(std::string_view uid) {
  return !uid.empty() && uid.size() <= kMaxUidBytes &&
         std::all_of(uid.begin(), uid.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
         });
}

// "2026-11-25T10:00:00Z": the UTC times the store writes.
bool isUtcTime(std::string_view t) {
  constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
  if (t.size() != shape.size()) {
    return false;
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool ok = shape[i] == 'd' ? t[i] >= '0' && t[i] <= '9' : t[i] == shape[i];
    if (!ok) {
      return false;
    }
  }
  return true;
}

// Content hashes as the loader makes them ("blake2b-256:" and 64 hex digits), or empty (an
// attempt from a paper workshop has no case file behind it).
bool isContentHash(std::string_view hash) {
  constexpr std::string_view prefix = "blake2b-256:";
  if (hash.empty()) {
    return true;
  }
  if (hash.size() != prefix.size() + 64 || !hash.starts_with(prefix)) {
    return false;
  }
  return std::all_of(hash.begin() + prefix.size(), hash.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

struct PlannedAttempt {
  storage::AttemptRow row;
  std::vector<std::string> lines;
  std::vector<storage::DecisionRow> decisions;
  bool replayed = false;
};

storage::PractitionerRow readPractitioner(const Json& item, std::size_t index) {
  const Fields f(item, "practitioners[" + std::to_string(index) + "]");
  storage::PractitionerRow row;
  row.id = f.text("id", kMaxIdBytes, true);
  row.displayName = f.text("display_name", kMaxNameBytes, false, row.id);
  row.team = f.text("team", kMaxGroupBytes, false);
  row.cohort = f.text("cohort", kMaxGroupBytes, false);
  return row;
}

storage::DecisionRow readDecision(const Fields& attempt, const Json& item, std::size_t index) {
  const Fields f(item, attempt.where() + ", decisions[" + std::to_string(index) + "]");
  storage::DecisionRow d;
  d.decisionPoint = static_cast<int>(f.integer("decision_point", 0, kMaxDecisions - 1, {}));
  d.decidedAt = f.text("decided_at", 16, false);
  if (!d.decidedAt.empty() && !engine::parseSimTime(d.decidedAt)) {
    f.fail("decided_at",
           "expected a simulated time DAY/HH:MM, found " + core::quotedExcerpt(d.decidedAt, 40));
  }
  d.response = std::string(core::tokenOf(f.token<core::ResponseLevel>("response", {})));
  if (const Json* need = f.get("need_level"); need != nullptr && !need->is_null()) {
    d.needLevel = static_cast<int>(f.integer("need_level", 1, 4, {}));
  }
  const Json* urgency = f.get("urgency");
  if (urgency != nullptr &&
      !(urgency->is_string() && urgency->get_ref<const std::string&>().empty())) {
    d.urgency = std::string(core::tokenOf(f.token<core::Urgency>("urgency", {})));
  }
  d.pHarm = f.fraction("p_harm", 1.0);
  d.pRereferral = f.fraction("p_rereferral", 1.0);
  d.confidence = f.fraction("confidence", 1.0);
  d.score = f.fraction("score", 100.0);
  d.caseWeight = f.fraction("case_weight", 1.0);
  d.withinDeadline = f.flag("within_deadline");
  d.checks = static_cast<int>(f.integer("checks", 0, kMaxChecks, 0));
  d.recordsChecked = f.flag("records_checked");
  d.childSeen = f.flag("child_seen");
  return d;
}

// The attempt's decisions must be the ones its events lock, point by point.
void compareWithReplay(const Fields& f, const engine::AttemptState& state,
                       const std::vector<storage::DecisionRow>& decisions) {
  if (decisions.size() != state.decisions.size()) {
    f.fail("decisions", "has " + std::to_string(decisions.size()) +
                            " decisions but its events lock " +
                            std::to_string(state.decisions.size()));
  }
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    const auto& row = decisions[i];
    if (static_cast<std::size_t>(row.decisionPoint) >= state.decisions.size()) {
      f.fail("decisions[" + std::to_string(i) + "].decision_point",
             std::to_string(row.decisionPoint) + " is not a decision point its events lock");
    }
    const auto& locked = state.decisions[static_cast<std::size_t>(row.decisionPoint)];
    const std::string response(core::tokenOf(locked.decision.response));
    const std::string at = engine::formatSimTime(locked.decidedAt);
    if (row.response != response || row.decidedAt != at) {
      f.fail("decisions[" + std::to_string(i) + "]", "says '" + row.response + "' at " +
                                                         row.decidedAt + " but its events lock '" +
                                                         response + "' at " + at);
    }
  }
}

PlannedAttempt readAttempt(const Json& item, std::size_t index, const core::ScenarioIndex& cases) {
  const std::string position = "attempt " + std::to_string(index + 1);
  std::string where = position;
  if (item.is_object()) {
    if (const auto uid = item.find("uid"); uid != item.end() && uid->is_string()) {
      where += " (uid " + core::quotedExcerpt(uid->get_ref<const std::string&>(), 40) + ")";
    }
  }
  const Fields f(item, where);
  PlannedAttempt plan;
  auto& row = plan.row;
  row.uid = f.text("uid", kMaxUidBytes, true);
  if (!isUid(row.uid)) {
    f.fail("uid", "expected up to " + std::to_string(kMaxUidBytes) +
                      " letters, digits, '-' or '_', found " + core::quotedExcerpt(row.uid, 40));
  }
  row.practitioner = f.text("practitioner", kMaxIdBytes, true);
  row.scenarioId = f.text("scenario_id", kMaxIdBytes, true);
  row.scenarioHash = f.text("scenario_hash", kMaxIdBytes, false);
  if (!isContentHash(row.scenarioHash)) {
    f.fail("scenario_hash", "expected \"blake2b-256:\" and 64 hex digits, found " +
                                core::quotedExcerpt(row.scenarioHash, 40));
  }
  row.mode = f.text("mode", 32, false, "practice");
  if (row.mode != "practice" && row.mode != "workshop" && row.mode != "paper") {
    f.fail("mode", "expected practice, workshop or paper, found " + core::quotedExcerpt(row.mode));
  }
  row.status = f.token<core::AttemptStatus>("status", core::AttemptStatus::Finished);
  row.startedAt = f.text("started_at", 32, true);
  row.finishedAt = f.text("finished_at", 32, false);
  for (const auto& [field, value] :
       {std::pair{"started_at", row.startedAt}, std::pair{"finished_at", row.finishedAt}}) {
    if (!value.empty() && !isUtcTime(value)) {
      f.fail(field, "expected a UTC time like 2026-11-25T10:00:00Z, found " +
                        core::quotedExcerpt(value, 40));
    }
  }
  row.rules = static_cast<int>(f.integer("rules", 1, engine::kEngineRules, 1));

  const Json& events = f.list("events", kMaxEvents);
  engine::EventLog log{row.scenarioId, row.scenarioHash, row.rules, {}};
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string field = "events[" + std::to_string(i) + "]";
    if (!events[i].is_string()) {
      f.fail(field, "expected an event line, found " + found(events[i]));
    }
    const auto& line = events[i].get_ref<const std::string&>();
    if (auto problem = core::textProblem(line, kMaxEventBytes)) {
      f.fail(field, "the event line " + *problem);
    }
    auto event = engine::parseEvent(line);
    if (!event) {
      f.fail(field, core::terminalSafe(event.error().message, 300));
    }
    if (event.value().seq != static_cast<int>(i + 1)) {
      f.fail(field, "expected event number " + std::to_string(i + 1) + ", found " +
                        std::to_string(event.value().seq));
    }
    log.events.push_back(std::move(event).value());
    plan.lines.push_back(line);
  }

  const Json& decisions = f.list("decisions", kMaxDecisions);
  std::set<int> points;
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    auto d = readDecision(f, decisions[i], i);
    if (!points.insert(d.decisionPoint).second) {
      f.fail("decisions[" + std::to_string(i) + "].decision_point",
             std::to_string(d.decisionPoint) + " is given twice (each decision point once)");
    }
    plan.decisions.push_back(std::move(d));
  }

  // Replayed as the live engine would, when the library has this version of the case.
  const auto scenario = cases.find(row.scenarioId);
  if (!log.events.empty() && scenario != cases.end() &&
      scenario->second->contentHash == row.scenarioHash) {
    auto replayed = engine::Attempt::replay(scenario->second, log);
    if (!replayed) {
      f.fail("events", "do not replay against the case '" + row.scenarioId +
                           "': " + core::terminalSafe(replayed.error().message, 300));
    }
    compareWithReplay(f, replayed.value().state(), plan.decisions);
    plan.replayed = true;
  }
  return plan;
}

void checkFormat(const Json& file) {
  if (!file.is_object() || !file.contains("frontdoor_results")) {
    throw Bad{"not a Frontdoor results file (expected a JSON object with \"frontdoor_results\": " +
              std::to_string(kResultsFileFormat) + ")"};
  }
  const Json& format = file["frontdoor_results"];
  if (!format.is_number_integer() ||
      (!format.is_number_unsigned() && format.get<std::int64_t>() < 1)) {
    throw Bad{"frontdoor_results: expected the format number " +
              std::to_string(kResultsFileFormat) + ", found " + found(format)};
  }
  if (format.get<std::uint64_t>() != static_cast<std::uint64_t>(kResultsFileFormat)) {
    throw Bad{"this results file is format " + format.dump() +
              "; this version of Frontdoor reads format " + std::to_string(kResultsFileFormat) +
              ". Update Frontdoor to import it."};
  }
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

core::Result<storage::Ok> adoptPractitioner(storage::ResultsStore& store,
                                            const storage::PractitionerRow& fromFile,
                                            ImportCounts& counts) {
  const auto local = store.practitioner(fromFile.id);
  if (!local) {
    return local.error();
  }
  if (!local.value()) {
    return store.savePractitioner(fromFile);
  }
  const auto& mine = *local.value();
  std::string differences;
  const auto compare = [&](const char* what, const std::string& kept, const std::string& theirs) {
    if (kept != theirs) {
      differences += std::string(differences.empty() ? "" : ", ") + what + " " +
                     core::quotedExcerpt(kept, 40) + " (the file says " +
                     core::quotedExcerpt(theirs, 40) + ")";
    }
  };
  compare("name", mine.displayName, fromFile.displayName);
  compare("team", mine.team, fromFile.team);
  compare("cohort", mine.cohort, fromFile.cohort);
  if (!differences.empty()) {
    counts.notes.push_back("practitioner " + core::quotedExcerpt(mine.id, 40) +
                           ": kept this database's " + differences);
  }
  return storage::Ok{};
}

core::Result<ImportCounts> importResultsFile(storage::ResultsStore& store, std::string_view text,
                                             const core::ScenarioIndex& cases) {
  if (text.size() > kMaxResultsFileBytes) {
    return core::Error{"the results file is " + std::to_string(text.size()) + " bytes; at most " +
                       std::to_string(kMaxResultsFileBytes) + " are read"};
  }
  std::map<std::string, storage::PractitionerRow> people;
  std::vector<PlannedAttempt> plans;
  try {
    Json file = parseJson(text);
    checkFormat(file);
    const Fields top(file, "the results file");
    const Json& practitioners = top.list("practitioners", kMaxPractitioners);
    for (std::size_t i = 0; i < practitioners.size(); ++i) {
      auto person = readPractitioner(practitioners[i], i);
      const std::string id = person.id;
      if (!people.emplace(id, std::move(person)).second) {
        throw Bad{"practitioners[" + std::to_string(i) + "], id: " + core::quotedExcerpt(id, 40) +
                  " is listed twice"};
      }
    }
    const Json& attempts = top.list("attempts", kMaxAttempts);
    std::map<std::string, std::size_t> uids;
    for (std::size_t i = 0; i < attempts.size(); ++i) {
      auto plan = readAttempt(attempts[i], i, cases);
      if (const auto [it, fresh] = uids.emplace(plan.row.uid, i); !fresh) {
        throw Bad{"attempt " + std::to_string(i + 1) +
                  ", uid: " + core::quotedExcerpt(plan.row.uid, 40) + " is also attempt " +
                  std::to_string(it->second + 1) + "'s (each attempt once)"};
      }
      if (people.count(plan.row.practitioner) == 0) {
        const auto local = store.practitioner(plan.row.practitioner);
        if (!local) {
          return local.error();
        }
        if (!local.value()) {
          throw Bad{"attempt " + std::to_string(i + 1) +
                    ", practitioner: " + core::quotedExcerpt(plan.row.practitioner, 40) +
                    " is not among the file's practitioners nor in this database"};
        }
      }
      plans.push_back(std::move(plan));
    }
  } catch (const Bad& bad) {
    return core::Error{bad.message};
  }

  ImportCounts counts;
  std::map<std::string, int> notReplayed; // case id: attempts added without a replay
  const auto written = store.atomically([&]() -> core::Result<storage::Ok> {
    for (const auto& [id, person] : people) {
      if (auto adopted = adoptPractitioner(store, person, counts); !adopted) {
        return adopted.error();
      }
    }
    for (const auto& plan : plans) {
      const auto known = alreadyImported(store, plan.row.uid, counts);
      if (!known) {
        return known.error();
      }
      if (known.value()) {
        continue; // already there: counted as skipped
      }
      if (auto added = store.importAttempt(plan.row, plan.lines, plan.decisions); !added) {
        return added.error();
      }
      ++counts.added;
      if (plan.replayed) {
        ++counts.replayed;
      } else if (!plan.lines.empty()) {
        ++counts.unchecked;
        ++notReplayed[plan.row.scenarioId];
      }
    }
    return storage::Ok{};
  });
  if (!written) {
    return written.error();
  }
  for (const auto& [id, n] : notReplayed) {
    counts.notes.push_back(std::to_string(n) + (n == 1 ? " attempt" : " attempts") +
                           " at the case " + core::quotedExcerpt(id, 40) +
                           " could not be replayed: the library does not hold that version of "
                           "the case (their events were checked line by line)");
  }
  return counts;
}

} // namespace sim::exchange
