"""Accuracy and speed benchmarks of the grounding model (figures, not pass/fail tests).

``bench_pairs`` reads pairs files in the LLM-AggreFact convention (one JSON object a line:
``{"dataset", "doc", "claim", "label": 1|0, "label3"?}``), scores each pair the way a check does
(``onrecord.retrieve.evidence.score_document``) and reports, per dataset, balanced accuracy at the shipped threshold
and ROC-AUC of P(supported) (plus three-way accuracy where ``label3`` is given).

``bench_speed`` times the ONNX session on synthetic pairs of exactly N tokens.

Both are pure numpy at run time (no scikit-learn): the metric functions below are small enough to own.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from onrecord.errors import Errors
from onrecord.runtime.model import LABELS, GroundingModel

# Pairs between progress lines: a line every few seconds at the product's 5–15 pairs/s.
PROGRESS_EVERY = 50

__all__ = [
    "DatasetScore",
    "PairsBench",
    "SpeedBench",
    "balanced_accuracy",
    "bench_pairs",
    "bench_speed",
    "expected_calibration_error",
    "read_pairs",
    "write_partial",
    "roc_auc",
]

# ------------------------------------------------------------------ metrics


def roc_auc(y_true: Iterable[int], score: Iterable[float]) -> float:
    """Area under the ROC curve (Mann-Whitney U with average ranks for ties). NaN if one class is absent."""
    y = np.asarray(list(y_true), dtype=np.int64)
    s = np.asarray(list(score), dtype=np.float64)
    n_pos = int((y == 1).sum())
    n_neg = int((y == 0).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s), dtype=np.float64)
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    u = ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def balanced_accuracy(y_true: Iterable[int], y_pred: Iterable[int]) -> float:
    """Mean of the recall of each class present in ``y_true`` (binary labels 1/0)."""
    y = np.asarray(list(y_true), dtype=np.int64)
    p = np.asarray(list(y_pred), dtype=np.int64)
    recalls = [float((p[y == c] == c).mean()) for c in (0, 1) if (y == c).any()]
    return float(np.mean(recalls)) if recalls else float("nan")


def expected_calibration_error(p: Iterable[float], y: Iterable[int], bins: int = 15) -> float:
    """ECE of probabilities ``p`` against binary outcomes ``y``: equal-width bins, each weighted by its share."""
    pa = np.asarray(list(p), dtype=np.float64)
    ya = np.asarray(list(y), dtype=np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(pa, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        sel = idx == b
        if sel.any():
            total += sel.mean() * abs(pa[sel].mean() - ya[sel].mean())
    return float(total)


# ------------------------------------------------------------------ bench pairs


def _num(x: float) -> float | None:
    """Rounded for the report; NaN (a metric undefined on one-class data) becomes null, valid JSON."""
    return None if x != x else round(float(x), 4)


@dataclass(frozen=True)
class DatasetScore:
    n: int
    balanced_accuracy: float
    roc_auc: float
    accuracy3: float | None = None
    """Three-way accuracy over the pairs that have a ``label3`` (None when none has)."""
    n3: int = 0
    """How many pairs ``accuracy3`` is computed on."""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "n": self.n,
            "balanced_accuracy": _num(self.balanced_accuracy),
            "roc_auc": _num(self.roc_auc),
        }
        if self.accuracy3 is not None:
            d["accuracy3"] = round(self.accuracy3, 4)
            if self.n3 != self.n:  # a mixed file: say how many pairs the three-way figure covers
                d["n3"] = self.n3
        return d


@dataclass(frozen=True)
class PairsBench:
    datasets: dict[str, DatasetScore]
    mean_balanced_accuracy: float
    threshold: float = field(default=0.5, compare=False)
    scorer: str = field(default="evidence.score_document", compare=False)
    """What scored the pairs: ``onrecord.retrieve.evidence.score_document``, the check's own path."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "datasets": {k: v.to_dict() for k, v in self.datasets.items()},
            "mean_balanced_accuracy": _num(self.mean_balanced_accuracy),
        }


