-- T1 三线内现状地类: per county (first 6 digits of DLTB.ZLDWDM), per control layer, per DLBM:
-- the area of (patch ∩ union of the layer's features): features of one layer that overlap each
-- other count once, as in guotu report --classes-within. The union is of the pieces clipped to
-- the patch, which equals patch ∩ union(layer) and only costs the small pieces; a patch one
-- feature meets (nearly all) skips the union. GiST join with ST_Intersects (prepared geometry).
SELECT substr(zldwdm, 1, 6) AS county, layer, dlbm, sum(a) AS area_m2 FROM (
  SELECT d.zldwdm, 'YJJBNT' AS layer, d.dlbm,
         CASE WHEN count(*) = 1 THEN sum(ST_Area(ST_Intersection(d.geom, y.geom)))
              ELSE ST_Area(ST_Union(ST_Intersection(d.geom, y.geom))) END AS a
    FROM dltb d JOIN yjjbnt y ON ST_Intersects(d.geom, y.geom)
   GROUP BY d.fid
  UNION ALL
  SELECT d.zldwdm, 'STBHHX', d.dlbm,
         CASE WHEN count(*) = 1 THEN sum(ST_Area(ST_Intersection(d.geom, y.geom)))
              ELSE ST_Area(ST_Union(ST_Intersection(d.geom, y.geom))) END
    FROM dltb d JOIN stbhhx y ON ST_Intersects(d.geom, y.geom)
   GROUP BY d.fid
  UNION ALL
  SELECT d.zldwdm, 'CZKFBJ', d.dlbm,
         CASE WHEN count(*) = 1 THEN sum(ST_Area(ST_Intersection(d.geom, y.geom)))
              ELSE ST_Area(ST_Union(ST_Intersection(d.geom, y.geom))) END
    FROM dltb d JOIN czkfbj y ON ST_Intersects(d.geom, y.geom)
   GROUP BY d.fid) s
 WHERE a > 0
 GROUP BY 1, 2, 3
