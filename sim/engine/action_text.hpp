// The action language: one action per line, a verb and its arguments, e.g.
//   ask q-safety
//   request chk-gp consent=override reason="Mother may flee if told"
//   decide s17 need=3 urgency=one_working_day adjuncts=feedback_to_referrer
// Used by action files (`frontdoor-cli play`) and, with a sequence number and time in
// front, by event logs. Documented in scenarios/ACTIONS.md.
#pragma once

#include "sim/core/diagnostic.hpp"
#include "sim/engine/action.hpp"
#include "sim/engine/line_lexer.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::engine {

/// The action as one line of text (no newline); parseAction reads it back to an equal action.
std::string formatAction(const Action& action);

/// "day/HH:MM", e.g. "1/10:30" for 10:30 on the day after the contact.
std::string formatSimTime(SimTime time);

struct ActionParse {
  std::optional<Action> action;
  std::string error; // when no action: what was expected and what was found
  int errorColumn = 0;
};

/// Parse an action from lexed tokens (tokens[first] is the verb).
ActionParse parseAction(const std::vector<LineToken>& tokens, std::size_t first = 0);

/// Parse "day/HH:MM".
std::optional<SimTime> parseSimTime(std::string_view text);

struct ScriptedAction {
  Action action;
  int line = 0;
  int column = 0;
};

struct ActionScript {
  std::vector<ScriptedAction> actions;
  std::vector<core::Diagnostic> diagnostics; // every problem, as FILE:LINE:COL
};

/// Parse an action file: blank lines and # comments are skipped; every bad line is reported.
ActionScript parseActionScript(std::string_view text, const std::string& displayPath);

/// Every verb of the language, for help and "did you mean".
std::vector<std::string> actionVerbs();

} // namespace sim::engine
