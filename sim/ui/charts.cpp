// Draw-list charts. Every chart reserves its area with a Dummy (so layout, scrolling and
// clipping work as for any item) and measures everything in font sizes, so it grows with the
// practitioner's text scale.
#include "sim/ui/charts.hpp"

#include "sim/ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string_view>

namespace sim::ui {

namespace {

ImVec2 add(ImVec2 a, ImVec2 b) { return {a.x + b.x, a.y + b.y}; }

float em() { return ImGui::GetFontSize(); }
float lineHeight() { return ImGui::GetTextLineHeight(); }

ImU32 colour(const ImVec4& c, float alpha = 1.0f) {
  return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha));
}
ImU32 textColour() { return ImGui::GetColorU32(ImGuiCol_Text); }

float textWidth(std::string_view text) {
  return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

void textAt(ImDrawList* dl, ImVec2 pos, ImU32 col, std::string_view text) {
  dl->AddText(pos, col, text.data(), text.data() + text.size());
}

// Text centred horizontally on x, its top at y.
void textCentred(ImDrawList* dl, float x, float y, ImU32 col, std::string_view text) {
  textAt(dl, ImVec2(std::floor(x - textWidth(text) * 0.5f), y), col, text);
}

// The area of a chart: as wide as the content region (within limits), `height` high.
struct Area {
  ImDrawList* dl = nullptr;
  ImVec2 min;
  ImVec2 max;
};

float chartWidth(float maxEm) {
  const float avail = ImGui::GetContentRegionAvail().x;
  return std::max(em() * 12.0f, std::min(avail, em() * maxEm));
}

Area reserve(float width, float height) {
  Area area;
  area.dl = ImGui::GetWindowDrawList();
  area.min = ImGui::GetCursorScreenPos();
  area.max = add(area.min, ImVec2(width, height));
  ImGui::Dummy(ImVec2(width, height));
  return area;
}

void drawShape(ImDrawList* dl, ImVec2 c, float r, MarkShape shape, ImU32 col, bool filled) {
  const float t = std::max(1.0f, em() * 0.1f);
  switch (shape) {
  case MarkShape::Circle:
    if (filled) {
      dl->AddCircleFilled(c, r, col);
    } else {
      dl->AddCircle(c, r, col, 0, t);
    }
    break;
  case MarkShape::Square: {
    const ImVec2 a(c.x - r * 0.85f, c.y - r * 0.85f);
    const ImVec2 b(c.x + r * 0.85f, c.y + r * 0.85f);
    if (filled) {
      dl->AddRectFilled(a, b, col);
    } else {
      dl->AddRect(a, b, col, 0.0f, 0, t);
    }
    break;
  }
  case MarkShape::Triangle: {
    const ImVec2 p1(c.x, c.y - r);
    const ImVec2 p2(c.x + r * 0.95f, c.y + r * 0.75f);
    const ImVec2 p3(c.x - r * 0.95f, c.y + r * 0.75f);
    if (filled) {
      dl->AddTriangleFilled(p1, p2, p3, col);
    } else {
      dl->AddTriangle(p1, p2, p3, col, t);
    }
    break;
  }
  case MarkShape::Diamond: {
    const ImVec2 p1(c.x, c.y - r);
    const ImVec2 p2(c.x + r, c.y);
    const ImVec2 p3(c.x, c.y + r);
    const ImVec2 p4(c.x - r, c.y);
    if (filled) {
      dl->AddQuadFilled(p1, p2, p3, p4, col);
    } else {
      dl->AddQuad(p1, p2, p3, p4, col, t);
    }
    break;
  }
  case MarkShape::Cross: {
    const float w = std::max(2.0f, em() * 0.16f);
    dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), col, w);
    dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), col, w);
    break;
  }
  }
}

// Diagonal hatching inside a rectangle (the panel's bars: a pattern, not only a colour).
void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col) {
  dl->PushClipRect(a, b, true);
  const float step = std::max(4.0f, em() * 0.35f);
  const float h = b.y - a.y;
  for (float x = a.x - h; x < b.x; x += step) {
    dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), col, 1.0f);
  }
  dl->PopClipRect();
}

void dashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness) {
  const float dx = b.x - a.x;
  const float dy = b.y - a.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  const float dash = std::max(4.0f, em() * 0.4f);
  if (length <= 0.0f) {
    return;
  }
  for (float s = 0.0f; s < length; s += dash * 2.0f) {
    const float e = std::min(length, s + dash);
    dl->AddLine(ImVec2(a.x + dx * s / length, a.y + dy * s / length),
                ImVec2(a.x + dx * e / length, a.y + dy * e / length), col, thickness);
  }
}

// Words of `label` wrapped greedily into lines no wider than `width` (a single long word
// stays on its own line).
std::vector<std::string> wrapWords(const std::string& label, float width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= label.size()) {
    std::size_t end = label.find(' ', start);
    if (end == std::string::npos) {
      end = label.size();
    }
    const std::string word = label.substr(start, end - start);
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && textWidth(candidate) > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    start = end + 1;
  }
  if (!line.empty()) {
    lines.push_back(line);
  }
  return lines;
}

