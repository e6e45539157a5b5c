// Drawing of the debrief: one tab per locked decision (the newest selected when it
// appears), each a scrolling page from the score and its reasons to the outcome. Every
// chart is followed by the same information in words.
#include "sim/ui/debrief_view.hpp"

#include "sim/core/codes.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/ui/charts.hpp"
#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace sim::ui {

namespace {

using core::ResponseLevel;

int levelIndex(ResponseLevel level) { return static_cast<int>(level); }

std::string shortLevel(ResponseLevel level) {
  const auto labels = responseLevelShortLabels();
  const auto i = static_cast<std::size_t>(levelIndex(level));
  return i < labels.size() ? labels[i] : std::string(core::labelOf(level));
}

void bold(std::string_view text) {
  ImGui::PushFont(fonts().bold);
  ui::text(text);
  ImGui::PopFont();
}

void subheading(std::string_view text) {
  ImGui::Spacing();
  bold(text);
}

// A bullet whose text wraps at the edge of the region.
void bullet(std::string_view text) {
  ImGui::Bullet();
  ImGui::SameLine();
  ui::text(text);
}

std::string signedPoints(double points) {
  if (points < 0.0) {
    return "−" + fixed(-points, 1);
  }
  return "+" + fixed(points, 1);
}

std::string plural(long long n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

void drawEmpty(view::IntentSink& sink) {
  heading("Debrief");
  ui::text("There is no debrief yet. A debrief opens only once you have locked a decision: "
           "open a case, work it, and make your decision first. Then you can see how the "
           "panel decided and what happened next.");
  ImGui::Spacing();
  if (button("Back to cases")) {
    sink.push(view::ShowScreen{view::Screen::Library});
  }
}

void drawScore(const scoring::DecisionScore& score) {
  ImGui::PushFont(fonts().title);
  const std::string total = fixed(score.total, 0) + " / 100";
  ImGui::TextUnformatted(total.c_str());
  ImGui::PopFont();
  if (!score.criticalErrors.empty()) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    muted("(capped by a critical error)");
  }

  if (!score.criticalErrors.empty()) {
    subheading(score.criticalErrors.size() == 1 ? "Critical error" : "Critical errors");
    for (std::size_t i = 0; i < score.criticalErrors.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      markIcon(MarkShape::Cross, true);
      ImGui::SameLine();
      ui::text("Critical error: " + score.criticalErrors[i].text);
      ImGui::PopID();
    }
    ui::text("A critical error caps the score: without it this decision would have scored " +
             fixed(score.uncapped, 0) + "; it scores " + fixed(score.total, 0) + ".");
  }
  if (score.caseWeight < 0.999) {
    muted("The panel did not all agree on this case (" + percent(score.panelAgreement) +
          " of panellist pairs agree), so it counts " + fixed(score.caseWeight, 2) +
          " times as much as an uncontested case in your overall score.");
  }
}

void drawComponents(const scoring::DecisionScore& score) {
  subheading("How the score was made");
  for (std::size_t k = 0; k < score.components.size(); ++k) {
    const auto& component = score.components[k];
    ImGui::PushID(static_cast<int>(k));
    const std::string label(scoring::componentLabel(component.component));
    if (!component.scored) {
      bold(label + ": not scored for this case");
      muted("This part does not apply to this case, so it is left out of the total.");
      ImGui::PopID();
      continue;
    }
    bold(label + ": " + fixed(component.earned, 1) + " of " + fixed(component.weight, 0) +
         " points");
    if (component.lines.empty()) {
      muted("No points gained or lost here.");
    } else if (ImGui::BeginTable("lines", 2, ImGuiTableFlags_None)) {
      ImGui::TableSetupColumn("points", ImGuiTableColumnFlags_WidthFixed,
                              ImGui::CalcTextSize("−00.0").x + ImGui::GetFontSize());
      ImGui::TableSetupColumn("why", ImGuiTableColumnFlags_WidthStretch);
      for (const auto& line : component.lines) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string points = signedPoints(line.points);
        ImGui::Indent(ImGui::GetFontSize() * 0.5f);
        ImGui::TextUnformatted(points.c_str());
        ImGui::Unindent(ImGui::GetFontSize() * 0.5f);
        ImGui::TableNextColumn();
        ui::text(line.text);
      }
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
  if (score.outcomeBrier) {
    ImGui::Spacing();
    muted("Your estimate of re-referral against what actually happened: Brier score " +
          fixed(*score.outcomeBrier, 2) +
          " (0 is perfect, 1 the worst). Shown, not scored: the outcome only shows what "
          "followed the council's decision at the time.");
  }
}

std::string bandText(const core::PanelReview& panel) {
  if (panel.bandMin == panel.bandMax) {
    return shortLevel(panel.bandMin);
  }
  return shortLevel(panel.bandMin) + "–" + shortLevel(panel.bandMax);
}

void drawPanel(const engine::Debrief& debrief, std::size_t point) {
  heading("The panel's decisions");
  if (debrief.panel == nullptr) {
    ui::text("No panel reviewed this decision point, so there is no spread or consensus to "
             "compare with.");
    return;
  }
  const core::PanelReview& panel = *debrief.panel;
  const ResponseLevel yours = debrief.decision.decision.response;

  BarChart chart;
  chart.labels = responseLevelShortLabels();
  for (const int count : debrief.spread.counts) {
    chart.values.push_back(static_cast<double>(count));
  }
  chart.you = levelIndex(yours);
  chart.panel = levelIndex(panel.consensus);
  chart.bandMin = levelIndex(panel.bandMin);
  chart.bandMax = levelIndex(panel.bandMax);
  chart.valueAxis = "panellists";
  if (debrief.spread.panellists > 0) {
    drawBarChart(chart);
  }

  // The chart in words.
  std::string words;
  const auto labels = responseLevelShortLabels();
  for (std::size_t i = 0; i < labels.size() && i < debrief.spread.counts.size(); ++i) {
    words += (i == 0 ? "" : " · ") + labels[i] + " " + std::to_string(debrief.spread.counts[i]);
  }
  if (debrief.spread.panellists == 0) {
    words = "The panellists' own decisions were not recorded";
  }
  words += "; you chose " + shortLevel(yours) + "; the panel's consensus is " +
           shortLevel(panel.consensus) + "; the panel's band is " + bandText(panel) + ".";
  ui::text(words);
  if (debrief.spread.panellists > 0) {
    muted(std::to_string(debrief.spread.agreeWithConsensus) + " of " +
          plural(debrief.spread.panellists, "panellist", "panellists") +
          " chose the consensus on their own, before discussing it.");
  }
  if (yours < panel.bandMin) {
    ui::text("Your decision is below the panel's band: an under-response.");
  } else if (yours > panel.bandMax) {
    ui::text("Your decision is above the panel's band: an over-response.");
  } else {
    ui::text("Your decision is within the panel's band.");
  }

  subheading("The panel's consensus");
  std::string consensus = std::string(core::labelOf(panel.consensus)) + " · " +
                          std::string(core::labelOf(panel.needLevel)) + " · " +
                          std::string(core::labelOf(panel.urgency));
  ui::text(consensus);
  if (!panel.adjuncts.empty()) {
    std::string with = "With: ";
    for (std::size_t i = 0; i < panel.adjuncts.size(); ++i) {
      with += (i == 0 ? "" : ", ") + std::string(core::labelOf(panel.adjuncts[i]));
    }
    ui::text(with);
  }
  if (panel.pSignificantHarm || panel.pRereferral) {
    std::string estimates = "The panel's estimates:";
    if (panel.pSignificantHarm) {
      estimates += " significant harm " + percent(*panel.pSignificantHarm) + ".";
    }
    if (panel.pRereferral) {
      estimates += " Re-referral within a year " + percent(*panel.pRereferral) + ".";
    }
    ui::text(estimates);
  }
  if (!panel.rationale.empty()) {
    subheading("Why");
    ui::text(panel.rationale);
  }
  if (!panel.teachingPoints.empty()) {
    subheading("Teaching points");
    for (std::size_t i = 0; i < panel.teachingPoints.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      bullet(panel.teachingPoints[i]);
      ImGui::PopID();
    }
  }
  if (!panel.panellists.empty()) {
    ImGui::Spacing();
    const std::string label = "What each panellist decided##point-" + std::to_string(point);
    const bool open = ImGui::CollapsingHeader(label.c_str());
    track(label.c_str());
    if (open) {
      for (std::size_t i = 0; i < panel.panellists.size(); ++i) {
        const auto& member = panel.panellists[i];
        ImGui::PushID(static_cast<int>(i));
        bold(member.role + ": " + std::string(core::labelOf(member.decision)));
        std::string details;
        if (member.needLevel) {
          details += std::string(core::labelOf(*member.needLevel));
        }
        if (member.pSignificantHarm) {
          details += (details.empty() ? "" : " · ") + std::string("significant harm ") +
                     percent(*member.pSignificantHarm);
        }
        if (member.pRereferral) {
          details += (details.empty() ? "" : " · ") + std::string("re-referral ") +
                     percent(*member.pRereferral);
        }
        if (!details.empty()) {
          muted(details);
        }
        if (!member.comment.empty()) {
          ui::text(member.comment);
        }
        ImGui::Spacing();
        ImGui::PopID();
      }
    }
  }
}

void drawFactList(const core::Scenario& scenario, const std::vector<engine::FactReached>& facts,
                  const char* id) {
  const Palette& p = palette();
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_None)) {
    return;
  }
  ImGui::PushFont(fonts().bold);
  const float statusWidth =
      std::max(ImGui::CalcTextSize("✓ reached").x, ImGui::CalcTextSize("✗ missed").x);
  ImGui::PopFont();
  ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthFixed,
                          statusWidth + ImGui::GetFontSize() * 0.5f);
  ImGui::TableSetupColumn("fact", ImGuiTableColumnFlags_WidthStretch);
  for (const auto& fact : facts) {
    if (fact.fact < 0 || static_cast<std::size_t>(fact.fact) >= scenario.facts.size()) {
      continue;
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, fact.reached ? p.good : p.bad);
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(fact.reached ? "✓ reached" : "✗ missed");
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ui::text(scenario.facts[static_cast<std::size_t>(fact.fact)].text);
  }
  ImGui::EndTable();
}

