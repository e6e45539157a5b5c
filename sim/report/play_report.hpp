// Rendering a played attempt for `frontdoor-cli play`: as text for people, or as JSON
// (keys documented in scenarios/ACTIONS.md) for tools and golden tests.
#pragma once

#include "sim/core/rubric.hpp"
#include "sim/engine/attempt.hpp"

#include <string>

namespace sim::report {

std::string playReportText(const engine::Attempt& attempt, const core::Rubric& rubric);

/// `text` with control characters other than newline and tab, C1 controls and bytes that are
/// not UTF-8 written as escapes (core::terminalSafe, uncut), so that text typed into an
/// attempt cannot drive the terminal.
std::string printableForTerminal(std::string text);
std::string playReportJson(const engine::Attempt& attempt, const core::Rubric& rubric);

} // namespace sim::report
