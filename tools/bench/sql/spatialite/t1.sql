-- T1 三线内现状地类: per county (first 6 digits of DLTB.ZLDWDM), per control layer, per DLBM:
-- the area of (patch ∩ union of the layer's features): features of one layer that overlap each
-- other count once, as in guotu report --classes-within.
-- The control lines are large polygons: joined as they are, each patch is intersected with a
-- whole feature of up to thousands of vertices. So they are first cut into pieces of at most
-- 256 vertices (ST_Subdivide, SpatiaLite 5) in a temporary table with its own R-tree; the
-- pieces of one feature do not overlap, and the per-patch union below merges pieces and
-- overlapping features alike (the union of the pieces clipped to the patch = patch ∩
-- union(layer), and it only costs small pieces). R-tree candidates that are disjoint add
-- nothing (ST_Intersection gives NULL, which the aggregates skip).
CREATE TEMP TABLE lines_sub (id INTEGER PRIMARY KEY, layer TEXT, geom BLOB);
WITH RECURSIVE cut AS MATERIALIZED (
  SELECT 'YJJBNT' AS layer, ST_Subdivide(geom, 256) AS g FROM YJJBNT
  UNION ALL SELECT 'STBHHX', ST_Subdivide(geom, 256) FROM STBHHX
  UNION ALL SELECT 'CZKFBJ', ST_Subdivide(geom, 256) FROM CZKFBJ),
n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT max(ST_NumGeometries(g)) FROM cut))
INSERT INTO lines_sub (layer, geom) SELECT layer, GeometryN(g, i) FROM cut CROSS JOIN n WHERE i <= ST_NumGeometries(g);
CREATE VIRTUAL TABLE temp.rtree_lines_sub USING rtree(id, minx, maxx, miny, maxy);
INSERT INTO temp.rtree_lines_sub SELECT id, MbrMinX(geom), MbrMaxX(geom), MbrMinY(geom), MbrMaxY(geom) FROM lines_sub;
SELECT county, layer, dlbm, sum(a) AS area_m2 FROM (
  SELECT substr(d.ZLDWDM, 1, 6) AS county, s.layer AS layer, d.DLBM AS dlbm,
         ST_Area(ST_Union(ST_Intersection(d.geom, s.geom))) AS a
    FROM DLTB d CROSS JOIN temp.rtree_lines_sub r CROSS JOIN lines_sub s
   WHERE r.minx <= MbrMaxX(d.geom) AND r.maxx >= MbrMinX(d.geom)
     AND r.miny <= MbrMaxY(d.geom) AND r.maxy >= MbrMinY(d.geom) AND s.id = r.id
   GROUP BY d.fid, s.layer)
 WHERE a > 0
 GROUP BY county, layer, dlbm
 ORDER BY county, layer, dlbm
