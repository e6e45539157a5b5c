// Drawing of the decision form: the choices, estimates, factors and rationale, and the
// confirmation before a decision is locked. It reads the attempt's working notes and
// pushes actions; the drafts live in DecisionFormUi.
#include "sim/ui/decision_form.hpp"

#include "sim/engine/transcript.hpp"
#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"
#include "sim/ui/workspace_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace sim::ui {

namespace {

struct RationaleHeading {
  engine::RationaleField field;
  const char* token; // as in the action language ("rationale what_happened ...")
  const char* title;
  const char* hint;
};

constexpr std::array<RationaleHeading, engine::kRationaleFields> kRationale{{
    {engine::RationaleField::WhatHappened, "what_happened", "What happened",
     "The contact and what you have found out since, in plain words."},
    {engine::RationaleField::WhatWeFear, "what_we_fear", "What we are worried about",
     "The harm you fear for each child if nothing changes."},
    {engine::RationaleField::Complicating, "complicating", "Complicating factors",
     "What makes this harder to judge or to change."},
    {engine::RationaleField::Strengths, "strengths", "Strengths and existing safety",
     "What is going well, and who already keeps the children safe."},
    {engine::RationaleField::NextSteps, "next_steps", "What needs to happen next",
     "Next steps: what, by whom and by when."},
}};

// Index of each slider in DecisionFormUi's pending flags.
enum Slider : std::size_t { kHarm, kRereferral, kConfidence, kSafety, kSliders };

std::size_t at(int index) { return static_cast<std::size_t>(index); }

std::string_view responseExplanation(core::ResponseLevel level) {
  switch (level) {
  case core::ResponseLevel::Nfa:
    return "Close the contact with no further action by children's social care.";
  case core::ResponseLevel::Advice:
    return "Give information or advice, or signpost to universal services.";
  case core::ResponseLevel::EarlyHelp:
    return "Offer consent-based family support with a lead practitioner.";
  case core::ResponseLevel::S17:
    return "Assess the child as a child in need (section 17, Children Act 1989).";
  case core::ResponseLevel::S47:
    return "Hold a strategy discussion, then enquire under section 47 (reasonable cause to "
           "suspect significant harm).";
  case core::ResponseLevel::Immediate:
    return "Act now to protect a child (police protection or an emergency protection order), "
           "with a strategy discussion.";
  }
  return "";
}

bool radio(const std::string& label, bool active) {
  const bool pressed = ImGui::RadioButton(label.c_str(), active);
  track(label.c_str());
  return pressed;
}

void boldLine(std::string_view text) {
  ImGui::PushFont(fonts().bold);
  ui::text(text);
  ImGui::PopFont();
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string joinWords(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      out += i + 1 == words.size() ? " and " : ", ";
    }
    out += words[i];
  }
  return out;
}

// Take the drafts from the working notes when the attempt or its decision point changes.
void sync(const view::WorkspaceModel& model, DecisionFormUi& ui) {
  const auto& state = *model.state;
  if (ui.syncedAttempt == model.attemptId && ui.syncedScenario == state.scenarioId &&
      ui.syncedPoint == state.decisionPoint) {
    return;
  }
  ui.syncedAttempt = model.attemptId;
  ui.syncedScenario = state.scenarioId;
  ui.syncedPoint = state.decisionPoint;
  ui.rationalePending.fill(true);
  ui.slidersPending.fill(true);
  ui.response.reset();
  ui.need.reset();
  ui.urgency.reset();
  ui.adjuncts.clear();
  ui.factorSide = engine::FactorSide::Risk;
  ui.factorSearch.clear();
  ui.factorCode.clear();
  ui.factorFact.clear();
  ui.factorNote.clear();
  ui.openConfirm = false;
}

