// Number and HTML text formatting shared by the command line's reports.
#pragma once

#include <string>
#include <string_view>

namespace sim::report {

/// `value` with `decimals` decimals; values that round to zero print as 0, never -0.
std::string formatFixed(double value, int decimals);
/// A share (0..1) as a percentage with one decimal: "37.5%".
std::string formatPercent(double share);
/// Text made safe inside HTML elements and attributes.
std::string escapeHtml(std::string_view text);

} // namespace sim::report
