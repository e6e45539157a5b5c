// Writing and reading the action language. Each verb has one parse function that checks
// its positional arguments and options and says what was expected and what was found.
#include "sim/engine/action_text.hpp"

#include "sim/core/nearest.hpp"
#include "sim/core/time_of_day.hpp"
#include "sim/engine/rationale.hpp"

#include <array>
#include <charconv>
#include <map>
#include <span>

namespace sim::engine {

namespace {

template <typename E> struct Name {
  E value;
  std::string_view token;
};

constexpr std::array<Name<ConsentChoice>, 3> kConsent{{{ConsentChoice::NotSought, "not_sought"},
                                                       {ConsentChoice::Seek, "seek"},
                                                       {ConsentChoice::Override, "override"}}};
constexpr std::array<Name<FactorSide>, 2> kSide{
    {{FactorSide::Risk, "risk"}, {FactorSide::Protective, "protective"}}};
constexpr std::array<Name<EstimateKind>, 3> kEstimate{{{EstimateKind::SignificantHarm, "harm"},
                                                       {EstimateKind::Rereferral, "rereferral"},
                                                       {EstimateKind::Confidence, "confidence"}}};
constexpr auto kRationale = [] {
  std::array<Name<RationaleField>, kRationaleFields> names{};
  for (std::size_t i = 0; i < names.size(); ++i) {
    names.at(i) = {kRationaleHeadings.at(i).field, kRationaleHeadings.at(i).token};
  }
  return names;
}();

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<Name<E>, N>& names, E value) {
  for (const auto& name : names) {
    if (name.value == value) {
      return name.token;
    }
  }
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<Name<E>, N>& names, std::string_view token) {
  for (const auto& name : names) {
    if (name.token == token) {
      return name.value;
    }
  }
  return std::nullopt;
}

template <typename E, std::size_t N> std::string namesList(const std::array<Name<E>, N>& names) {
  std::string out;
  for (const auto& name : names) {
    out += (out.empty() ? "" : "|") + std::string(name.token);
  }
  return out;
}

std::string word(std::string_view text) {
  return isBareWord(text) ? std::string(text) : quoteText(text);
}

// ---- writing ----

struct Writer {
  std::string operator()(const ReadContact& /*a*/) const { return "read_contact"; }
  std::string operator()(const AskQuestion& a) const { return "ask " + word(a.questionId); }
  std::string operator()(const CheckRecords& /*a*/) const { return "check_records"; }
  std::string operator()(const RequestCheck& a) const {
    std::string out = "request " + word(a.checkId);
    if (a.consent != ConsentChoice::NotSought) {
      out += " consent=" + std::string(nameOf(kConsent, a.consent));
    }
    if (!a.from.empty()) {
      out += " from=" + word(a.from);
    }
    if (!a.reason.empty()) {
      out += " reason=" + quoteText(a.reason);
    }
    return out;
  }
  std::string operator()(const MakeDirectContact& a) const { return "direct " + word(a.directId); }
  std::string operator()(const ConsultManager& /*a*/) const { return "consult_manager"; }
  std::string operator()(const WaitForReply& /*a*/) const { return "wait reply"; }
  std::string operator()(const WaitUntil& a) const {
    return "wait until " + formatSimTime(a.until);
  }
  std::string operator()(const AddFactor& a) const {
    std::string out = "factor " + std::string(nameOf(kSide, a.side));
    if (!a.code.empty()) {
      out += " code=" + word(a.code);
    }
    if (!a.factId.empty()) {
      out += " fact=" + word(a.factId);
    }
    if (!a.note.empty()) {
      out += " note=" + quoteText(a.note);
    }
    return out;
  }
  std::string operator()(const RemoveFactor& a) const {
    return "remove_factor " + std::to_string(a.number);
  }
  std::string operator()(const SetEstimate& a) const {
    return "estimate " + std::string(nameOf(kEstimate, a.kind)) + " " + std::to_string(a.percent);
  }
  std::string operator()(const WriteRationale& a) const {
    return "rationale " + std::string(nameOf(kRationale, a.field)) + " " + quoteText(a.text);
  }
  std::string operator()(const LinkFact& a) const {
    return std::string(a.link ? "link " : "unlink ") + std::string(nameOf(kRationale, a.field)) +
           " " + word(a.factId);
  }
  std::string operator()(const SetSafetyScale& a) const {
    return "safety_scale " + std::to_string(a.value);
  }
  std::string operator()(const WriteNotes& a) const { return "notes " + quoteText(a.text); }
  std::string operator()(const DraftReason& a) const {
    return "reason_draft " + word(a.checkId) + " " + quoteText(a.text);
  }
  std::string operator()(const Decide& a) const {
    std::string out = "decide " + std::string(core::tokenOf(a.response)) +
                      " need=" + std::string(core::tokenOf(a.need)) +
                      " urgency=" + std::string(core::tokenOf(a.urgency));
    if (!a.adjuncts.empty()) {
      out += " adjuncts=";
      for (std::size_t i = 0; i < a.adjuncts.size(); ++i) {
        out += (i == 0 ? "" : ",") + std::string(core::tokenOf(a.adjuncts[i]));
      }
    }
    return out;
  }
  std::string operator()(const OpenNextDecisionPoint& /*a*/) const { return "next_decision_point"; }
  std::string operator()(const Undo& /*a*/) const { return "undo"; }
  std::string operator()(const Redo& /*a*/) const { return "redo"; }
};

// ---- reading ----

struct Failure {
  std::string message;
  int column = 0;
};

// The arguments after a verb: positional words/strings and key=value options.
class Args {
public:
  Args(const std::vector<LineToken>& tokens, std::size_t first) : m_verb(tokens.at(first)) {
    for (std::size_t i = first + 1; i < tokens.size(); ++i) {
      if (tokens[i].key.empty()) {
        m_positional.push_back(&tokens[i]);
      } else {
        m_options.push_back(&tokens[i]);
      }
    }
  }