void drawChoices(DecisionFormUi& ui) {
  boldLine("Response");
  for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
    const std::string label = std::string(entry.label) + "##response-" + std::string(entry.token);
    if (radio(label, ui.response == entry.value)) {
      ui.response = entry.value;
    }
    tooltip(responseExplanation(entry.value));
  }
  ImGui::Spacing();
  boldLine("Level of need");
  for (const auto& entry : core::tokenTable<core::NeedLevel>()) {
    const std::string label = std::string(entry.label) + "##need-" + std::string(entry.token);
    if (radio(label, ui.need == entry.value)) {
      ui.need = entry.value;
    }
  }
  ImGui::Spacing();
  boldLine("Urgency");
  for (const auto& entry : core::tokenTable<core::Urgency>()) {
    const std::string label = std::string(entry.label) + "##urgency-" + std::string(entry.token);
    if (radio(label, ui.urgency == entry.value)) {
      ui.urgency = entry.value;
    }
  }
  ImGui::Spacing();
  boldLine("Also (tick all that apply)");
  std::vector<core::Adjunct> chosen;
  for (const auto& entry : core::tokenTable<core::Adjunct>()) {
    bool on = std::find(ui.adjuncts.begin(), ui.adjuncts.end(), entry.value) != ui.adjuncts.end();
    const std::string label = std::string(entry.label) + "##adjunct-" + std::string(entry.token);
    ImGui::Checkbox(label.c_str(), &on);
    track(label.c_str());
    if (on) {
      chosen.push_back(entry.value);
    }
  }
  ui.adjuncts = std::move(chosen); // in vocabulary order
}

// One slider whose value becomes an action when the practitioner lets go of it.
template <typename Make>
void slider(const char* label, const char* recordLabel, std::string_view question,
            std::optional<int> recorded, int& draft, bool& pending, int low, int high,
            const char* format, bool canEdit, view::IntentSink& sink, Make make) {
  ui::text(question);
  if (pending && ImGui::GetActiveID() != ImGui::GetID(label)) {
    draft = recorded.value_or((low + high) / 2);
    pending = false;
  }
  ImGui::SetNextItemWidth(
      std::min(ImGui::GetContentRegionAvail().x * 0.6f, ImGui::GetFontSize() * 16.0f));
  ImGui::SliderInt(label, &draft, low, high, format, ImGuiSliderFlags_AlwaysClamp);
  track(label);
  bool pushed = false;
  if (ImGui::IsItemDeactivatedAfterEdit() && canEdit) {
    sink.push(view::Act{make(draft)});
    pushed = true;
  }
  const bool percent = high == 100;
  const std::string unit = percent ? " %" : "";
  if (recorded) {
    muted("✓ Recorded: " + std::to_string(*recorded) + unit);
  } else if (!pushed) {
    muted("Not recorded yet: move the slider, or record the value shown.");
    if (canEdit) {
      if (button(recordLabel)) {
        sink.push(view::Act{make(draft)});
      }
    }
  }
  ImGui::Spacing();
}

void drawEstimates(const view::WorkspaceModel& model, DecisionFormUi& ui, bool canEdit,
                   view::IntentSink& sink) {
  const auto& notes = model.state->notes;
  heading("Estimates");
  slider("Harm##estimate", "Record##estimate-harm",
         "How likely is it that a child here comes to significant harm?", notes.pSignificantHarm,
         ui.harm, ui.slidersPending[kHarm], 0, 100, "%d %%", canEdit, sink, [](int v) {
           return engine::Action{engine::SetEstimate{engine::EstimateKind::SignificantHarm, v}};
         });
  slider("Re-referral##estimate", "Record##estimate-rereferral",
         "How likely is a re-referral within 12 months?", notes.pRereferral, ui.rereferral,
         ui.slidersPending[kRereferral], 0, 100, "%d %%", canEdit, sink, [](int v) {
           return engine::Action{engine::SetEstimate{engine::EstimateKind::Rereferral, v}};
         });
  slider("Confidence##estimate", "Record##estimate-confidence",
         "How confident are you in your decision?", notes.confidence, ui.confidence,
         ui.slidersPending[kConfidence], 0, 100, "%d %%", canEdit, sink, [](int v) {
           return engine::Action{engine::SetEstimate{engine::EstimateKind::Confidence, v}};
         });
}

std::string factorText(const core::Scenario& scenario, const engine::IdentifiedFactor& factor) {
  std::string out = factor.side == engine::FactorSide::Risk ? "▲ Risk" : "◆ Protective";
  if (!factor.code.empty()) {
    const auto* code = core::findCensusCode(core::CodeSet::AssessmentFactor, factor.code);
    out += " · " + factor.code;
    if (code != nullptr) {
      out += " " + std::string(code->label);
    }
  }
  if (!factor.factId.empty()) {
    const auto* fact = scenario.findFact(factor.factId);
    out += " · “" + (fact != nullptr ? fact->text : factor.factId) + "”";
  }
  if (!factor.note.empty()) {
    out += " · " + factor.note;
  }
  return out;
}

