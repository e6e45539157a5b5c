// Typed, diagnosing access to a toml++ table: every read checks presence, type, range and
// vocabulary, records a positioned Diagnostic on failure and carries on, so one load
// reports every problem in a file. The only toml++-facing helper of the scenario loader.
#pragma once

#include "sim/core/codes.hpp"
#include "sim/core/diagnostic.hpp"

#include "sim/scenario/anonymisation_lint.hpp"
#include "sim/scenario/diagnostic_sink.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/scenario/toml.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

Pos posOf(const toml::source_region& region);

enum class Need { Required, Optional };

/// A string read from a file together with where it was and its key path for messages.
struct Located {
  std::string value;
  Pos pos;
  std::shared_ptr<const std::string> base; // key path of the value, or of its array
  int index = 0;                           // 1-based position in an array; 0 for a value
  /// "contact.reveals[2]": built only when a message needs it.
  [[nodiscard]] std::string path() const {
    return index == 0 ? *base : *base + "[" + std::to_string(index) + "]";
  }
};

/// "a string \"x\"", "an integer 5", "a table", ... for "found ..." in messages.
std::string describeNode(const toml::node& node);

class TableReader {
public:
  /// Reads `table` whose key path (for messages) is `path` and whose schema entry is
  /// `schemaPath`. Warns at once about keys the schema does not list.
  TableReader(DiagnosticSink& sink, const toml::table& table, std::string path,
              std::string_view schemaPath);

  [[nodiscard]] const std::string& path() const { return m_path; }
  [[nodiscard]] Pos pos() const { return m_pos; }
  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] Pos posOf(std::string_view key) const;
  [[nodiscard]] std::string keyPath(std::string_view key) const;

  std::optional<std::string> string(std::string_view key, Need need, std::string_view because = {});
  std::optional<Located> locatedString(std::string_view key, Need need,
                                       std::string_view because = {});
  std::optional<std::int64_t> integer(std::string_view key, Need need, std::int64_t min,
                                      std::int64_t max);
  std::optional<int> intValue(std::string_view key, Need need, int min, int max);
  std::optional<double> probability(std::string_view key, Need need);
  /// A number (integer or float) in [min, max].
  std::optional<double> number(std::string_view key, Need need, double min, double max);
  /// The node at `key` without reading it (null when absent).
  [[nodiscard]] const toml::node* node(std::string_view key) const { return m_table.get(key); }
  std::optional<bool> boolean(std::string_view key, Need need);
  /// A time of day, "HH:MM" or a TOML local time; minutes since midnight.
  std::optional<int> timeOfDay(std::string_view key, Need need);
  /// A TOML local date (2026-11-20); ISO text.
  std::optional<std::string> date(std::string_view key, Need need);
  std::optional<std::string> code(std::string_view key, core::CodeSet set, Need need);

  template <typename E> std::optional<E> token(std::string_view key, Need need) {
    const auto expected = [] { return "a string: one of " + core::tokenList<E>(); };
    const toml::node* node = get(key, need, expected);
    if (node == nullptr) {
      return std::nullopt;
    }
    const auto* text = node->as_string();
    if (text == nullptr) {
      typeError(key, *node, expected());
      return std::nullopt;
    }
    const auto value = core::parseToken<E>(text->get());
    if (!value) {
      tokenError(key, *node, text->get(), tokensOf<E>());
    }
    return value;
  }

  std::vector<Located> stringArray(std::string_view key, Need need);
  std::vector<int> intArray(std::string_view key, Need need, int min, int max);
  std::vector<Located> codeArray(std::string_view key, core::CodeSet set, Need need);
  template <typename E> std::vector<E> tokenArray(std::string_view key, Need need) {
    std::vector<E> out;
    for (const auto& item : stringArray(key, need)) {
      if (const auto value = core::parseToken<E>(item.value)) {
        out.push_back(*value);
      } else {
        m_sink.error(item.pos,
                     "'" + item.path() + "' " + badTokenMessage(item.value, tokensOf<E>()));
      }
    }
    return out;
  }

  std::optional<TableReader> table(std::string_view key, Need need, std::string_view because = {});
  std::vector<TableReader> tableArray(std::string_view key, Need need);

  /// Lint a string value for identifier-like text (anonymisation warnings). `path` is
  /// only built when something is found.
  template <typename PathFn>
  void lint(const toml::node& node, std::string_view text, PathFn&& path) {
    auto hits = findIdentifiers(text);
    if (!hits.empty()) {
      reportIdentifiers(node, text, hits, path());
    }
  }

  DiagnosticSink& sink() { return m_sink; }

private:
  const toml::value<std::string>* readString(std::string_view key, Need need,
                                             std::string_view because);
  void reportIdentifiers(const toml::node& node, std::string_view text,
                         const std::vector<IdentifierHit>& hits, const std::string& path);
  template <typename E> static std::vector<std::string> tokensOf() {
    std::vector<std::string> out;
    for (const auto& entry : core::tokenTable<E>()) {
      out.emplace_back(entry.token);
    }
    return out;
  }
  /// "must be one of a|b|c (found "x"); did you mean "y"?"
  static std::string badTokenMessage(std::string_view found, const std::vector<std::string>& valid);
  [[nodiscard]] std::string schemaKey(std::string_view key) const;
  /// A number in [min, max]; `expected` describes it in messages.
  std::optional<double> readNumber(std::string_view key, Need need, double min, double max,
                                   const std::string& expected);
  /// The node at `key`, or null; reports a missing required key, describing what was
  /// expected (built only then: most keys are present).
  template <typename ExpectedFn>
  const toml::node* get(std::string_view key, Need need, ExpectedFn&& expected) {
    const auto* node = m_table.get(key);
    if (node == nullptr && need == Need::Required) {
      missing(key, expected());
    }
    return node;
  }
  void missing(std::string_view key, const std::string& expected);
  void typeError(std::string_view key, const toml::node& node, const std::string& expected);
  void tokenError(std::string_view key, const toml::node& node, std::string_view found,
                  const std::vector<std::string>& valid);
  std::string m_because; // appended to a "missing required key" message

  DiagnosticSink& m_sink;
  const toml::table& m_table;
  std::string m_path;
  std::string m_schemaPath;
  Pos m_pos;
};

} // namespace sim::scenario
