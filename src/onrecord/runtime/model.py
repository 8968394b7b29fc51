"""The grounding model: reads (evidence, claim) pairs and says supported / contradicted / unsupported.

Inference runs on ONNX Runtime with a `tokenizers` tokenizer; torch is never imported here.
The shipped model lives in ``onrecord/models/grounding/`` (see its MODEL_CARD.md):

- ``model.onnx``     int8 cross-encoder, inputs ``input_ids``/``attention_mask``/``token_type_ids``,
                     output ``logits`` of shape (batch, 3) in the order of ``config.json`` ``labels``
- ``tokenizer.json`` the backbone's tokenizer
- ``config.json``    ``labels``, ``max_length``, ``temperature`` (calibration), ``threshold``
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from onrecord.cancel import checkpoint
from onrecord.errors import ModelError, UsageError

LABELS = ("supported", "contradicted", "unsupported")
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "grounding"


@dataclass(frozen=True)
class ModelConfig:
    labels: tuple[str, ...]
    max_length: int
    temperature: float
    threshold: float
    """P(supported) at or above which a claim counts as supported (tuned on dev data)."""
    name: str
    raw: dict[str, Any]

    @property
    def combiner(self) -> dict[str, Any]:
        """The fitted support combiner and its contradiction split (``training/fit_combiner.py``)."""
        fit = self.raw.get("combiner")
        if not fit or "contradiction" not in fit:
            raise ModelError(f"the grounding model {self.name!r} has no fitted combiner in its config.json; "
                             "run training/fit_combiner.py --write")
        return fit


TYPOGRAPHY = {"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "–": "-", "−": "-"}
"""Published typography and the plain characters a model reads in its place. The word-piece vocabularies
give "’" and "'" different tokens, so "didn’t" and "didn't" were two inputs to the same model (the
training data holds mostly the plain ones); read plainly, the same text gives the same probabilities
whichever way it was typed. Only the model's input is folded: texts and their offsets are untouched."""


def read_typography_plainly(tokenizer: Any) -> None:
    """Fold ``TYPOGRAPHY`` in ``tokenizer``'s normalizer, before its own (a ``tokenizers.Tokenizer``)."""
    from tokenizers import normalizers

    steps = [normalizers.Replace(a, b) for a, b in TYPOGRAPHY.items()]
    if tokenizer.normalizer is not None:
        steps.append(tokenizer.normalizer)
    tokenizer.normalizer = normalizers.Sequence(steps)


def onnx_providers(device: str) -> list[str]:
    """ONNX Runtime providers for ``device``: auto takes CUDA when ONNX Runtime has it, else the CPU."""
    import onnxruntime as ort

    available = ort.get_available_providers()
    if device in ("auto", "gpu") and "CUDAExecutionProvider" in available:
        return ["CUDAExecutionProvider", "CPUExecutionProvider"]
    if device == "gpu":
        raise UsageError(NO_GPU)
    return ["CPUExecutionProvider"]


NO_GPU = ("device gpu: ONNX Runtime has no CUDA provider here; install onnxruntime-gpu in place of "
          "onnxruntime (and a CUDA driver), or use device cpu")


def require_providers(session: Any, device: str) -> None:
    """Refuse a session that fell back to the CPU when a GPU was asked for (ONNX Runtime only logs it)."""
    if device == "gpu" and "CUDAExecutionProvider" not in session.get_providers():
        raise UsageError(NO_GPU.replace("has no CUDA provider here", "could not start its CUDA provider"))


class GroundingModel:
    """Scores (evidence, claim) pairs. Thread-safe; load once per process with :func:`shared_model`."""

    def __init__(self, model_dir: str | Path | None = None, device: str = "auto", threads: int | None = None):
        self.model_dir = Path(model_dir or os.environ.get("ONRECORD_MODEL_DIR") or DEFAULT_MODEL_DIR)
        cfg_path = self.model_dir / "config.json"
        onnx_path = self.model_dir / "model.onnx"
        tok_path = self.model_dir / "tokenizer.json"
        missing = [p.name for p in (cfg_path, onnx_path, tok_path) if not p.is_file()]
        if missing:
            raise ModelError(f"grounding model in {self.model_dir} is missing {', '.join(missing)}")
        import onnxruntime as ort
        from tokenizers import Tokenizer

        raw = json.loads(cfg_path.read_text(encoding="utf-8"))
        self.config = ModelConfig(
            labels=tuple(raw.get("labels", LABELS)),
            max_length=int(raw.get("max_length", 256)),
            temperature=float(raw.get("temperature", 1.0)),
            threshold=float(raw.get("threshold", 0.5)),
            name=str(raw.get("name", self.model_dir.name)),
            raw=raw,
        )
        self.tokenizer = Tokenizer.from_file(str(tok_path))
        read_typography_plainly(self.tokenizer)
        self.tokenizer.no_padding()
        # longest_first, not only_first: a claim longer than the window would otherwise fail outright.
        self.tokenizer.enable_truncation(self.config.max_length, strategy="longest_first")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or int(os.environ.get("ONRECORD_THREADS", "0")) or 0
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(onnx_path), opts, providers=onnx_providers(device))
        require_providers(self.session, device)
        self.input_names = {i.name for i in self.session.get_inputs()}
        self._order = [self.config.labels.index(lab) for lab in LABELS]
        self._lock = threading.Lock()

    @property
    def device(self) -> str:
        return "gpu" if "CUDAExecutionProvider" in self.session.get_providers() else "cpu"

    def logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Raw logits (n, 3) in ``LABELS`` order for (evidence, claim) pairs.

        Each pair is read alone, never in a batch: the int8 model quantizes its activations with one scale
        per batch, so a pair's logits moved with its batch-mates (by up to 1.1); alone, they are a function
        of the pair only, at about the same cost on a CPU (``docs/benchmarks.md``).
        """
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        for i, pair in enumerate(pairs):
            checkpoint()  # a cancelled or late check stops between pairs
            e = self.tokenizer.encode(*pair)
            feeds = {"input_ids": np.asarray([e.ids], dtype=np.int64),
                     "attention_mask": np.ones((1, len(e.ids)), dtype=np.int64),
                     "token_type_ids": np.asarray([e.type_ids], dtype=np.int64)}
            feeds = {k: v for k, v in feeds.items() if k in self.input_names}
            out[i] = self.session.run(None, feeds)[0][0, self._order]
        return out

    def predict(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Calibrated probabilities (n, 3) in ``LABELS`` order: supported, contradicted, unsupported."""
        z = self.logits(pairs) / self.config.temperature
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.encode(text, add_special_tokens=False).ids)


_shared: dict[tuple[str, str], GroundingModel] = {}
_shared_lock = threading.Lock()


def shared_model(model_dir: str | Path | None = None, device: str = "auto") -> GroundingModel:
    """One model per process (and per model dir/device): loading twice wastes a second and memory."""
    key = (str(model_dir or ""), device)
    with _shared_lock:
        if key not in _shared:
            _shared[key] = GroundingModel(model_dir, device)
        return _shared[key]
