// The export panel, on Progress (your results) and Home (everyone's, for a trainer): one
// button per export, the folder they go to with an "Open folder" button, and the file last
// written. Every export is the same file `frontdoor-cli export` writes.
#pragma once

#include "sim/view/intents.hpp"
#include "sim/view/shell_model.hpp"

namespace sim::ui {

// Tracked labels: "<label>##export-<token>-mine" (or "-everyone") per format, with token
// csv|html|xapi|results; "Open folder##exports-<mine|everyone>".
void drawExportPanel(const view::ShellModel& model, bool everyone, view::IntentSink& sink);

} // namespace sim::ui
