// The practice report as one self-contained HTML page (no scripts, no external files):
// score trend, conversion beside the panels', the reliability diagram of the re-referral
// estimates, agreement and signal detection, information habits and every decision. Each
// chart is inline SVG with a table beside it as its text equivalent; the page prints on A4.
#include "tools/cli/html_report.hpp"

#include "sim/scoring/analytics.hpp"
#include "sim/scoring/decision_table.hpp"
#include "tools/cli/text_format.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace sim::cli {

namespace {

std::string fixed(double value, int decimals = 1) { return formatFixed(value, decimals); }

struct ScorePoint {
  std::string label; // "3. s47-baby-bruise"
  double score = 0;
};

constexpr const char* kStyle =
    "body{font-family:'DejaVu Sans',sans-serif;color:#111;max-width:46em;margin:2em auto;"
    "line-height:1.4}h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;"
    "border-bottom:1px solid #999}table{border-collapse:collapse;margin:.6em 0;font-size:.9em}"
    "td,th{border:1px solid #999;padding:.25em .5em;text-align:right}"
    "th:first-child,td:first-child{text-align:left}figure{margin:1em 0;page-break-inside:avoid}"
    "figcaption{font-size:.9em;color:#333}.note{font-size:.85em;color:#333}"
    "td.text{text-align:left}"
    "@page{size:A4;margin:18mm}@media print{body{margin:0;max-width:none}"
    "h2{page-break-after:avoid}table{page-break-inside:avoid}}";

void scoreTrend(std::ostringstream& out, const std::vector<ScorePoint>& points) {
  out << "<h2>Score over time</h2>\n";
  if (points.empty()) {
    out << "<p>No scored decisions yet.</p>\n";
    return;
  }
  const double width = 600;
  const double height = 200;
  const double step =
      points.size() > 1 ? (width - 60) / static_cast<double>(points.size() - 1) : 0.0;
  out << "<figure><svg role=\"img\" aria-label=\"Score of each decision, in order\" width=\""
      << width << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height
      << "\">\n";
  for (const int level : {0, 50, 100}) {
    const double y = 170 - level * 1.5;
    out << "<line x1=\"40\" x2=\"" << width - 10 << "\" y1=\"" << y << "\" y2=\"" << y
        << "\" stroke=\"#ccc\"/><text x=\"4\" y=\"" << y + 4 << "\" font-size=\"11\">" << level
        << "</text>\n";
  }
  std::string path;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double x = 50 + step * static_cast<double>(i);
    const double y = 170 - points[i].score * 1.5;
    path += (i == 0 ? "M" : " L") + fixed(x) + " " + fixed(y);
    out << "<circle cx=\"" << fixed(x) << "\" cy=\"" << fixed(y)
        << "\" r=\"4\" fill=\"#1f4e9a\"/>\n";
  }
  out << "<path d=\"" << path << "\" fill=\"none\" stroke=\"#1f4e9a\" stroke-width=\"2\"/>\n"
      << "</svg><figcaption>Score of each decision out of 100, oldest first. The table below "
         "gives the same figures.</figcaption></figure>\n";
  out << "<table><tr><th>Decision</th><th>Score</th></tr>\n";
  for (const auto& p : points) {
    out << "<tr><td>" << escapeHtml(p.label) << "</td><td>" << fixed(p.score) << "</td></tr>\n";
  }
  out << "</table>\n";
}

void conversion(std::ostringstream& out, const scoring::Report& report) {
  const auto mine = scoring::shares(report.conversion);
  const auto panel = report.panel ? scoring::shares(report.panel->panelConversion)
                                  : std::array<double, core::kResponseLevels>{};
  out << "<h2>Conversion: what the decisions were</h2>\n"
      << "<figure><svg role=\"img\" aria-label=\"Share of each response, yours (filled) beside "
         "the panels' (outlined)\" width=\"600\" height=\"210\" viewBox=\"0 0 600 210\">\n";
  for (std::size_t i = 0; i < mine.size(); ++i) {
    const double x = 20.0 + static_cast<double>(i) * 95.0;
    const double h = mine.at(i) * 160.0;
    out << "<rect x=\"" << fixed(x) << "\" y=\"" << fixed(170.0 - h) << "\" width=\"38\" height=\""
        << fixed(h) << "\" fill=\"#1f4e9a\"/>\n";
    if (report.panel) {
      const double ph = panel.at(i) * 160.0;
      out << "<rect x=\"" << fixed(x + 42) << "\" y=\"" << fixed(170.0 - ph)
          << "\" width=\"38\" height=\"" << fixed(ph)
          << "\" fill=\"none\" stroke=\"#b35c00\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>\n";
    }
    out << "<text x=\"" << fixed(x) << "\" y=\"190\" font-size=\"12\">"
        << core::tokenOf(static_cast<core::ResponseLevel>(i)) << "</text>\n";
  }
  out << "</svg><figcaption>Filled bars: these decisions. Dashed outlines: the panels' "
         "consensus on the same cases.</figcaption></figure>\n";
  out << "<table><tr><th>Response</th><th>These decisions</th>"
      << (report.panel ? "<th>Panels</th>" : "") << "</tr>\n";
  for (std::size_t i = 0; i < mine.size(); ++i) {
    out << "<tr><td>" << escapeHtml(std::string(core::labelOf(static_cast<core::ResponseLevel>(i))))
        << "</td><td>" << formatPercent(mine.at(i)) << "</td>"
        << (report.panel ? "<td>" + formatPercent(panel.at(i)) + "</td>" : "") << "</tr>\n";
  }
  out << "</table>\n";
}

