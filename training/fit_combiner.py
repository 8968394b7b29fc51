"""Fit the support combiner: calibrated three-way probabilities from retrieval signals and the model.

    .venv/bin/python training/fit_combiner.py training/work/dev/*.jsonl [--folds 5] [--write]

Features come from the product's own evidence path (``onrecord.retrieve.evidence.score_document``: every window
ranked, the best scored), so the fitted probabilities are what a check computes. Two plain logistic
regressions (numpy, L2 on standardised features):

1. P(supported) from the named features (``--features``), each dataset weighing the same and labels at
   their natural share (so the probability stays calibrated); the threshold maximises the mean over
   datasets of balanced accuracy;
2. P(contradicted | not supported), fitted on the dev pairs with a three-way label that are not
   supported (WiCE, ContractNLI); it splits the rest of the probability (``evidence.three_way``).

Figures, all printed: out-of-fold (``--folds`` folds by document: each pair scored by fits and a
threshold that never saw its document) — the honest ones; the earlier protocol (fit on the first
``--fit-first`` pairs of each file, score the rest); leave-one-dataset-out; in-sample. ``--write`` stores
the fit on every dev pair, with those figures, in the shipped config.json (``combiner``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from onrecord.bench import balanced_accuracy, read_pairs, roc_auc
from onrecord.bench import expected_calibration_error as ece
from onrecord.retrieve.evidence import IndexCache, score_document
from onrecord.runtime.embedder import shared_embedder
from onrecord.runtime.model import DEFAULT_MODEL_DIR, LABELS, shared_model

SUPPORT_FEATURES = ["similarity", "coverage", "logit_supported", "p_contradicted", "second_similarity",
                    "log_windows", "absent_numbers", "absent_names", "negation_unmatched"]
SPLIT_FEATURES = ["similarity", "coverage", "logit_contradicted", "p_supported"]


@dataclass
class Pool:
    """Every dev pair's named features, labels, dataset and position in its file."""

    names: list[str]
    X: np.ndarray
    y: np.ndarray
    y3: np.ndarray
    ds: np.ndarray
    pos: np.ndarray

    def cols(self, names: list[str]) -> np.ndarray:
        return self.X[:, [self.names.index(n) for n in names]]


def compute_pool(paths: list[Path], model_dir: Path) -> Pool:
    model, emb = shared_model(model_dir), shared_embedder()
    cache = IndexCache(emb)
    rows_X, y, y3, ds, pos = [], [], [], [], []
    names: list[str] = []
    t0 = time.time()
    for path in paths:
        rows = read_pairs([path])
        for i, r in enumerate(rows):
            named = score_document(model, r["doc"], r["claim"], emb, cache).features.named()
            names = list(named)
            rows_X.append([named[n] for n in names])
            y.append(int(r["label"]))
            y3.append(r.get("label3", ""))
            ds.append(r["dataset"])
            pos.append(i)
        print(f"{path.name}: {len(rows)} pairs, {time.time() - t0:.0f} s", flush=True)
    return Pool(names, np.array(rows_X), np.array(y), np.array(y3), np.array(ds), np.array(pos))


def load_pool(cache: Path, paths: list[Path], model_dir: Path) -> Pool:
    if cache.is_file():
        z = np.load(cache, allow_pickle=False)
        return Pool(list(z["names"]), z["X"], z["y"], z["y3"], z["ds"], z["pos"])
    pool = compute_pool(paths, model_dir)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, names=np.array(pool.names), X=pool.X, y=pool.y, y3=pool.y3, ds=pool.ds, pos=pool.pos)
    return pool


def doc_groups(paths: list[Path], folds: int) -> np.ndarray:
    """A fold for every pair, by its document (ContractNLI asks 17 questions of each NDA; FRANK and SummaC
    judge several summaries of one article), so no document is on both sides of a cross-fit."""
    out = []
    for r in read_pairs(paths):
        h = hashlib.sha1(" ".join(r["doc"].split()).lower().encode("utf-8")).digest()
        out.append(h[0] % folds)
    return np.array(out)


