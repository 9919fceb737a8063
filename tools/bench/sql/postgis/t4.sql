-- T4: the diff of two vintages (dltb before, dltb_later after): every before × after pair whose
-- codes differ and whose geometries meet, the area of their intersection, summed per
-- (before DLBM, after DLBM); pieces below 1 m² dropped as guotu diff does by default
-- (--min-area 1; here the plane area, guotu's with --area planar).
CREATE UNLOGGED TABLE :"res" AS
SELECT before_dlbm, after_dlbm, sum(a) AS area_m2, count(*) AS pieces FROM (
  SELECT a.dlbm AS before_dlbm, b.dlbm AS after_dlbm, ST_Area(ST_Intersection(a.geom, b.geom)) AS a
    FROM dltb a JOIN dltb_later b ON ST_Intersects(a.geom, b.geom) AND b.dlbm <> a.dlbm) s
 WHERE a >= 1
 GROUP BY 1, 2;
