"""Accuracy and speed benchmarks of the grounding model (figures, not pass/fail tests).

``bench_pairs`` reads pairs files in the LLM-AggreFact convention (one JSON object a line:
``{"dataset", "doc", "claim", "label": 1|0, "label3"?}``) and reports, per dataset, balanced accuracy at the
model's shipped threshold and ROC-AUC of P(supported) (plus three-way accuracy where ``label3`` is given).

``bench_speed`` times the ONNX session on synthetic pairs of exactly N tokens.

Both are pure numpy at run time (no scikit-learn): the metric functions below are small enough to own.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .model import LABELS, GroundingModel

__all__ = [
    "DatasetScore",
    "PairsBench",
    "SpeedBench",
    "balanced_accuracy",
    "bench_pairs",
    "bench_speed",
    "doc_scores",
    "read_pairs",
    "roc_auc",
    "window_pairs",
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


# ------------------------------------------------------------------ windowing (fallback scorer)

_SENT = re.compile(r"(?<=[.!?;:])[\"')\]]*\s+|\n+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-\.]*")
_STOP = set(
    "a an the of to in on at for by with from and or but is are was were be been being has have had "
    "do does did it its this that these those as not no he she they them his her their we our you your "
    "i me my who which "
    "what when where how than then there here also into over after before about up out if so such can will "
    "would should could may might must said says".split()
)


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENT.split(text)]
    return [p for p in parts if p]


def _words(text: str) -> set[str]:
    return {w.lower().strip(".'-") for w in _WORD.findall(text)} - _STOP - {""}


def window_pairs(model: GroundingModel, doc: str, claim: str, max_windows: int | None = None) -> list[str]:
    """Evidence windows for one claim: consecutive sentences packed to the token budget, covering ALL of
    ``doc`` (one sentence of overlap between neighbours), plus one window built from the sentences that best
    cover the claim's words.

    With ``max_windows`` only that many windows are kept, ranked by how many of the claim's words they
    hold (the cover window always first): a faster, approximate mode for model selection, not for reporting.
    """
    budget = max(32, model.config.max_length - model.count_tokens(claim) - 3)
    sents = _sentences(doc) or [doc]
    toks = model.tokenizer.encode_batch(sents, add_special_tokens=False)
    pieces: list[tuple[str, int]] = []
    for s, enc in zip(sents, toks, strict=True):
        n = len(enc.ids)
        if n <= budget:
            pieces.append((s, n))
            continue
        # A "sentence" longer than a window (a table, a list without stops): cut it on token offsets.
        offs = enc.offsets
        for b in range(0, n, budget):
            chunk = offs[b : b + budget]
            pieces.append((s[chunk[0][0] : chunk[-1][1]], len(chunk)))
    windows: list[str] = []
    i = 0
    while i < len(pieces):
        j, used = i, 0
        while j < len(pieces) and used + pieces[j][1] <= budget:
            used += pieces[j][1]
            j += 1
        j = max(j, i + 1)
        windows.append(" ".join(p for p, _ in pieces[i:j]))
        if j >= len(pieces):
            break
        i = j - 1 if j - 1 > i else j
    if len(windows) <= 1:
        return windows
    # The cover window: greedy set cover of the claim's words, then neighbours, in document order.
    need = _words(claim)
    pw = [_words(p) for p, _ in pieces]
    chosen: set[int] = set()
    used = 0
    while need:
        best, gain = -1, 0
        for k, w in enumerate(pw):
            if k not in chosen and len(need & w) > gain:
                best, gain = k, len(need & w)
        if best < 0 or used + pieces[best][1] > budget:
            break
        chosen.add(best)
        used += pieces[best][1]
        need -= pw[best]
    grew = True
    while grew and chosen:
        grew = False
        for k in sorted(chosen):
            for m in (k - 1, k + 1):
                if 0 <= m < len(pieces) and m not in chosen and used + pieces[m][1] <= budget:
                    chosen.add(m)
                    used += pieces[m][1]
                    grew = True
    cover = " ".join(pieces[k][0] for k in sorted(chosen))
    out = ([cover] if cover else []) + windows
    if max_windows is not None:
        cw = _words(claim)
        rest = sorted(windows, key=lambda w: -len(cw & _words(w)))
        out = ([cover] if cover else []) + rest
        out = out[:max_windows]
    return out


def doc_scores(
    model: GroundingModel,
    pairs: list[tuple[str, str]],
    max_windows: int | None = None,
    batch_size: int = 32,
    logits_out: list[np.ndarray] | None = None,
) -> np.ndarray:
    """(n, 3) document-level probabilities for (doc, claim) pairs with the fallback windowing.

    P(supported) is the best window's; P(contradicted) is the highest of any window, capped so the three
    sum to one; P(unsupported) is the rest ("evidence anywhere counts; unsupported means nowhere").
    If ``logits_out`` is a list, each pair's raw window logits (k, 3) are appended to it (for calibration).
    """
    flat: list[tuple[str, str]] = []
    owner: list[int] = []
    for n, (doc, claim) in enumerate(pairs):
        for w in window_pairs(model, doc, claim, max_windows):
            flat.append((w, claim))
            owner.append(n)
    z = model.logits(flat, batch_size=batch_size)
    zt = z / model.config.temperature
    zt = zt - zt.max(axis=1, keepdims=True)
    p = np.exp(zt)
    p /= p.sum(axis=1, keepdims=True)
    own = np.asarray(owner)
    out = np.zeros((len(pairs), 3), dtype=np.float64)
    for n in range(len(pairs)):
        sel = own == n
        if not sel.any():
            out[n] = (0.0, 0.0, 1.0)
            continue
        if logits_out is not None:
            logits_out.append(z[sel])
        ps = float(p[sel, 0].max())
        pc = min(float(p[sel, 1].max()), 1.0 - ps)
        out[n] = (ps, pc, 1.0 - ps - pc)
    return out


def _external_scorer() -> Callable[[GroundingModel, str, str], Any] | None:
    try:
        from . import evidence  # the product's own evidence assembly, when present
    except ImportError:
        return None
    return getattr(evidence, "score_document", None)


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
    """Three-way accuracy, only for data with ``label3``."""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "n": self.n,
            "balanced_accuracy": _num(self.balanced_accuracy),
            "roc_auc": _num(self.roc_auc),
        }
        if self.accuracy3 is not None:
            d["accuracy3"] = round(self.accuracy3, 4)
        return d


@dataclass(frozen=True)
class PairsBench:
    datasets: dict[str, DatasetScore]
    mean_balanced_accuracy: float
    threshold: float = field(default=0.5, compare=False)
    scorer: str = field(default="fallback", compare=False)
    """"evidence.score_document" or "fallback" (bench's own windows over all the text)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "datasets": {k: v.to_dict() for k, v in self.datasets.items()},
            "mean_balanced_accuracy": _num(self.mean_balanced_accuracy),
        }


