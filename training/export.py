"""Export a trained checkpoint to ONNX, quantise it to int8, and (optionally) install it in the package.

1. ``torch.onnx.export`` (opset 17, dynamic batch and sequence axes; eager attention for a clean graph);
2. ``onnxruntime.quantization.quantize_dynamic``: int8 weights, per channel, MatMul only (the linear
   layers; DESIGN.md: plain dynamic quantisation cost ~5 points, per-channel ~2, linear layers only ~1);
3. writes ``model.onnx`` (int8), ``tokenizer.json`` and ``config.json`` to ``--out``; with ``--compare`` also
   scores the dev sets with the fp32 and the int8 graph and records what quantisation cost.

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


def export_fp32(ckpt: Path, path: Path, max_length: int) -> None:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.set_num_threads(2)
    model = AutoModelForSequenceClassification.from_pretrained(ckpt, attn_implementation="eager")
    model.eval()
    tok = AutoTokenizer.from_pretrained(ckpt)
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


def quantize(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True, op_types_to_quantize=["MatMul"]
    )


def write_package(ckpt: Path, onnx_int8: Path, out: Path, max_length: int, extra: dict | None = None) -> None:
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
            "quantization": "dynamic int8, per-channel, MatMul only (onnxruntime quantize_dynamic)",
        }
    )
    cfg.setdefault("temperature", 1.0)
    cfg.setdefault("threshold", 0.5)
    info = ckpt / "train_info.json"
    if info.is_file():
        cfg["training"] = json.loads(info.read_text())
        cfg["training"].pop("init", None)
    cfg.update(extra or {})
    cfg_path.write_text(json.dumps(cfg, indent=2) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="dir to write model.onnx, tokenizer, config")
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--compare", action="store_true", help="score dev with fp32 and int8 (quick windows)")
    ap.add_argument("--dev", type=Path, nargs="*", default=sorted((HERE / "work" / "dev").glob("*.jsonl")))
    ap.add_argument("--max-windows", type=int, default=3, help="windows a pair in --compare (speed)")
    args = ap.parse_args()

    work = args.checkpoint / "onnx"
    work.mkdir(parents=True, exist_ok=True)
    fp32, int8 = work / "model.fp32.onnx", work / "model.int8.onnx"
    t0 = time.time()
    export_fp32(args.checkpoint, fp32, args.max_length)
    quantize(fp32, int8)
    print(f"exported + quantised in {time.time() - t0:.0f}s: fp32 {fp32.stat().st_size / 1e6:.1f} MB, "
          f"int8 {int8.stat().st_size / 1e6:.1f} MB", flush=True)

    extra = {}
    if args.compare:
        sys.path.insert(0, str(HERE.parent / "src"))
        from onrecord.bench import bench_pairs
        from onrecord.model import GroundingModel

        res = {}
        for name, onnx in (("fp32", fp32), ("int8", int8)):
            d = work / f"pkg_{name}"
            write_package(args.checkpoint, onnx, d, args.max_length)
            t1 = time.time()
            b = bench_pairs(args.dev, GroundingModel(d, threads=2), max_windows=args.max_windows)
            res[name] = b.to_dict()
            print(name, f"{time.time() - t1:.0f}s", json.dumps(res[name]), flush=True)
        (work / "compare.json").write_text(json.dumps(res, indent=2))
        extra["dev_quick"] = {
            "note": f"threshold 0.5, T=1, fallback windows, top {args.max_windows} windows a pair",
            **res,
        }
    write_package(args.checkpoint, int8, args.out, args.max_length, extra)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
