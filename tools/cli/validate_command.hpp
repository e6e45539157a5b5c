// `frontdoor-cli validate PATH...`: load scenario files and folders and print every
// diagnostic as FILE:LINE:COL: error|warning: message.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace sim::cli {

/// Exit status: 0 no errors (warnings allowed), 1 any error, 2 a path that does not exist
/// or nothing to validate (existing paths are still validated and reported).
int runValidate(const std::vector<std::string>& paths, bool quiet, std::ostream& out,
                std::ostream& err);

} // namespace sim::cli
