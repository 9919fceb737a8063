#!/usr/bin/env python3
"""Prints the corpus as the Markdown table of docs/reliability.md (between its BEGIN/END cases
markers): case, what the user did, the command, and what guotu answers. Run with --write to
update docs/reliability.md in place; a test checks that the doc lists every case."""
import glob, os, re, sys

import yaml  # python3-yaml (Debian), as QGIS's python has it

src = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
rows = []
for path in sorted(glob.glob(os.path.join(src, "tests/bad-inputs/cases/*.yaml"))):
    c = yaml.safe_load(open(path, encoding="utf-8"))
    name = os.path.splitext(os.path.basename(path))[0]
    cmd = " ".join(str(a) for a in c["command"])
    cmd = cmd.replace("$SAMPLE/", "").replace("|", "\\|")
    if len(cmd) > 70:
        cmd = cmd[:67] + "…"
    says = "; ".join(f"«{s}»" for s in (c.get("stderr") or []) + (c.get("stdout") or [])).replace("|", "\\|")
    desc = " ".join(str(c["description"]).split()).replace("|", "\\|")
    rows.append(f"| `{name}` | {desc} | `guotu {cmd}` | {c['exit']} | {says} |")
table = "\n".join(["| case | what the user did, what guotu must answer | command | exit | guotu says |",
                   "|---|---|---|---|---|"] + rows)
if "--write" in sys.argv:
    doc = os.path.join(src, "docs/reliability.md")
    text = open(doc, encoding="utf-8").read()
    new = re.sub(r"(<!-- BEGIN cases -->\n).*?(<!-- END cases -->)", lambda m: m.group(1) + table + "\n" + m.group(2),
                 text, flags=re.S)
    open(doc, "w", encoding="utf-8").write(new)
    print(f"docs/reliability.md: {len(rows)} cases")
else:
    print(table)
