// Reading decision tables: a one-pass RFC 4180 scanner over the text (fields are views into
// it; only the kept text columns are copied) and the checks of each row against the header.
// Every bad row gives one positioned error and is skipped; after kListedErrors bad rows the
// rest are only counted. Nothing here throws on input, whatever the bytes. Streamed, the text
// is a buffer holding the current record onwards: a record is taken only once its line break
// has been read, otherwise the buffer is topped up and the record scanned again.
#include "sim/exchange/decision_table.hpp"

#include "sim/core/csv_field.hpp"

#include "sim/core/file_text.hpp"
#include "sim/core/nearest.hpp"
#include "sim/core/trim.hpp"
#include "sim/core/utf8.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <fstream>
#include <istream>

namespace sim::exchange {

namespace {

enum class Column {
  Trainee,
  Scenario,
  Decision,
  NeedLevel,
  PHarm,
  PRereferral,
  Team,
  Cohort,
  Checks,
  RecordsChecked,
  ChildSeen,
  AttemptUid,
  DecisionPoint,
  Unknown
};

constexpr std::size_t kKnownColumns = 13;
constexpr std::array<std::string_view, kKnownColumns> kColumnNames{
    "trainee", "scenario", "decision",        "need_level", "p_harm",      "p_rereferral",  "team",
    "cohort",  "checks",   "records_checked", "child_seen", "attempt_uid", "decision_point"};
constexpr int kMaxChecks = 1000;
constexpr int kMaxDecisionPoints = 100;
constexpr std::size_t kMaxUidBytes = 64;
// Columns that tables exported from the results store add for people reading them in a
// spreadsheet; the report has no use for them, so they are known and ignored quietly.
constexpr std::array<std::string_view, 6> kInformationalColumns{
    "attempt", "decided_at", "within_deadline", "score", "case_weight", "started_at"};
constexpr std::size_t kRequiredColumns = 3; // the first three names above

// Bad rows listed one by one; past this they are counted and summed up in one more error,
// so a wholly wrong file of a million rows gives a readable page, not a million lines.
constexpr std::int64_t kListedErrors = 200;
constexpr std::size_t kListedWarnings = 200;
// Found values are echoed in messages up to this many characters.
constexpr std::size_t kShownCharacters = 40;
// A header has at most kMostColumns fields. A record's fields past one more than that are
// counted, not kept, so a wrong file of millions of fields on a line costs no memory.
constexpr std::size_t kMostColumns = 1000;
constexpr std::size_t kKeptFields = kMostColumns + 1;
// A decision token longer than this cannot be one of the six.
constexpr std::size_t kLongestToken = 16;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

int toInt(std::size_t n) { return n > INT_MAX ? INT_MAX : static_cast<int>(n); }

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) { return core::trimBlanks(s); }

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

bool isAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80U; });
}

// A value as it appears in a message: in double quotes, with control characters, bytes that
// are not UTF-8, quotes and backslashes escaped, and cut after kShownCharacters characters.
std::string shown(std::string_view text) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out = "\"";
  std::size_t characters = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (characters == kShownCharacters) {
      out += "…";
      break;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = core::utf8SequenceLength(text, i);
    if (length == 0 || byte < 0x20U || byte == 0x7FU) {
      out += "\\x";
      out += kHex[byte >> 4U];
      out += kHex[byte & 0xFU];
      ++i;
    } else if (byte == '"' || byte == '\\') {
      out += '\\';
      out += text[i];
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
    ++characters;
  }
  out += '"';
  return out;
}

std::size_t countLineBreaks(std::string_view text) {
  std::size_t count = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
    ++count;
    p = static_cast<const char*>(hit) + 1;
  }
  return count;
}

std::string nthField(std::size_t index) { return "field " + std::to_string(index + 1); }

// ---------------------------------------------------------------------------------------
// The scanner: records and fields as views into the text.

struct Field {
  std::string_view raw;      // between the quotes of a quoted field; trimmed otherwise
  std::size_t offset = 0;    // byte where the field starts (its opening quote, if quoted)
  std::size_t line = 0;      // physical line of `offset`
  std::size_t lineStart = 0; // byte where that line starts
  bool escaped = false;      // raw holds doubled quotes ("") still to be undone
};

enum class Syntax { None, Unterminated, AfterQuote };

