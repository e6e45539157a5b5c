// Report rendering. JSON is the reference form (every figure, documented keys); text, CSV
// and HTML present the same figures for people, spreadsheets and printing. Practitioners
// are written one by one as their stream makes them; text, CSV and HTML go out in pieces.
#include "sim/report/group_report.hpp"

#include "sim/core/csv_field.hpp"
#include "sim/report/html_charts.hpp"
#include "sim/report/play_report.hpp"
#include "sim/report/text_format.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <sstream>

namespace sim::report {

namespace {

using Json = nlohmann::ordered_json;
using scoring::LevelCounts;

// Rounded for display; + 0.0 turns -0.0 into 0.
double rounded(double value, double scale = 10000.0) {
  return std::round(value * scale) / scale + 0.0;
}

Json levels(const LevelCounts& counts, bool asShares) {
  Json out;
  const auto share = scoring::shares(counts);
  for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
    const auto i = static_cast<std::size_t>(core::ordinal(entry.value));
    out[std::string(entry.token)] = asShares ? Json(rounded(share.at(i))) : Json(counts.at(i));
  }
  return out;
}

Json statistic(const scoring::Statistic& s) {
  return {{"value", rounded(s.value)}, {"defined", s.defined}, {"note", s.note}};
}

Json comparison(const scoring::PanelComparison& c) {
  Json confusion = Json::array();
  for (int r = 0; r < core::kResponseLevels; ++r) {
    Json row = Json::array();
    for (int col = 0; col < core::kResponseLevels; ++col) {
      row.push_back(c.confusion.at(r, col));
    }
    confusion.push_back(std::move(row));
  }
  return {{"decisions", c.decisions},
          {"under", c.under},
          {"within", c.within},
          {"over", c.over},
          {"panel_conversion", levels(c.panelConversion, true)},
          {"confusion", std::move(confusion)},
          {"quadratic_kappa", statistic(c.quadraticKappa)},
          {"statutory",
           {{"hit_rate", rounded(c.statutory.hitRate)},
            {"false_alarm_rate", rounded(c.statutory.falseAlarmRate)},
            {"d_prime", rounded(c.statutory.dPrime)},
            {"criterion", rounded(c.statutory.criterion)},
            {"defined", c.statutory.defined}}}};
}

Json optionalComparison(const std::optional<scoring::PanelComparison>& c) {
  return c ? comparison(*c) : Json(nullptr);
}

Json calibration(const scoring::CalibrationSummary& c) {
  Json bins = Json::array();
  for (const auto& bin : c.rereferral.bins) {
    if (bin.count == 0) {
      continue; // empty bins carry nothing; leaving them out keeps big reports small
    }
    bins.push_back({{"lower", rounded(bin.lower)},
                    {"upper", rounded(bin.upper)},
                    {"count", bin.count},
                    {"mean_forecast", rounded(bin.meanForecast)},
                    {"observed_frequency", rounded(bin.observedFrequency)}});
  }
  Json byLevel;
  for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
    const auto& mean = c.meanHarmByLevel.at(static_cast<std::size_t>(core::ordinal(entry.value)));
    byLevel[std::string(entry.token)] = mean ? Json(rounded(*mean)) : Json(nullptr);
  }
  return {{"harm_estimates", c.harmEstimates},
          {"harm_gap_to_panel", rounded(c.harmGapToPanel)},
          {"mean_harm_by_level", std::move(byLevel)},
          {"rereferral",
           {{"count", c.rereferral.count},
            {"brier", rounded(c.rereferral.brier)},
            {"reliability", rounded(c.rereferral.reliability)},
            {"resolution", rounded(c.rereferral.resolution)},
            {"uncertainty", rounded(c.rereferral.uncertainty)},
            {"within_bin", rounded(c.rereferral.withinBin)},
            {"bins", std::move(bins)}}}};
}

