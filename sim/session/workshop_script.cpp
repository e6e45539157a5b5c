// Running a scripted workshop, storing each event as it is applied.
#include "sim/session/workshop_script.hpp"

#include "sim/core/file_text.hpp"
#include "sim/engine/line_lexer.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/plan_loader.hpp"
#include "sim/scenario/scenario_files.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/session/attempt_recording.hpp"
#include "sim/storage/results_store.hpp"
#include "sim/workshop/audience_frame.hpp"

#include <charconv>

namespace sim::session {

namespace {

inline constexpr unsigned long long kMaxScriptBytes = 4ULL << 20U;

core::Diagnostic fileError(const std::string& path, std::string message) {
  return {path, 0, 0, core::Severity::Error, std::move(message)};
}

std::string_view kindName(workshop::StepKind kind) {
  switch (kind) {
  case workshop::StepKind::Discuss:
    return "discuss";
  case workshop::StepKind::Vote:
    return "vote";
  case workshop::StepKind::Revote:
    return "vote again";
  case workshop::StepKind::Lock:
    return "lock the room's decision";
  case workshop::StepKind::Reveal:
    return "reveal";
  }
  return "";
}

// The cases a plan names: from `folder`, or beside the plan (the folder above a
// "workshops" folder, else the plan's own folder).
core::ScenarioIndex loadCases(const std::filesystem::path& plan, const std::string& folder) {
  std::filesystem::path where = folder;
  if (where.empty()) {
    where = plan.parent_path().filename() == "workshops" ? plan.parent_path().parent_path()
                                                         : plan.parent_path();
  }
  core::ScenarioIndex index;
  for (const auto& file : scenario::collectScenarioFiles({where}).files) {
    if (auto loaded = scenario::loadScenarioFile(file); loaded.scenario) {
      index.emplace(loaded.scenario->meta.id, loaded.scenario);
    }
  }
  return index;
}

// The column an event parse error names ("column 9: …"), and the message after it.
std::pair<int, std::string> splitColumn(const std::string& message) {
  constexpr std::string_view kPrefix = "column ";
  if (message.rfind(kPrefix, 0) != 0) {
    return {1, message};
  }
  int column = 1;
  const auto* begin = message.data() + kPrefix.size();
  const auto [ptr, ec] = std::from_chars(begin, message.data() + message.size(), column);
  if (ec != std::errc{} || ptr == begin || *ptr != ':') {
    return {1, message};
  }
  const std::size_t rest = static_cast<std::size_t>(ptr - message.data()) + 1;
  return {column, message.substr(std::min(message.size(), rest + 1))};
}

} // namespace

std::string stepLabel(const workshop::WorkshopRun& run) {
  const auto& s = run.step();
  std::string label = "Step " + std::to_string(run.stepIndex() + 1) + " of " +
                      std::to_string(run.steps().size()) + ": " + std::string(kindName(s.kind));
  if (s.kind == workshop::StepKind::Reveal) {
    label += " " + std::string(core::tokenOf(s.reveal));
  }
  return label + " — " + run.attempt(s.caseIndex).scenario().meta.title + ", pause " +
         std::to_string(s.pauseIndex + 1);
}

WorkshopScript runWorkshopScript(const WorkshopScriptOptions& options) {
  WorkshopScript out;
  const std::filesystem::path planPath(options.planPath);
  auto cases = loadCases(planPath, options.scenarios);
  std::optional<core::WorkshopPlan> plan;
  std::string planText;
  if (scenario::isWorkshopPlanFile(planPath)) {
    auto loaded = scenario::loadPlanFile(planPath, &cases);
    out.diagnostics = loaded.diagnostics;
    if (!loaded.ok()) {
      return out;
    }
    plan = *loaded.plan;
    if (auto read = core::readFileText(planPath, scenario::kMaxScenarioBytes, "workshop plan")) {
      planText = std::move(read).value();
    }
  } else {
    auto loaded = scenario::loadScenarioFile(planPath);
    out.diagnostics = loaded.diagnostics;
    if (!loaded.ok()) {
      return out;
    }
    cases.insert_or_assign(loaded.scenario->meta.id, loaded.scenario);
    plan = core::defaultPlan(*loaded.scenario);
  }
  std::vector<std::shared_ptr<const core::Scenario>> ordered;
  for (const auto& c : plan->cases) {
    ordered.push_back(cases.at(c.scenario)); // the plan loader checked every case exists
  }
  auto started = workshop::WorkshopRun::start(*plan, ordered);
  if (!started) {
    out.diagnostics.push_back(fileError(options.planPath, started.error().message));
    return out;
  }
  out.run.emplace(std::move(started).value());
  out.cases = cases;
  auto& run = *out.run;
  auto text = core::readFileText(options.scriptPath, kMaxScriptBytes, "workshop script");
  if (!text) {
    out.diagnostics.push_back(fileError(options.scriptPath, text.error().message));
    return out;
  }
  // Every line is read first, so a script with several bad lines reports them all.
  std::vector<std::pair<int, workshop::WorkshopEvent>> events;
  engine::TextLines lines(text.value());
  std::string_view line;
  while (lines.next(line)) {
    const auto lexed = engine::lexLine(line);
    if (lexed.error.empty() && lexed.tokens.empty()) {
      continue; // blank or a comment
    }
    auto event = workshop::parseWorkshopEvent(line);
    if (!event) {
      const auto [column, message] = splitColumn(event.error().message);
      out.diagnostics.push_back(
          {options.scriptPath, lines.number(), column, core::Severity::Error, message});
      continue;
    }
    events.emplace_back(lines.number(), std::move(event).value());
  }
  if (core::hasErrors(out.diagnostics)) {
    return out;
  }
  std::unique_ptr<storage::ResultsStore> store;
  if (options.record) {
    const auto path = storage::resolveDatabasePath(options.database);
    auto opened = path ? storage::ResultsStore::open(path.value())
                       : core::Result<std::unique_ptr<storage::ResultsStore>>(path.error());
    if (!opened) {
      out.storeProblem = opened.error().message;
      return out;
    }
    store = std::move(opened).value();
    storage::WorkshopRow row;
    row.planId = plan->id;
    row.title = plan->title;
    row.planText = planText;
    row.startedAt = options.startedAt.empty() ? utcNow() : options.startedAt;
    out.startedAt = row.startedAt;
    for (const auto& c : ordered) {
      row.cases.emplace_back(c->meta.id, c->contentHash);
    }
    const auto id = store->startWorkshop(row);
    if (!id) {
      out.storeProblem = id.error().message;
      return out;
    }
    out.recordedWorkshop = id.value();
    out.recordedIn = path.value();
  }
  out.shown.push_back(
      {run.stepIndex(), stepLabel(run), workshop::frameText(workshop::audienceFrame(run))});
  int seq = 0;
  for (const auto& [number, event] : events) {
    const int before = run.stepIndex();
    const bool wasFinished = run.finished();
    const bool moving = std::holds_alternative<workshop::NextStep>(event) ||
                        std::holds_alternative<workshop::PreviousStep>(event);
    if (moving && !run.finished()) {
      // The step as the room last saw it (a vote's "6 of 6 answered"), if it changed.
      auto now = workshop::frameText(workshop::audienceFrame(run));
      if (out.shown.empty() || out.shown.back().text != now) {
        out.shown.push_back({run.stepIndex(), stepLabel(run) + " (as it ends)", std::move(now)});
      }
    }
    auto applied = run.apply(event);
    if (!applied) {
      out.diagnostics.push_back(
          {options.scriptPath, number, 1, core::Severity::Error, applied.error().message});
      return out;
    }
    if (store) {
      if (auto stored = store->appendWorkshopEvent(out.recordedWorkshop, ++seq, applied.value());
          !stored) {
        out.storeProblem = stored.error().message;
        return out;
      }
    }
    if (!run.finished() && (run.stepIndex() != before || wasFinished)) {
      out.shown.push_back(
          {run.stepIndex(), stepLabel(run), workshop::frameText(workshop::audienceFrame(run))});
    }
  }
  if (store && run.finished()) {
    if (auto done = store->finishWorkshop(out.recordedWorkshop,
                                          options.startedAt.empty() ? utcNow() : options.startedAt);
        !done) {
      out.storeProblem = done.error().message;
      return out;
    }
  }
  out.played = true;
  return out;
}

} // namespace sim::session