void drawFactorPicker(const view::WorkspaceModel& model, DecisionFormUi& ui,
                      view::IntentSink& sink) {
  const auto& scenario = *model.scenario;
  const auto& state = *model.state;
  const float font = ImGui::GetFontSize();
  boldLine("Add a factor");
  if (radio("Risk##factor-side-risk", ui.factorSide == engine::FactorSide::Risk)) {
    ui.factorSide = engine::FactorSide::Risk;
  }
  ImGui::SameLine();
  if (radio("Protective##factor-side-protective",
            ui.factorSide == engine::FactorSide::Protective)) {
    ui.factorSide = engine::FactorSide::Protective;
    ui.factorCode.clear(); // census codes name risks only
  }

  if (ui.factorSide == engine::FactorSide::Risk) {
    ui::text("Census assessment factor (optional):");
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##factor-search", "Search, e.g. alcohol or 3B", &ui.factorSearch);
    track("##factor-search");
    const std::string needle = lower(ui.factorSearch);
    if (ImGui::BeginListBox("##factor-codes", ImVec2(-FLT_MIN, font * 7.5f))) {
      if (ImGui::Selectable("No code##code-none", ui.factorCode.empty())) {
        ui.factorCode.clear();
      }
      track("No code##code-none");
      for (const auto& code : core::censusCodes(core::CodeSet::AssessmentFactor)) {
        if (!code.replacedBy.empty()) {
          continue; // no longer used in the census
        }
        const std::string text = std::string(code.code) + "  " + std::string(code.label);
        if (!needle.empty() && lower(text).find(needle) == std::string::npos) {
          continue;
        }
        const std::string label = text + "##code-" + std::string(code.code);
        if (ImGui::Selectable(label.c_str(), ui.factorCode == code.code)) {
          ui.factorCode = std::string(code.code);
        }
        track(label.c_str());
      }
      ImGui::EndListBox();
    }
    if (!ui.factorCode.empty()) {
      const auto* code = core::findCensusCode(core::CodeSet::AssessmentFactor, ui.factorCode);
      muted("Chosen: " + ui.factorCode + (code != nullptr ? " " + std::string(code->label) : ""));
    }
  }

  ui::text("Something you have learned (optional):");
  std::vector<int> known;
  for (std::size_t f = 0; f < scenario.facts.size(); ++f) {
    if (state.knows(static_cast<int>(f))) {
      known.push_back(static_cast<int>(f));
    }
  }
  if (known.empty()) {
    muted("Nothing learned yet: read the contact, ask and check first.");
  } else if (ImGui::BeginListBox("##factor-facts", ImVec2(-FLT_MIN, font * 6.0f))) {
    if (ImGui::Selectable("None##fact-none", ui.factorFact.empty())) {
      ui.factorFact.clear();
    }
    track("None##fact-none");
    for (const int f : known) {
      const auto& fact = scenario.facts[at(f)];
      const std::string label = fact.text + "##fact-" + fact.id;
      if (ImGui::Selectable(label.c_str(), ui.factorFact == fact.id)) {
        ui.factorFact = fact.id;
      }
      track(label.c_str());
      tooltip(fact.text);
    }
    ImGui::EndListBox();
  }
  if (!ui.factorFact.empty()) {
    if (const auto* fact = scenario.findFact(ui.factorFact)) {
      muted("Linked: “" + fact->text + "”");
    }
  }

  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##factor-note", "A note in your own words (optional)", &ui.factorNote);
  track("##factor-note");

  const bool ready = !ui.factorCode.empty() || !ui.factorFact.empty() || !blank(ui.factorNote);
  if (buttonIf(ready, "Add factor")) {
    engine::AddFactor add;
    add.side = ui.factorSide;
    add.code = ui.factorSide == engine::FactorSide::Risk ? ui.factorCode : std::string();
    add.factId = ui.factorFact;
    add.note = ui.factorNote;
    sink.push(view::Act{std::move(add)});
    ui.factorCode.clear();
    ui.factorFact.clear();
    ui.factorNote.clear();
  }
  if (!ready) {
    ImGui::SameLine();
    muted("Choose a code or something you have learned, or write a note.");
  }
}

