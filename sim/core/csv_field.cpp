// CSV field quoting for exports.
#include "sim/core/csv_field.hpp"

namespace sim::core {

std::string csvField(std::string_view raw) {
  const bool formula =
      !raw.empty() && std::string_view("=+-@").find(raw.front()) != std::string_view::npos;
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
