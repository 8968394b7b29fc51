"""Sentence embeddings (all-MiniLM-L6-v2, int8 ONNX) for retrieval and claim-to-passage similarity.

Mean pooling over tokens and L2 normalisation, as sentence-transformers does, so a dot product is
the cosine similarity. Loaded once per process (:func:`shared_embedder`).
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import numpy as np

from onrecord.cancel import checkpoint
from onrecord.errors import ModelError

DEFAULT_EMBEDDER_DIR = Path(__file__).resolve().parent.parent / "models" / "embedder"


class Embedder:
    def __init__(self, model_dir: str | Path | None = None, threads: int | None = None, device: str = "auto"):
        self.model_dir = Path(model_dir or DEFAULT_EMBEDDER_DIR)
        missing = [n for n in ("model.onnx", "tokenizer.json", "config.json") if not (self.model_dir / n).is_file()]
        if missing:
            raise ModelError(f"sentence embedder in {self.model_dir} is missing {', '.join(missing)}")
        import onnxruntime as ort
        from tokenizers import Tokenizer

        cfg = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        self.max_length = int(cfg.get("max_length", 128))
        self.tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_length)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or int(os.environ.get("ONRECORD_THREADS", "0")) or 0
        from onrecord.runtime.model import onnx_providers

        self.session = ort.InferenceSession(str(self.model_dir / "model.onnx"), opts, providers=onnx_providers(device))
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Unit vectors (n, 384) for ``texts``; repeated texts are embedded once."""
        with self._lock:
            todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        order = sorted(range(len(todo)), key=lambda i: len(todo[i]))
        for b in range(0, len(order), batch_size):
            checkpoint()  # a cancelled or late check stops between batches
            batch = [todo[i] for i in order[b : b + batch_size]]
            vecs = self._run(batch)
            with self._lock:
                if len(self._cache) > 50_000:
                    self._cache.clear()
                self._cache.update(zip(batch, vecs, strict=True))
        with self._lock:
            return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)

    def _run(self, batch: list[str]) -> np.ndarray:
        encs = self.tokenizer.encode_batch(batch)
        width = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), width), dtype=np.int64)
        mask = np.zeros((len(encs), width), dtype=np.int64)
        for r, e in enumerate(encs):
            ids[r, : len(e.ids)] = e.ids
            mask[r, : len(e.ids)] = 1
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0]
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9, None)


_shared: dict[str, Embedder] = {}
_shared_lock = threading.Lock()


def shared_embedder(device: str = "auto") -> Embedder:
    """One embedder per process and device (its cache of sentence vectors is shared too)."""
    with _shared_lock:
        if device not in _shared:
            _shared[device] = Embedder(device=device)
        return _shared[device]
