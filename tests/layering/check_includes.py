#!/usr/bin/env python3
"""The include direction of guotu's layers (docs/architecture.md), checked on the source text.

core (engine/core) < adapters (engine/{gdal,geos,proj,sqlite,pg,xlsx,xml,index}) < domain (the other
engine folders) < CLI (tools/). A file may include headers of its own layer and the layers below it,
never above; engine/layering/forbidden/ makes the compiler refuse the external libraries' headers
above the adapters, and this script refuses the internal direction. Prints each violation as
FILE:LINE and exits 1 if there is any; usage: check_includes.py SOURCE_DIR
"""
import pathlib
import re
import sys

ADAPTERS = {"gdal", "geos", "proj", "sqlite", "pg", "xlsx", "xml", "index"}
NAMES = ["core", "adapters", "domain", "CLI"]


def layer_of_folder(folder: str) -> int:
    if folder == "core":
        return 0
    return 1 if folder in ADAPTERS else 2


def main() -> int:
    src = pathlib.Path(sys.argv[1])
    include = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
    problems, files = [], 0
    for path in sorted(list((src / "engine").rglob("*.[ch]pp")) + list((src / "tools").rglob("*.[ch]pp"))):
        rel = path.relative_to(src)
        if rel.parts[0] == "tools":
            own = 3
        elif rel.parts[1] == "layering":
            continue
        else:
            own = layer_of_folder(rel.parts[1])
        files += 1
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = include.match(line)
            if not m:
                continue
            target = m.group(1)
            folder = target.split("/")[0]
            if "/" not in target:
                continue  # a header beside the file (tools/command.hpp)
            if not (src / "engine" / folder).is_dir():
                continue
            theirs = layer_of_folder(folder)
            if theirs > own:
                problems.append(f"{rel}:{n}: the {NAMES[own]} layer includes \"{target}\" of the {NAMES[theirs]} layer")
    for p in problems:
        print(p)
    print(f"layering: {files} files, {len(problems)} includes against the layers' direction")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
