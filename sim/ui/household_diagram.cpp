// The household diagram: layout of the people in rows, lines from parents to children,
// boxes with text labels, and the text list of the same people.
#include "sim/ui/household_diagram.hpp"

#include "sim/ui/fonts.hpp"
#include "sim/ui/theme.hpp"
#include "sim/ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

namespace sim::ui {

namespace {

// One box of the diagram.
struct Box {
  ImVec2 min;
  ImVec2 max;
  std::vector<std::string> lines; // the first line is the name (bold)
  std::string description;        // the full text, for the tooltip
  bool child = false;
  bool dashed = false; // an adult living elsewhere, or an unborn child
};

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      out += i + 1 == names.size() ? " and " : ", ";
    }
    out += names[i];
  }
  return out;
}

// A note as the end of a sentence: with a full stop unless it already ends in one.
std::string sentence(const std::string& text) {
  if (text.empty() || text.back() == '.' || text.back() == '!' || text.back() == '?') {
    return text;
  }
  return text + ".";
}

std::string joinList(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i > 0 ? ", " : "") + parts[i];
  }
  return out;
}

// "18–24": an age band with an en dash, as it is read.
std::string ageBand(const std::string& band) {
  std::string out = band;
  const auto dash = out.find('-');
  if (dash != std::string::npos) {
    out.replace(dash, 1, "–");
  }
  return out;
}

