"""Sentence embeddings (all-MiniLM-L6-v2, int8 ONNX) for retrieval and claim-to-passage similarity.

Mean pooling over tokens and L2 normalisation, as sentence-transformers does, so a dot product is
the cosine similarity. Loaded once per process (:func:`shared_embedder`).

Every text is embedded on its own, never in a batch: the int8 model quantizes its activations with one
scale per batch (``DynamicQuantizeLinear``), so a sentence's vector moved with its batch-mates (cosine
down to 0.983 against itself alone, even in a batch of equal lengths with no padding). Alone, a vector is a
function of its text only, so caching it cannot make one check depend on what the process checked before;
it costs no more time on a CPU (``docs/benchmarks.md``).
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from onrecord.cancel import checkpoint
from onrecord.errors import ModelError

DEFAULT_EMBEDDER_DIR = Path(__file__).resolve().parent.parent / "models" / "embedder"
DIMENSIONS = 384
CACHE_SIZE = 50_000
"""Sentence vectors kept per embedder (about 77 MB at 384 float32 each): the sources a server sees again
are embedded once; the least recently used go first."""


class Embedder:
    """Unit sentence vectors. Thread-safe: the cache is read and written under a lock, and what one call
    returns never depends on the cache (a vector evicted mid-call is still returned)."""

    def __init__(self, model_dir: str | Path | None = None, threads: int | None = None, device: str = "auto",
                 cache_size: int = CACHE_SIZE):
        self.model_dir = Path(model_dir or DEFAULT_EMBEDDER_DIR)
        missing = [n for n in ("model.onnx", "tokenizer.json", "config.json") if not (self.model_dir / n).is_file()]
        if missing:
            raise ModelError(f"sentence embedder in {self.model_dir} is missing {', '.join(missing)}")
        import onnxruntime as ort
        from tokenizers import Tokenizer

        from onrecord.runtime.model import onnx_providers, read_typography_plainly, require_providers

        cfg = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        self.max_length = int(cfg.get("max_length", 128))
        self.tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        read_typography_plainly(self.tokenizer)
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_length)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or int(os.environ.get("ONRECORD_THREADS", "0")) or 0
        self.session = ort.InferenceSession(str(self.model_dir / "model.onnx"), opts, providers=onnx_providers(device))
        require_providers(self.session, device)
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors (n, 384) for ``texts``; repeated texts are embedded once."""
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for t in dict.fromkeys(texts):
                if t in self._cache:
                    self._cache.move_to_end(t)
                    found[t] = self._cache[t]
        for t in dict.fromkeys(texts):
            if t not in found:
                checkpoint()  # a cancelled or late check stops between sentences
                found[t] = self._run_one(t)
                self._keep(t, found[t])
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([found[t] for t in texts])

    def clear_cache(self) -> None:
        """Forget every cached vector (a batch row starts from an empty cache; vectors no longer depend on
        what ran before, since each text is embedded alone, but a bounded memory per row is still useful)."""
        with self._lock:
            self._cache.clear()

    def _keep(self, text: str, vec: np.ndarray) -> None:
        with self._lock:
            self._cache[text] = vec
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def _run_one(self, text: str) -> np.ndarray:
        """The vector of one text, run alone: no batch-mate, no padding."""
        ids = np.asarray([self.tokenizer.encode(text).ids], dtype=np.int64)
        mask = np.ones_like(ids)
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0][0]
        pooled = hidden.mean(axis=0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-9)


_shared: dict[str, Embedder] = {}
_shared_lock = threading.Lock()


def shared_embedder(device: str = "auto") -> Embedder:
    """One embedder per process and device (its cache of sentence vectors is shared too)."""
    with _shared_lock:
        if device not in _shared:
            _shared[device] = Embedder(device=device)
        return _shared[device]