// Category labels wrapped to a slot's width, and the most lines any of them needs.
struct CategoryLabels {
  std::vector<std::vector<std::string>> lines;
  std::size_t maxLines = 1;
};
CategoryLabels categoryLabels(const std::vector<std::string>& labels, float width) {
  CategoryLabels out;
  for (const auto& label : labels) {
    out.lines.push_back(wrapWords(label, width));
    out.maxLines = std::max(out.maxLines, out.lines.back().size());
  }
  return out;
}

// A "nice" tick step for an axis from 0 to `max` with about `ticks` steps.
double niceStep(double max, int ticks) {
  const double raw = max / std::max(1, ticks);
  if (raw <= 1.0) {
    return 1.0;
  }
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m == 2.5 && magnitude < 10.0) {
      continue; // keep integer ticks for small counts
    }
    if (raw <= m * magnitude) {
      return m * magnitude;
    }
  }
  return 10.0 * magnitude;
}

std::string integerText(double value) { return std::to_string(std::lround(value)); }

// Horizontal grid lines and tick labels of a value axis from 0 to `top` (step `step`) in
// the plot rectangle; `label` turns a value into its tick text.
template <typename Label>
void valueAxis(ImDrawList* dl, ImVec2 plotMin, ImVec2 plotMax, double top, double step,
               Label label) {
  const Palette& p = palette();
  for (double v = 0.0; v <= top + step * 0.01; v += step) {
    const float y = plotMax.y - static_cast<float>(v / top) * (plotMax.y - plotMin.y);
    dl->AddLine(ImVec2(plotMin.x, y), ImVec2(plotMax.x, y), colour(p.grid), 1.0f);
    const std::string text = label(v);
    textAt(dl, ImVec2(plotMin.x - textWidth(text) - em() * 0.3f, y - lineHeight() * 0.5f),
           textColour(), text);
  }
}

// A legend entry: an icon drawn centred at a point with a radius, and its words.
struct LegendEntry {
  std::string label;
  std::function<void(ImDrawList*, ImVec2, float)> icon;
};

float legendEntryWidth(const LegendEntry& entry) {
  return lineHeight() + em() * 0.3f + textWidth(entry.label) + em() * 1.2f;
}

// Rows a legend takes when its entries flow left to right within `width`.
int legendRows(const std::vector<LegendEntry>& entries, float width) {
  int rows = entries.empty() ? 0 : 1;
  float x = 0.0f;
  for (const auto& entry : entries) {
    const float w = legendEntryWidth(entry);
    if (x > 0.0f && x + w > width) {
      ++rows;
      x = 0.0f;
    }
    x += w;
  }
  return rows;
}

void drawLegend(ImDrawList* dl, ImVec2 origin, float width,
                const std::vector<LegendEntry>& entries) {
  const float lh = lineHeight();
  float x = 0.0f;
  float y = origin.y;
  for (const auto& entry : entries) {
    const float w = legendEntryWidth(entry);
    if (x > 0.0f && x + w > width) {
      x = 0.0f;
      y += lh * 1.25f;
    }
    entry.icon(dl, ImVec2(origin.x + x + lh * 0.5f, y + lh * 0.5f), lh * 0.3f);
    textAt(dl, ImVec2(origin.x + x + lh + em() * 0.3f, y), textColour(), entry.label);
    x += w;
  }
}

} // namespace

std::vector<std::string> responseLevelShortLabels() {
  return {"NFA", "Advice", "Early help", "s17", "s47", "Immediate"};
}

std::string percent(double share) {
  if (!std::isfinite(share)) {
    return "-";
  }
  return std::to_string(std::lround(share * 100.0)) + "%";
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", std::clamp(decimals, 0, 6), value);
  std::string out = buffer;
  // A value that rounds to zero is "0.00", never "-0.00".
  if (out.size() > 1 && out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) {
    out.erase(0, 1);
  }
  return out;
}

void markIcon(MarkShape shape, bool alert) {
  const float size = lineHeight();
  const Area area = reserve(size, size);
  const ImU32 col = alert ? colour(palette().bad) : textColour();
  drawShape(area.dl, ImVec2(area.min.x + size * 0.5f, area.min.y + size * 0.5f), size * 0.32f,
            shape, col, true);
}