void drawFactors(const view::WorkspaceModel& model, DecisionFormUi& ui, bool canEdit,
                 view::IntentSink& sink) {
  const auto& factors = model.state->notes.factors;
  heading("Risk and protective factors");
  if (factors.empty()) {
    muted("No factors identified yet.");
  }
  for (const auto& factor : factors) {
    ImGui::PushID(factor.number);
    const std::string label = "Remove##factor-" + std::to_string(factor.number);
    if (canEdit && button(label.c_str())) {
      sink.push(view::Act{engine::RemoveFactor{factor.number}});
    }
    if (canEdit) {
      ImGui::SameLine();
    }
    ui::text(std::to_string(factor.number) + ". " + factorText(*model.scenario, factor));
    ImGui::PopID();
  }
  ImGui::Spacing();
  if (canEdit) {
    drawFactorPicker(model, ui, sink);
  }
}

void drawRationale(const view::WorkspaceModel& model, DecisionFormUi& ui, bool canEdit,
                   view::IntentSink& sink) {
  const auto& notes = model.state->notes;
  heading("Rationale");
  muted("Each box is saved to your notes when you leave it.");
  for (const auto& part : kRationale) {
    const auto index = static_cast<std::size_t>(part.field);
    const std::string label = std::string("##rationale-") + part.token;
    if (ui.rationalePending[index] && ImGui::GetActiveID() != ImGui::GetID(label.c_str())) {
      ui.rationale[index] = notes.rationale[index];
      ui.rationalePending[index] = false;
    }
    boldLine(part.title);
    muted(part.hint);
    ImGui::InputTextMultiline(label.c_str(), &ui.rationale[index],
                              ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4.5f));
    track(label.c_str());
    if (ImGui::IsItemDeactivatedAfterEdit() && canEdit) {
      sink.push(view::Act{engine::WriteRationale{part.field, ui.rationale[index]}});
    }
    ImGui::Spacing();
  }
  slider("Safety scale##safety", "Record##safety-record",
         "Safety scale: 0 means you are certain the children will be harmed, 10 that they are "
         "safe enough for the case to close.",
         notes.safetyScale, ui.safety, ui.slidersPending[kSafety], 0, 10, "%d", canEdit, sink,
         [](int v) { return engine::Action{engine::SetSafetyScale{v}}; });
}

void drawConfirm(const view::WorkspaceModel& model, DecisionFormUi& ui, view::IntentSink& sink) {
  const char* kTitle = "Lock this decision?";
  if (ui.openConfirm) {
    ImGui::OpenPopup(kTitle);
    ui.openConfirm = false;
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    return;
  }
  const float wrap = ImGui::GetFontSize() * 28.0f;
  const auto line = [wrap](const std::string& text) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
  };
  if (!ui.response || !ui.need || !ui.urgency) {
    ImGui::CloseCurrentPopup(); // the choices were cleared (another attempt opened)
    ImGui::EndPopup();
    return;
  }
  line("You are about to lock this decision:");
  ImGui::Spacing();
  line("Response: " + std::string(core::labelOf(*ui.response)));
  line("Level of need: " + std::string(core::labelOf(*ui.need)));
  line("Urgency: " + std::string(core::labelOf(*ui.urgency)));
  std::vector<std::string> also;
  for (const auto adjunct : ui.adjuncts) {
    also.emplace_back(core::labelOf(adjunct));
  }
  line("Also: " + (also.empty() ? std::string("nothing else") : joinWords(also)));
  const auto& notes = model.state->notes;
  const auto percent = [](std::optional<int> v) {
    return v ? std::to_string(*v) + " %" : std::string("not recorded");
  };
  line("Significant harm: " + percent(notes.pSignificantHarm) + " · Re-referral: " +
       percent(notes.pRereferral) + " · Confidence: " + percent(notes.confidence));
  line("Factors identified: " + std::to_string(notes.factors.size()));
  ImGui::Spacing();
  ImGui::PushFont(fonts().bold);
  line("You cannot change it afterwards. The panel's view and what happened next are shown "
       "only once it is locked.");
  ImGui::PopFont();
  ImGui::Spacing();
  if (button("Lock decision")) {
    engine::Decide decide{*ui.response, *ui.need, *ui.urgency, ui.adjuncts};
    sink.push(view::Act{std::move(decide)});
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (button("Go back") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    ImGui::CloseCurrentPopup();
  }
  ImGui::SetItemDefaultFocus(); // Enter on opening goes back rather than locking
  ImGui::EndPopup();
}