@dataclass
class Fitted:
    coef: np.ndarray
    bias: float
    threshold: float
    s_coef: np.ndarray
    s_bias: float
    split_pairs: int

    def predict(self, X: np.ndarray, Xs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return sigmoid(X, self.coef, self.bias), sigmoid(Xs, self.s_coef, self.s_bias)


def fit_both(pool: Pool, rows: np.ndarray, features: list[str], l2: float) -> Fitted:
    """The support fit and the contradicted/unsupported split, on the pairs selected by ``rows``."""
    X, Xs = pool.cols(features), pool.cols(SPLIT_FEATURES)
    coef, bias = fit_logistic(X[rows], pool.y[rows], sample_weights(pool.ds[rows]), l2)
    thr = best_threshold(sigmoid(X[rows], coef, bias), pool.y[rows], pool.ds[rows])
    neg3 = rows & (pool.y == 0) & np.isin(pool.y3, [LABELS[1], LABELS[2]])
    s_coef, s_bias = fit_logistic(Xs[neg3], (pool.y3[neg3] == LABELS[1]).astype(float), np.ones(int(neg3.sum())), l2)
    return Fitted(coef, bias, thr, s_coef, s_bias, int(neg3.sum()))


def fit_logistic(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1e-4, steps: int = 20000
                 ) -> tuple[np.ndarray, float]:
    # Standardise for a well-conditioned descent, then fold the scaling back into the weights.
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-9
    Z = (X - mu) / sd
    coef, bias = np.zeros(X.shape[1]), 0.0
    lr = 1.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ coef + bias)))
        g = (p - y) * w
        coef -= lr * (Z.T @ g / w.sum() + l2 * coef)
        bias -= lr * g.sum() / w.sum()
    return coef / sd, float(bias - (coef / sd) @ mu)


def sigmoid(X: np.ndarray, coef: np.ndarray, bias: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(X @ coef + bias)))


def sample_weights(ds: np.ndarray) -> np.ndarray:
    """Each dataset counts the same; labels keep their natural share, so the fitted probability stays
    calibrated (a label-balanced fit would move it). The threshold, tuned afterwards for balanced
    accuracy, takes care of the label imbalance."""
    w = np.zeros(len(ds))
    for d in np.unique(ds):
        sel = ds == d
        w[sel] = 1.0 / sel.sum()
    return w / w.mean()


def best_threshold(p: np.ndarray, y: np.ndarray, ds: np.ndarray) -> float:
    grid = np.linspace(0.05, 0.95, 91)
    scores = [np.mean([balanced_accuracy(y[ds == d], (p[ds == d] >= t).astype(int)) for d in np.unique(ds)])
              for t in grid]
    return float(grid[int(np.argmax(scores))])


def three_way_labels(p_sup: np.ndarray, q: np.ndarray, thr: float) -> np.ndarray:
    """Supported at the threshold; otherwise whichever of contradicted / unsupported is likelier."""
    p_con, p_uns = (1 - p_sup) * q, (1 - p_sup) * (1 - q)
    return np.where(p_sup >= thr, LABELS[0], np.where(p_con >= p_uns, LABELS[1], LABELS[2]))


def top_label_ece(p: np.ndarray, q: np.ndarray, y3: np.ndarray) -> float:
    """ECE of the three-way probabilities' top label, on the pairs that have a three-way label."""
    has = y3 != ""
    probs = np.stack([p, (1 - p) * q, (1 - p) * (1 - q)], axis=1)[has]
    top = probs.argmax(axis=1)
    hit = (np.array(LABELS)[top] == y3[has]).astype(float)
    return ece(probs.max(axis=1), hit)


