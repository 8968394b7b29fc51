"""Fit the temperature and the supported threshold on the dev pool; write them into config.json.

Scores every dev pair with the INSTALLED int8 ONNX model through ``onrecord.runtime.model.GroundingModel``, on the
passages a check reads for a claim (``onrecord.retrieve.evidence.CANDIDATES``: the best assembled passage and
the best BM25 window, ranked with the sentence embedder; the same as ``score_document`` and so ``onrecord bench
pairs``); a pair's probabilities are those of the passage that speaks for the claim, chosen as a check chooses.

- temperature T: one scalar dividing all three logits, chosen on a grid to minimise the negative
  log-likelihood of the binary label (supported vs not) under the pair's P(supported);
- ECE: 15 equal-width bins, on P(supported) against the binary label, before (T=1) and after;
- threshold: the P(supported) cut-off (after T) that maximises the MEAN over dev sets of balanced
  accuracy (each dev set weighs the same, whatever its size).

The same scores give the dev metrics written to config.json and printed (these are in-sample for the
threshold: it was tuned on them).

    python training/calibrate.py                              # the product's passages, every dev pair
    python training/calibrate.py --scorer judge --limit 150   # quick look (150 pairs a set)
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

from onrecord.bench import balanced_accuracy, read_pairs, roc_auc  # noqa: E402
from onrecord.bench import expected_calibration_error as ece  # noqa: E402
from onrecord.runtime.model import LABELS, GroundingModel  # noqa: E402
from windows import window_pairs  # noqa: E402


def candidate_texts(doc: str, claim: str, scorer: str, max_windows: int | None, model, embedder=None) -> list[str]:
    """The evidence passages a scorer looks at for one pair.

    judge: the passages a check reads for a claim (``onrecord.retrieve.evidence.CANDIDATES``, ranked with the
           sentence embedder), which ``score_document`` and so ``onrecord bench pairs`` read too;
    fallback: ``training/windows.py`` (experiments only).
    """
    if scorer == "judge":
        from onrecord.documents import Document
        from onrecord.retrieve.evidence import Candidate, SourceIndex, candidates_for
        from onrecord.text.segment import Span

        idx = SourceIndex.build(Document(id="doc", text=doc), embedder)
        cands, _ = candidates_for(claim, [idx], embedder)
        if not cands:
            cands = [Candidate("doc", Span(0, len(doc)), doc, ())]
        return [c.text for c in cands]
    return window_pairs(model, doc, claim, max_windows)


def pair_logits(model, rows: list[dict], scorer: str, max_windows: int | None = None) -> list[np.ndarray]:
    """Raw logits (k, 3) of every candidate window of every pair, in one batched pass."""
    flat, owner = [], []
    embedder = None
    if scorer == "judge":
        from onrecord.runtime.embedder import shared_embedder

        embedder = shared_embedder()
    for n, r in enumerate(rows):
        for t in candidate_texts(r["doc"], r["claim"], scorer, max_windows, model, embedder):
            flat.append((t, r["claim"]))
            owner.append(n)
    z = model.logits(flat)
    own = np.asarray(owner)
    return [z[own == n] for n in range(len(rows))]


def doc_probs(logits: list[np.ndarray], t: float) -> np.ndarray:
    """Per pair: the probabilities of the passage that speaks for the claim, chosen as a check chooses
    (``CandidatePolicy.speaking``)."""
    from onrecord.retrieve.evidence import CandidatePolicy

    out = np.zeros((len(logits), 3))
    for n, z in enumerate(logits):
        if len(z) == 0:
            out[n] = (0.0, 0.0, 1.0)
            continue
        z = z / t
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        out[n] = p[CandidatePolicy.speaking(p)]
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
    ap.add_argument("--scorer", choices=["judge", "fallback"], default="judge")
    ap.add_argument("--max-windows", type=int, default=None, help="fallback scorer only")
    ap.add_argument("--limit", type=int, default=0, help="first N pairs of each dev set (quick looks)")
    ap.add_argument("--cache", type=Path, default=None, help="npz of window logits to reuse / write")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write config.json")
    args = ap.parse_args()

    rows = read_pairs(args.dev)
    if args.limit:
        seen: dict[str, int] = {}
        keep = []
        for r in rows:
            seen[r["dataset"]] = seen.get(r["dataset"], 0) + 1
            if seen[r["dataset"]] <= args.limit:
                keep.append(r)
        rows = keep
    model = GroundingModel(args.model_dir, threads=2)
    t0 = time.time()
    if args.cache and args.cache.is_file():
        z = np.load(args.cache)
        logits = [z[f"a{i}"] for i in range(len(rows))]
    else:
        logits = pair_logits(model, rows, args.scorer, args.max_windows)
        if args.cache:
            np.savez_compressed(args.cache, **{f"a{i}": a for i, a in enumerate(logits)})
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
            "of document-level P(supported) (the best window's); threshold maximises mean per-dataset "
            "balanced accuracy",
            "ece_on": "P(supported) vs binary label, 15 equal-width bins",
            "ece_before": round(ece_before, 4),
            "ece_after": round(ece_after, 4),
            "nll_before": round(nll(1.0), 4),
            "nll_after": round(nll(t_best), 4),
            "dev_pairs": len(rows),
            "scorer": args.scorer,
            "pairs_a_set": args.limit or "all",
        },
        "dev": {"datasets": per, "mean_balanced_accuracy": round(mean_ba, 4),
                "note": "in-sample for the threshold and temperature (both tuned on these dev sets)"},
    }
    print(json.dumps(result, indent=2))
    nwin = sum(len(z) for z in logits)
    print(f"scored {len(rows)} dev pairs ({nwin} windows) in {score_s:.0f}s", flush=True)
    if not args.dry_run:
        cfg_path = args.model_dir / "config.json"
        cfg = json.loads(cfg_path.read_text())
        cfg.update(result)
        cfg_path.write_text(json.dumps(cfg, indent=2) + "\n")
        print("updated", cfg_path)


if __name__ == "__main__":
    main()
