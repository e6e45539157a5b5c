// Drawing of the case workspace: the status strip, the contact and household column, the
// chronology, and the enquiries and notes tabs (the decision tab is decision_form.cpp).
// Only what the practitioner could know at this point is shown: never a panel review,
// an outcome or teaching content.
#include "sim/ui/workspace_view.hpp"

#include "sim/core/time_of_day.hpp"
#include "sim/engine/rationale.hpp"
#include "sim/engine/routes.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/ui/fonts.hpp"
#include "sim/ui/household_diagram.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace sim::ui {

namespace {

constexpr ImGuiWindowFlags kColumnFlags = ImGuiWindowFlags_NavFlattened;
// Key codes as the GLFW backend reports them (GLFW_KEY_Y, GLFW_KEY_Z: their ASCII codes).
constexpr int kKeyY = 89;
constexpr int kKeyZ = 90;

std::size_t at(int index) { return static_cast<std::size_t>(index); }

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string lowerFirst(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  return out;
}

std::string lowerAll(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void boldLine(std::string_view text) {
  ImGui::PushFont(fonts().bold);
  ui::text(text);
  ImGui::PopFont();
}

void coloured(const ImVec4& colour, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ui::text(text);
  ImGui::PopStyleColor();
}

bool radio(const std::string& label, bool active) {
  const bool pressed = wrappedRadio(label, active);
  track(label.c_str());
  return pressed;
}

// Groups of text laid out on one line while they fit, with a thin vertical rule between
// groups on the same line, wrapping to the next line between groups when they do not (the
// status strip at large text sizes).
class Flow {
public:
  void next(float width) {
    if (!m_first) {
      const float gap = ImGui::GetFontSize() * 1.6f;
      const ImVec2 lastMax = ImGui::GetItemRectMax();
      const ImVec2 lastMin = ImGui::GetItemRectMin();
      ImGui::SameLine(0.0f, gap);
      if (ImGui::GetContentRegionAvail().x < width) {
        ImGui::NewLine();
      } else {
        // A rule between the groups, so that the facts read as separate.
        const float x = std::floor(lastMax.x + gap * 0.5f) + 0.5f;
        ImGui::GetWindowDrawList()->AddLine(
            ImVec2(x, lastMin.y + 1.0f), ImVec2(x, lastMax.y - 1.0f),
            ImGui::GetColorU32(ImGuiCol_Separator), std::max(1.0f, ImGui::GetFontSize() * 0.07f));
      }
    }
    m_first = false;
  }
  // "Label: value" as one group: the label in bold, the value in the regular font.
  void group(std::string_view label, std::string_view value, const ImVec4* colour = nullptr,
             bool boldValue = false) {
    const std::string name = std::string(label) + ":";
    ImGui::PushFont(fonts().bold);
    const float nameWidth = ImGui::CalcTextSize(name.c_str()).x;
    const float valueWidth =
        boldValue ? ImGui::CalcTextSize(value.data(), value.data() + value.size()).x : 0.0f;
    ImGui::PopFont();
    const float width =
        nameWidth + ImGui::GetStyle().ItemSpacing.x +
        (boldValue ? valueWidth : ImGui::CalcTextSize(value.data(), value.data() + value.size()).x);
    next(width);
    if (colour != nullptr) {
      ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    }
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    if (boldValue) {
      ImGui::PushFont(fonts().bold);
    }
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    if (boldValue) {
      ImGui::PopFont();
    }
    if (colour != nullptr) {
      ImGui::PopStyleColor();
    }
  }
  void text(std::string_view text, const ImVec4* colour = nullptr, bool bold = false) {
    if (bold) {
      ImGui::PushFont(fonts().bold);
    }
    next(ImGui::CalcTextSize(text.data(), text.data() + text.size()).x);
    if (colour != nullptr) {
      ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    }
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (colour != nullptr) {
      ImGui::PopStyleColor();
    }
    if (bold) {
      ImGui::PopFont();
    }
  }

private:
  bool m_first = true;
};

// Take the drafts from the attempt when another attempt (or decision point) is shown.
void sync(const view::WorkspaceModel& model, WorkspaceUi& ui) {
  const auto& state = *model.state;
  if (ui.syncedRestored != state.history.restored) {
    ui.syncedRestored = state.history.restored; // an undo or redo: take the notes again
    ui.notesPending = true;
  }
  if (ui.syncedAttempt == model.attemptId && ui.syncedScenario == state.scenarioId &&
      ui.syncedPoint == state.decisionPoint) {
    return;
  }
  const bool sameAttempt =
      ui.syncedAttempt == model.attemptId && ui.syncedScenario == state.scenarioId;
  ui.syncedAttempt = model.attemptId;
  ui.syncedScenario = state.scenarioId;
  ui.syncedPoint = state.decisionPoint;
  ui.syncedRestored = state.history.restored;
  ui.notesPending = true;
  ui.checks.clear();
  if (!sameAttempt) {
    ui.chronologySeen = 0;
    ui.chronologyAnchor = 0;
    ui.chronologySettle = 0;
    ui.selectTab = WorkspaceTab::Enquiries;
  }
}

// Why the last action was refused, in words and in the strongest colour.
void drawRefusal(const view::WorkspaceModel& model) {
  if (model.refusal.empty()) {
    return;
  }
  ImGui::PushFont(fonts().bold);
  coloured(palette().bad, "✗ Not done: " + model.refusal);
  ImGui::PopFont();
}

// ── Undo and redo ───────────────────────────────────────────────────────────────────────

// What a change to the working notes was about, for the Undo and Redo buttons.
std::string partLabel(const engine::NotesPart& part) {
  struct Label {
    std::string operator()(const engine::FactorsPart& /*p*/) const { return "factors"; }
    std::string operator()(const engine::EstimatePart& p) const {
      switch (p.kind) {
      case engine::EstimateKind::SignificantHarm:
        return "harm estimate";
      case engine::EstimateKind::Rereferral:
        return "re-referral estimate";
      case engine::EstimateKind::Confidence:
        break;
      }
      return "confidence";
    }
    std::string operator()(const engine::RationalePart& p) const {
      return "\xE2\x80\x9C" + std::string(engine::rationaleHeading(p.field).title) + "\xE2\x80\x9D";
    }
    std::string operator()(const engine::SafetyPart& /*p*/) const { return "safety scale"; }
    std::string operator()(const engine::NotesTextPart& /*p*/) const { return "notes"; }
  };
  return std::visit(Label{}, part);
}

// Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) while no text box is being edited: a box being
// edited has its own undo of what is typed in it.
void undoShortcuts(const engine::AttemptState& state, view::IntentSink& sink) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.WantTextInput || ImGui::IsAnyItemActive()) {
    return;
  }
  const bool z = ImGui::IsKeyPressed(kKeyZ, false);
  if (z && !io.KeyShift && !state.history.undo.empty()) {
    sink.push(view::Act{engine::Undo{}});
  } else if (((z && io.KeyShift) || ImGui::IsKeyPressed(kKeyY, false)) &&
             !state.history.redo.empty()) {
    sink.push(view::Act{engine::Redo{}});
  }
}