void drawBarChart(const BarChart& chart) {
  const std::size_t n = std::min(chart.labels.size(), chart.values.size());
  if (n == 0) {
    return;
  }
  const Palette& p = palette();
  const float e = em();
  const float lh = lineHeight();
  double maxValue = 1.0;
  for (std::size_t i = 0; i < n; ++i) {
    maxValue = std::max(maxValue, chart.values[i]);
  }
  const double step = niceStep(maxValue, 4);
  const double top = std::ceil(maxValue / step) * step;

  const float width = chartWidth(46.0f);
  const float left = textWidth(integerText(top)) + e * 0.8f;
  const float plotW = width - left - e * 0.5f;
  const float slot = plotW / static_cast<float>(n);
  const auto [labelLines, maxLines] = categoryLabels(chart.labels, slot - e * 0.3f);
  const bool band = chart.bandMin >= 0 && chart.bandMax >= chart.bandMin &&
                    static_cast<std::size_t>(chart.bandMax) < n;
  const bool hasYou = chart.you >= 0 && static_cast<std::size_t>(chart.you) < n;
  const bool hasPanel = chart.panel >= 0 && static_cast<std::size_t>(chart.panel) < n;
  const float markR = lh * 0.36f; // the marks under the category labels

  // The legend, above the plot so it never covers a bar or the band.
  std::vector<LegendEntry> legend;
  if (hasYou) {
    legend.push_back({"You (your bar is outlined)", [&](ImDrawList* dl, ImVec2 c, float r) {
                        drawShape(dl, c, r, MarkShape::Circle, colour(p.accent), true);
                      }});
  }
  if (hasPanel) {
    legend.push_back({"Panel consensus", [&](ImDrawList* dl, ImVec2 c, float r) {
                        drawShape(dl, c, r, MarkShape::Square, colour(p.panel), false);
                      }});
  }
  if (band) {
    legend.push_back({"Acceptable range (band)", [&](ImDrawList* dl, ImVec2 c, float r) {
                        dl->AddRectFilled(ImVec2(c.x - r * 1.2f, c.y - r),
                                          ImVec2(c.x + r * 1.2f, c.y + r), colour(p.good, 0.35f));
                        dl->AddRect(ImVec2(c.x - r * 1.2f, c.y - r),
                                    ImVec2(c.x + r * 1.2f, c.y + r), textColour(), 0.0f, 0, 1.0f);
                      }});
  }
  const float legendH =
      legend.empty() ? 0.0f
                     : static_cast<float>(legendRows(legend, width)) * lh * 1.25f + lh * 0.3f;
  const float axisTitle = chart.valueAxis.empty() ? 0.0f : lh * 1.2f;
  const float headRoom = lh * 1.3f; // the value above the tallest bar
  const float plotH = e * 7.0f;
  const float labelsH = static_cast<float>(maxLines) * lh + e * 0.3f;
  const float marksH = hasYou || hasPanel ? lh * 1.2f : 0.0f;
  const float bandH = band ? lh * 1.5f : 0.0f;
  const Area area =
      reserve(width, legendH + axisTitle + headRoom + plotH + labelsH + marksH + bandH);
  ImDrawList* dl = area.dl;

  drawLegend(dl, area.min, width, legend);
  if (!chart.valueAxis.empty()) {
    textAt(dl, ImVec2(area.min.x, area.min.y + legendH), colour(p.muted), chart.valueAxis);
  }
  const ImVec2 plotMin(area.min.x + left, area.min.y + legendH + axisTitle + headRoom);
  const ImVec2 plotMax(plotMin.x + plotW, plotMin.y + plotH);
  dl->AddRectFilled(ImVec2(plotMin.x, plotMin.y - headRoom), plotMax, colour(p.chartBg));

  const auto slotX = [&](std::size_t i) { return plotMin.x + slot * static_cast<float>(i); };
  if (band) {
    const float x0 = slotX(static_cast<std::size_t>(chart.bandMin));
    const float x1 = slotX(static_cast<std::size_t>(chart.bandMax) + 1);
    dl->AddRectFilled(ImVec2(x0, plotMin.y - headRoom), plotMax, colour(p.good, 0.18f));
    // The bracket under the category labels and marks, with the word.
    const float y = plotMax.y + labelsH + marksH + lh * 0.3f;
    const ImU32 col = textColour();
    const float bt = std::max(1.0f, e * 0.08f);
    dl->AddLine(ImVec2(x0 + e * 0.2f, y), ImVec2(x1 - e * 0.2f, y), col, bt);
    dl->AddLine(ImVec2(x0 + e * 0.2f, y - lh * 0.3f), ImVec2(x0 + e * 0.2f, y), col, bt);
    dl->AddLine(ImVec2(x1 - e * 0.2f, y - lh * 0.3f), ImVec2(x1 - e * 0.2f, y), col, bt);
    const std::string word =
        textWidth("acceptable range") + e * 0.8f <= x1 - x0 ? "acceptable range" : "band";
    const float mid = (x0 + x1) * 0.5f;
    const float w = textWidth(word) + e * 0.4f;
    dl->AddRectFilled(ImVec2(mid - w * 0.5f, y - 1.0f), ImVec2(mid + w * 0.5f, y + 1.0f),
                      ImGui::GetColorU32(ImGuiCol_WindowBg));
    textCentred(dl, mid, y - lh * 0.15f, col, word);
  }
  valueAxis(dl, plotMin, plotMax, top, step, integerText);

  const float barW = slot * 0.56f;
  const float thick = std::max(2.0f, e * 0.16f);
  for (std::size_t i = 0; i < n; ++i) {
    const float cx = slotX(i) + slot * 0.5f;
    const double v = std::max(0.0, chart.values[i]);
    const float barY = plotMax.y - static_cast<float>(v / top) * plotH;
    const ImVec2 a(cx - barW * 0.5f, barY);
    const ImVec2 b(cx + barW * 0.5f, plotMax.y);
    if (v > 0.0) {
      dl->AddRectFilled(a, b, colour(p.muted, 0.55f));
    }
    textCentred(dl, cx, barY - lh * 1.1f, textColour(), integerText(v));
    const bool isYou = static_cast<int>(i) == chart.you;
    const bool isPanel = static_cast<int>(i) == chart.panel;
    if (isYou) {
      // Outline the bar (a short stub when nobody on the panel chose it).
      const float stubTop = v > 0.0 ? barY : plotMax.y - e * 0.35f;
      dl->AddRect(ImVec2(a.x - thick * 0.5f, stubTop - thick * 0.5f),
                  ImVec2(b.x + thick * 0.5f, b.y), colour(p.accent), 0.0f, 0, thick);
    }
    float y = plotMax.y + e * 0.2f;
    for (const auto& line : labelLines[i]) {
      textCentred(dl, cx, y, textColour(), line);
      y += lh;
    }
    // The marks under the category's label: side by side when both fall on it.
    if (isYou || isPanel) {
      const float my = plotMax.y + labelsH + lh * 0.55f;
      const float gap = isYou && isPanel ? markR * 1.5f : 0.0f;
      if (isYou) {
        drawShape(dl, ImVec2(cx - gap, my), markR, MarkShape::Circle, colour(p.accent), true);
      }
      if (isPanel) {
        drawShape(dl, ImVec2(cx + gap, my), markR, MarkShape::Square, colour(p.panel), false);
      }
    }
  }
  dl->AddLine(ImVec2(plotMin.x, plotMax.y), plotMax, textColour(), 1.0f);
}