Json ratio(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? Json(rounded(static_cast<double>(part) / static_cast<double>(whole)))
                   : Json(nullptr);
}

Json habits(const scoring::Habits& h) {
  return {{"checks_per_case", ratio(h.checks, h.checkRows)},
          {"records_checked", ratio(h.recordsChecked, h.recordRows)},
          {"child_seen", ratio(h.childSeen, h.childRows)},
          {"rows", {{"checks", h.checkRows}, {"records", h.recordRows}, {"child", h.childRows}}}};
}

Json group(const scoring::GroupSummary& g) {
  return {{"name", g.name},
          {"decisions", g.decisions},
          {"practitioners", g.practitioners},
          {"conversion", levels(g.conversion, true)},
          {"fleiss_kappa", statistic(g.fleissKappa)},
          {"pairwise_agreement", statistic(g.pairwiseAgreement)},
          {"vs_panel", optionalComparison(g.panel)}};
}

std::string fixed(double value, int decimals = 2) { return formatFixed(value, decimals); }

std::string signalText(const scoring::SignalDetection& s) {
  return s.defined ? "d' " + fixed(s.dPrime) + ", c " + fixed(s.criterion)
                   : "d' and c n/a (no cases on one side of the s17 threshold)";
}

// A report written in pieces: text gathers in stream() and goes to `out` every 64 KiB or
// so (made safe for a terminal on the way when asked), and at flush().
class Pieces {
public:
  Pieces(std::ostream& out, bool forTerminal) : m_out(out), m_forTerminal(forTerminal) {}
  std::ostream& stream() { return m_piece; }
  void flushWhenFull() {
    if (m_piece.tellp() >= kPieceBytes) {
      flush();
    }
  }
  void flush() {
    std::string text = m_piece.str();
    m_out << (m_forTerminal ? printableForTerminal(std::move(text)) : text);
    m_piece.str(std::string());
  }

private:
  static constexpr std::streamoff kPieceBytes = 64 * 1024;
  std::ostream& m_out;
  bool m_forTerminal;
  std::ostringstream m_piece;
};

void writeText(const scoring::Report& report, const scoring::PractitionerStream& practitioners,
               Pieces& pieces);
void writeCsv(const scoring::PractitionerStream& practitioners, Pieces& pieces);
void writeHtml(const scoring::Report& report, const scoring::PractitionerStream& practitioners,
               Pieces& pieces);

} // namespace

void writeReportJson(const scoring::Report& report, std::ostream& out) {
  writeReportJson(report, scoring::ListedPractitioners(report.practitioners), out);
}

void writeReportJson(const scoring::Report& report,
                     const scoring::PractitionerStream& practitioners, std::ostream& out) {
  Json root;
  root["format"] = 1;
  root["decisions"] = report.decisions;
  root["bad_rows"] = report.badRows;
  root["with_panels"] = report.withPanels;
  root["conversion"] = levels(report.conversion, true);
  root["conversion_counts"] = levels(report.conversion, false);
  root["agreement"] = {{"fleiss_kappa", rounded(report.fleissKappa.value)},
                       {"fleiss_kappa_defined", report.fleissKappa.defined},
                       {"fleiss_kappa_note", report.fleissKappa.note},
                       {"pairwise", rounded(report.pairwiseAgreement.value)}};
  root["vs_panel"] = optionalComparison(report.panel);
  Json cases = Json::array();
  for (const auto& c : report.cases) {
    Json item = {
        {"scenario", c.scenario}, {"decisions", c.decisions}, {"spread", levels(c.spread, false)}};
    if (c.panel != nullptr) {
      item["consensus"] = core::tokenOf(c.panel->consensus);
      item["band"] = {{"min", core::tokenOf(c.panel->bandMin)},
                      {"max", core::tokenOf(c.panel->bandMax)}};
    }
    cases.push_back(std::move(item));
  }
  root["cases"] = std::move(cases);
  Json teams = Json::array();
  for (const auto& g : report.teams) {
    teams.push_back(group(g));
  }
  root["teams"] = std::move(teams);
  Json cohorts = Json::array();
  for (const auto& g : report.cohorts) {
    cohorts.push_back(group(g));
  }
  root["cohorts"] = std::move(cohorts);
  root["unknown_scenarios"] = report.unknownScenarios;
  // Practitioners come last and are written one by one, one compact object per line: a
  // table may hold hundreds of thousands of them, and a document tree of them all would
  // take gigabytes.
  std::string head = root.dump(2);
  head.resize(head.size() - 2); // drop the closing "\n}"
  out << head << ",\n  \"practitioners\": [";
  bool first = true;
  practitioners.forEach([&](const scoring::PractitionerSummary& p) {
    const Json person = {{"trainee", p.trainee},
                         {"team", p.team},
                         {"cohort", p.cohort},
                         {"decisions", p.decisions},
                         {"conversion", levels(p.conversion, true)},
                         {"vs_panel", optionalComparison(p.panel)},
                         {"calibration", calibration(p.calibration)},
                         {"habits", habits(p.habits)}};
    out << (first ? "\n    " : ",\n    ") << person.dump();
    first = false;
  });
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
}