void drawFacts(const core::Scenario& scenario, const engine::Debrief& debrief) {
  heading("Key facts");
  if (debrief.criticalFacts.empty() && debrief.usefulFacts.empty()) {
    ui::text("The panel named no key facts for this decision point.");
    return;
  }
  const auto count = [](const std::vector<engine::FactReached>& facts) {
    return std::count_if(facts.begin(), facts.end(), [](const auto& f) { return f.reached; });
  };
  if (!debrief.criticalFacts.empty()) {
    subheading("Critical facts: you reached " + std::to_string(count(debrief.criticalFacts)) +
               " of " + std::to_string(debrief.criticalFacts.size()));
    drawFactList(scenario, debrief.criticalFacts, "critical-facts");
  }
  if (!debrief.usefulFacts.empty()) {
    subheading("Useful facts: you reached " + std::to_string(count(debrief.usefulFacts)) + " of " +
               std::to_string(debrief.usefulFacts.size()));
    drawFactList(scenario, debrief.usefulFacts, "useful-facts");
  }
}

std::string_view routeLabel(engine::RouteKind route) {
  switch (route) {
  case engine::RouteKind::Question:
    return "A question you did not ask";
  case engine::RouteKind::Records:
    return "Records you did not check";
  case engine::RouteKind::Check:
    return "An agency check";
  case engine::RouteKind::Direct:
    return "A direct contact you did not make";
  case engine::RouteKind::Manager:
    return "Advice you did not ask for";
  }
  return "A route";
}

