-- T3, overlaps: DLTB pairs whose interiors share an area (DE-9IM '2********', the candidates
-- guotu validate's COVERAGE_OVERLAP examines), with the overlap's area and the part of it
-- validate would keep (rules.yaml: parts of at least min_area_m2 1 that survive an inward
-- buffer of min_width_m/2 = 0.05 m). Parts are numbered with a recursive counter; MATERIALIZED
-- keeps SQLite from inlining the pairs and redoing each intersection per reference.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 256),
pairs AS MATERIALIZED (
  SELECT a.fid AS a_fid, b.fid AS b_fid, ST_Intersection(a.geom, b.geom) AS g
    FROM DLTB a CROSS JOIN rtree_DLTB_geom r CROSS JOIN DLTB b
   WHERE r.minx <= MbrMaxX(a.geom) AND r.maxx >= MbrMinX(a.geom)
     AND r.miny <= MbrMaxY(a.geom) AND r.maxy >= MbrMinY(a.geom)
     AND b.fid = r.id AND b.fid > a.fid AND ST_Relate(a.geom, b.geom, '2********'))
SELECT a_fid, b_fid, ST_Area(g) AS area_m2,
       (SELECT coalesce(sum(ST_Area(GeometryN(g, i))), 0) FROM n
         WHERE i <= ST_NumGeometries(g) AND ST_Area(GeometryN(g, i)) >= 1
           AND NOT ST_IsEmpty(ST_Buffer(GeometryN(g, i), -0.05))
           AND ST_Buffer(GeometryN(g, i), -0.05) IS NOT NULL) AS kept_m2
  FROM pairs
 ORDER BY a_fid, b_fid
