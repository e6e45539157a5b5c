// Inline SVG charts with their tables.
#include "sim/report/html_charts.hpp"

#include "sim/report/text_format.hpp"

#include <cmath>
#include <sstream>

namespace sim::report {

namespace {

constexpr const char* kOwn = "#1f4e9a";   // these decisions: filled
constexpr const char* kPanel = "#b35c00"; // the panels: dashed outlines

std::string fixed(double value, int decimals = 1) { return formatFixed(value, decimals); }

std::string capitalised(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

} // namespace

std::string conversionChart(const LevelShares& shares, const std::optional<LevelShares>& panel,
                            std::string_view whose) {
  return conversionChart(shares, panel, whose,
                         {"the panels' consensus on the same cases", "the panels'", "Panels"});
}

std::string conversionChart(const LevelShares& shares, const std::optional<LevelShares>& panel,
                            std::string_view whose, const ChartComparison& against) {
  std::ostringstream out;
  out << "<figure><svg role=\"img\" aria-label=\"Share of each response, " << escapeHtml(whose)
      << " (filled)" << (panel ? " beside " + escapeHtml(against.whose) + " (outlined)" : "")
      << "\" width=\"600\" height=\"210\" viewBox=\"0 0 600 210\">\n";
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const double x = 20.0 + static_cast<double>(i) * 95.0;
    const double h = shares.at(i) * 160.0;
    out << "<rect x=\"" << fixed(x) << "\" y=\"" << fixed(170.0 - h) << "\" width=\"38\" height=\""
        << fixed(h) << "\" fill=\"" << kOwn << "\"/>\n";
    if (panel) {
      const double ph = panel->at(i) * 160.0;
      out << "<rect x=\"" << fixed(x + 42) << "\" y=\"" << fixed(170.0 - ph)
          << "\" width=\"38\" height=\"" << fixed(ph) << "\" fill=\"none\" stroke=\"" << kPanel
          << "\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>\n";
    }
    out << "<text x=\"" << fixed(x) << "\" y=\"190\" font-size=\"12\">"
        << core::tokenOf(static_cast<core::ResponseLevel>(i)) << "</text>\n";
  }
  out << "</svg><figcaption>Filled bars: " << escapeHtml(whose) << "."
      << (panel ? " Dashed outlines: " + escapeHtml(against.caption) + "." : "")
      << "</figcaption></figure>\n";
  out << "<table><tr><th>Response</th><th>" << escapeHtml(capitalised(whose)) << "</th>"
      << (panel ? "<th>" + escapeHtml(against.column) + "</th>" : "") << "</tr>\n";
  for (std::size_t i = 0; i < shares.size(); ++i) {
    out << "<tr><td>" << escapeHtml(core::labelOf(static_cast<core::ResponseLevel>(i)))
        << "</td><td>" << formatPercent(shares.at(i)) << "</td>"
        << (panel ? "<td>" + formatPercent(panel->at(i)) + "</td>" : "") << "</tr>\n";
  }
  out << "</table>\n";
  return out.str();
}

std::string conversionChart(const scoring::Report& report, std::string_view whose) {
  std::optional<LevelShares> panel;
  if (report.panel) {
    panel = scoring::shares(report.panel->panelConversion);
  }
  return conversionChart(scoring::shares(report.conversion), panel, whose);
}

std::string scoreTrendChart(const std::vector<ScorePoint>& points) {
  if (points.empty()) {
    return {};
  }
  std::ostringstream out;
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
    out << "<circle cx=\"" << fixed(x) << "\" cy=\"" << fixed(y) << "\" r=\"4\" fill=\"" << kOwn
        << "\"/>\n";
  }
  out << "<path d=\"" << path << "\" fill=\"none\" stroke=\"" << kOwn << "\" stroke-width=\"2\"/>\n"
      << "</svg><figcaption>Score of each decision out of 100, oldest first. The table below "
         "gives the same figures.</figcaption></figure>\n";
  out << "<table><tr><th>Decision</th><th>Score</th></tr>\n";
  for (const auto& p : points) {
    out << "<tr><td>" << escapeHtml(p.label) << "</td><td>" << fixed(p.score) << "</td></tr>\n";
  }
  out << "</table>\n";
  return out.str();
}

std::string reliabilityChart(const scoring::BrierDecomposition& d) {
  if (d.count == 0) {
    return {};
  }
  std::ostringstream out;
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
        << "\" width=\"8\" height=\"8\" fill=\"" << kOwn << "\"/>\n";
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
  return out.str();
}

} // namespace sim::report
