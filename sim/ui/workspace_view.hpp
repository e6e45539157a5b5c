// The case workspace: a status strip (clock, deadline, pending replies), then three columns:
// the contact and household diagram; the chronology; and tabs for enquiries (questions,
// records, direct contacts, manager, partner-agency checks), notes and the decision form.
// Drawn from the read-only WorkspaceModel; every change is pushed as an intent.
#pragma once

#include "sim/engine/calendar.hpp"
#include "sim/engine/sim_time.hpp"
#include "sim/ui/decision_form.hpp"
#include "sim/ui/wrapped_text_box.hpp"
#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

// Labels of the tracked widgets (ui::track), which the headless UI tests click by. <id> is
// the scenario's id of the item, <token> the vocabulary token from sim/core/codes.hpp,
// <label> its plain-language label from the same table.
//   No case open:     "Open the case library"
//   Status strip:     "Wait for next reply", and once the notes have changed since the
//                     last enquiry "Undo##undo" and "Redo##redo" (Ctrl+Z, Ctrl+Shift+Z)
//   Contact column:   "Read the contact"
//   Tabs:             "Enquiries", "Notes", "Decision"; at large text sizes (content
//                     narrower than 62 font sizes) also "Contact" and "Chronology"
//   Enquiries tab:    "Ask##q-<id>", "Check records", "Go ahead##direct-<id>",
//                     "Consult manager", per check: "Request##<id>" and the consent radios
//                     "Request without asking the parent##consent-none-<id>",
//                     "Ask the parent for consent first##consent-seek-<id>",
//                     "Request without consent##consent-override-<id>", the reason
//                     "##reason-<id>"
//   Notes tab:        "##notes"
//   Decision tab:     "<label>##response-<token>", "<label>##need-<n>" (n = 1..4),
//                     "<label>##urgency-<token>", "<label>##adjunct-<token>",
//                     "Harm##estimate", "Re-referral##estimate", "Confidence##estimate",
//                     "Safety scale##safety", and the buttons that record a slider's shown
//                     value before it was moved: "Record##estimate-harm",
//                     "Record##estimate-rereferral", "Record##estimate-confidence",
//                     "Record##safety-record";
//                     factors: "Risk##factor-side-risk", "Protective##factor-side-protective",
//                     "##factor-search", "No code##code-none", "<code>  <label>##code-<code>",
//                     "None##fact-none", "<fact text>##fact-<id>", "##factor-note",
//                     "Add factor", "Remove##factor-<number>";
//                     rationale: "##rationale-<heading>" with <heading> what_happened,
//                     what_we_fear, complicating, strengths, next_steps;
//                     "Change the choices##go-choices" (back to the top of the form),
//                     "Lock decision…" (opens the confirmation), in the modal "Lock decision"
//                     and "Go back"; once locked: "Open the debrief".
namespace sim::ui {

enum class WorkspaceTab { Enquiries, Notes, Decision };

/// A partner-agency check being prepared: how consent is handled and why it is overridden.
struct CheckDraft {
  std::optional<engine::ConsentChoice> consent;
  std::string from;    // with Seek in a [[consent]] case: the adult to ask
  bool synced = false; // `reason` was taken from the attempt's saved draft
  std::string reason;
  WrappedTextBoxState reasonBox;
};

/// UI-only state of the workspace (drafts, open tabs); owned by the shell.
struct WorkspaceUi {
  // What the drafts were last taken from.
  std::int64_t syncedAttempt = -1;
  std::string syncedScenario;
  int syncedPoint = -1;
  int syncedRestored = 0;    // undos and redos seen (state.history.restored)
  bool notesPending = false; // take the notes draft from the attempt when not being edited

  std::string notes; // draft of the free notes
  WrappedTextBoxState notesBox;
  std::map<std::string, CheckDraft> checks; // by check id
  std::size_t chronologySeen = 0;           // entries shown so far (scrolls to new ones)
  std::size_t chronologyFirst = 0;          // the first entry that came since the last look
  std::size_t chronologyAnchor = 0;         // the entry brought to the top when new ones came
  int chronologySettle = 0;                 // frames left to hold that entry at the top
  WorkspaceTab tab = WorkspaceTab::Enquiries;
  std::optional<WorkspaceTab> selectTab; // the shell may ask for a tab; used once
  DecisionFormUi decision;
  // Column dividers being dragged: the share of the width (0..1) until released.
  std::optional<float> dragContact;
  std::optional<float> dragChronology;
};

/// "Tue 11:20" (with " · day N" when a week or more from the contact).
std::string shortWhen(const engine::WorkingCalendar& calendar, engine::SimTime time);
/// "Tuesday 11:20".
std::string longWhen(const engine::WorkingCalendar& calendar, engine::SimTime time);
/// "5 h 40 min", "45 min", "1 working day 2 h" (with `minutesPerDay` working minutes a day;
/// 0 gives hours and minutes only).
std::string describeWorkingTime(int minutes, int minutesPerDay);

void drawWorkspace(const view::ShellModel& model, WorkspaceUi& ui, view::IntentSink& sink);

} // namespace sim::ui
