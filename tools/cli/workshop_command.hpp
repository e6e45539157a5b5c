// `frontdoor-cli workshop PLAN --votes FILE [--db FILE] [--csv FILE]`: run a scripted workshop (the
// facilitator's steps and the room's votes, WORKSHOPS.md §4), print what the projector
// shows at each step as text, and write the workshop's record to the results store.
#pragma once

#include <iosfwd>
#include <string>

namespace sim::cli {

struct WorkshopOptions {
  std::string planPath;  // a *.workshop.toml plan, or one scenario (its default plan)
  std::string votesPath; // the script
  std::string database;  // empty: the default results store
  std::string scenarios; // empty: the cases beside the plan
  std::string csvPath;   // when set, the room's final votes as a decisions table (`report`)
  std::string htmlPath;  // when set, the printable workshop report
  std::string xapiPath;  // when set, one xAPI statement per vote
};

/// Exit status: 0 run to the end of the script, 1 bad input (plan, script, a refused event)
/// or a store problem, each printed to `err` (FILE:LINE:COL: error: message).
int runWorkshop(const WorkshopOptions& options, std::ostream& out, std::ostream& err);

} // namespace sim::cli
