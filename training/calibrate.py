"""Fit the temperature and the supported threshold on the dev pool; write them into config.json.

Scores every dev pair with the INSTALLED int8 ONNX model through ``onrecord.model.GroundingModel`` and the
bench's windowing (``onrecord.bench.doc_scores``: every window of the document, plus the claim-cover
window; P(supported) of a pair is its best window's).

- temperature T: one scalar dividing all three logits, chosen on a grid to minimise the negative
  log-likelihood of the binary label (supported vs not) under the pair's P(supported);
- ECE: 15 equal-width bins, on P(supported) against the binary label, before (T=1) and after;
- threshold: the P(supported) cut-off (after T) that maximises the MEAN over dev sets of balanced
  accuracy (each dev set weighs the same, whatever its size).

The same scores give the dev metrics written to config.json and printed (these are in-sample for the
threshold: it was tuned on them).

    python training/calibrate.py                        # every window (slow: the reporting run)
    python training/calibrate.py --max-windows 3        # top-3 windows a pair (fast, approximate)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from onrecord.bench import balanced_accuracy, doc_scores, read_pairs, roc_auc  # noqa: E402
from onrecord.model import LABELS, GroundingModel  # noqa: E402


def ece(p: np.ndarray, y: np.ndarray, bins: int = 15) -> float:
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        sel = idx == b
        if sel.any():
            total += sel.mean() * abs(p[sel].mean() - y[sel].mean())
    return float(total)


def doc_probs(logits: list[np.ndarray], t: float) -> np.ndarray:
    out = np.zeros((len(logits), 3))
    for n, z in enumerate(logits):
        z = z / t
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        ps = float(p[:, 0].max())
        pc = min(float(p[:, 1].max()), 1.0 - ps)
        out[n] = (ps, pc, 1.0 - ps - pc)
    return out


def metrics(rows: list[dict], probs: np.ndarray, thr: float) -> dict:
    by: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by.setdefault(r["dataset"], []).append(i)
    out = {}
    for name, idx in by.items():
        y = np.array([int(rows[i]["label"]) for i in idx])
        ps = probs[idx, 0]
        d = {
            "n": len(idx),
            "balanced_accuracy": round(balanced_accuracy(y, (ps >= thr).astype(int)), 4),
            "roc_auc": round(roc_auc(y, ps), 4),
        }
        if all("label3" in rows[i] for i in idx):
            pred = [
                LABELS[0] if probs[i, 0] >= thr else (LABELS[1] if probs[i, 1] >= probs[i, 2] else LABELS[2])
                for i in idx
            ]
            hits = [p == rows[i]["label3"] for p, i in zip(pred, idx, strict=True)]
            d["accuracy3"] = round(float(np.mean(hits)), 4)
        out[name] = d
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    pkg = HERE.parent / "src" / "onrecord" / "models" / "grounding"
    ap.add_argument("--model-dir", type=Path, default=pkg)
    ap.add_argument("--dev", type=Path, nargs="*", default=sorted((HERE / "work" / "dev").glob("*.jsonl")))
    ap.add_argument("--max-windows", type=int, default=None)
    ap.add_argument("--cache", type=Path, default=None, help="npz of window logits to reuse / write")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write config.json")
    args = ap.parse_args()

    rows = read_pairs(args.dev)
    model = GroundingModel(args.model_dir, threads=2)
    t0 = time.time()
    cache = args.cache or args.model_dir.parent / f".dev_logits_{args.max_windows or 'all'}.npz"
    if args.cache and cache.is_file():
        z = np.load(cache)
        logits = [z[f"a{i}"] for i in range(len(rows))]
    else:
        logits: list[np.ndarray] = []
        doc_scores(model, [(r["doc"], r["claim"]) for r in rows], args.max_windows, logits_out=logits)
        if args.cache:
            np.savez_compressed(cache, **{f"a{i}": a for i, a in enumerate(logits)})
    score_s = time.time() - t0
    y = np.array([int(r["label"]) for r in rows])

    def nll(t: float) -> float:
        p = np.clip(doc_probs(logits, t)[:, 0], 1e-6, 1 - 1e-6)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    grid = np.concatenate([np.arange(0.3, 1.0, 0.05), np.arange(1.0, 6.01, 0.1)])
    losses = [nll(t) for t in grid]
    t_best = float(grid[int(np.argmin(losses))])
    p1 = doc_probs(logits, 1.0)
    pt = doc_probs(logits, t_best)
    ece_before, ece_after = ece(p1[:, 0], y), ece(pt[:, 0], y)

    names = sorted({r["dataset"] for r in rows})
    by = {n: np.array([i for i, r in enumerate(rows) if r["dataset"] == n]) for n in names}
    cands = np.unique(np.round(pt[:, 0], 3))
    best_thr, best_ba = 0.5, -1.0
    for c in cands:
        ba = np.mean([balanced_accuracy(y[ix], (pt[ix, 0] >= c).astype(int)) for ix in by.values()])
        if ba > best_ba:
            best_thr, best_ba = float(c), float(ba)

    per = metrics(rows, pt, best_thr)
    mean_ba = float(np.mean([v["balanced_accuracy"] for v in per.values()]))
    result = {
        "temperature": round(t_best, 3),
        "threshold": round(best_thr, 4),
        "calibration": {
            "method": "temperature scaling (one scalar for all logits), grid-searched to minimise binary NLL "
            "of document-level P(supported) = max over windows; threshold maximises mean per-dataset "
            "balanced accuracy",
            "ece_on": "P(supported) vs binary label, 15 equal-width bins",
            "ece_before": round(ece_before, 4),
            "ece_after": round(ece_after, 4),
            "nll_before": round(nll(1.0), 4),
            "nll_after": round(nll(t_best), 4),
            "dev_pairs": len(rows),
            "windows": "all windows + claim-cover window"
            if args.max_windows is None
            else f"top {args.max_windows} windows by word overlap (approximate)",
        },
        "dev": {"datasets": per, "mean_balanced_accuracy": round(mean_ba, 4),
                "note": "in-sample for the threshold and temperature (both tuned on these dev sets)"},
    }
    print(json.dumps(result, indent=2))
    print(f"scored {len(rows)} dev pairs in {score_s:.0f}s", flush=True)
    if not args.dry_run:
        cfg_path = args.model_dir / "config.json"
        cfg = json.loads(cfg_path.read_text())
        cfg.update(result)
        cfg_path.write_text(json.dumps(cfg, indent=2) + "\n")
        print("updated", cfg_path)


if __name__ == "__main__":
    main()
