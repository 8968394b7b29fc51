"""Rebuild a trainable checkpoint from the shipped int8 ONNX model.

The torch checkpoint of a run lives in ``training/work/`` (git-ignored), so a new machine has only the
shipped ``model.onnx``. This script turns that graph back into a Hugging Face checkpoint: fp32 tensors are
copied as they are; each int8 linear layer (``MatMulInteger`` with per-channel scales) is dequantised,
``W = (q - zero_point) * scale``, and matched to its layer through the bias the graph adds to its output.
Word, position and token-type embeddings quantised as tables (``Gather``) are dequantised the same way.
The result carries the quantisation rounding (≈0.4% of a weight's range), which further training absorbs.

    python training/recover.py --out training/work/run2_recovered
    python training/train.py --init training/work/run2_recovered --minutes 60 --out training/work/run3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

HERE = Path(__file__).resolve().parent
PACKAGE_MODEL = HERE.parent / "src" / "onrecord" / "models" / "grounding"
LABELS = ["supported", "contradicted", "unsupported"]
PREFIX = "m."  # export.py wraps the model in a module whose attribute is ``m``


def _dequantised_linears(graph, init: dict) -> dict[str, np.ndarray]:
    """HF parameter name of each int8 linear weight -> fp32 weight in HF layout ``[out, in]``."""
    from onnx import numpy_helper

    consumers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)

    def bias_after(tensor: str, depth: int = 4) -> str | None:
        # MatMulInteger -> Cast -> Mul(scale) [-> Mul] -> Add(bias): follow the chain to the bias.
        for node in consumers.get(tensor, []):
            if node.op_type == "Add":
                for other in node.input:
                    if other in init and other.endswith(".bias"):
                        return other
            if depth and node.op_type in {"Cast", "Mul"}:
                found = bias_after(node.output[0], depth - 1)
                if found:
                    return found
        return None

    weights = {}
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        q_name, zp_name = node.input[1], node.input[3]
        scale_name = q_name.replace("_quantized", "_scale")
        q = numpy_helper.to_array(init[q_name]).astype(np.float32)
        zp = numpy_helper.to_array(init[zp_name]).astype(np.float32)
        scale = numpy_helper.to_array(init[scale_name]).astype(np.float32)
        w = (q - zp) * scale  # [in, out], per output channel
        bias = bias_after(node.output[0])
        if bias is None:
            raise SystemExit(f"cannot tell which layer {q_name} belongs to")
        weights[bias[len(PREFIX):].removesuffix(".bias") + ".weight"] = w.T.copy()
    return weights


def _dequantised_tables(graph, init: dict) -> dict[str, np.ndarray]:
    """HF parameter name of each int8 lookup table (``export.py --quantize-embeddings``: the embeddings are
    ``Gather`` on an int8 table, then ``DequantizeLinear``) -> its fp32 table, ``(q - zero_point) * scale``."""
    from onnx import numpy_helper

    tables = {}
    for node in graph.node:
        q_name = node.input[0] if node.op_type == "Gather" and node.input else ""
        if not (q_name.startswith(PREFIX) and q_name.endswith(".weight_quantized")):
            continue
        base = q_name.removesuffix("_quantized")
        q = numpy_helper.to_array(init[q_name]).astype(np.float32)
        zp = numpy_helper.to_array(init[base + "_zero_point"]).astype(np.float32)
        scale = numpy_helper.to_array(init[base + "_scale"]).astype(np.float32)
        if scale.ndim == 1 and scale.size == q.shape[0] and scale.size != 1:
            scale, zp = scale[:, None], zp[:, None]  # one scale a row
        tables[base[len(PREFIX):]] = (q - zp) * scale
    return tables


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(HERE.parent))
    except ValueError:
        return str(path)


def recover(onnx_path: Path, out: Path) -> int:
    import onnx
    import torch
    from onnx import numpy_helper
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    from train import base_model_path

    graph = onnx.load(str(onnx_path)).graph
    init = {t.name: t for t in graph.initializer}
    state = {
        name[len(PREFIX):]: numpy_helper.to_array(t).astype(np.float32)
        for name, t in init.items()
        if name.startswith(PREFIX)
    }
    state.update(_dequantised_linears(graph, init))
    state.update(_dequantised_tables(graph, init))

    config = AutoConfig.from_pretrained(
        base_model_path(), num_labels=3, id2label=dict(enumerate(LABELS)),
        label2id={lab: i for i, lab in enumerate(LABELS)},
    )
    model = AutoModelForSequenceClassification.from_config(config)
    expected = model.state_dict()
    missing = [k for k in expected if k not in state and not k.endswith("position_ids")]
    if missing:
        raise SystemExit(f"the graph lacks {len(missing)} parameters, e.g. {missing[:3]}")
    tensors = {k: torch.from_numpy(state[k]) for k in expected if k in state}
    for k, t in tensors.items():
        if tuple(t.shape) != tuple(expected[k].shape):
            raise SystemExit(f"{k}: graph shape {tuple(t.shape)} != model shape {tuple(expected[k].shape)}")
    model.load_state_dict(tensors, strict=False)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    # The base model's tokenizer settings, with the shipped tokenizer.json (the one the graph was run with).
    AutoTokenizer.from_pretrained(base_model_path()).save_pretrained(out)
    shutil.copyfile(onnx_path.parent / "tokenizer.json", out / "tokenizer.json")
    cfg = onnx_path.parent / "config.json"
    if cfg.is_file():
        (out / "recovered_from.json").write_text(
            json.dumps({"onnx": _shown(onnx_path), "training": json.loads(cfg.read_text()).get("training")}, indent=2)
        )
    return len(tensors)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--onnx", type=Path, default=PACKAGE_MODEL / "model.onnx")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    n = recover(args.onnx, args.out)
    print(f"recovered {n} tensors from {args.onnx} -> {args.out}")


if __name__ == "__main__":
    main()
