-- T3, overlaps: DLTB pairs whose interiors share an area (DE-9IM '2********', the candidates
-- guotu validate's COVERAGE_OVERLAP examines), the overlap's area, and the part validate would
-- keep (rules.yaml: parts of at least min_area_m2 1 surviving an inward buffer of
-- min_width_m/2 = 0.05 m). '+ 0' keeps the fid test out of the index (postgis_compare.sh: a
-- plain a.fid < b.fid made PostgreSQL 15 AND the GiST probe with a half-table pk range).
CREATE UNLOGGED TABLE :"res" AS
SELECT a_fid, b_fid, ST_Area(g) AS area_m2,
       (SELECT coalesce(sum(ST_Area(d.geom)), 0) FROM ST_Dump(g) d
         WHERE ST_Area(d.geom) >= 1 AND NOT ST_IsEmpty(ST_Buffer(d.geom, -0.05))) AS kept_m2
  FROM (SELECT a.fid AS a_fid, b.fid AS b_fid, ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3) AS g
          FROM dltb a JOIN dltb b ON ST_Intersects(a.geom, b.geom) AND a.fid + 0 < b.fid + 0
         WHERE ST_Relate(a.geom, b.geom, '2********')) s;