void drawUndoRedo(const engine::AttemptState& state, Flow& flow, view::IntentSink& sink) {
  const auto& history = state.history;
  if (history.undo.empty() && history.redo.empty()) {
    return; // nothing written since the last enquiry: no buttons to explain
  }
  const auto width = [](const std::string& label) {
    return ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
           ImGui::GetStyle().FramePadding.x * 2.0f;
  };
  const std::string undo = history.undo.empty()
                               ? std::string("Undo##undo")
                               : "Undo " + partLabel(history.undo.back().before) + "##undo";
  flow.next(width(undo));
  if (buttonIf(!history.undo.empty(), undo.c_str())) {
    sink.push(view::Act{engine::Undo{}});
  }
  track("Undo##undo");
  tooltip(history.undo.empty() ? "Nothing to undo since your last enquiry."
                               : "Take back your last change to the working notes (Ctrl+Z). "
                                 "Enquiries and waits cannot be undone.");
  const std::string redo = history.redo.empty()
                               ? std::string("Redo##redo")
                               : "Redo " + partLabel(history.redo.back().after) + "##redo";
  flow.next(width(redo));
  if (buttonIf(!history.redo.empty(), redo.c_str())) {
    sink.push(view::Act{engine::Redo{}});
  }
  track("Redo##redo");
  tooltip("Make the change you undid again (Ctrl+Shift+Z).");
}

// ── Status strip ────────────────────────────────────────────────────────────────────────

void drawStatusStrip(const view::WorkspaceModel& model, view::IntentSink& sink) {
  const auto& scenario = *model.scenario;
  const auto& state = *model.state;
  const auto& calendar = *model.calendar;
  const auto& colours = palette();

  ImGui::PushFont(fonts().heading);
  ui::text(scenario.meta.title);
  ImGui::PopFont();

  // Labelled groups, a rule between them: "Now: Monday 15:20 │ Decide by: Tuesday 13:20
  // (6 h of working time left) │ Replies: 1 pending, next due Mon 16:45 │ [Wait]".
  ImGui::AlignTextToFramePadding(); // the line holds a button
  Flow flow;
  flow.group("Now", longWhen(calendar, state.now));
  if (state.phase == engine::Phase::Gathering) {
    if (state.now <= state.deadline) {
      const int left = calendar.workingMinutesBetween(state.now, state.deadline);
      const std::string text = longWhen(calendar, state.deadline) + (left < 60 ? " (only " : " (") +
                               describeWorkingTime(left, 0) + " of working time left)";
      flow.group("Decide by", text, left < 60 ? &colours.warning : nullptr, left < 60);
    } else {
      const int over = calendar.workingMinutesBetween(state.deadline, state.now);
      const std::string text = longWhen(calendar, state.deadline) + " (" +
                               describeWorkingTime(over, 0) + " of working time over)";
      flow.group("✗ Deadline passed", text, &colours.bad, true);
    }
  } else {
    flow.text(state.phase == engine::Phase::Closed ? "✓ Case finished: every decision is locked"
                                                   : "✓ Decision locked",
              &colours.good, true);
  }

  if (state.phase != engine::Phase::Gathering || model.readOnly) {
    if (model.readOnly) {
      flow.text("Reviewing: nothing can be changed", &colours.muted);
    }
    drawRefusal(model);
    ImGui::Separator();
    return;
  }

  int pending = 0;
  std::optional<engine::SimTime> nextDue;
  for (const auto& check : state.checks) {
    if (check.status == engine::CheckStatus::Pending) {
      ++pending;
      if (!nextDue || check.due < *nextDue) {
        nextDue = check.due;
      }
    }
  }
  std::string replies =
      pending == 0 ? std::string("none pending") : std::to_string(pending) + " pending";
  if (nextDue) {
    replies += ", next due " + shortWhen(calendar, *nextDue);
  }
  flow.group("Replies", replies);

  const char* kWait = "Wait for next reply";
  flow.next(ImGui::CalcTextSize(kWait).x + ImGui::GetStyle().FramePadding.x * 2.0f);
  const bool canWait = pending > 0 && state.contactRead;
  if (buttonIf(canWait, kWait)) {
    sink.push(view::Act{engine::WaitForReply{}});
  }
  if (!canWait) {
    tooltip("Nothing is pending: request a check first.");
  }
  drawUndoRedo(state, flow, sink);
  drawRefusal(model);
  ImGui::Separator();
}