void drawGroupedBars(const GroupedBars& chart) {
  const std::size_t n = std::min(chart.labels.size(), chart.yours.size());
  if (n == 0) {
    return;
  }
  const bool hasOther = chart.other.size() >= n;
  const Palette& p = palette();
  const float e = em();
  const float lh = lineHeight();
  // Shares always on a 0-100% axis, so a bar's height reads as its share at a glance.
  const double top = 1.0;
  const double step = 0.25;

  const float width = chartWidth(46.0f);
  const float left = textWidth("100%") + e * 0.8f;
  const float plotW = width - left - e * 0.5f;
  const float slot = plotW / static_cast<float>(n);
  const auto [labelLines, maxLines] = categoryLabels(chart.labels, slot - e * 0.3f);
  const float legendH = lh * 1.6f;
  const float axisTitle = chart.valueAxis.empty() ? 0.0f : lh * 1.2f;
  const float plotH = e * 7.0f;
  const float labelsH = static_cast<float>(maxLines) * lh + e * 0.3f;
  const Area area = reserve(width, legendH + axisTitle + lh * 0.6f + plotH + labelsH);
  ImDrawList* dl = area.dl;

  // Legend: a filled swatch for the practitioner, a hollow hatched one for the other.
  const float sw = lh * 0.8f;
  float x = area.min.x + left;
  const float ly = area.min.y + (lh - sw) * 0.5f;
  dl->AddRectFilled(ImVec2(x, ly), ImVec2(x + sw, ly + sw), colour(p.accent));
  x += sw + e * 0.3f;
  textAt(dl, ImVec2(x, area.min.y), textColour(), chart.yoursLabel + " (filled)");
  x += textWidth(chart.yoursLabel + " (filled)") + e * 1.2f;
  if (hasOther) {
    hatch(dl, ImVec2(x, ly), ImVec2(x + sw, ly + sw), colour(p.panel));
    dl->AddRect(ImVec2(x, ly), ImVec2(x + sw, ly + sw), colour(p.panel), 0.0f, 0,
                std::max(1.0f, e * 0.1f));
    x += sw + e * 0.3f;
    textAt(dl, ImVec2(x, area.min.y), textColour(), chart.otherLabel + " (hatched)");
  }

  if (!chart.valueAxis.empty()) {
    textAt(dl, ImVec2(area.min.x, area.min.y + legendH), colour(p.muted), chart.valueAxis);
  }
  const ImVec2 plotMin(area.min.x + left, area.min.y + legendH + axisTitle + lh * 0.6f);
  const ImVec2 plotMax(plotMin.x + plotW, plotMin.y + plotH);
  dl->AddRectFilled(plotMin, plotMax, colour(p.chartBg));
  valueAxis(dl, plotMin, plotMax, top, step, [](double v) { return percent(v); });

  const float barW = slot * (hasOther ? 0.36f : 0.56f);
  const float t = std::max(1.0f, e * 0.12f);
  for (std::size_t i = 0; i < n; ++i) {
    const float cx = plotMin.x + slot * (static_cast<float>(i) + 0.5f);
    const auto barTop = [&](double v) {
      return plotMax.y - static_cast<float>(std::clamp(v, 0.0, top) / top) * plotH;
    };
    const float x0 = hasOther ? cx - barW - e * 0.05f : cx - barW * 0.5f;
    if (chart.yours[i] > 0.0) {
      dl->AddRectFilled(ImVec2(x0, barTop(chart.yours[i])), ImVec2(x0 + barW, plotMax.y),
                        colour(p.accent));
    }
    if (hasOther && chart.other[i] > 0.0) {
      const ImVec2 a(cx + e * 0.05f, barTop(chart.other[i]));
      const ImVec2 b(cx + e * 0.05f + barW, plotMax.y);
      hatch(dl, a, b, colour(p.panel));
      dl->AddRect(a, b, colour(p.panel), 0.0f, 0, t);
    }
    float y = plotMax.y + e * 0.2f;
    for (const auto& line : labelLines[i]) {
      textCentred(dl, cx, y, textColour(), line);
      y += lh;
    }
  }
  dl->AddLine(ImVec2(plotMin.x, plotMax.y), plotMax, textColour(), 1.0f);
}