struct Record {
  std::vector<Field> fields; // the first kKeptFields of them
  std::size_t fieldCount = 0;
  std::size_t line = 0;      // physical line where the record starts
  std::size_t endOffset = 0; // byte just after the last field (before the line break)
  std::size_t endLine = 0;   // and its line
  std::size_t endLineStart = 0;
  Syntax syntax = Syntax::None; // the first syntax problem in the record
  Field syntaxField;            // the field with that problem
  std::size_t syntaxByte = 0;   // the stray character after a closing quote
  std::size_t linesToEnd = 0;   // for an unterminated quote: line breaks it swallowed
};

class Scanner {
public:
  explicit Scanner(std::string_view text) : m_text(text) {}

  /// Where the scanner is: the next byte, its line and where that line starts.
  struct Position {
    std::size_t pos = 0;
    std::size_t line = 1;
    std::size_t lineStart = 0;
  };
  [[nodiscard]] Position position() const { return {m_pos, m_line, m_lineStart}; }

  /// Scan `text` from `at`, where `at` was a position in the text before it whose first
  /// `dropped` bytes are gone.
  void restart(std::string_view text, const Position& at, std::size_t dropped) {
    m_text = text;
    m_pos = at.pos - dropped;
    m_line = at.line;
    m_lineStart = at.lineStart - dropped;
  }

  /// Whether the last record ended at a line break (not at the end of the text, where more
  /// text could have continued it).
  [[nodiscard]] bool endedAtLineBreak() const { return m_endedAtLineBreak; }

  /// The next record, skipping blank lines; false at the end of the text.
  bool next(Record& record) {
    if (!skipBlankLines()) {
      return false;
    }
    m_endedAtLineBreak = false;
    record.fields.clear();
    record.fieldCount = 0;
    record.syntax = Syntax::None;
    record.line = m_line;
    const std::size_t n = m_text.size();
    for (;;) {
      std::size_t p = m_pos;
      while (p < n && isBlank(m_text[p])) {
        ++p;
      }
      ++record.fieldCount;
      Field& field = record.fields.size() < kKeptFields ? record.fields.emplace_back() : m_spare;
      field = Field{};
      field.offset = p;
      field.line = m_line;
      field.lineStart = m_lineStart;
      if (p < n && m_text[p] == '"') {
        if (!scanQuoted(field, p)) {
          if (record.syntax == Syntax::None) {
            record.syntax = Syntax::Unterminated;
            record.syntaxField = field;
            record.linesToEnd = m_line - field.line;
          }
          m_pos = n;
          return true;
        }
        while (p < n && isBlank(m_text[p])) {
          ++p;
        }
        const bool atBreak = p == n || m_text[p] == ',' || m_text[p] == '\n' ||
                             (m_text[p] == '\r' && (p + 1 == n || m_text[p + 1] == '\n'));
        if (!atBreak) {
          if (record.syntax == Syntax::None) {
            record.syntax = Syntax::AfterQuote;
            record.syntaxField = field;
            record.syntaxByte = p;
          }
          while (p < n && m_text[p] != ',' && m_text[p] != '\n') {
            ++p;
          }
        }
      } else {
        std::size_t end = p;
        while (end < n && m_text[end] != ',' && m_text[end] != '\n') {
          ++end;
        }
        std::size_t last = end;
        while (last > p && (isBlank(m_text[last - 1]) || m_text[last - 1] == '\r')) {
          --last;
        }
        field.raw = m_text.substr(p, last - p);
        if (field.raw.empty()) {
          field.offset = m_pos; // a blank field is pointed at where it starts
        }
        p = end;
      }
      if (p < n && m_text[p] == ',') {
        m_pos = p + 1;
        continue;
      }
      // End of the record: a line break (LF or CRLF) or the end of the text.
      record.endOffset = p;
      if (p > m_lineStart && m_text[p - 1] == '\r' && (p == n || m_text[p] == '\n')) {
        record.endOffset = p - 1; // before the CR of CRLF (or of a CR ending the text)
      }
      if (p < n && m_text[p] == '\r') {
        ++p;
      }
      record.endLine = m_line;
      record.endLineStart = m_lineStart;
      if (p < n && m_text[p] == '\n') {
        ++p;
        newLine(p);
        m_endedAtLineBreak = true;
      }
      m_pos = p;
      return true;
    }
  }

private:
  void newLine(std::size_t start) {
    ++m_line;
    m_lineStart = start;
  }

