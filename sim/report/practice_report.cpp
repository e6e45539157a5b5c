// The practice report as one self-contained HTML page (no scripts, no external files):
// score trend, conversion beside the panels', the reliability diagram of the re-referral
// estimates, agreement and signal detection, information habits and every decision. Each
// chart is inline SVG with a table beside it as its text equivalent; the page prints on A4.
#include "sim/report/practice_report.hpp"

#include "sim/report/html_charts.hpp"
#include "sim/report/practice_summary.hpp"
#include "sim/report/text_format.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace sim::report {

namespace {

std::string fixed(double value, int decimals = 1) { return formatFixed(value, decimals); }

} // namespace

core::Result<std::string> practiceReportHtml(storage::ResultsStore& store,
                                             const std::optional<std::string>& practitioner,
                                             const core::ScenarioIndex& scenarios) {
  const auto summary =
      summarisePractice(store, practitioner, scenarios.empty() ? nullptr : &scenarios);
  if (!summary) {
    return summary.error();
  }
  const auto& report = summary.value().analytics;
  std::vector<ScorePoint> points;
  for (const auto& record : summary.value().attempts) {
    const auto& attempt = record.attempt;
    for (const auto& d : record.decisions) {
      if (d.score) {
        points.push_back(
            {std::to_string(points.size() + 1) + ". " + attempt.scenarioId +
                 (attempt.startedAt.empty() ? "" : " (" + attempt.startedAt.substr(0, 10) + ")"),
             *d.score});
      }
    }
  }
  std::string who = "everyone in this database";
  if (practitioner) {
    const auto person = store.practitioner(*practitioner);
    who = person && person.value() ? person.value()->displayName + " (" + *practitioner + ")"
                                   : *practitioner;
  }
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      << "<title>Frontdoor practice report: " << escapeHtml(who) << "</title><style>" << kPrintStyle
      << "</style></head><body>\n<h1>Frontdoor practice report</h1>\n<p>For " << escapeHtml(who)
      << ": " << report.decisions << (report.decisions == 1 ? " decision" : " decisions") << " on "
      << report.cases.size() << (report.cases.size() == 1 ? " case" : " cases")
      << ". Scores and panels are for practice and reflection: the bundled panels are "
         "illustrative.</p>\n";
  out << "<h2>Score over time</h2>\n"
      << (points.empty() ? "<p>No scored decisions yet.</p>\n" : scoreTrendChart(points));
  out << "<h2>Conversion: what the decisions were</h2>\n"
      << conversionChart(report, "these decisions");
  out << "<h2>Agreement with the panels</h2>\n";
  if (report.panel) {
    const auto& p = *report.panel;
    out << "<table><tr><th>Figure</th><th>Value</th></tr>\n"
        << "<tr><td>Inside the panel's acceptable band</td><td>" << p.within << "</td></tr>\n"
        << "<tr><td>Below the band (under-response)</td><td>" << p.under << "</td></tr>\n"
        << "<tr><td>Above the band (over-response)</td><td>" << p.over << "</td></tr>\n"
        << "<tr><td>Quadratic-weighted kappa</td><td>"
        << (p.quadraticKappa.defined ? fixed(p.quadraticKappa.value, 2) : "n/a") << "</td></tr>\n"
        << "<tr><td>d′ for \"a statutory response is needed\"</td><td>"
        << (p.statutory.defined ? fixed(p.statutory.dPrime, 2) : "n/a") << "</td></tr>\n"
        << "<tr><td>Criterion c (positive: leans towards no statutory response)</td><td>"
        << (p.statutory.defined ? fixed(p.statutory.criterion, 2) : "n/a") << "</td></tr>\n"
        << "</table>\n";
  } else {
    out << "<p>No panels were given (export with <code>--scenarios</code>).</p>\n";
  }
  scoring::BrierDecomposition rereferral;
  scoring::Habits habits;
  for (const auto& p : report.practitioners) {
    if (report.practitioners.size() == 1) {
      rereferral = p.calibration.rereferral;
    }
    habits.checkRows += p.habits.checkRows;
    habits.checks += p.habits.checks;
    habits.recordRows += p.habits.recordRows;
    habits.recordsChecked += p.habits.recordsChecked;
    habits.childRows += p.habits.childRows;
    habits.childSeen += p.habits.childSeen;
  }
  if (report.practitioners.size() == 1) {
    out << "<h2>Re-referral estimates against what happened</h2>\n"
        << (rereferral.count == 0
                ? "<p>No re-referral estimates on cases with a known outcome yet.</p>\n"
                : reliabilityChart(rereferral));
  }
  out << "<h2>Information habits</h2>\n<table><tr><th>Habit</th><th>Value</th></tr>\n";
  const auto ratio = [](std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
  };
  out << "<tr><td>Agency checks per case</td><td>" << fixed(ratio(habits.checks, habits.checkRows))
      << "</td></tr>\n<tr><td>Records checked</td><td>"
      << formatPercent(ratio(habits.recordsChecked, habits.recordRows))
      << "</td></tr>\n<tr><td>Child seen or heard</td><td>"
      << formatPercent(ratio(habits.childSeen, habits.childRows)) << "</td></tr>\n</table>\n";
  out << "<h2>Every decision</h2>\n<table><tr><th>Practitioner</th><th>Case</th>"
         "<th>Decision</th><th>Need</th><th>p(harm)</th></tr>\n";
  for (const auto& row : summary.value().rows) {
    out << "<tr><td>" << escapeHtml(row.trainee) << "</td><td class=\"text\">"
        << escapeHtml(row.scenario) << "</td><td class=\"text\">" << core::tokenOf(row.decision)
        << "</td><td>" << (row.needLevel ? std::to_string(static_cast<int>(*row.needLevel)) : "")
        << "</td><td>" << (row.pHarm ? formatPercent(*row.pHarm) : "") << "</td></tr>\n";
  }
  out << "</table>\n<p class=\"note\">Made by Frontdoor from the results database; nothing "
         "here leaves the machine unless you share this file.</p>\n</body></html>\n";
  return out.str();
}

} // namespace sim::report
