// Home: the profile chooser and creator, the crash-resume offer, unfinished attempts and
// the ways into practice and results.
#include "sim/ui/home_view.hpp"

#include "sim/ui/export_panel.hpp"

#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <string>

namespace sim::ui {

namespace {

// "1 step", "12 steps".
std::string steps(int count) { return std::to_string(count) + (count == 1 ? " step" : " steps"); }

void drawCrashResume(const view::UnfinishedAttempt& u, view::IntentSink& sink) {
  ImGui::BeginGroup();
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted("Frontdoor closed unexpectedly last time.");
  ImGui::PopFont();
  const std::string saved = u.events == 0   ? std::string("You had opened it but not yet acted.")
                            : u.events == 1 ? std::string("The step you took was saved.")
                                            : "All " + steps(u.events) + " you took were saved.";
  text("You were working on \"" + u.title + "\". " + saved +
       " Would you like to carry on where you left off?");
  if (u.resumable) {
    if (button("Resume where I left off")) {
      sink.push(view::ResumeAttempt{u.attemptId});
    }
    ImGui::SameLine();
  } else {
    muted(u.problem);
  }
  if (button("Not now")) {
    sink.push(view::DismissResumeOffer{});
  }
  ImGui::EndGroup();
  // Framed by a rule above and below, so its height always fits its text at any size.
  ImGui::Separator();
}

void drawProfiles(const view::ShellModel& model, HomeUi& ui, view::IntentSink& sink) {
  if (!ui.submitted.empty() && ui.submitted == model.home.currentId) {
    ui.newId.clear();
    ui.newName.clear();
    ui.newTeam.clear();
    ui.submitted.clear();
  }
  heading("Who is practising?");
  if (model.home.profiles.empty()) {
    muted("No profiles yet. Create one below: use a pseudonymous id (your initials and a "
          "number), never a family's name.");
  }
  for (const auto& p : model.home.profiles) {
    ImGui::PushID(p.id.c_str());
    const bool current = p.id == model.home.currentId;
    const std::string label = (current ? "\xE2\x97\x8F " : "\xE2\x97\x8B ") + p.displayName +
                              "  (" + p.id + ")" + (p.team.empty() ? "" : " · " + p.team);
    const std::string count =
        std::to_string(p.attempts) + (p.attempts == 1 ? " attempt" : " attempts");
    // One selectable row: the name and, at the right or (when that does not fit) under
    // it, the number of attempts.
    const float width = ImGui::GetContentRegionAvail().x;
    const float countWidth = ImGui::CalcTextSize(count.c_str()).x;
    const float gap = ImGui::GetFontSize();
    const bool oneLine = ImGui::CalcTextSize(label.c_str()).x + gap + countWidth <= width;
    const ImVec2 labelSize = ImGui::CalcTextSize(label.c_str(), nullptr, false, width);
    const float height =
        oneLine ? labelSize.y
                : labelSize.y + ImGui::GetStyle().ItemSpacing.y + ImGui::GetTextLineHeight();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##profile-row", current, ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0.0f, height))) {
      sink.push(view::SelectProfile{p.id});
    }
    track(("Profile##" + p.id).c_str());
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(start);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopTextWrapPos();
    if (oneLine) {
      ImGui::SameLine(ImGui::GetCursorPosX() + width - countWidth);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    ImGui::TextUnformatted(count.c_str());
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(after);
    ImGui::PopID();
  }
  ImGui::Spacing();
  heading("New profile");
  // Labels above the fields; the fields keep the tracked names the tests click.
  const float width = ImGui::GetContentRegionAvail().x * 0.8f;
  const auto field = [width](const char* title, const char* id, const char* tracked,
                             const char* hint, std::string& value) {
    text(title);
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint(id, hint, &value);
    track(tracked);
  };
  field("Id (your initials and a number)", "##new-profile-id", "Id##new-profile", "e.g. ab-17",
        ui.newId);
  field("Display name", "##new-profile-name", "Display name##new-profile", "as shown on screen",
        ui.newName);
  field("Team (optional)", "##new-profile-team", "Team##new-profile", "e.g. MASH East", ui.newTeam);
  ImGui::Spacing();
  // The reminder shows once the person has started filling the form in, or pressed
  // Create with it empty; not on a form nobody has touched yet.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID triedId = ImGui::GetID("##new-profile-tried");
  const bool ready = !ui.newId.empty() && !ui.newName.empty();
  if (button("Create profile")) {
    if (ready) {
      // The drafts stay until the profile exists: a refused id can be corrected in place.
      sink.push(view::CreateProfile{ui.newId, ui.newName, ui.newTeam});
      ui.submitted = ui.newId;
      storage->SetBool(triedId, false);
    } else {
      storage->SetBool(triedId, true);
    }
  }
  const bool started = !ui.newId.empty() || !ui.newName.empty() || !ui.newTeam.empty();
  if (!ready && (started || storage->GetBool(triedId, false))) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    muted("An id and a display name are needed.");
  }
}

void drawPractice(const view::ShellModel& model, view::IntentSink& sink) {
  const auto& home = model.home;
  if (home.currentId.empty()) {
    heading("Getting started");
    text("Choose your profile on the left, or create one. Your attempts and scores are kept "
         "under it so that you can see how your decisions develop.");
    return;
  }
  heading("Welcome back, " + home.currentName);
  text(std::to_string(home.casesAvailable) + " cases in the library · " +
       std::to_string(home.attemptsFinished) + " finished by you");
  ImGui::Spacing();
  if (button("Start practice")) {
    sink.push(view::ShowScreen{view::Screen::Library});
  }
  ImGui::SameLine();
  if (button("See my results")) {
    sink.push(view::ShowScreen{view::Screen::Progress});
  }
  ImGui::Spacing();
  heading("Carry on");
  if (home.unfinished.empty()) {
    muted("Nothing unfinished. Start a case from the library.");
  }
  for (const auto& u : home.unfinished) {
    ImGui::PushID(static_cast<int>(u.attemptId));
    ImGui::PushFont(fonts().bold);
    text(u.title);
    ImGui::PopFont();
    muted("Started " + u.startedAt.substr(0, 10) + " · " + steps(u.events) + " so far");
    if (u.resumable) {
      if (button(("Resume##attempt-" + std::to_string(u.attemptId)).c_str())) {
        sink.push(view::ResumeAttempt{u.attemptId});
      }
      ImGui::SameLine();
    } else {
      muted("Cannot be resumed: " + u.problem);
    }
    if (button(("Set aside##attempt-" + std::to_string(u.attemptId)).c_str())) {
      sink.push(view::AbandonAttempt{u.attemptId});
    }
    tooltip("Marks the attempt abandoned. It stays in your history but is not scored.");
    ImGui::Separator();
    ImGui::PopID();
  }
}

} // namespace

void drawHome(const view::ShellModel& model, HomeUi& ui, view::IntentSink& sink) {
  if (model.home.crashResume) {
    drawCrashResume(*model.home.crashResume, sink);
  }
  ImGui::PushFont(fonts().title);
  ImGui::TextUnformatted("Practise front-door decisions");
  ImGui::PopFont();
  muted("Read a contact, make the enquiries you would make, decide within one working day, "
        "then compare your decision with an expert panel's and with what actually happened. "
        "The cases are fictional.");
  ImGui::Spacing();
  const float left = ImGui::GetContentRegionAvail().x * 0.42f;
  ImGui::BeginChild("profiles", ImVec2(left, 0), true, ImGuiWindowFlags_NavFlattened);
  drawProfiles(model, ui, sink);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("practice", ImVec2(0, 0), true, ImGuiWindowFlags_NavFlattened);
  drawPractice(model, sink);
  ImGui::Spacing();
  muted("Results are saved in " + model.home.databasePath);
  ImGui::Spacing();
  drawExportPanel(model, true, sink);
  ImGui::EndChild();
}

} // namespace sim::ui
