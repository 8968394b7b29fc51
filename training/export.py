"""Export a trained checkpoint to ONNX, quantise it to int8, and (optionally) install it in the package.

1. ``torch.onnx.export`` (opset 17, dynamic batch and sequence axes; eager attention for a clean graph);
2. 8-bit weights for the linear layers: by default ``quantize_dynamic`` (int8 per channel, activations per
   tensor at run time; the fastest, but it cost run 7 nine points of ContractNLI ROC-AUC); ``--weights
   blockwise`` is ``MatMulNBits`` (a scale per 128 weights, int8 compute), as faithful as fp32 on dev and
   30% slower at 256 tokens; ``--weights static`` sets int8 activation ranges once on dev (not faster on
   the CPU measured); ``--smooth 0.5`` first evens the linear layers' inputs (``training/smooth.py``),
   so that dynamic int8 keeps fp32's accuracy at its own speed;
3. writes ``model.onnx`` (int8), ``tokenizer.json`` and ``config.json`` to ``--out``; with ``--compare`` also
   scores the dev sets (first ``--limit`` pairs of each) with the fp32 and the int8 graph and records what
   quantisation cost (``quantization_check`` in config.json).

    python training/export.py training/work/run1 --out training/work/export_run1 --compare
    python training/export.py training/work/run1 --out src/onrecord/models/grounding
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

HERE = Path(__file__).resolve().parent
LABELS = ["supported", "contradicted", "unsupported"]


SMOOTH_PAIRS_A_SET = 32
"""Dev pairs a set whose activations set ``--smooth``'s scales (a seeded sample; ContractNLI's long passages
among them, where the outliers are)."""


def read_typography_plainly(tokenizer) -> None:
    """The product's folding of published typography, applied to a training tokenizer's backend."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from onrecord.runtime.model import read_typography_plainly as fold

    fold(tokenizer)


def calibration_pairs(dev: list[Path], per_set: int = SMOOTH_PAIRS_A_SET, seed: int = 0) -> list[tuple[str, str]]:
    """(evidence, claim) pairs: a seeded sample of each dev set."""
    import random

    pairs = []
    for path in dev:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        random.Random(f"{seed}:{path.stem}").shuffle(rows)
        pairs += [(r["doc"], r["claim"]) for r in rows[:per_set]]
    return pairs


def export_fp32(ckpt: Path, path: Path, max_length: int, smooth: float = 0.0, dev: list[Path] | None = None) -> None:
    """The checkpoint as an fp32 ONNX graph; ``smooth`` > 0 first evens its linear layers' inputs
    (``training/smooth.py``, scales set on ``dev``) so that dynamic int8 loses nothing to their outliers."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.set_num_threads(2)
    model = AutoModelForSequenceClassification.from_pretrained(ckpt, attn_implementation="eager")
    model.eval()
    tok = AutoTokenizer.from_pretrained(ckpt)
    read_typography_plainly(tok.backend_tokenizer)  # the scales are of what the product feeds
    if smooth:
        from smooth import smooth_linear_inputs

        ratios = smooth_linear_inputs(model, tok, calibration_pairs(dev or []), smooth, max_length)
        print(f"smoothed {len(ratios)} groups of linear inputs (alpha {smooth}); largest channel range over the "
              f"median: {max(ratios):.1f}", flush=True)
    ev, cl = ["An evidence sentence about a thing."] * 2, ["A claim."] * 2
    enc = tok(ev, cl, return_tensors="pt", padding=True)

    class Wrap(torch.nn.Module):
        def __init__(self, m: torch.nn.Module) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001
            out = self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.logits

    axes = {0: "batch", 1: "sequence"}
    with torch.no_grad():
        torch.onnx.export(
            Wrap(model),
            (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]),
            str(path),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "logits": {0: "batch"},
            },
            opset_version=17,
            do_constant_folding=True,
            dynamo=False,
        )


NBITS_BLOCK = 128
"""Weights per scale in ``--weights blockwise``: 8-bit blocks of 128 input features. Blocks of 32 were no
more faithful on dev (the same model alone within 0.2 of ROC-AUC) and 13% slower (docs/model_results.md)."""


def quantize_static_int8(src: Path, dst: Path, ckpt: Path, dev: list[Path], max_length: int) -> None:
    """``--weights static``: int8 weights per channel and int8 activations whose ranges are set once, on a
    seeded sample of the dev sets (``calibration_pairs``), not at run time (ONNX Runtime ``quantize_static``,
    ``QLinearMatMul``). Not shipped: on the 2-core AMD EPYC of docs/model_results.md (2026-12-07, eighth
    period) it was 14-16% slower than ``dynamic`` at 128 and 256 tokens; kept to measure on other CPUs."""
    import numpy as np
    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(ckpt)
    read_typography_plainly(tok.backend_tokenizer)  # the ranges are of what the product feeds
    names = ("input_ids", "attention_mask", "token_type_ids")
    feeds = [{k: np.asarray(v, dtype=np.int64) for k, v in tok([ev], [cl], truncation="only_first", max_length=max_length,
                                                               return_tensors="np").items() if k in names}
             for ev, cl in calibration_pairs(dev)]

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.rest = iter(feeds)

        def get_next(self) -> dict | None:
            return next(self.rest, None)

    quantize_static(str(src), str(dst), Reader(), quant_format=QuantFormat.QOperator, per_channel=True,
                    activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"],
                    calibrate_method=CalibrationMethod.MinMax)


def quantize(src: Path, dst: Path, embeddings: bool = False, weights: str = "dynamic") -> None:
    """8-bit weights for the linear layers.

    ``dynamic`` (ONNX Runtime ``quantize_dynamic``): int8 weights per output channel, activations quantised
    per tensor at run time; the fastest on a CPU, but a long input's outliers cost it dearly (ContractNLI's
    NDA passages: ROC-AUC 73.0 in fp32, 64.0 in int8 for run 7). ``blockwise`` (``MatMulNBits``, 8 bits,
    a scale per block of ``NBITS_BLOCK`` weights, int8 compute): as faithful as fp32 on every dev set, 30%
    slower than ``dynamic`` at 256 tokens (docs/model_results.md, 2026-12-07 third period).
    ``embeddings`` quantises the word-embedding table too (``Gather``, ``dynamic`` only): it is half the
    model's parameters, so the file shrinks from ~59 MB to ~23 MB."""
    if weights == "blockwise":
        import onnx
        from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

        q = MatMulNBitsQuantizer(onnx.load(str(src)), bits=8, block_size=NBITS_BLOCK, is_symmetric=True,
                                 accuracy_level=4)  # 4: int8 compute (AVX-512 VNNI / AMX where the CPU has them)
        q.process()
        q.model.save_model_to_file(str(dst), use_external_data_format=False)
        return
    from onnxruntime.quantization import QuantType, quantize_dynamic

    ops = ["MatMul", "Gather"] if embeddings else ["MatMul"]
    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True, op_types_to_quantize=ops)


