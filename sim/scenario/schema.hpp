// The scenario format's key schema: for every table of a scenario file, the keys the
// loader accepts. The loader warns about any other key and names the nearest valid one;
// a test checks that scenarios/FORMAT.md documents every key listed here.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

/// Current scenario format version (the top-level `format` key).
inline constexpr int kFormatVersion = 2; // 2: per-adult [[consent]] answers

/// Largest scenario file the loader will read, in bytes (1 MiB). Larger files are
/// refused before reading.
inline constexpr unsigned long long kMaxScenarioBytes = 1024ULL * 1024ULL;

/// Most diagnostics reported for one file; past this the file is clearly badly broken and
/// one final error says so. Keeps huge bad files quick to reject.
inline constexpr std::size_t kMaxDiagnostics = 200;

/// Keys accepted in the table at `tablePath` ("" for the top level, "facts" for each
/// [[facts]] table, "checks.reply" for a check's reply, ...). Empty if unknown.
std::span<const std::string_view> keysOf(std::string_view tablePath);

/// Every accepted key of scenarios and rubrics as a dotted path without indices
/// ("contact.channel", "facts.critical", "checks.reply.latency_minutes"), in schema order.
std::vector<std::string> allKeyPaths();

/// Every accepted key of a workshop plan, as written in the file ("workshop.id",
/// "cases.pauses.at"), in schema order.
std::vector<std::string> planKeyPaths();

} // namespace sim::scenario
