// Drawing of the decision form: the choices, estimates, factors and rationale, and the
// confirmation before a decision is locked. It reads the attempt's working notes and
// pushes actions; the drafts live in DecisionFormUi.
#include "sim/ui/decision_form.hpp"

#include "sim/engine/rationale.hpp"
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
#include <cmath>
#include <string_view>

namespace sim::ui {

namespace {

// The sections of the form, in order, that "Go to" can bring to the top.
struct SectionLink {
  FormSection section;
  const char* label; // the button
  const char* title; // the heading
};

constexpr std::array<SectionLink, 6> kSections{{
    {FormSection::Choices, nullptr, "Decision"}, // the top of the form: no button
    {FormSection::Estimates, "Estimates##go", "Estimates"},
    {FormSection::Factors, "Factors##go", "Risk and protective factors"},
    {FormSection::Analysis, "Analysis##go", "Analysis: what you learned, and where it belongs"},
    {FormSection::Rationale, "Rationale##go", "Rationale in your own words"},
    {FormSection::Lock, "Lock##go", "Lock the decision"},
}};

// A section heading; scrolled to the top of the form when "Go to" asked for it.
void section(DecisionFormUi& ui, FormSection which) {
  for (const auto& link : kSections) {
    if (link.section != which) {
      continue;
    }
    ImGui::PushFont(fonts().heading);
    ui::text(link.title);
    ImGui::PopFont();
    if (ui.goTo == which) {
      ImGui::SetScrollHereY(0.0f);
      ui.goTo.reset();
    }
    ImGui::Separator();
  }
}

// "Go to: Estimates Factors Rationale Lock", wrapping at large text sizes.
void drawGoTo(DecisionFormUi& ui) {
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding.x * 0.75f, padding.y));
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ImGui::TextUnformatted("Go to:");
  ImGui::PopStyleColor();
  for (const auto& link : kSections) {
    if (link.label == nullptr) {
      continue;
    }
    const float width =
        ImGui::CalcTextSize(link.label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) {
      ImGui::NewLine();
    }
    if (button(link.label)) {
      ui.goTo = link.section;
    }
  }
  ImGui::PopStyleVar();
}

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
  const bool pressed = wrappedRadio(label, active);
  track(label.c_str());
  return pressed;
}

// Draws `widget` (a radio button or check box labelled `label`); when its label does not
// fit the width left (large text sizes), the label is drawn wrapped in its place instead
// of being cut off at the edge.
template <typename Widget> bool wrappedChoice(const std::string& label, Widget widget) {
  const auto& style = ImGui::GetStyle();
  const std::string_view shown = std::string_view(label).substr(0, label.find("##"));
  const float avail = ImGui::GetContentRegionAvail().x;
  const float lead = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
  if (lead + ImGui::CalcTextSize(shown.data(), shown.data() + shown.size()).x <= avail) {
    return widget();
  }
  const float wrap = std::max(avail - lead, ImGui::GetFontSize() * 4.0f);
  const ImVec2 size = ImGui::CalcTextSize(shown.data(), shown.data() + shown.size(), false, wrap);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.0f, 0.0f, 0.0f, 0.0f)); // drawn below
  const bool pressed = widget();
  ImGui::PopStyleColor();
  ImGui::GetWindowDrawList()->AddText(
      ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + lead, at.y + style.FramePadding.y),
      ImGui::GetColorU32(ImGuiCol_Text), shown.data(), shown.data() + shown.size(), wrap);
  const float extra = std::round(size.y - ImGui::GetTextLineHeight() - style.ItemSpacing.y);
  if (extra > 0.0f) {
    ImGui::Dummy(ImVec2(0.0f, extra));
  }
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
  if (ui.syncedRestored != state.history.restored) {
    // An undo or redo changed the notes: every box and slider takes them again.
    ui.syncedRestored = state.history.restored;
    ui.rationalePending.fill(true);
    ui.slidersPending.fill(true);
  }
  if (ui.syncedAttempt == model.attemptId && ui.syncedScenario == state.scenarioId &&
      ui.syncedPoint == state.decisionPoint) {
    return;
  }
  ui.syncedAttempt = model.attemptId;
  ui.syncedScenario = state.scenarioId;
  ui.syncedPoint = state.decisionPoint;
  ui.syncedRestored = state.history.restored;
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
  ui.goTo.reset();
}

