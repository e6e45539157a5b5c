// What frontdoor-cli prints on its standard error, line by line through one terminal-safe
// formatter (core::terminalSafe: control, C1 and invalid bytes escaped, each line cut at
// kMaxMessageBytes), whoever wrote it (our commands or CLI11); and the check that standard
// output was written whole.
#pragma once

#include <cstddef>
#include <ostream>
#include <streambuf>
#include <string>

namespace sim::cli {

inline constexpr std::size_t kMaxMessageBytes = 2000;

/// A stream buffer that writes each complete line, made safe, to file descriptor 2.
class SafeErrorBuffer : public std::streambuf {
public:
  ~SafeErrorBuffer() override;
  /// Write a last line that has no line break yet.
  void finish();

protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

private:
  void emitLine();
  std::string m_line;
  bool m_cut = false; // the current line is past kMaxMessageBytes: the rest is dropped
  std::size_t m_dropped = 0;
};

/// Flushes standard output; false (after saying why on `err`) when anything written to it
/// was not written whole, for example to a full disk.
bool standardOutputWritten(std::ostream& out, std::ostream& err);

} // namespace sim::cli
