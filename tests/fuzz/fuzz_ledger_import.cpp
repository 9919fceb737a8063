// The ledger's CSV import (ledger/import.hpp): the first byte names the table (supplements,
// transfers, occupations, inout), the rest is the CSV file, imported into a new, empty ledger.
// A refusal (a bad value, a ragged row, a 先补后占 violation) is BadInput; a booking the ledger
// accepts must leave it consistent: no county's stock below zero.
#include "fuzz_support.hpp"
#include "ledger/farmland_ledger.hpp"
#include "ledger/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static constexpr const char* kTables[] = {"supplements", "transfers", "occupations", "inout"};
  const std::string table = kTables[data[0] % 4];
  const auto csv = guotu::fuzz::as_file(data + 1, size - 1, table + ".csv");
  const auto db = csv.parent_path() / "ledger.sqlite";
  std::filesystem::remove(db);
  guotu::ledger::FarmlandLedger::init(db.string(), "fuzz");
  guotu::ledger::FarmlandLedger ledger(db.string(), "fuzz");
  guotu::fuzz::expect_bad_input_only([&] {
    (void)guotu::ledger::import_tables(ledger, csv.string());
    for (const auto& b : ledger.balances()) {
      if (b.stock.area_m2 < -1e-6 || b.stock.paddy_m2 < -1e-6 || b.stock.capacity < -1e-6) {
        std::fprintf(stderr, "finding: county %s has a negative stock after an accepted import\n", b.county.c_str());
        std::abort();
      }
    }
  });
  return 0;
}
