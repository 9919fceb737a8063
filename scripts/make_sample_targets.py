#!/usr/bin/env python3
"""Writes the example targets (示例目标) of guotu's sample city of a city profile.

The shipped plan targets of a city (data/targets/<city>.yaml) leave most 2025 figures to the
province (完成省下达任务) and give no county or town targets, so a report on the sample city
would judge almost nothing. This script makes, for the default sample city (`guotu sample` with
the profile's size and seed), one example target per computable land indicator and unit (city,
counties, towns), decomposed from the sample's base vintage the way a bureau breaks down a
保有量 task: 不减少 (a 保有量 at least the base figure) for the areas to protect, a small growth
allowance for construction, half a percentage point for 国土开发强度. They are example figures,
not official ones: their source says so, the report marks them 示例, and a city target the plan
itself gives (自然保护地占比 ≥ 0.78 %) is kept, not replaced.

usage: make_sample_targets.py GUOTU PROFILE_DIR   (e.g. build/release/tools/guotu data/cities/liaocheng)
Rewrites PROFILE_DIR/sample_targets.yaml; the profile's `sample_targets` names it with the size
and seed (read from the profile).
"""
import json
import math
import pathlib
import subprocess
import sys
import tempfile

import yaml

# indicator → (comparator, attribute, how the target follows from the base figure, rule in words)
RULES = {
    "gd_ha": (">=", "binding", "floor", "耕地保有量不低于基期现状"),
    "gd_wanmu": (">=", "binding", "floor", "耕地保有量不低于基期现状"),
    "yjjbnt_ha": (">=", "binding", "floor", "永久基本农田面积不低于基期划定面积"),
    "yjjbnt_wanmu": (">=", "binding", "floor", "永久基本农田面积不低于基期划定面积"),
    "stbhhx_ha": (">=", "binding", "floor", "生态保护红线面积不减少"),
    "zrbhd_ha": (">=", "expected", "floor", "自然保护地面积不减少"),
    "zrbhd_pct": (">=", "binding", "floor", "自然保护地占比不降低"),
    "sl_pct": (">=", "binding", "floor", "森林覆盖率不降低"),
    "sd_ha": (">=", "expected", "floor", "湿地面积不减少"),
    "jsyd_ha": ("<=", "binding", "grow", "建设用地规模不超过基期现状的 102%"),
    "cxjsyd_ha": ("<=", "binding", "grow", "城乡建设用地规模不超过基期现状的 102%"),
    "kfqd_pct": ("<=", "expected", "plus", "国土开发强度不超过基期现状加 0.5 个百分点"),
}
DECIMALS = {"公顷": 2, "万亩": 4, "%": 2}
GROWTH = 1.02
PLUS = 0.5


def target_value(base: float, how: str, decimals: int) -> float:
    scale = 10**decimals
    if how == "floor":
        return math.floor(base * scale + 1e-9) / scale
    if how == "grow":
        return math.ceil(base * GROWTH * scale - 1e-9) / scale
    return math.ceil((base + PLUS) * scale - 1e-9) / scale


def main() -> int:
    guotu, profile_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    profile = yaml.safe_load((profile_dir / "profile.yaml").read_text(encoding="utf-8"))
    st = profile["sample_targets"]
    city_id = profile_dir.name
    out_file = profile_dir / "sample_targets.yaml"
    if not out_file.exists():  # the profile names it: guotu refuses a profile whose file is missing
        out_file.write_text("source: guotu 设定（示例目标，非官方数字）\ntargets: []\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        gpkg = pathlib.Path(tmp) / "city.gpkg"
        subprocess.run([guotu, "sample", "--city", city_id, "--out", str(gpkg), "--patches", str(st["patches"]),
                        "--seed", str(st["seed"])], check=True, capture_output=True)
        # The plan's own targets only: the example targets must not feed back into themselves.
        targets = [str(pathlib.Path(t).resolve()) for t in profile["files"]["targets"]]
        args = [guotu, "report", "--city", city_id, "--plan", str(gpkg), "--out", str(pathlib.Path(tmp) / "r"),
                "--json", "--vintage", "DLTB", "--vintage", "DLTB_LATER"]
        for t in targets:
            args += ["--targets", t]
        run = subprocess.run(args, capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(run.stderr)
        report = json.loads(run.stdout)
    year = report["year"]
    base = [u for u in report["units"] if u["vintage"] == "DLTB"]
    later = [u for u in report["units"] if u["vintage"] == "DLTB_LATER"]
    out = []
    for ind, (cmp, attr, how, words) in RULES.items():
        values = {}
        for u in base:
            o = u["indicators"][ind]
            if o["value"] is None:
                continue
            # A target the plan gives with a value stays (自然保护地占比 ≥ 0.78 % for the city).
            if o.get("target") is not None and not o.get("provincial_quota", False):
                continue
            values[u["code"]] = target_value(o["value"], how, DECIMALS[o["unit"]])
        if not values:
            continue
        out.append({
            "indicator": ind,
            "year": year,
            "comparator": cmp,
            "attribute": attr,
            "source": f"guotu 设定（示例目标，非官方数字）：{words}，按示例城市基期（DLTB）的单元现状分解",
            "units": values,
        })
    # 新增建设用地规模 (two vintages): the city's quota 120 % of what the later vintage built, broken
    # down to counties and towns in proportion to their base 建设用地 (how new-construction quotas are
    # often shared out), so the units that built more than their share exceed theirs.
    city = next(u for u in later if u["level"] == "city")
    built = city["indicators"]["xzjsyd_wanmu"]["value"]
    scale = 10**DECIMALS["万亩"]
    quota = math.ceil(built * 1.2 * scale) / scale
    city_js = next(u for u in base if u["level"] == "city")["indicators"]["jsyd_ha"]["value"]
    shares = {u["code"]: quota if u["level"] == "city" else
              math.ceil(quota * u["indicators"]["jsyd_ha"]["value"] / city_js * scale) / scale
              for u in base}
    out.append({
        "indicator": "xzjsyd_wanmu",
        "year": year,
        "comparator": "<=",
        "attribute": "binding",
        "source": "guotu 设定（示例目标，非官方数字）：新增建设用地规模全市为新一期（DLTB_LATER）实际新增的 120%，"
                  "按基期建设用地规模比例分解到县、乡镇",
        "units": shares,
    })
    header = f"""# 示例目标 of guotu's sample city of {profile['name']} (`guotu sample --city {city_id}` with
# {st['patches']} patches and seed {st['seed']}): example figures, not official ones. `guotu report` adds
# this file after the city's plan targets on such a GeoPackage when no --targets is given, and marks
# the report 示例数据. One target per computable land indicator and unit (the city where the plan
# gives no value, its counties and towns), decomposed from the sample's base vintage (DLTB):
# 保有量 at least the base figure (floored at the unit's decimals), construction at most 102 % of
# it, 国土开发强度 at most 0.5 percentage points above it; 新增建设用地规模 (two vintages) 120 % of
# what DLTB_LATER built in the city, shared out by base 建设用地. On the base vintage every unit
# meets them; on DLTB_LATER the units whose planted changes take farmland or forest, or build
# more than their share, do not.
# Written by scripts/make_sample_targets.py (run it again when the sample generator changes).
"""
    body = yaml.safe_dump({"source": "guotu 设定（示例目标，非官方数字）：按示例城市基期现状分解的单元目标",
                           "targets": out}, allow_unicode=True, sort_keys=False, width=120)
    out_file.write_text(header + body, encoding="utf-8")
    print(f"{out_file}: {sum(len(t['units']) for t in out)} targets, "
          f"{len(out)} indicators, year {year}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