void reliability(std::ostringstream& out, const scoring::BrierDecomposition& d) {
  out << "<h2>Re-referral estimates against what happened</h2>\n";
  if (d.count == 0) {
    out << "<p>No re-referral estimates on cases with a known outcome yet.</p>\n";
    return;
  }
  out << "<figure><svg role=\"img\" aria-label=\"Reliability diagram: estimated probability "
         "against how often re-referral happened\" width=\"260\" height=\"260\" "
         "viewBox=\"0 0 260 260\">\n"
      << "<rect x=\"30\" y=\"10\" width=\"220\" height=\"220\" fill=\"none\" stroke=\"#999\"/>\n"
      << "<line x1=\"30\" y1=\"230\" x2=\"250\" y2=\"10\" stroke=\"#999\" "
         "stroke-dasharray=\"4 3\"/>\n"
      << "<text x=\"60\" y=\"252\" font-size=\"11\">estimated probability</text>\n"
      << "<text x=\"12\" y=\"190\" font-size=\"11\" transform=\"rotate(-90 12 190)\">"
         "how often it happened</text>\n";
  for (const auto& bin : d.bins) {
    if (bin.count == 0) {
      continue;
    }
    const double x = 30 + bin.meanForecast * 220;
    const double y = 230 - bin.observedFrequency * 220;
    out << "<rect x=\"" << fixed(x - 4) << "\" y=\"" << fixed(y - 4)
        << "\" width=\"8\" height=\"8\" fill=\"#1f4e9a\"/>\n";
  }
  out << "</svg><figcaption>Squares on the dashed diagonal mean the estimates came true as "
         "often as they said. The table gives each bin.</figcaption></figure>\n";
  out << "<p>Brier score " << fixed(d.brier, 3) << " = reliability " << fixed(d.reliability, 3)
      << " − resolution " << fixed(d.resolution, 3) << " + uncertainty " << fixed(d.uncertainty, 3)
      << (std::abs(d.withinBin) > 5e-4 ? " + within-bin " + fixed(d.withinBin, 3) : "")
      << " (lower is better).</p>\n";
  out << "<table><tr><th>Estimates</th><th>Decisions</th><th>Mean estimate</th>"
         "<th>Re-referred</th></tr>\n";
  for (const auto& bin : d.bins) {
    if (bin.count == 0) {
      continue;
    }
    out << "<tr><td>" << formatPercent(bin.lower) << "–" << formatPercent(bin.upper) << "</td><td>"
        << bin.count << "</td><td>" << formatPercent(bin.meanForecast) << "</td><td>"
        << formatPercent(bin.observedFrequency) << "</td></tr>\n";
  }
  out << "</table>\n";
}

} // namespace

core::Result<std::string> htmlReport(storage::ResultsStore& store,
                                     const std::optional<std::string>& practitioner,
                                     const scoring::ScenarioIndex& scenarios) {
  const auto csv = store.decisionsCsv(practitioner);
  if (!csv) {
    return csv.error();
  }
  const auto table = scoring::readDecisionTable(csv.value(), "results");
  const auto report = scoring::analyse(table.rows, scenarios.empty() ? nullptr : &scenarios);
  std::vector<ScorePoint> points;
  const auto attempts = store.allAttempts(practitioner);
  if (!attempts) {
    return attempts.error();
  }
  for (const auto& attempt : attempts.value()) {
    const auto decisions = store.decisionsOf(attempt.id);
    if (!decisions) {
      return decisions.error();
    }
    for (const auto& d : decisions.value()) {
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
      << "<title>Frontdoor practice report: " << escapeHtml(who) << "</title><style>" << kStyle
      << "</style></head><body>\n<h1>Frontdoor practice report</h1>\n<p>For " << escapeHtml(who)
      << ": " << report.decisions << (report.decisions == 1 ? " decision" : " decisions") << " on "
      << report.cases.size() << (report.cases.size() == 1 ? " case" : " cases")
      << ". Scores and panels are for practice and reflection: the bundled panels are "
         "illustrative.</p>\n";
  scoreTrend(out, points);
  conversion(out, report);
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
    reliability(out, rereferral);
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
  for (const auto& row : table.rows) {
    out << "<tr><td>" << escapeHtml(row.trainee) << "</td><td class=\"text\">"
        << escapeHtml(row.scenario) << "</td><td class=\"text\">" << core::tokenOf(row.decision)
        << "</td><td>" << (row.needLevel ? std::to_string(static_cast<int>(*row.needLevel)) : "")
        << "</td><td>" << (row.pHarm ? formatPercent(*row.pHarm) : "") << "</td></tr>\n";
  }
  out << "</table>\n<p class=\"note\">Made by Frontdoor from the results database; nothing "
         "here leaves the machine unless you share this file.</p>\n</body></html>\n";
  return out.str();
}

} // namespace sim::cli
