// The results database: opening a SQLite file durably (WAL, full sync), versioned schema
// migrations, and refusing a database made by a newer Frontdoor rather than damaging it.
#pragma once

#include "sim/core/result.hpp"

#include <filesystem>
#include <memory>
#include <string>

struct sqlite3;

namespace sim::storage {

/// Schema version this build writes. Migrations take any older database up to it.
inline constexpr int kSchemaVersion = 4;

class Database {
public:
  /// Opens (creating if needed) the database at `path` and migrates it to kSchemaVersion.
  static core::Result<std::unique_ptr<Database>> open(const std::filesystem::path& path);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  [[nodiscard]] int schemaVersion() const;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  /// The SQLite handle, for the store's statements (storage-internal).
  [[nodiscard]] sqlite3* handle() const { return m_handle; }

private:
  Database(sqlite3* handle, std::filesystem::path path);
  sqlite3* m_handle;
  std::filesystem::path m_path;
};

} // namespace sim::storage
