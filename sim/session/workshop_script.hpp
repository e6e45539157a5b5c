// A scripted workshop, as `frontdoor-cli workshop` runs it: load the plan (or make the
// default plan for one case) and its cases, read the script of workshop events (every bad
// line reported at its line and column), apply the events in order while storing each in
// the results store before going on, and keep what the projector showed at every step.
// The first refused event stops the run at its line; what was stored stays stored.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/workshop/workshop_run.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sim::session {

struct WorkshopScriptOptions {
  std::string planPath;   // a *.workshop.toml plan, or a scenario file (its default plan)
  std::string scriptPath; // workshop events, one per line (WORKSHOPS.md §4)
  std::string scenarios;  // the case library; empty: found beside the plan
  std::string database;   // empty: the default results store
  bool record = true;     // store the workshop and each event
  std::string startedAt;  // UTC ISO 8601; empty: now
};

/// What the projector showed at one step.
struct ShownStep {
  int step = 0;
  std::string label; // "Step 3 of 41: vote — The second contact, pause 2"
  std::string text;  // workshop::frameText of the audience frame
};

struct WorkshopScript {
  std::optional<workshop::WorkshopRun> run;
  core::ScenarioIndex cases; // the library the plan's cases came from
  std::vector<ShownStep> shown;
  std::vector<core::Diagnostic> diagnostics;
  std::string storeProblem;
  bool played = false;
  std::int64_t recordedWorkshop = 0;
  std::string startedAt; // as recorded (UTC ISO 8601)
  std::filesystem::path recordedIn;
};

WorkshopScript runWorkshopScript(const WorkshopScriptOptions& options);

/// "Step 3 of 41: vote — The second contact, pause 2" for the run's current step.
std::string stepLabel(const workshop::WorkshopRun& run);

} // namespace sim::session
