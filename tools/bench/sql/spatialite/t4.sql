-- T4: the diff of two vintages (DLTB before, DLTB_LATER after): every before × after pair whose
-- codes differ, the area of their intersection, summed per (before DLBM, after DLBM). Pieces
-- below 1 m² are dropped, as guotu diff does by default (--min-area 1: slivers along edges
-- that moved; here the plane area, guotu's with --area planar).
SELECT before_dlbm, after_dlbm, sum(a) AS area_m2, count(*) AS pieces FROM (
  SELECT a.DLBM AS before_dlbm, b.DLBM AS after_dlbm, ST_Area(ST_Intersection(a.geom, b.geom)) AS a
    FROM DLTB a CROSS JOIN rtree_DLTB_LATER_geom r CROSS JOIN DLTB_LATER b
   WHERE r.minx <= MbrMaxX(a.geom) AND r.maxx >= MbrMinX(a.geom)
     AND r.miny <= MbrMaxY(a.geom) AND r.maxy >= MbrMinY(a.geom)
     AND b.fid = r.id AND b.DLBM <> a.DLBM)
 WHERE a >= 1
 GROUP BY before_dlbm, after_dlbm
 ORDER BY before_dlbm, after_dlbm
