// The printable workshop report: per decision point the room's first votes and revote
// beside the panellists' (charts with their tables), the shift after discussion, the
// share within, below and above the panel's band, who was confident and outside it, the
// room's mean chance of harm against the panel's, the panel's reasoning; then the whole
// workshop's conversion and agreement from the same decision rows `report` reads.
#include "sim/report/workshop_report.hpp"

#include "sim/report/html_charts.hpp"
#include "sim/report/text_format.hpp"
#include "sim/scoring/analytics.hpp"
#include "sim/workshop/room_decisions.hpp"
#include "sim/workshop/room_spread.hpp"

#include <sstream>

namespace sim::report {

namespace {

LevelShares sharesOf(const std::array<int, 6>& counts) {
  scoring::LevelCounts wide{};
  for (std::size_t i = 0; i < counts.size(); ++i) {
    wide.at(i) = counts.at(i);
  }
  return scoring::shares(wide);
}

LevelShares panellistShares(const core::PanelReview& panel) {
  scoring::LevelCounts counts{};
  for (const auto& member : panel.panellists) {
    ++counts.at(static_cast<std::size_t>(core::ordinal(member.decision)));
  }
  return scoring::shares(counts);
}

void writePause(std::ostringstream& out, const workshop::WorkshopRun& run, int c, int p,
                const core::PanelReview& panel) {
  const auto& scenario = run.attempt(c).scenario();
  const int point = run.decisionPointOf(c, p);
  const auto& dp = scenario.decisionPoints.at(static_cast<std::size_t>(point));
  const auto votes = run.votesAt(c, p);
  const auto first = workshop::spreadOf(votes, workshop::Round::First, panel);
  const auto revote = workshop::spreadOf(votes, workshop::Round::Revote, panel);
  out << "<h2>" << escapeHtml(scenario.meta.title) << ": " << escapeHtml(dp.title) << "</h2>\n";
  if (first.votes == 0) {
    out << "<p>The room did not vote here.</p>\n";
    return;
  }
  out << "<p>The panel's decision: " << escapeHtml(core::labelOf(panel.consensus))
      << "; its reasonable range " << escapeHtml(core::labelOf(panel.bandMin)) << " to "
      << escapeHtml(core::labelOf(panel.bandMax)) << ".</p>\n";
  const ChartComparison panellists{"each panellist's own decision, made blind", "the panellists'",
                                   "Panellists"};
  out << "<h3>The room's first votes</h3>\n"
      << conversionChart(sharesOf(first.counts), panellistShares(panel), "the room's first votes",
                         panellists);
  const auto& final = revote.votes > 0 ? revote : first;
  if (revote.votes > 0) {
    out << "<h3>After discussion</h3>\n"
        << conversionChart(sharesOf(revote.counts), panellistShares(panel),
                           "the room after discussion", panellists);
    const auto shift = workshop::shiftOf(votes, panel);
    out << "<p>After discussion " << shift.changed << " of " << shift.voted
        << " changed their answer: " << shift.toward << " toward the panel's range, " << shift.away
        << " away from it.</p>\n";
  }
  const double n = final.votes;
  out << "<table><tr><th>The room's final votes</th><th>Count</th><th>Share</th></tr>\n"
      << "<tr><td>Within the panel's range</td><td>" << final.within << "</td><td>"
      << formatPercent(final.within / n) << "</td></tr>\n"
      << "<tr><td>Below it</td><td>" << final.below << "</td><td>" << formatPercent(final.below / n)
      << "</td></tr>\n"
      << "<tr><td>Above it</td><td>" << final.above << "</td><td>" << formatPercent(final.above / n)
      << "</td></tr>\n"
      << "<tr><td>Confident (4 or 5) and outside it</td><td>" << final.confidentOutside
      << "</td><td>" << formatPercent(final.confidentOutside / n) << "</td></tr>\n</table>\n";
  if (final.meanPHarm && panel.pSignificantHarm) {
    out << "<p>Chance of significant harm within 12 months: the room "
        << formatFixed(*final.meanPHarm, 0) << "% on average, the panel "
        << formatFixed(*panel.pSignificantHarm * 100.0, 0) << "%.</p>\n";
  }
  out << "<p>Pairs of tables choosing the same response: "
      << (final.pairsAgreeing.defined ? formatPercent(final.pairsAgreeing.value)
                                      : std::string("not defined"))
      << ".</p>\n<p class=\"note\">" << escapeHtml(panel.rationale) << "</p>\n";
}

} // namespace

std::string workshopReportHtml(const workshop::WorkshopRun& run, const std::string& cohort,
                               const core::ScenarioIndex& cases) {
  std::ostringstream out;
  const auto& plan = run.plan();
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      << "<title>Frontdoor workshop: " << escapeHtml(plan.title) << "</title><style>" << kPrintStyle
      << "</style></head><body>\n<h1>" << escapeHtml(plan.title) << "</h1>\n";
  out << "<p>" << run.participants().size() << " tables or people; " << plan.cases.size()
      << " cases. Workshop: " << escapeHtml(cohort) << ".</p>\n";
  for (std::size_t c = 0; c < plan.cases.size(); ++c) {
    for (std::size_t p = 0; p < plan.cases[c].pauses.size(); ++p) {
      const int ci = static_cast<int>(c);
      const int pi = static_cast<int>(p);
      const int point = run.decisionPointOf(ci, pi);
      if (point < 0) {
        continue;
      }
      const auto& scenario = run.attempt(ci).scenario();
      if (const auto* panel =
              scenario.panelFor(scenario.decisionPoints.at(static_cast<std::size_t>(point)).id)) {
        writePause(out, run, ci, pi, *panel);
      }
    }
  }
  // The whole workshop, from the rows the decisions table holds (the same as `report`).
  const auto report = scoring::analyse(workshop::finalDecisionRows(run, cohort), &cases);
  out << "<h2>The whole workshop</h2>\n<p>" << report.decisions
      << " final votes. The same figures come from <code>frontdoor-cli report</code> on the "
         "workshop's decisions table.</p>\n";
  out << conversionChart(report, "the room");
  out << "<p>Fleiss' kappa among the tables (agreement beyond chance, over the decision "
         "points): "
      << escapeHtml(kappaText(report.fleissKappa)) << ".</p>\n";
  if (report.panel) {
    out << "<p>Against the panels: " << report.panel->within << " within the range, "
        << report.panel->under << " below it, " << report.panel->over << " above it.</p>\n";
  }
  out << "</body></html>\n";
  return out.str();
}

} // namespace sim::report