void drawLineChart(const LineChart& chart) {
  if (chart.values.empty() || chart.maxY <= chart.minY) {
    return;
  }
  const Palette& p = palette();
  const float e = em();
  const float lh = lineHeight();
  const float width = chartWidth(46.0f);
  const float left = textWidth(integerText(chart.maxY)) + e * 0.8f;
  const float plotW = width - left - e * 1.0f;
  const float plotH = e * 7.0f;
  const float titleH = chart.yAxis.empty() ? lh * 0.6f : lh * 1.6f;
  const float bottom = lh * (chart.xAxis.empty() ? 1.4f : 2.5f);
  const Area area = reserve(width, titleH + plotH + bottom);
  ImDrawList* dl = area.dl;
  if (!chart.yAxis.empty()) {
    textAt(dl, area.min, colour(p.muted), chart.yAxis);
  }
  const ImVec2 plotMin(area.min.x + left, area.min.y + titleH);
  const ImVec2 plotMax(plotMin.x + plotW, plotMin.y + plotH);
  dl->AddRectFilled(plotMin, plotMax, colour(p.chartBg));
  const double range = chart.maxY - chart.minY;
  const double step = niceStep(range, 4);
  valueAxis(dl, plotMin, plotMax, range, step,
            [&](double v) { return integerText(v + chart.minY); });

  const std::size_t n = chart.values.size();
  const float pad = e * 0.8f;
  const auto px = [&](std::size_t i) {
    if (n == 1) {
      return (plotMin.x + plotMax.x) * 0.5f;
    }
    return plotMin.x + pad +
           (plotW - 2.0f * pad) * static_cast<float>(i) / static_cast<float>(n - 1);
  };
  const auto py = [&](double v) {
    const double clamped = std::clamp(v, chart.minY, chart.maxY);
    return plotMax.y - static_cast<float>((clamped - chart.minY) / range) * plotH;
  };
  const float t = std::max(1.5f, e * 0.12f);
  for (std::size_t i = 1; i < n; ++i) {
    dl->AddLine(ImVec2(px(i - 1), py(chart.values[i - 1])), ImVec2(px(i), py(chart.values[i])),
                colour(p.accent), t);
  }
  // x labels: attempt numbers, thinned so they never overlap.
  const float minGap = textWidth(std::to_string(n)) + e * 1.0f;
  float lastLabel = -1e9f;
  for (std::size_t i = 0; i < n; ++i) {
    const float x = px(i);
    drawShape(dl, ImVec2(x, py(chart.values[i])), e * 0.28f, MarkShape::Circle, colour(p.accent),
              true);
    const bool last = i + 1 == n;
    if (x - lastLabel >= minGap || (last && n > 1 && x - lastLabel >= minGap * 0.6f)) {
      textCentred(dl, x, plotMax.y + lh * 0.2f, textColour(), std::to_string(i + 1));
      lastLabel = x;
    }
  }
  dl->AddLine(ImVec2(plotMin.x, plotMax.y), plotMax, textColour(), 1.0f);
  if (!chart.xAxis.empty()) {
    textCentred(dl, (plotMin.x + plotMax.x) * 0.5f, plotMax.y + lh * 1.3f, colour(p.muted),
                chart.xAxis);
  }
}

