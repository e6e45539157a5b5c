// Text and JSON renderings of a played attempt: transcript, then each locked decision with
// its debrief. Both are built from the engine's transcript and debrief, so they show what
// the practitioner would see, nothing more.
#include "sim/report/play_report.hpp"

#include "sim/core/safe_text.hpp"

#include "sim/report/detail/score_json.hpp"
#include "sim/report/score_report.hpp"

#include "sim/engine/action_text.hpp"
#include "sim/engine/calendar.hpp"
#include "sim/engine/debrief.hpp"
#include "sim/engine/rationale.hpp"
#include "sim/engine/transcript.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <sstream>

namespace sim::report {

namespace {

using engine::SimTime;
using Json = nlohmann::ordered_json;

std::size_t at(int index) { return static_cast<std::size_t>(index); }

std::string routeId(const core::Scenario& scenario, const engine::Counterfactual& c) {
  switch (c.route) {
  case engine::RouteKind::Question:
    return scenario.questions[at(c.item)].id;
  case engine::RouteKind::Check:
    return scenario.checks[at(c.item)].id;
  case engine::RouteKind::Direct:
    return scenario.direct[at(c.item)].id;
  case engine::RouteKind::Records:
  case engine::RouteKind::Manager:
    break;
  }
  return {};
}

double rounded(double value) { return std::round(value * 100.0) / 100.0; }

std::vector<engine::Debrief> debriefsOf(const engine::Attempt& attempt) {
  std::vector<engine::Debrief> out;
  for (std::size_t i = 0; i < attempt.state().decisions.size(); ++i) {
    auto debrief = engine::debriefFor(attempt.scenario(), attempt.state(), static_cast<int>(i));
    if (debrief) {
      out.push_back(std::move(debrief).value());
    }
  }
  return out;
}

// ---- JSON ----

class JsonReport {
public:
  JsonReport(const engine::Attempt& attempt, const core::Rubric& rubric)
      : m_attempt(attempt), m_scenario(attempt.scenario()), m_calendar(m_scenario.clock),
        m_rubric(scoring::rubricFor(rubric, m_scenario)) {}

  Json build() const {
    const auto& state = m_attempt.state();
    Json root;
    root["format"] = 1;
    root["scenario"] = {{"id", m_scenario.meta.id},
                        {"version", m_scenario.meta.version},
                        {"title", m_scenario.meta.title},
                        {"content_hash", m_scenario.contentHash}};
    root["contact_arrived"] = time(SimTime::at(0, m_scenario.clock.startMinute));
    Json transcript = Json::array();
    for (const auto& line : engine::describeTranscript(m_scenario, state)) {
      transcript.push_back({{"started", time(line.started)},
                            {"at", time(line.at)},
                            {"kind", engine::entryKindToken(line.kind)},
                            {"heading", line.heading},
                            {"text", line.text},
                            {"facts_learned", facts(line.facts)}});
    }
    root["transcript"] = std::move(transcript);
    Json decisions = Json::array();
    std::vector<scoring::DecisionScore> scores;
    for (const auto& debrief : debriefsOf(m_attempt)) {
      auto score = scoring::scoreDecision(m_scenario, state, debrief.decisionPoint, m_rubric);
      decisions.push_back(
          decision(debrief, score ? detail::scoreJson(score.value()) : Json(nullptr)));
      if (score) {
        scores.push_back(std::move(score).value());
      }
    }
    root["decisions"] = std::move(decisions);
    root["overall_score"] =
        scores.empty() ? Json(nullptr)
                       : Json(std::round(scoring::weightedMeanScore(scores) * 100.0) / 100.0);
    root["end"] = {{"phase", phase(state.phase)},
                   {"clock", time(state.now)},
                   {"events", state.events},
                   {"facts_known", known()}};
    return root;
  }

private:
  static std::string_view phase(engine::Phase phase) {
    switch (phase) {
    case engine::Phase::Gathering:
      return "gathering";
    case engine::Phase::Decided:
      return "decided";
    case engine::Phase::Closed:
      return "closed";
    }
    return "?";
  }

  Json time(SimTime t) const {
    return {{"day", t.day()},
            {"time", engine::formatSimTime(t).substr(engine::formatSimTime(t).find('/') + 1)},
            {"label", m_calendar.describe(t)}};
  }

  Json facts(const std::vector<int>& indices) const {
    Json out = Json::array();
    for (const int f : indices) {
      out.push_back({{"id", m_scenario.facts[at(f)].id}, {"text", m_scenario.facts[at(f)].text}});
    }
    return out;
  }

