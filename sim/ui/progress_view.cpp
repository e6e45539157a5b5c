// Drawing of the progress screen: the attempts table, then the charts in one or two
// columns (by the width available at the current text scale). Every chart is followed by a
// table or sentence that says the same in words, always visible, and every statistic by
// what it means in plain words. Signal detection, agreement beyond chance and calibration
// need a few decisions to mean anything: until then a sentence says what they will show.
//
// Tracked labels (tests click them): "Newest first", "Review##attempt-<id>",
// "Your decisions against the panel's consensus, as a table", "Back to cases".
#include "sim/ui/progress_view.hpp"

#include "sim/core/codes.hpp"
#include "sim/scoring/attempt_score.hpp"
#include "sim/ui/charts.hpp"
#include "sim/ui/export_panel.hpp"
#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace sim::ui {

namespace {

void bold(std::string_view text) {
  ImGui::PushFont(fonts().bold);
  ui::text(text);
  ImGui::PopFont();
}

// A bullet whose text wraps at the edge of the region.
void bullet(std::string_view text) {
  ImGui::Bullet();
  ImGui::SameLine();
  ui::text(text);
}

void cell(std::string_view text) {
  ImGui::TableNextColumn();
  ui::text(text);
}

// A cell of a text-equivalent table: one line, never wrapped (the columns fit their text).
void plainCell(std::string_view text) {
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

void headerCell(std::string_view text) {
  ImGui::TableNextColumn();
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopFont();
}

// A small table of text (a chart's text equivalent): sized to its contents.
bool beginTextTable(const char* id, int columns) {
  return ImGui::BeginTable(id, columns,
                           ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit |
                               ImGuiTableFlags_NoHostExtendX);
}

std::string share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) {
    return "-";
  }
  return percent(static_cast<double>(part) / static_cast<double>(whole));
}

std::string outOf(std::int64_t part, std::int64_t whole) {
  return std::to_string(part) + " of " + std::to_string(whole) + " (" + share(part, whole) + ")";
}

std::string statusLabel(core::AttemptStatus status) { return std::string(core::labelOf(status)); }

// Figures that compare decisions across cases need at least this many decisions (and, for
// signal detection, cases on both sides of the statutory line) before they are shown.
constexpr std::int64_t kMinimumDecisions = scoring::kMinimumDecisions;

// "2026-11-26T09:00:00Z" (UTC) -> "26 Nov 2026 09:00" in the computer's local time; the
// text as stored when it does not parse.
std::string dateLabel(const std::string& iso) {
  std::tm utc{};
  int seconds = 0;
  if (iso.size() < 16 ||
      std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday,
                  &utc.tm_hour, &utc.tm_min, &seconds) < 5) {
    return iso;
  }
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  utc.tm_sec = seconds;
  const std::time_t when = timegm(&utc);
  std::tm local{};
  if (when == static_cast<std::time_t>(-1) || localtime_r(&when, &local) == nullptr) {
    return iso;
  }
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%d %s %d %02d:%02d", local.tm_mday,
                kMonths.at(static_cast<std::size_t>(std::clamp(local.tm_mon, 0, 11))),
                local.tm_year + 1900, local.tm_hour, local.tm_min);
  return buffer.data();
}

// A sentence in place of a figure that needs more decisions.
void notYet(std::string_view text) { muted(text); }

void drawEmpty(view::IntentSink& sink) {
  heading("Your progress");
  ui::text("You have no attempts yet. Finish a case to see your progress: your scores over "
           "time, how your decisions compare with the panels', how well your risk estimates "
           "match what happened, and your information habits.");
  ImGui::Spacing();
  if (button("Back to cases")) {
    sink.push(view::ShowScreen{view::Screen::Library});
  }
}