void drawReliabilityDiagram(const std::vector<ReliabilityPoint>& points, const std::string& what) {
  const Palette& p = palette();
  const float e = em();
  const float lh = lineHeight();
  const float left = textWidth("100%") + e * 0.8f;
  const float avail = chartWidth(46.0f);
  const float side = std::clamp(avail - left - e * 4.0f, e * 8.0f, e * 15.0f);
  const float width = std::max(left + side + e * 4.0f, std::min(avail, e * 34.0f));
  const float t = std::max(1.0f, e * 0.08f);
  const std::vector<LegendEntry> legend{
      {"perfectly calibrated",
       [&](ImDrawList* l, ImVec2 c, float r) {
         dashedLine(l, ImVec2(c.x - r * 1.6f, c.y), ImVec2(c.x + r * 1.6f, c.y), textColour(), t);
       }},
      {"your estimates (n = how many)", [&](ImDrawList* l, ImVec2 c, float r) {
         drawShape(l, c, r, MarkShape::Circle, colour(p.accent), true);
       }}};
  const float legendH = static_cast<float>(legendRows(legend, width)) * lh * 1.25f + lh * 0.35f;
  const float yTitleH = lh * 1.4f;
  const Area area = reserve(width, legendH + yTitleH + side + lh * 2.6f);
  ImDrawList* dl = area.dl;
  drawLegend(dl, area.min, width, legend);

  textAt(dl, ImVec2(area.min.x, area.min.y + legendH), colour(p.muted), "how often it happened");
  const ImVec2 plotMin(area.min.x + left, area.min.y + legendH + yTitleH);
  const ImVec2 plotMax(plotMin.x + side, plotMin.y + side);
  dl->AddRectFilled(plotMin, plotMax, colour(p.chartBg));
  for (int k = 0; k <= 4; ++k) {
    const float f = static_cast<float>(k) / 4.0f;
    const float gx = plotMin.x + f * side;
    const float gy = plotMax.y - f * side;
    dl->AddLine(ImVec2(plotMin.x, gy), ImVec2(plotMax.x, gy), colour(p.grid), 1.0f);
    dl->AddLine(ImVec2(gx, plotMin.y), ImVec2(gx, plotMax.y), colour(p.grid), 1.0f);
    if (k % 2 == 0) {
      const std::string label = percent(static_cast<double>(f));
      textAt(dl, ImVec2(plotMin.x - textWidth(label) - e * 0.3f, gy - lh * 0.5f), textColour(),
             label);
      textCentred(dl, gx, plotMax.y + lh * 0.2f, textColour(), label);
    }
  }
  dashedLine(dl, ImVec2(plotMin.x, plotMax.y), ImVec2(plotMax.x, plotMin.y), textColour(),
             std::max(1.0f, e * 0.08f));
  dl->AddRect(plotMin, plotMax, textColour(), 0.0f, 0, 1.0f);
  textCentred(dl, (plotMin.x + plotMax.x) * 0.5f, plotMax.y + lh * 1.3f, colour(p.muted),
              "predicted chance of " + what);

  // Marks first, then labels placed clear of every mark and of the labels before them.
  struct Mark {
    float x, y, r;
    int count;
  };
  std::vector<Mark> marks;
  std::vector<ImVec4> placed; // rectangles to keep clear: min x, min y, max x, max y
  for (const auto& point : points) {
    if (point.count <= 0) {
      continue;
    }
    const float cx = plotMin.x + static_cast<float>(std::clamp(point.predicted, 0.0, 1.0)) * side;
    const float cy = plotMax.y - static_cast<float>(std::clamp(point.observed, 0.0, 1.0)) * side;
    const float r =
        std::min(e * 0.7f, e * (0.22f + 0.08f * std::sqrt(static_cast<float>(point.count))));
    marks.push_back({cx, cy, r, point.count});
    placed.emplace_back(cx - r, cy - r, cx + r, cy + r);
  }
  for (const Mark& mark : marks) {
    drawShape(dl, ImVec2(mark.x, mark.y), mark.r, MarkShape::Circle, colour(p.accent), true);
    dl->AddCircle(ImVec2(mark.x, mark.y), mark.r, textColour(), 0, 1.0f);
  }
  // Each label goes beside its mark with a clear gap, in the first of eight places around
  // it that stays inside the plot and clears every mark and every label placed before it;
  // failing that, further out above or below with a thin line to its mark; failing that,
  // right of the plot, also with a line. Labels sit on the plot's background colour, so
  // neither the grid nor the diagonal runs through them.
  const float pad = e * 0.2f;
  const auto fits = [&](ImVec2 c, float w) {
    const bool inside = c.x >= plotMin.x + pad && c.x + w <= plotMax.x - pad &&
                        c.y >= plotMin.y + pad && c.y + lh <= plotMax.y - pad;
    return inside && std::none_of(placed.begin(), placed.end(), [&](const ImVec4& q) {
             return c.x - pad < q.z && c.x + w + pad > q.x && c.y - pad < q.w &&
                    c.y + lh + pad > q.y;
           });
  };
  for (const Mark& mark : marks) {
    const float cx = mark.x;
    const float cy = mark.y;
    const float r = mark.r;
    const std::string label = "n=" + std::to_string(mark.count);
    const float w = textWidth(label);
    const float gap = r + e * 0.35f;
    const float d = gap * 0.75f;
    const ImVec2 near[] = {{cx + gap, cy - lh * 0.5f},     {cx - w * 0.5f, cy - gap - lh},
                           {cx + d, cy - d - lh},          {cx - d - w, cy - d - lh},
                           {cx - gap - w, cy - lh * 0.5f}, {cx + d, cy + d},
                           {cx - d - w, cy + d},           {cx - w * 0.5f, cy + gap}};
    bool found = false;
    bool leader = false;
    ImVec2 at;
    for (const ImVec2& c : near) {
      if (fits(c, w)) {
        at = c;
        found = true;
        break;
      }
    }
    for (int k = 1; !found && k <= 4; ++k) {
      const float far = gap + lh * 1.2f * static_cast<float>(k);
      for (const float dx : {0.0f, w, -w}) {
        for (const ImVec2 c :
             {ImVec2(cx - w * 0.5f + dx, cy - far - lh), ImVec2(cx - w * 0.5f + dx, cy + far)}) {
          if (!found && fits(c, w)) {
            at = c;
            found = true;
            leader = true;
          }
        }
      }
    }
    if (!found) {
      // Right of the plot, below any label already there.
      at = ImVec2(plotMax.x + e * 0.6f, cy - lh * 0.5f);
      for (const ImVec4& q : placed) {
        if (q.x >= plotMax.x && at.y < q.w + pad && at.y + lh > q.y - pad) {
          at.y = q.w + pad;
        }
      }
      leader = true;
    }
    if (leader) {
      // From the mark's edge towards the label's nearest side.
      const ImVec2 target(std::clamp(cx, at.x, at.x + w), cy < at.y ? at.y : at.y + lh);
      const float dx = target.x - cx;
      const float dy = target.y - cy;
      const float length = std::max(1.0f, std::sqrt(dx * dx + dy * dy));
      dl->AddLine(ImVec2(cx + dx / length * r, cy + dy / length * r), target, textColour(), 1.0f);
    }
    placed.emplace_back(at.x, at.y, at.x + w, at.y + lh);
    dl->AddRectFilled(ImVec2(at.x - e * 0.1f, at.y), ImVec2(at.x + w + e * 0.1f, at.y + lh),
                      colour(p.chartBg));
    textAt(dl, at, textColour(), label);
  }
}

