// The enquiries tab: questions to the referrer, records, direct contacts, the manager,
// and partner-agency checks with their consent choice and reason.
#include "sim/ui/workspace_parts.hpp"
#include "sim/ui/wrapped_text_box.hpp"

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
           (model.scenario->consentByAdult()
                ? ": not requested. Ask another adult who can consent for this record, override "
                  "it with a recorded reason, or decide without it."
                : ": not requested. You may still request it without consent, with a reason.");
  case engine::CheckStatus::ConsentNoAnswer:
    *colour = &colours.warning;
    return "… Nobody you asked could give consent " + shortWhen(calendar, status.requestedAt) +
           ": not requested. Ask another adult who can consent for this record, override it "
           "with a recorded reason, or decide without it.";
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

// What an adult already asked about this check said, for their (disabled) option.
std::string askedNote(const engine::WorkingCalendar& calendar, const engine::CheckState& status,
                      const std::string& adult, int decisionPoint) {
  for (const auto& asked : status.asked) {
    if (asked.who == adult && asked.decisionPoint == decisionPoint) {
      const std::string when = shortWhen(calendar, asked.at);
      switch (asked.answer) {
      case core::ConsentReply::Agrees:
        return " — agreed " + when;
      case core::ConsentReply::Refuses:
        return " — refused " + when;
      case core::ConsentReply::NoAnswer:
        return " — not reached " + when;
      case core::ConsentReply::CannotConsent:
        return " — cannot consent " + when;
      }
    }
  }
  return "";
}

void drawCheckRequest(const view::WorkspaceModel& model, const core::Check& check,
                      const engine::CheckState& status, CheckDraft& draft, view::IntentSink& sink) {
  using engine::ConsentChoice;
  const auto& scenario = *model.scenario;
  const bool byAdult = scenario.consentByAdult();
  const bool needed = check.consent == core::ConsentRule::Needed;
  const bool refused = status.status == engine::CheckStatus::ConsentRefused;
  // The same choices in the same order for every agency, and none chosen for you: asking
  // first (whom, in a format-2 case), then going ahead without asking (where the agency
  // shares without consent) or without consent, recording why (where it needs consent).
  if (refused && !byAdult) {
    draft.consent = ConsentChoice::Override; // the only way left
  }
  if (byAdult) {
    muted(scenario.adults.empty() ? "Nobody in the household can be asked for consent."
                                  : "Ask for consent first:");
    for (const auto& adult : scenario.adults) {
      const std::string note =
          askedNote(*model.calendar, status, adult.id, model.state->decisionPoint);
      const bool chosen = draft.consent == ConsentChoice::Seek && draft.from == adult.id;
      if (!note.empty()) {
        ImGui::BeginDisabled();
      }
      if (radio("Ask " + core::adultLabel(adult) + note + "##consent-seek-" + check.id + "-" +
                    adult.id,
                chosen && note.empty())) {
        draft.consent = ConsentChoice::Seek;
        draft.from = adult.id;
      }
      if (!note.empty()) {
        ImGui::EndDisabled();
      }
    }
  } else if (!refused) {
    if (radio("Ask the parent for consent first##consent-seek-" + check.id,
              draft.consent == ConsentChoice::Seek)) {
      draft.consent = ConsentChoice::Seek;
    }
  }
  if (!needed) {
    const char* go = refused   ? "Request despite the refusal"
                     : byAdult ? "Request without seeking consent"
                               : "Request without asking the parent";
    if (radio(go + std::string("##consent-none-") + check.id,
              draft.consent == ConsentChoice::NotSought)) {
      draft.consent = ConsentChoice::NotSought;
    }
  } else {
    if (radio("Request without consent, recording why##consent-override-" + check.id,
              draft.consent == ConsentChoice::Override)) {
      draft.consent = ConsentChoice::Override;
    }
  }
  const bool overriding = draft.consent == ConsentChoice::Override;
  if (needed || refused) {
    // The box is always there for a check that needs consent, so choosing an option never
    // moves the Request button; it takes text only when consent is overridden.
    muted("Why consent is overridden (needed only to request without consent):");
    const std::string label = "##reason-" + check.id;
    if (!draft.synced) {
      draft.reason = status.reasonDraft; // saved as it was typed, so it survives a restart
      draft.synced = true;
    }
    if (!overriding) {
      ImGui::BeginDisabled();
    }
    const auto box =
        wrappedTextBox(label.c_str(), draft.reason, draft.reasonBox, -FLT_MIN,
                       ImGui::GetTextLineHeight() * 3.5f, !overriding, engine::kMaxActionText);
    track(label.c_str());
    if (box.saveDue && overriding) {
      sink.push(view::Act{engine::DraftReason{check.id, draft.reason}});
      markSaved(draft.reasonBox);
    }
    if (!overriding) {
      ImGui::EndDisabled();
    }
  }
  // An adult chosen before they were asked (and answered) is no longer a choice.
  const bool seeking = draft.consent == ConsentChoice::Seek;
  const bool staleChoice =
      seeking && byAdult &&
      !askedNote(*model.calendar, status, draft.from, model.state->decisionPoint).empty();
  std::string missing;
  if (!draft.consent || staleChoice) {
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
    request.from = seeking && byAdult ? draft.from : std::string();
    sink.push(view::Act{std::move(request)});
  }
  if (!missing.empty()) {
    ImGui::SameLine();
    muted(missing);
  } else if (seeking && byAdult) {
    ImGui::SameLine();
    muted("If they agree, the request goes at once.");
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
              ? "Shares only with consent (from the person the record is about, or a parent "
                "for a child), unless you override it and record why."
              : "Shares without consent; you may still ask first.");
    const ImVec4* colour = nullptr;
    const std::string text = checkStatus(model, status, &colour);
    coloured(colour != nullptr ? *colour : ImGui::GetStyle().Colors[ImGuiCol_Text], text);
    const bool open = status.status == engine::CheckStatus::NotRequested ||
                      status.status == engine::CheckStatus::ConsentRefused ||
                      status.status == engine::CheckStatus::ConsentNoAnswer;
    if (open && !model.readOnly) {
      if (!canAct) {
        ImGui::BeginDisabled();
      }
      drawCheckRequest(model, check, status, ui.checks[check.id], sink);
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

} // namespace sim::ui::workspace