  // Lines made only of spaces, tabs and carriage returns are skipped.
  bool skipBlankLines() {
    const std::size_t n = m_text.size();
    for (;;) {
      std::size_t p = m_pos;
      while (p < n && (isBlank(m_text[p]) || m_text[p] == '\r')) {
        ++p;
      }
      if (p == n) {
        m_pos = n;
        return false;
      }
      if (m_text[p] != '\n') {
        return true;
      }
      m_pos = p + 1;
      newLine(m_pos);
    }
  }

  // `p` is at the opening quote; on success it ends just after the closing quote. Line
  // breaks inside the quotes are counted so later positions stay right.
  bool scanQuoted(Field& field, std::size_t& p) {
    const std::size_t n = m_text.size();
    const std::size_t start = p + 1;
    std::size_t from = start;
    for (;;) {
      const std::size_t quote = find('"', from, n);
      if (quote == n) {
        field.raw = m_text.substr(start);
        countLines(start, n);
        return false;
      }
      if (quote + 1 < n && m_text[quote + 1] == '"') {
        field.escaped = true;
        from = quote + 2;
        continue;
      }
      field.raw = m_text.substr(start, quote - start);
      countLines(start, quote);
      p = quote + 1;
      return true;
    }
  }

  [[nodiscard]] std::size_t find(char c, std::size_t from, std::size_t to) const {
    if (from >= to) {
      return to;
    }
    const void* hit = std::memchr(m_text.data() + from, c, to - from);
    return hit == nullptr ? to
                          : static_cast<std::size_t>(static_cast<const char*>(hit) - m_text.data());
  }

  void countLines(std::size_t from, std::size_t to) {
    for (std::size_t at = find('\n', from, to); at < to; at = find('\n', at + 1, to)) {
      newLine(at + 1);
    }
  }

  std::string_view m_text;
  Field m_spare; // where fields past kKeptFields are scanned
  std::size_t m_pos = 0;
  std::size_t m_line = 1;
  std::size_t m_lineStart = 0;
  bool m_endedAtLineBreak = false;
};

// ---------------------------------------------------------------------------------------
// The reader: header, then rows.

class Reader {
public:
  Reader(std::string_view text, const std::string& path) : m_text(text), m_path(path) {}
  Reader(std::istream& in, std::size_t chunkBytes, const std::string& path,
         const DecisionRowVisitor& visit)
      : m_path(path), m_in(&in), m_chunkBytes(std::max<std::size_t>(chunkBytes, 1)),
        m_visit(&visit), m_final(false) {}

  DecisionTable run() {
    if (m_in != nullptr) {
      while (!m_final && m_buffer.size() < kByteOrderMark.size()) {
        readMore();
      }
      m_text = m_buffer;
    }
    if (m_text.starts_with("\xFF\xFE") || m_text.starts_with("\xFE\xFF")) {
      fileError("the file is UTF-16 text; a decisions CSV must be UTF-8 (save it as "
                "\"CSV UTF-8\")");
      return std::move(m_table);
    }
    if (m_text.starts_with(kByteOrderMark)) {
      m_text.remove_prefix(kByteOrderMark.size());
      if (m_in != nullptr) {
        m_buffer.erase(0, kByteOrderMark.size());
        m_text = m_buffer;
      }
    }
    Scanner scanner(m_text);
    Record record;
    if (!nextRecord(scanner, record)) {
      fileError("empty file: expected a header row naming at least the columns trainee, "
                "scenario, decision");
      return std::move(m_table);
    }
    if (!readHeader(record)) {
      m_table.readable = false;
      core::sortDiagnostics(m_table.diagnostics);
      return std::move(m_table);
    }
    if (m_visit == nullptr) {
      reserveRows();
    }
    while (nextRecord(scanner, record)) {
      readRow(record);
    }
    if (m_table.rows.capacity() > 2 * m_table.rows.size() + 1024) {
      m_table.rows.shrink_to_fit(); // many bad rows: give the reserve back
    }
    if (m_table.badRows > kListedErrors) {
      m_table.diagnostics.push_back({m_path, m_unlistedLine, m_unlistedColumn,
                                     core::Severity::Error,
                                     "… and " + std::to_string(m_table.badRows - kListedErrors) +
                                         " more bad rows from here on (only the first " +
                                         std::to_string(kListedErrors) + " are listed)"});
    }
    core::sortDiagnostics(m_table.diagnostics);
    return std::move(m_table);
  }

private:
  // The next record (false at the end of the input). Streamed, a record is taken once its
  // line break is in the buffer or the input has ended; otherwise the buffer keeps the
  // record's line onwards (so columns still count from the line's start), takes more
  // bytes, and the record is scanned again.
  bool nextRecord(Scanner& scanner, Record& record) {
    for (;;) {
      Scanner::Position from = scanner.position();
      const bool found = scanner.next(record);
      if (m_final || (found && scanner.endedAtLineBreak())) {
        return found;
      }
      if (!found) {
        // Only blank lines: they stay skipped, and the last one, unfinished, is scanned again.
        from = scanner.position();
        from.pos = from.lineStart;
      }
      m_buffer.erase(0, from.lineStart);
      readMore();
      m_text = m_buffer;
      scanner.restart(m_text, from, from.lineStart);
      m_countedLine = SIZE_MAX; // columnOf's cache counted in the old buffer
    }
  }