std::string_view variantNote(engine::RouteVariant variant) {
  switch (variant) {
  case engine::RouteVariant::Plain:
    return "";
  case engine::RouteVariant::WithConsent:
    return "Had you asked, the parent would have agreed to this check. The reply:";
  case engine::RouteVariant::WithoutConsent:
    return "Had you overridden consent (and recorded why), the reply:";
  case engine::RouteVariant::ParentWouldRefuse:
    return "Had you asked for consent, the parent would have said no.";
  case engine::RouteVariant::ArrivedLate:
    return "You asked for this, but the reply did not reach you before you decided. It said:";
  }
  return "";
}

void drawNotTaken(const core::Scenario& scenario, const engine::Debrief& debrief) {
  heading("What the routes you did not take would have shown");
  if (debrief.notTaken.empty()) {
    ui::text("You took every route open to you before deciding.");
    return;
  }
  for (std::size_t i = 0; i < debrief.notTaken.size(); ++i) {
    const auto& route = debrief.notTaken[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Spacing();
    muted(routeLabel(route.route));
    bold(route.heading);
    if (route.withheld) {
      ui::text("This route is still open later in the case, so what it would show stays "
               "hidden until you finish the case.");
      ImGui::PopID();
      continue;
    }
    const std::string_view note = variantNote(route.variant);
    if (!note.empty()) {
      muted(note);
    }
    if (!route.text.empty() && route.variant != engine::RouteVariant::ParentWouldRefuse) {
      ImGui::Indent();
      ui::text(route.text);
      ImGui::Unindent();
    }
    if (!route.missedFacts.empty()) {
      ui::text("It would have told you " +
               plural(static_cast<long long>(route.missedFacts.size()), "fact", "facts") +
               " you did not have when you decided:");
      for (const int f : route.missedFacts) {
        if (f >= 0 && static_cast<std::size_t>(f) < scenario.facts.size()) {
          bullet(scenario.facts[static_cast<std::size_t>(f)].text);
        }
      }
    } else if (!route.facts.empty()) {
      muted("Nothing in it was new to you when you decided.");
    }
    ImGui::PopID();
  }
}

MarkShape shapeOf(core::OutcomeKind kind) {
  using core::OutcomeKind;
  switch (kind) {
  case OutcomeKind::Contact:
  case OutcomeKind::Rereferral:
    return MarkShape::Triangle;
  case OutcomeKind::Assessment:
  case OutcomeKind::CinPlan:
  case OutcomeKind::S47:
  case OutcomeKind::Icpc:
    return MarkShape::Square;
  case OutcomeKind::CpPlan:
  case OutcomeKind::LookedAfter:
    return MarkShape::Diamond;
  case OutcomeKind::SeriousIncident:
    return MarkShape::Cross;
  case OutcomeKind::Nfa:
  case OutcomeKind::Advice:
  case OutcomeKind::EarlyHelp:
  case OutcomeKind::Closure:
  case OutcomeKind::Other:
    return MarkShape::Circle;
  }
  return MarkShape::Circle;
}

std::string_view shapeMeaning(MarkShape shape) {
  switch (shape) {
  case MarkShape::Triangle:
    return "a new contact or re-referral";
  case MarkShape::Square:
    return "an assessment, enquiry or conference";
  case MarkShape::Diamond:
    return "a protection plan or care";
  case MarkShape::Cross:
    return "a serious incident";
  case MarkShape::Circle:
    return "support, advice or closure";
  }
  return "";
}

void drawOutcome(const core::Scenario& scenario, const engine::Debrief& debrief) {
  heading("What actually happened");
  const core::Outcome& outcome = scenario.outcome;
  ui::text("This is what followed the council's own decision at the time: " +
           std::string(core::labelOf(outcome.originalDecision)) +
           ". Your decision might have led elsewhere.");
  if (!debrief.finalDecision) {
    muted("Shown up to the next contact in this case; the rest follows your last decision.");
  }
  std::vector<const core::OutcomeEvent*> events;
  for (const int e : debrief.outcomeEvents) {
    if (e >= 0 && static_cast<std::size_t>(e) < outcome.events.size()) {
      events.push_back(&outcome.events[static_cast<std::size_t>(e)]);
    }
  }
  if (events.empty()) {
    ui::text(debrief.finalDecision ? "Nothing further was recorded after the contact."
                                   : "Nothing further was recorded before the next contact.");
  } else {
    Timeline timeline;
    double endDay = debrief.finalDecision ? static_cast<double>(outcome.followupDays) : 0.0;
    const auto next = static_cast<std::size_t>(debrief.decisionPoint) + 1;
    if (!debrief.finalDecision && next < scenario.decisionPoints.size()) {
      endDay = static_cast<double>(scenario.decisionPoints[next].day);
    }
    std::vector<MarkShape> used;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& event = *events[i];
      const MarkShape shape = shapeOf(event.kind);
      timeline.marks.push_back({static_cast<double>(event.day), shape, std::to_string(i + 1),
                                event.kind == core::OutcomeKind::SeriousIncident});
      endDay = std::max(endDay, static_cast<double>(event.day));
      if (std::find(used.begin(), used.end(), shape) == used.end()) {
        used.push_back(shape);
      }
    }
    timeline.endDay = endDay;
    drawTimeline(timeline);
    // Key to the shapes, then the events in words.
    for (std::size_t i = 0; i < used.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (i > 0) {
        ImGui::SameLine(0.0f, ImGui::GetFontSize());
      }
      markIcon(used[i], used[i] == MarkShape::Cross);
      ImGui::SameLine();
      const std::string_view meaning = shapeMeaning(used[i]);
      ImGui::TextUnformatted(meaning.data(), meaning.data() + meaning.size());
      ImGui::PopID();
    }
    ImGui::Spacing();
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& event = *events[i];
      ImGui::PushID(static_cast<int>(i));
      markIcon(shapeOf(event.kind), event.kind == core::OutcomeKind::SeriousIncident);
      ImGui::SameLine();
      std::string line = std::to_string(i + 1) + ". Day " + std::to_string(event.day) + " — " +
                         std::string(core::labelOf(event.kind));
      if (!event.text.empty()) {
        line += ": " + event.text;
      }
      ui::text(line);
      ImGui::PopID();
    }
  }
  if (debrief.finalDecision) {
    if (!outcome.summary.empty()) {
      subheading("In short");
      ui::text(outcome.summary);
    }
    if (outcome.censored) {
      muted("Follow-up ended early, after " + std::to_string(outcome.followupDays) +
            " days: later events are not known.");
    }
  }
}

