"""Where an ONNX graph of the grounding model spends its time: kernel time by operator, from ONNX
Runtime's own profiler, for a batch of random token ids at one length.

    python bench/graph_profile.py src/onrecord/models/grounding/model.onnx --length 256

Session options as ``onrecord.runtime.model`` sets them (all graph optimisations, ``--threads``); the
first run warms up and is not counted.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

import numpy as np
import onnxruntime as ort


def profile(path: str, length: int, batch: int, runs: int, threads: int) -> dict[str, float]:
    """Milliseconds per run spent in each operator type, largest first."""
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.intra_op_num_threads = threads
    opts.enable_profiling = True
    sess = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
    ids = np.random.default_rng(0).integers(1000, 30000, size=(batch, length)).astype(np.int64)
    ids[:, 0], ids[:, -1] = 101, 102  # [CLS] ... [SEP]
    feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
    for _ in range(runs + 1):
        sess.run(None, feeds)
    trace = Path(sess.end_profiling())
    events = json.loads(trace.read_text())
    # The first run warms up: only kernels after it ends are counted.
    warm = min((e for e in events if e.get("name") == "model_run"), key=lambda e: e["ts"])
    warm_end = warm["ts"] + warm["dur"]
    micros: collections.Counter[str] = collections.Counter()
    for event in events:
        if event.get("cat") == "Node" and event["name"].endswith("_kernel_time") and event["ts"] >= warm_end:
            micros[event["args"]["op_name"]] += event["dur"]
    trace.unlink()
    return {op: us / runs / 1000 for op, us in micros.most_common()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("graph", help="path of an ONNX graph")
    ap.add_argument("--length", type=int, default=256)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    ms = profile(args.graph, args.length, args.batch, args.runs, args.threads)
    total = sum(ms.values())
    for op, t in ms.items():
        print(f"{op:28s} {t / total:6.1%}  {t:8.1f} ms/run")


if __name__ == "__main__":
    main()
