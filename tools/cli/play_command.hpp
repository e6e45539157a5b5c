// `frontdoor-cli play SCENARIO --actions FILE [--json]`: run a scripted attempt and print
// its transcript on the simulated clock and the debrief of every locked decision.
#pragma once

#include <iosfwd>
#include <string>

namespace sim::cli {

struct PlayOptions {
  std::string scenarioPath;
  std::string actionsPath;
  bool json = false;
  std::string logPath;    // when set, the event log is written here
  std::string rubricPath; // when set, score with this rubric instead of the defaults
  // Recording into the results store: on when `practitioner.id` is set.
  std::string database; // empty: the default location
  std::string practitionerId;
  std::string practitionerName;
  std::string team;
  std::string cohort;
};

/// Exit status: 0 played, 1 bad input (scenario, action file or a refused action), each
/// problem printed to `err` as FILE:LINE:COL: error: message.
int runPlay(const PlayOptions& options, std::ostream& out, std::ostream& err);

} // namespace sim::cli
