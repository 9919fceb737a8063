-- T3, gaps: per county of XZQ, the county minus the union of the DLTB patches whose R-tree
-- box meets the county's box (patches that do not reach the county cover none of it), cut
-- into parts; each part with its area, and whether validate's COVERAGE_GAP would keep it
-- (rules.yaml: at least min_area_m2 1 and surviving an inward buffer of min_width_m/2 = 0.5 m).
-- MATERIALIZED: SQLite would otherwise inline the CTEs and redo the union per part number.
WITH RECURSIVE gaps AS MATERIALIZED (
  SELECT x.XZQDM AS county,
         ST_Difference(x.geom, (SELECT ST_Union(d.geom) FROM rtree_DLTB_geom r CROSS JOIN DLTB d
                                 WHERE r.minx <= MbrMaxX(x.geom) AND r.maxx >= MbrMinX(x.geom)
                                   AND r.miny <= MbrMaxY(x.geom) AND r.maxy >= MbrMinY(x.geom)
                                   AND d.fid = r.id)) AS g
    FROM XZQ x),
n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT max(ST_NumGeometries(g)) FROM gaps)),
parts AS MATERIALIZED (SELECT county, GeometryN(g, i) AS p FROM gaps CROSS JOIN n WHERE i <= ST_NumGeometries(g))
SELECT county, ST_Area(p) AS area_m2,
       (ST_Area(p) >= 1 AND ST_Buffer(p, -0.5) IS NOT NULL AND NOT ST_IsEmpty(ST_Buffer(p, -0.5))) AS kept
  FROM parts
 WHERE ST_Area(p) > 0
 ORDER BY county, area_m2
