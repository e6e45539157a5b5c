// The case library: a filterable table of cases with this practitioner's status and best
// score, and a preview of the selected case with the way in (start or resume).
#include "sim/ui/library_view.hpp"

#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

namespace sim::ui {

namespace {

// Selection survives a reload that adds or removes files: entries are found by key.
std::string entryKey(const view::LibraryEntry& entry) {
  return entry.loaded ? entry.id : entry.file;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool matches(const view::LibraryEntry& entry, const LibraryUi& ui) {
  if (ui.statusFilter == 1 && entry.status != view::CaseStatus::New) {
    return false;
  }
  if (ui.statusFilter == 2 && entry.status != view::CaseStatus::InProgress) {
    return false;
  }
  if (ui.statusFilter == 3 && entry.status != view::CaseStatus::Done) {
    return false;
  }
  if (!ui.areaFilter.empty() && entry.practiceArea != ui.areaFilter) {
    return false;
  }
  if (ui.search.empty()) {
    return true;
  }
  const auto needle = lower(ui.search);
  for (const auto* field : {&entry.title, &entry.practiceArea, &entry.summary, &entry.id}) {
    if (lower(*field).find(needle) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string statusText(const view::LibraryEntry& entry) {
  if (!entry.loaded) {
    return "\xE2\x9C\x97 does not load";
  }
  switch (entry.status) {
  case view::CaseStatus::New:
    return "\xE2\x97\x8B New";
  case view::CaseStatus::InProgress:
    return "\xE2\x97\x90 In progress";
  case view::CaseStatus::Done:
    return "\xE2\x9C\x93 Done";
  }
  return {};
}

// The next item on the same line when `width` still fits, else on the next line (the filter
// row at large text sizes).
void sameLineIfFits(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) {
    ImGui::NewLine();
  }
}

void drawFilters(const view::LibraryModel& model, LibraryUi& ui, view::IntentSink& sink) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
  ImGui::InputTextWithHint("##library-search", "Search titles and areas", &ui.search);
  track("Search##library");
  sameLineIfFits(ImGui::GetFontSize() * 8.0f);
  static constexpr const char* kStatuses[] = {"All cases", "New", "In progress", "Done"};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  ImGui::Combo("##status-filter", &ui.statusFilter, kStatuses, 4);
  track("Status##library");
  sameLineIfFits(ImGui::GetFontSize() * 12.0f);
  std::set<std::string> areas;
  for (const auto& e : model.entries) {
    if (e.loaded) {
      areas.insert(e.practiceArea);
    }
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
  if (ImGui::BeginCombo("##area-filter",
                        ui.areaFilter.empty() ? "All practice areas" : ui.areaFilter.c_str())) {
    if (ImGui::Selectable("All practice areas", ui.areaFilter.empty())) {
      ui.areaFilter.clear();
    }
    for (const auto& area : areas) {
      if (ImGui::Selectable(area.c_str(), area == ui.areaFilter)) {
        ui.areaFilter = area;
      }
    }
    ImGui::EndCombo();
  }
  track("Area##library");
  sameLineIfFits(ImGui::CalcTextSize("Reload cases").x + ImGui::GetStyle().FramePadding.x * 2.0f);
  if (button("Reload cases")) {
    sink.push(view::ReloadLibrary{});
  }
  tooltip("Read the scenario folder again, e.g. after adding or fixing a case file.");
}

void drawTable(const view::LibraryModel& model, LibraryUi& ui, view::IntentSink& sink) {
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  // At large text sizes the difficulty and length go under the title with the practice
  // area, and the best score is left to the preview, so that no column is cut short.
  const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 34.0f;
  if (!ImGui::BeginTable("cases", narrow ? 2 : 5, kFlags)) {
    return;
  }
  ImGui::TableSetupColumn("Case", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  if (!narrow) {
    ImGui::TableSetupColumn("Difficulty", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("Length", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  }
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  if (!narrow) {
    ImGui::TableSetupColumn("Best", ImGuiTableColumnFlags_WidthStretch, 0.7f);
  }
  ImGui::TableHeadersRow();
  int shown = 0;
  for (std::size_t i = 0; i < model.entries.size(); ++i) {
    const auto& entry = model.entries[i];
    if (!matches(entry, ui)) {
      continue;
    }
    ++shown;
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool selected = ui.selected == entryKey(entry);
    // The title and, under it, the practice area, as one highlighted row: a selectable as
    // tall as both lines, with the two lines drawn over it.
    std::string detail = entry.loaded ? entry.practiceArea : std::string();
    if (narrow && entry.loaded) {
      detail += " · " + entry.difficulty + " · " + std::to_string(entry.expectedMinutes) + " min";
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 titleSize = ImGui::CalcTextSize(entry.title.c_str(), nullptr, false, width);
    const ImVec2 detailSize = detail.empty()
                                  ? ImVec2(0.0f, 0.0f)
                                  : ImGui::CalcTextSize(detail.c_str(), nullptr, false, width);
    const float rowHeight = titleSize.y + (detail.empty() ? 0.0f : spacing + detailSize.y);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##case-row", selected,
                          ImGuiSelectableFlags_SpanAllColumns |
                              ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0.0f, rowHeight))) {
      ui.selected = entryKey(entry);
    }
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) {
      ui.selected = entryKey(entry); // the keyboard's focus chooses, as in any list
      // Return opens the chosen case, as the preview's first button does.
      if (entry.loaded && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
        if (entry.status == view::CaseStatus::InProgress && entry.unfinishedAttempt != 0) {
          sink.push(view::ResumeAttempt{entry.unfinishedAttempt});
        } else {
          sink.push(view::StartAttempt{entry.id});
        }
      }
    }
    track(("Case##" + (entry.loaded ? entry.id : entry.file)).c_str());
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(start);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(entry.title.c_str());
    if (!detail.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
      ImGui::TextUnformatted(detail.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(after);
    if (!narrow) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(entry.difficulty.c_str());
      ImGui::TableNextColumn();
      if (entry.loaded) {
        ImGui::Text("%d min", entry.expectedMinutes);
      }
    }
    ImGui::TableNextColumn();
    const auto status = statusText(entry);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopTextWrapPos();
    if (!narrow) {
      ImGui::TableNextColumn();
      if (entry.bestScore) {
        ImGui::Text("%.0f", *entry.bestScore);
      } else {
        ImGui::TextDisabled("\xE2\x80\x94");
      }
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (shown == 0) {
    muted("No case matches the search and filters.");
  }
}

void drawPreview(const view::LibraryModel& model, const LibraryUi& ui, view::IntentSink& sink) {
  const view::LibraryEntry* found = nullptr;
  for (const auto& e : model.entries) {
    found = found != nullptr ? found : (entryKey(e) == ui.selected ? &e : nullptr);
  }
  if (found == nullptr) {
    heading("Choose a case");
    text("Select a case in the list to read how the contact arrived and who is in the "
         "household. The panel's view and what happened stay hidden until you decide.");
    return;
  }
  const auto& entry = *found;
  if (!entry.loaded) {
    heading(entry.title);
    text(entry.file + " cannot be opened. Fix these problems in the file and choose Reload "
                      "cases:");
    for (const auto& line : entry.diagnostics) {
      ImGui::Bullet();
      text(line);
    }
    return;
  }
  const auto& p = entry.preview;
  ImGui::PushFont(fonts().heading);
  text(p.title);
  ImGui::PopFont();
  muted(entry.practiceArea + " · " + entry.difficulty + " · about " +
        std::to_string(entry.expectedMinutes) + " minutes");
  ImGui::Spacing();
  if (entry.status == view::CaseStatus::InProgress && entry.unfinishedAttempt != 0) {
    if (button(("Resume##case-" + entry.id).c_str())) {
      sink.push(view::ResumeAttempt{entry.unfinishedAttempt});
    }
    ImGui::SameLine();
    if (button(("Start again##case-" + entry.id).c_str())) {
      // The unfinished attempt is set aside (kept in the history, not scored).
      sink.push(view::AbandonAttempt{entry.unfinishedAttempt});
      sink.push(view::StartAttempt{entry.id});
    }
    tooltip("Sets your unfinished attempt aside and starts the case afresh.");
  } else if (button(("Start this case##case-" + entry.id).c_str())) {
    sink.push(view::StartAttempt{entry.id});
  }
  if (entry.bestScore) {
    ImGui::SameLine();
    ImGui::Text("Your best score: %.0f / 100", *entry.bestScore);
  }
  muted("With the keyboard: Return on a case in the list opens it.");
  if (entry.userAdded) {
    muted("Added by you: " + entry.file);
  }
  ImGui::Separator();
  text(entry.summary);
  ImGui::Spacing();
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted("Contact");
  ImGui::PopFont();
  if (!p.referrer.empty()) {
    text("From: " + p.referrer);
  }
  text("Arrived: " + p.arrival);
  ImGui::Spacing();
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted("Household");
  ImGui::PopFont();
  for (const auto& line : p.household) {
    ImGui::Bullet();
    text(line);
  }
  ImGui::Spacing();
  muted(p.counts);
  if (!entry.diagnostics.empty()) {
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted("Notes for the author");
    ImGui::PopFont();
    for (const auto& line : entry.diagnostics) {
      ImGui::Bullet();
      muted(line);
    }
  }
}

} // namespace

void drawLibrary(const view::ShellModel& model, LibraryUi& ui, view::IntentSink& sink) {
  const auto& library = model.library;
  if (!library.problem.empty()) {
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted("Problem with the case library:");
    ImGui::PopFont();
    text(library.problem);
  }
  drawFilters(library, ui, sink);
  if (!library.userFolder.empty()) {
    muted("Your own cases go in " + library.userFolder + " (then choose Reload cases).");
  }
  const float left = ImGui::GetContentRegionAvail().x * 0.56f;
  // The list scrolls in its own window, which the keyboard enters like the rest of the
  // screen (flattened): Down from the filters reaches the first case.
  ImGui::BeginChild("case-list", ImVec2(left, 0), true, ImGuiWindowFlags_NavFlattened);
  drawTable(library, ui, sink);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("case-preview", ImVec2(0, 0), true, ImGuiWindowFlags_NavFlattened);
  drawPreview(library, ui, sink);
  ImGui::EndChild();
}

} // namespace sim::ui
