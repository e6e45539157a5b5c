// Recursive *.toml collection without exceptions (std::error_code throughout).
#include "sim/scenario/scenario_files.hpp"

#include "sim/scenario/plan_loader.hpp"
#include "sim/scenario/rubric_loader.hpp"

#include <algorithm>
#include <system_error>

namespace sim::scenario {

namespace {

void sortInto(FileList& out, std::filesystem::path file) {
  if (isRubricFile(file)) {
    out.rubrics.push_back(std::move(file));
  } else if (isWorkshopPlanFile(file)) {
    out.plans.push_back(std::move(file));
  } else {
    out.files.push_back(std::move(file));
  }
}

} // namespace

FileList collectScenarioFiles(const std::vector<std::filesystem::path>& paths) {
  namespace fs = std::filesystem;
  FileList out;
  for (const auto& path : paths) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back(path.string() + ": no such file or folder");
      continue;
    }
    if (fs::is_regular_file(status)) {
      sortInto(out, path);
      continue;
    }
    if (!fs::is_directory(status)) {
      out.problems.push_back(path.string() + ": not a file or folder");
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    const fs::recursive_directory_iterator end;
    while (!ec && it != end) {
      std::error_code fileEc;
      if (it->is_regular_file(fileEc) && it->path().extension() == ".toml") {
        found.push_back(it->path());
      }
      it.increment(ec);
    }
    if (ec) {
      out.problems.push_back(path.string() + ": " + ec.message());
    }
    std::sort(found.begin(), found.end());
    for (auto& file : found) {
      sortInto(out, std::move(file));
    }
  }
  return out;
}

} // namespace sim::scenario
