-- T1 三线内现状地类: per county (first 6 digits of DLTB.ZLDWDM), per control layer, per DLBM:
-- the area of (patch ∩ union of the layer's features), i.e. features of one layer that
-- overlap each other count once (guotu report --classes-within does the same). The union is
-- taken of the pieces clipped to the patch (ST_Union of ST_Intersection per patch), which
-- equals patch ∩ union(layer) and costs only the small pieces. R-tree candidates that are
-- disjoint add nothing (ST_Intersection gives NULL, which the aggregates skip).
SELECT county, layer, dlbm, sum(a) AS area_m2 FROM (
  SELECT substr(d.ZLDWDM, 1, 6) AS county, 'YJJBNT' AS layer, d.DLBM AS dlbm,
         ST_Area(ST_Union(ST_Intersection(d.geom, y.geom))) AS a
    FROM DLTB d CROSS JOIN rtree_YJJBNT_geom r CROSS JOIN YJJBNT y
   WHERE r.minx <= MbrMaxX(d.geom) AND r.maxx >= MbrMinX(d.geom)
     AND r.miny <= MbrMaxY(d.geom) AND r.maxy >= MbrMinY(d.geom) AND y.fid = r.id
   GROUP BY d.fid
  UNION ALL
  SELECT substr(d.ZLDWDM, 1, 6), 'STBHHX', d.DLBM, ST_Area(ST_Union(ST_Intersection(d.geom, y.geom)))
    FROM DLTB d CROSS JOIN rtree_STBHHX_geom r CROSS JOIN STBHHX y
   WHERE r.minx <= MbrMaxX(d.geom) AND r.maxx >= MbrMinX(d.geom)
     AND r.miny <= MbrMaxY(d.geom) AND r.maxy >= MbrMinY(d.geom) AND y.fid = r.id
   GROUP BY d.fid
  UNION ALL
  SELECT substr(d.ZLDWDM, 1, 6), 'CZKFBJ', d.DLBM, ST_Area(ST_Union(ST_Intersection(d.geom, y.geom)))
    FROM DLTB d CROSS JOIN rtree_CZKFBJ_geom r CROSS JOIN CZKFBJ y
   WHERE r.minx <= MbrMaxX(d.geom) AND r.maxx >= MbrMinX(d.geom)
     AND r.miny <= MbrMaxY(d.geom) AND r.maxy >= MbrMinY(d.geom) AND y.fid = r.id
   GROUP BY d.fid)
 WHERE a > 0
 GROUP BY county, layer, dlbm
 ORDER BY county, layer, dlbm
