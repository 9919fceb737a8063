-- T2: the projects (layer XMYD of the attached projects GeoPackage, `prj`) × the three control
-- lines: overlap area per project and layer, summed over the layer's features (guotu check
-- reports one piece per project × plan feature; its per-project per-rule sum is the same).
-- No ST_Intersects filter: in SpatiaLite 5.0 it costs twice the intersection itself (a
-- prepared geometry built per call); a disjoint R-tree candidate adds NULL.
SELECT project, layer, area_m2 FROM (
  SELECT p.BSM AS project, 'YJJBNT' AS layer, sum(ST_Area(ST_Intersection(p.geom, y.geom))) AS area_m2
    FROM prj.XMYD p CROSS JOIN rtree_YJJBNT_geom r CROSS JOIN YJJBNT y
   WHERE r.minx <= MbrMaxX(p.geom) AND r.maxx >= MbrMinX(p.geom)
     AND r.miny <= MbrMaxY(p.geom) AND r.maxy >= MbrMinY(p.geom) AND y.fid = r.id
   GROUP BY p.BSM
  UNION ALL
  SELECT p.BSM, 'STBHHX', sum(ST_Area(ST_Intersection(p.geom, y.geom)))
    FROM prj.XMYD p CROSS JOIN rtree_STBHHX_geom r CROSS JOIN STBHHX y
   WHERE r.minx <= MbrMaxX(p.geom) AND r.maxx >= MbrMinX(p.geom)
     AND r.miny <= MbrMaxY(p.geom) AND r.maxy >= MbrMinY(p.geom) AND y.fid = r.id
   GROUP BY p.BSM
  UNION ALL
  SELECT p.BSM, 'CZKFBJ', sum(ST_Area(ST_Intersection(p.geom, y.geom)))
    FROM prj.XMYD p CROSS JOIN rtree_CZKFBJ_geom r CROSS JOIN CZKFBJ y
   WHERE r.minx <= MbrMaxX(p.geom) AND r.maxx >= MbrMinX(p.geom)
     AND r.miny <= MbrMaxY(p.geom) AND r.maxy >= MbrMinY(p.geom) AND y.fid = r.id
   GROUP BY p.BSM)
 WHERE area_m2 > 0
 ORDER BY project, layer