void drawLock(const view::WorkspaceModel& model, DecisionFormUi& ui, view::IntentSink& sink) {
  heading("Lock the decision");
  std::vector<std::string> missing;
  if (!ui.response) {
    missing.emplace_back("a response");
  }
  if (!ui.need) {
    missing.emplace_back("a level of need");
  }
  if (!ui.urgency) {
    missing.emplace_back("an urgency");
  }
  const auto& notes = model.state->notes;
  std::vector<std::string> optional;
  if (!notes.pSignificantHarm) {
    optional.emplace_back("the significant-harm estimate");
  }
  if (!notes.pRereferral) {
    optional.emplace_back("the re-referral estimate");
  }
  if (!notes.confidence) {
    optional.emplace_back("your confidence");
  }
  if (std::all_of(notes.rationale.begin(), notes.rationale.end(), blank)) {
    optional.emplace_back("a rationale");
  }
  if (!optional.empty()) {
    muted("Not recorded yet: " + joinWords(optional) + ".");
  }
  if (buttonIf(missing.empty(), "Lock decision…")) {
    ui.openConfirm = true;
  }
  if (!missing.empty()) {
    ImGui::SameLine();
    ui::text("To lock, choose " + joinWords(missing) + ".");
  }
  drawConfirm(model, ui, sink);
}

void drawLocked(const view::WorkspaceModel& model, view::IntentSink& sink) {
  const auto& state = *model.state;
  heading("Decision locked");
  for (const auto& record : state.decisions) {
    if (record.decisionPoint != state.decisionPoint) {
      continue;
    }
    std::string when = "Locked " + shortWhen(*model.calendar, record.decidedAt);
    when += record.withinDeadline() ? " (within the deadline)" : " (after the deadline)";
    muted(when);
    ui::text(engine::describeDecision(record.decision));
  }
  ui::text(state.phase == engine::Phase::Closed
               ? "Every decision in this case is locked; nothing more can be changed."
               : "This decision is locked and cannot be changed.");
  ui::text("The debrief shows the panel's view and what happened next.");
  if (button("Open the debrief")) {
    sink.push(view::ShowScreen{view::Screen::Debrief});
  }
}

} // namespace

void drawDecisionForm(const view::WorkspaceModel& model, DecisionFormUi& ui,
                      view::IntentSink& sink) {
  if (!model.scenario || model.state == nullptr || model.calendar == nullptr) {
    muted("No case is open.");
    return;
  }
  const auto& state = *model.state;
  sync(model, ui);
  if (state.phase != engine::Phase::Gathering) {
    drawLocked(model, sink);
    return;
  }
  if (!state.contactRead) {
    ui::text("Read the contact first: the decision form opens once you have read it.");
    return;
  }
  const auto point = at(state.decisionPoint);
  if (point < model.scenario->decisionPoints.size()) {
    const auto& decisionPoint = model.scenario->decisionPoints[point];
    boldLine(decisionPoint.title);
    if (!decisionPoint.prompt.empty()) {
      ui::text(decisionPoint.prompt);
    }
    ImGui::Spacing();
  }
  const bool canEdit = !model.readOnly;
  if (!canEdit) {
    muted("You are reviewing this attempt: the form cannot be changed.");
    ImGui::BeginDisabled();
  }
  heading("Decision");
  drawChoices(ui);
  ImGui::Spacing();
  drawEstimates(model, ui, canEdit, sink);
  drawFactors(model, ui, canEdit, sink);
  ImGui::Spacing();
  drawRationale(model, ui, canEdit, sink);
  ImGui::Spacing();
  if (canEdit) {
    drawLock(model, ui, sink);
  } else {
    ImGui::EndDisabled();
  }
}

} // namespace sim::ui