void drawTimeliness(const engine::Debrief& debrief) {
  heading("Timeliness");
  const bool within = debrief.decision.withinDeadline();
  markIcon(within ? MarkShape::Circle : MarkShape::Cross, !within);
  ImGui::SameLine();
  ui::text("You decided " + fixed(debrief.workingDaysToDecide, 1) +
           " working days after the contact came in: " +
           (within ? std::string("within the one-working-day deadline.")
                   : std::string("after the one-working-day deadline.")));
}

void drawPoint(const view::DebriefModel& model, std::size_t index) {
  const core::Scenario& scenario = *model.scenario;
  const view::DebriefPoint& point = model.points[index];
  const engine::Debrief& debrief = point.debrief;
  ImGui::PushID(static_cast<int>(index));
  ImGui::BeginChild("point", ImVec2(0.0f, 0.0f), false);
  const auto dp = static_cast<std::size_t>(debrief.decisionPoint);
  if (dp < scenario.decisionPoints.size() && !scenario.decisionPoints[dp].title.empty()) {
    muted("Decision " + std::to_string(index + 1) + ": " + scenario.decisionPoints[dp].title);
  }
  ui::text("Your decision: " + engine::describeDecision(debrief.decision.decision));
  drawScore(point.score);
  drawComponents(point.score);
  ImGui::Spacing();
  drawPanel(debrief, index);
  ImGui::Spacing();
  drawFacts(scenario, debrief);
  ImGui::Spacing();
  drawNotTaken(scenario, debrief);
  ImGui::Spacing();
  drawOutcome(scenario, debrief);
  ImGui::Spacing();
  drawTimeliness(debrief);
  ImGui::Spacing();
  ImGui::EndChild();
  ImGui::PopID();
}

} // namespace

