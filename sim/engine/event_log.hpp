// The event log's text form, for files, storage rows and crash recovery:
//   frontdoor-log 1
//   scenario bedtime-battles
//   hash blake2b-256:…
//   rules 1
//   1 0/10:40 read_contact
//   2 0/10:40 ask q-safety
// Each event line is a sequence number, the simulated time it was taken (DAY/HH:MM) and
// the action in the action language (action_text.hpp). Documented in scenarios/ACTIONS.md.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/core/result.hpp"
#include "sim/engine/event.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::engine {

inline constexpr int kLogFormatVersion = 1;

/// "SEQ DAY/HH:MM ACTION" (no newline).
std::string formatEvent(const Event& event);
/// The whole log, header first, one event per line, each line ending in a newline.
std::string formatEventLog(const EventLog& log);

/// One event line (as stored per row by the results store).
core::Result<Event> parseEvent(std::string_view line);

/// A log from its stored parts: the header values and one event line per row, in order.
/// Refused with "event N: …" naming the first line that does not parse.
core::Result<EventLog> eventLogFromLines(std::string scenarioId, std::string contentHash, int rules,
                                         const std::vector<std::string>& lines);

struct EventLogParse {
  std::optional<EventLog> log;               // when there are no errors
  std::vector<core::Diagnostic> diagnostics; // FILE:LINE:COL for every problem
};

EventLogParse parseEventLog(std::string_view text, const std::string& displayPath);

} // namespace sim::engine
