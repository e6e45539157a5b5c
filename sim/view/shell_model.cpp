// Labels of the shell model's enumerations, shared by the views and the tests.
#include "sim/view/shell_model.hpp"

namespace sim::view {

std::string_view caseStatusLabel(CaseStatus status) {
  switch (status) {
  case CaseStatus::New:
    return "New";
  case CaseStatus::InProgress:
    return "In progress";
  case CaseStatus::Done:
    return "Done";
  }
  return "New";
}

std::string_view screenLabel(Screen screen) {
  switch (screen) {
  case Screen::Home:
    return "Home";
  case Screen::Library:
    return "Cases";
  case Screen::Workspace:
    return "Workspace";
  case Screen::Debrief:
    return "Debrief";
  case Screen::Progress:
    return "Progress";
  }
  return "Home";
}

} // namespace sim::view