// ── Contact and household ───────────────────────────────────────────────────────────────

// Who made the contact, said once: "Health visitor", or "PC Adams (Police)" when the role
// does not already say which agency they work for.
std::string referrerText(const core::Contact& contact) {
  if (contact.anonymous || contact.referrerRole.empty()) {
    return "Anonymous referrer";
  }
  std::string out = contact.referrerRole;
  if (contact.referrerAgency) {
    const std::string agency(core::labelOf(*contact.referrerAgency));
    const std::string firstWord = lowerAll(agency.substr(0, agency.find_first_of(" (")));
    if (firstWord.empty() || lowerAll(out).find(firstWord) == std::string::npos) {
      out += " (" + agency + ")";
    }
  }
  return out;
}

void drawContact(const view::WorkspaceModel& model, view::IntentSink& sink) {
  const auto& scenario = *model.scenario;
  const auto& state = *model.state;
  const auto& contact = scenario.contact;
  const auto& calendar = *model.calendar;
  const engine::SimTime arrived = engine::SimTime::at(0, scenario.clock.startMinute);
  const std::string arrival =
      longWhen(calendar, arrived) + ", " + lowerFirst(core::labelOf(contact.channel));

  heading("Contact");
  if (!state.contactRead) {
    ui::text("A new contact arrived: " + arrival + ".");
    if (model.readOnly) {
      muted("The contact was not read in this attempt.");
      return;
    }
    ImGui::PushFont(fonts().bold);
    if (buttonIf(state.phase == engine::Phase::Gathering, "Read the contact",
                 ImVec2(-FLT_MIN, ImGui::GetFrameHeight() * 1.6f))) {
      sink.push(view::Act{engine::ReadContact{}});
    }
    ImGui::PopFont();
    muted("Reading it is the first step; the clock starts running.");
    return;
  }
  // "Name: value" on one line when it fits, else the value under its name.
  const auto field = [](std::string_view name, const std::string& value) {
    ImGui::PushFont(fonts().bold);
    const float nameWidth = ImGui::CalcTextSize(name.data(), name.data() + name.size()).x;
    ImGui::TextUnformatted(name.data(), name.data() + name.size());
    ImGui::PopFont();
    const float valueWidth = ImGui::CalcTextSize(value.c_str()).x;
    const float room =
        ImGui::GetContentRegionAvail().x - nameWidth - ImGui::GetStyle().ItemSpacing.x;
    if (valueWidth <= room) {
      ImGui::SameLine();
    } else {
      ImGui::Indent();
    }
    ui::text(value);
    if (valueWidth > room) {
      ImGui::Unindent();
    }
  };
  field("Arrived:", arrival);
  field("From:", referrerText(contact));
  field("Parent aware of the contact:", contact.parentAware ? "yes" : "no");
  field("Parent agreed to the referral:", contact.parentConsented ? "yes" : "no");
  ImGui::Spacing();
  boldLine("What they told us");
  ui::text(contact.presentingText);
  if (!contact.request.empty()) {
    ImGui::Spacing();
    boldLine("What they ask for");
    ui::text(contact.request);
  }
  // The census code, for recording only: small and muted, its meaning on hover.
  if (const auto* source =
          core::findCensusCode(core::CodeSet::ReferralSource, contact.sourceCode)) {
    ImGui::Spacing();
    muted("Census referral source " + contact.sourceCode);
    tooltip("Children-in-need census source of referral " + contact.sourceCode + ": " +
            std::string(source->label));
  }
}

void drawContactColumn(const view::WorkspaceModel& model, view::IntentSink& sink) {
  drawContact(model, sink);
  ImGui::Spacing();
  heading("Household");
  drawHouseholdDiagram(*model.scenario, ImGui::GetContentRegionAvail().x);
}

// ── Chronology ──────────────────────────────────────────────────────────────────────────

// "Earlier contact", "Section 47 enquiry": a record's type as a practitioner reads it
// beside the contact being screened.
std::string recordKind(core::RecordKind kind) {
  switch (kind) {
  case core::RecordKind::Contact:
    return "Earlier contact";
  case core::RecordKind::Referral:
    return "Earlier referral";
  default:
    return std::string(core::labelOf(kind));
  }
}

// "18 months before", "same day".
std::string recordAge(int day) {
  if (day >= 0) {
    return "same day";
  }
  std::string age = engine::describeRecordAge(day);
  constexpr std::string_view kSuffix = " the contact";
  if (age.size() > kSuffix.size() &&
      std::string_view(age).substr(age.size() - kSuffix.size()) == kSuffix) {
    age.resize(age.size() - kSuffix.size());
  }
  return age;
}

