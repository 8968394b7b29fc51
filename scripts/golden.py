#!/usr/bin/env python3
"""Write the JSON report of every case (../shared/cases, bench/cases) and the bundled example to a folder,
one file each, so that two versions of onrecord can be compared byte for byte (`diff -r A B`).

Reports carry no timings (``Checker(timings=False)``, the default): the same input gives the same bytes.

    python scripts/golden.py OUT_DIR      # ONRECORD_SHARED=DIR where ../shared is elsewhere
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent


def _cases() -> list[Path]:
    shared = Path(os.environ.get("ONRECORD_SHARED", HERE.parent / "shared"))  # the casebook beside this checkout
    dirs = [shared / "cases", HERE / "bench" / "cases"]
    return [p for d in dirs if d.is_dir() for p in sorted(d.glob("*.yaml"))]


def main(out: Path) -> None:
    from onrecord import Checker, from_text, load

    checker = Checker()
    out.mkdir(parents=True, exist_ok=True)
    os.chdir(HERE)  # relative paths, so that reports from two checkouts compare equal
    jobs = [("example", load("examples/article.txt"), [load("examples/letter.txt")])]
    for path in _cases():
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        sources = [from_text(s["text"], id=s["id"], title=s.get("title", "")) for s in case["sources"]]
        jobs.append((f"{path.parent.parent.name}-{path.stem}", from_text(case["text"]), sources))
    for name, text, sources in jobs:
        report = json.loads(checker.check(text, sources).to_json())
        (out / f"{name}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False, sort_keys=True))
    print(f"golden: {len(jobs)} reports in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