  [[nodiscard]] const LineToken& verb() const { return m_verb; }

  // Exactly `count` positional arguments, described by `what` for messages.
  std::optional<Failure> expectPositional(std::size_t count, std::string_view what) const {
    if (m_positional.size() == count) {
      return std::nullopt;
    }
    const std::string expected = "'" + m_verb.value + "' takes " + std::string(what);
    if (m_positional.size() < count) {
      return Failure{expected + ", found nothing more", endColumn()};
    }
    const auto* extra = m_positional[count];
    return Failure{expected + ", found an extra argument '" + extra->value + "'", extra->column};
  }

  // Options must be among `allowed` and appear once each.
  std::optional<Failure> expectOptions(std::span<const std::string_view> allowed) const {
    for (std::size_t i = 0; i < m_options.size(); ++i) {
      const auto* option = m_options[i];
      bool known = false;
      for (const auto name : allowed) {
        known = known || option->key == name;
      }
      if (!known) {
        std::string message = "'" + m_verb.value + "' has no option '" + option->key + "'";
        if (allowed.empty()) {
          message += " (it takes no options)";
        } else if (const auto near = core::nearestOf(option->key, allowed)) {
          message += "; did you mean '" + *near + "'?";
        } else {
          message += " (options: " + join(allowed) + ")";
        }
        return Failure{message, option->column};
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (m_options[j]->key == option->key) {
          return Failure{"option '" + option->key + "' is given twice", option->column};
        }
      }
    }
    return std::nullopt;
  }

  [[nodiscard]] std::size_t positionalCount() const { return m_positional.size(); }
  [[nodiscard]] const LineToken& positional(std::size_t i) const { return *m_positional.at(i); }
  [[nodiscard]] const LineToken* option(std::string_view key) const {
    for (const auto* option : m_options) {
      if (option->key == key) {
        return option;
      }
    }
    return nullptr;
  }
  [[nodiscard]] int endColumn() const {
    int column = m_verb.endColumn;
    for (const auto* token : m_positional) {
      column = std::max(column, token->endColumn);
    }
    for (const auto* token : m_options) {
      column = std::max(column, token->endColumn);
    }
    return column;
  }