void drawDebrief(const view::ShellModel& model, DebriefUi& ui, view::IntentSink& sink) {
  const view::DebriefModel& debrief = model.debrief;
  if (!debrief.scenario || debrief.points.empty()) {
    drawEmpty(sink);
    return;
  }
  ImGui::PushFont(fonts().heading);
  ui::text("Debrief: " + debrief.scenario->meta.title);
  ImGui::PopFont();
  if (debrief.overall && debrief.points.size() > 1) {
    ui::text(std::string(debrief.finished ? "Overall score for this case: "
                                          : "Overall score for this case so far: ") +
             fixed(*debrief.overall, 0) + " / 100 (weighted over its decisions)");
  }
  if (debrief.canOpenNext) {
    if (button("Open the next contact")) {
      sink.push(view::Act{engine::OpenNextDecisionPoint{}});
      sink.push(view::ShowScreen{view::Screen::Workspace});
    }
    ImGui::SameLine();
  }
  if (button("Back to cases")) {
    sink.push(view::ShowScreen{view::Screen::Library});
  }
  ImGui::SameLine();
  if (button("See my progress")) {
    sink.push(view::ShowScreen{view::Screen::Progress});
  }
  ImGui::Separator();

  const bool changed =
      ui.shownAttempt != debrief.attemptId || ui.shownPoints != debrief.points.size();
  ui.shownAttempt = debrief.attemptId;
  ui.shownPoints = debrief.points.size();
  if (debrief.points.size() == 1) {
    drawPoint(debrief, 0);
    return;
  }
  if (ImGui::BeginTabBar("debrief-points")) {
    for (std::size_t i = 0; i < debrief.points.size(); ++i) {
      const std::string label =
          "Decision " + std::to_string(i + 1) + "##point-" + std::to_string(i);
      const bool newest = i + 1 == debrief.points.size();
      const ImGuiTabItemFlags flags = changed && newest ? ImGuiTabItemFlags_SetSelected : 0;
      const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
      track(label.c_str());
      if (open) {
        drawPoint(debrief, i);
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
}

} // namespace sim::ui
