"""Batched vs one-at-a-time inference on the casebook's sentences and (passage, claim) pairs: how far a
vector or a pair's logits move with their batch-mates, and what reading each input alone costs.

    ONRECORD_SHARED=../shared .venv/bin/python bench/batch_dependence.py
"""

from __future__ import annotations

import glob
import os
import time

import numpy as np
import yaml

from onrecord.runtime.embedder import Embedder
from onrecord.runtime.model import GroundingModel
from onrecord.text.segment import sentences


def _inputs() -> tuple[list[str], list[tuple[str, str]]]:
    paths = sorted(glob.glob(os.environ.get("ONRECORD_SHARED", "../shared") + "/cases/*.yaml"))
    sents: list[str] = []
    pairs: list[tuple[str, str]] = []
    for path in paths + sorted(glob.glob("bench/cases/*.yaml")):
        case = yaml.safe_load(open(path, encoding="utf-8"))
        claims = [s.text_of(case["text"]) for s in sentences(case["text"])]
        for src in case["sources"]:
            found = [s.text_of(src["text"]) for s in sentences(src["text"])]
            sents += found
            pairs += [(" ".join(found[:4]), c) for c in claims]
    return list(dict.fromkeys(sents)), pairs[:150]


def _padded(encs: list, type_ids: bool = False) -> dict[str, np.ndarray]:
    width = max(len(e.ids) for e in encs)
    feeds = {k: np.zeros((len(encs), width), np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
    for r, e in enumerate(encs):
        feeds["input_ids"][r, : len(e.ids)] = e.ids
        feeds["attention_mask"][r, : len(e.ids)] = 1
        if type_ids:
            feeds["token_type_ids"][r, : len(e.ids)] = e.type_ids
    return feeds


def embed_batched(emb: Embedder, texts: list[str], size: int = 64) -> np.ndarray:
    """The former way: batches of 64 sorted by length, padded, mean pooled over the mask."""
    order, out = sorted(texts, key=len), {}
    for b in range(0, len(order), size):
        batch = order[b : b + size]
        feeds = _padded(emb.tokenizer.encode_batch(batch))
        hidden = emb.session.run(None, feeds)[0]
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(1) / mask.sum(1)
        out.update(zip(batch, pooled / np.linalg.norm(pooled, axis=1, keepdims=True), strict=True))
    return np.stack([out[t] for t in texts])


def logits_batched(model: GroundingModel, pairs: list[tuple[str, str]], size: int = 32) -> np.ndarray:
    """The former way: batches of 32 pairs sorted by length, padded."""
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    out = np.zeros((len(pairs), 3), np.float32)
    for b in range(0, len(order), size):
        idx = order[b : b + size]
        feeds = _padded(model.tokenizer.encode_batch([pairs[i] for i in idx]), type_ids=True)
        feeds = {k: v for k, v in feeds.items() if k in model.input_names}
        out[idx] = model.session.run(None, feeds)[0][:, model._order]
    return out


def _timed(fn, *args) -> tuple[float, np.ndarray]:
    t = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t, out


def main() -> None:
    sents, pairs = _inputs()
    emb, model = Embedder(cache_size=0), GroundingModel()
    times: dict[str, list[float]] = {"embed batched": [], "embed alone": [], "pairs batched": [], "pairs alone": []}
    for _ in range(3):
        for name, fn, arg in (("embed batched", lambda x: embed_batched(emb, x), sents), ("embed alone", emb.encode, sents),
                              ("pairs batched", lambda x: logits_batched(model, x), pairs),
                              ("pairs alone", model.logits, pairs)):
            dt, out = _timed(fn, arg)
            times[name].append(dt)
            if name == "embed batched":
                vb = out
            elif name == "embed alone":
                va = out
            elif name == "pairs batched":
                lb = out
            else:
                la = out
    cos = (va * vb).sum(1)
    print(f"{len(sents)} sentences, {len(pairs)} pairs")
    print(f"embedding cosine alone vs batched: min {cos.min():.4f}, median {np.median(cos):.4f}, "
          f"identical {int((va == vb).all(1).sum())}/{len(sents)}")
    diff = np.abs(la - lb).max(1)
    print(f"grounding logits alone vs batched: max abs diff {diff.max():.3f}, median {np.median(diff):.3f}")
    for name, runs in times.items():
        print(f"{name}: median {sorted(runs)[1]:.2f} s (runs {', '.join(f'{x:.2f}' for x in runs)})")


if __name__ == "__main__":
    main()
