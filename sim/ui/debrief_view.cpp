// Drawing of the debrief: one tab per locked decision (the newest selected when it
// appears), each a scrolling page in a column of reading width (about 95 characters).
// What a practitioner wants first comes first: any critical error, the score with a
// one-sentence verdict, their decision beside the panel's and the panel's spread; then
// what they missed, what happened next, the panel's reasoning, the routes not taken, and
// last the point-by-point ledger of the score (open by default). Every chart is followed
// by the same information in words.
//
// Tracked labels (tests click them): "Open the next contact", "Back to cases",
// "See my progress", "Decision <n>##point-<i>", "What each panellist decided##point-<i>".
#include "sim/ui/debrief_view.hpp"

#include "sim/core/codes.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/ui/charts.hpp"
#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
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
  if (std::abs(points) < 0.05) {
    return "0.0";
  }
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

// The page is one column no wider than this many font sizes (about 95 characters of
// running text), narrower when the window is.
constexpr float kPageWidthEm = 43.0f;

// A single-column table as wide as the reading column: text inside wraps at its edge and
// charts size themselves to it.
bool beginPage() {
  const float width =
      std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * kPageWidthEm);
  if (!ImGui::BeginTable("page", 1, ImGuiTableFlags_NoPadOuterX, ImVec2(width, 0.0f))) {
    return false;
  }
  ImGui::TableSetupColumn("page", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  return true;
}

void section(std::string_view title) {
  ImGui::Spacing();
  ImGui::Spacing();
  heading(title);
}

std::string bandText(const core::PanelReview& panel) {
  if (panel.bandMin == panel.bandMax) {
    return shortLevel(panel.bandMin);
  }
  return shortLevel(panel.bandMin) + " to " + shortLevel(panel.bandMax);
}

// Shown before anything else when there are any: what went critically wrong and its cap.
void drawCriticalErrors(const scoring::DecisionScore& score) {
  if (score.criticalErrors.empty()) {
    return;
  }
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_Text, p.bad);
  markIcon(MarkShape::Cross, true);
  ImGui::SameLine();
  ImGui::PushFont(fonts().heading);
  ui::text(score.criticalErrors.size() == 1
               ? std::string("A critical error")
               : std::to_string(score.criticalErrors.size()) + " critical errors");
  ImGui::PopFont();
  ImGui::PopStyleColor();
  for (std::size_t i = 0; i < score.criticalErrors.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    markIcon(MarkShape::Cross, true);
    ImGui::SameLine();
    bold(score.criticalErrors[i].text);
    ImGui::PopID();
  }
  ui::text(std::string(score.criticalErrors.size() == 1
                           ? "A critical error caps the score: without it"
                           : "Critical errors cap the score: without them") +
           " this decision would have scored " + fixed(score.uncapped, 0) + " / 100; it scores " +
           fixed(score.total, 0) + ".");
  ImGui::Separator();
  ImGui::Spacing();
}

// The score, large, and what it means in one sentence.
void drawVerdict(const scoring::DecisionScore& score, const engine::Debrief& debrief) {
  ImGui::PushFont(fonts().title);
  const std::string total = fixed(score.total, 0) + " / 100";
  ImGui::TextUnformatted(total.c_str());
  ImGui::PopFont();
  if (!score.criticalErrors.empty()) {
    ImGui::SameLine(0.0f, ImGui::GetFontSize());
    ImGui::AlignTextToFramePadding();
    muted("(capped by a critical error)");
  }
  if (debrief.panel != nullptr) {
    const core::PanelReview& panel = *debrief.panel;
    const ResponseLevel yours = debrief.decision.decision.response;
    const std::string range = " (" + bandText(panel) + ")";
    ImGui::PushFont(fonts().heading);
    if (yours < panel.bandMin) {
      ui::text("Your response is below the panel's acceptable range" + range +
               ": the panel would have done more.");
    } else if (yours > panel.bandMax) {
      ui::text("Your response is above the panel's acceptable range" + range +
               ": the panel would have done less.");
    } else {
      ui::text("Your response is inside the panel's acceptable range" + range + ".");
    }
    ImGui::PopFont();
  }
  if (score.caseWeight < 0.999) {
    muted("The panel was divided on this case, so in your overall score across cases it counts "
          "for " +
          fixed(100.0 * score.caseWeight, 0) + " % of a case the panel agreed on.");
  }
  // Where the points came from, part by part, in one line; and, when the decision's points
  // were scaled by what was known (scoring, §1.1), that reason in plain words.
  std::string parts;
  for (const auto& component : score.components) {
    if (component.scored) {
      parts += (parts.empty() ? "" : " \xC2\xB7 ") +
               std::string(scoring::componentLabel(component.component)) + " " +
               fixed(component.earned, 1) + " of " + fixed(component.weight, 0);
    }
  }
  ui::text("Your points: " + parts +
           ". Each is explained under \xE2\x80\x9CHow the score was "
           "made\xE2\x80\x9D at the end.");
  if (score.criticalFactsKnown < score.criticalFacts) {
    ui::text("You knew " + std::to_string(score.criticalFactsKnown) + " of the panel's " +
             std::to_string(score.criticalFacts) +
             " critical facts when you locked this decision, so it keeps " +
             fixed(100.0 * score.criticalFactsKnown / score.criticalFacts, 0) +
             "% of its points: a decision reached without the facts that matter is a guess, "
             "however it lands.");
  }
}

