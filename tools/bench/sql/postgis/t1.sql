-- T1 三线内现状地类: per county (first 6 digits of DLTB.ZLDWDM), per control layer, per DLBM:
-- the area of (patch ∩ union of the layer's features): features of one layer that overlap each
-- other count once, as in guotu report --classes-within.
-- The control lines are large polygons (hundreds to thousands of vertices, TOASTed): joined
-- as they are, every patch probe detoasts and intersects a whole feature (72 s at 100,000
-- patches). So, as PostGIS's documentation advises for large polygons, they are first cut
-- into pieces of at most 256 vertices (ST_Subdivide) with their own GiST index (23 s); the
-- pieces of one feature do not overlap, and the per-patch union below merges pieces and
-- overlapping features alike. The union is of the pieces clipped to the patch, which equals
-- patch ∩ union(layer) and only costs small pieces; a patch one piece meets skips it.
CREATE TEMP TABLE lines_sub AS
  SELECT 'YJJBNT'::text AS layer, ST_Subdivide(geom, 256) AS geom FROM yjjbnt
  UNION ALL SELECT 'STBHHX', ST_Subdivide(geom, 256) FROM stbhhx
  UNION ALL SELECT 'CZKFBJ', ST_Subdivide(geom, 256) FROM czkfbj;
CREATE INDEX ON lines_sub USING gist (geom);
ANALYZE lines_sub;
CREATE UNLOGGED TABLE :"res" AS
SELECT substr(zldwdm, 1, 6) AS county, layer, dlbm, sum(a) AS area_m2 FROM (
  SELECT d.zldwdm, s.layer, d.dlbm,
         CASE WHEN count(*) = 1 THEN sum(ST_Area(ST_Intersection(d.geom, s.geom)))
              ELSE ST_Area(ST_Union(ST_Intersection(d.geom, s.geom))) END AS a
    FROM dltb d JOIN lines_sub s ON ST_Intersects(d.geom, s.geom)
   GROUP BY d.fid, s.layer) x
 WHERE a > 0
 GROUP BY 1, 2, 3;