  // Appends the next bytes of the input: a chunk, or as many as the buffer already holds
  // when a record is longer than a chunk (so a long record is scanned a few times, not once
  // a chunk). A short read is the end of the input, as for a whole-file read.
  void readMore() {
    const std::size_t kept = m_buffer.size();
    const std::size_t wanted = std::max(m_chunkBytes, kept);
    m_buffer.resize(kept + wanted);
    m_in->read(m_buffer.data() + kept, static_cast<std::streamsize>(wanted));
    const auto got = static_cast<std::size_t>(std::max<std::streamsize>(m_in->gcount(), 0));
    m_buffer.resize(kept + got);
    if (got < wanted) {
      m_final = true;
    }
  }

  // The row being read: a new one at the end of the table, or one reused for the visitor.
  DecisionRow& startRow() {
    if (m_visit == nullptr) {
      return m_table.rows.emplace_back();
    }
    m_row = DecisionRow{};
    return m_row;
  }
  void keepRow() {
    if (m_visit != nullptr) {
      (*m_visit)(m_row);
    }
  }
  void dropRow() {
    if (m_visit == nullptr) {
      m_table.rows.pop_back();
    }
  }

  // Room for every row up front: growing a vector of a million rows would move them all and
  // touch twice the memory. There is at most one row per line, and a row takes at least
  // kShortestRow bytes ("t,s,nfa" and a line break), which bounds a file of empty lines.
  void reserveRows() {
    constexpr std::size_t kShortestRow = 8;
    const std::size_t most = std::min(countLineBreaks(m_text) + 1, m_text.size() / kShortestRow);
    try {
      m_table.rows.reserve(most);
    } catch (const std::exception&) {
      // Not enough memory to reserve: the vector grows as rows come instead.
    }
  }

  void fileError(std::string message) {
    m_table.readable = false;
    m_table.diagnostics.push_back({m_path, 0, 0, core::Severity::Error, std::move(message)});
  }

  // 1-based character column of byte `offset` on the line starting at `lineStart`.
  // Counted on from the last question when it is on the same line, so that many
  // positions on one long header line cost linear time.
  int columnOf(std::size_t lineStart, std::size_t offset) {
    if (lineStart != m_countedLine || offset < m_countedTo) {
      m_countedLine = lineStart;
      m_countedTo = lineStart;
      m_counted = 0;
    }
    m_counted += core::codePointCount(m_text.substr(m_countedTo, offset - m_countedTo));
    m_countedTo = offset;
    return toInt(m_counted + 1);
  }

  void diagnose(core::Severity severity, std::size_t line, std::size_t lineStart,
                std::size_t offset, std::string message) {
    m_table.diagnostics.push_back(
        {m_path, toInt(line), columnOf(lineStart, offset), severity, std::move(message)});
  }

  void headerError(const Field& field, std::string message) {
    diagnose(core::Severity::Error, field.line, field.lineStart, field.offset, std::move(message));
  }

