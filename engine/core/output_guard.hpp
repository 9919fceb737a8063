// The writer guard: before any work, a run declares every file, folder and database it reads
// and every output it writes, and the guard refuses (bad input, exit 2, naming both) an output
// that resolves to one of its inputs or to another output of the same run. "Resolves" means:
//
// - the same path after symbolic links, `.` and `..` are resolved (std::filesystem::
//   weakly_canonical, so `sub/../city.gpkg` and a symlink to city.gpkg are city.gpkg);
// - the same file through a hard link (st_dev, st_ino);
// - a file of a Shapefile input (.shp, .shx, .dbf, .prj, .cpg … of the same stem), a file
//   directly inside an input folder (the files a folder source is read from);
// - for a directory output (`report --out DIR`, `ledger report --out DIR`): DIR is an input, or
//   holds one (at any depth; DIR is replaced whole);
// - PostgreSQL (PG:…, postgresql://…): the same host, port, database and schema.
//
// It also refuses, naming the path and the operating system's reason, an output that exists
// without --overwrite or whose directory is missing, not a directory, unreachable or not
// writable, or whose name is too long. AtomicOutput and AtomicDirectory (core/atomic_output.hpp)
// check the same when they are created; the guard says it before any work.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace guotu {

class OutputGuard {
 public:
  /// A file, folder or PostgreSQL source the run reads, or a database it updates in place (the
  /// ledger). `option` names it in messages ("--plan"). Empty `what`: ignored.
  /// `default_schema`: the schema a PostgreSQL target without one means (the ledger's is
  /// guotu_ledger, a GDAL source's public).
  OutputGuard& input(const std::string& what, const std::string& option, const std::string& default_schema = "public");
  /// A file the run writes whole (a GeoPackage, a JSON or .qgs file), or a PostgreSQL target.
  OutputGuard& output(const std::string& what, const std::string& option);
  /// A directory the run writes whole, or a PostgreSQL target.
  OutputGuard& output_directory(const std::string& what, const std::string& option);

  /// Refuses the run (throws a bad-input Error) when an output may not be written. PostgreSQL
  /// outputs are compared, not connected to (the caller checks they answer).
  void check(bool overwrite) const;

  /// The PostgreSQL outputs declared.
  [[nodiscard]] std::vector<std::string> database_outputs() const;

 private:
  struct Entry {
    std::string what, option, default_schema;
    bool directory = false;
  };
  std::vector<Entry> inputs_, outputs_;
};

/// A file output may be written: its directory exists and is writable, its name is not too
/// long, and it does not exist (or overwrite, and it is no directory). Throws a bad-input Error
/// naming the path and the reason (ENOENT, ENOTDIR, ENAMETOOLONG, EACCES, EROFS …).
void check_output_writable(const std::filesystem::path& target, bool overwrite);

/// The same for a directory output: an existing target must be a directory.
void check_output_directory_writable(const std::filesystem::path& dir, bool overwrite);

/// True for a PostgreSQL source or target ("PG:…", "postgresql://…", "postgres://…").
bool is_postgres_target(const std::string& target);

}  // namespace guotu
