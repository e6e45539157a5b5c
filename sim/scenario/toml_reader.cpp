// TableReader: presence, type, range, vocabulary and unknown-key checks over toml++ tables.
#include "sim/scenario/toml_reader.hpp"

#include "sim/core/nearest.hpp"
#include "sim/scenario/anonymisation_lint.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/scenario/string_positions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

namespace sim::scenario {

Pos posOf(const toml::source_region& region) {
  Pos pos{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
  if (pos.line < 1) {
    pos = Pos{1, 1};
  }
  return pos;
}

namespace {

std::string quoted(std::string_view text) { return "\"" + printable(text, 40) + "\""; }

} // namespace

std::string describeNode(const toml::node& node) {
  switch (node.type()) {
  case toml::node_type::string:
    return "a string " + quoted(node.as_string()->get());
  case toml::node_type::integer:
    return "an integer " + std::to_string(node.as_integer()->get());
  case toml::node_type::floating_point: {
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                         node.as_floating_point()->get());
    std::string text = ec == std::errc() ? std::string(buffer.data(), end) : std::string("?");
    if (text.find_first_of(".einf") == std::string::npos) {
      text += ".0";
    }
    return "a number " + text;
  }
  case toml::node_type::boolean:
    return node.as_boolean()->get() ? "the boolean true" : "the boolean false";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return node.as_array()->is_array_of_tables() && !node.as_array()->empty() ? "an array of tables"
                                                                              : "an array";
  case toml::node_type::none:
    break;
  }
  return "nothing";
}

TableReader::TableReader(DiagnosticSink& sink, const toml::table& table, std::string path,
                         std::string_view schemaPath)
    : m_sink(sink), m_table(table), m_path(std::move(path)), m_schemaPath(schemaPath),
      m_pos(scenario::posOf(table.source())) {
  const auto keys = keysOf(schemaPath);
  for (const auto& [key, node] : table) {
    const auto name = key.str();
    if (std::find(keys.begin(), keys.end(), name) != keys.end()) {
      continue;
    }
    std::string message = "unknown key '" + keyPath(name) + "'";
    if (const auto near = core::nearestOf(name, keys)) {
      message += "; did you mean '" + *near + "'?";
    } else {
      message += "; valid keys here: ";
      for (std::size_t i = 0; i < keys.size(); ++i) {
        message += (i == 0 ? "" : ", ") + std::string(keys[i]);
      }
    }
    m_sink.warning(scenario::posOf(key.source()), message);
  }
}

bool TableReader::has(std::string_view key) const { return m_table.get(key) != nullptr; }

Pos TableReader::posOf(std::string_view key) const {
  const auto* node = m_table.get(key);
  return node != nullptr ? scenario::posOf(node->source()) : m_pos;
}

std::string TableReader::keyPath(std::string_view key) const {
  return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

void TableReader::missing(std::string_view key, const std::string& expected) {
  std::string message = "missing required key '" + keyPath(key) + "' (expected " + expected + ")";
  if (!m_because.empty()) {
    message += "; " + m_because;
  }
  m_sink.error(m_pos, message);
}

void TableReader::typeError(std::string_view key, const toml::node& node,
                            const std::string& expected) {
  m_sink.error(scenario::posOf(node.source()),
               "'" + keyPath(key) + "' must be " + expected + ", found " + describeNode(node));
}

std::string TableReader::badTokenMessage(std::string_view found,
                                         const std::vector<std::string>& valid) {
  std::string list;
  for (const auto& token : valid) {
    list += (list.empty() ? "" : "|") + token;
  }
  std::string message = "must be one of " + list + " (found " + quoted(found) + ")";
  if (const auto near = core::nearestOf(found, std::span<const std::string>(valid))) {
    message += "; did you mean \"" + *near + "\"?";
  }
  return message;
}

void TableReader::tokenError(std::string_view key, const toml::node& node, std::string_view found,
                             const std::vector<std::string>& valid) {
  m_sink.error(scenario::posOf(node.source()),
               "'" + keyPath(key) + "' " + badTokenMessage(found, valid));
}

std::string TableReader::schemaKey(std::string_view key) const {
  return m_schemaPath.empty() ? std::string(key) : m_schemaPath + "." + std::string(key);
}

void TableReader::reportIdentifiers(const toml::node& node, std::string_view text,
                                    const std::vector<IdentifierHit>& hits,
                                    const std::string& path) {
  if (m_sink.full()) {
    m_sink.noteTruncated(scenario::posOf(node.source()), core::Severity::Warning);
    return;
  }
  std::vector<std::size_t> offsets;
  offsets.reserve(hits.size());
  for (const auto& hit : hits) {
    offsets.push_back(hit.offset);
  }
  const auto begin = scenario::posOf(node.source());
  const auto positions =
      rawPositions(m_sink.source(), m_sink.lineStart(begin.line), begin, offsets);
  for (std::size_t k = 0; k < hits.size() && !m_sink.full(); ++k) {
    const auto& hit = hits[k];
    m_sink.warning(k < positions.size() ? positions[k] : begin,
                   "'" + path + "' contains text that looks like " +
                       std::string(describe(hit.kind)) + " (" +
                       quoted(text.substr(hit.offset, hit.length)) +
                       "); scenarios must not carry real identifiers");
  }
}

const toml::value<std::string>* TableReader::readString(std::string_view key, Need need,
                                                        std::string_view because) {
  m_because = because;
  const auto* node = get(key, need, [] { return std::string("a string"); });
  m_because.clear();
  if (node == nullptr) {
    return nullptr;
  }
  const auto* text = node->as_string();
  if (text == nullptr) {
    typeError(key, *node, "a string");
    return nullptr;
  }
  if (need == Need::Required && text->get().find_first_not_of(" \t\r\n") == std::string::npos) {
    m_sink.error(scenario::posOf(node->source()), "'" + keyPath(key) + "' must not be empty");
    return nullptr;
  }
  lint(*node, text->get(), [&] { return keyPath(key); });
  return text;
}

std::optional<std::string> TableReader::string(std::string_view key, Need need,
                                               std::string_view because) {
  const auto* text = readString(key, need, because);
  return text != nullptr ? std::optional<std::string>(text->get()) : std::nullopt;
}

std::optional<Located> TableReader::locatedString(std::string_view key, Need need,
                                                  std::string_view because) {
  const auto* text = readString(key, need, because);
  if (text == nullptr) {
    return std::nullopt;
  }
  return Located{text->get(), scenario::posOf(text->source()),
                 std::make_shared<const std::string>(keyPath(key)), 0};
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, Need need, std::int64_t min,
                                                 std::int64_t max) {
  const auto expected = [&]() -> std::string {
    return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  };
  const auto* node = get(key, need, expected);
  if (node == nullptr) {
    return std::nullopt;
  }
  const auto* number = node->as_integer();
  if (number == nullptr) {
    typeError(key, *node, expected());
    return std::nullopt;
  }
  const auto value = number->get();
  if (value < min || value > max) {
    m_sink.error(scenario::posOf(node->source()),
                 "'" + keyPath(key) + "' must be from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", found " + std::to_string(value));
    return std::nullopt;
  }
  return value;
}

std::optional<int> TableReader::intValue(std::string_view key, Need need, int min, int max) {
  const auto value = integer(key, need, min, max);
  return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

std::optional<double> TableReader::probability(std::string_view key, Need need) {
  return readNumber(key, need, 0.0, 1.0, "a probability from 0 to 1");
}

std::optional<double> TableReader::number(std::string_view key, Need need, double min, double max) {
  std::ostringstream range;
  range << "a number from " << min << " to " << max;
  return readNumber(key, need, min, max, range.str());
}

std::optional<double> TableReader::readNumber(std::string_view key, Need need, double min,
                                              double max, const std::string& expected) {
  const auto* node = get(key, need, [&] { return expected; });
  if (node == nullptr) {
    return std::nullopt;
  }
  double value = 0.0;
  if (const auto* f = node->as_floating_point()) {
    value = f->get();
  } else if (const auto* i = node->as_integer()) {
    value = static_cast<double>(i->get());
  } else {
    typeError(key, *node, expected);
    return std::nullopt;
  }
  if (!(value >= min && value <= max)) {
    m_sink.error(scenario::posOf(node->source()),
                 "'" + keyPath(key) + "' must be " + expected + ", found " + describeNode(*node));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> TableReader::boolean(std::string_view key, Need need) {
  const auto* node = get(key, need, [] { return std::string("true or false"); });
  if (node == nullptr) {
    return std::nullopt;
  }
  const auto* value = node->as_boolean();
  if (value == nullptr) {
    typeError(key, *node, "true or false");
    return std::nullopt;
  }
  return value->get();
}

std::optional<int> TableReader::timeOfDay(std::string_view key, Need need) {
  const auto expected = [&] { return std::string("a time of day as \"HH:MM\" (00:00 to 23:59)"); };
  const auto* node = get(key, need, expected);
  if (node == nullptr) {
    return std::nullopt;
  }
  if (const auto* t = node->as_time()) {
    return t->get().hour * 60 + t->get().minute;
  }
  const auto* text = node->as_string();
  if (text == nullptr) {
    typeError(key, *node, expected());
    return std::nullopt;
  }
  const std::string& s = text->get();
  const auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  if (s.size() == 5 && digit(0) && digit(1) && s[2] == ':' && digit(3) && digit(4)) {
    const int hour = (s[0] - '0') * 10 + (s[1] - '0');
    const int minute = (s[3] - '0') * 10 + (s[4] - '0');
    if (hour < 24 && minute < 60) {
      return hour * 60 + minute;
    }
  }
  typeError(key, *node, expected());
  return std::nullopt;
}

std::optional<std::string> TableReader::date(std::string_view key, Need need) {
  const auto expected = [&] { return std::string("a date written as YYYY-MM-DD without quotes"); };
  const auto* node = get(key, need, expected);
  if (node == nullptr) {
    return std::nullopt;
  }
  const auto* d = node->as_date();
  if (d == nullptr) {
    typeError(key, *node, expected());
    return std::nullopt;
  }
  std::ostringstream out;
  out << d->get();
  return out.str();
}

std::optional<std::string> TableReader::code(std::string_view key, core::CodeSet set, Need need) {
  const auto expected = [&]() -> std::string {
    return "a string: a " + std::string(core::codeSetName(set)) + " (" + core::censusCodeList(set) +
           ")";
  };
  const auto* node = get(key, need, expected);
  if (node == nullptr) {
    return std::nullopt;
  }
  const auto* text = node->as_string();
  if (text == nullptr) {
    typeError(key, *node, expected());
    return std::nullopt;
  }
  const auto* entry = core::findCensusCode(set, text->get());
  if (entry == nullptr) {
    m_sink.error(scenario::posOf(node->source()),
                 "'" + keyPath(key) + "' has unknown " + std::string(core::codeSetName(set)) + " " +
                     quoted(text->get()) + "; valid codes: " + core::censusCodeList(set));
    return std::nullopt;
  }
  if (!entry->replacedBy.empty()) {
    m_sink.warning(scenario::posOf(node->source()),
                   "'" + keyPath(key) + "': " + std::string(core::codeSetName(set)) + " " +
                       std::string(entry->code) + " is deprecated; use " +
                       std::string(entry->replacedBy));
  }
  return text->get();
}

std::vector<Located> TableReader::stringArray(std::string_view key, Need need) {
  std::vector<Located> out;
  const auto* node = get(key, need, [] { return std::string("an array of strings"); });
  if (node == nullptr) {
    return out;
  }
  const auto* array = node->as_array();
  if (array == nullptr) {
    typeError(key, *node, "an array of strings");
    return out;
  }
  const auto base = std::make_shared<const std::string>(keyPath(key));
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto& item = *array->get(i);
    Located located{{}, scenario::posOf(item.source()), base, static_cast<int>(i + 1)};
    if (const auto* text = item.as_string()) {
      lint(item, text->get(), [&] { return located.path(); });
      located.value = text->get();
      out.push_back(std::move(located));
    } else {
      m_sink.error(located.pos,
                   "'" + located.path() + "' must be a string, found " + describeNode(item));
    }
  }
  return out;
}

std::vector<int> TableReader::intArray(std::string_view key, Need need, int min, int max) {
  std::vector<int> out;
  const auto expected = [&]() -> std::string {
    return "an array of whole numbers from " + std::to_string(min) + " to " + std::to_string(max);
  };
  const auto* node = get(key, need, expected);
  if (node == nullptr) {
    return out;
  }
  const auto* array = node->as_array();
  if (array == nullptr) {
    typeError(key, *node, expected());
    return out;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto& item = *array->get(i);
    const std::string path = keyPath(key) + "[" + std::to_string(i + 1) + "]";
    const auto* number = item.as_integer();
    if (number == nullptr || number->get() < min || number->get() > max) {
      m_sink.error(scenario::posOf(item.source()),
                   "'" + path + "' must be a whole number from " + std::to_string(min) + " to " +
                       std::to_string(max) + ", found " + describeNode(item));
      continue;
    }
    out.push_back(static_cast<int>(number->get()));
  }
  return out;
}

std::vector<Located> TableReader::codeArray(std::string_view key, core::CodeSet set, Need need) {
  std::vector<Located> out;
  for (auto& item : stringArray(key, need)) {
    const auto* entry = core::findCensusCode(set, item.value);
    if (entry == nullptr) {
      m_sink.error(item.pos, "'" + item.path() + "' has unknown " +
                                 std::string(core::codeSetName(set)) + " " + quoted(item.value) +
                                 "; valid codes: " + core::censusCodeList(set));
      continue;
    }
    if (!entry->replacedBy.empty()) {
      m_sink.warning(item.pos, "'" + item.path() + "': " + std::string(core::codeSetName(set)) +
                                   " " + std::string(entry->code) + " is deprecated; use " +
                                   std::string(entry->replacedBy));
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::optional<TableReader> TableReader::table(std::string_view key, Need need,
                                              std::string_view because) {
  const auto expected = [&]() -> std::string { return "a table [" + schemaKey(key) + "]"; };
  m_because = because;
  const auto* node = get(key, need, expected);
  m_because.clear();
  if (node == nullptr) {
    return std::nullopt;
  }
  const auto* t = node->as_table();
  if (t == nullptr) {
    typeError(key, *node, expected());
    return std::nullopt;
  }
  const std::string schema =
      m_schemaPath.empty() ? std::string(key) : m_schemaPath + "." + std::string(key);
  return TableReader(m_sink, *t, keyPath(key), schema);
}

std::vector<TableReader> TableReader::tableArray(std::string_view key, Need need) {
  std::vector<TableReader> out;
  const auto expected = [&]() -> std::string {
    return "an array of tables [[" + schemaKey(key) + "]]";
  };
  const auto* node = get(key, need, expected);
  if (node == nullptr) {
    return out;
  }
  const auto* array = node->as_array();
  if (array == nullptr) {
    typeError(key, *node, expected());
    return out;
  }
  const std::string schema =
      m_schemaPath.empty() ? std::string(key) : m_schemaPath + "." + std::string(key);
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto& item = *array->get(i);
    const std::string path = keyPath(key) + "[" + std::to_string(i + 1) + "]";
    if (const auto* t = item.as_table()) {
      out.emplace_back(m_sink, *t, path, schema);
    } else {
      m_sink.error(scenario::posOf(item.source()),
                   "'" + path + "' must be a table, found " + describeNode(item));
    }
  }
  if (need == Need::Required && array->empty()) {
    m_sink.error(scenario::posOf(node->source()), "'" + keyPath(key) + "' must not be empty");
  }
  return out;
}

} // namespace sim::scenario
