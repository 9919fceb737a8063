// PostgreSQL connection strings: recognised, schema read, passwords never shown.
#include <gtest/gtest.h>

#include "gdal/connection.hpp"

using namespace guotu::gdal;

TEST(Connection, RecognisesPostgresTargets) {
  EXPECT_TRUE(is_postgres_target("PG:dbname=plan"));
  EXPECT_TRUE(is_postgres_target("postgresql://bureau@db.local/plan"));
  EXPECT_TRUE(is_postgres_target("postgres://db/plan"));
  EXPECT_FALSE(is_postgres_target("out/check.gpkg"));
  EXPECT_FALSE(is_postgres_target("PG.gpkg"));
}

TEST(Connection, ReadsKeyValuePairsWithLibpqQuoting) {
  const std::string c = "PG:host=10.0.0.5 dbname='plan db' user=gis active_schema=guotu_2025 password='it''s'";
  EXPECT_EQ(connection_value(c, "active_schema"), "guotu_2025");
  EXPECT_EQ(connection_value(c, "dbname"), "plan db");
  EXPECT_EQ(connection_value(c, "host"), "10.0.0.5");
  EXPECT_EQ(connection_value(c, "port"), "");
  EXPECT_EQ(connection_value("PG:dbname=x active_schema = s1", "active_schema"), "s1");
  EXPECT_EQ(connection_value(R"(PG:password='a\'b' dbname=x)", "dbname"), "x");
}

TEST(Connection, MasksPasswordsInEveryForm) {
  EXPECT_EQ(mask_passwords("PG:host=h password=secret dbname=x"), "PG:host=h password=*** dbname=x");
  EXPECT_EQ(mask_passwords("PG:password='se cret' dbname=x"), "PG:password=*** dbname=x");
  EXPECT_EQ(mask_passwords("guotu check --out 'PG:dbname=x PASSWORD=secret'"),
            "guotu check --out 'PG:dbname=x PASSWORD=***'");
  EXPECT_EQ(mask_passwords("postgresql://gis:secret@db/plan"), "postgresql://gis:***@db/plan");
  EXPECT_EQ(mask_passwords("postgresql://gis@db/plan"), "postgresql://gis@db/plan");
  EXPECT_EQ(display_target("out/password=x.gpkg"), "out/password=x.gpkg");  // a file name is a file name
  const std::string masked = display_target("PG:dbname=x password=hunter2");
  EXPECT_EQ(masked.find("hunter2"), std::string::npos);
}