// The records search, one block a record, oldest first.
void drawRecordsFound(const core::Records& records, const std::string& fallback) {
  if (records.entries.empty()) {
    ui::text(fallback);
    return;
  }
  std::vector<const core::RecordEntry*> entries;
  for (const auto& entry : records.entries) {
    entries.push_back(&entry);
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto* a, const auto* b) { return a->day < b->day; });
  for (const auto* entry : entries) {
    ImGui::Bullet();
    ImGui::PushFont(fonts().bold);
    ui::text(recordKind(entry->kind) + " (" + recordAge(entry->day) + "):");
    ImGui::PopFont();
    ImGui::Indent(ImGui::GetTreeNodeToLabelSpacing());
    ui::text(entry->summary);
    ImGui::Unindent(ImGui::GetTreeNodeToLabelSpacing());
  }
}

// An entry's heading: the engine's words, with the check's own label kept apart from what
// happened to it ("Check requested — Police: Liam, Chloe and the address").
std::string entryHeading(const view::WorkspaceModel& model, const engine::TranscriptEntry* entry,
                         const engine::TranscriptLine& line) {
  const auto& scenario = *model.scenario;
  if (entry == nullptr) {
    return line.heading;
  }
  const bool isCheck = entry->kind == engine::EntryKind::CheckRequested ||
                       entry->kind == engine::EntryKind::ConsentRefused ||
                       entry->kind == engine::EntryKind::Reply ||
                       entry->kind == engine::EntryKind::NoReply;
  if (isCheck && entry->item >= 0 && at(entry->item) < scenario.checks.size()) {
    const auto& check = scenario.checks[at(entry->item)];
    const std::string label =
        check.label.empty() ? std::string(core::labelOf(check.agency)) : check.label;
    constexpr std::string_view kPartial = " (partial)";
    const bool partial =
        line.heading.size() > kPartial.size() &&
        std::string_view(line.heading).substr(line.heading.size() - kPartial.size()) == kPartial;
    switch (entry->kind) {
    case engine::EntryKind::CheckRequested:
      return "Check requested — " + label;
    case engine::EntryKind::ConsentRefused:
      return "Consent refused — " + label;
    case engine::EntryKind::Reply:
      return (partial ? "Partial reply — " : "Reply — ") + label;
    default:
      return "No reply — " + label;
    }
  }
  if (entry->kind == engine::EntryKind::Contact) {
    return "Contact received — " + referrerText(scenario.contact) + ", " +
           lowerFirst(core::labelOf(scenario.contact.channel));
  }
  return line.heading;
}

// The entries of the chronology, oldest first. When entries arrive, the view scrolls so
// that its top is the start of an entry and the first new entry shows from its beginning;
// space after the newest entry lets it come to the top.
void drawChronologyEntries(const view::WorkspaceModel& model, WorkspaceUi& ui) {
  const auto& lines = model.chronology;
  const auto& calendar = *model.calendar;
  if (lines.empty()) {
    muted("Nothing yet. What you read, ask and hear back appears here as it happens, the "
          "newest at the bottom.");
    ui.chronologySeen = 0;
    ui.chronologyAnchor = 0;
    ui.chronologySettle = 0;
    return;
  }
  const auto& transcript = model.state->transcript;
  const bool matched = transcript.size() == lines.size();
  std::vector<float> starts(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    const engine::TranscriptEntry* entry = matched ? &transcript[i] : nullptr;
    if (i > 0) {
      ImGui::Spacing();
      ImGui::Separator();
    }
    starts[i] = ImGui::GetCursorPosY();
    ImGui::PushID(static_cast<int>(i));
    muted(shortWhen(calendar, line.at));
    boldLine(entryHeading(model, entry, line));
    if (entry != nullptr && entry->kind == engine::EntryKind::Records) {
      drawRecordsFound(model.scenario->records, line.text);
    } else if (entry != nullptr && entry->kind == engine::EntryKind::Waited) {
      ui::text("From " + shortWhen(calendar, entry->started) + " to " +
               shortWhen(calendar, entry->at) + ".");
    } else if (!line.text.empty()) {
      ui::text(line.text);
    }
    ImGui::PopID();
  }
  const float end = ImGui::GetCursorPosY();
  const float view = ImGui::GetWindowHeight();
  if (lines.size() != ui.chronologySeen) {
    if (lines.size() > ui.chronologySeen) {
      // The first new entry (the newest when the view first opens) is to show.
      ui.chronologyFirst = ui.chronologySeen == 0 ? lines.size() - 1 : ui.chronologySeen;
      ui.chronologySettle = 3; // frames: a scroll bar that appears re-wraps the text
    }
    ui.chronologySeen = lines.size();
  }
  if (ui.chronologySettle > 0) {
    // The first new entry at the top or, when everything from an earlier entry on fits,
    // that earlier entry's start at the top.
    std::size_t anchor = std::min(ui.chronologyFirst, lines.size() - 1);
    while (anchor > 0 && end - starts[anchor - 1] <= view) {
      --anchor;
    }
    ui.chronologyAnchor = anchor;
    ImGui::SetScrollY(starts[anchor]);
    --ui.chronologySettle;
  }
  const std::size_t anchor = std::min(ui.chronologyAnchor, lines.size() - 1);
  const float room = starts[anchor] + view - end;
  if (room > 0.0f && anchor > 0) {
    ImGui::Dummy(ImVec2(1.0f, std::ceil(room)));
  }
}

