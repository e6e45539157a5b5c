// Writing and reading the workshop's event lines.
#include "sim/workshop/workshop_event.hpp"

#include "sim/engine/action_text.hpp"
#include "sim/engine/line_lexer.hpp"

#include <charconv>

namespace sim::workshop {

namespace {

using engine::LineToken;

std::string word(const std::string& text) {
  return engine::isBareWord(text) ? text : engine::quoteText(text);
}

core::Error at(const LineToken& token, const std::string& message) {
  return core::Error{"column " + std::to_string(token.column) + ": " + message};
}

std::optional<int> number(const std::string& text) {
  int value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::string voteLine(const RoomVote& v) {
  std::string out = "vote " + word(v.participant) + " " + std::string(core::tokenOf(v.response));
  if (v.need) {
    out += " need=" + std::string(core::tokenOf(*v.need));
  }
  if (v.urgency) {
    out += " urgency=" + std::string(core::tokenOf(*v.urgency));
  }
  if (v.confidence) {
    out += " confidence=" + std::to_string(*v.confidence);
  }
  if (v.pHarm) {
    out += " harm=" + std::to_string(*v.pHarm);
  }
  if (!v.reason.empty()) {
    out += " reason=" + engine::quoteText(v.reason);
  }
  return out;
}

struct Writer {
  std::string operator()(const Join& e) const {
    return "participant " + word(e.participant.id) + " " + engine::quoteText(e.participant.name);
  }
  std::string operator()(const RoomAct& e) const { return "act " + engine::formatAction(e.action); }
  std::string operator()(const CastVote& e) const { return voteLine(e.vote); }
  std::string operator()(const LockDecision& e) const {
    // "decide s17 need=3 …" written as "lock s17 need=3 …"
    return "lock" + engine::formatAction(e.decision).substr(std::string_view("decide").size());
  }
  std::string operator()(const NextStep& /*e*/) const { return "next"; }
  std::string operator()(const PreviousStep& /*e*/) const { return "back"; }
};

core::Result<WorkshopEvent> parseVote(const std::vector<LineToken>& tokens) {
  std::vector<const LineToken*> positional;
  RoomVote vote;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (t.key.empty()) {
      positional.push_back(&t);
      continue;
    }
    if (t.key == "need") {
      vote.need = core::parseToken<core::NeedLevel>(t.value);
      if (!vote.need) {
        return at(t, "expected a need level 1 to 4, found '" + t.value + "'");
      }
    } else if (t.key == "urgency") {
      vote.urgency = core::parseToken<core::Urgency>(t.value);
      if (!vote.urgency) {
        return at(t, "expected an urgency (" + core::tokenList<core::Urgency>() + "), found '" +
                         t.value + "'");
      }
    } else if (t.key == "confidence" || t.key == "harm") {
      const auto n = number(t.value);
      if (!n) {
        return at(t, "expected a whole number for " + t.key + ", found '" + t.value + "'");
      }
      (t.key == "confidence" ? vote.confidence : vote.pHarm) = *n;
    } else if (t.key == "reason") {
      vote.reason = t.value;
    } else {
      return at(t, "'vote' takes need=, urgency=, confidence=, harm= and reason=, found '" + t.key +
                       "='");
    }
  }
  if (positional.size() != 2) {
    return at(tokens[0], "'vote' takes a participant and a response level");
  }
  vote.participant = positional[0]->value;
  const auto response = core::parseToken<core::ResponseLevel>(positional[1]->value);
  if (!response) {
    return at(*positional[1], "expected a response level (" +
                                  core::tokenList<core::ResponseLevel>() + "), found '" +
                                  positional[1]->value + "'");
  }
  vote.response = *response;
  return WorkshopEvent{CastVote{std::move(vote)}};
}

} // namespace

std::string formatWorkshopEvent(const WorkshopEvent& event) { return std::visit(Writer{}, event); }

core::Result<WorkshopEvent> parseWorkshopEvent(std::string_view line) {
  const auto lexed = engine::lexLine(line);
  if (!lexed.error.empty()) {
    return core::Error{"column " + std::to_string(lexed.errorColumn) + ": " + lexed.error};
  }
  const auto& tokens = lexed.tokens;
  if (tokens.empty() || !tokens[0].key.empty() || tokens[0].quoted) {
    return core::Error{"column 1: expected participant, act, vote, lock, next or back"};
  }
  const auto& verb = tokens[0].value;
  if (verb == "next" || verb == "back") {
    if (tokens.size() > 1) {
      return at(tokens[1], "'" + verb + "' takes nothing more");
    }
    return verb == "next" ? WorkshopEvent{NextStep{}} : WorkshopEvent{PreviousStep{}};
  }
  if (verb == "participant") {
    if (tokens.size() != 3 || !tokens[1].key.empty() || !tokens[2].key.empty()) {
      return at(tokens[0], "'participant' takes an id and a \"name\"");
    }
    return WorkshopEvent{Join{{tokens[1].value, tokens[2].value}}};
  }
  if (verb == "act") {
    if (tokens.size() < 2) {
      return at(tokens[0], "'act' takes an action (ACTIONS.md)");
    }
    auto parsed = engine::parseAction(tokens, 1);
    if (!parsed.action) {
      return core::Error{"column " + std::to_string(parsed.errorColumn) + ": " + parsed.error};
    }
    return WorkshopEvent{RoomAct{std::move(*parsed.action)}};
  }
  if (verb == "lock") {
    auto asDecide = tokens;
    asDecide[0].value = "decide";
    auto parsed = engine::parseAction(asDecide, 0);
    if (!parsed.action || !std::holds_alternative<engine::Decide>(*parsed.action)) {
      return core::Error{"column " + std::to_string(parsed.errorColumn) + ": " + parsed.error};
    }
    return WorkshopEvent{LockDecision{std::get<engine::Decide>(*parsed.action)}};
  }
  if (verb == "vote") {
    return parseVote(tokens);
  }
  return at(tokens[0], "expected participant, act, vote, lock, next or back, found '" + verb + "'");
}

} // namespace sim::workshop