  static std::string join(std::span<const std::string_view> names) {
    std::string out;
    for (const auto name : names) {
      out += (out.empty() ? "" : ", ") + std::string(name);
    }
    return out;
  }

private:
  const LineToken& m_verb;
  std::vector<const LineToken*> m_positional;
  std::vector<const LineToken*> m_options;
};

using Parsed = std::variant<Action, Failure>;

std::string shown(const LineToken& token) {
  const std::string value = token.quoted ? quoteText(token.value) : token.value;
  const std::string whole = token.key.empty() ? value : token.key + "=" + value;
  return token.quoted && token.key.empty() ? whole : "'" + whole + "'";
}

// "Did you mean" helps with words, not with one- or two-character tokens such as need
// levels, where the nearest token is a guess.
bool worthSuggesting(std::string_view token) { return token.size() > 2; }

std::optional<Failure> expectWord(const LineToken& token, std::string_view what) {
  if (token.value.empty()) {
    return Failure{"expected " + std::string(what) + ", found an empty string", token.column};
  }
  return std::nullopt;
}

std::optional<int> parseInt(std::string_view text) {
  int value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || text.empty()) {
    return std::nullopt;
  }
  return value;
}

template <typename E, std::size_t N>
std::variant<E, Failure> named(const std::array<Name<E>, N>& names, const LineToken& token,
                               std::string_view what) {
  if (const auto value = valueOf(names, token.value)) {
    return *value;
  }
  std::vector<std::string_view> all;
  for (const auto& name : names) {
    all.push_back(name.token);
  }
  std::string message =
      "expected " + std::string(what) + " (" + namesList(names) + "), found " + shown(token);
  if (const auto near =
          worthSuggesting(token.value) ? core::nearestOf(token.value, all) : std::nullopt) {
    message += "; did you mean '" + *near + "'?";
  }
  return Failure{message, token.column};
}

template <typename E>
std::variant<E, Failure> coded(const LineToken& token, std::string_view what) {
  if (const auto value = core::parseToken<E>(token.value)) {
    return *value;
  }
  std::vector<std::string_view> all;
  for (const auto& entry : core::tokenTable<E>()) {
    all.push_back(entry.token);
  }
  std::string message =
      "expected " + std::string(what) + " (" + core::tokenList<E>() + "), found " + shown(token);
  if (const auto near =
          worthSuggesting(token.value) ? core::nearestOf(token.value, all) : std::nullopt) {
    message += "; did you mean '" + *near + "'?";
  }
  return Failure{message, token.column};
}

std::variant<int, Failure> number(const LineToken& token, std::string_view what) {
  if (const auto value = parseInt(token.value)) {
    return *value;
  }
  return Failure{"expected " + std::string(what) + " (a whole number), found " + shown(token),
                 token.column};
}

template <typename T> bool failed(const std::variant<T, Failure>& v) {
  return std::holds_alternative<Failure>(v);
}
template <typename T> Failure failure(const std::variant<T, Failure>& v) {
  return std::get<Failure>(v);
}

constexpr std::array<std::string_view, 0> kNoOptions{};

Parsed simple(const Args& args, Action action) {
  if (auto f = args.expectPositional(0, "no arguments")) {
    return *f;
  }
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  return action;
}

// `verb ID`: one id, no options.
template <typename A> Parsed oneId(const Args& args, std::string_view what) {
  if (auto f = args.expectPositional(1, "one " + std::string(what))) {
    return *f;
  }
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  if (auto f = expectWord(args.positional(0), what)) {
    return *f;
  }
  return A{args.positional(0).value};
}

