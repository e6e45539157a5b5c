// Report text formatting.
#include "sim/report/text_format.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace sim::report {

std::string formatFixed(double value, int decimals) {
  if (std::abs(value) < 0.5 * std::pow(10.0, -decimals)) {
    value = 0.0;
  }
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << value;
  return out.str();
}

std::string formatPercent(double share) { return formatFixed(share * 100.0, 1) + "%"; }

std::string escapeHtml(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string kappaText(const scoring::Statistic& s) {
  return s.defined ? formatFixed(s.value, 2) : "n/a (" + std::string(s.note) + ")";
}

} // namespace sim::report
