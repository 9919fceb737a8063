-- T3, gaps: per county of XZQ, the county minus the union of the DLTB patches that reach it,
-- cut into parts; each part's area and whether validate's COVERAGE_GAP would keep it
-- (rules.yaml: at least min_area_m2 1, surviving an inward buffer of min_width_m/2 = 0.5 m).
CREATE UNLOGGED TABLE :"res" AS
SELECT county, ST_Area(p) AS area_m2, (ST_Area(p) >= 1 AND NOT ST_IsEmpty(ST_Buffer(p, -0.5))) AS kept
  FROM (SELECT county, (ST_Dump(g)).geom AS p
          FROM (SELECT x.xzqdm AS county,
                       ST_CollectionExtract(ST_Difference(x.geom, (SELECT ST_Union(d.geom) FROM dltb d
                                                                    WHERE ST_Intersects(d.geom, x.geom))), 3) AS g
                  FROM xzq x) u) s
 WHERE ST_Area(p) > 0;
