// Drawing of the case library and case preview.
#include "sim/ui/library_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace sim::ui {

namespace {

// A bullet whose text wraps at the window edge (BulletText does not wrap).
void wrappedBullet(const std::string& text) {
  ImGui::Bullet();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

void drawList(const LibraryViewModel& model, IntentSink& sink) {
  ImGui::TextUnformatted("Cases");
  ImGui::SameLine();
  ImGui::TextDisabled("(%d)", static_cast<int>(model.entries.size()));
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - 70.0f);
  if (ImGui::SmallButton("Reload")) {
    sink.push(ReloadLibrary{});
  }
  ImGui::Separator();
  for (std::size_t i = 0; i < model.entries.size(); ++i) {
    const auto& entry = model.entries[i];
    ImGui::PushID(static_cast<int>(i));
    // Status is said in words, never by colour alone.
    std::string label = entry.title;
    const auto count = [](int n, const char* noun) {
      return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    if (!entry.loaded) {
      label += "  [does not load: " + count(entry.errors, "error") + "]";
    } else if (entry.warnings > 0) {
      label += "  [" + count(entry.warnings, "warning") + "]";
    }
    if (ImGui::Selectable(label.c_str(), model.selected == static_cast<int>(i))) {
      sink.push(SelectCase{i});
    }
    if (entry.loaded) {
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
      ImGui::TextWrapped("%s · %s · about %d min", entry.practiceArea.c_str(),
                         entry.difficulty.c_str(), entry.expectedMinutes);
      ImGui::PopStyleColor();
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
}

void drawPreview(const LibraryViewModel& model) {
  if (model.selected < 0 || model.selected >= static_cast<int>(model.entries.size())) {
    ImGui::TextWrapped("Choose a case on the left to read its contact.");
    return;
  }
  const auto& entry = model.entries[static_cast<std::size_t>(model.selected)];
  if (!entry.loaded) {
    ImGui::TextWrapped("%s cannot be opened. Fix these problems in the file and press Reload:",
                       entry.file.c_str());
    ImGui::Spacing();
    for (const auto& line : entry.diagnostics) {
      wrappedBullet(line);
    }
    return;
  }
  const auto& p = model.preview;
  ImGui::SetWindowFontScale(1.3f);
  ImGui::TextUnformatted(p.title.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("%s", entry.summary.c_str());
  ImGui::PopStyleColor();
  ImGui::Separator();
  ImGui::Text("Contact received: %s", p.arrival.c_str());
  ImGui::Text("Referrer: %s", p.referrer.c_str());
  ImGui::Spacing();
  ImGui::TextUnformatted("What the referrer said");
  // The referrer's words get the room they need, up to about half the window.
  const float lines = ImGui::GetTextLineHeightWithSpacing();
  const float presentingHeight = std::max(lines * 9.0f, ImGui::GetContentRegionAvail().y * 0.5f);
  ImGui::BeginChild("presenting", ImVec2(0, presentingHeight), true);
  ImGui::TextWrapped("%s", p.presentingText.c_str());
  ImGui::EndChild();
  if (!p.request.empty()) {
    ImGui::TextWrapped("Asking for: %s", p.request.c_str());
  }
  ImGui::Spacing();
  ImGui::TextUnformatted("Household");
  for (const auto& line : p.household) {
    ImGui::BulletText("%s", line.c_str());
  }
  ImGui::Spacing();
  ImGui::TextDisabled("%s", p.counts.c_str());
  if (!entry.diagnostics.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Author warnings");
    for (const auto& line : entry.diagnostics) {
      wrappedBullet(line);
    }
  }
}

} // namespace

void drawLibrary(const LibraryViewModel& model, IntentSink& sink) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("Frontdoor", nullptr, kFlags);
  ImGui::TextUnformatted("Frontdoor — front-door decision practice");
  ImGui::SameLine();
  ImGui::TextDisabled("  scenarios: %s", model.scenarioFolder.c_str());
  if (!model.problem.empty()) {
    ImGui::TextWrapped("Problem: %s", model.problem.c_str());
  }
  ImGui::Separator();
  const float listWidth = ImGui::GetContentRegionAvail().x * 0.36f;
  ImGui::BeginChild("library", ImVec2(listWidth, 0), true);
  drawList(model, sink);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("preview", ImVec2(0, 0), true);
  drawPreview(model);
  ImGui::EndChild();
  ImGui::End();
}

} // namespace sim::ui