def report(p: np.ndarray, y: np.ndarray, ds: np.ndarray, pred3: np.ndarray, y3: np.ndarray) -> dict:
    """Per dataset: balanced accuracy of the supported decision in ``pred3`` (which may come from thresholds
    that differ by fold), ROC-AUC of ``p``, three-way accuracy where the data has it; and the ECE of ``p``."""
    out: dict = {}
    hit = (pred3 == LABELS[0]).astype(int)
    for d in np.unique(ds):
        sel = ds == d
        row = {"n": int(sel.sum()), "balanced_accuracy": round(balanced_accuracy(y[sel], hit[sel]), 4),
               "roc_auc": round(roc_auc(y[sel], p[sel]), 4)}
        if (y3[sel] != "").all():
            row["accuracy3"] = round(float((pred3[sel] == y3[sel]).mean()), 4)
        out[str(d)] = row
    out["mean_balanced_accuracy"] = round(float(np.mean([v["balanced_accuracy"] for v in out.values()])), 4)
    out["ece"] = round(ece(p, y), 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--folds", type=int, default=5, help="cross-fitting folds (by document) for the figures")
    ap.add_argument("--fit-first", type=int, default=150,
                    help="also report the earlier protocol: fit on the first N pairs of each file, score the rest")
    ap.add_argument("--features", nargs="+", default=SUPPORT_FEATURES)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--write", action="store_true", help="store the fit on every pair in config.json")
    ap.add_argument("--cache", type=Path, default=Path("training/work/combiner_pool.npz"),
                    help="features of every pair (delete it after changing the model or onrecord.retrieve.evidence)")
    ap.add_argument("--model-dir", type=Path, default=DEFAULT_MODEL_DIR, help="the model to fit for (and write into)")
    args = ap.parse_args()
    pool = load_pool(args.cache, args.files, args.model_dir)
    X, Xs = pool.cols(args.features), pool.cols(SPLIT_FEATURES)
    everything = np.ones(len(pool.y), dtype=bool)

    # Out-of-fold: every pair scored by a fit (and a threshold) that never saw its document.
    fold = doc_groups(args.files, args.folds)
    p_oof, q_oof, pred_oof = np.zeros(len(pool.y)), np.zeros(len(pool.y)), np.empty(len(pool.y), dtype=object)
    for k in range(args.folds):
        f = fit_both(pool, fold != k, args.features, args.l2)
        sel = fold == k
        p_oof[sel], q_oof[sel] = f.predict(X[sel], Xs[sel])
        pred_oof[sel] = three_way_labels(p_oof[sel], q_oof[sel], f.threshold)
    oof = report(p_oof, pool.y, pool.ds, pred_oof.astype(str), pool.y3)
    oof["ece_three_way_top_label"] = round(top_label_ece(p_oof, q_oof, pool.y3), 4)
    print(f"out-of-fold ({args.folds} folds by document):", json.dumps(oof))

    first = pool.pos < args.fit_first
    f150 = fit_both(pool, first, args.features, args.l2)
    p1, q1 = f150.predict(X, Xs)
    rest = ~first
    held = report(p1[rest], pool.y[rest], pool.ds[rest], three_way_labels(p1[rest], q1[rest], f150.threshold),
                  pool.y3[rest])
    print(f"fit on the first {args.fit_first} of each file, scored on the rest:", json.dumps(held))

    final = fit_both(pool, everything, args.features, args.l2)
    p, q = final.predict(X, Xs)
    insample = report(p, pool.y, pool.ds, three_way_labels(p, q, final.threshold), pool.y3)
    insample["ece_three_way_top_label"] = round(top_label_ece(p, q, pool.y3), 4)
    print("support features", args.features, "weights", final.coef.round(3), "bias", round(final.bias, 3),
          "threshold", final.threshold)
    print("split features", SPLIT_FEATURES, "weights", final.s_coef.round(3), "bias", round(final.s_bias, 3))
    print("in-sample (fit on every pair):", json.dumps(insample))
    model_p = pool.cols(["p_supported"])[:, 0]
    m_thr = best_threshold(model_p, pool.y, pool.ds)
    q_model = pool.cols(["p_contradicted"])[:, 0] / np.clip(1 - model_p, 1e-9, None)
    model_rep = report(model_p, pool.y, pool.ds, three_way_labels(model_p, q_model, m_thr), pool.y3)
    print("model alone (threshold in-sample):", json.dumps(model_rep))
    lodo = {}
    for d in np.unique(pool.ds):
        f = fit_both(pool, pool.ds != d, args.features, args.l2)
        out = pool.ds == d
        pd_, _ = f.predict(X[out], Xs[out])
        lodo[str(d)] = round(balanced_accuracy(pool.y[out], (pd_ >= f.threshold).astype(int)), 4)
    print("leave-one-dataset-out balanced accuracy:", json.dumps(lodo))
    if args.write:
        cfg_path = args.model_dir / "config.json"
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        cfg["combiner"] = {
            "features": list(args.features),
            "weights": [round(float(v), 6) for v in final.coef], "bias": round(float(final.bias), 6),
            "threshold": round(final.threshold, 4),
            "contradiction": {"features": SPLIT_FEATURES, "weights": [round(float(v), 6) for v in final.s_coef],
                              "bias": round(float(final.s_bias), 6), "fitted_on_pairs": final.split_pairs},
            "l2": args.l2, "pairs": int(len(pool.y)), "fitted_on": sorted({str(d) for d in pool.ds}),
            "dev_out_of_fold": oof, "folds": args.folds,
            "dev_fit_first": {"n": args.fit_first, "held_out": held},
            "dev_in_sample": insample, "leave_one_dataset_out": lodo,
        }
        cfg_path.write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")
        print(f"wrote combiner into {cfg_path}")


if __name__ == "__main__":
    main()
