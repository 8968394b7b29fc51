"""Fit the support combiner: P(supported) from sentence similarity, word coverage and the grounding model.

    .venv/bin/python training/fit_combiner.py training/work/dev/*.jsonl [--write]

Features come from the product's own evidence path (onrecord.evidence.score_document: every window
ranked, the best scored), so the fitted probability is what a check computes. The fit is a plain
logistic regression (numpy, L2), balanced across datasets; honesty check: leave-one-dataset-
out balanced accuracy is printed next to the in-sample figure. ``--write`` stores the weights, the
threshold (balanced accuracy on the pooled dev data) and the expected calibration error in the
shipped config.json (``combiner``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from onrecord.bench import balanced_accuracy, read_pairs, roc_auc
from onrecord.embedder import shared_embedder
from onrecord.evidence import score_document
from onrecord.model import DEFAULT_MODEL_DIR, shared_model


def features(paths: list[Path], limit: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    model, emb = shared_model(), shared_embedder()
    X, y, ds = [], [], []
    t0 = time.time()
    for path in paths:
        rows = read_pairs([path])[:limit] if limit else read_pairs([path])
        for r in rows:
            f = score_document(model, r["doc"], r["claim"], emb).features
            X.append(f.vector())
            y.append(int(r["label"]))
            ds.append(r["dataset"])
        print(f"{path.name}: {len(rows)} pairs, {time.time() - t0:.0f} s", flush=True)
    return np.array(X), np.array(y), np.array(ds)


def fit_logistic(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1e-4, steps: int = 20000) -> tuple[np.ndarray, float]:
    coef, bias = np.zeros(X.shape[1]), 0.0
    lr = 2.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ coef + bias)))
        g = (p - y) * w
        coef -= lr * (X.T @ g / w.sum() + l2 * coef)
        bias -= lr * g.sum() / w.sum()
    return coef, bias


def sample_weights(y: np.ndarray, ds: np.ndarray) -> np.ndarray:
    """Each dataset counts the same; labels keep their natural share, so the fitted probability stays
    calibrated (a label-balanced fit would move it and raise the calibration error). The threshold,
    tuned afterwards for balanced accuracy, takes care of the label imbalance."""
    w = np.zeros(len(y))
    for d in np.unique(ds):
        sel = ds == d
        w[sel] = 1.0 / sel.sum()
    return w / w.mean()


def best_threshold(p: np.ndarray, y: np.ndarray, ds: np.ndarray) -> float:
    grid = np.linspace(0.05, 0.95, 91)
    scores = [np.mean([balanced_accuracy(y[ds == d], (p[ds == d] >= t).astype(int)) for d in np.unique(ds)])
              for t in grid]
    return float(grid[int(np.argmax(scores))])


def ece(p: np.ndarray, y: np.ndarray, bins: int = 15) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        sel = (p >= a) & (p < b) if b < 1 else (p >= a) & (p <= b)
        if sel.any():
            total += sel.sum() / len(p) * abs(p[sel].mean() - y[sel].mean())
    return float(total)


def report(p: np.ndarray, y: np.ndarray, ds: np.ndarray, thr: float) -> dict:
    out = {}
    for d in np.unique(ds):
        sel = ds == d
        out[str(d)] = {"n": int(sel.sum()), "balanced_accuracy": round(balanced_accuracy(y[sel], (p[sel] >= thr).astype(int)), 4),
                       "roc_auc": round(roc_auc(y[sel], p[sel]), 4)}
    out["mean_balanced_accuracy"] = round(float(np.mean([v["balanced_accuracy"] for v in out.values()])), 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="at most this many pairs a file")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cache", type=Path, default=Path("training/work/combiner_features.npz"))
    args = ap.parse_args()
    if args.cache.is_file():
        z = np.load(args.cache)
        X, y, ds = z["X"], z["y"], z["ds"]
    else:
        X, y, ds = features(args.files, args.limit)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(args.cache, X=X, y=y, ds=ds)
    w = sample_weights(y, ds)
    coef, bias = fit_logistic(X, y, w)
    p = 1 / (1 + np.exp(-(X @ coef + bias)))
    thr = best_threshold(p, y, ds)
    print("weights [similarity, coverage, p_supported, p_contradicted]:", coef.round(3), "bias", round(bias, 3))
    print("in-sample:", json.dumps(report(p, y, ds, thr)), "threshold", thr, "ECE", round(ece(p, y), 4))
    print("model alone:", json.dumps(report(X[:, 2], y, ds, best_threshold(X[:, 2], y, ds))))
    # Leave one dataset out: fit on the others, score the one left out (at the others' threshold).
    lodo = {}
    for d in np.unique(ds):
        tr = ds != d
        c, b = fit_logistic(X[tr], y[tr], sample_weights(y[tr], ds[tr]))
        pt = 1 / (1 + np.exp(-(X[tr] @ c + b)))
        t = best_threshold(pt, y[tr], ds[tr])
        pd_ = 1 / (1 + np.exp(-(X[~tr] @ c + b)))
        lodo[str(d)] = round(balanced_accuracy(y[~tr], (pd_ >= t).astype(int)), 4)
    print("leave-one-dataset-out balanced accuracy:", json.dumps(lodo))
    if args.write:
        cfg_path = DEFAULT_MODEL_DIR / "config.json"
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        cfg["combiner"] = {
            "features": ["similarity", "coverage", "p_supported", "p_contradicted"],
            "weights": [round(float(v), 5) for v in coef], "bias": round(float(bias), 5), "threshold": thr,
            "ece": round(ece(p, y), 4), "dev": report(p, y, ds, thr), "leave_one_dataset_out": lodo,
            "fitted_on": sorted({str(d) for d in ds}), "pairs": int(len(y)),
        }
        cfg_path.write_text(json.dumps(cfg, indent=2), encoding="utf-8")
        print(f"wrote combiner into {cfg_path}")


if __name__ == "__main__":
    main()