def _lineage(init: str | None) -> dict | str | None:
    """What a run started from: the earlier run's own training record when there is one (a run made by
    train.py, or one rebuilt by recover.py from a shipped model), else the base model's path."""
    if not init:
        return None
    d = Path(init)
    if (d / "train_info.json").is_file():
        rec = json.loads((d / "train_info.json").read_text())
        rec["continued_from"] = _lineage(rec.pop("init", None))
        return rec
    if (d / "recovered_from.json").is_file():
        rec = json.loads((d / "recovered_from.json").read_text())
        return {"recovered_from_int8": rec.get("onnx"), "training": rec.get("training")}
    return "sentence-transformers/all-MiniLM-L6-v2" if "minilm" in init.lower() else init


def write_package(ckpt: Path, onnx_int8: Path, out: Path, max_length: int, extra: dict | None = None,
                  embeddings: bool = False, weights: str = "dynamic", smooth: float = 0.0) -> None:
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(onnx_int8, out / "model.onnx")
    shutil.copyfile(ckpt / "tokenizer.json", out / "tokenizer.json")
    cfg_path = out / "config.json"
    cfg = json.loads(cfg_path.read_text()) if cfg_path.is_file() else {}
    cfg.update(
        {
            "name": "onrecord-grounding-minilm-l6",
            "base": "sentence-transformers/all-MiniLM-L6-v2",
            "labels": LABELS,
            "max_length": max_length,
            "input_order": "(evidence, claim), truncation only_first",
            "quantization": (
                f"8-bit weights in blocks of {NBITS_BLOCK}, int8 compute, linear layers only "
                "(onnxruntime MatMulNBits, accuracy_level 4)" if weights == "blockwise" else
                "static int8, per-channel weights, activation ranges set on dev, MatMul only "
                "(onnxruntime quantize_static, QLinearMatMul)" if weights == "static" else
                "dynamic int8, per-channel, "
                + ("MatMul and Gather (word embeddings)" if embeddings else "MatMul only")
                + " (onnxruntime quantize_dynamic)")
            + (f"; linear inputs smoothed first (alpha {smooth}, training/smooth.py)" if smooth else ""),
        }
    )
    cfg.setdefault("temperature", 1.0)
    cfg.setdefault("threshold", 0.5)
    info = ckpt / "train_info.json"
    if info.is_file():
        cfg["training"] = json.loads(info.read_text())
        cfg["training"]["continued_from"] = _lineage(cfg["training"].pop("init", None))
    cfg.update(extra or {})
    cfg_path.write_text(json.dumps(cfg, indent=2) + "\n")


