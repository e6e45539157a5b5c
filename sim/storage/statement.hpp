// A prepared SQLite statement with RAII, typed binds and column reads, and errors as
// text. Storage-internal: only the results store uses it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim::storage {

class Statement {
public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  [[nodiscard]] bool ok() const { return m_stmt != nullptr; }
  [[nodiscard]] std::string error() const;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, value ? 1 : 0); }
  Statement& bind(int index, std::optional<double> value);
  Statement& bind(int index, std::optional<int> value);

  /// Step once: true while a row is available; false at the end or on error (see done()).
  bool step();
  /// Whether the last step finished without error.
  [[nodiscard]] bool done() const { return m_last == SQLITE_DONE || m_last == SQLITE_ROW; }
  /// Run to completion (for statements without rows); false on error.
  bool run();

  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] std::optional<double> real(int column) const;
  [[nodiscard]] std::optional<int> optionalInt(int column) const;

private:
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
  int m_last = SQLITE_OK;
};

} // namespace sim::storage