void drawTimeline(const Timeline& timeline) {
  const Palette& p = palette();
  const float e = em();
  const float lh = lineHeight();
  const double endDay = std::max(1.0, timeline.endDay);
  double maxDay = endDay;
  for (const auto& mark : timeline.marks) {
    maxDay = std::max(maxDay, mark.day);
  }
  const float width = chartWidth(60.0f);
  // Room for the first and last tick labels to be centred on their ticks.
  const float padX = std::max(e * 1.2f, textWidth("12 months") * 0.5f + e * 0.3f);
  const float axisW = width - 2.0f * padX;
  const auto dayX = [&](double day, float x0) {
    return x0 + padX + static_cast<float>(std::clamp(day, 0.0, maxDay) / maxDay) * axisW;
  };

  // Stack marks that would overlap into levels above the axis.
  const float markR = lh * 0.35f;
  const float minGap = std::max(markR * 2.6f, e * 1.4f);
  std::vector<int> levels(timeline.marks.size(), 0);
  std::vector<float> levelLastX;
  int maxLevel = 0;
  for (std::size_t i = 0; i < timeline.marks.size(); ++i) {
    const float x = dayX(timeline.marks[i].day, 0.0f);
    const float w = std::max(minGap, textWidth(timeline.marks[i].label) + e * 0.4f);
    std::size_t level = 0;
    while (level < levelLastX.size() && x - levelLastX[level] < w) {
      ++level;
    }
    if (level == levelLastX.size()) {
      levelLastX.push_back(x);
    } else {
      levelLastX[level] = x;
    }
    levels[i] = static_cast<int>(level);
    maxLevel = std::max(maxLevel, levels[i]);
  }
  const float levelH = lh * 2.1f;
  const float marksH = levelH * static_cast<float>(maxLevel + 1) + lh * 0.4f;
  const Area area = reserve(width, marksH + lh * 2.8f);
  ImDrawList* dl = area.dl;
  const float axisY = area.min.y + marksH;
  dl->AddRectFilled(area.min, ImVec2(area.max.x, axisY + lh * 0.2f), colour(p.chartBg));
  const float t = std::max(1.5f, e * 0.1f);
  dl->AddLine(ImVec2(dayX(0.0, area.min.x), axisY), ImVec2(dayX(maxDay, area.min.x), axisY),
              textColour(), t);

  // Ticks: days for short spans, months for long ones, spaced so labels never overlap.
  const bool months = maxDay > 60.0;
  const double unit = months ? 365.25 / 12.0 : 1.0;
  const std::string widest = months ? "12 months" : "day 60";
  const double perUnit = static_cast<double>(axisW) * unit / maxDay;
  double stepUnits = 1.0;
  for (const double s : {1.0, 2.0, 3.0, 6.0, 7.0, 12.0, 14.0, 24.0, 28.0, 60.0}) {
    stepUnits = s;
    if (perUnit * s >= static_cast<double>(textWidth(widest) + e)) {
      break;
    }
  }
  for (double u = 0.0; u * unit <= maxDay + 0.5; u += stepUnits) {
    const float x = dayX(u * unit, area.min.x);
    dl->AddLine(ImVec2(x, axisY), ImVec2(x, axisY + lh * 0.35f), textColour(), t);
    std::string label;
    if (u == 0.0) {
      label = "contact";
    } else if (months) {
      label = integerText(u) + (u == 1.0 ? " month" : " months");
    } else {
      label = "day " + integerText(u);
    }
    textCentred(dl, x, axisY + lh * 0.45f, textColour(), label);
  }
  const std::string caption = months ? "time after the contact (months)" : "days after the contact";
  textCentred(dl, (area.min.x + area.max.x) * 0.5f, axisY + lh * 1.6f, colour(p.muted), caption);

  for (std::size_t i = 0; i < timeline.marks.size(); ++i) {
    const auto& mark = timeline.marks[i];
    const float x = dayX(mark.day, area.min.x);
    const float cy = axisY - lh * 0.5f - levelH * static_cast<float>(levels[i]);
    if (levels[i] > 0) {
      dl->AddLine(ImVec2(x, cy + markR), ImVec2(x, axisY), colour(p.grid), 1.0f);
    }
    // Outcome events are nobody's choice: drawn in the text colour, not the practitioner's.
    const ImU32 col = mark.alert ? colour(p.bad) : textColour();
    drawShape(dl, ImVec2(x, cy), markR, mark.shape, col, true);
    textCentred(dl, x, cy - markR - lh * 1.05f, textColour(), mark.label);
  }
}