// The actions that went with a response; a strategy discussion is not repeated beside an
// s47 response, whose name says it.
std::string adjunctList(ResponseLevel response, const std::vector<core::Adjunct>& adjuncts) {
  std::string out;
  for (const auto adjunct : adjuncts) {
    if (adjunct == core::Adjunct::StrategyDiscussion && response == ResponseLevel::S47) {
      continue;
    }
    out += (out.empty() ? "" : ", ") + std::string(core::labelOf(adjunct));
  }
  return out.empty() ? std::string("none") : out;
}

std::string estimate(const std::optional<int>& percentValue) {
  return percentValue ? std::to_string(*percentValue) + "%" : "not given";
}

std::string estimate(const std::optional<double>& share) {
  return share ? percent(*share) : "not given";
}

// Your decision beside the panel's consensus, row by row, then the timeliness.
void drawComparison(const engine::Debrief& debrief) {
  const engine::Decide& yours = debrief.decision.decision;
  const engine::WorkingNotes& notes = debrief.decision.notes;
  const core::PanelReview* panel = debrief.panel;
  ImGui::Spacing();
  const int columns = panel != nullptr ? 3 : 2;
  if (ImGui::BeginTable("comparison", columns,
                        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg)) {
    ImGui::PushFont(fonts().bold);
    const float labelWidth = ImGui::CalcTextSize("Significant harm, now").x; // longer ones wrap
    ImGui::PopFont();
    ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthFixed, labelWidth);
    ImGui::TableSetupColumn("You decided", ImGuiTableColumnFlags_WidthStretch);
    if (panel != nullptr) {
      ImGui::TableSetupColumn("The panel's consensus", ImGuiTableColumnFlags_WidthStretch);
    }
    ImGui::TableHeadersRow();
    const auto row = [&](std::string_view what, const std::string& mine,
                         const std::string& theirs) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      bold(what);
      ImGui::TableNextColumn();
      ui::text(mine);
      if (panel != nullptr) {
        ImGui::TableNextColumn();
        ui::text(theirs);
      }
    };
    const auto label = [](auto value) { return std::string(core::labelOf(value)); };
    row("Response", label(yours.response), panel ? label(panel->consensus) : "");
    row("Level of need", label(yours.need), panel ? label(panel->needLevel) : "");
    row("Urgency", label(yours.urgency), panel ? label(panel->urgency) : "");
    row("With", adjunctList(yours.response, yours.adjuncts),
        panel ? adjunctList(panel->consensus, panel->adjuncts) : "");
    if (notes.pSignificantHarm || (panel != nullptr && panel->pSignificantHarm)) {
      row("Significant harm, now or within 12 months", estimate(notes.pSignificantHarm),
          panel ? estimate(panel->pSignificantHarm) : "");
    }
    if (notes.pRereferral || (panel != nullptr && panel->pRereferral)) {
      row("Re-referral within 12 months", estimate(notes.pRereferral),
          panel ? estimate(panel->pRereferral) : "");
    }
    ImGui::EndTable();
  }
  const bool within = debrief.decision.withinDeadline();
  markIcon(within ? MarkShape::Circle : MarkShape::Cross, !within);
  ImGui::SameLine();
  ui::text("You decided " + fixed(debrief.workingDaysToDecide, 1) +
           " working days after the contact came in: " +
           (within ? std::string("within the one-working-day deadline.")
                   : std::string("after the one-working-day deadline.")));
}

