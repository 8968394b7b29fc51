"""The same input, the same report: every casebook case and the bundled example checked on a fresh checker
each, then one after another, in reverse order and on 8 threads (twice over), counting reports that differ
from the fresh ones by a single byte.

    ONRECORD_SHARED=../shared .venv/bin/python bench/determinism.py
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from onrecord import Checker, from_text, load
from onrecord.runtime.embedder import Embedder


def _jobs() -> list[tuple]:
    jobs = [(load("examples/article.txt"), [load("examples/letter.txt")])]
    shared = Path(os.environ.get("ONRECORD_SHARED", "../shared")) / "cases"
    for path in sorted(shared.glob("*.yaml")) + sorted(Path("bench/cases").glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        jobs.append((from_text(case["text"]),
                     [from_text(s["text"], id=s["id"], title=s.get("title", "")) for s in case["sources"]]))
    return jobs


def main() -> None:
    jobs = _jobs()
    model = Checker().model

    def fresh_checker() -> Checker:
        return Checker(model=model, embedder=Embedder())

    fresh = [fresh_checker().check(*job).to_json() for job in jobs]
    one = fresh_checker()
    serial = [one.check(*job).to_json() for job in jobs]
    backward = [one.check(*job).to_json() for job in reversed(jobs)][::-1]
    shared = fresh_checker()
    with ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(lambda job: shared.check(*job).to_json(), jobs * 2))

    def differ(got: list[str]) -> int:
        return sum(a != b for a, b in zip(fresh * (len(got) // len(fresh)), got, strict=True))

    print(f"{len(jobs)} inputs; reports differing from a fresh checker's: one after another {differ(serial)}, "
          f"reversed {differ(backward)}, 8 threads (each input twice) {differ(threaded)}")


if __name__ == "__main__":
    main()
