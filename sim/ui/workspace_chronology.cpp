// The chronology: what has been learned and done, in clock order, with new entries
// brought into view; and the reading tabs used at large text sizes.
#include "sim/ui/workspace_parts.hpp"

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

namespace sim::ui::workspace {

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
                       (entry->kind == engine::EntryKind::ConsentRefused && entry->adult < 0) ||
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

} // namespace sim::ui::workspace
