#!/usr/bin/env bash
# Makes N synthetic construction projects (layer XMYD) for benchmarking `guotu check`
# (docs/benchmarks.md): axis-aligned rectangles of 60-250 m sides, each wholly inside one
# county of the city's XZQ layer, in the XZQ layer's CRS (EPSG:4527 for the sample city).
#
#   tools/bench/make_projects.sh CITY.gpkg OUT.gpkg [N=10000] [SEED=20240601]
#
# Deterministic: the candidates come from Python's random.Random(SEED) (Mersenne Twister,
# stable across Python 3 versions), and the first N candidates (in candidate order) that lie
# within a county are kept, by GDAL's SQLite dialect (SpatiaLite ST_Within). The same CITY,
# N and SEED give the same projects.
#
# Schema (layers/catalogue/XMYD.yaml): BSM (XM + 8 digits), XMMC, XMLX in
# 居住/商业/工业/仓储/基础设施/重大项目, RJL (0.3-3.0), JZGD (6-100 m), PZWH (half of the
# 重大项目/基础设施 projects carry an approval number, the rest none), XZQDM (the county the
# rectangle lies in), MJ (the rectangle's planar area in m², width × height).
#
# Needs: python3, ogr2ogr and ogrinfo (GDAL with SpatiaLite, as Debian's gdal-bin).
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 CITY.gpkg OUT.gpkg [N=10000] [SEED=20240601]" >&2
  exit 2
fi
city=$1
out=$2
n=${3:-10000}
seed=${4:-20240601}

work=$(mktemp -d /tmp/guotu-make-projects.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Extent and CRS of XZQ.
ogrinfo -ro -so "$city" XZQ > "$work/xzq.info"
extent=$(sed -n 's/^Extent: (\(.*\), \(.*\)) - (\(.*\), \(.*\))$/\1 \2 \3 \4/p' "$work/xzq.info")
if [[ -z $extent ]]; then
  echo "$0: cannot read the extent of layer XZQ in $city" >&2
  exit 2
fi
epsg=$(ogrinfo -ro -so "$city" XZQ | grep -o 'ID\["EPSG",[0-9]*\]\]$' | tail -1 | grep -o '[0-9][0-9]*' || true)
epsg=${epsg:-4527}

# Candidates: 3 × N rectangles drawn uniformly over the extent (enough: the counties fill
# well over a third of their bounding box).
python3 - "$work/cand.csv" "$n" "$seed" $extent <<'PY'
import csv, random, sys
path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
xmin, ymin, xmax, ymax = map(float, sys.argv[4:8])
rng = random.Random(seed)
types = ["居住", "商业", "工业", "仓储", "基础设施", "重大项目"]
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["cid", "XMLX", "RJL", "JZGD", "PZWH", "MJ", "WKT"])
    for i in range(3 * n):
        wd = rng.uniform(60.0, 250.0)
        ht = rng.uniform(60.0, 250.0)
        x0 = rng.uniform(xmin, xmax - wd)
        y0 = rng.uniform(ymin, ymax - ht)
        # round to the centimetre so the CSV round trip is exact
        x0, y0, wd, ht = round(x0, 2), round(y0, 2), round(wd, 2), round(ht, 2)
        t = rng.choice(types)
        rjl = round(rng.uniform(0.3, 3.0), 2)
        jzgd = round(rng.uniform(6.0, 100.0), 1)
        pzwh = ""
        if t in ("基础设施", "重大项目") and rng.random() < 0.5:
            pzwh = "聊政土字〔2024〕%d号" % (i % 997 + 1)
        x1, y1 = round(x0 + wd, 2), round(y0 + ht, 2)
        wkt = "POLYGON((%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f))" % (
            x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)
        w.writerow([i, t, rjl, jzgd, pzwh, round(wd * ht, 2), wkt])
PY

ogr2ogr -f GPKG "$work/work.gpkg" "$work/cand.csv" -nln cand -a_srs "EPSG:$epsg" \
  -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
  -oo X_POSSIBLE_NAMES=none -oo Y_POSSIBLE_NAMES=none \
  -oo AUTODETECT_TYPE=YES -nlt POLYGON
ogr2ogr -update "$work/work.gpkg" "$city" XZQ -nln xzq

rm -f "$out"
ogr2ogr -f GPKG "$out" "$work/work.gpkg" -nln XMYD -nlt MULTIPOLYGON -a_srs "EPSG:$epsg" \
  -dialect SQLite -sql "
    SELECT printf('XM%08d', k) AS BSM,
           printf('基准测试项目%05d(%s)', k, XMLX) AS XMMC,
           XMLX,
           printf('基准测试建设单位%03d', k % 100) AS JSDW,
           CAST(RJL AS REAL) AS RJL,
           CAST(JZGD AS REAL) AS JZGD,
           NULLIF(PZWH, '') AS PZWH,
           XZQDM,
           CAST(MJ AS REAL) AS MJ,
           CastToMultiPolygon(geom) AS geom
    FROM (SELECT row_number() OVER (ORDER BY c.cid) AS k, c.XMLX AS XMLX, c.RJL AS RJL, c.JZGD AS JZGD,
                 c.PZWH AS PZWH, c.MJ AS MJ, x.XZQDM AS XZQDM, c.geom AS geom
          FROM cand c JOIN xzq x ON ST_Within(c.geom, x.geom)
          ORDER BY c.cid LIMIT $n)"

got=$(ogrinfo -ro -so "$out" XMYD | sed -n 's/^Feature Count: //p')
echo "$0: wrote $got projects to $out (layer XMYD, seed $seed)" >&2
if [[ $got -ne $n ]]; then
  echo "$0: only $got of $n candidates fell inside XZQ" >&2
  exit 1
fi