  // Counts a bad row; builds its message only while rows are still being listed.
  template <typename MakeMessage>
  void badRow(std::size_t line, std::size_t lineStart, std::size_t offset, MakeMessage&& make) {
    ++m_table.badRows;
    if (m_table.badRows <= kListedErrors) {
      diagnose(core::Severity::Error, line, lineStart, offset, make());
    } else if (m_table.badRows == kListedErrors + 1) {
      m_unlistedLine = toInt(line);
      m_unlistedColumn = columnOf(lineStart, offset);
    }
  }

  template <typename MakeMessage> void badField(const Field& field, MakeMessage&& make) {
    badRow(field.line, field.lineStart, field.offset, std::forward<MakeMessage>(make));
  }

  // The field's text: trimmed, doubled quotes undone (into m_scratch, reused).
  std::string_view valueOf(const Field& field) {
    if (!field.escaped) {
      return trim(field.raw);
    }
    m_scratch.clear();
    for (std::size_t i = 0; i < field.raw.size(); ++i) {
      m_scratch += field.raw[i];
      if (field.raw[i] == '"' && i + 1 < field.raw.size() && field.raw[i + 1] == '"') {
        ++i;
      }
    }
    return trim(m_scratch);
  }

  std::string syntaxMessage(const Record& record) const {
    if (record.syntax == Syntax::Unterminated) {
      std::string message = "unterminated quoted field: expected a closing '\"' but found the "
                            "end of the file";
      if (record.linesToEnd > 0) {
        message += " " + std::to_string(record.linesToEnd) +
                   (record.linesToEnd == 1 ? " line" : " lines") + " later";
      }
      return message + " (a quote inside a quoted field is written \"\")";
    }
    const std::size_t byte = record.syntaxByte;
    const std::size_t length = std::max<std::size_t>(1, core::utf8SequenceLength(m_text, byte));
    return "quoted field: expected ',' or the end of the line after its closing quote, found " +
           shown(m_text.substr(byte, length)) + " (a quote inside a quoted field is written \"\")";
  }

  // --- header ---

  bool readHeader(const Record& record) {
    if (record.syntax != Syntax::None) {
      headerError(record.syntaxField, "header: " + syntaxMessage(record));
      return false;
    }
    if (record.fieldCount > kMostColumns) {
      headerError(record.fields[0], "the header has " + std::to_string(record.fieldCount) +
                                        " fields; a decisions table has at most " +
                                        std::to_string(kMostColumns) +
                                        " columns (is this a decisions CSV?)");
      return false;
    }
    bool ok = true;
    std::array<std::size_t, kKnownColumns> seenAt{};
    seenAt.fill(SIZE_MAX);
    std::vector<std::size_t> unknown;
    m_columns.reserve(record.fields.size());
    m_names.reserve(record.fields.size());
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      const std::string_view name = valueOf(record.fields[i]);
      m_names.emplace_back(name);
      const std::string lower = lowercase(name);
      const auto known = std::find(kColumnNames.begin(), kColumnNames.end(), lower);
      if (known == kColumnNames.end()) {
        m_columns.push_back(Column::Unknown);
        if (std::find(kInformationalColumns.begin(), kInformationalColumns.end(), lower) ==
            kInformationalColumns.end()) {
          unknown.push_back(i);
        }
        continue;
      }
      const auto k = static_cast<std::size_t>(known - kColumnNames.begin());
      m_columns.push_back(static_cast<Column>(k));
      if (seenAt[k] != SIZE_MAX) {
        headerError(record.fields[i], "duplicate column " + shown(name) + ": " +
                                          nthField(seenAt[k]) + " is already '" +
                                          std::string(*known) + "' (each column may appear once)");
        ok = false;
      } else {
        seenAt[k] = i;
      }
    }

    // A missing required column is reported at a near miss of its name when there is one
    // ("decison"), instead of a warning there and an error elsewhere.
    std::vector<bool> explained(record.fields.size(), false);
    for (std::size_t k = 0; k < kRequiredColumns; ++k) {
      if (seenAt[k] != SIZE_MAX) {
        continue;
      }
      ok = false;
      const std::string_view wanted = kColumnNames[k];
      const auto nearMiss = std::find_if(unknown.begin(), unknown.end(), [&](std::size_t i) {
        return !explained[i] && nearestColumn(m_names[i]) == wanted;
      });
      if (nearMiss != unknown.end()) {
        explained[*nearMiss] = true;
        headerError(record.fields[*nearMiss], "missing required column '" + std::string(wanted) +
                                                  "': " + nthField(*nearMiss) + " is " +
                                                  shown(m_names[*nearMiss]) + "; did you mean '" +
                                                  std::string(wanted) + "'?");
      } else {
        headerError(record.fields[0], "missing required column '" + std::string(wanted) +
                                          "' (the header has " + headerList() + ")");
      }
    }