// Widest label of a vocabulary as a radio button or check box (box and spacing included).
template <typename E> float widestChoice() {
  float widest = 0.0f;
  for (const auto& entry : core::tokenTable<E>()) {
    widest = std::max(
        widest, ImGui::CalcTextSize(entry.label.data(), entry.label.data() + entry.label.size()).x);
  }
  const auto& style = ImGui::GetStyle();
  return widest + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + style.CellPadding.x * 2.0f;
}

void drawNeed(DecisionFormUi& ui) {
  boldLine("Level of need");
  for (const auto& entry : core::tokenTable<core::NeedLevel>()) {
    const std::string label = std::string(entry.label) + "##need-" + std::string(entry.token);
    if (radio(label, ui.need == entry.value)) {
      ui.need = entry.value;
    }
  }
}

void drawUrgency(DecisionFormUi& ui) {
  boldLine("Urgency");
  for (const auto& entry : core::tokenTable<core::Urgency>()) {
    const std::string label = std::string(entry.label) + "##urgency-" + std::string(entry.token);
    if (radio(label, ui.urgency == entry.value)) {
      ui.urgency = entry.value;
    }
  }
}

void drawChoices(DecisionFormUi& ui) {
  const float avail = ImGui::GetContentRegionAvail().x;
  // The choices in tight groups (the boxes keep their full size), so that response, need
  // and urgency fit in the first screen at 1280 × 800.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                      ImVec2(ImGui::GetStyle().ItemSpacing.x,
                             std::max(2.0f, std::floor(ImGui::GetStyle().ItemSpacing.y * 0.3f))));
  // Whole pixels: fractional spacing makes the layout shift with the scroll position.
  const auto gap = [] { ImGui::Dummy(ImVec2(0.0f, std::round(ImGui::GetFontSize() * 0.5f))); };
  boldLine("Response");
  for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
    const std::string label = std::string(entry.label) + "##response-" + std::string(entry.token);
    if (radio(label, ui.response == entry.value)) {
      ui.response = entry.value;
    }
    tooltip(responseExplanation(entry.value));
  }
  gap();
  // Need and urgency side by side when both fit.
  if (avail >= widestChoice<core::NeedLevel>() + widestChoice<core::Urgency>() &&
      ImGui::BeginTable("##need-urgency", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    drawNeed(ui);
    ImGui::TableNextColumn();
    drawUrgency(ui);
    ImGui::EndTable();
  } else {
    drawNeed(ui);
    gap();
    drawUrgency(ui);
  }
  gap();
  boldLine("Also (tick all that apply)");
  // A strategy discussion is part of an s47 or immediate response, so it is not a tick.
  std::vector<const core::TokenEntry<core::Adjunct>*> offered;
  for (const auto& entry : core::tokenTable<core::Adjunct>()) {
    if (entry.value != core::Adjunct::StrategyDiscussion) {
      offered.push_back(&entry);
    }
  }
  const int columns = avail >= 2.0f * widestChoice<core::Adjunct>() ? 2 : 1;
  const std::size_t perColumn =
      (offered.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns);
  std::vector<core::Adjunct> chosen;
  if (ImGui::BeginTable("##adjuncts", columns, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextRow();
    for (std::size_t i = 0; i < offered.size(); ++i) {
      if (i % perColumn == 0) {
        ImGui::TableNextColumn(); // down the first column, then the second
      }
      const auto& entry = *offered[i];
      bool on = std::find(ui.adjuncts.begin(), ui.adjuncts.end(), entry.value) != ui.adjuncts.end();
      const std::string label = std::string(entry.label) + "##adjunct-" + std::string(entry.token);
      wrappedCheckbox(label, &on);
      track(label.c_str());
      if (on) {
        chosen.push_back(entry.value);
      }
    }
    ImGui::EndTable();
    ui.adjuncts = std::move(chosen); // in vocabulary order
  }
  ImGui::PopStyleVar();
}

// One slider whose value becomes an action when the practitioner lets go of it, presses an
// arrow key on it (a step of `step`), types a value (Enter, or Tab to it) or presses
// Record. Nothing beside or under it appears or disappears as it is recorded: the Record
// button stays (enabled while the value shown is not the one recorded) and the status line
// under it keeps its place.
template <typename Make>
void slider(const char* label, const char* recordLabel, std::string_view question,
            std::optional<int> recorded, int& draft, bool& pending, int low, int high, int step,
            const char* format, bool canEdit, view::IntentSink& sink, Make make) {
  ui::text(question);
  if (pending && ImGui::GetActiveID() != ImGui::GetID(label)) {
    draft = recorded.value_or((low + high) / 2);
    pending = false;
  }
  ImGui::SetNextItemWidth(
      std::min(ImGui::GetContentRegionAvail().x * 0.5f, ImGui::GetFontSize() * 13.0f));
  ImGui::SliderInt(label, &draft, low, high, format, ImGuiSliderFlags_AlwaysClamp);
  track(label);
  bool record = ImGui::IsItemDeactivatedAfterEdit();
  if (ImGui::IsItemFocused() && !ImGui::IsItemActive()) {
    // Left and Right change the value of the focused slider (ImGui would move the focus).
    int delta = 0;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) {
      delta = -step;
    } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
      delta = step;
    }
    if (delta != 0) {
      ImGui::NavMoveRequestCancel();
      draft = std::clamp(draft + delta, low, high);
      record = true;
    }
  }
  const bool percent = high == 100;
  const std::string unit = percent ? " %" : "";
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x <
      ImGui::CalcTextSize(recordLabel, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f) {
    ImGui::NewLine();
  }
  if (buttonIf(canEdit && recorded != draft, recordLabel)) {
    record = true;
  }
  if (record && canEdit) {
    sink.push(view::Act{make(draft)});
  }
  if (recorded) {
    muted("\xE2\x9C\x93 Recorded: " + std::to_string(*recorded) + unit);
  } else {
    muted("Not recorded yet");
  }
  ImGui::Spacing();
}

