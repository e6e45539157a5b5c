// Export buttons, the folder and the last file written.
#include "sim/ui/export_panel.hpp"

#include "sim/ui/widgets.hpp"

#include <imgui.h>

#include <string>

namespace sim::ui {

void drawExportPanel(const view::ShellModel& model, bool everyone, view::IntentSink& sink) {
  const auto& exports = model.exports;
  const std::string scope = everyone ? "everyone" : "mine";
  heading(everyone ? "Export everyone's results" : "Export your results");
  if (exports.folder.empty()) {
    muted("Exports are not available: no home folder was found. Use frontdoor-cli export.");
    return;
  }
  muted(everyone ? "Every practitioner in this results database, for a workshop record or "
                   "another computer. The files go to:"
                 : "For your CPD record, a learning record store or another computer. The "
                   "files go to:");
  text(exports.folder);
  for (const auto format : core::kExportFormats) {
    const std::string label = std::string(core::exportFormatLabel(format)) + "##export-" +
                              std::string(core::exportFormatToken(format)) + "-" + scope;
    if (button(label.c_str())) {
      sink.push(view::ExportResults{format, everyone});
    }
    track(label.c_str());
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 16.0f) {
      ImGui::NewLine();
    }
  }
  const std::string open = "Open folder##exports-" + scope;
  if (button(open.c_str())) {
    sink.push(view::OpenExportFolder{});
  }
  track(open.c_str());
  if (!exports.lastPath.empty()) {
    text("\xE2\x9C\x93 Written: " + exports.lastLabel + " \xE2\x86\x92 " + exports.lastPath);
  }
}

} // namespace sim::ui