    std::size_t warnings = 0;
    for (const std::size_t i : unknown) {
      if (explained[i]) {
        continue;
      }
      if (++warnings > kListedWarnings) {
        continue;
      }
      diagnose(core::Severity::Warning, record.fields[i].line, record.fields[i].lineStart,
               record.fields[i].offset, unknownColumnMessage(i));
    }
    if (warnings > kListedWarnings) {
      const Field& first = record.fields[0];
      diagnose(core::Severity::Warning, first.line, first.lineStart, first.offset,
               "… and " + std::to_string(warnings - kListedWarnings) +
                   " more unknown columns (ignored)");
    }
    return ok;
  }

  static std::string nearestColumn(std::string_view name) {
    return core::nearestOf(lowercase(name), std::span<const std::string_view>(kColumnNames))
        .value_or(std::string());
  }

  std::string unknownColumnMessage(std::size_t i) const {
    if (m_names[i].empty()) {
      return nthField(i) + " of the header has no column name (its values are ignored)";
    }
    std::string message = "unknown column " + shown(m_names[i]) + " (its values are ignored)";
    const std::string near = nearestColumn(m_names[i]);
    if (!near.empty()) {
      return message + "; did you mean '" + near + "'?";
    }
    message += "; known columns: ";
    for (std::size_t k = 0; k < kKnownColumns; ++k) {
      message += (k == 0 ? "" : ", ") + std::string(kColumnNames[k]);
    }
    return message;
  }

  std::string headerList() const {
    constexpr std::size_t kListed = 10;
    std::string list;
    for (std::size_t i = 0; i < m_names.size() && i < kListed; ++i) {
      list += (i == 0 ? "" : ", ") + shown(m_names[i]);
    }
    if (m_names.size() > kListed) {
      list += ", …";
    }
    return list;
  }

  // --- rows ---

  void readRow(const Record& record) {
    if (record.syntax != Syntax::None) {
      badField(record.syntaxField, [&] { return syntaxMessage(record); });
      return;
    }
    const std::size_t expected = m_columns.size();
    const std::size_t found = record.fieldCount;
    if (found > expected) {
      badField(record.fields[expected], [&] {
        return "expected " + std::to_string(expected) + " fields as in the header, found " +
               std::to_string(found) + " (quote a value that contains a comma)";
      });
      return;
    }
    if (found < expected) {
      badRow(record.endLine, record.endLineStart, record.endOffset, [&] {
        std::string message = "expected " + std::to_string(expected) +
                              " fields as in the header, found " + std::to_string(found) +
                              " (nothing for ";
        constexpr std::size_t kNamed = 3;
        for (std::size_t i = found; i < expected && i < found + kNamed; ++i) {
          message += (i == found ? "" : ", ") + shown(m_names[i]);
        }
        return message + (expected - found > kNamed ? ", …)" : ")");
      });
      return;
    }

    DecisionRow& row = startRow();
    row.line = toInt(record.line);
    for (std::size_t i = 0; i < expected; ++i) {
      if (!readValue(row, m_columns[i], record.fields[i])) {
        dropRow();
        return;
      }
    }
    keepRow();
  }

  bool readValue(DecisionRow& row, Column column, const Field& field) {
    switch (column) {
    case Column::Trainee:
      return readText(row.trainee, field, "trainee", "every row needs a trainee id");
    case Column::Scenario:
      return readText(row.scenario, field, "scenario", "every row needs a scenario id");
    case Column::Decision:
      return readDecision(row, field);
    case Column::NeedLevel:
      return readNeedLevel(row, field);
    case Column::PHarm:
      return readProbability(row.pHarm, field, "p_harm");
    case Column::PRereferral:
      return readProbability(row.pRereferral, field, "p_rereferral");
    case Column::Team:
      return readText(row.team, field, "team", nullptr);
    case Column::Cohort:
      return readText(row.cohort, field, "cohort", nullptr);
    case Column::Checks:
      return readCount(row.checks, field, "checks");
    case Column::RecordsChecked:
      return readYesNo(row.recordsChecked, field, "records_checked");
    case Column::ChildSeen:
      return readYesNo(row.childSeen, field, "child_seen");
    case Column::AttemptUid:
      return readUid(row.attemptUid, field);
    case Column::DecisionPoint:
      return readCount(row.decisionPoint, field, "decision_point", 1, kMaxDecisionPoints);
    case Column::Unknown:
      return true;
    }
    return true;
  }

  // `whyRequired` is null for optional text (which may be empty).
  bool readText(std::string& out, const Field& field, const char* name, const char* whyRequired) {
    const std::string_view value = valueOf(field);
    if (value.empty() && whyRequired != nullptr) {
      badField(field, [&] { return "'" + std::string(name) + "' is empty; " + whyRequired; });
      return false;
    }
    if (!isAscii(value) && !core::isValidUtf8(value)) {
      badField(field, [&] {
        return "'" + std::string(name) + "' is not valid UTF-8 text (found " + shown(value) +
               "); save the file as \"CSV UTF-8\"";
      });
      return false;
    }
    // Our exports guard text a spreadsheet would take for a formula with a leading '; the
    // guard belongs to the file, not the value ("'-dana" is the trainee "-dana").
    out.assign(core::unguardCsvText(value));
    return true;
  }

  // An attempt's unique id, as the results store exports it: letters, digits, '-' and '_'.
  bool readUid(std::string& out, const Field& field) {
    const std::string_view value = valueOf(field);
    const bool fits =
        value.size() <= kMaxUidBytes && std::all_of(value.begin(), value.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
        });
    if (fits) {
      out.assign(value);
      return true;
    }
    badField(field, [&] {
      return "'attempt_uid' must be up to " + std::to_string(kMaxUidBytes) +
             " letters, digits, '-' or '_', or empty (found " + shown(value) + ")";
    });
    return false;
  }

  bool readDecision(DecisionRow& row, const Field& field) {
    const std::string_view value = valueOf(field);
    if (value.size() <= kLongestToken) {
      std::array<char, kLongestToken> lower{};
      std::transform(value.begin(), value.end(), lower.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      });
      if (const auto level =
              core::parseToken<core::ResponseLevel>(std::string_view(lower.data(), value.size()))) {
        row.decision = *level;
        return true;
      }
    }
    badField(field, [&] {
      const std::string tokens = core::tokenList<core::ResponseLevel>();
      if (value.empty()) {
        return "'decision' is empty; expected one of " + tokens;
      }
      std::string message = "'decision' must be one of " + tokens + " (found " + shown(value) + ")";
      std::vector<std::string> candidates;
      for (const auto& entry : core::tokenTable<core::ResponseLevel>()) {
        candidates.emplace_back(entry.token);
      }
      if (const auto near = core::nearestOf(lowercase(value), candidates)) {
        message += "; did you mean '" + *near + "'?";
      }
      return message;
    });
    return false;
  }

  // A whole number from `lo` to `hi`, or empty.
  bool readCount(std::optional<int>& out, const Field& field, const char* name, int lo = 0,
                 int hi = kMaxChecks) {
    const std::string_view value = valueOf(field);
    if (value.empty()) {
      return true;
    }
    int number = 0;
    const char* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, number);
    if (ec == std::errc{} && ptr == end && number >= lo && number <= hi) {
      out = number;
      return true;
    }
    badField(field, [&] {
      return "'" + std::string(name) + "' must be a whole number from " + std::to_string(lo) +
             " to " + std::to_string(hi) + ", or empty (found " + shown(value) + ")";
    });
    return false;
  }

  bool readYesNo(std::optional<bool>& out, const Field& field, const char* name) {
    const std::string lower = lowercase(valueOf(field));
    if (lower.empty()) {
      return true;
    }
    if (lower == "1" || lower == "true" || lower == "yes") {
      out = true;
      return true;
    }
    if (lower == "0" || lower == "false" || lower == "no") {
      out = false;
      return true;
    }
    badField(field, [&] {
      return "'" + std::string(name) + "' must be 1 or 0 (true/false, yes/no), or empty (found " +
             shown(valueOf(field)) + ")";
    });
    return false;
  }

  bool readNeedLevel(DecisionRow& row, const Field& field) {
    const std::string_view value = valueOf(field);
    if (value.empty()) {
      return true;
    }
    if (value.size() == 1 && value[0] >= '1' && value[0] <= '4') {
      row.needLevel = static_cast<core::NeedLevel>(value[0] - '0');
      return true;
    }
    badField(field, [&] {
      return "'need_level' must be 1, 2, 3 or 4, or empty (found " + shown(value) + ")";
    });
    return false;
  }

  bool readProbability(std::optional<double>& out, const Field& field, const char* name) {
    const std::string_view value = valueOf(field);
    if (value.empty()) {
      return true;
    }
    double number = 0.0;
    const char* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, number);
    const bool isNumber = ec == std::errc{} && ptr == end && std::isfinite(number);
    if (isNumber && number >= 0.0 && number <= 1.0) {
      out = number;
      return true;
    }
    badField(field, [&] {
      std::string message = "'" + std::string(name) + "' must be a ";
      if (!isNumber) {
        message += "number from 0 to 1, or empty (found " + shown(value) + ")";
        if (value.back() == '%') {
          message += "; probabilities are 0–1, not percentages";
        } else if (value.find(',') != std::string_view::npos) {
          message += "; write decimals with a point (0.35)";
        }
        return message;
      }
      message += "probability from 0 to 1 (found " + shown(value) + ")";
      if (number > 1.0 && number <= 100.0) {
        std::array<char, 32> buffer{};
        const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                           number / 100.0, std::chars_format::general, 6);
        message += "; probabilities are 0–1, not percentages: for " + std::string(value) +
                   "% write " + std::string(buffer.data(), written.ptr);
      }
      return message;
    });
    return false;
  }

  std::string_view m_text; // the whole text, or the buffer's
  const std::string& m_path;
  std::istream* m_in = nullptr; // streamed: the input, and the buffer of it from a record on
  std::string m_buffer;
  std::size_t m_chunkBytes = 0;
  const DecisionRowVisitor* m_visit = nullptr; // rows go to it instead of the table
  DecisionRow m_row;
  bool m_final = true; // the text holds the rest of the input
  DecisionTable m_table;
  std::vector<Column> m_columns;    // per header field
  std::vector<std::string> m_names; // per header field, as written (trimmed)
  std::string m_scratch;
  int m_unlistedLine = 0; // where the first bad row past kListedErrors is
  int m_unlistedColumn = 0;
  std::size_t m_countedLine = SIZE_MAX; // columnOf's cache: line start, byte, characters
  std::size_t m_countedTo = 0;
  std::size_t m_counted = 0;
};

} // namespace