void drawAttempts(const view::ProgressModel& model, ProgressUi& ui, view::IntentSink& sink) {
  heading("Your attempts");
  const auto finished =
      std::count_if(model.attempts.begin(), model.attempts.end(),
                    [](const auto& a) { return a.status == core::AttemptStatus::Finished; });
  ui::text(std::to_string(model.attempts.size()) +
           (model.attempts.size() == 1 ? " attempt, " : " attempts, ") + std::to_string(finished) +
           " finished.");
  ImGui::Checkbox("Newest first", &ui.newestFirst);
  track("Newest first");

  const float lh = ImGui::GetTextLineHeightWithSpacing();
  const std::size_t rows = model.attempts.size();
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                          ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  ImVec2 outer(0.0f, 0.0f);
  if (rows > 10) {
    flags |= ImGuiTableFlags_ScrollY;
    outer.y = lh * 14.0f;
  }

  // Narrow (large text or a small window): the decision and its place against the panel go
  // under the case's title instead of in columns of their own, and the date wraps.
  const float em = ImGui::GetFontSize();
  const bool compact = ImGui::GetContentRegionAvail().x < em * 60.0f;
  if (!ImGui::BeginTable("attempts", compact ? 5 : 7, flags, outer)) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Started", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize(compact ? "26 Nov 2026" : "26 Nov 2026 09:00").x);
  ImGui::TableSetupColumn("Case", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("Not finished").x);
  ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("Score").x + em * 0.5f);
  if (!compact) {
    ImGui::TableSetupColumn("Decision", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Against the panel", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  }
  ImGui::TableSetupColumn("Review", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("Review").x + em);
  ImGui::TableHeadersRow();
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t i = ui.newestFirst ? rows - 1 - r : r;
    const view::AttemptSummary& attempt = model.attempts[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    cell(dateLabel(attempt.startedAt));
    cell(attempt.title);
    if (compact && !attempt.decision.empty()) {
      muted(attempt.decision +
            (attempt.againstPanel.empty() ? std::string() : ", " + attempt.againstPanel));
    }
    cell(statusLabel(attempt.status));
    cell(attempt.score ? fixed(*attempt.score, 0) : "—");
    if (!compact) {
      cell(attempt.decision.empty() ? "—" : attempt.decision);
      cell(attempt.againstPanel.empty() ? "—" : attempt.againstPanel);
    }
    ImGui::TableNextColumn();
    if (attempt.status == core::AttemptStatus::Finished) {
      const std::string label = "Review##attempt-" + std::to_string(attempt.attemptId);
      if (button(label.c_str())) {
        sink.push(view::ReviewAttempt{attempt.attemptId});
      }
      tooltip("Open the debrief of " + attempt.title + " (started " + dateLabel(attempt.startedAt) +
              ")");
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void drawTrend(const view::ProgressModel& model) {
  heading("Score over time");
  if (model.trend.empty()) {
    ui::text("No finished attempts yet: your scores appear here once you finish a case.");
    return;
  }
  LineChart chart;
  chart.values = model.trend;
  chart.xAxis = "finished attempts, oldest first";
  chart.yAxis = "score out of 100";
  drawLineChart(chart);
  std::string words = "Scores of your finished attempts, oldest first: ";
  for (std::size_t i = 0; i < model.trend.size(); ++i) {
    words += (i == 0 ? "" : ", ") + fixed(model.trend[i], 0);
  }
  const double mean = std::accumulate(model.trend.begin(), model.trend.end(), 0.0) /
                      static_cast<double>(model.trend.size());
  words += ". Latest " + fixed(model.trend.back(), 0) + "; average " + fixed(mean, 0) + ".";
  if (model.trend.size() >= 2) {
    const double change = std::round(model.trend.back()) - std::round(model.trend.front());
    words += " Since your first: " +
             (change == 0.0 ? std::string("no change")
                            : std::string(change > 0.0 ? "+" : "−") + fixed(std::abs(change), 0)) +
             ".";
  }
  ui::text(words);
}

void drawConversion(const scoring::PractitionerSummary& summary) {
  heading("Your decisions beside the panel's");
  const auto labels = responseLevelShortLabels();
  const auto yours = scoring::shares(summary.conversion);
  GroupedBars chart;
  chart.labels = labels;
  chart.yours.assign(yours.begin(), yours.end());
  std::array<double, core::kResponseLevels> panel{};
  if (summary.panel && summary.panel->decisions > 0) {
    panel = scoring::shares(summary.panel->panelConversion);
    chart.other.assign(panel.begin(), panel.end());
    chart.otherLabel = "Panel consensus";
  }
  chart.valueAxis = "share of decisions (axis to 100%)";
  drawGroupedBars(chart);
  const bool hasPanel = !chart.other.empty();
  ui::text("Share of your " + std::to_string(summary.decisions) +
           (summary.decisions == 1 ? " decision" : " decisions") + " at each response level" +
           (hasPanel ? ", beside the panels' consensus on the same cases:" : ":"));
  if (beginTextTable("conversion-text", hasPanel ? 3 : 2)) {
    headerCell("Response");
    headerCell("You");
    if (hasPanel) {
      headerCell("Panel");
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
      ImGui::TableNextRow();
      plainCell(labels[i]);
      plainCell(std::to_string(summary.conversion[i]) + " (" + percent(yours[i]) + ")");
      if (hasPanel) {
        plainCell(std::to_string(summary.panel->panelConversion[i]) + " (" + percent(panel[i]) +
                  ")");
      }
    }
    ImGui::EndTable();
  }
}

// Each part of the score over the finished attempts, as shares of its points, with what it
// measures and the part with most room to grow.
void drawComponents(const view::ProgressModel& progress) {
  heading("Where your points come from");
  if (progress.components.empty()) {
    ui::text("Finish a case to see how each part of your score adds up.");
    return;
  }
  std::vector<ShareBar> bars;
  const view::ComponentShare* weakest = nullptr;
  for (const auto& share : progress.components) {
    if (share.available <= 0) {
      continue;
    }
    bars.push_back({std::string(scoring::componentLabel(share.component)),
                    share.earned / share.available, true});
    if (weakest == nullptr ||
        share.earned / share.available < weakest->earned / weakest->available) {
      weakest = &share;
    }
  }
  drawShareBars(bars);
  const int n = progress.componentAttempts;
  ui::text("The share of each part's points you earned over your " + std::to_string(n) +
           (n == 1 ? " finished attempt." : " finished attempts."));
  if (weakest != nullptr) {
    ui::text("Most room to grow: " + std::string(scoring::componentLabel(weakest->component)) +
             " (" + fixed(100.0 * weakest->earned / weakest->available, 0) + "%). " +
             std::string(scoring::componentMeaning(weakest->component)));
  }
}

void drawAgreement(const scoring::PractitionerSummary& summary) {
  heading("Against the panel's band");
  if (!summary.panel || summary.panel->decisions == 0) {
    ui::text("None of your decisions so far were on cases with a panel review.");
    return;
  }
  const scoring::PanelComparison& panel = *summary.panel;
  const auto ratio = [&](std::int64_t n) {
    return static_cast<double>(n) / static_cast<double>(panel.decisions);
  };
  drawShareBars({{"Within the band", ratio(panel.within), true},
                 {"Below (under-response)", ratio(panel.under), true},
                 {"Above (over-response)", ratio(panel.over), true}});
  ui::text("Of your " + std::to_string(panel.decisions) +
           " decisions on cases with a panel: " + outOf(panel.within, panel.decisions) +
           " within the panel's band, " + outOf(panel.under, panel.decisions) + " below it and " +
           outOf(panel.over, panel.decisions) + " above it.");
  if (panel.decisions < kMinimumDecisions) {
    notYet("After a few more cases (" + std::to_string(kMinimumDecisions) +
           " or more with a panel) this also shows how closely your decisions agree with the "
           "panels' beyond what chance alone would give.");
  } else if (panel.quadraticKappa.defined) {
    const double k = panel.quadraticKappa.value;
    std::string reading;
    if (k >= 0.8) {
      reading = "your decisions agree very closely with the panels'";
    } else if (k >= 0.6) {
      reading = "your decisions agree closely with the panels'";
    } else if (k >= 0.4) {
      reading = "your decisions agree moderately with the panels'";
    } else if (k >= 0.2) {
      reading = "your decisions agree only loosely with the panels'";
    } else {
      reading = "your decisions agree with the panels' little more than chance would";
    }
    ui::text("Agreement with the panels beyond chance: " + fixed(k, 2) + ". In plain words, " +
             reading +
             ". (Quadratic-weighted kappa: 1 is full agreement, 0 no better than "
             "chance; a decision two levels away counts as a bigger disagreement than one "
             "level away.)");
  } else {
    std::string note = panel.quadraticKappa.note;
    ui::text("Agreement with the panels beyond chance (quadratic-weighted kappa) cannot be "
             "worked out yet" +
             (note.empty() ? std::string(".") : ": " + note + "."));
  }
  const std::string label = "Your decisions against the panel's consensus, as a table";
  const bool open = ImGui::CollapsingHeader(label.c_str());
  track(label.c_str());
  if (!open) {
    return;
  }
  const auto labels = responseLevelShortLabels();
  const int k = panel.confusion.categories();
  muted("Rows: the panel's consensus. Columns: your decision.");
  if (ImGui::BeginTable(
          "confusion", k + 1,
          ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX |
              ImGuiTableFlags_ScrollX,
          ImVec2(0.0f, ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(k + 3)))) {
    headerCell("Panel \\ You");
    for (int c = 0; c < k; ++c) {
      headerCell(static_cast<std::size_t>(c) < labels.size() ? labels[static_cast<std::size_t>(c)]
                                                             : std::to_string(c));
    }
    for (int r = 0; r < k; ++r) {
      ImGui::TableNextRow();
      headerCell(static_cast<std::size_t>(r) < labels.size() ? labels[static_cast<std::size_t>(r)]
                                                             : std::to_string(r));
      for (int c = 0; c < k; ++c) {
        const std::int64_t n = panel.confusion.at(r, c);
        plainCell(n == 0 ? "·" : std::to_string(n));
      }
    }
    ImGui::EndTable();
  }
}

void drawSignal(const scoring::PractitionerSummary& summary) {
  heading("Spotting when a statutory response is needed");
  if (!summary.panel || summary.panel->decisions == 0) {
    ui::text("This needs decisions on cases with a panel review.");
    return;
  }
  const scoring::SignalDetection& s = summary.panel->statutory;
  if (!s.defined || summary.panel->decisions < kMinimumDecisions) {
    notYet("After a few more cases (" + std::to_string(kMinimumDecisions) +
           " or more, some where the panel wanted a statutory response, s17 or above, and some "
           "where it did not) this shows how well you tell apart the cases that need a "
           "statutory response from those that do not, and whether you lean towards "
           "escalating or holding back.");
    return;
  }
  bold("Sensitivity (d′): " + fixed(s.dPrime, 2));
  muted("How well you tell apart the cases that need a statutory response from those that do "
        "not: 0 is no better than guessing; 2 or more is good.");
  Gauge sensitivity;
  sensitivity.min = 0.0;
  sensitivity.max = 4.0;
  sensitivity.mid = 2.0;
  sensitivity.value = s.dPrime;
  sensitivity.lowLabel = "cannot tell apart";
  sensitivity.highLabel = "tells apart well";
  drawGauge(sensitivity);
  std::string reading;
  if (s.dPrime >= 2.0) {
    reading = "You tell apart well the cases that need a statutory response from those that "
              "do not.";
  } else if (s.dPrime >= 1.0) {
    reading = "You tell apart fairly well the cases that need a statutory response from those "
              "that do not.";
  } else {
    reading = "You find it hard to tell apart the cases that need a statutory response from "
              "those that do not.";
  }
  ui::text(reading);

  ImGui::Spacing();
  bold("Bias (c): " + fixed(s.criterion, 2));
  muted("Which way you lean when unsure: below 0 you escalate more readily than the panels, "
        "above 0 you hold back more; near 0 is balanced.");
  Gauge bias;
  bias.min = -2.0;
  bias.max = 2.0;
  bias.mid = 0.0;
  bias.value = s.criterion;
  bias.lowLabel = "escalates more";
  bias.midLabel = "balanced";
  bias.highLabel = "holds back more";
  drawGauge(bias);
  if (s.criterion < -0.2) {
    reading = "You tend to escalate: you choose a statutory response more readily than the "
              "panels.";
  } else if (s.criterion > 0.2) {
    reading = "You tend to hold back: you choose a statutory response less readily than the "
              "panels.";
  } else {
    reading = "You escalate about as readily as the panels: no strong lean either way.";
  }
  ui::text(reading);
  muted("When the panel wanted a statutory response you chose one " + percent(s.hitRate) +
        " of the time; when it did not, you chose one " + percent(s.falseAlarmRate) +
        " of the time (both with a small correction so that no rate is exactly 0 or 100%).");
}

void drawCalibration(const scoring::PractitionerSummary& summary) {
  heading("Your risk estimates against what happened");
  const scoring::BrierDecomposition& b = summary.calibration.rereferral;
  if (b.count == 0) {
    ui::text("No estimates of re-referral yet: give one on the decision form and it is "
             "compared here with what actually happened.");
  } else if (b.count < kMinimumDecisions) {
    notYet("You have given " + std::to_string(b.count) +
           (b.count == 1 ? " estimate" : " estimates") +
           " of re-referral on finished cases. After a few more (" +
           std::to_string(kMinimumDecisions) +
           " or more) this shows how well your estimates match what actually happened.");
  } else {
    std::vector<ReliabilityPoint> points;
    for (const auto& bin : b.bins) {
      points.push_back({bin.meanForecast, bin.observedFrequency, bin.count});
    }
    drawReliabilityDiagram(points, "re-referral");
    ui::text("Brier score " + fixed(b.brier, 2) + " over " + std::to_string(b.count) +
             " estimates: the average squared gap between what you estimated and what "
             "happened (0 is perfect, 0.25 is what always saying 50% would score; lower is "
             "better). It splits into three parts:");
    bullet("Reliability " + fixed(b.reliability, 3) +
           ": how far your estimates are from how often things actually happened when you "
           "gave them (lower is better; 0 means when you say 30%, it happens 30% of the time).");
    bullet("Resolution " + fixed(b.resolution, 3) +
           ": how well your estimates pick out the cases where it happened from those where it "
           "did not (higher is better).");
    bullet("Uncertainty " + fixed(b.uncertainty, 3) +
           ": how unpredictable these cases were to begin with; it comes from the cases, not "
           "from you.");
    if (beginTextTable("reliability-text", 4)) {
      headerCell("Bin");
      headerCell("Estimates");
      headerCell("You predicted");
      headerCell("It happened");
      for (const auto& bin : b.bins) {
        if (bin.count == 0) {
          continue;
        }
        ImGui::TableNextRow();
        plainCell(percent(bin.lower) + "–" + percent(bin.upper));
        plainCell(std::to_string(bin.count));
        plainCell(percent(bin.meanForecast));
        plainCell(percent(bin.observedFrequency));
      }
      ImGui::EndTable();
    }
  }

  const scoring::CalibrationSummary& c = summary.calibration;
  const bool anyHarm = std::any_of(c.meanHarmByLevel.begin(), c.meanHarmByLevel.end(),
                                   [](const auto& v) { return v.has_value(); });
  if (c.harmEstimates > 0 || anyHarm) {
    ImGui::Spacing();
    bold("Risk of significant harm and the level you chose");
  }
  if (c.harmEstimates > 0) {
    ui::text("Your estimates of significant harm were typically about " +
             fixed(std::sqrt(std::max(0.0, c.harmGapToPanel)) * 100.0, 0) +
             " percentage points from the panel's, over " + std::to_string(c.harmEstimates) +
             (c.harmEstimates == 1 ? " estimate" : " estimates") + " (mean squared gap " +
             fixed(c.harmGapToPanel, 3) + "; 0 means the same as the panel).");
  }
  if (anyHarm) {
    ui::text("Your average estimate of significant harm at each level you chose (is a "
             "difference in seeing the risk, or in the threshold for acting on it?):");
    const auto labels = responseLevelShortLabels();
    if (beginTextTable("harm-by-level", 2)) {
      headerCell("You chose");
      headerCell("Average harm estimate");
      for (std::size_t i = 0; i < c.meanHarmByLevel.size() && i < labels.size(); ++i) {
        if (!c.meanHarmByLevel[i]) {
          continue;
        }
        ImGui::TableNextRow();
        plainCell(labels[i]);
        plainCell(percent(*c.meanHarmByLevel[i]));
      }
      ImGui::EndTable();
    }
  }
}

void drawHabits(const scoring::PractitionerSummary& summary) {
  heading("Information habits");
  const scoring::Habits& h = summary.habits;
  if (!h.any()) {
    ui::text("No information habits recorded yet.");
    return;
  }
  const auto ratio = [](std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
  };
  drawShareBars({{"Records checked", ratio(h.recordsChecked, h.recordRows), h.recordRows > 0},
                 {"Child seen or heard", ratio(h.childSeen, h.childRows), h.childRows > 0}});
  std::string words;
  if (h.recordRows > 0) {
    words += "You checked records before " + outOf(h.recordsChecked, h.recordRows) +
             " of your decisions. ";
  }
  if (h.childRows > 0) {
    words += "You saw or heard the child before " + outOf(h.childSeen, h.childRows) +
             " of your decisions. ";
  }
  if (h.checkRows > 0) {
    words += "On average you asked for " +
             fixed(static_cast<double>(h.checks) / static_cast<double>(h.checkRows), 1) +
             " agency checks per decision (" + std::to_string(h.checks) + " over " +
             std::to_string(h.checkRows) + (h.checkRows == 1 ? " decision)." : " decisions).");
  }
  ui::text(words);
}

} // namespace

void drawProgress(const view::ShellModel& model, ProgressUi& ui, view::IntentSink& sink) {
  const view::ProgressModel& progress = model.progress;
  if (progress.attempts.empty()) {
    drawEmpty(sink);
    return;
  }
  ImGui::BeginChild("progress", ImVec2(0.0f, 0.0f), false);
  drawAttempts(progress, ui, sink);
  ImGui::Spacing();
  ImGui::Spacing();

  const bool twoColumns = ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 56.0f;
  // Two columns: the trend with the band comparison under it beside the conversion; then
  // signal detection with the habits under it beside calibration. One column: in order.
  if (ImGui::BeginTable("charts", twoColumns ? 2 : 1,
                        ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
    ImGui::TableNextColumn();
    drawTrend(progress);
    ImGui::Spacing();
    ImGui::Spacing();
    drawComponents(progress);
    if (progress.summary) {
      const scoring::PractitionerSummary& summary = *progress.summary;
      const auto gap = [] {
        ImGui::Spacing();
        ImGui::Spacing();
      };
      if (twoColumns) {
        gap();
        drawAgreement(summary);
        ImGui::TableNextColumn();
        drawConversion(summary);
        ImGui::TableNextColumn();
        gap();
        drawSignal(summary);
        gap();
        drawHabits(summary);
        ImGui::TableNextColumn();
        gap();
        drawCalibration(summary);
      } else {
        for (const auto draw :
             {drawConversion, drawAgreement, drawSignal, drawCalibration, drawHabits}) {
          ImGui::TableNextColumn();
          gap();
          draw(summary);
        }
      }
    } else {
      ImGui::TableNextColumn();
      heading("Your decisions");
      ui::text("The charts of your decisions appear once you have locked a decision on a "
               "case.");
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::Spacing();
  drawExportPanel(model, false, sink);
  ImGui::EndChild();
}

} // namespace sim::ui
