// Number and HTML text formatting shared by the command line's reports.
#pragma once

#include "sim/scoring/agreement.hpp"

#include <string>
#include <string_view>

namespace sim::report {

/// `value` with `decimals` decimals; values that round to zero print as 0, never -0.
std::string formatFixed(double value, int decimals);
/// A share (0..1) as a percentage with one decimal: "37.5%".
std::string formatPercent(double share);
/// Text made safe inside HTML elements and attributes.
std::string escapeHtml(std::string_view text);
/// A kappa with two decimals, or "n/a (why)" when it is not defined.
std::string kappaText(const scoring::Statistic& s);

/// The style sheet of the printable HTML reports (practice, workshop): A4, no page breaks
/// inside figures and tables.
inline constexpr const char* kPrintStyle =
    "body{font-family:'DejaVu Sans',sans-serif;color:#111;max-width:46em;margin:2em auto;"
    "line-height:1.4}h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;"
    "border-bottom:1px solid #999}table{border-collapse:collapse;margin:.6em 0;font-size:.9em}"
    "td,th{border:1px solid #999;padding:.25em .5em;text-align:right}"
    "th:first-child,td:first-child{text-align:left}figure{margin:1em 0;page-break-inside:avoid}"
    "figcaption{font-size:.9em;color:#333}.note{font-size:.85em;color:#333}"
    "td.text{text-align:left}"
    "@page{size:A4;margin:18mm}@media print{body{margin:0;max-width:none}"
    "h2{page-break-after:avoid}table{page-break-inside:avoid}}";

} // namespace sim::report