void drawEstimates(const view::WorkspaceModel& model, DecisionFormUi& ui, bool canEdit,
                   view::IntentSink& sink) {
  const auto& notes = model.state->notes;
  section(ui, FormSection::Estimates);
  muted("With the keyboard: Left and Right change a value by 5 (1 on the safety scale); Enter "
        "on a slider lets you type the exact value.");
  slider("Harm##estimate", "Record##estimate-harm",
         "How likely is it that a child here is suffering significant harm, or will within the "
         "next 12 months?",
         notes.pSignificantHarm, ui.harm, ui.slidersPending[kHarm], 0, 100, 5, "%d %%", canEdit,
         sink, [](int v) {
           return engine::Action{engine::SetEstimate{engine::EstimateKind::SignificantHarm, v}};
         });
  slider("Re-referral##estimate", "Record##estimate-rereferral",
         "How likely is a new referral about these children within the next 12 months?",
         notes.pRereferral, ui.rereferral, ui.slidersPending[kRereferral], 0, 100, 5, "%d %%",
         canEdit, sink, [](int v) {
           return engine::Action{engine::SetEstimate{engine::EstimateKind::Rereferral, v}};
         });
  slider("Confidence##estimate", "Record##estimate-confidence",
         "How confident are you in your decision?", notes.confidence, ui.confidence,
         ui.slidersPending[kConfidence], 0, 100, 5, "%d %%", canEdit, sink, [](int v) {
           return engine::Action{engine::SetEstimate{engine::EstimateKind::Confidence, v}};
         });
}

// The first line of a factor: "Risk — 18B Physical abuse: adult on child".
std::string factorTitle(const engine::IdentifiedFactor& factor) {
  std::string out = factor.side == engine::FactorSide::Risk ? "▲ Risk" : "◆ Protective";
  if (!factor.code.empty()) {
    const auto* code = core::findCensusCode(core::CodeSet::AssessmentFactor, factor.code);
    out += " — " + factor.code;
    if (code != nullptr) {
      out += " " + std::string(code->label);
    }
  }
  return out;
}