std::string reportJson(const scoring::Report& report) {
  std::ostringstream out;
  writeReportJson(report, out);
  return out.str();
}

std::string reportText(const scoring::Report& report) {
  std::ostringstream text;
  Pieces pieces(text, false);
  writeText(report, scoring::ListedPractitioners(report.practitioners), pieces);
  pieces.flush();
  return text.str();
}

std::string reportCsv(const scoring::Report& report) {
  std::ostringstream text;
  Pieces pieces(text, false);
  writeCsv(scoring::ListedPractitioners(report.practitioners), pieces);
  pieces.flush();
  return text.str();
}

std::string reportHtml(const scoring::Report& report) {
  std::ostringstream text;
  Pieces pieces(text, false);
  writeHtml(report, scoring::ListedPractitioners(report.practitioners), pieces);
  pieces.flush();
  return text.str();
}

namespace {

void writeText(const scoring::Report& report, const scoring::PractitionerStream& practitioners,
               Pieces& pieces) {
  std::ostream& out = pieces.stream();
  out << "Decisions: " << report.decisions;
  if (report.badRows > 0) {
    out << " (" << report.badRows << " bad rows skipped)";
  }
  out << "; practitioners: " << practitioners.count() << "; cases: " << report.cases.size()
      << "\n\nConversion (share of each response):\n";
  const auto mine = scoring::shares(report.conversion);
  const auto panel = report.panel ? scoring::shares(report.panel->panelConversion)
                                  : std::array<double, core::kResponseLevels>{};
  for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
    const auto i = static_cast<std::size_t>(core::ordinal(entry.value));
    out << "  " << std::left << std::setw(12) << entry.token << std::right << std::setw(7)
        << formatPercent(mine.at(i));
    if (report.panel) {
      out << "   panel " << std::setw(7) << formatPercent(panel.at(i));
    }
    out << "\n";
  }
  out << "\nAgreement among practitioners: Fleiss' kappa " << kappaText(report.fleissKappa)
      << ", pairwise agreement "
      << (report.pairwiseAgreement.defined ? formatPercent(report.pairwiseAgreement.value) : "n/a")
      << "\n";
  if (report.panel) {
    const auto& p = *report.panel;
    out << "Against the panels: " << p.within << " within the band, " << p.under << " below, "
        << p.over << " above; quadratic-weighted kappa " << kappaText(p.quadraticKappa)
        << "; statutory response " << signalText(p.statutory) << "\n";
    out << "(Panel shares are over the " << p.decisions << " decisions on cases with a panel.)\n";
  }
  out << "\nCases:\n";
  for (const auto& c : report.cases) {
    out << "  " << c.scenario << " (" << c.decisions
        << (c.decisions == 1 ? " decision" : " decisions");
    if (c.panel != nullptr) {
      out << "; panel " << core::tokenOf(c.panel->consensus);
    }
    out << "):";
    for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
      const auto n = c.spread.at(static_cast<std::size_t>(core::ordinal(entry.value)));
      if (n > 0) {
        out << " " << entry.token << " " << n;
      }
    }
    out << "\n";
  }
  out << "\nPractitioners:\n";
  practitioners.forEach([&](const scoring::PractitionerSummary& p) {
    out << "  " << p.trainee << (p.team.empty() ? "" : " [" + p.team + "]") << ": " << p.decisions
        << (p.decisions == 1 ? " decision" : " decisions");
    if (p.panel) {
      out << "; " << p.panel->within << " within, " << p.panel->under << " under, " << p.panel->over
          << " over; kappa " << kappaText(p.panel->quadraticKappa) << "; "
          << signalText(p.panel->statutory);
    }
    if (p.calibration.rereferral.count > 0) {
      out << "; re-referral Brier " << fixed(p.calibration.rereferral.brier, 3);
    }
    const auto& h = p.habits;
    if (h.checkRows > 0) {
      out << "; " << fixed(static_cast<double>(h.checks) / static_cast<double>(h.checkRows), 1)
          << " checks per case";
    }
    if (h.recordRows > 0) {
      out << "; records checked "
          << formatPercent(static_cast<double>(h.recordsChecked) /
                           static_cast<double>(h.recordRows));
    }
    if (h.childRows > 0) {
      out << "; child seen "
          << formatPercent(static_cast<double>(h.childSeen) / static_cast<double>(h.childRows));
    }
    out << "\n";
    pieces.flushWhenFull();
  });
  for (const auto* groups : {&report.teams, &report.cohorts}) {
    if (groups->empty()) {
      continue;
    }
    out << (groups == &report.teams ? "\nTeams:\n" : "\nCohorts:\n");
    for (const auto& g : *groups) {
      out << "  " << g.name << ": " << g.decisions << " decisions by " << g.practitioners
          << " practitioners; Fleiss' kappa " << kappaText(g.fleissKappa);
      if (g.panel) {
        out << "; against the panels kappa " << kappaText(g.panel->quadraticKappa);
      }
      out << "\n";
    }
  }
}

