// Score rendering. Points are rounded to two decimals in JSON (one in text) only when
// shown; the scoring keeps full precision.
#include "sim/report/score_report.hpp"

#include "sim/report/detail/score_json.hpp"

#include <cmath>
#include <iomanip>

namespace sim::report {

namespace {

double rounded(double value) { return std::round(value * 100.0) / 100.0; }

} // namespace

nlohmann::ordered_json detail::scoreJson(const scoring::DecisionScore& score) {
  using Json = nlohmann::ordered_json;
  Json critical = Json::array();
  for (const auto& error : score.criticalErrors) {
    critical.push_back({{"rule", error.rule}, {"text", error.text}});
  }
  Json components = Json::array();
  for (const auto& component : score.components) {
    Json lines = Json::array();
    for (const auto& line : component.lines) {
      lines.push_back({{"points", rounded(line.points)}, {"text", line.text}});
    }
    components.push_back({{"component", scoring::componentToken(component.component)},
                          {"label", scoring::componentLabel(component.component)},
                          {"scored", component.scored},
                          {"earned", rounded(component.earned)},
                          {"weight", rounded(component.weight)},
                          {"lines", std::move(lines)}});
  }
  return {
      {"total", rounded(score.total)},
      {"uncapped", rounded(score.uncapped)},
      {"earned", rounded(score.earned)},
      {"available", rounded(score.available)},
      {"critical_errors", std::move(critical)},
      {"components", std::move(components)},
      {"panel_agreement", rounded(score.panelAgreement)},
      {"case_weight", rounded(score.caseWeight)},
      {"outcome_brier", score.outcomeBrier ? Json(rounded(*score.outcomeBrier)) : Json(nullptr)}};
}

void writeScoreText(std::ostream& out, const scoring::DecisionScore& score) {
  out << std::fixed << std::setprecision(1);
  out << "Score: " << score.total << " / 100";
  if (!score.criticalErrors.empty() && score.total < score.uncapped) {
    out << " (capped from " << score.uncapped << " by a critical error)";
  }
  out << "; case weight " << std::setprecision(2) << score.caseWeight << " (panel agreement "
      << score.panelAgreement << ")\n"
      << std::setprecision(1);
  for (const auto& error : score.criticalErrors) {
    out << "  CRITICAL ERROR (" << error.rule << "): " << error.text << "\n";
  }
  for (const auto& component : score.components) {
    out << "  " << scoring::componentLabel(component.component) << ": ";
    if (component.scored) {
      out << component.earned << " / " << component.weight << "\n";
    } else {
      out << "not scored\n";
    }
    for (const auto& line : component.lines) {
      out << "    ";
      if (line.points != 0.0) {
        out << std::showpos << line.points << std::noshowpos << "  ";
      }
      out << line.text << "\n";
    }
  }
  if (score.outcomeBrier) {
    out << "  Re-referral estimate against what happened (shown, not scored): Brier "
        << std::setprecision(3) << *score.outcomeBrier << "\n";
  }
  out << std::defaultfloat;
}

} // namespace sim::report