// The panel's spread: chart, then the same in words.
void drawSpread(const engine::Debrief& debrief) {
  if (debrief.panel == nullptr) {
    section("The panel's decisions");
    ui::text("No panel reviewed this decision point, so there is no spread or consensus to "
             "compare with.");
    return;
  }
  const core::PanelReview& panel = *debrief.panel;
  const ResponseLevel yours = debrief.decision.decision.response;
  section("How the panel decided");
  if (debrief.spread.panellists > 0) {
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
    drawBarChart(chart);
  }
  // The chart in words.
  std::string words;
  if (debrief.spread.panellists == 0) {
    words = "The panellists' own decisions were not recorded";
  } else {
    words = "Panellists choosing each response: ";
    const auto labels = responseLevelShortLabels();
    for (std::size_t i = 0; i < labels.size() && i < debrief.spread.counts.size(); ++i) {
      words += (i == 0 ? "" : " · ") + labels[i] + " " + std::to_string(debrief.spread.counts[i]);
    }
  }
  words += ". You chose " + shortLevel(yours) + "; the panel's consensus is " +
           shortLevel(panel.consensus) + "; its acceptable range is " + bandText(panel) + ".";
  ui::text(words);
  if (debrief.spread.panellists > 0) {
    muted(std::to_string(debrief.spread.agreeWithConsensus) + " of " +
          plural(debrief.spread.panellists, "panellist", "panellists") +
          " chose the consensus on their own, before discussing it.");
  }
}

std::vector<int> missedFacts(const std::vector<engine::FactReached>& facts) {
  std::vector<int> out;
  for (const auto& fact : facts) {
    if (!fact.reached) {
      out.push_back(fact.fact);
    }
  }
  return out;
}