Parsed parseRequest(const Args& args) {
  static constexpr std::array<std::string_view, 3> kOptions{"consent", "reason", "from"};
  if (auto f = args.expectPositional(1, "one check id")) {
    return *f;
  }
  if (auto f = args.expectOptions(kOptions)) {
    return *f;
  }
  if (auto f = expectWord(args.positional(0), "a check id")) {
    return *f;
  }
  RequestCheck action{args.positional(0).value, ConsentChoice::NotSought, {}};
  if (const auto* consent = args.option("consent")) {
    const auto choice = named(kConsent, *consent, "a consent choice");
    if (failed(choice)) {
      return failure(choice);
    }
    action.consent = std::get<ConsentChoice>(choice);
  }
  if (const auto* reason = args.option("reason")) {
    action.reason = reason->value;
  }
  if (const auto* from = args.option("from")) {
    if (auto f = expectWord(*from, "an adult's id")) {
      return *f;
    }
    action.from = from->value;
  }
  return action;
}

Parsed parseWait(const Args& args) {
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  if (args.positionalCount() == 0) {
    return *args.expectPositional(1, "'reply' or 'until DAY/HH:MM'");
  }
  const auto& what = args.positional(0);
  if (what.value == "reply") {
    if (auto f = args.expectPositional(1, "'reply' and nothing more")) {
      return *f;
    }
    return WaitForReply{};
  }
  if (what.value == "until") {
    if (auto f = args.expectPositional(2, "'until' and a time DAY/HH:MM")) {
      return *f;
    }
    const auto& when = args.positional(1);
    const auto time = parseSimTime(when.value);
    if (!time) {
      return Failure{"expected a time DAY/HH:MM such as 1/10:30, found " + shown(when),
                     when.column};
    }
    return WaitUntil{*time};
  }
  return Failure{"expected 'reply' or 'until', found " + shown(what), what.column};
}

Parsed parseFactor(const Args& args) {
  static constexpr std::array<std::string_view, 3> kOptions{"code", "fact", "note"};
  if (auto f = args.expectPositional(1, "'risk' or 'protective'")) {
    return *f;
  }
  if (auto f = args.expectOptions(kOptions)) {
    return *f;
  }
  const auto side = named(kSide, args.positional(0), "a side");
  if (failed(side)) {
    return failure(side);
  }
  AddFactor action{std::get<FactorSide>(side), {}, {}, {}};
  if (const auto* code = args.option("code")) {
    action.code = code->value;
  }
  if (const auto* fact = args.option("fact")) {
    action.factId = fact->value;
  }
  if (const auto* note = args.option("note")) {
    action.note = note->value;
  }
  return action;
}

Parsed parseRemoveFactor(const Args& args) {
  if (auto f = args.expectPositional(1, "one factor number")) {
    return *f;
  }
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  const auto n = number(args.positional(0), "a factor number");
  if (failed(n)) {
    return failure(n);
  }
  return RemoveFactor{std::get<int>(n)};
}

Parsed parseEstimate(const Args& args) {
  if (auto f = args.expectPositional(2, "what is estimated and a percentage")) {
    return *f;
  }
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  const auto kind = named(kEstimate, args.positional(0), "an estimate");
  if (failed(kind)) {
    return failure(kind);
  }
  const auto percent = number(args.positional(1), "a percentage");
  if (failed(percent)) {
    return failure(percent);
  }
  return SetEstimate{std::get<EstimateKind>(kind), std::get<int>(percent)};
}

Parsed parseRationale(const Args& args) {
  if (auto f = args.expectPositional(2, "a heading and a \"text\"")) {
    return *f;
  }
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  const auto field = named(kRationale, args.positional(0), "a rationale heading");
  if (failed(field)) {
    return failure(field);
  }
  return WriteRationale{std::get<RationaleField>(field), args.positional(1).value};
}

Parsed parseLink(const Args& args, bool link) {
  if (auto f = args.expectPositional(2, "a heading and a fact id")) {
    return *f;
  }
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  const auto field = named(kRationale, args.positional(0), "a rationale heading");
  if (failed(field)) {
    return failure(field);
  }
  return LinkFact{std::get<RationaleField>(field), args.positional(1).value, link};
}

