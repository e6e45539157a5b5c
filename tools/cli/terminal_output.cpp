// SafeErrorBuffer and the standard output check.
#include "tools/cli/terminal_output.hpp"

#include "sim/core/safe_text.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sim::cli {

SafeErrorBuffer::~SafeErrorBuffer() { finish(); }

void SafeErrorBuffer::finish() {
  if (!m_line.empty() || m_dropped > 0) {
    emitLine();
  }
}

SafeErrorBuffer::int_type SafeErrorBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) {
    return traits_type::not_eof(c);
  }
  const char ch = traits_type::to_char_type(c);
  xsputn(&ch, 1);
  return c;
}

std::streamsize SafeErrorBuffer::xsputn(const char* s, std::streamsize n) {
  for (std::streamsize i = 0; i < n; ++i) {
    if (s[i] == '\n') {
      emitLine();
    } else if (m_line.size() < kMaxMessageBytes * 2) {
      m_line += s[i]; // room for a multi-byte character at the cut
    } else {
      ++m_dropped;
    }
  }
  return n;
}

// std::cerr flushes after every output operation; lines are written whole, when complete.
int SafeErrorBuffer::sync() { return 0; }

void SafeErrorBuffer::emitLine() {
  std::string text = core::terminalSafe(m_line, kMaxMessageBytes);
  if (m_dropped > 0 && text.size() == m_line.size()) {
    text += "… (" + std::to_string(m_dropped) + " more bytes)";
  }
  text += '\n';
  std::size_t written = 0;
  while (written < text.size()) {
    const auto n = ::write(2, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break; // nowhere left to say anything
    }
    written += static_cast<std::size_t>(n);
  }
  m_line.clear();
  m_dropped = 0;
}

bool standardOutputWritten(std::ostream& out, std::ostream& err) {
  out.flush();
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0 && std::ferror(stdout) == 0;
  if (out.good() && flushed) {
    return true;
  }
  err << "frontdoor-cli: cannot write to standard output"
      << (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()) << '\n';
  return false;
}

} // namespace sim::cli
