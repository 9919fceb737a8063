-- T2: the projects (xmyd) × the three control lines: overlap area per project and layer, summed
-- over the layer's features (guotu check reports one piece per project × plan feature).
CREATE UNLOGGED TABLE :"res" AS
SELECT project, layer, area_m2 FROM (
  SELECT p.bsm AS project, 'YJJBNT' AS layer, sum(ST_Area(ST_Intersection(p.geom, y.geom))) AS area_m2
    FROM xmyd p JOIN yjjbnt y ON ST_Intersects(p.geom, y.geom) GROUP BY p.bsm
  UNION ALL
  SELECT p.bsm, 'STBHHX', sum(ST_Area(ST_Intersection(p.geom, y.geom)))
    FROM xmyd p JOIN stbhhx y ON ST_Intersects(p.geom, y.geom) GROUP BY p.bsm
  UNION ALL
  SELECT p.bsm, 'CZKFBJ', sum(ST_Area(ST_Intersection(p.geom, y.geom)))
    FROM xmyd p JOIN czkfbj y ON ST_Intersects(p.geom, y.geom) GROUP BY p.bsm) s
 WHERE area_m2 > 0;
