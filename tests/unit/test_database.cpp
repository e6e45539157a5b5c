// Results database: real SQLite files in a temp folder; migrations and version gate.
#include "sim/storage/database.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;

namespace {
std::string bytesOf(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path freshDir(const std::string& name) { return test_support::uniqueTempFolder("db-" + name); }
} // namespace

TEST_CASE("a new database is created at the current schema version and reopens") {
  const auto dir = freshDir("new");
  {
    auto db = sim::storage::Database::open(dir / "results.sqlite");
    REQUIRE(db.ok());
    CHECK(db.value()->schemaVersion() == sim::storage::kSchemaVersion);
  }
  auto again = sim::storage::Database::open(dir / "results.sqlite");
  REQUIRE(again.ok());
  CHECK(again.value()->schemaVersion() == sim::storage::kSchemaVersion);
  fs::remove_all(dir);
}

TEST_CASE("a database from a newer Frontdoor is refused and left untouched") {
  const auto dir = freshDir("newer");
  const auto path = dir / "results.sqlite";
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "CREATE TABLE future(x); PRAGMA user_version = 99;", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  const auto before = bytesOf(path);

  auto db = sim::storage::Database::open(path);
  REQUIRE_FALSE(db.ok());
  CHECK(db.error().message.find("newer Frontdoor") != std::string::npos);
  CHECK(bytesOf(path) == before); // not one byte changed (no WAL switch, no migration)
  CHECK_FALSE(fs::exists(path.string() + "-wal"));
  fs::remove_all(dir);
}

TEST_CASE("a file that is not a database gives a clear error") {
  const auto dir = freshDir("garbage");
  const auto path = dir / "results.sqlite";
  {
    std::FILE* f = std::fopen(path.string().c_str(), "wb");
    std::fputs(
        "this is not sqlite, just text that is long enough to "
        "matter..............................................................................",
        f);
    std::fclose(f);
  }
  auto db = sim::storage::Database::open(path);
  REQUIRE_FALSE(db.ok());
  CHECK(db.error().message.find(path.string()) != std::string::npos);
  fs::remove_all(dir);
}
