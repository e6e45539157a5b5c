// Home: choose or create a profile, continue an unfinished attempt (or one interrupted by
// a crash), start practice and see results.
#pragma once

#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

#include <string>

namespace sim::ui {

struct HomeUi {
  std::string newId;
  std::string newName;
  std::string newTeam;
  std::string submitted; // the id asked for; the form clears once it is the current profile
};

void drawHome(const view::ShellModel& model, HomeUi& ui, view::IntentSink& sink);

} // namespace sim::ui