// Each missed fact, and under it the route (or routes) that would have revealed it.
void drawMissedList(const core::Scenario& scenario, const engine::Debrief& debrief,
                    const std::vector<int>& facts, bool critical) {
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const int f = facts[i];
    if (f < 0 || static_cast<std::size_t>(f) >= scenario.facts.size()) {
      continue;
    }
    ImGui::PushID(static_cast<int>(i));
    markIcon(MarkShape::Cross, critical);
    ImGui::SameLine();
    ui::text(scenario.facts[static_cast<std::size_t>(f)].text);
    std::vector<std::string> routes;
    bool withheld = false;
    for (const auto& route : debrief.notTaken) {
      withheld = withheld || route.withheld;
      if (std::find(route.missedFacts.begin(), route.missedFacts.end(), f) !=
          route.missedFacts.end()) {
        routes.push_back(route.heading);
      }
    }
    ImGui::Indent(ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.x);
    if (!routes.empty()) {
      std::string from = "Would have come from: ";
      for (std::size_t r = 0; r < routes.size(); ++r) {
        from += (r == 0 ? "" : "; or ") + routes[r];
      }
      muted(from + ".");
    } else if (withheld) {
      muted("It comes from a route that stays open later in this case, so which one is kept "
            "back for now.");
    }
    ImGui::Unindent(ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.x);
    ImGui::PopID();
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

// The key facts the practitioner did not have when deciding, critical ones first.
void drawMissed(const core::Scenario& scenario, const engine::Debrief& debrief) {
  section("What you missed");
  if (debrief.criticalFacts.empty() && debrief.usefulFacts.empty()) {
    ui::text("The panel named no key facts for this decision point.");
    return;
  }
  const auto critical = missedFacts(debrief.criticalFacts);
  const auto useful = missedFacts(debrief.usefulFacts);
  const auto reachedOf = [](const std::vector<engine::FactReached>& all, std::size_t missed) {
    return std::to_string(all.size() - missed) + " of " + std::to_string(all.size());
  };
  std::string summary =
      "You had " + reachedOf(debrief.criticalFacts, critical.size()) + " critical facts";
  if (!debrief.usefulFacts.empty()) {
    summary += " and " + reachedOf(debrief.usefulFacts, useful.size()) + " useful facts";
  }
  summary += " when you decided.";
  ui::text(summary);
  if (critical.empty() && useful.empty()) {
    ui::text("You missed none of the facts the panel named.");
  }
  if (!critical.empty()) {
    subheading(critical.size() == 1 ? "The critical fact you missed" : "Critical facts you missed");
    ImGui::PushID("critical");
    drawMissedList(scenario, debrief, critical, true);
    ImGui::PopID();
  } else if (!debrief.criticalFacts.empty()) {
    ui::text("You reached every critical fact.");
  }
  if (!useful.empty()) {
    subheading(useful.size() == 1 ? "A useful fact you missed" : "Useful facts you missed");
    ImGui::PushID("useful");
    drawMissedList(scenario, debrief, useful, false);
    ImGui::PopID();
  }
  if (!critical.empty() || !useful.empty()) {
    muted("What each of those routes would have shown is under \"What the routes you did not "
          "take would have shown\" below.");
  }
  ImGui::Spacing();
  if (ImGui::TreeNode("Every key fact, reached and missed")) {
    if (!debrief.criticalFacts.empty()) {
      bold("Critical facts");
      drawFactList(scenario, debrief.criticalFacts, "critical-facts");
    }
    if (!debrief.usefulFacts.empty()) {
      bold("Useful facts");
      drawFactList(scenario, debrief.usefulFacts, "useful-facts");
    }
    ImGui::TreePop();
  }
}

// The panel's rationale, teaching points and each panellist's view.
void drawReasoning(const engine::Debrief& debrief, std::size_t point) {
  if (debrief.panel == nullptr) {
    return;
  }
  const core::PanelReview& panel = *debrief.panel;
  section("The panel's reasoning");
  if (!panel.rationale.empty()) {
    ui::text(panel.rationale);
  } else {
    ui::text("The panel recorded no rationale for this decision point.");
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

// The full point-by-point ledger, last; open by default.
// What counts as a re-referral, in the words of this case's outcome: a further contact
// that was not a referral does not.
std::string rereferralMeaning(const core::Outcome& outcome) {
  std::vector<int> contacts;
  for (const auto& event : outcome.events) {
    if (event.kind == core::OutcomeKind::Contact && event.day <= 365) {
      contacts.push_back(event.day);
    }
  }
  std::string out = "A re-referral is a new referral to children's social care within 12 "
                    "months of this contact";
  if (contacts.empty()) {
    return out + ".";
  }
  out += "; the further contact";
  out += contacts.size() == 1 ? " on day " : "s on days ";
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == contacts.size() ? " and " : ", ") + std::to_string(contacts[i]);
  }
  out += contacts.size() == 1 ? " was not a referral, so it does not count."
                              : " were not referrals, so they do not count.";
  return out;
}

void drawLedger(const core::Scenario& scenario, const engine::Debrief& debrief,
                const scoring::DecisionScore& score) {
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::PushFont(fonts().heading);
  const bool open =
      ImGui::CollapsingHeader("How the score was made##ledger", ImGuiTreeNodeFlags_DefaultOpen);
  ImGui::PopFont();
  if (!open) {
    return;
  }
  muted("Each part of the score, with every point gained or lost and why. A part that does not "
        "apply to this case is left out of the total.");
  for (std::size_t k = 0; k < score.components.size(); ++k) {
    const auto& component = score.components[k];
    ImGui::PushID(static_cast<int>(k));
    ImGui::Spacing();
    const std::string label(scoring::componentLabel(component.component));
    if (!component.scored) {
      bold(label + ": not scored for this case");
      for (const auto& line : component.lines) {
        muted(line.text);
      }
      ImGui::PopID();
      continue;
    }
    bold(label + ": " + fixed(component.earned, 1) + " of " + fixed(component.weight, 0) +
         " points");
    muted(scoring::componentMeaning(component.component));
    if (component.lines.empty()) {
      muted("No points gained or lost here.");
    } else if (ImGui::BeginTable("lines", 2, ImGuiTableFlags_None)) {
      ImGui::TableSetupColumn("points", ImGuiTableColumnFlags_WidthFixed,
                              ImGui::CalcTextSize("−00.0").x + ImGui::GetFontSize());
      ImGui::TableSetupColumn("why", ImGuiTableColumnFlags_WidthStretch);
      for (const auto& line : component.lines) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // A line that moved no points explains; it shows no "0.0" as if it were worth nothing.
        const std::string points =
            std::abs(line.points) < 0.05 ? std::string() : signedPoints(line.points);
        ImGui::Indent(ImGui::GetFontSize() * 0.5f);
        ImGui::TextUnformatted(points.c_str());
        ImGui::Unindent(ImGui::GetFontSize() * 0.5f);
        ImGui::TableNextColumn();
        ui::text(line.text);
      }
      ImGui::EndTable();
    }
    if (!component.calculation.empty() && ImGui::TreeNode("How this was calculated##calc")) {
      for (const auto& line : component.calculation) {
        muted(line);
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (score.outcomeBrier && debrief.decision.notes.pRereferral) {
    ImGui::Spacing();
    const bool happened = scenario.outcome.rereferredWithin12Months();
    ui::text("Against what actually happened (shown, not scored, because it followed the "
             "council's decision at the time): you put a re-referral within 12 months at " +
             std::to_string(*debrief.decision.notes.pRereferral) + " %, and " +
             (happened ? std::string("there was one.") : std::string("there was none.")) + " " +
             rereferralMeaning(scenario.outcome));
    if (ImGui::TreeNode("How this was calculated##brier")) {
      muted("Brier score: (your probability − what happened)², with what happened 1 for a "
            "re-referral and 0 for none: " +
            fixed(*score.outcomeBrier, 2) + ". 0 is a perfect forecast, 1 the worst.");
      ImGui::TreePop();
    }
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
    return "Had you asked, they would have agreed to this check. The reply:";
  case engine::RouteVariant::WithoutConsent:
    return "Had you overridden consent (and recorded why), the reply:";
  case engine::RouteVariant::ParentWouldRefuse:
    return "Had you asked for consent, they would have said no.";
  case engine::RouteVariant::WouldNotAnswer:
    return "Had you tried to ask, you could not have reached them.";
  case engine::RouteVariant::NotTheirs:
    return "Had you asked, they would have said this is not theirs to consent to.";
  case engine::RouteVariant::ArrivedLate:
    return "You asked for this, but the reply did not reach you before you decided. It said:";
  }
  return "";
}

void drawNotTaken(const core::Scenario& scenario, const engine::Debrief& debrief) {
  section("What the routes you did not take would have shown");
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
  section("What happened next");
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
    // Key to the shapes (flowing onto more lines when the column is narrow), then the
    // events in words.
    const float keyWidth = ImGui::GetContentRegionAvail().x;
    const float keyGap = ImGui::GetFontSize();
    float keyX = 0.0f;
    for (std::size_t i = 0; i < used.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      const std::string_view text = shapeMeaning(used[i]);
      const float width = ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.x +
                          ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
      if (i > 0 && keyX + keyGap + width <= keyWidth) {
        ImGui::SameLine(0.0f, keyGap);
        keyX += keyGap;
      } else {
        keyX = 0.0f;
      }
      keyX += width;
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
      const std::string day =
          event.day == 0 ? std::string("The same day") : "Day " + std::to_string(event.day);
      std::string line =
          std::to_string(i + 1) + ". " + day + " — " + std::string(core::labelOf(event.kind));
      if (!event.text.empty()) {
        line += ": " + event.text;
      }
      ui::text(line);
      ImGui::PopID();
    }
  }
  if (debrief.finalDecision && !outcome.censored) {
    ui::text(std::string("Re-referral within 12 months: ") +
             (outcome.rereferredWithin12Months() ? "yes. " : "no. ") + rereferralMeaning(outcome));
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

void drawPoint(const view::DebriefModel& model, std::size_t index) {
  const core::Scenario& scenario = *model.scenario;
  const view::DebriefPoint& point = model.points[index];
  const engine::Debrief& debrief = point.debrief;
  ImGui::PushID(static_cast<int>(index));
  // One scrolling page per attempt and decision: another case's debrief opens at its top,
  // never where the last one was left.
  const std::string page = "point-" + std::to_string(model.attemptId);
  ImGui::BeginChild(page.c_str(), ImVec2(0.0f, 0.0f), false);
  if (beginPage()) {
    const auto dp = static_cast<std::size_t>(debrief.decisionPoint);
    if (dp < scenario.decisionPoints.size() && !scenario.decisionPoints[dp].title.empty()) {
      muted("Decision " + std::to_string(index + 1) + ": " + scenario.decisionPoints[dp].title);
    }
    drawCriticalErrors(point.score);
    drawVerdict(point.score, debrief);
    drawComparison(debrief);
    drawSpread(debrief);
    drawMissed(scenario, debrief);
    drawOutcome(scenario, debrief);
    drawReasoning(debrief, index);
    drawNotTaken(scenario, debrief);
    drawLedger(scenario, debrief, point.score);
    ImGui::Spacing();
    ImGui::EndTable();
  }
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
