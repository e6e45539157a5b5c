// Labels of the shell model's enumerations, shared by the views and the tests. (Screen
// titles are in the screen registry, sim/ui/screen_registry.cpp.)
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

} // namespace sim::view
