// The decision form of the case workspace: response level, need level, urgency, adjuncts,
// estimates, safety scale, factors, the structured rationale and locking the decision
// behind a confirmation. Its drafts (DecisionFormUi) are UI-only state owned by the shell.
#pragma once

#include "sim/core/codes.hpp"
#include "sim/engine/action.hpp"
#include "sim/ui/wrapped_text_box.hpp"
#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::ui {

/// The sections of the decision form, for its "Go to" buttons.
enum class FormSection { Choices, Estimates, Factors, Analysis, Rationale, Lock };

/// Drafts of the decision form. Text and slider drafts are taken from the attempt's working
/// notes whenever the attempt or its decision point changes; the choices of response, need,
/// urgency and adjuncts stay drafts until the decision is locked.
struct DecisionFormUi {
  // What the drafts were last taken from.
  std::int64_t syncedAttempt = -1;
  std::string syncedScenario;
  int syncedPoint = -1;
  int syncedRestored = 0; // undos and redos seen (state.history.restored)
  // Fields still to be taken from the notes (skipped while their widget is active).
  std::array<bool, engine::kRationaleFields> rationalePending{};
  std::array<bool, 4> slidersPending{}; // harm, re-referral, confidence, safety scale

  std::optional<core::ResponseLevel> response;
  std::optional<core::NeedLevel> need;
  std::optional<core::Urgency> urgency;
  std::vector<core::Adjunct> adjuncts; // in vocabulary order

  int harm = 50;       // percent, the slider's draft
  int rereferral = 50; // percent
  int confidence = 50; // percent
  int safety = 5;      // 0..10

  std::array<std::string, engine::kRationaleFields> rationale;
  std::array<WrappedTextBoxState, engine::kRationaleFields> rationaleBoxes;

  // The factor being put together.
  engine::FactorSide factorSide = engine::FactorSide::Risk;
  std::string factorSearch;
  std::string factorCode;
  std::string factorFact;
  std::string factorNote;

  bool openConfirm = false;        // open the confirmation modal on the next draw
  std::optional<FormSection> goTo; // scroll this section to the top on the next draw
};

/// A radio button (or check box) whose label wraps under itself when it does not fit the
/// width left, rather than being cut off (large text sizes). `label` is the full ImGui
/// label ("Same day##urgency-same_day"); the caller tracks it as usual.
bool wrappedRadio(const std::string& label, bool active);
bool wrappedCheckbox(const std::string& label, bool* value);

/// Draw the form for the open attempt; every change is pushed as a view::Act intent.
void drawDecisionForm(const view::WorkspaceModel& model, DecisionFormUi& ui,
                      view::IntentSink& sink);

} // namespace sim::ui
