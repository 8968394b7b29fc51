"""Sentence embeddings (all-MiniLM-L6-v2, int8 ONNX) for retrieval and claim-to-passage similarity.

Mean pooling over tokens and L2 normalisation, as sentence-transformers does, so a dot product is
the cosine similarity. Loaded once per process (:func:`shared_embedder`).

The cache is bounded (least recently used go first) and never read back for what one call computed.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from onrecord.errors import ModelError

DEFAULT_EMBEDDER_DIR = Path(__file__).resolve().parent.parent / "models" / "embedder"
DIMENSIONS = 384
CACHE_SIZE = 50_000
"""Sentence vectors kept per embedder (about 77 MB at 384 float32 each): the sources a server sees again
are embedded once; the least recently used go first."""


class Embedder:
    """Unit sentence vectors. Thread-safe: the cache is read and written under a lock, and a call returns
    what it found or computed itself, never a cache entry that may since have been evicted."""

    def __init__(self, model_dir: str | Path | None = None, threads: int | None = None, device: str = "auto",
                 cache_size: int = CACHE_SIZE):
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
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Unit vectors (n, 384) for ``texts``; repeated texts are embedded once."""
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for t in dict.fromkeys(texts):
                if t in self._cache:
                    self._cache.move_to_end(t)
                    found[t] = self._cache[t]
        todo = sorted((t for t in dict.fromkeys(texts) if t not in found), key=len)
        for b in range(0, len(todo), batch_size):
            batch = todo[b : b + batch_size]
            for t, vec in zip(batch, self._run(batch), strict=True):
                found[t] = vec
                self._keep(t, vec)
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([found[t] for t in texts])

    def _keep(self, text: str, vec: np.ndarray) -> None:
        with self._lock:
            self._cache[text] = vec
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

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