def read_pairs(paths: Iterable[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                r = json.loads(line)
                for key in ("doc", "claim", "label"):
                    if key not in r:
                        raise ValueError(f"{path}:{ln}: pair has no {key!r}")
                r.setdefault("dataset", Path(path).stem)
                rows.append(r)
    return rows


def bench_pairs(
    paths: list[Path],
    model: GroundingModel,
    max_windows: int | None = None,
    use_external: bool = True,
) -> PairsBench:
    """Score every pair in ``paths`` and report per dataset (the ``dataset`` field of each line).

    Uses ``onrecord.evidence.score_document`` when it exists (``use_external``), else the fallback windows
    of :func:`window_pairs` over all the document. ``max_windows`` (fallback only) trades coverage for speed.
    """
    rows = read_pairs(paths)
    threshold = model.config.threshold
    external = _external_scorer() if use_external and max_windows is None else None
    combiner = model.config.raw.get("combiner")
    if external is not None and combiner:
        # score_document then gives the combined P(supported): its own shipped threshold applies.
        threshold = float(combiner["threshold"])
    probs3 = None
    if external is not None:
        results = [external(model, r["doc"], r["claim"]) for r in rows]
        ps = np.array([float(res.p_supported) for res in results])
        if any("label3" in r for r in rows):
            # The external scorer's three probabilities when it gives them (its best window's), else ours.
            probs = [getattr(res, "probs", None) for res in results]
            if all(p is not None and len(p) == 3 for p in probs):
                probs3 = np.asarray(probs, dtype=np.float64)
            else:
                probs3 = doc_scores(model, [(r["doc"], r["claim"]) for r in rows], max_windows)
    else:
        probs3 = doc_scores(model, [(r["doc"], r["claim"]) for r in rows], max_windows)
        ps = probs3[:, 0]
    by: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by.setdefault(str(r["dataset"]), []).append(i)
    scores: dict[str, DatasetScore] = {}
    for name, idx in by.items():
        y = np.array([int(rows[i]["label"]) for i in idx])
        s = ps[idx]
        acc3 = None
        if probs3 is not None and all("label3" in rows[i] for i in idx):
            pred = [
                LABELS[0] if s[k] >= threshold else (LABELS[1] if probs3[i, 1] >= probs3[i, 2] else LABELS[2])
                for k, i in enumerate(idx)
            ]
            acc3 = float(np.mean([p == rows[i]["label3"] for p, i in zip(pred, idx, strict=True)]))
        scores[name] = DatasetScore(
            n=len(idx),
            balanced_accuracy=balanced_accuracy(y, (s >= threshold).astype(int)),
            roc_auc=roc_auc(y, s),
            accuracy3=acc3,
        )
    mean = float(np.mean([v.balanced_accuracy for v in scores.values()])) if scores else float("nan")
    return PairsBench(
        datasets=scores,
        mean_balanced_accuracy=mean,
        threshold=threshold,
        scorer="evidence.score_document" if external is not None else "fallback",
    )


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