  Json ids(const std::vector<int>& indices) const {
    Json out = Json::array();
    for (const int f : indices) {
      out.push_back(m_scenario.facts[at(f)].id);
    }
    return out;
  }

  int known() const {
    int n = 0;
    for (const auto& learned : m_attempt.state().factLearnedAt) {
      n += learned.has_value() ? 1 : 0;
    }
    return n;
  }

  static Json optionalPercent(const std::optional<int>& value) {
    return value ? Json(*value) : Json(nullptr);
  }
  // Panels write probabilities from 0 to 1; reports show percentages, as practitioners
  // give them.
  static Json optionalProbability(const std::optional<double>& value) {
    return value ? Json(std::round(*value * 1000.0) / 10.0) : Json(nullptr);
  }

  static int needNumber(core::NeedLevel level) { return static_cast<int>(level); }

  Json notes(const engine::WorkingNotes& notes) const {
    Json factors = Json::array();
    for (const auto& factor : notes.factors) {
      factors.push_back({{"number", factor.number},
                         {"side", factor.side == engine::FactorSide::Risk ? "risk" : "protective"},
                         {"code", factor.code},
                         {"fact", factor.factId},
                         {"note", factor.note}});
    }
    Json rationale;
    for (std::size_t i = 0; i < engine::kRationaleHeadings.size(); ++i) {
      rationale[std::string(engine::kRationaleHeadings.at(i).token)] = notes.rationale.at(i);
    }
    Json linked = Json::object();
    for (std::size_t i = 0; i < engine::kRationaleHeadings.size(); ++i) {
      if (engine::takesLinkedFacts(engine::kRationaleHeadings.at(i).field)) {
        linked[std::string(engine::kRationaleHeadings.at(i).token)] = notes.rationaleFacts.at(i);
      }
    }
    return {{"estimates",
             {{"p_significant_harm", optionalPercent(notes.pSignificantHarm)},
              {"p_rereferral", optionalPercent(notes.pRereferral)},
              {"confidence", optionalPercent(notes.confidence)}}},
            {"factors", std::move(factors)},
            {"rationale", std::move(rationale)},
            {"rationale_facts", std::move(linked)},
            {"safety_scale", optionalPercent(notes.safetyScale)},
            {"notes", notes.notes}};
  }

  Json panel(const engine::Debrief& debrief) const {
    const auto* panel = debrief.panel;
    if (panel == nullptr) {
      return nullptr;
    }
    Json spread;
    for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
      spread[std::string(entry.token)] =
          debrief.spread.counts.at(static_cast<std::size_t>(core::ordinal(entry.value)));
    }
    Json adjuncts = Json::array();
    for (const auto adjunct : panel->adjuncts) {
      adjuncts.push_back(core::tokenOf(adjunct));
    }
    return {
        {"consensus", core::tokenOf(panel->consensus)},
        {"band", {{"min", core::tokenOf(panel->bandMin)}, {"max", core::tokenOf(panel->bandMax)}}},
        {"need_level", needNumber(panel->needLevel)},
        {"urgency", core::tokenOf(panel->urgency)},
        {"adjuncts", std::move(adjuncts)},
        {"p_significant_harm", optionalProbability(panel->pSignificantHarm)},
        {"p_rereferral", optionalProbability(panel->pRereferral)},
        {"spread", std::move(spread)},
        {"panellists", debrief.spread.panellists},
        {"agree_with_consensus", debrief.spread.agreeWithConsensus},
        {"rationale", panel->rationale},
        {"teaching_points", panel->teachingPoints}};
  }

  Json reached(const std::vector<engine::FactReached>& list) const {
    Json out = Json::array();
    for (const auto& fact : list) {
      out.push_back({{"id", m_scenario.facts[at(fact.fact)].id}, {"reached", fact.reached}});
    }
    return out;
  }

