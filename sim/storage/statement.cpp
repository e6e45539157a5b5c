// Prepared statements over the SQLite C API.
#include "sim/storage/statement.hpp"

namespace sim::storage {

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
  m_last = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
  if (m_last != SQLITE_OK) {
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
  }
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

std::string Statement::error() const { return sqlite3_errmsg(m_db); }

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(m_stmt, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::optional<double> value) {
  if (value) {
    sqlite3_bind_double(m_stmt, index, *value);
  } else {
    sqlite3_bind_null(m_stmt, index);
  }
  return *this;
}

Statement& Statement::bind(int index, std::optional<int> value) {
  if (value) {
    sqlite3_bind_int64(m_stmt, index, *value);
  } else {
    sqlite3_bind_null(m_stmt, index);
  }
  return *this;
}

bool Statement::step() {
  m_last = sqlite3_step(m_stmt);
  return m_last == SQLITE_ROW;
}

bool Statement::run() {
  while (step()) {
  }
  return m_last == SQLITE_DONE;
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(m_stmt, column);
  const int size = sqlite3_column_bytes(m_stmt, column);
  return bytes == nullptr
             ? std::string()
             : std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

std::optional<double> Statement::real(int column) const {
  if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL) {
    return std::nullopt;
  }
  return sqlite3_column_double(m_stmt, column);
}

std::optional<int> Statement::optionalInt(int column) const {
  if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL) {
    return std::nullopt;
  }
  return sqlite3_column_int(m_stmt, column);
}

} // namespace sim::storage