void drawGauge(const Gauge& gauge) {
  if (gauge.max <= gauge.min) {
    return;
  }
  const Palette& p = palette();
  const float e = em();
  const float lh = lineHeight();
  const float width = chartWidth(36.0f);
  const Area area = reserve(width, lh * 5.0f);
  ImDrawList* dl = area.dl;
  const float padX = e * 1.0f;
  const float x0 = area.min.x + padX;
  const float x1 = area.max.x - padX;
  const auto gx = [&](double v) {
    return x0 + static_cast<float>((std::clamp(v, gauge.min, gauge.max) - gauge.min) /
                                   (gauge.max - gauge.min)) *
                    (x1 - x0);
  };
  const float y = area.min.y + lh * 2.3f;
  dl->AddRectFilled(ImVec2(x0, y - lh * 0.25f), ImVec2(x1, y + lh * 0.25f), colour(p.chartBg));
  dl->AddRect(ImVec2(x0, y - lh * 0.25f), ImVec2(x1, y + lh * 0.25f), colour(p.grid), 0.0f, 0,
              1.0f);
  const float t = std::max(1.0f, e * 0.08f);
  for (const double v : {gauge.min, gauge.mid, gauge.max}) {
    const float x = gx(v);
    dl->AddLine(ImVec2(x, y - lh * 0.4f), ImVec2(x, y + lh * 0.4f), textColour(), t);
    textCentred(dl, x, y + lh * 0.45f, colour(p.muted), fixed(v, 0));
  }
  const float wordsY = y + lh * 1.45f;
  textAt(dl, ImVec2(area.min.x, wordsY), textColour(), gauge.lowLabel);
  textAt(dl, ImVec2(area.max.x - textWidth(gauge.highLabel), wordsY), textColour(),
         gauge.highLabel);
  if (!gauge.midLabel.empty()) {
    const float mx = gx(gauge.mid);
    const float half = textWidth(gauge.midLabel) * 0.5f;
    const float lowEnd = area.min.x + textWidth(gauge.lowLabel) + e * 0.5f;
    const float highStart = area.max.x - textWidth(gauge.highLabel) - e * 0.5f;
    if (mx - half > lowEnd && mx + half < highStart) {
      textCentred(dl, mx, wordsY, textColour(), gauge.midLabel);
    }
  }
  const float vx = gx(gauge.value);
  const float r = lh * 0.38f;
  drawShape(dl, ImVec2(vx, y), r, MarkShape::Circle, colour(p.accent), true);
  dl->AddCircle(ImVec2(vx, y), r, textColour(), 0, t);
  const std::string label = gauge.markLabel + ": " + fixed(gauge.value, 2);
  const float lx =
      std::clamp(vx - textWidth(label) * 0.5f, area.min.x, area.max.x - textWidth(label));
  textAt(dl, ImVec2(lx, area.min.y + lh * 0.3f), textColour(), label);
}

void drawShareBars(const std::vector<ShareBar>& bars) {
  if (bars.empty()) {
    return;
  }
  const Palette& p = palette();
  const float e = em();
  const float lh = lineHeight();
  const float width = chartWidth(40.0f);
  float labelW = 0.0f;
  for (const auto& bar : bars) {
    labelW = std::max(labelW, textWidth(bar.label));
  }
  labelW = std::min(labelW, width * 0.45f) + e * 0.6f;
  const float valueW = textWidth("no data yet") + e * 0.6f;
  const float trackW = std::max(e * 4.0f, width - labelW - valueW);
  const float rowH = lh * 1.5f;
  const Area area = reserve(width, rowH * static_cast<float>(bars.size()));
  ImDrawList* dl = area.dl;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    const float y = area.min.y + rowH * static_cast<float>(i);
    dl->PushClipRect(ImVec2(area.min.x, y), ImVec2(area.min.x + labelW - e * 0.3f, y + rowH), true);
    textAt(dl, ImVec2(area.min.x, y + (rowH - lh) * 0.5f), textColour(), bar.label);
    dl->PopClipRect();
    const ImVec2 a(area.min.x + labelW, y + rowH * 0.2f);
    const ImVec2 b(a.x + trackW, y + rowH * 0.8f);
    dl->AddRectFilled(a, b, colour(p.chartBg));
    if (bar.known) {
      const float w = static_cast<float>(std::clamp(bar.share, 0.0, 1.0)) * trackW;
      dl->AddRectFilled(a, ImVec2(a.x + w, b.y), colour(p.accent));
    }
    dl->AddRect(a, b, colour(p.grid), 0.0f, 0, 1.0f);
    textAt(dl, ImVec2(b.x + e * 0.4f, y + (rowH - lh) * 0.5f), textColour(),
           bar.known ? percent(bar.share) : "no data yet");
  }
}

} // namespace sim::ui
