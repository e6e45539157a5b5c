// Charts drawn with the window draw list into a reserved area: bars with marked categories
// and a shaded band, grouped bars, a line chart, a reliability diagram, a timeline, a gauge
// and share bars. Sizes follow the font size (100-200 % text scale); every mark that means
// something also has a shape and a word, never colour alone. Text equivalents are the
// caller's (each chart is followed by a sentence or table saying the same).
#pragma once

#include <string>
#include <vector>

namespace sim::ui {

/// Shapes of marks, so that kinds differ by more than colour.
enum class MarkShape { Circle, Square, Triangle, Diamond, Cross };

/// Counts (or other values >= 0) per category, e.g. the panel's spread over the six response
/// levels. `you` is outlined and gets a filled circle under its label, `panel` a hollow
/// square, and the categories bandMin..bandMax are shaded with a bracket under them; a
/// legend above the plot (never over the bars) names the three.
struct BarChart {
  std::vector<std::string> labels; // one short label per category
  std::vector<double> values;      // one per category
  int you = -1;                    // -1: no category marked
  int panel = -1;
  int bandMin = -1; // -1: no band
  int bandMax = -1;
  std::string valueAxis; // what the bar heights count, e.g. "panellists"
};
void drawBarChart(const BarChart& chart);

/// Two series of shares (0..1) per category, side by side: the practitioner's as filled
/// bars, the other's (the panel's) as hollow, hatched bars, on an axis from 0 to 100%.
/// `other` may be empty.
struct GroupedBars {
  std::vector<std::string> labels;
  std::vector<double> yours;
  std::vector<double> other;
  std::string yoursLabel = "You";
  std::string otherLabel = "Panel";
  std::string valueAxis; // what the shares are of, e.g. "share of decisions"
};
void drawGroupedBars(const GroupedBars& chart);

/// Values in order (x = 1..n), joined by a line with a filled circle on each point.
struct LineChart {
  std::vector<double> values;
  double minY = 0.0;
  double maxY = 100.0;
  std::string xAxis; // "finished attempts, oldest first"
  std::string yAxis; // "score"
};
void drawLineChart(const LineChart& chart);

/// One bin of a reliability diagram.
struct ReliabilityPoint {
  double predicted = 0.0; // mean forecast in the bin, 0..1
  double observed = 0.0;  // observed frequency, 0..1
  int count = 0;          // forecasts in the bin (bins with 0 are not drawn)
};
/// Predicted against observed with the diagonal of perfect calibration; each bin is a
/// circle sized by its count and labelled "n=3".
void drawReliabilityDiagram(const std::vector<ReliabilityPoint>& points, const std::string& what);

/// A mark on a timeline, at a day after the contact (day 0).
struct TimelineMark {
  double day = 0.0;
  MarkShape shape = MarkShape::Circle;
  std::string label;  // short, drawn above the mark (e.g. "1"), matching a text list
  bool alert = false; // drawn in the "bad" colour (also a cross shape, by the caller)
};
/// A horizontal axis from day 0 (the contact) to `endDay`, ticked in days or months.
struct Timeline {
  std::vector<TimelineMark> marks;
  double endDay = 365.0;
};
void drawTimeline(const Timeline& timeline);

/// A value on a horizontal scale from `min` to `max`, with words at both ends and at
/// `mid`, the value shown as a filled circle labelled `markLabel`.
struct Gauge {
  double min = -2.0;
  double max = 2.0;
  double mid = 0.0;
  double value = 0.0;
  std::string lowLabel;
  std::string midLabel;
  std::string highLabel;
  std::string markLabel = "You";
};
void drawGauge(const Gauge& gauge);

/// Horizontal bars of shares (0..1), each with its label and percentage in words.
struct ShareBar {
  std::string label;
  double share = 0.0;
  bool known = true; // false: drawn empty with "no data"
};
void drawShareBars(const std::vector<ShareBar>& bars);

/// A small mark of `shape` (for legends and lists beside text), one line high.
void markIcon(MarkShape shape, bool alert = false);

/// Short labels of the six response levels, NFA to immediate, for chart categories.
std::vector<std::string> responseLevelShortLabels();

/// "45%", rounded to a whole percent.
std::string percent(double share);
/// A number with `decimals` decimals, e.g. "0.62"; one that rounds to zero never shows a
/// minus sign ("0.00", not "-0.00").
std::string fixed(double value, int decimals = 1);

} // namespace sim::ui