Parsed parseSafetyScale(const Args& args) {
  if (auto f = args.expectPositional(1, "one number from 0 to 10")) {
    return *f;
  }
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  const auto n = number(args.positional(0), "a safety scale value");
  if (failed(n)) {
    return failure(n);
  }
  return SetSafetyScale{std::get<int>(n)};
}

Parsed parseNotes(const Args& args) {
  if (auto f = args.expectPositional(1, "one \"text\"")) {
    return *f;
  }
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  return WriteNotes{args.positional(0).value};
}

Parsed parseReasonDraft(const Args& args) {
  if (auto f = args.expectPositional(2, "a check id and one \"text\"")) {
    return *f;
  }
  if (auto f = args.expectOptions(kNoOptions)) {
    return *f;
  }
  if (auto f = expectWord(args.positional(0), "a check id")) {
    return *f;
  }
  return DraftReason{args.positional(0).value, args.positional(1).value};
}

Parsed parseDecide(const Args& args) {
  static constexpr std::array<std::string_view, 3> kOptions{"need", "urgency", "adjuncts"};
  if (auto f = args.expectPositional(1, "one response level")) {
    return *f;
  }
  if (auto f = args.expectOptions(kOptions)) {
    return *f;
  }
  const auto response = coded<core::ResponseLevel>(args.positional(0), "a response level");
  if (failed(response)) {
    return failure(response);
  }
  Decide action;
  action.response = std::get<core::ResponseLevel>(response);
  const auto* need = args.option("need");
  const auto* urgency = args.option("urgency");
  if (need == nullptr || urgency == nullptr) {
    return Failure{"'decide' needs need=LEVEL and urgency=URGENCY (need " +
                       core::tokenList<core::NeedLevel>() + "; urgency " +
                       core::tokenList<core::Urgency>() + ")",
                   args.endColumn()};
  }
  const auto needLevel = coded<core::NeedLevel>(*need, "a need level");
  if (failed(needLevel)) {
    return failure(needLevel);
  }
  action.need = std::get<core::NeedLevel>(needLevel);
  const auto urgencyValue = coded<core::Urgency>(*urgency, "an urgency");
  if (failed(urgencyValue)) {
    return failure(urgencyValue);
  }
  action.urgency = std::get<core::Urgency>(urgencyValue);
  if (const auto* adjuncts = args.option("adjuncts")) {
    std::string_view rest = adjuncts->value;
    int column = adjuncts->column + static_cast<int>(std::string_view("adjuncts=").size());
    for (;;) {
      const auto comma = rest.find(',');
      const auto item = rest.substr(0, comma);
      LineToken token{{}, std::string(item), false, column, column + static_cast<int>(item.size())};
      const auto adjunct = coded<core::Adjunct>(token, "an adjunct");
      if (failed(adjunct)) {
        return failure(adjunct);
      }
      action.adjuncts.push_back(std::get<core::Adjunct>(adjunct));
      if (comma == std::string_view::npos) {
        break;
      }
      rest = rest.substr(comma + 1);
      column += static_cast<int>(item.size()) + 1;
      if (rest.empty()) {
        return Failure{"expected an adjunct after ','", column};
      }
    }
  }
  return action;
}

struct Verb {
  std::string_view name;
  Parsed (*parse)(const Args&);
};

const std::array<Verb, 20> kVerbs{{
    {"read_contact", [](const Args& a) { return simple(a, ReadContact{}); }},
    {"ask", [](const Args& a) { return oneId<AskQuestion>(a, "question id"); }},
    {"check_records", [](const Args& a) { return simple(a, CheckRecords{}); }},
    {"request", parseRequest},
    {"direct", [](const Args& a) { return oneId<MakeDirectContact>(a, "direct-contact id"); }},
    {"consult_manager", [](const Args& a) { return simple(a, ConsultManager{}); }},
    {"wait", parseWait},
    {"factor", parseFactor},
    {"remove_factor", parseRemoveFactor},
    {"estimate", parseEstimate},
    {"rationale", parseRationale},
    {"link", [](const Args& a) { return parseLink(a, true); }},
    {"unlink", [](const Args& a) { return parseLink(a, false); }},
    {"safety_scale", parseSafetyScale},
    {"notes", parseNotes},
    {"reason_draft", parseReasonDraft},
    {"decide", parseDecide},
    {"next_decision_point", [](const Args& a) { return simple(a, OpenNextDecisionPoint{}); }},
    {"undo", [](const Args& a) { return simple(a, Undo{}); }},
    {"redo", [](const Args& a) { return simple(a, Redo{}); }},
}};

} // namespace