  Json decision(const engine::Debrief& debrief, Json score) const {
    const auto& record = debrief.decision;
    const auto& point = m_scenario.decisionPoints[at(debrief.decisionPoint)];
    Json adjuncts = Json::array();
    for (const auto adjunct : record.decision.adjuncts) {
      adjuncts.push_back(core::tokenOf(adjunct));
    }
    Json notTaken = Json::array();
    for (const auto& c : debrief.notTaken) {
      notTaken.push_back({{"route", engine::routeToken(c.route)},
                          {"id", routeId(m_scenario, c)},
                          {"variant", engine::variantToken(c.variant)},
                          {"heading", c.heading},
                          {"text", c.text},
                          {"facts", ids(c.facts)},
                          {"missed_facts", ids(c.missedFacts)},
                          {"withheld", c.withheld}});
      if (!c.asked.empty()) {
        notTaken.back()["asked"] = c.asked; // the adult a consent route asks (format 2)
      }
    }
    Json events = Json::array();
    for (const int e : debrief.outcomeEvents) {
      const auto& event = m_scenario.outcome.events[at(e)];
      events.push_back(
          {{"day", event.day}, {"kind", core::tokenOf(event.kind)}, {"text", event.text}});
    }
    Json outcome = {{"final", debrief.finalDecision}, {"events", std::move(events)}};
    if (debrief.finalDecision) {
      outcome["original_decision"] = core::tokenOf(m_scenario.outcome.originalDecision);
      outcome["summary"] = m_scenario.outcome.summary;
    }
    return {{"decision_point", point.id},
            {"title", point.title},
            {"opened_at", time(record.openedAt)},
            {"deadline", time(record.deadline)},
            {"decided_at", time(record.decidedAt)},
            {"within_deadline", record.withinDeadline()},
            {"working_days_taken", rounded(debrief.workingDaysToDecide)},
            {"response", core::tokenOf(record.decision.response)},
            {"need_level", needNumber(record.decision.need)},
            {"urgency", core::tokenOf(record.decision.urgency)},
            {"adjuncts", std::move(adjuncts)},
            {"working_notes", notes(record.notes)},
            {"score", std::move(score)},
            {"debrief",
             {{"panel", panel(debrief)},
              {"critical_facts", reached(debrief.criticalFacts)},
              {"useful_facts", reached(debrief.usefulFacts)},
              {"not_taken", std::move(notTaken)},
              {"outcome", std::move(outcome)}}}};
  }

  const engine::Attempt& m_attempt;
  const core::Scenario& m_scenario;
  engine::WorkingCalendar m_calendar;
  core::Rubric m_rubric;
};

// ---- text ----

void indented(std::ostringstream& out, const std::string& text, std::string_view prefix = "    ") {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    out << prefix << line << '\n';
  }
}

std::string factList(const core::Scenario& scenario, const std::vector<int>& facts) {
  std::string out;
  for (const int f : facts) {
    out += (out.empty() ? "" : ", ") + scenario.facts[at(f)].id;
  }
  return out;
}

