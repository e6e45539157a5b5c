// The named app states the screenshot tests draw and the frame benchmark times: each is
// reached the way a practitioner reaches it, through intents applied to a real Session
// (bundled cases, a real SQLite file, a fixed clock), plus the UI-only drafts a person
// would have on screen. No ImGui here, so tools/bench can use it without seeing ImGui.
#pragma once

#include "sim/session/session.hpp"
#include "sim/ui/shell_view.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sim::showcase {

/// The states, in the order they are drawn: home, library, workspace, decision, rationale
/// (the decision form at its rationale, with facts linked), debrief, progress.
const std::vector<std::string>& stateNames();

/// A deterministic session: these cases, this database file, no preferences file and a
/// fixed clock (every attempt starts at 2026-11-26T09:00:00Z).
sim::session::SessionOptions sessionOptions(const std::filesystem::path& scenarios,
                                            const std::filesystem::path& database);

/// Bring a fresh session and UI state to the named state. Returns "" or what went wrong
/// (an unknown state, a refused action, a notice the session raised).
std::string prepare(std::string_view state, sim::session::Session& session, sim::ui::UiState& ui);

/// Frames drawn before the three that end in the capture: the UI set-up below needs them.
inline constexpr int kSetupFrames = 3;

/// UI-only steps a person would have taken by now, after set-up frame `frame` (0-based):
/// the workspace takes its drafts and opens the Enquiries tab on an attempt's first frame,
/// so the Decision tab is asked for after it; the decision form takes its drafts from the
/// attempt on the first frame it is drawn, so the choices are picked after that.
void afterFrame(std::string_view state, int frame, sim::ui::UiState& ui);

/// "" when the frame about to be captured shows what the state is about.
std::string checkShown(std::string_view state, const sim::ui::UiState& ui);

/// The mid-case workspace of any case, for the benchmark: contact read, records checked,
/// every question asked, every check requested, one reply arrived. With `decision`, also
/// a factor for every fact learned, the estimates, the safety scale and the rationale (use
/// afterFrame("decision", ...) to open the tab); with `decide`, the decision is locked.
std::string prepareBusyCase(sim::session::Session& session, const std::string& scenarioId,
                            bool decision, bool decide);

/// The case file with the most bytes in `folder` (rubric files excluded), or "".
std::filesystem::path largestCase(const std::filesystem::path& folder);

} // namespace sim::showcase