void writeCsv(const scoring::PractitionerStream& practitioners, Pieces& pieces) {
  std::ostream& out = pieces.stream();
  out << "trainee,team,cohort,decisions";
  for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
    out << ",share_" << entry.token;
  }
  out << ",within_band,under,over,quadratic_kappa,d_prime,criterion,harm_gap_to_panel,"
         "rereferral_brier\n";
  practitioners.forEach([&](const scoring::PractitionerSummary& p) {
    out << core::csvField(p.trainee) << "," << core::csvField(p.team) << ","
        << core::csvField(p.cohort) << "," << p.decisions;
    for (const double share : scoring::shares(p.conversion)) {
      out << "," << fixed(share, 4);
    }
    if (p.panel) {
      out << "," << p.panel->within << "," << p.panel->under << "," << p.panel->over << ","
          << (p.panel->quadraticKappa.defined ? fixed(p.panel->quadraticKappa.value, 4) : "") << ","
          << (p.panel->statutory.defined ? fixed(p.panel->statutory.dPrime, 4) : "") << ","
          << (p.panel->statutory.defined ? fixed(p.panel->statutory.criterion, 4) : "");
    } else {
      out << ",,,,,,";
    }
    out << "," << (p.calibration.harmEstimates > 0 ? fixed(p.calibration.harmGapToPanel, 4) : "")
        << ","
        << (p.calibration.rereferral.count > 0 ? fixed(p.calibration.rereferral.brier, 4) : "")
        << "\n";
    pieces.flushWhenFull();
  });
}