def compare(ckpt: Path, fp32: Path, int8: Path, dev: list[Path], limit: int, max_length: int) -> dict:
    """fp32 vs int8 on the same dev windows (product claim path, first ``limit`` pairs a set).

    ROC-AUC of P(supported) per set (threshold-free), balanced accuracy at 0.5 with T=1, and how often
    the two graphs pick the same label for a window.
    """
    sys.path.insert(0, str(HERE.parent / "src"))
    sys.path.insert(0, str(HERE))
    import numpy as np

    from calibrate import doc_probs, pair_logits
    from onrecord.bench import balanced_accuracy, read_pairs, roc_auc
    from onrecord.runtime.model import GroundingModel

    rows = read_pairs(dev)
    seen: dict[str, int] = {}
    keep = []
    for r in rows:
        seen[r["dataset"]] = seen.get(r["dataset"], 0) + 1
        if seen[r["dataset"]] <= limit:
            keep.append(r)
    rows = keep
    out: dict = {"pairs": len(rows), "scorer": "judge (product claim path)", "pairs_a_set": limit}
    logits = {}
    for name, onnx in (("fp32", fp32), ("int8", int8)):
        d = ckpt / "onnx" / f"pkg_{name}"
        write_package(ckpt, onnx, d, max_length)
        t1 = time.time()
        logits[name] = pair_logits(GroundingModel(d, threads=2), rows, "judge")
        probs = doc_probs(logits[name], 1.0)
        per = {}
        for ds in sorted({r["dataset"] for r in rows}):
            ix = [i for i, r in enumerate(rows) if r["dataset"] == ds]
            y = np.array([int(rows[i]["label"]) for i in ix])
            per[ds] = {
                "roc_auc": round(roc_auc(y, probs[ix, 0]), 4),
                "balanced_accuracy@0.5": round(balanced_accuracy(y, (probs[ix, 0] >= 0.5).astype(int)), 4),
            }
        per["mean_roc_auc"] = round(float(np.mean([v["roc_auc"] for v in per.values()])), 4)
        out[name] = per
        print(name, f"{time.time() - t1:.0f}s", json.dumps(per), flush=True)
    a = np.concatenate(logits["fp32"]).argmax(1)
    b = np.concatenate(logits["int8"]).argmax(1)
    out["window_label_agreement"] = round(float((a == b).mean()), 4)
    print("agreement", out["window_label_agreement"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="dir to write model.onnx, tokenizer, config")
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--compare", action="store_true", help="score dev with the fp32 and the int8 graph")
    ap.add_argument("--dev", type=Path, nargs="*", default=sorted((HERE / "work" / "dev").glob("*.jsonl")))
    ap.add_argument("--limit", type=int, default=100, help="pairs a dev set in --compare (speed)")
    ap.add_argument("--quantize-embeddings", action="store_true",
                    help="int8 word embeddings too (Gather): a ~23 MB model instead of ~59 MB (dynamic only)")
    ap.add_argument("--weights", choices=("dynamic", "blockwise", "static"), default="dynamic",
                    help="how the linear layers' weights are quantised (see quantize())")
    ap.add_argument("--smooth", type=float, default=0.0, metavar="ALPHA",
                    help="even the linear layers' inputs first (training/smooth.py; 0.5 measured; 0: off)")
    args = ap.parse_args()
    if args.quantize_embeddings and args.weights != "dynamic":
        ap.error("--quantize-embeddings goes with --weights dynamic")
    if args.weights == "static" and not args.dev:
        ap.error("--weights static sets its activation ranges on dev sets (--dev)")
    if args.smooth and not (0.0 < args.smooth < 1.0 and args.dev):
        ap.error("--smooth takes an alpha between 0 and 1, and dev sets (--dev) to set its scales on")

    work = args.checkpoint / "onnx"
    work.mkdir(parents=True, exist_ok=True)
    fp32, int8 = work / "model.fp32.onnx", work / "model.int8.onnx"
    t0 = time.time()
    export_fp32(args.checkpoint, fp32, args.max_length, args.smooth, args.dev)
    if args.weights == "static":
        quantize_static_int8(fp32, int8, args.checkpoint, args.dev, args.max_length)
    else:
        quantize(fp32, int8, args.quantize_embeddings, args.weights)
    print(f"exported + quantised in {time.time() - t0:.0f}s: fp32 {fp32.stat().st_size / 1e6:.1f} MB, "
          f"int8 {int8.stat().st_size / 1e6:.1f} MB", flush=True)

    extra = {}
    if args.compare:
        extra["quantization_check"] = compare(args.checkpoint, fp32, int8, args.dev, args.limit, args.max_length)
    write_package(args.checkpoint, int8, args.out, args.max_length, extra, args.quantize_embeddings, args.weights,
                  args.smooth)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
