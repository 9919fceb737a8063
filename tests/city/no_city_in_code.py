#!/usr/bin/env python3
"""The engine knows no city: no city's name, profile name or working CRS in the C++ code.

For every city profile (data/cities/*/profile.yaml) it collects what names the city — the
profile's folder name, its name as written (聊城市) and that name without its 市/区/县, its code's
CRS ("EPSG:4527" and the bare number) — and the CRS codes a Chinese city's data use (CGCS2000
Gauss-Krüger, EPSG:4491–4554), and searches engine/ and tools/ (*.cpp, *.hpp, *.h, *.inc) with
comments removed: a comment may cite a document, the code may not hold the fact. The
benchmark's synthetic coverage generator (tools/bench/coverage_bench.cpp) is left out: its
fixture coordinates are defined in one zone. Also checks itself: each needle is found in a
planted line of code, and not in the same line as a comment.

usage: no_city_in_code.py SOURCE_DIR
"""
import pathlib
import re
import sys

import yaml

EXCLUDED = {"tools/bench/coverage_bench.cpp"}


def strip_comments(text: str) -> str:
    """C++ text with // and /* */ comments blanked (string and character literals kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(text[i:j])
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def needles(src: pathlib.Path):
    found = []
    for profile in sorted((src / "data" / "cities").glob("*/profile.yaml")):
        p = yaml.safe_load(profile.read_text(encoding="utf-8"))
        city = profile.parent.name
        found.append((city, re.escape(city), f"profile folder of {city}"))
        name = p["name"]
        found.append((name, re.escape(name), f"name of {city}"))
        if len(name) > 2 and name[-1] in "市区县":
            found.append((name[:-1], re.escape(name[:-1]), f"name of {city}"))
        crs = p["working_crs"]["crs"]
        found.append((crs, re.escape(crs), f"working CRS of {city}"))
        code = crs.split(":")[-1]
        if code.isdigit():
            found.append((code, rf"(?<![0-9.]){code}(?![0-9])", f"working CRS of {city}"))
    found.append(("EPSG:4491–4554", r"EPSG:(449[1-9]|45[0-4][0-9]|455[0-4])(?![0-9])", "a CGCS2000 Gauss-Krüger zone"))
    return found


def main() -> int:
    src = pathlib.Path(sys.argv[1])
    ns = needles(src)
    if len(ns) < 5:
        print(f"FAIL: only {len(ns)} needles: no city profile found under {src}/data/cities")
        return 1
    # The search must see code and must not see comments.
    for shown, pattern, _ in ns:
        planted = strip_comments(f'const char* x = "{shown}";  // {shown}\n')
        if len(re.findall(pattern, planted)) != 1:
            print(f"FAIL: the search does not find {shown} once in a planted line of code: {planted!r}")
            return 1
    files = sorted(p for d in ("engine", "tools") for p in (src / d).rglob("*")
                   if p.suffix in {".cpp", ".hpp", ".h", ".inc"} and str(p.relative_to(src)) not in EXCLUDED)
    problems = []
    for path in files:
        code = strip_comments(path.read_text(encoding="utf-8")).splitlines()
        for n, line in enumerate(code, 1):
            for shown, pattern, why in ns:
                if re.search(pattern, line):
                    problems.append(f"{path.relative_to(src)}:{n}: {shown} ({why}): {line.strip()}")
    for p in problems:
        print(p)
    print(f"no-city-in-code: {len(files)} files, {len(ns)} needles, {len(problems)} city facts in the code")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
