// DiagnosticSink and printable(): the diagnostics of one file, capped and made printable.
#include "sim/scenario/diagnostic_sink.hpp"

namespace sim::scenario {

std::string printable(std::string_view text, std::size_t maxChars) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool continuation = (c & 0xC0U) == 0x80U;
    if (!continuation && chars++ == maxChars) {
      out += "...";
      break;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20U || c == 0x7FU) {
      out += "\\x";
      out += kHex[c >> 4U];
      out += kHex[c & 0x0FU];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void DiagnosticSink::setSource(std::string_view text) {
  m_source = text;
  m_lineStarts.clear();
}

std::size_t DiagnosticSink::lineStart(int line) const {
  if (m_lineStarts.empty()) {
    // toml++ counts line 1's columns after a UTF-8 byte-order mark.
    m_lineStarts.push_back(m_source.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    for (std::size_t i = 0; i < m_source.size(); ++i) {
      if (m_source[i] == '\n') {
        m_lineStarts.push_back(i + 1);
      }
    }
  }
  const auto index = static_cast<std::size_t>(line - 1);
  return line >= 1 && index < m_lineStarts.size() ? m_lineStarts[index] : 0;
}

void DiagnosticSink::noteTruncated(Pos pos, core::Severity severity) {
  if (!m_truncation) {
    m_truncation = core::Diagnostic{m_file, pos.line, pos.column, severity,
                                    "too many problems (" + std::to_string(kMaxDiagnostics) +
                                        " reported, more not shown); fix these and validate "
                                        "again"};
  } else if (severity == core::Severity::Error) {
    m_truncation->severity = core::Severity::Error;
  }
}

std::vector<core::Diagnostic> DiagnosticSink::take() {
  auto out = std::move(m_diagnostics);
  core::sortDiagnostics(out);
  if (m_truncation) {
    out.push_back(*m_truncation);
  }
  return out;
}

void DiagnosticSink::add(Pos pos, core::Severity severity, std::string message) {
  if (full()) {
    noteTruncated(pos, severity);
    return;
  }
  m_diagnostics.push_back({m_file, pos.line, pos.column, severity, printable(message, 2000)});
}

void DiagnosticSink::error(Pos pos, std::string message) {
  add(pos, core::Severity::Error, std::move(message));
}

void DiagnosticSink::warning(Pos pos, std::string message) {
  add(pos, core::Severity::Warning, std::move(message));
}

} // namespace sim::scenario
