// The contact column: the contact as the referrer gave it, and the household diagram with
// its text equivalent.
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

} // namespace sim::ui::workspace