std::string formatAction(const Action& action) { return std::visit(Writer{}, action); }

std::string formatSimTime(SimTime time) {
  return std::to_string(time.day()) + "/" + core::formatTimeOfDay(time.minuteOfDay());
}

std::optional<SimTime> parseSimTime(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    return std::nullopt;
  }
  const auto day = parseInt(text.substr(0, slash));
  const auto clock = text.substr(slash + 1);
  if (!day || *day < -kMaxClockDays || *day > kMaxClockDays || clock.size() != 5 ||
      clock[2] != ':') {
    return std::nullopt;
  }
  const auto hours = parseInt(clock.substr(0, 2));
  const auto minutes = parseInt(clock.substr(3, 2));
  if (!hours || !minutes || *hours < 0 || *hours > 23 || *minutes < 0 || *minutes > 59) {
    return std::nullopt;
  }
  return SimTime::at(*day, *hours * 60 + *minutes);
}

std::vector<std::string> actionVerbs() {
  std::vector<std::string> out;
  for (const auto& verb : kVerbs) {
    if (verb.parse != nullptr) {
      out.emplace_back(verb.name);
    }
  }
  return out;
}

ActionParse parseAction(const std::vector<LineToken>& tokens, std::size_t first) {
  if (first >= tokens.size()) {
    return {std::nullopt, "expected an action", 1};
  }
  const auto& verb = tokens[first];
  if (verb.quoted || !verb.key.empty()) {
    return {std::nullopt, "expected an action verb such as 'ask' or 'decide', found " + shown(verb),
            verb.column};
  }
  for (const auto& candidate : kVerbs) {
    if (candidate.parse != nullptr && candidate.name == verb.value) {
      const auto parsed = candidate.parse(Args(tokens, first));
      if (const auto* f = std::get_if<Failure>(&parsed)) {
        return {std::nullopt, f->message, f->column};
      }
      return {std::get<Action>(parsed), {}, 0};
    }
  }
  std::string message = "unknown action '" + verb.value + "'";
  if (const auto near = core::nearestOf(verb.value, actionVerbs())) {
    message += "; did you mean '" + *near + "'?";
  } else {
    message += " (actions: ";
    const auto verbs = actionVerbs();
    for (std::size_t i = 0; i < verbs.size(); ++i) {
      message += (i == 0 ? "" : ", ") + verbs[i];
    }
    message += ")";
  }
  return {std::nullopt, message, verb.column};
}

ActionScript parseActionScript(std::string_view text, const std::string& displayPath) {
  ActionScript script;
  TextLines lines(text);
  std::string_view line;
  while (lines.next(line)) {
    const int lineNo = lines.number();
    const auto lexed = lexLine(line);
    if (!lexed.error.empty()) {
      script.diagnostics.push_back(
          {displayPath, lineNo, lexed.errorColumn, core::Severity::Error, lexed.error});
      continue;
    }
    if (lexed.tokens.empty()) {
      continue;
    }
    auto parsed = parseAction(lexed.tokens);
    if (!parsed.action) {
      script.diagnostics.push_back(
          {displayPath, lineNo, parsed.errorColumn, core::Severity::Error, parsed.error});
      continue;
    }
    script.actions.push_back({std::move(*parsed.action), lineNo, lexed.tokens.front().column});
  }
  return script;
}

} // namespace sim::engine
