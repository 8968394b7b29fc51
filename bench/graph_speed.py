"""Pairs per second of several ONNX graphs of the grounding model, timed in turn on the same inputs.

Each graph runs ``--seconds`` at a time, in rounds (A B C A B C ...), so a slower moment of a shared CPU
falls on all of them; the median of the rounds is reported. Batch 32, random token ids at each length,
2 threads (the session options of ``onrecord.runtime.model``).

    python bench/graph_speed.py int8=training/work/export_run7/model.onnx \\
        blockwise=training/work/speed/run7_nb8_128.onnx fp32=training/work/run7_best/onnx/model.fp32.onnx
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import onnxruntime as ort


def _session(path: str, threads: int) -> ort.InferenceSession:
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])


def _feeds(length: int, batch: int) -> dict[str, np.ndarray]:
    ids = np.random.default_rng(0).integers(1000, 30000, size=(batch, length)).astype(np.int64)
    ids[:, 0], ids[:, -1] = 101, 102  # [CLS] ... [SEP]
    return {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}


def _rate(sess: ort.InferenceSession, feeds: dict[str, np.ndarray], seconds: float) -> float:
    sess.run(None, feeds)  # warm-up
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        sess.run(None, feeds)
        n += len(feeds["input_ids"])
    return n / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("graphs", nargs="+", help="NAME=PATH of an ONNX graph")
    ap.add_argument("--lengths", type=int, nargs="+", default=[128, 256])
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    sessions = {g.split("=", 1)[0]: _session(g.split("=", 1)[1], args.threads) for g in args.graphs}
    for length in args.lengths:
        feeds = _feeds(length, 32)
        rates: dict[str, list[float]] = {name: [] for name in sessions}
        for _ in range(args.rounds):
            for name, sess in sessions.items():
                rates[name].append(_rate(sess, feeds, args.seconds))
        for name, r in rates.items():
            print(f"{length} tokens  {name:12s} {statistics.median(r):6.1f} pairs/s  (rounds: "
                  + ", ".join(f"{x:.1f}" for x in r) + ")")


if __name__ == "__main__":
    main()
