// Rendering a played attempt for `frontdoor-cli play`: as text for people, or as JSON
// (keys documented in scenarios/ACTIONS.md) for tools and golden tests.
#pragma once

#include "sim/engine/attempt.hpp"

#include <string>

namespace sim::cli {

std::string playReportText(const engine::Attempt& attempt);
std::string playReportJson(const engine::Attempt& attempt);

} // namespace sim::cli
