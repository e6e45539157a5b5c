// Key lists of every table in scenario format v2 (see scenarios/FORMAT.md), the rubric and
// workshop plans (scenarios/WORKSHOPS.md).
#include "sim/scenario/schema.hpp"

#include <array>
#include <utility>

namespace sim::scenario {

namespace {

using Keys = std::span<const std::string_view>;

constexpr std::string_view kRoot[] = {
    "format",    "scenario", "provenance",      "anonymisation", "clock",   "contact",
    "household", "facts",    "questions",       "records",       "checks",  "consent",
    "direct",    "manager",  "decision_points", "panel",         "outcome", "rubric"};
constexpr std::string_view kScenario[] = {
    "id",      "version", "title",   "practice_area", "difficulty", "expected_minutes",
    "summary", "status",  "authors", "signed_off_by"};
constexpr std::string_view kProvenance[] = {"origin", "region", "year_band", "source_system",
                                            "notes"};
constexpr std::string_view kAnonymisation[] = {
    "method",     "k_value", "date_shift", "free_text_reviewed_by", "motivated_intruder_checked",
    "reviewed_on"};
constexpr std::string_view kClock[] = {"start_day", "start_time",   "day_starts",
                                       "day_ends",  "working_days", "holidays"};
constexpr std::string_view kContact[] = {
    "channel",      "referrer_role",    "referrer_agency", "source_code", "anonymous",
    "parent_aware", "parent_consented", "presenting_text", "request",     "reveals"};
constexpr std::string_view kHousehold[] = {"children", "adults"};
constexpr std::string_view kChild[] = {"id", "name", "age_months", "unborn_weeks", "sex", "notes"};
constexpr std::string_view kAdult[] = {"id",           "name",      "role", "age_band",
                                       "in_household", "parent_of", "notes"};
constexpr std::string_view kFact[] = {"id",      "text",     "domain",         "dimension", "tag",
                                      "factors", "critical", "time_sensitive", "about"};
constexpr std::string_view kQuestion[] = {"id",      "ask",     "answer",
                                          "minutes", "reveals", "decision_point"};
constexpr std::string_view kRecords[] = {"minutes", "empty_text", "reveals", "entries"};
constexpr std::string_view kRecordEntry[] = {"day", "kind", "summary", "reveals"};
constexpr std::string_view kCheck[] = {"id",
                                       "agency",
                                       "label",
                                       "request_minutes",
                                       "consent",
                                       "parent_consents",
                                       "reply",
                                       "reply_without_consent",
                                       "decision_point"};
constexpr std::string_view kReply[] = {"latency_minutes", "completeness", "text", "reveals"};
constexpr std::string_view kConsent[] = {"who",  "answer", "minutes",
                                         "text", "checks", "decision_point"};
constexpr std::string_view kDirect[] = {"id",      "kind", "who",     "label",
                                        "minutes", "text", "reveals", "decision_point"};
constexpr std::string_view kManager[] = {"decision_point", "minutes", "text", "reveals"};
constexpr std::string_view kDecisionPoint[] = {"id",     "title",           "day",    "time",
                                               "prompt", "new_information", "reveals"};
constexpr std::string_view kPanel[] = {
    "decision_point", "consensus",          "band_min",       "band_max",  "need_level",
    "urgency",        "p_significant_harm", "p_rereferral",   "adjuncts",  "critical_facts",
    "useful_facts",   "key_factors",        "key_protective", "rationale", "teaching_points",
    "panellists",     "inappropriate"};
constexpr std::string_view kPanellist[] = {
    "role", "decision", "need_level", "p_significant_harm", "p_rereferral", "comment"};
constexpr std::string_view kInappropriate[] = {"action", "target", "who", "why"};
constexpr std::string_view kOutcome[] = {"followup_days", "original_decision", "censored",
                                         "primary_need",  "factors",           "summary",
                                         "events"};
constexpr std::string_view kOutcomeEvent[] = {
    "day", "kind", "text", "source_code", "category", "closure_reason", "same_concern"};

// The rubric (core/rubric.cpp lists the same keys with their ranges; a test checks they
// agree). A rubric file's top level is the "rubric" table plus `format`.
constexpr std::string_view kRubric[] = {"format",      "weights",   "decision", "calibration",
                                        "information", "rationale", "critical", "contested"};
constexpr std::string_view kRubricWeights[] = {"decision",    "information", "factors",
                                               "calibration", "timeliness",  "rationale"};
constexpr std::string_view kRubricDecision[] = {"script_concordance", "manager_hint_cost",
                                                "cost_matrix"};
constexpr std::string_view kRubricCalibration[] = {"zero_credit_gap"};
constexpr std::string_view kRubricInformation[] = {"critical_facts",
                                                   "records",
                                                   "child",
                                                   "referrer",
                                                   "inappropriate_penalty",
                                                   "urgent_delay_penalty",
                                                   "disproportionate_penalty"};
constexpr std::string_view kRubricRationale[] = {"worries", "complicating", "strengths",
                                                 "safety_scale", "misplaced_penalty"};
constexpr std::string_view kRubricCritical[] = {"cap",
                                                "under_response_confirmed_harm",
                                                "no_records_with_history",
                                                "missed_protection_status",
                                                "consent_raising_risk",
                                                "urgent_without_same_day_action"};
constexpr std::string_view kRubricContested[] = {"base", "slope"};

// Workshop plans (*.workshop.toml, scenarios/WORKSHOPS.md): the top level is "plan".
constexpr std::string_view kPlan[] = {"format", "workshop", "cases"};
constexpr std::string_view kPlanWorkshop[] = {"id",       "title",   "summary",
                                              "audience", "minutes", "vote"};
constexpr std::string_view kPlanCase[] = {"scenario", "pauses"};
constexpr std::string_view kPlanPause[] = {"at",   "target", "prompt", "timer_minutes",
                                           "vote", "revote", "reveal"};

constexpr std::array<std::pair<std::string_view, Keys>, 37> kTables{{
    {"", kRoot},
    {"scenario", kScenario},
    {"provenance", kProvenance},
    {"anonymisation", kAnonymisation},
    {"clock", kClock},
    {"contact", kContact},
    {"household", kHousehold},
    {"household.children", kChild},
    {"household.adults", kAdult},
    {"facts", kFact},
    {"questions", kQuestion},
    {"records", kRecords},
    {"records.entries", kRecordEntry},
    {"checks", kCheck},
    {"checks.reply", kReply},
    {"checks.reply_without_consent", kReply},
    {"consent", kConsent},
    {"direct", kDirect},
    {"manager", kManager},
    {"decision_points", kDecisionPoint},
    {"panel", kPanel},
    {"panel.panellists", kPanellist},
    {"panel.inappropriate", kInappropriate},
    {"outcome", kOutcome},
    {"outcome.events", kOutcomeEvent},
    {"rubric", kRubric},
    {"rubric.weights", kRubricWeights},
    {"rubric.decision", kRubricDecision},
    {"rubric.calibration", kRubricCalibration},
    {"rubric.information", kRubricInformation},
    {"rubric.rationale", kRubricRationale},
    {"rubric.critical", kRubricCritical},
    {"rubric.contested", kRubricContested},
    {"plan", kPlan},
    {"plan.workshop", kPlanWorkshop},
    {"plan.cases", kPlanCase},
    {"plan.cases.pauses", kPlanPause},
}};

} // namespace

std::span<const std::string_view> keysOf(std::string_view tablePath) {
  for (const auto& [path, keys] : kTables) {
    if (path == tablePath) {
      return keys;
    }
  }
  return {};
}

namespace {
bool isPlanTable(std::string_view path) { return path == "plan" || path.starts_with("plan."); }
} // namespace

std::vector<std::string> allKeyPaths() {
  std::vector<std::string> out;
  for (const auto& [path, keys] : kTables) {
    if (isPlanTable(path)) {
      continue; // workshop plans: planKeyPaths(), documented in WORKSHOPS.md
    }
    for (const auto key : keys) {
      out.push_back(path.empty() ? std::string(key) : std::string(path) + "." + std::string(key));
    }
  }
  return out;
}

std::vector<std::string> planKeyPaths() {
  std::vector<std::string> out;
  for (const auto& [path, keys] : kTables) {
    if (!isPlanTable(path)) {
      continue;
    }
    const std::string_view inFile = path == "plan" ? std::string_view() : path.substr(5);
    for (const auto key : keys) {
      out.push_back(inFile.empty() ? std::string(key)
                                   : std::string(inFile) + "." + std::string(key));
    }
  }
  return out;
}

} // namespace sim::scenario
