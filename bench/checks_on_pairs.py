"""The whole Checker on held-out labelled pairs: does a verdict mean what it says beyond the casebook?

Each pair of the dev sets (``training/convert.py`` writes ``training/work/dev/<set>.jsonl``; none of
them is trained on) is checked as a check is run: the pair's document is the one source, its claim
the text. The pair counts as "supported" when every claim the Checker found in the text (and could
read) is supported. Reported:

* per dataset: balanced accuracy of (label == supported) against the pair's label;
* per deciding rule (``Finding.rule``): how many claims it decided, with which label, and how often
  that label agrees with the pair's (a supported verdict on a supported pair, any other verdict on an
  unsupported one). Only pairs whose text is one claim count here, so the pair's label is the claim's.
  ``--rule-counts FILE`` writes these counts (the data ``onrecord.judge.confidence`` reads).

A fixed, seeded sample per dataset (``--limit`` pairs each) keeps a run short on a laptop CPU:

    .venv/bin/python training/convert.py --data ../shared/data --out training/work   # ~2 s
    .venv/bin/python bench/checks_on_pairs.py --limit 50 --json /tmp/checks.json          # reported
    .venv/bin/python bench/checks_on_pairs.py --limit 60 --half fit \
        --rule-counts src/onrecord/judge/rule_counts.json                                    # measured
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT / "training" / "work" / "dev"
# Long documents cost minutes each on a shared CPU: a pair whose document is longer than this is left
# out of the sample (the sample is then drawn from the rest, still seeded).
MAX_DOC_CHARS = 6000


def half_of(row: dict) -> str:
    """``fit`` or ``report``, fixed by the pair's claim and document: the rules' confidences are measured
    on one half and the benchmark is reported on the other, so no figure is measured on what set it."""
    key = hashlib.sha1((row["claim"] + "\0" + row["doc"][:200]).encode("utf-8")).digest()
    return "fit" if key[0] < 128 else "report"


def sample(path: Path, limit: int, seed: int, half: str = "report") -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if len(r["doc"]) <= MAX_DOC_CHARS and half in ("all", half_of(r))]
    rng = random.Random(f"{seed}:{path.stem}")
    return rng.sample(rows, min(limit, len(rows)))


def balanced_accuracy(pairs: list[tuple[int, int]]) -> float:
    """Mean of the recall of each class present, over (label, predicted) pairs."""
    recalls = []
    for cls in (0, 1):
        preds = [p for y, p in pairs if y == cls]
        if preds:
            recalls.append(sum(p == cls for p in preds) / len(preds))
    return sum(recalls) / len(recalls) if recalls else float("nan")


def run(dev: Path, datasets: list[str] | None, limit: int, seed: int, half: str = "report") -> dict:
    from onrecord import Checker

    checker = Checker()
    per_set: dict[str, list[tuple[int, int]]] = defaultdict(list)
    rules: dict[str, Counter] = defaultdict(Counter)
    t0, n = time.process_time(), 0
    for path in sorted(dev.glob("*.jsonl")):
        if datasets and path.stem not in datasets:
            continue
        for row in sample(path, limit, seed, half):
            found = [(u, f) for u, f in checker.findings(row["claim"], {"doc": row["doc"]}) if f is not None]
            if not found:
                continue
            y = int(row["label"])
            pred = int(all(f.label == "supported" for _, f in found))
            per_set[path.stem].append((y, pred))
            if len(found) == 1:
                f = found[0][1]
                right = (f.label == "supported") == (y == 1)
                rules[f"{f.rule}:{f.label}"]["n"] += 1
                rules[f"{f.rule}:{f.label}"]["right"] += int(right)
            n += 1
    return {
        "datasets": {k: {"n": len(v), "balanced_accuracy": round(balanced_accuracy(v), 4),
                         "positives": sum(y for y, _ in v), "predicted_supported": sum(p for _, p in v)}
                     for k, v in sorted(per_set.items())},
        "rules": {k: dict(v) for k, v in sorted(rules.items())},
        "pairs": n,
        "cpu_seconds": round(time.process_time() - t0, 1),
        "limit": limit,
        "seed": seed,
        "half": half,
    }


def _table(result: dict) -> str:
    lines = ["| dataset | pairs | balanced accuracy |", "| --- | --- | --- |"]
    for k, v in result["datasets"].items():
        lines.append(f"| {k} | {v['n']} | {v['balanced_accuracy']:.3f} |")
    lines += ["", "| rule: label | claims | agrees with the pair's label |", "| --- | --- | --- |"]
    for k, v in sorted(result["rules"].items(), key=lambda kv: -kv[1]["n"]):
        lines.append(f"| {k} | {v['n']} | {v['right'] / v['n']:.2f} |")
    lines.append(f"\n{result['pairs']} pairs, {result['cpu_seconds']} CPU-seconds")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="folder of <set>.jsonl dev pairs")
    ap.add_argument("--datasets", default="", help="comma-separated set names (default: every set in --dev)")
    ap.add_argument("--limit", type=int, default=40, help="pairs sampled per dataset")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--half", choices=("report", "fit", "all"), default="report",
                    help="which half of the pairs (fixed by a hash): 'fit' measures the rules' confidences")
    ap.add_argument("--json", type=Path, help="write the full result here")
    ap.add_argument("--rule-counts", type=Path, help="write the per-rule counts here (JSON)")
    a = ap.parse_args(argv)
    if not a.dev.is_dir():
        print(f"no dev pairs in {a.dev}: run training/convert.py first", file=sys.stderr)
        return 2
    result = run(a.dev, [s for s in a.datasets.split(",") if s] or None, a.limit, a.seed, a.half)
    print(_table(result))
    if a.json:
        a.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if a.rule_counts:
        a.rule_counts.write_text(json.dumps(result["rules"], indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
