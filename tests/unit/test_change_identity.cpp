// The identity of a change set (change/identity.hpp): the canonical text is written out by hand
// here, and the digest checked against SHA-256's published test vectors (FIPS 180-2) and
// Python's hashlib on the same text, not against guotu's own output.
#include <gtest/gtest.h>

#include "change/change_detector.hpp"
#include "change/identity.hpp"
#include "gdal/sha256.hpp"

using guotu::change::canonical_text;
using guotu::change::Change;
using guotu::change::change_set_identity;

namespace {

Change change(const std::string& before_bsm, const std::string& after_bsm, const std::string& before_code,
              const std::string& after_code, double area_m2, std::int64_t fid = 1) {
  Change c;
  c.before_bsm = before_bsm;
  c.after_bsm = after_bsm;
  c.before_code = before_code;
  c.after_code = after_code;
  c.area_m2 = area_m2;
  c.before_fid = fid;
  c.county = "371502";
  c.cls = "whatever the classes say";
  return c;
}

}  // namespace

TEST(ChangeIdentity, Sha256IsGdalsAndMatchesTheStandardVectors) {
  // FIPS 180-2, appendix B.1 and the empty message.
  EXPECT_EQ(guotu::gdal::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(guotu::gdal::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // FIPS 180-2, appendix B.2 (two blocks).
  EXPECT_EQ(guotu::gdal::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(ChangeIdentity, CanonicalTextIsSortedRoundedAndEscaped) {
  const std::vector<Change> changes = {change("B2", "L7", "0103", "0201", 1234.5678, 9),
                                       change("B1", "L1", "0101", "0601", 10.004, 3),
                                       change("B1", "L2", "0101", "0301", 0.995, 4)};
  EXPECT_EQ(canonical_text(changes, "DLTB", "DLTB_LATER"),
            "guotu change set v1\n"
            "DLTB\tDLTB_LATER\n"
            "B1\tL1\t0101\t0601\t10.00\n"
            "B1\tL2\t0101\t0301\t1.00\n"
            "B2\tL7\t0103\t0201\t1234.57\n");
  // A tab, newline or backslash inside a value cannot pass for a separator.
  EXPECT_EQ(canonical_text({change("a\tb", "c\nd", "e\\f", "0101", 1)}, "x", "y"),
            "guotu change set v1\nx\ty\na\\tb\tc\\nd\te\\\\f\t0101\t1.00\n");
}

TEST(ChangeIdentity, SameChangesSameIdentityWhateverTheOrderOrTheRun) {
  std::vector<Change> a = {change("B1", "L1", "0101", "0601", 10.004, 3), change("B2", "L7", "0103", "0201", 99, 9)};
  std::vector<Change> b = {change("B2", "L7", "0103", "0201", 99.001, 1), change("B1", "L1", "0101", "0601", 10.0, 2)};
  b[0].county = "371503";  // what is not in the canonical text does not count
  const std::string id = change_set_identity(a, "DLTB", "DLTB_LATER");
  EXPECT_EQ(id, change_set_identity(b, "DLTB", "DLTB_LATER"));
  // The digest of the text written above, as Python's hashlib computes it:
  //   hashlib.sha256("guotu change set v1\nDLTB\tDLTB_LATER\nB1\tL1\t0101\t0601\t10.00\n"
  //                  "B2\tL7\t0103\t0201\t99.00\n".encode()).hexdigest()
  EXPECT_EQ(id, "0b82afb336c376e47a38aa8f7bcdaab481171393fe734b4a6e188642e01d5db4");
  // Another area (to 0.01 m²), code, BSM or layer is another change set.
  b[0].area_m2 = 99.01;
  EXPECT_NE(id, change_set_identity(b, "DLTB", "DLTB_LATER"));
  EXPECT_NE(id, change_set_identity(a, "DLTB", "DLTB_2024"));
  a[1].after_code = "0202";
  EXPECT_NE(id, change_set_identity(a, "DLTB", "DLTB_LATER"));
  // No change at all is a set too (its own identity).
  EXPECT_EQ(change_set_identity({}, "DLTB", "DLTB_LATER").size(), 64u);
}
