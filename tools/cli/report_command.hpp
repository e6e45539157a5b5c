// `frontdoor-cli report --decisions CSV [--scenarios DIR] [--format text|json|csv|html]
// [--out FILE] [--strict]`: analytics over many decisions (conversion, agreement with the
// panels and among practitioners, calibration, by team and cohort).
#pragma once

#include <iosfwd>
#include <string>

namespace sim::cli {

struct ReportOptions {
  std::string decisionsPath;
  std::string scenariosPath; // empty: no panels; spreads and agreement among practitioners
  std::string format = "text";
  std::string outPath; // empty: standard output
  bool strict = false; // any bad row fails the report
};

/// Exit status: 0 reported (bad rows are reported on `err` and skipped), 1 bad input (an
/// unreadable file or header, scenarios that fail to load, or bad rows with --strict).
int runReport(const ReportOptions& options, std::ostream& out, std::ostream& err);

} // namespace sim::cli
