// CSV field quoting for exports.
#include "sim/core/csv_field.hpp"

namespace sim::core {

namespace {

constexpr std::string_view kGuarded = "=+-@\t\r'";

bool needsGuard(std::string_view text) {
  return !text.empty() && kGuarded.find(text.front()) != std::string_view::npos;
}

} // namespace

std::string_view unguardCsvText(std::string_view field) {
  return field.size() >= 2 && field.front() == '\'' && needsGuard(field.substr(1)) ? field.substr(1)
                                                                                   : field;
}

std::string csvField(std::string_view raw) {
  const bool formula = needsGuard(raw);
  const std::string text = formula ? "'" + std::string(raw) : std::string(raw);
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

} // namespace sim::core
