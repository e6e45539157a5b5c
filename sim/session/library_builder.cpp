// Scenario files -> library entries and case preview text.
#include "sim/session/library_builder.hpp"

#include "sim/scenario/loader.hpp"
#include "sim/scenario/rubric_loader.hpp"
#include "sim/scenario/scenario_files.hpp"

#include "sim/core/time_of_day.hpp"

#include <cctype>
#include <map>

namespace sim::session {

std::string describeAge(const core::Child& child) {
  if (child.unbornWeeks) {
    return "unborn (" + std::to_string(*child.unbornWeeks) + " weeks of pregnancy)";
  }
  const int months = child.ageMonths.value_or(0);
  if (months < 24) {
    return std::to_string(months) + (months == 1 ? " month" : " months");
  }
  const int years = months / 12;
  const int rest = months % 12;
  std::string out = std::to_string(years) + " years";
  if (rest > 0 && years < 5) {
    out += " " + std::to_string(rest) + (rest == 1 ? " month" : " months");
  }
  return out;
}

view::LibraryEntry makeEntry(const std::string& file, const core::Scenario* scenario,
                             const std::vector<core::Diagnostic>& diagnostics) {
  view::LibraryEntry entry;
  entry.file = file;
  entry.loaded = scenario != nullptr;
  for (const auto& d : diagnostics) {
    (d.severity == core::Severity::Error ? entry.errors : entry.warnings) += 1;
    entry.diagnostics.push_back(core::formatDiagnostic(d));
  }
  if (scenario != nullptr) {
    entry.title = scenario->meta.title;
    entry.id = scenario->meta.id;
    entry.practiceArea = scenario->meta.practiceArea;
    entry.difficulty = std::string(core::labelOf(scenario->meta.difficulty));
    entry.expectedMinutes = scenario->meta.expectedMinutes;
    entry.summary = scenario->meta.summary;
  } else {
    const auto slash = file.find_last_of('/');
    entry.title = slash == std::string::npos ? file : file.substr(slash + 1);
  }
  return entry;
}

namespace {

std::string lowerFirst(std::string text) {
  if (!text.empty()) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

// An authored note put mid-sentence: its first letter in lower case, unless the note
// starts with a name from the household or an abbreviation ("GP", "A&E").
std::string midSentence(const core::Scenario& s, const std::string& note) {
  if (note.size() < 2 || std::isupper(static_cast<unsigned char>(note[1])) != 0) {
    return note;
  }
  const auto startsWithName = [&note](const std::string& name) {
    return !name.empty() && note.compare(0, name.size(), name) == 0 &&
           (note.size() == name.size() ||
            std::isalpha(static_cast<unsigned char>(note[name.size()])) == 0);
  };
  for (const auto& child : s.children) {
    if (startsWithName(child.name)) {
      return note;
    }
  }
  for (const auto& adult : s.adults) {
    if (startsWithName(adult.name)) {
      return note;
    }
  }
  return lowerFirst(note);
}

// "18–24": an age band with an en dash.
std::string ageBand(std::string band) {
  const auto dash = band.find('-');
  if (dash != std::string::npos) {
    band.replace(dash, 1, "–");
  }
  return band;
}

} // namespace

view::CasePreview makePreview(const core::Scenario& s) {
  view::CasePreview p;
  p.title = s.meta.title;
  p.arrival = std::string(core::labelOf(s.clock.startDay)) + " " +
              core::formatTimeOfDay(s.clock.startMinute) + ", by " +
              lowerFirst(std::string(core::labelOf(s.contact.channel)));
  // Who referred, said once (the census source code is for recording, not for choosing).
  if (s.contact.anonymous) {
    p.referrer = s.contact.referrerRole.empty()
                     ? std::string("Anonymous referrer")
                     : "Anonymous referrer (" + lowerFirst(s.contact.referrerRole) + ")";
  } else {
    p.referrer = s.contact.referrerRole;
  }
  p.presentingText = s.contact.presentingText;
  p.request = s.contact.request;
  for (const auto& child : s.children) {
    p.household.push_back(child.name + ", " + describeAge(child) +
                          (child.notes.empty() ? "" : " (" + midSentence(s, child.notes) + ")"));
  }
  for (const auto& adult : s.adults) {
    std::string line = adult.name + ", " +
                       (adult.role == core::AdultRole::Unknown
                            ? std::string("role not known")
                            : lowerFirst(std::string(core::labelOf(adult.role))));
    if (!adult.ageBand.empty()) {
      line += ", aged " + ageBand(adult.ageBand);
    }
    if (!adult.inHousehold) {
      line += ", lives elsewhere";
    }
    p.household.push_back(line);
  }
  p.counts = std::to_string(s.questions.size()) +
             (s.questions.size() == 1 ? " question" : " questions") + " for the referrer, " +
             std::to_string(s.checks.size()) +
             (s.checks.size() == 1 ? " agency check, " : " agency checks, ") +
             std::to_string(s.decisionPoints.size()) +
             (s.decisionPoints.size() == 1 ? " decision point" : " decision points");
  return p;
}

LoadedLibrary loadLibrary(const std::filesystem::path& folder,
                          const std::filesystem::path& userFolder) {
  LoadedLibrary out;
  out.model.scenarioFolder = folder.string();
  out.model.userFolder = userFolder.string();
  std::error_code error;
  const bool withUser = !userFolder.empty() && std::filesystem::is_directory(userFolder, error);
  auto list = scenario::collectScenarioFiles({folder});
  std::size_t bundled = list.files.size();
  if (withUser) {
    auto user = scenario::collectScenarioFiles({userFolder});
    list.files.insert(list.files.end(), user.files.begin(), user.files.end());
    list.problems.insert(list.problems.end(), user.problems.begin(), user.problems.end());
  }
  for (const auto& problem : list.problems) {
    out.model.problem += problem + ". ";
  }
  if (list.problems.empty() && list.files.empty()) {
    out.model.problem = "There are no scenario files (*.toml) in " + folder.string() + ".";
  }
  for (const auto& file : list.rubrics) {
    const auto read = scenario::loadRubricFile(file);
    if (read.rubric) {
      out.rubric = *read.rubric;
    } else {
      out.model.problem += file.string() + " does not load, so the default rubric is used: ";
      for (const auto& d : read.diagnostics) {
        out.model.problem += core::formatDiagnostic(d) + " ";
      }
    }
  }
  std::map<std::string, std::string, std::less<>> firstFileOf; // scenario id -> file
  for (const auto& file : list.files) {
    auto result = scenario::loadScenarioFile(file);
    if (result.scenario) {
      // Two files with one id (often a copied case): the first keeps it, the later one is
      // listed as not loading, so starting a case always opens the file it names.
      const auto [first, added] = firstFileOf.emplace(result.scenario->meta.id, file.string());
      if (!added) {
        result.diagnostics.push_back({file.string(), 0, 0, core::Severity::Error,
                                      "the id '" + result.scenario->meta.id +
                                          "' is already used by " + first->second +
                                          "; give this case its own id in [scenario]"});
        result.scenario.reset();
      }
    }
    auto entry = makeEntry(file.string(), result.scenario.get(), result.diagnostics);
    if (result.scenario) {
      entry.preview = makePreview(*result.scenario);
    }
    entry.userAdded = out.model.entries.size() >= bundled;
    out.scenarios.push_back(result.scenario);
    out.model.entries.push_back(std::move(entry));
  }
  return out;
}

} // namespace sim::session