void writeHtml(const scoring::Report& report, const scoring::PractitionerStream& practitioners,
               Pieces& pieces) {
  std::ostream& out = pieces.stream();
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>Frontdoor report</title><style>"
         "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#111}"
         "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;"
         "padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}"
         "@media print{body{margin:0}}</style></head><body>\n<h1>Frontdoor report</h1>\n";
  out << "<p>" << report.decisions << " decisions by " << practitioners.count()
      << " practitioners on " << report.cases.size() << " cases.</p>\n";
  out << "<h2>Conversion</h2>\n" << conversionChart(report, "practitioners");
  out << "<h2>Agreement</h2>\n<p>Fleiss' kappa among practitioners: "
      << escapeHtml(kappaText(report.fleissKappa)) << ".</p>\n";
  out << "<h2>Practitioners</h2>\n<table><tr><th>Practitioner</th><th>Team</th>"
         "<th>Decisions</th><th>Within band</th><th>Under</th><th>Over</th><th>Kappa</th>"
         "<th>d&prime;</th><th>c</th></tr>\n";
  practitioners.forEach([&](const scoring::PractitionerSummary& p) {
    out << "<tr><td>" << escapeHtml(p.trainee) << "</td><td>" << escapeHtml(p.team) << "</td><td>"
        << p.decisions << "</td>";
    if (p.panel) {
      out << "<td>" << p.panel->within << "</td><td>" << p.panel->under << "</td><td>"
          << p.panel->over << "</td><td>" << escapeHtml(kappaText(p.panel->quadraticKappa))
          << "</td><td>" << (p.panel->statutory.defined ? fixed(p.panel->statutory.dPrime) : "n/a")
          << "</td><td>"
          << (p.panel->statutory.defined ? fixed(p.panel->statutory.criterion) : "n/a") << "</td>";
    } else {
      out << "<td colspan=\"6\">no panels given</td>";
    }
    out << "</tr>\n";
    pieces.flushWhenFull();
  });
  out << "</table>\n</body></html>\n";
}

} // namespace

std::optional<GroupFormat> parseGroupFormat(std::string_view token) {
  if (token == "text") {
    return GroupFormat::Text;
  }
  if (token == "json") {
    return GroupFormat::Json;
  }
  if (token == "csv") {
    return GroupFormat::Csv;
  }
  if (token == "html") {
    return GroupFormat::Html;
  }
  return std::nullopt;
}

void writeGroupReport(const scoring::Report& report, GroupFormat format, std::ostream& out) {
  writeGroupReport(report, scoring::ListedPractitioners(report.practitioners), format, out);
}

void writeGroupReport(const scoring::Report& report,
                      const scoring::PractitionerStream& practitioners, GroupFormat format,
                      std::ostream& out) {
  if (format == GroupFormat::Json) {
    writeReportJson(report, practitioners, out);
    return;
  }
  Pieces pieces(out, format == GroupFormat::Text);
  switch (format) {
  case GroupFormat::Json:
    break;
  case GroupFormat::Csv:
    writeCsv(practitioners, pieces);
    break;
  case GroupFormat::Html:
    writeHtml(report, practitioners, pieces);
    break;
  case GroupFormat::Text:
    writeText(report, practitioners, pieces);
    break;
  }
  pieces.flush();
}

std::vector<std::string> unknownScenarioWarnings(const scoring::Report& report,
                                                 const std::string& source) {
  constexpr std::size_t kListedUnknown = 20;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < report.unknownScenarios.size() && i < kListedUnknown; ++i) {
    out.push_back(source + ": warning: no scenario \"" + report.unknownScenarios[i] +
                  "\" with a panel in the scenarios given; its decisions are not compared with "
                  "a panel");
  }
  if (report.unknownScenarios.size() > kListedUnknown) {
    out.push_back(source + ": warning: ... and " +
                  std::to_string(report.unknownScenarios.size() - kListedUnknown) +
                  " more unknown scenarios");
  }
  return out;
}

} // namespace sim::report