// The chronology as a column: its heading stays in place above the scrolling entries.
void drawChronologyColumn(const view::WorkspaceModel& model, WorkspaceUi& ui) {
  heading("Chronology");
  ImGui::BeginChild("##chronology-entries", ImVec2(0.0f, 0.0f), false, kColumnFlags);
  drawChronologyEntries(model, ui);
  ImGui::EndChild();
}

// The contact and the chronology as two tabs of one column (large text sizes). New
// entries in the chronology bring its tab forward, so that the result of an action shows.
void drawReadingTabs(const view::WorkspaceModel& model, WorkspaceUi& ui, view::IntentSink& sink) {
  if (!ImGui::BeginTabBar("##reading-tabs")) {
    return;
  }
  const bool fresh = model.chronology.size() > ui.chronologySeen;
  const bool contactOpen = ImGui::BeginTabItem("Contact");
  track("Contact");
  if (contactOpen) {
    ImGui::BeginChild("##body-contact", ImVec2(0.0f, 0.0f), false, kColumnFlags);
    drawContactColumn(model, sink);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  const bool chronologyOpen = ImGui::BeginTabItem(
      "Chronology", nullptr, fresh ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None);
  track("Chronology");
  if (chronologyOpen) {
    ImGui::BeginChild("##body-chronology", ImVec2(0.0f, 0.0f), false, kColumnFlags);
    drawChronologyEntries(model, ui);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

// ── Enquiries ───────────────────────────────────────────────────────────────────────────

// What an action costs in simulated time, as a practitioner reads it.
std::string takes(int minutes, int perDay) {
  return "Takes about " + describeWorkingTime(minutes, perDay) + ".";
}

void drawQuestions(const view::WorkspaceModel& model, bool canAct, view::IntentSink& sink) {
  const auto& scenario = *model.scenario;
  const auto& state = *model.state;
  const int perDay = model.calendar->minutesPerWorkingDay();
  heading("Ask the referrer");
  bool any = false;
  if (ImGui::BeginTable("##questions", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("##action", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("##question", ImGuiTableColumnFlags_WidthStretch);
    for (std::size_t q = 0; q < scenario.questions.size(); ++q) {
      const auto& question = scenario.questions[q];
      if (!engine::routeOpenAt(scenario, question.decisionPoint, state.decisionPoint)) {
        continue;
      }
      any = true;
      ImGui::PushID(question.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const auto& asked = state.asked[q];
      if (asked) {
        ImGui::TextUnformatted("✓ Asked");
      } else {
        const std::string label = "Ask##q-" + question.id;
        if (buttonIf(canAct, label.c_str())) {
          sink.push(view::Act{engine::AskQuestion{question.id}});
        }
      }
      ImGui::TableNextColumn();
      ui::text("“" + question.ask + "”");
      muted(asked ? "Asked " + shortWhen(*model.calendar, asked->at) +
                        "; the answer is in the "
                        "chronology."
                  : takes(question.minutes, perDay));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!any) {
    muted("There are no questions for the referrer at this point.");
  }
}

void drawRecords(const view::WorkspaceModel& model, bool canAct, view::IntentSink& sink) {
  const auto& state = *model.state;
  heading("Social-care records");
  if (state.recordsChecked) {
    ui::text("✓ Checked " + shortWhen(*model.calendar, state.recordsChecked->at) +
             "; what was found is in the chronology.");
    return;
  }
  if (buttonIf(canAct, "Check records")) {
    sink.push(view::Act{engine::CheckRecords{}});
  }
  ImGui::SameLine();
  muted("Previous contacts, referrals, assessments and plans. " +
        takes(model.scenario->records.minutes, model.calendar->minutesPerWorkingDay()));
}

void drawDirect(const view::WorkspaceModel& model, bool canAct, view::IntentSink& sink) {
  const auto& scenario = *model.scenario;
  const auto& state = *model.state;
  const int perDay = model.calendar->minutesPerWorkingDay();
  heading("See or speak to the family");
  bool any = false;
  if (ImGui::BeginTable("##direct", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("##action", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("##contact", ImGuiTableColumnFlags_WidthStretch);
    for (std::size_t d = 0; d < scenario.direct.size(); ++d) {
      const auto& direct = scenario.direct[d];
      if (!engine::routeOpenAt(scenario, direct.decisionPoint, state.decisionPoint)) {
        continue;
      }
      any = true;
      ImGui::PushID(direct.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const auto& done = state.direct[d];
      if (done) {
        ImGui::TextUnformatted("✓ Done");
      } else {
        const std::string label = "Go ahead##direct-" + direct.id;
        if (buttonIf(canAct, label.c_str())) {
          sink.push(view::Act{engine::MakeDirectContact{direct.id}});
        }
      }
      ImGui::TableNextColumn();
      ui::text(direct.label.empty() ? std::string(core::labelOf(direct.kind)) : direct.label);
      muted(done ? "Done " + shortWhen(*model.calendar, done->at) + "; see the chronology."
                 : std::string(core::labelOf(direct.kind)) + ". " + takes(direct.minutes, perDay));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!any) {
    muted("No direct contact with the family is possible at this point.");
  }
}

void drawManager(const view::WorkspaceModel& model, bool canAct, view::IntentSink& sink) {
  const auto& scenario = *model.scenario;
  const auto& state = *model.state;
  heading("Manager");
  const int hint = engine::managerHintAt(scenario, state.decisionPoint);
  if (hint < 0) {
    muted("No manager is available to consult at this point.");
    return;
  }
  const auto point = at(state.decisionPoint);
  if (point < state.managerConsulted.size() && state.managerConsulted[point]) {
    ui::text("✓ Consulted " + shortWhen(*model.calendar, state.managerConsulted[point]->at) +
             "; their advice is in the chronology.");
    return;
  }
  if (buttonIf(canAct, "Consult manager")) {
    sink.push(view::Act{engine::ConsultManager{}});
  }
  ImGui::SameLine();
  muted(takes(scenario.manager[at(hint)].minutes, model.calendar->minutesPerWorkingDay()) +
        " The consultation is recorded.");
}

std::string checkStatus(const view::WorkspaceModel& model, const engine::CheckState& status,
                        const ImVec4** colour) {
  const auto& calendar = *model.calendar;
  const auto& colours = palette();
  const std::string route = status.withoutConsent  ? " · requested without consent"
                            : status.consentSought ? " · requested with consent"
                                                   : "";
  switch (status.status) {
  case engine::CheckStatus::NotRequested:
    *colour = &colours.muted;
    return "○ Not requested";
  case engine::CheckStatus::ConsentRefused:
    *colour = &colours.bad;
    return "✗ Consent refused " + shortWhen(calendar, status.requestedAt) +
           ": not requested. You may still request it without consent, with a reason.";
  case engine::CheckStatus::Pending:
    *colour = &colours.warning;
    return "… Pending: reply expected by " + shortWhen(calendar, status.due) + route;
  case engine::CheckStatus::Replied:
    *colour = &colours.good;
    return "✓ Replied " + shortWhen(calendar, status.answeredAt.value_or(status.due)) + route +
           " (see the chronology)";
  case engine::CheckStatus::NoReply:
    *colour = &colours.bad;
    return "✗ No reply by " + shortWhen(calendar, status.answeredAt.value_or(status.due)) + route;
  }
  return "";
}

void drawCheckRequest(const core::Check& check, const engine::CheckState& status, CheckDraft& draft,
                      view::IntentSink& sink) {
  using engine::ConsentChoice;
  const bool needed = check.consent == core::ConsentRule::Needed;
  const bool refused = status.status == engine::CheckStatus::ConsentRefused;
  if (refused) {
    draft.consent = ConsentChoice::Override; // the only way left
  } else if (!needed && !draft.consent) {
    draft.consent = ConsentChoice::NotSought;
  }
  if (!needed) {
    if (radio("Request without asking the parent##consent-none-" + check.id,
              draft.consent == ConsentChoice::NotSought)) {
      draft.consent = ConsentChoice::NotSought;
    }
  }
  if (!refused) {
    if (radio("Ask the parent for consent first##consent-seek-" + check.id,
              draft.consent == ConsentChoice::Seek)) {
      draft.consent = ConsentChoice::Seek;
    }
  }
  if (needed) {
    if (radio("Request without consent##consent-override-" + check.id,
              draft.consent == ConsentChoice::Override)) {
      draft.consent = ConsentChoice::Override;
    }
  }
  const bool overriding = draft.consent == ConsentChoice::Override;
  if (overriding) {
    const std::string label = "##reason-" + check.id;
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint(label.c_str(), "Why consent is overridden (required)", &draft.reason);
    track(label.c_str());
  }
  std::string missing;
  if (!draft.consent) {
    missing = "Choose how to handle consent.";
  } else if (overriding && blank(draft.reason)) {
    missing = "Record why consent is overridden.";
  }
  const std::string label = "Request##" + check.id;
  if (buttonIf(missing.empty(), label.c_str())) {
    engine::RequestCheck request;
    request.checkId = check.id;
    request.consent = *draft.consent;
    request.reason = overriding ? draft.reason : std::string();
    sink.push(view::Act{std::move(request)});
  }
  if (!missing.empty()) {
    ImGui::SameLine();
    muted(missing);
  }
}

void drawChecks(const view::WorkspaceModel& model, WorkspaceUi& ui, bool canAct,
                view::IntentSink& sink) {
  const auto& scenario = *model.scenario;
  const auto& state = *model.state;
  const int perDay = model.calendar->minutesPerWorkingDay();
  heading("Agency checks");
  bool any = false;
  for (std::size_t c = 0; c < scenario.checks.size(); ++c) {
    const auto& check = scenario.checks[c];
    if (!engine::routeOpenAt(scenario, check.decisionPoint, state.decisionPoint)) {
      continue;
    }
    any = true;
    const auto& status = state.checks[c];
    ImGui::PushID(check.id.c_str());
    boldLine(check.label.empty() ? std::string(core::labelOf(check.agency)) : check.label);
    const int latency = check.reply.latencyMinutes;
    muted(std::string(core::labelOf(check.agency)) + " · usually replies within " +
          describeWorkingTime(latency, perDay) + (latency < perDay ? " of working time" : "") +
          " · the request takes about " + describeWorkingTime(check.requestMinutes, perDay));
    muted(check.consent == core::ConsentRule::Needed
              ? "Shares only with parental consent, unless you override it and record why."
              : "Shares without parental consent.");
    const ImVec4* colour = nullptr;
    const std::string text = checkStatus(model, status, &colour);
    coloured(colour != nullptr ? *colour : ImGui::GetStyle().Colors[ImGuiCol_Text], text);
    const bool open = status.status == engine::CheckStatus::NotRequested ||
                      status.status == engine::CheckStatus::ConsentRefused;
    if (open && !model.readOnly) {
      if (!canAct) {
        ImGui::BeginDisabled();
      }
      drawCheckRequest(check, status, ui.checks[check.id], sink);
      if (!canAct) {
        ImGui::EndDisabled();
      }
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  if (!any) {
    muted("No partner-agency checks can be requested at this point.");
  }
}

void drawEnquiries(const view::WorkspaceModel& model, WorkspaceUi& ui, view::IntentSink& sink) {
  const auto& state = *model.state;
  const bool gathering = state.phase == engine::Phase::Gathering;
  const bool canAct = !model.readOnly && gathering && state.contactRead;
  if (model.readOnly) {
    muted("You are reviewing this attempt: nothing can be asked or requested.");
  } else if (!state.contactRead) {
    ui::text("Read the contact first (left column); then you can ask, check and request.");
  } else if (!gathering) {
    ui::text("The decision at this point is locked: no more enquiries can be made.");
  }
  drawQuestions(model, canAct, sink);
  ImGui::Spacing();
  drawRecords(model, canAct, sink);
  ImGui::Spacing();
  drawDirect(model, canAct, sink);
  ImGui::Spacing();
  drawManager(model, canAct, sink);
  ImGui::Spacing();
  drawChecks(model, ui, canAct, sink);
}

// ── Notes ───────────────────────────────────────────────────────────────────────────────

void drawNotes(const view::WorkspaceModel& model, WorkspaceUi& ui, view::IntentSink& sink) {
  const auto& state = *model.state;
  const bool canEdit =
      !model.readOnly && state.phase == engine::Phase::Gathering && state.contactRead;
  const char* kLabel = "##notes";
  if (ui.notesPending && ImGui::GetActiveID() != ImGui::GetID(kLabel)) {
    ui.notes = state.notes.notes;
    ui.notesPending = false;
  }
  if (canEdit) {
    muted("Your own working notes. They are saved when you leave the box.");
  } else if (!state.contactRead && !model.readOnly) {
    ui::text("Read the contact first; then you can write notes.");
  } else {
    muted("These notes can no longer be changed.");
  }
  const float height =
      std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeight() * 12.0f);
  ImGui::InputTextMultiline(kLabel, &ui.notes, ImVec2(-FLT_MIN, height),
                            canEdit ? ImGuiInputTextFlags_None : ImGuiInputTextFlags_ReadOnly);
  track(kLabel);
  if (ImGui::IsItemDeactivatedAfterEdit() && canEdit) {
    sink.push(view::Act{engine::WriteNotes{ui.notes}});
  }
}

// ── Tabs ────────────────────────────────────────────────────────────────────────────────

void drawTabs(const view::WorkspaceModel& model, WorkspaceUi& ui, view::IntentSink& sink) {
  if (!ImGui::BeginTabBar("##workspace-tabs")) {
    return;
  }
  struct Tab {
    WorkspaceTab tab;
    const char* label;
  };
  static constexpr Tab kTabs[] = {{WorkspaceTab::Enquiries, "Enquiries"},
                                  {WorkspaceTab::Notes, "Notes"},
                                  {WorkspaceTab::Decision, "Decision"}};
  for (const auto& tab : kTabs) {
    const ImGuiTabItemFlags flags =
        ui.selectTab == tab.tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    const bool open = ImGui::BeginTabItem(tab.label, nullptr, flags);
    track(tab.label);
    if (!open) {
      continue;
    }
    ui.tab = tab.tab;
    const std::string body = std::string("##body-") + tab.label;
    ImGui::BeginChild(body.c_str(), ImVec2(0.0f, 0.0f), false, kColumnFlags);
    switch (tab.tab) {
    case WorkspaceTab::Enquiries:
      drawEnquiries(model, ui, sink);
      break;
    case WorkspaceTab::Notes:
      drawNotes(model, ui, sink);
      break;
    case WorkspaceTab::Decision:
      drawDecisionForm(model, ui.decision, sink);
      break;
    }
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ui.selectTab.reset();
  ImGui::EndTabBar();
}

void drawNoCase(view::IntentSink& sink) {
  heading("No case is open");
  ui::text("Choose a case in the case library to start one, or continue an unfinished attempt "
           "from Home.");
  if (button("Open the case library")) {
    sink.push(view::ShowScreen{view::Screen::Library});
  }
}

} // namespace

std::string shortWhen(const engine::WorkingCalendar& calendar, engine::SimTime time) {
  const auto weekday = core::labelOf(calendar.weekdayOf(time.day()));
  std::string out =
      std::string(weekday.substr(0, 3)) + " " + core::formatTimeOfDay(time.minuteOfDay());
  if (std::abs(time.day()) >= 7) {
    out += " · day " + std::to_string(time.day());
  }
  return out;
}

std::string longWhen(const engine::WorkingCalendar& calendar, engine::SimTime time) {
  std::string out = std::string(core::labelOf(calendar.weekdayOf(time.day()))) + " " +
                    core::formatTimeOfDay(time.minuteOfDay());
  if (std::abs(time.day()) >= 7) {
    out += " (day " + std::to_string(time.day()) + ")";
  }
  return out;
}

std::string describeWorkingTime(int minutes, int minutesPerDay) {
  minutes = std::max(0, minutes);
  const auto hoursAndMinutes = [](int m) {
    const int hours = m / 60;
    const int rest = m % 60;
    if (hours == 0) {
      return std::to_string(rest) + " min";
    }
    return std::to_string(hours) + " h" + (rest == 0 ? "" : " " + std::to_string(rest) + " min");
  };
  if (minutesPerDay > 0 && minutes >= minutesPerDay) {
    const int days = minutes / minutesPerDay;
    const int rest = minutes % minutesPerDay;
    std::string out = std::to_string(days) + (days == 1 ? " working day" : " working days");
    if (rest > 0) {
      out += " " + hoursAndMinutes(rest);
    }
    return out;
  }
  return hoursAndMinutes(minutes);
}

namespace {

// A draggable divider between two columns. While dragged, the share lives in `drag`; on
// release it becomes the practitioner's layout (SetWorkspaceColumns, kept in preferences).
void columnDivider(const char* id, float width, float height, float usable,
                   std::optional<float>& drag, float share, const view::ShellModel& model,
                   view::IntentSink& sink) {
  ImGui::InvisibleButton(id, ImVec2(width, height));
  track(id);
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  }
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const float x = std::floor((min.x + max.x) * 0.5f);
  ImGui::GetWindowDrawList()->AddLine(
      ImVec2(x, min.y + height * 0.45f), ImVec2(x, min.y + height * 0.55f),
      ImGui::GetColorU32(ImGui::IsItemActive() ? ImGuiCol_SeparatorActive : ImGuiCol_Separator),
      2.0f);
  if (ImGui::IsItemActive() && usable > 0.0f) {
    const float limit = static_cast<float>(view::kMaxColumnPercent) / 100.0f;
    const float floor = static_cast<float>(view::kMinColumnPercent) / 100.0f;
    drag = std::clamp(share + ImGui::GetIO().MouseDelta.x / usable, floor, limit);
  }
  if (ImGui::IsItemDeactivated() && drag) {
    const auto percent = [](float f) { return static_cast<int>(std::lround(f * 100.0f)); };
    const bool contact = std::string_view(id) == "##divider-contact";
    sink.push(view::SetWorkspaceColumns{
        contact ? percent(*drag) : model.preferences.contactColumnPercent,
        contact ? model.preferences.chronologyColumnPercent : percent(*drag)});
    drag.reset();
  }
  tooltip("Drag to widen or narrow the columns");
}

} // namespace

void drawWorkspace(const view::ShellModel& model, WorkspaceUi& ui, view::IntentSink& sink) {
  const auto& workspace = model.workspace;
  if (!workspace.scenario || workspace.state == nullptr || workspace.calendar == nullptr) {
    drawNoCase(sink);
    return;
  }
  sync(workspace, ui);
  // Framed widgets (radio buttons, text boxes) keep a visible outline on white columns.
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize,
                      std::max(1.0f, ImGui::GetStyle().FrameBorderSize));
  drawStatusStrip(workspace, sink);
  if (!workspace.readOnly && workspace.state->phase == engine::Phase::Gathering) {
    undoShortcuts(*workspace.state, sink);
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float height = std::max(avail.y, ImGui::GetFrameHeightWithSpacing() * 6.0f);
  // Three columns while each can hold about 20 characters' width; at large text sizes the
  // contact and the chronology share one column as two tabs.
  const bool threeColumns = avail.x >= ImGui::GetFontSize() * 62.0f;
  if (threeColumns) {
    // Column widths: the practitioner's (kept in the preferences), or a divider being
    // dragged now; the actions column takes the rest.
    const float usable = avail.x - 2.0f * spacing;
    const float contactShare = ui.dragContact.value_or(
        static_cast<float>(model.preferences.contactColumnPercent) / 100.0f);
    const float chronologyShare = ui.dragChronology.value_or(
        static_cast<float>(model.preferences.chronologyColumnPercent) / 100.0f);
    const float left = std::floor(usable * contactShare);
    const float middle = std::floor(usable * chronologyShare);
    ImGui::BeginChild("##ws-contact", ImVec2(left, height), true, kColumnFlags);
    drawContactColumn(workspace, sink);
    ImGui::EndChild();
    ImGui::SameLine(0.0f, 0.0f);
    columnDivider("##divider-contact", spacing, height, usable, ui.dragContact, contactShare, model,
                  sink);
    ImGui::SameLine(0.0f, 0.0f);
    ImGui::BeginChild("##ws-chronology", ImVec2(middle, height), true,
                      kColumnFlags | ImGuiWindowFlags_NoScrollbar |
                          ImGuiWindowFlags_NoScrollWithMouse);
    drawChronologyColumn(workspace, ui);
    ImGui::EndChild();
    ImGui::SameLine(0.0f, 0.0f);
    columnDivider("##divider-chronology", spacing, height, usable, ui.dragChronology,
                  chronologyShare, model, sink);
    ImGui::SameLine(0.0f, 0.0f);
    ImGui::BeginChild("##ws-actions", ImVec2(0.0f, height), true, kColumnFlags);
    drawTabs(workspace, ui, sink);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    return;
  } else {
    const float left = std::floor((avail.x - spacing) * 0.5f);
    ImGui::BeginChild("##ws-reading", ImVec2(left, height), true, kColumnFlags);
    drawReadingTabs(workspace, ui, sink);
    ImGui::EndChild();
  }
  ImGui::SameLine();
  ImGui::BeginChild("##ws-actions", ImVec2(0.0f, height), true, kColumnFlags);
  drawTabs(workspace, ui, sink);
  ImGui::EndChild();
  ImGui::PopStyleVar();
}

} // namespace sim::ui
