// Exports of a results database, the same bytes from the app and from `frontdoor-cli
// export`: a decisions table (CSV), the printable practice report (HTML), xAPI statements
// (JSON) for a learning record store, or a results file (JSON) for another machine's
// import. Also writing an export to a file so that a reader never sees half of it.
#pragma once

#include "sim/core/export_format.hpp"
#include "sim/core/result.hpp"
#include "sim/core/scenario.hpp"
#include "sim/storage/results_store.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sim::exchange {

using core::ExportFormat;
using core::kExportFormats;

/// "csv", "html", "xapi", "results": the words of `frontdoor-cli export --format`.
std::string_view formatToken(ExportFormat format);
std::optional<ExportFormat> parseFormat(std::string_view token);
/// What the export is, for people: "Decisions table (CSV)".
std::string_view formatLabel(ExportFormat format);
/// The file name the app gives an export: "frontdoor-decisions-ab-17.csv" (or
/// "...-everyone.csv" for the whole database).
std::string exportFileName(ExportFormat format, const std::optional<std::string>& practitioner);

/// The export of `practitioner`'s results (everyone's when empty). `scenarios` gives
/// readable case titles (xAPI) and the panels to compare with (the practice report).
core::Result<std::string> exportDatabase(storage::ResultsStore& store, ExportFormat format,
                                         const std::optional<std::string>& practitioner,
                                         const core::ScenarioIndex& scenarios);

/// Write `text` to `path` through a temporary file beside it, flushed to disk and then
/// renamed, so the file is either the old one or the whole new one.
core::Result<storage::Ok> writeExportFile(const std::filesystem::path& path, std::string_view text);

} // namespace sim::exchange
