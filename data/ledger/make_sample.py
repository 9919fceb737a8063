#!/usr/bin/env python3
"""Generates the sample farmland-balance ledger of 聊城 (data/ledger/sample/*.csv).

Synthetic entries, deterministic (seeded), calibrated so that the ledger reproduces the figures
the city published for 2023 (聊城市自然资源和规划局 2023年度工作动态, 耕保科; data/documents.yaml;
research reference seed001_002.md FL-04): 177 projects drew 4,796.97 亩 of 占补平衡 quota, leaving
8,312.7 亩 in stock. Everything else (names, dates, the 2022 year,
transfers, 进出平衡 flows) is invented for the sample. Run from the repository root:
    python3 data/ledger/make_sample.py
"""
import csv
import random

COUNTIES = ["371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581"]
SOURCES = ["土地整治", "高标准农田", "增减挂钩", "工矿废弃地复垦"]
USES = ["市政排水", "高速公路", "高速铁路", "产业园区", "城市道路", "学校", "医院", "安置房"]

DRAWN_2023_MU = 479697  # hundredths of 亩: 4,796.97
STOCK_END_2023_MU = 831270  # 8,312.70
DRAWN_2022_MU = 350000  # 3,500.00 (synthetic earlier year)
PROJECTS_2023 = 177
PROJECTS_2022 = 150

rng = random.Random(20231231)


def split(total, n, lo=0.3):
    """n positive amounts in hundredths summing exactly to total."""
    w = [rng.uniform(lo, 1.0) ** 2 for _ in range(n)]
    s = sum(w)
    parts = [max(1, int(total * x / s)) for x in w]
    parts[-1] += total - sum(parts)
    assert parts[-1] > 0 and sum(parts) == total
    return parts


def date(year, day_of_year):
    import datetime
    return (datetime.date(year, 1, 1) + datetime.timedelta(days=day_of_year)).isoformat()


# Supplements: accepted 2020-2023 (their total is what was drawn plus what is left), and a few
# in 2024 that the end-2023 stock must not count.
supplied_by_end_2023 = DRAWN_2022_MU + DRAWN_2023_MU + STOCK_END_2023_MU
supplements = []
amounts = split(supplied_by_end_2023, 64, 0.5)
for i, a in enumerate(amounts):
    year = 2020 + i * 4 // len(amounts)
    # Early in the year: the quota is there before the year's occupations draw on it (先补后占).
    supplements.append({"id": f"BC{year}{i:03d}", "county": COUNTIES[i % len(COUNTIES)],
                        "name": f"{rng.choice(['前', '后', '东', '西', '南', '北'])}{rng.choice(['王', '李', '张', '刘'])}庄{rng.choice(SOURCES)}项目",
                        "source": SOURCES[i % len(SOURCES)], "area_mu": a / 100,
                        "paddy_mu": 0, "grade": rng.randint(4, 9), "accepted_on": date(year, rng.randint(0, 40))})
for i, a in enumerate(split(120000, 6, 0.5)):
    supplements.append({"id": f"BC2024{i:03d}", "county": COUNTIES[i], "name": f"2024年补充耕地项目{i + 1}",
                        "source": SOURCES[i % 4], "area_mu": a / 100, "paddy_mu": 0, "grade": rng.randint(4, 9),
                        "accepted_on": date(2024, 60 + i)})

# Stock per county as the entries are made, so that no draw exceeds what the county holds.
stock = {c: 0 for c in COUNTIES}
for s in supplements:
    if s["accepted_on"] < "2024":
        stock[s["county"]] += round(s["area_mu"] * 100)

occupations = []
for year, total, n in ((2022, DRAWN_2022_MU, PROJECTS_2022), (2023, DRAWN_2023_MU, PROJECTS_2023)):
    for i, a in enumerate(split(total, n, 0.2)):
        # A county that can afford it, weighted by what it holds.
        able = [c for c in COUNTIES if stock[c] >= a]
        c = rng.choices(able, weights=[stock[x] for x in able])[0]
        stock[c] -= a
        occupations.append({"id": f"ZY{year}{i + 1:03d}", "project": f"{rng.choice(USES)}工程{year}-{i + 1}",
                            "county": c, "date": date(year, 60 + i * 300 // n), "approval_ref": f"鲁政土字〔{year}〕{i + 1}号",
                            "area_mu": a / 100, "paddy_mu": 0, "capacity": 0})

# Transfers between counties in 2023 (指标交易): the city's total stock does not change.
transfers = []
for i in range(3):
    rich = max(COUNTIES, key=lambda c: stock[c])
    poor = min(COUNTIES, key=lambda c: stock[c])
    a = min(stock[rich] // 4, 30000)
    stock[rich] -= a
    stock[poor] += a
    transfers.append({"id": f"JY2023{i + 1:02d}", "date": date(2023, 350 + i), "from_county": rich, "to_county": poor,
                      "area_mu": a / 100, "reference": f"聊自然资指标交易〔2023〕{i + 1}号"})
assert sum(stock.values()) == STOCK_END_2023_MU

# 进出平衡 2023: farmland out to other agricultural use and back in; two counties stay open.
inout = []
for i, c in enumerate(COUNTIES):
    out = rng.randint(2000, 9000)
    back = out + rng.randint(0, 2000) if i not in (3, 6) else out - rng.randint(500, 1500)
    inout.append({"id": f"JC2023{c}O", "county": c, "year": 2023, "direction": "out", "area_mu": out / 100, "grade": 7,
                  "exemption": "", "date": date(2023, 100 + i), "note": "耕地转为园地、林地"})
    inout.append({"id": f"JC2023{c}I", "county": c, "year": 2023, "direction": "in", "area_mu": back / 100, "grade": 7,
                  "exemption": "", "date": date(2023, 300 + i), "note": "其他农用地恢复为耕地"})


# 耕地流出整改 of the 2023 outflows, by the three kinds the city reports (整改恢复, 进出平衡,
# 调整补划: 聊城市自然资源和规划局 2023年度工作动态, 耕保科): half of what came back in balances
# the outflow, 60 % of the rest is restored, the remainder re-delineated; in the two open counties
# 5 亩 stay unrectified.
rectifications = []
for i, c in enumerate(COUNTIES):
    out = round(inout[2 * i]["area_mu"] * 100)
    back = round(inout[2 * i + 1]["area_mu"] * 100)
    balanced = min(out, back) // 2
    left = out - balanced - (500 if i in (3, 6) else 0)
    restored = left * 6 // 10
    for kind, a, day in (("进出平衡", balanced, 310), ("整改恢复", restored, 320), ("调整补划", left - restored, 330)):
        rectifications.append({"id": f"ZG2023{c}{len(rectifications) % 3 + 1}", "outflow": f"JC2023{c}O",
                               "kind": kind, "area_mu": a / 100, "date": date(2023, day + i),
                               "reference": f"样例整改验收单 2023-{len(rectifications) + 1}", "note": ""})


def write(name, rows):
    with open(f"data/ledger/sample/{name}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)


write("supplements", supplements)
write("occupations", occupations)
write("transfers", transfers)
write("inout", inout)
write("rectifications", rectifications)
print("stock end 2023:", sum(stock.values()) / 100, "亩")