DecisionTable readDecisionTable(std::string_view text, const std::string& displayPath) {
  return Reader(text, displayPath).run();
}

DecisionTable readDecisionTableFile(const std::string& path) {
  DecisionTable table;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    table.readable = false;
    table.diagnostics.push_back({path, 0, 0, core::Severity::Error, "no such file"});
    return table;
  }
  auto text = core::readFileText(path, kMaxDecisionTableBytes, "decisions table");
  if (!text) {
    table.readable = false;
    table.diagnostics.push_back({path, 0, 0, core::Severity::Error, text.error().message});
    return table;
  }
  return readDecisionTable(text.value(), path);
}

DecisionTable visitDecisionTable(std::istream& in, const std::string& displayPath,
                                 const DecisionRowVisitor& visit, std::size_t chunkBytes) {
  return Reader(in, chunkBytes, displayPath, visit).run();
}

DecisionTable visitDecisionTableFile(const std::string& path, const DecisionRowVisitor& visit) {
  DecisionTable table;
  // readDecisionTableFile's checks, in core::readFileText's words, before any byte is read.
  const auto refuse = [&](std::string message) {
    table.readable = false;
    table.diagnostics.push_back({path, 0, 0, core::Severity::Error, std::move(message)});
    return table;
  };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return refuse("no such file");
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    return refuse("cannot read the file: " + ec.message());
  }
  if (size > kMaxDecisionTableBytes) {
    return refuse("file is " + std::to_string(size) + " bytes, larger than the " +
                  std::to_string(kMaxDecisionTableBytes) +
                  "-byte limit for a decisions table; it was not read");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return refuse("cannot open the file for reading");
  }
  return visitDecisionTable(in, path, visit);
}

} // namespace sim::exchange