// A list entry whose text wraps over as many lines as it needs. The Selectable keeps the
// tracked label (its own one-line text is drawn invisibly) and the text is drawn wrapped
// on top of it.
bool wrappedSelectable(const std::string& label, std::string_view shown, bool selected) {
  const float width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4.0f);
  const ImVec2 size = ImGui::CalcTextSize(shown.data(), shown.data() + shown.size(), false, width);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
  const bool pressed =
      ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_None, ImVec2(width, size.y));
  ImGui::PopStyleColor();
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                      ImGui::GetColorU32(ImGuiCol_Text), shown.data(),
                                      shown.data() + shown.size(), width);
  return pressed;
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
    if (ImGui::BeginListBox("##factor-codes", ImVec2(-FLT_MIN, font * 8.5f))) {
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
        if (wrappedSelectable(label, text, ui.factorCode == code.code)) {
          ui.factorCode = std::string(code.code);
        }
        track(label.c_str());
      }
      ImGui::EndListBox();
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
  } else if (ImGui::BeginListBox("##factor-facts", ImVec2(-FLT_MIN, font * 10.0f))) {
    if (ImGui::Selectable("None##fact-none", ui.factorFact.empty())) {
      ui.factorFact.clear();
    }
    track("None##fact-none");
    for (const int f : known) {
      const auto& fact = scenario.facts[at(f)];
      const std::string label = fact.text + "##fact-" + fact.id;
      if (wrappedSelectable(label, fact.text, ui.factorFact == fact.id)) {
        ui.factorFact = fact.id;
      }
      track(label.c_str());
    }
    ImGui::EndListBox();
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
  } else {
    // What will be added, under the button: nothing above it moves as choices are made.
    std::string chosen =
        "To add: " +
        std::string(ui.factorSide == engine::FactorSide::Risk ? "risk" : "protective factor");
    if (!ui.factorCode.empty()) {
      const auto* code = core::findCensusCode(core::CodeSet::AssessmentFactor, ui.factorCode);
      chosen += " " + ui.factorCode + (code != nullptr ? " " + std::string(code->label) : "");
    }
    if (const auto* fact = scenario.findFact(ui.factorFact)) {
      chosen += ", from \u201C" + fact->text + "\u201D";
    }
    muted(chosen + ".");
  }
}

