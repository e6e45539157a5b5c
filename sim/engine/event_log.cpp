// Writing and reading event logs. The header names the scenario and its content hash so
// that a replay can refuse a log made against another version of the case.
#include "sim/engine/event_log.hpp"

#include "sim/engine/action_text.hpp"
#include "sim/engine/line_lexer.hpp"

#include <array>
#include <charconv>
#include <variant>

namespace sim::engine {

namespace {

struct LineFailure {
  std::string message;
  int column = 0;
};

std::variant<Event, LineFailure> parseEventTokens(const std::vector<LineToken>& tokens) {
  if (tokens.size() < 3 || !tokens[0].key.empty() || tokens[0].quoted) {
    return LineFailure{"expected an event: SEQ DAY/HH:MM ACTION",
                       tokens.empty() ? 1 : tokens[0].column};
  }
  Event event;
  const auto& seq = tokens[0].value;
  const auto [ptr, ec] = std::from_chars(seq.data(), seq.data() + seq.size(), event.seq);
  if (ec != std::errc{} || ptr != seq.data() + seq.size() || event.seq < 1) {
    return LineFailure{"expected an event number (1, 2, 3 ...), found '" + seq + "'",
                       tokens[0].column};
  }
  const auto at = parseSimTime(tokens[1].value);
  if (!at || !tokens[1].key.empty() || tokens[1].quoted) {
    return LineFailure{"expected the time DAY/HH:MM, found '" + tokens[1].value + "'",
                       tokens[1].column};
  }
  event.at = *at;
  auto action = parseAction(tokens, 2);
  if (!action.action) {
    return LineFailure{action.error, action.errorColumn};
  }
  event.action = std::move(*action.action);
  return event;
}

} // namespace

std::string formatEvent(const Event& event) {
  return std::to_string(event.seq) + " " + formatSimTime(event.at) + " " +
         formatAction(event.action);
}

std::string formatEventLog(const EventLog& log) {
  std::string out = "frontdoor-log " + std::to_string(kLogFormatVersion) + "\n";
  out += "scenario " + (isBareWord(log.scenarioId) ? log.scenarioId : quoteText(log.scenarioId)) +
         "\n";
  out +=
      "hash " + (isBareWord(log.contentHash) ? log.contentHash : quoteText(log.contentHash)) + "\n";
  out += "rules " + std::to_string(log.rules) + "\n";
  for (const auto& event : log.events) {
    out += formatEvent(event);
    out += '\n';
  }
  return out;
}

core::Result<Event> parseEvent(std::string_view line) {
  const auto lexed = lexLine(line);
  if (!lexed.error.empty()) {
    return core::Error{"column " + std::to_string(lexed.errorColumn) + ": " + lexed.error};
  }
  auto parsed = parseEventTokens(lexed.tokens);
  if (auto* failure = std::get_if<LineFailure>(&parsed)) {
    return core::Error{"column " + std::to_string(failure->column) + ": " + failure->message};
  }
  return std::get<Event>(std::move(parsed));
}

core::Result<EventLog> eventLogFromLines(std::string scenarioId, std::string contentHash, int rules,
                                         const std::vector<std::string>& lines) {
  EventLog log;
  log.scenarioId = std::move(scenarioId);
  log.contentHash = std::move(contentHash);
  log.rules = rules;
  log.events.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto event = parseEvent(lines[i]);
    if (!event) {
      return core::Error{"event " + std::to_string(i + 1) + ": " + event.error().message};
    }
    log.events.push_back(std::move(event).value());
  }
  return log;
}

EventLogParse parseEventLog(std::string_view text, const std::string& displayPath) {
  EventLogParse out;
  EventLog log;
  auto error = [&](int line, int column, std::string message) {
    out.diagnostics.push_back(
        {displayPath, line, column, core::Severity::Error, std::move(message)});
  };
  // Header lines in order: frontdoor-log, scenario, hash.
  static constexpr std::array<std::string_view, 4> kHeader{"frontdoor-log", "scenario", "hash",
                                                           "rules"};
  std::size_t header = 0;
  int lineNo = 0;
  int lastSeq = 0;
  TextLines lines(text);
  std::string_view line;
  while (lines.next(line)) {
    lineNo = lines.number();
    const auto lexed = lexLine(line);
    if (!lexed.error.empty()) {
      error(lineNo, lexed.errorColumn, lexed.error);
      if (header < kHeader.size()) {
        return out; // without its header the rest of the log cannot be read
      }
      continue;
    }
    if (lexed.tokens.empty()) {
      continue;
    }
    const auto& first = lexed.tokens.front();
    if (header < kHeader.size()) {
      if (first.value != kHeader.at(header) || lexed.tokens.size() != 2 || !first.key.empty()) {
        error(lineNo, first.column,
              "expected the header line '" + std::string(kHeader.at(header)) + " VALUE', found '" +
                  first.value + "'");
        return out;
      }
      const auto& value = lexed.tokens[1].value;
      if (header == 0 && value != std::to_string(kLogFormatVersion)) {
        error(lineNo, lexed.tokens[1].column,
              "this log is format " + value + "; this version reads format " +
                  std::to_string(kLogFormatVersion));
        return out;
      }
      if (header == 1) {
        log.scenarioId = value;
      } else if (header == 2) {
        log.contentHash = value;
      } else if (header == 3) {
        int rules = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), rules);
        if (ec != std::errc{} || ptr != value.data() + value.size() || rules < 1) {
          error(lineNo, lexed.tokens[1].column,
                "expected the engine rules version (a whole number), found '" + value + "'");
          return out;
        }
        log.rules = rules;
      }
      ++header;
      continue;
    }
    auto parsed = parseEventTokens(lexed.tokens);
    if (auto* failure = std::get_if<LineFailure>(&parsed)) {
      error(lineNo, failure->column, failure->message);
      continue;
    }
    auto event = std::get<Event>(std::move(parsed));
    // Numbered from the line before, so that each gap is reported once.
    const int expected = lastSeq + 1;
    lastSeq = event.seq;
    if (event.seq != expected) {
      error(lineNo, first.column,
            "expected event " + std::to_string(expected) + ", found event " +
                std::to_string(event.seq));
      continue;
    }
    log.events.push_back(std::move(event));
  }
  if (header < kHeader.size() && out.diagnostics.empty()) {
    error(lineNo, 0,
          "the log ends before its header is complete (expected '" +
              std::string(kHeader.at(header)) + "')");
  }
  if (out.diagnostics.empty()) {
    out.log = std::move(log);
  }
  return out;
}

} // namespace sim::engine