void textDebrief(std::ostringstream& out, const core::Scenario& scenario,
                 const engine::WorkingCalendar& calendar, const engine::Debrief& debrief) {
  const auto& record = debrief.decision;
  const auto& point = scenario.decisionPoints[at(debrief.decisionPoint)];
  out << "\n== Decision " << debrief.decisionPoint + 1 << ": " << point.title << " ==\n";
  out << "Decided " << calendar.describe(record.decidedAt) << "; due by "
      << calendar.describe(record.deadline)
      << (record.withinDeadline() ? " (within the deadline)" : " (LATE)") << "; " << std::fixed
      << std::setprecision(2) << debrief.workingDaysToDecide << " working days after it opened.\n";
  out << "Your decision: " << engine::describeDecision(record.decision) << "\n";
  const auto& notes = record.notes;
  if (notes.pSignificantHarm || notes.pRereferral || notes.confidence) {
    out << "Your estimates:";
    if (notes.pSignificantHarm) {
      out << " significant harm " << *notes.pSignificantHarm << "%";
    }
    if (notes.pRereferral) {
      out << " · re-referral within 12 months " << *notes.pRereferral << "%";
    }
    if (notes.confidence) {
      out << " · confidence " << *notes.confidence << "%";
    }
    out << "\n";
  }
  for (const auto& factor : notes.factors) {
    out << "  Factor " << factor.number << " ("
        << (factor.side == engine::FactorSide::Risk ? "risk" : "protective") << "): " << factor.code
        << (factor.code.empty() || factor.factId.empty() ? "" : " ") << factor.factId
        << (factor.note.empty() ? "" : " — " + factor.note) << "\n";
  }
  for (std::size_t i = 0; i < engine::kRationaleHeadings.size(); ++i) {
    const auto& text = notes.rationale.at(i);
    if (text.find('\n') != std::string::npos) {
      out << "  " << engine::kRationaleHeadings.at(i).title << ":\n";
      indented(out, text, "      ");
    } else if (!text.empty()) {
      out << "  " << engine::kRationaleHeadings.at(i).title << ": " << text << "\n";
    }
    const auto& linked = notes.rationaleFacts.at(i);
    if (!linked.empty()) {
      out << "  " << engine::kRationaleHeadings.at(i).title << ", facts linked:";
      for (const auto& id : linked) {
        out << " " << id;
      }
      out << "\n";
    }
  }
  if (notes.safetyScale) {
    out << "  Safety scale: " << *notes.safetyScale << " out of 10\n";
  }
  if (!notes.notes.empty()) {
    out << "  Notes:\n";
    indented(out, notes.notes);
  }
  if (const auto* panel = debrief.panel) {
    out << "Panel consensus: " << core::labelOf(panel->consensus)
        << " (acceptable: " << core::tokenOf(panel->bandMin) << " to "
        << core::tokenOf(panel->bandMax) << ")\n";
    out << "Panel spread:";
    for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
      const int n = debrief.spread.counts.at(static_cast<std::size_t>(core::ordinal(entry.value)));
      if (n > 0) {
        out << " " << entry.token << " " << n;
      }
    }
    out << " (" << debrief.spread.agreeWithConsensus << " of " << debrief.spread.panellists
        << " chose the consensus)\n";
    out << "Panel rationale:\n";
    indented(out, panel->rationale);
    for (const auto& teaching : panel->teachingPoints) {
      out << "  Teaching point: " << teaching << "\n";
    }
  }
  for (const auto& fact : debrief.criticalFacts) {
    out << "  Critical fact " << (fact.reached ? "reached" : "MISSED") << ": "
        << scenario.facts[at(fact.fact)].text << "\n";
  }
  for (const auto& fact : debrief.usefulFacts) {
    out << "  Useful fact " << (fact.reached ? "reached" : "missed") << ": "
        << scenario.facts[at(fact.fact)].text << "\n";
  }
  if (!debrief.notTaken.empty()) {
    out << "What you did not see before deciding:\n";
    for (const auto& c : debrief.notTaken) {
      out << "  - " << c.heading;
      if (!c.missedFacts.empty()) {
        out << " [would have shown " << factList(scenario, c.missedFacts) << "]";
      }
      out << "\n";
      indented(out, c.text, "      ");
    }
  }
  out << (debrief.finalDecision ? "What happened:\n" : "What happened next:\n");
  for (const int e : debrief.outcomeEvents) {
    const auto& event = scenario.outcome.events[at(e)];
    out << "  Day " << event.day << " (" << core::labelOf(event.kind) << "): " << event.text
        << "\n";
  }
  if (debrief.finalDecision && !scenario.outcome.summary.empty()) {
    indented(out, scenario.outcome.summary, "  ");
  }
}

} // namespace

std::string printableForTerminal(std::string text) { return core::terminalSafe(text, text.size()); }

std::string playReportJson(const engine::Attempt& attempt, const core::Rubric& rubric) {
  return JsonReport(attempt, rubric).build().dump(2) + "\n";
}

std::string playReportText(const engine::Attempt& attempt, const core::Rubric& rubric) {
  const auto& scenario = attempt.scenario();
  const auto& state = attempt.state();
  const engine::WorkingCalendar calendar(scenario.clock);
  std::ostringstream out;
  out << scenario.meta.title << " (" << scenario.meta.id << " v" << scenario.meta.version << ")\n";
  out << "Content hash " << scenario.contentHash << "\n";
  const SimTime arrived = SimTime::at(0, scenario.clock.startMinute);
  out << "Contact arrived " << calendar.describe(arrived) << "; decision due by "
      << calendar.describe(calendar.decisionDeadline(arrived)) << ".\n\n";
  for (const auto& line : engine::describeTranscript(scenario, state)) {
    out << calendar.describe(line.at) << "  " << line.heading << "\n";
    indented(out, line.text);
    if (!line.facts.empty()) {
      out << "    [learned " << factList(scenario, line.facts) << "]\n";
    }
  }
  const auto caseRubric = scoring::rubricFor(rubric, scenario);
  std::vector<scoring::DecisionScore> scores;
  for (const auto& debrief : debriefsOf(attempt)) {
    textDebrief(out, scenario, calendar, debrief);
    const auto score = scoring::scoreDecision(scenario, state, debrief.decisionPoint, caseRubric);
    if (score) {
      writeScoreText(out, score.value());
      scores.push_back(score.value());
    }
  }
  if (scores.size() > 1) {
    out << "\nOverall score over " << scores.size() << " decisions (each weighted by its case "
        << "weight): " << std::fixed << std::setprecision(1) << scoring::weightedMeanScore(scores)
        << " / 100\n"
        << std::defaultfloat;
  }
  out << "\n" << state.events << " actions; clock at " << calendar.describe(state.now) << ".\n";
  return printableForTerminal(out.str());
}

} // namespace sim::report
