// The named states, reached through the same intents the views emit. Ids come from the
// bundled scenarios (mark-on-the-cheek for the mid-case states; its example attempt and
// bedtime-battles' for the progress history).
#include "sim/showcase/screen_states.hpp"

#include "sim/engine/action_text.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace sim::showcase {

namespace {

const std::string kCase = "mark-on-the-cheek";

// Apply one intent; "" or why it did not take (a refusal, or a new notice).
std::string apply(session::Session& session, const view::Intent& intent) {
  const auto notices = session.model().notices.size();
  session.apply(intent);
  const auto& model = session.model();
  if (!model.workspace.refusal.empty()) {
    return "refused: " + model.workspace.refusal;
  }
  if (model.notices.size() > notices) {
    const auto& n = model.notices.back();
    return "notice: " + n.title + ": " + n.message;
  }
  return "";
}

std::string act(session::Session& session, engine::Action action) {
  return apply(session, view::Act{std::move(action)});
}

// Apply each intent in turn; stop at the first that does not take.
std::string applyAll(session::Session& session, const std::vector<view::Intent>& intents) {
  for (const auto& intent : intents) {
    if (auto problem = apply(session, intent); !problem.empty()) {
      return problem;
    }
  }
  return "";
}

std::string createProfile(session::Session& session) {
  return apply(session, view::CreateProfile{"ab-17", "Alex Brown", "North front door"});
}

// Mid-case on the bruising case: the contact read, records checked, one question asked,
// two checks requested and the quicker one (the emergency department's) answered.
std::string midCase(session::Session& session) {
  return applyAll(
      session, {view::StartAttempt{kCase}, view::Act{engine::ReadContact{}},
                view::Act{engine::CheckRecords{}}, view::Act{engine::AskQuestion{"q-who-caring"}},
                view::Act{engine::RequestCheck{"chk-police", engine::ConsentChoice::NotSought, {}}},
                view::Act{engine::RequestCheck{"chk-ed", engine::ConsentChoice::NotSought, {}}},
                view::Act{engine::WaitForReply{}}});
}

// The working notes of someone part-way through the decision form.
std::string workingNotes(session::Session& session) {
  using engine::FactorSide;
  return applyAll(
      session,
      {view::Act{engine::AddFactor{FactorSide::Risk, "18B", "f-bruise",
                                   "Bruise on the cheek of a baby who cannot roll."}},
       view::Act{engine::AddFactor{
           FactorSide::Risk, {}, "f-explanation", "Explanation changed between toy and cot."}},
       view::Act{engine::AddFactor{FactorSide::Risk, {}, "f-liam-alone", {}}},
       view::Act{engine::AddFactor{FactorSide::Protective, {}, "f-ed-none", {}}},
       view::Act{engine::SetEstimate{engine::EstimateKind::SignificantHarm, 55}},
       view::Act{engine::SetEstimate{engine::EstimateKind::Rereferral, 30}},
       view::Act{engine::SetEstimate{engine::EstimateKind::Confidence, 70}},
       view::Act{engine::SetSafetyScale{3}},
       view::Act{engine::WriteRationale{
           engine::RationaleField::WhatHappened,
           "Health visitor saw a 1.5 cm bluish bruise on the cheek of Ava (4 months), who "
           "cannot roll. The explanation changed. Liam had both children alone the evening "
           "before the mark was noticed."}},
       view::Act{engine::WriteRationale{engine::RationaleField::WhatWeFear,
                                        "That Ava has been hurt by an adult and will be hurt "
                                        "again; that there are injuries nobody has seen."}}});
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Play a bundled example attempt (scenarios/actions/<id>.actions) to its end.
std::string playExample(session::Session& session, const std::string& scenarioId) {
  if (auto problem = apply(session, view::StartAttempt{scenarioId}); !problem.empty()) {
    return problem;
  }
  const auto folder = std::filesystem::path(session.model().library.scenarioFolder);
  const auto path = folder / "actions" / (scenarioId + ".actions");
  const auto script = engine::parseActionScript(readFile(path), path.string());
  if (!script.diagnostics.empty() || script.actions.empty()) {
    return "cannot read " + path.string();
  }
  for (const auto& scripted : script.actions) {
    if (auto problem = act(session, scripted.action); !problem.empty()) {
      return path.string() + ":" + std::to_string(scripted.line) + ": " + problem;
    }
  }
  return "";
}

int entryIndex(const view::LibraryModel& library, const std::string& id) {
  for (std::size_t i = 0; i < library.entries.size(); ++i) {
    if (library.entries[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

} // namespace

const std::vector<std::string>& stateNames() {
  static const std::vector<std::string> names{"home",      "library", "workspace", "decision",
                                              "rationale", "debrief", "progress"};
  return names;
}

session::SessionOptions sessionOptions(const std::filesystem::path& scenarios,
                                       const std::filesystem::path& database) {
  session::SessionOptions options;
  options.scenarios = scenarios;
  options.database = database;
  options.now = [] { return std::string("2026-11-26T09:00:00Z"); };
  // Shown on Home and Progress; nothing is written there unless an export is asked for.
  options.exportFolder = "/home/practitioner/Documents/Frontdoor";
  options.openFolder = [](const std::filesystem::path&) { return false; };
  return options;
}

std::string prepare(std::string_view state, session::Session& session, ui::UiState& ui) {
  if (std::find(stateNames().begin(), stateNames().end(), state) == stateNames().end()) {
    return "unknown state '" + std::string(state) + "'";
  }
  if (auto problem = createProfile(session); !problem.empty()) {
    return problem;
  }
  if (state == "home") {
    // One case started and left open, so Home offers to carry on with it.
    return applyAll(session, {view::StartAttempt{kCase}, view::Act{engine::ReadContact{}},
                              view::ShowScreen{view::Screen::Home}});
  }
  if (state == "library") {
    ui.library.selected = kCase;
    if (entryIndex(session.model().library, kCase) < 0) {
      return "the library has no case " + kCase;
    }
    return apply(session, view::ShowScreen{view::Screen::Library});
  }
  if (state == "progress") {
    for (const auto* id : {"mark-on-the-cheek", "bedtime-battles"}) {
      if (auto problem = playExample(session, id); !problem.empty()) {
        return problem;
      }
    }
    return apply(session, view::ShowScreen{view::Screen::Progress});
  }
  if (auto problem = midCase(session); !problem.empty()) {
    return problem;
  }
  if (state == "workspace") {
    return "";
  }
  if (auto problem = workingNotes(session); !problem.empty()) {
    return problem;
  }
  if (state == "decision") {
    return "";
  }
  if (state == "rationale") {
    // The facts linked so far under what we fear, on the way to the decision.
    return applyAll(
        session, {view::Act{engine::LinkFact{engine::RationaleField::WhatWeFear, "f-bruise"}},
                  view::Act{engine::LinkFact{engine::RationaleField::WhatWeFear, "f-explanation"}},
                  view::Act{engine::LinkFact{engine::RationaleField::WhatWeFear, "f-liam-alone"}}});
  }
  // debrief
  return act(session,
             engine::Decide{core::ResponseLevel::S47,
                            core::NeedLevel::Acute,
                            core::Urgency::SameDay,
                            {core::Adjunct::StrategyDiscussion, core::Adjunct::PoliceInformed,
                             core::Adjunct::SeeChildToday}});
}

void afterFrame(std::string_view state, int frame, ui::UiState& ui) {
  if (state != "decision" && state != "rationale") {
    return;
  }
  if (frame == 0) {
    ui.workspace.selectTab = ui::WorkspaceTab::Decision;
  } else if (frame == kSetupFrames - 1) {
    // Choices picked on the form but not yet locked.
    auto& form = ui.workspace.decision;
    form.response = core::ResponseLevel::S47;
    form.need = core::NeedLevel::Acute;
    form.urgency = core::Urgency::SameDay;
    form.adjuncts = {core::Adjunct::StrategyDiscussion, core::Adjunct::PoliceInformed};
    if (state == "rationale") {
      form.goTo = ui::FormSection::Analysis;
    }
  }
}

std::string checkShown(std::string_view state, const ui::UiState& ui) {
  if ((state == "decision" || state == "rationale") &&
      ui.workspace.tab != ui::WorkspaceTab::Decision) {
    return "the Decision tab is not open";
  }
  if (state == "decision" && !ui.workspace.decision.response) {
    return "the decision form dropped the drafted choices";
  }
  if (state == "workspace" && ui.workspace.tab != ui::WorkspaceTab::Enquiries) {
    return "the Enquiries tab is not open";
  }
  return "";
}

std::string prepareBusyCase(session::Session& session, const std::string& scenarioId, bool decision,
                            bool decide) {
  if (auto problem = applyAll(
          session, {view::CreateProfile{"ab-17", "Alex Brown", {}}, view::StartAttempt{scenarioId},
                    view::Act{engine::ReadContact{}}, view::Act{engine::CheckRecords{}}});
      !problem.empty()) {
    return problem;
  }
  const auto& scenario = session.attempt()->scenario();
  for (const auto& q : scenario.questions) {
    (void)act(session, engine::AskQuestion{q.id}); // a later decision point's may be refused
  }
  for (const auto& c : scenario.checks) {
    if (c.consent != core::ConsentRule::Needed) {
      (void)act(session, engine::RequestCheck{c.id});
      continue;
    }
    // Ask each adult in turn; once one agrees the others' requests are refused (requested).
    for (const auto& adult : scenario.adults) {
      (void)act(session, engine::RequestCheck{c.id, engine::ConsentChoice::Seek, {}, adult.id});
    }
  }
  if (auto problem = act(session, engine::WaitForReply{}); !problem.empty()) {
    return problem;
  }
  if (!decision) {
    return "";
  }
  const auto& state = session.attempt()->state();
  for (std::size_t i = 0; i < scenario.facts.size(); ++i) {
    if (state.knows(static_cast<int>(i))) {
      const auto side = scenario.facts[i].tag == core::FactTag::Protective
                            ? engine::FactorSide::Protective
                            : engine::FactorSide::Risk;
      (void)act(session, engine::AddFactor{side, {}, scenario.facts[i].id, "Why it matters."});
    }
  }
  for (int f = 0; f < engine::kRationaleFields; ++f) {
    (void)act(session, engine::WriteRationale{static_cast<engine::RationaleField>(f),
                                              "A few sentences of rationale, as a practitioner "
                                              "writes them under this heading."});
  }
  if (auto problem = applyAll(
          session, {view::Act{engine::SetEstimate{engine::EstimateKind::SignificantHarm, 55}},
                    view::Act{engine::SetEstimate{engine::EstimateKind::Rereferral, 30}},
                    view::Act{engine::SetEstimate{engine::EstimateKind::Confidence, 70}},
                    view::Act{engine::SetSafetyScale{3}}});
      !problem.empty()) {
    return problem;
  }
  if (!decide) {
    return "";
  }
  return act(session, engine::Decide{core::ResponseLevel::S47,
                                     core::NeedLevel::Acute,
                                     core::Urgency::SameDay,
                                     {core::Adjunct::StrategyDiscussion}});
}

std::filesystem::path largestCase(const std::filesystem::path& folder) {
  std::filesystem::path best;
  std::uintmax_t bestSize = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const auto& path = entry.path();
    const auto name = path.filename().string();
    if (!entry.is_regular_file() || path.extension() != ".toml" ||
        name.find("rubric") != std::string::npos) {
      continue;
    }
    if (entry.file_size() > bestSize) {
      bestSize = entry.file_size();
      best = path;
    }
  }
  return best;
}

} // namespace sim::showcase
