// The workspace's small text helpers.
#include "sim/ui/workspace_parts.hpp"

#include "sim/ui/decision_form.hpp"

#include <algorithm>
#include <cctype>

namespace sim::ui::workspace {

std::size_t at(int index) { return static_cast<std::size_t>(index); }

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string lowerFirst(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  return out;
}

std::string lowerAll(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void boldLine(std::string_view text) {
  ImGui::PushFont(fonts().bold);
  ui::text(text);
  ImGui::PopFont();
}

void coloured(const ImVec4& colour, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ui::text(text);
  ImGui::PopStyleColor();
}

bool radio(const std::string& label, bool active) {
  const bool pressed = wrappedRadio(label, active);
  track(label.c_str());
  return pressed;
}

} // namespace sim::ui::workspace
