// Home: the profile chooser and creator, the crash-resume offer, unfinished attempts and
// the ways into practice and results.
#include "sim/ui/home_view.hpp"

#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <string>

namespace sim::ui {

namespace {

void drawCrashResume(const view::UnfinishedAttempt& u, view::IntentSink& sink) {
  ImGui::BeginChild("crash-resume", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 4.6f), true);
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted("Frontdoor closed unexpectedly last time.");
  ImGui::PopFont();
  text("You were working on \"" + u.title + "\". All " + std::to_string(u.events) +
       " steps you took were saved. Would you like to carry on where you left off?");
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
  ImGui::EndChild();
}

void drawProfiles(const view::ShellModel& model, HomeUi& ui, view::IntentSink& sink) {
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
    if (ImGui::Selectable(label.c_str(), current)) {
      sink.push(view::SelectProfile{p.id});
    }
    track(("Profile##" + p.id).c_str());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("00 attempts").x);
    ImGui::TextDisabled("%d attempt%s", p.attempts, p.attempts == 1 ? "" : "s");
    ImGui::PopID();
  }
  ImGui::Spacing();
  heading("New profile");
  const float width = ImGui::GetContentRegionAvail().x * 0.6f;
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint("Id##new-profile", "e.g. ab-17", &ui.newId);
  track("Id##new-profile");
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint("Display name##new-profile", "as shown on screen", &ui.newName);
  track("Display name##new-profile");
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint("Team##new-profile", "optional", &ui.newTeam);
  track("Team##new-profile");
  const bool ready = !ui.newId.empty() && !ui.newName.empty();
  if (buttonIf(ready, "Create profile")) {
    sink.push(view::CreateProfile{ui.newId, ui.newName, ui.newTeam});
    ui.newId.clear();
    ui.newName.clear();
    ui.newTeam.clear();
  }
  if (!ready) {
    ImGui::SameLine();
    ImGui::TextDisabled("An id and a display name are needed.");
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
    muted("Started " + u.startedAt.substr(0, 10) + " · " + std::to_string(u.events) +
          " steps saved");
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
  ImGui::BeginChild("profiles", ImVec2(left, 0), true);
  drawProfiles(model, ui, sink);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("practice", ImVec2(0, 0), true);
  drawPractice(model, sink);
  ImGui::Spacing();
  muted("Results are saved in " + model.home.databasePath);
  ImGui::EndChild();
}

} // namespace sim::ui