void drawFactors(const view::WorkspaceModel& model, DecisionFormUi& ui, bool canEdit,
                 view::IntentSink& sink) {
  const auto& factors = model.state->notes.factors;
  section(ui, FormSection::Factors);
  if (factors.empty()) {
    muted("No factors identified yet.");
  }
  // One row a factor: what it is in bold, what it rests on and the note under it, and
  // the Remove button at the end of the row.
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
  if (!factors.empty() && ImGui::BeginTable("##factors", canEdit ? 2 : 1, kFlags)) {
    ImGui::TableSetupColumn("##factor", ImGuiTableColumnFlags_WidthStretch);
    if (canEdit) {
      ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed);
    }
    for (const auto& factor : factors) {
      ImGui::PushID(factor.number);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Dummy(ImVec2(0.0f, std::round(ImGui::GetStyle().CellPadding.y)));
      boldLine(std::to_string(factor.number) + ". " + factorTitle(factor));
      ImGui::Indent(ImGui::GetFontSize());
      if (!factor.factId.empty()) {
        const auto* fact = model.scenario->findFact(factor.factId);
        ui::text("From what you learned: “" + (fact != nullptr ? fact->text : factor.factId) + "”");
      }
      if (!factor.note.empty()) {
        muted("Your note: " + factor.note);
      }
      ImGui::Unindent(ImGui::GetFontSize());
      ImGui::Dummy(ImVec2(0.0f, std::round(ImGui::GetStyle().CellPadding.y)));
      if (canEdit) {
        ImGui::TableNextColumn();
        ImGui::Dummy(ImVec2(0.0f, std::round(ImGui::GetStyle().CellPadding.y)));
        const std::string label = "Remove##factor-" + std::to_string(factor.number);
        if (button(label.c_str())) {
          sink.push(view::Act{engine::RemoveFactor{factor.number}});
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  if (canEdit) {
    drawFactorPicker(model, ui, sink);
  }
}

// The learned facts linked under one analytic heading, and a list of everything learned to
// link or unlink with one click. The list has a fixed height, so the page does not move
// as facts are linked.
void drawLinkedFacts(const view::WorkspaceModel& model, const engine::RationaleHeading& part,
                     bool canEdit, view::IntentSink& sink) {
  const auto& scenario = *model.scenario;
  const auto& state = *model.state;
  const auto& linked = state.notes.rationaleFacts.at(static_cast<std::size_t>(part.field));
  const auto isLinked = [&linked](const std::string& id) {
    return std::find(linked.begin(), linked.end(), id) != linked.end();
  };
  std::vector<int> known;
  for (std::size_t f = 0; f < scenario.facts.size(); ++f) {
    if (state.knows(static_cast<int>(f))) {
      known.push_back(static_cast<int>(f));
    }
  }
  const std::string count = linked.empty()       ? "No facts linked yet"
                            : linked.size() == 1 ? "1 fact linked"
                                                 : std::to_string(linked.size()) + " facts linked";
  boldLine(part.title);
  muted(part.token == "what_we_fear" ? "The facts that carry the risk to each child."
        : part.token == "complicating"
            ? "The facts that make this harder to judge or to change."
            : "The facts that show what is going well and who already keeps the children safe.");
  ui::text(count + ".");
  if (known.empty()) {
    muted("Nothing learned yet: read the contact, ask and check first.");
    return;
  }
  if (!canEdit) {
    muted("The facts you linked:");
  }
  const std::string box = "##links-" + std::string(part.token);
  const float font = ImGui::GetFontSize();
  if (ImGui::BeginListBox(box.c_str(), ImVec2(-FLT_MIN, font * 8.0f))) {
    for (const int f : known) {
      const auto& fact = scenario.facts[at(f)];
      const bool on = isLinked(fact.id);
      if (!canEdit && !on) {
        continue;
      }
      const std::string shown = (on ? "Linked \xE2\x80\x94 " : "") + fact.text;
      const std::string label = shown + "##link-" + std::string(part.token) + "-" + fact.id;
      if (wrappedSelectable(label, shown, on) && canEdit) {
        sink.push(view::Act{engine::LinkFact{part.field, fact.id, !on}});
      }
      track(label.c_str());
    }
    ImGui::EndListBox();
  }
}

// The analysis: what was learned, linked under the three analytic headings. This is what
// the rationale score reads (scenarios/SCORING.md).
void drawAnalysis(const view::WorkspaceModel& model, DecisionFormUi& ui, bool canEdit,
                  view::IntentSink& sink) {
  section(ui, FormSection::Analysis);
  muted("Sort what you have learned: link each fact that matters under what you fear, what "
        "complicates the picture, or the strengths and existing safety. A fact may belong "
        "under more than one. Choose a fact to link it; choose a linked fact to take it away. "
        "Your analysis is scored on these links.");
  for (const auto& part : engine::kRationaleHeadings) {
    if (engine::takesLinkedFacts(part.field)) {
      ImGui::Spacing();
      drawLinkedFacts(model, part, canEdit, sink);
    }
  }
}

void drawRationale(const view::WorkspaceModel& model, DecisionFormUi& ui, bool canEdit,
                   view::IntentSink& sink) {
  const auto& notes = model.state->notes;
  section(ui, FormSection::Rationale);
  muted("Each box is saved to your notes as you type. What you write is for you and your "
        "trainer to read; it is not scored.");
  for (const auto& part : engine::kRationaleHeadings) {
    const auto index = static_cast<std::size_t>(part.field);
    const std::string label = "##rationale-" + std::string(part.token);
    if (ui.rationalePending[index] && ImGui::GetActiveID() != ImGui::GetID(label.c_str())) {
      ui.rationale[index] = notes.rationale[index];
      ui.rationalePending[index] = false;
    }
    boldLine(part.title);
    muted(part.hint);
    const auto box =
        wrappedTextBox(label.c_str(), ui.rationale[index], ui.rationaleBoxes[index], -FLT_MIN,
                       ImGui::GetTextLineHeight() * 6.5f, !canEdit, engine::kMaxActionText);
    track(label.c_str());
    if (box.saveDue && canEdit) {
      sink.push(view::Act{engine::WriteRationale{part.field, ui.rationale[index]}});
      markSaved(ui.rationaleBoxes[index]);
    }
    ImGui::Spacing();
  }
  slider("Safety scale##safety", "Record##safety-record",
         "Safety scale: 0 means you are certain the children will be harmed, 10 that they are "
         "safe enough for the case to close.",
         notes.safetyScale, ui.safety, ui.slidersPending[kSafety], 0, 10, 1, "%d", canEdit, sink,
         [](int v) { return engine::Action{engine::SetSafetyScale{v}}; });
}

// Everything the lock will fix, one line each, in the same words at the lock button and in
// the confirmation (and the same counts as the debrief's).
std::vector<std::string> lockSummary(const view::WorkspaceModel& model, const DecisionFormUi& ui) {
  const auto& notes = model.state->notes;
  std::vector<std::string> out;
  std::string response = "Response: ";
  if (ui.response) {
    response += std::string(core::labelOf(*ui.response));
    if (*ui.response == core::ResponseLevel::Immediate) {
      response += ", with a strategy discussion";
    }
  } else {
    response += "not chosen yet";
  }
  out.push_back(response);
  out.push_back("Level of need: " +
                (ui.need ? std::string(core::labelOf(*ui.need)) : std::string("not chosen yet")));
  out.push_back("Urgency: " + (ui.urgency ? std::string(core::labelOf(*ui.urgency))
                                          : std::string("not chosen yet")));
  std::vector<std::string> also;
  for (const auto adjunct : ui.adjuncts) {
    also.emplace_back(core::labelOf(adjunct));
  }
  out.push_back("Also: " + (also.empty() ? std::string("nothing ticked") : joinWords(also)));
  const auto percent = [](std::optional<int> v) {
    return v ? std::to_string(*v) + " %" : std::string("not recorded");
  };
  out.push_back("Significant harm: " + percent(notes.pSignificantHarm) +
                " · Re-referral within 12 months: " + percent(notes.pRereferral) +
                " · Confidence: " + percent(notes.confidence));
  int risks = 0;
  for (const auto& factor : notes.factors) {
    risks += factor.side == engine::FactorSide::Risk ? 1 : 0;
  }
  const int protective = static_cast<int>(notes.factors.size()) - risks;
  out.push_back("Factors recorded: " + std::to_string(notes.factors.size()) +
                (notes.factors.empty()
                     ? std::string()
                     : " (" + std::to_string(risks) + (risks == 1 ? " risk, " : " risks, ") +
                           std::to_string(protective) + " protective)"));
  std::size_t linked = 0;
  for (const auto& facts : notes.rationaleFacts) {
    linked += facts.size();
  }
  out.push_back("Analysis: " + std::to_string(linked) + (linked == 1 ? " link" : " links") +
                " from what you learned");
  const auto written =
      static_cast<int>(std::count_if(notes.rationale.begin(), notes.rationale.end(),
                                     [](const std::string& text) { return !blank(text); }));
  out.push_back("Rationale: " + std::to_string(written) + " of " +
                std::to_string(engine::kRationaleFields) + " headings written · Safety scale: " +
                (notes.safetyScale ? std::to_string(*notes.safetyScale) + " of 10"
                                   : std::string("not recorded")));
  return out;
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
  for (const auto& item : lockSummary(model, ui)) {
    line(item);
  }
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
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  if (button("Go back") || escape) {
    ImGui::CloseCurrentPopup();
    if (escape) {
      // Left by the keyboard: the focus goes back to the lock button, shown, so that Space
      // or Return opens the dialog again at once (ImGui keeps it hidden after a click).
      ImGuiContext& g = *ImGui::GetCurrentContext();
      g.NavDisableHighlight = false;
      g.NavDisableMouseHover = true;
    }
  }
  ImGui::SetItemDefaultFocus(); // Enter on opening goes back rather than locking
  ImGui::EndPopup();
}

void drawLock(const view::WorkspaceModel& model, DecisionFormUi& ui, view::IntentSink& sink) {
  section(ui, FormSection::Lock);
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
  // What will be locked, right above the button (a practitioner who came here with "Go
  // to" sees the choices and ticks made at the top of the form).
  ui::text("What will be locked:");
  ImGui::Indent(ImGui::GetFontSize());
  for (const auto& item : lockSummary(model, ui)) {
    ui::text(item);
  }
  ImGui::Unindent(ImGui::GetFontSize());
  if (button("Change the choices##go-choices")) {
    ui.goTo = FormSection::Choices;
  }
  ImGui::SameLine();
  if (buttonIf(missing.empty(), "Lock decision…")) {
    ui.openConfirm = true;
  }
  muted(missing.empty() ? std::string("You are asked to confirm before anything is locked.")
                        : "To lock, choose " + joinWords(missing) + ".");
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

bool wrappedRadio(const std::string& label, bool active) {
  return wrappedChoice(label, [&] { return ImGui::RadioButton(label.c_str(), active); });
}

bool wrappedCheckbox(const std::string& label, bool* value) {
  return wrappedChoice(label, [&] { return ImGui::Checkbox(label.c_str(), value); });
}

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
  drawGoTo(ui);
  ImGui::Spacing();
  section(ui, FormSection::Choices);
  drawChoices(ui);
  ImGui::Spacing();
  drawEstimates(model, ui, canEdit, sink);
  drawFactors(model, ui, canEdit, sink);
  ImGui::Spacing();
  drawAnalysis(model, ui, canEdit, sink);
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