def read_pairs(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Every pair of the JSONL files; a missing file or a bad line is a one-line ``InputError``."""
    rows: list[dict[str, Any]] = []
    for path in paths:
        name = str(path)
        try:
            with Path(path).open(encoding="utf-8") as fh:
                for ln, line in enumerate(fh, 1):
                    if line.strip():
                        rows.append(_pair(line, name, ln, Path(path).stem))
        except FileNotFoundError:
            raise Errors.E110.error(name=name) from None
        except PermissionError:
            raise Errors.E111.error(name=name) from None
        except IsADirectoryError:
            raise Errors.E113.error(name=name) from None
        except UnicodeDecodeError as e:
            raise Errors.E208.error(name=name, line="?", reason=f"not valid UTF-8 ({e.reason})") from None
    return rows


def _pair(line: str, name: str, ln: int, dataset: str) -> dict[str, Any]:
    try:
        r = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as e:
        raise Errors.E208.error(name=name, line=ln, reason=f"not valid JSON ({str(e)[:80]})") from None
    if not isinstance(r, dict):
        raise Errors.E208.error(name=name, line=ln, reason="a pair must be a JSON object")
    for key in ("doc", "claim", "label"):
        if key not in r:
            raise Errors.E208.error(name=name, line=ln, reason=f"pair has no {key!r}")
    r.setdefault("dataset", dataset)
    return r


def _accuracy3(rows: list[dict[str, Any]], s: np.ndarray, probs3: np.ndarray, threshold: float) -> tuple[float | None, int]:
    """Three-way accuracy over the rows that have a real ``label3``, and how many they are.

    Rows without ``label3`` (binary data) are left out, not counted wrong; None when no row has one.
    """
    keep = [k for k, r in enumerate(rows) if r.get("label3") in LABELS]
    if not keep:
        return None, 0
    pred = [LABELS[0] if s[k] >= threshold else (LABELS[1] if probs3[k, 1] >= probs3[k, 2] else LABELS[2])
            for k in keep]
    return float(np.mean([p == rows[k]["label3"] for p, k in zip(pred, keep, strict=True)])), len(keep)


def _score_dataset(rows: list[dict[str, Any]], model: GroundingModel, threshold: float, cache: Any,
                   progress: Callable[[int, int], None] | None = None) -> DatasetScore:
    from onrecord.retrieve.evidence import score_document

    results = []
    for k, r in enumerate(rows):
        results.append(score_document(model, r["doc"], r["claim"], cache=cache))
        if progress is not None:
            progress(k + 1, len(rows))
    s = np.array([res.p_supported for res in results])
    # Three-way: the calibrated split when a combiner is shipped, else the model's own probabilities.
    probs3 = np.asarray([res.probs3 if res.probs3 is not None else res.probs for res in results], dtype=np.float64)
    y = np.array([int(r["label"]) for r in rows])
    acc3, n3 = _accuracy3(rows, s, probs3, threshold)
    return DatasetScore(n=len(rows), balanced_accuracy=balanced_accuracy(y, (s >= threshold).astype(int)),
                        roc_auc=roc_auc(y, s), accuracy3=acc3, n3=n3)


def bench_pairs(paths: list[Path], model: GroundingModel, progress: Callable[[str], None] | None = None,
                on_dataset: Callable[[PairsBench], None] | None = None) -> PairsBench:
    """Score every pair in ``paths`` the way a check does and report per dataset (``dataset`` of each line).

    Each pair goes through ``onrecord.retrieve.evidence.score_document`` (every window ranked, the best scored,
    the shipped combiner when there is one), so the figures are those of what onrecord ships.
    Datasets are scored one after another: ``progress`` gets a line now and then (pairs done, rate), and
    ``on_dataset`` gets the results so far each time a dataset is finished, so a long run is never
    all-or-nothing (``onrecord bench pairs --output``).
    """
    from onrecord.retrieve.evidence import IndexCache
    from onrecord.runtime.embedder import shared_embedder

    rows = read_pairs(paths)
    combiner = model.config.raw.get("combiner")
    # The combined P(supported) has its own shipped threshold; the model's alone, the model's.
    threshold = float(combiner["threshold"]) if combiner else model.config.threshold
    cache = IndexCache(shared_embedder())  # pairs share documents: each is indexed once per run
    by: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by.setdefault(str(r["dataset"]), []).append(r)
    scores: dict[str, DatasetScore] = {}
    t0 = time.perf_counter()
    done = [0]

    def tick(name: str) -> Callable[[int, int], None]:
        def report(k: int, n: int) -> None:
            done[0] += 1
            if progress is not None and (k == n or k % PROGRESS_EVERY == 0):
                rate = done[0] / max(time.perf_counter() - t0, 1e-9)
                progress(f"{name}: {k}/{n} pairs; all sets {done[0]}/{len(rows)}, {rate:.1f} pairs/s")
        return report

    for name, part in by.items():
        scores[name] = _score_dataset(part, model, threshold, cache, tick(name))
        if on_dataset is not None:
            on_dataset(_summary(scores, threshold))
    return _summary(scores, threshold)


def _summary(scores: dict[str, DatasetScore], threshold: float) -> PairsBench:
    mean = float(np.mean([v.balanced_accuracy for v in scores.values()])) if scores else float("nan")
    return PairsBench(datasets=dict(scores), mean_balanced_accuracy=mean, threshold=threshold,
                      scorer="evidence.score_document")


def write_partial(path: Path) -> Callable[[PairsBench], None]:
    """An ``on_dataset`` callback that rewrites ``path`` (JSON, atomically) with the results so far."""
    import os

    def write(result: PairsBench) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(result.to_dict(), indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)

    return write


# ------------------------------------------------------------------ bench speed


@dataclass(frozen=True)
class SpeedBench:
    cpu: dict[int, float]
    """pairs per second by sequence length (tokens), on the CPU provider."""
    gpu: dict[int, float] | None = None
    batch_size: int = 32

    def to_dict(self) -> dict[str, Any]:
        def fmt(d: dict[int, float]) -> dict[str, dict[str, float]]:
            return {str(k): {"pairs_per_s": round(v, 1)} for k, v in d.items()}

        return {"cpu": fmt(self.cpu), "gpu": fmt(self.gpu) if self.gpu is not None else None}


def _time_session(model: GroundingModel, length: int, batch_size: int, seconds: float) -> float:
    """Pairs/s of the ONNX session alone on (batch_size, length) inputs: [CLS] evidence [SEP] claim [SEP]."""
    rng = np.random.default_rng(0)
    vocab = model.tokenizer.get_vocab_size()
    ids = rng.integers(1000, vocab, size=(batch_size, length), dtype=np.int64)
    cls_id = model.tokenizer.token_to_id("[CLS]")
    sep_id = model.tokenizer.token_to_id("[SEP]")
    split = length - max(2, length // 8)
    if cls_id is not None and sep_id is not None:
        ids[:, 0] = cls_id
        ids[:, split - 1] = sep_id
        ids[:, -1] = sep_id
    types = np.zeros_like(ids)
    types[:, split:] = 1
    feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": types}
    feeds = {k: v for k, v in feeds.items() if k in model.input_names}
    model.session.run(None, feeds)  # warm-up
    n, t0 = 0, time.perf_counter()
    while True:
        model.session.run(None, feeds)
        n += batch_size
        dt = time.perf_counter() - t0
        if dt >= seconds:
            return n / dt


def bench_speed(
    model: GroundingModel,
    lengths: tuple[int, ...] = (128, 256, 512),
    batch_size: int = 32,
    seconds: float = 10.0,
) -> SpeedBench:
    """Throughput in pairs/s at each length (exactly that many tokens a pair, batch ``batch_size``).

    Times the ONNX session only (tokenisation excluded), so 512 works even though the shipped
    ``max_length`` truncates inputs to 256. The GPU is measured only when ONNX Runtime has a CUDA provider.
    """
    cpu_model = model if model.device == "cpu" else GroundingModel(model.model_dir, device="cpu")
    cpu = {n: _time_session(cpu_model, n, batch_size, seconds) for n in lengths}
    gpu = None
    import onnxruntime as ort

    if "CUDAExecutionProvider" in ort.get_available_providers():
        gpu_model = model if model.device == "gpu" else GroundingModel(model.model_dir, device="gpu")
        gpu = {n: _time_session(gpu_model, n, batch_size, seconds) for n in lengths}
    return SpeedBench(cpu=cpu, gpu=gpu, batch_size=batch_size)