int childIndex(const core::Scenario& scenario, std::string_view id) {
  for (std::size_t i = 0; i < scenario.children.size(); ++i) {
    if (scenario.children[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::string displayName(const std::string& name, const std::string& id) {
  return name.empty() ? id : name;
}

void dashedLine(ImDrawList* drawList, ImVec2 from, ImVec2 to, ImU32 colour, float dash,
                float thickness) {
  const float dx = to.x - from.x;
  const float dy = to.y - from.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (length <= 0.0f) {
    return;
  }
  for (float start = 0.0f; start < length; start += 2.0f * dash) {
    const float end = std::min(start + dash, length);
    drawList->AddLine(ImVec2(from.x + dx * start / length, from.y + dy * start / length),
                      ImVec2(from.x + dx * end / length, from.y + dy * end / length), colour,
                      thickness);
  }
}

void dashedRect(ImDrawList* drawList, ImVec2 min, ImVec2 max, ImU32 colour, float dash,
                float thickness) {
  dashedLine(drawList, min, ImVec2(max.x, min.y), colour, dash, thickness);
  dashedLine(drawList, ImVec2(max.x, min.y), max, colour, dash, thickness);
  dashedLine(drawList, max, ImVec2(min.x, max.y), colour, dash, thickness);
  dashedLine(drawList, ImVec2(min.x, max.y), min, colour, dash, thickness);
}

// Lays `count` boxes of `lineCount` text lines out in centred rows from `top`; returns the
// boxes' rectangles and moves `top` below the last row. With `fullLastRow`, a partly
// filled row comes first rather than last (adults: parents sit next to their children).
std::vector<std::pair<ImVec2, ImVec2>> layoutRows(std::size_t count, int lineCount, ImVec2 origin,
                                                  float width, float& top, bool fullLastRow) {
  std::vector<std::pair<ImVec2, ImVec2>> rects;
  if (count == 0) {
    return rects;
  }
  const float font = ImGui::GetFontSize();
  const float gap = font * 0.8f;
  const float minWidth = std::min(font * 7.0f, width);
  const float maxWidth = font * 11.0f;
  const float pad = font * 0.4f;
  const float height = static_cast<float>(lineCount) * ImGui::GetTextLineHeight() + 2.0f * pad;
  const std::size_t fit =
      std::max<std::size_t>(1, static_cast<std::size_t>((width + gap) / (minWidth + gap)));
  const std::size_t perRow = std::min(count, fit);
  const float boxWidth =
      std::clamp((width - gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow),
                 minWidth, maxWidth);
  const std::size_t partial = count % perRow;
  for (std::size_t first = 0; first < count;) {
    std::size_t inRow = std::min(perRow, count - first);
    if (fullLastRow && first == 0 && partial != 0) {
      inRow = partial;
    }
    const float rowWidth =
        boxWidth * static_cast<float>(inRow) + gap * static_cast<float>(inRow - 1);
    float x = origin.x + std::max(0.0f, (width - rowWidth) * 0.5f);
    for (std::size_t i = 0; i < inRow; ++i) {
      rects.emplace_back(ImVec2(x, top), ImVec2(x + boxWidth, top + height));
      x += boxWidth + gap;
    }
    first += inRow;
    top += height + font * 0.6f;
  }
  return rects;
}

void drawBoxText(ImDrawList* drawList, const Box& box) {
  const float pad = ImGui::GetFontSize() * 0.4f;
  const ImVec4 clip(box.min.x + pad * 0.5f, box.min.y, box.max.x - pad * 0.5f, box.max.y);
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  float y = box.min.y + pad;
  for (std::size_t i = 0; i < box.lines.size(); ++i) {
    ImFont* font = i == 0 && fonts().bold != nullptr ? fonts().bold : ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const std::string& line = box.lines[i];
    const ImVec2 extent = font->CalcTextSizeA(size, 1.0e6f, 0.0f, line.c_str());
    const float inner = clip.z - clip.x;
    // Centred when it fits, otherwise from the left and clipped (the list below has it all).
    const float x =
        extent.x <= inner ? box.min.x + (box.max.x - box.min.x - extent.x) * 0.5f : clip.x;
    drawList->AddText(font, size, ImVec2(x, y), colour, line.c_str(), line.c_str() + line.size(),
                      0.0f, &clip);
    y += ImGui::GetTextLineHeight();
  }
}

void wrappedBullet(const std::string& text) {
  ImGui::Bullet();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

} // namespace

std::string describeChildAge(const core::Child& child) {
  if (child.unbornWeeks) {
    return "unborn (" + std::to_string(*child.unbornWeeks) + " weeks' gestation)";
  }
  if (!child.ageMonths) {
    return "age not known";
  }
  const int months = *child.ageMonths;
  if (months < 1) {
    return "under a month old";
  }
  if (months < 24) {
    return std::to_string(months) + (months == 1 ? " month" : " months");
  }
  return std::to_string(months / 12) + " years";
}

std::string describeAdult(const core::Scenario& scenario, const core::Adult& adult) {
  std::string out = adult.role == core::AdultRole::Unknown ? std::string("Role not known")
                                                           : std::string(core::labelOf(adult.role));
  if (!adult.ageBand.empty()) {
    out += ", aged " + ageBand(adult.ageBand);
  }
  out += adult.inHousehold ? ", lives in the household" : ", lives elsewhere";
  std::vector<std::string> children;
  for (const auto& id : adult.parentOf) {
    const int c = childIndex(scenario, id);
    children.push_back(c >= 0 ? displayName(scenario.children[static_cast<std::size_t>(c)].name, id)
                              : id);
  }
  if (!children.empty()) {
    out += ", parent of " + joinNames(children);
  }
  return out;
}

void drawHouseholdDiagram(const core::Scenario& scenario, float width) {
  if (scenario.adults.empty() && scenario.children.empty()) {
    muted("No household members are recorded for this contact.");
    return;
  }
  width = std::max(width, ImGui::GetFontSize() * 4.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float font = ImGui::GetFontSize();
  const bool anyElsewhere = std::any_of(scenario.adults.begin(), scenario.adults.end(),
                                        [](const core::Adult& a) { return !a.inHousehold; });

  // Each child's parents, and the children grouped by the same set of parents: one family
  // line (a bar the parents drop to and the children hang from) a group.
  std::vector<std::vector<std::size_t>> parentsOf(scenario.children.size());
  for (std::size_t a = 0; a < scenario.adults.size(); ++a) {
    for (const auto& id : scenario.adults[a].parentOf) {
      const int c = childIndex(scenario, id);
      if (c >= 0) {
        parentsOf[static_cast<std::size_t>(c)].push_back(a);
      }
    }
  }
  std::vector<std::vector<std::size_t>> families; // distinct parent sets
  std::vector<int> familyOf(scenario.children.size(), -1);
  for (std::size_t c = 0; c < scenario.children.size(); ++c) {
    if (parentsOf[c].empty()) {
      continue;
    }
    auto found = std::find(families.begin(), families.end(), parentsOf[c]);
    if (found == families.end()) {
      families.push_back(parentsOf[c]);
      found = families.end() - 1;
    }
    familyOf[c] = static_cast<int>(found - families.begin());
  }

  // Adults who are parents of a child go last, on the row nearest the children, in the
  // order of their families, so that the lines to their children do not cross other
  // adults' boxes or each other.
  std::vector<std::size_t> adultOrder;
  for (std::size_t i = 0; i < scenario.adults.size(); ++i) {
    if (scenario.adults[i].parentOf.empty()) {
      adultOrder.push_back(i);
    }
  }
  for (const auto& family : families) {
    for (const std::size_t a : family) {
      if (std::find(adultOrder.begin(), adultOrder.end(), a) == adultOrder.end()) {
        adultOrder.push_back(a);
      }
    }
  }
  for (std::size_t i = 0; i < scenario.adults.size(); ++i) {
    if (std::find(adultOrder.begin(), adultOrder.end(), i) == adultOrder.end()) {
      adultOrder.push_back(i); // parents of children not in this household
    }
  }
  float top = origin.y;
  const auto adultSlots =
      layoutRows(scenario.adults.size(), anyElsewhere ? 3 : 2, origin, width, top, true);
  std::vector<std::pair<ImVec2, ImVec2>> adultRects(scenario.adults.size());
  for (std::size_t slot = 0; slot < adultOrder.size(); ++slot) {
    adultRects[adultOrder[slot]] = adultSlots[slot];
  }
  const float adultsBottom = top - font * 0.6f;
  if (!adultRects.empty() && !scenario.children.empty()) {
    // Room for the family lines between the rows.
    top += font * (0.8f + 0.6f * static_cast<float>(std::max<std::size_t>(1, families.size())));
  }
  const float childrenTop = top;

  // Children sit under their parents: in the order of where their parents are.
  std::vector<std::size_t> childOrder(scenario.children.size());
  std::vector<float> childKey(scenario.children.size(), 1.0e9f);
  for (std::size_t c = 0; c < scenario.children.size(); ++c) {
    childOrder[c] = c;
    if (!parentsOf[c].empty()) {
      float sum = 0.0f;
      for (const std::size_t a : parentsOf[c]) {
        sum += (adultRects[a].first.x + adultRects[a].second.x) * 0.5f;
      }
      childKey[c] = sum / static_cast<float>(parentsOf[c].size());
    }
  }
  std::stable_sort(childOrder.begin(), childOrder.end(),
                   [&](std::size_t x, std::size_t y) { return childKey[x] < childKey[y]; });
  const auto childSlots = layoutRows(scenario.children.size(), 2, origin, width, top, false);
  std::vector<std::pair<ImVec2, ImVec2>> childRects(scenario.children.size());
  for (std::size_t slot = 0; slot < childOrder.size(); ++slot) {
    childRects[childOrder[slot]] = childSlots[slot];
  }
  const float height = top - origin.y;

  std::vector<Box> boxes;
  for (std::size_t i = 0; i < scenario.adults.size(); ++i) {
    const auto& adult = scenario.adults[i];
    Box box{adultRects[i].first, adultRects[i].second, {}, {}, false, !adult.inHousehold};
    box.lines.push_back(displayName(adult.name, adult.id));
    box.lines.emplace_back(adult.role == core::AdultRole::Unknown ? "Role not known"
                                                                  : core::labelOf(adult.role));
    if (!adult.inHousehold) {
      box.lines.emplace_back("(lives elsewhere)");
    }
    box.description = box.lines.front() + ": " + describeAdult(scenario, adult);
    boxes.push_back(std::move(box));
  }
  for (std::size_t i = 0; i < scenario.children.size(); ++i) {
    const auto& child = scenario.children[i];
    Box box{childRects[i].first, childRects[i].second, {}, {}, true, child.unbornWeeks.has_value()};
    box.lines.push_back(displayName(child.name, child.id));
    box.lines.push_back(child.unbornWeeks ? std::string("unborn") : describeChildAge(child));
    box.description = box.lines.front() + ": child, " + describeChildAge(child);
    boxes.push_back(std::move(box));
  }

  ImDrawList* drawList = ImGui::GetWindowDrawList();
  const ImU32 lineColour = ImGui::ColorConvertFloat4ToU32(palette().muted);
  const ImU32 adultBorder = ImGui::ColorConvertFloat4ToU32(palette().accent);
  const ImU32 childBorder = ImGui::ColorConvertFloat4ToU32(palette().panel);
  const ImU32 fill = ImGui::GetColorU32(ImGuiCol_FrameBg);
  const float thickness = std::max(1.0f, font * 0.09f);

  // Family lines first, so that the boxes sit on top of them: each parent drops to the
  // family's bar and each child hangs from it, with square elbows (no diagonal crossings).
  const float gapTop = adultsBottom;
  const float gapBottom = childrenTop;
  for (std::size_t f = 0; f < families.size(); ++f) {
    const float barY = std::round(gapTop + (gapBottom - gapTop) * static_cast<float>(f + 1) /
                                               static_cast<float>(families.size() + 1));
    float left = 1.0e9f;
    float right = -1.0e9f;
    for (const std::size_t a : families[f]) {
      const auto& parent = boxes[a];
      const float x = std::round((parent.min.x + parent.max.x) * 0.5f);
      drawList->AddLine(ImVec2(x, parent.max.y), ImVec2(x, barY), lineColour, thickness);
      left = std::min(left, x);
      right = std::max(right, x);
    }
    for (std::size_t c = 0; c < scenario.children.size(); ++c) {
      if (familyOf[c] != static_cast<int>(f)) {
        continue;
      }
      const auto& child = boxes[scenario.adults.size() + c];
      const float x = std::round((child.min.x + child.max.x) * 0.5f);
      drawList->AddLine(ImVec2(x, barY), ImVec2(x, child.min.y), lineColour, thickness);
      left = std::min(left, x);
      right = std::max(right, x);
    }
    if (right > left) {
      drawList->AddLine(ImVec2(left - thickness * 0.5f, barY),
                        ImVec2(right + thickness * 0.5f, barY), lineColour, thickness);
    }
  }
  for (const auto& box : boxes) {
    // Adults: square-cornered boxes; children: fully rounded (capsule) boxes.
    const float rounding = box.child ? (box.max.y - box.min.y) * 0.5f : font * 0.15f;
    const ImU32 border = box.child ? childBorder : adultBorder;
    drawList->AddRectFilled(box.min, box.max, fill, rounding);
    if (box.dashed && !box.child) {
      dashedRect(drawList, box.min, box.max, border, font * 0.35f, thickness);
    } else {
      drawList->AddRect(box.min, box.max, border, rounding, 0,
                        box.dashed ? thickness : 2.0f * thickness);
    }
    drawBoxText(drawList, box);
    if (ImGui::IsMouseHoveringRect(box.min, box.max) && ImGui::IsWindowHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(font * 24.0f);
      ImGui::TextUnformatted(box.description.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }
  ImGui::Dummy(ImVec2(width, std::ceil(height)));

  // The text equivalent of the diagram, kept short: what the boxes cannot hold (age
  // bands, who is whose parent in words, the notes), one line a person.
  muted("Square boxes: adults (dashed: lives elsewhere). Rounded: children. Lines join "
        "parents to their children.");
  for (const auto& adult : scenario.adults) {
    std::string line = displayName(adult.name, adult.id) + ": ";
    std::vector<std::string> parts;
    if (!adult.ageBand.empty()) {
      parts.push_back("aged " + ageBand(adult.ageBand));
    }
    std::vector<std::string> children;
    for (const auto& id : adult.parentOf) {
      const int c = childIndex(scenario, id);
      children.push_back(
          c >= 0 ? displayName(scenario.children[static_cast<std::size_t>(c)].name, id) : id);
    }
    if (!children.empty()) {
      parts.push_back("parent of " + joinNames(children));
    }
    if (parts.empty()) {
      parts.emplace_back(adult.inHousehold ? "lives in the household" : "lives elsewhere");
    }
    line += joinList(parts);
    line += ".";
    if (!adult.notes.empty()) {
      line += " " + sentence(adult.notes);
    }
    wrappedBullet(line);
  }
  for (const auto& child : scenario.children) {
    std::string line = displayName(child.name, child.id) + ": ";
    line += child.sex != core::Sex::Unknown ? std::string(core::tokenOf(child.sex))
                                            : std::string("child");
    if (child.unbornWeeks) {
      line += ", " + describeChildAge(child);
    }
    line += ".";
    if (!child.notes.empty()) {
      line += " " + sentence(child.notes);
    }
    wrappedBullet(line);
  }
}

} // namespace sim::ui
