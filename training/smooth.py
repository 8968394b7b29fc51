"""Smooth the encoder's linear inputs before int8 quantisation, so run-time activation scales lose nothing.

ONNX Runtime's dynamic int8 quantises each linear layer's input with one scale for the whole tensor, set
at run time by its largest value. A few channels of a BERT's hidden states carry values 4-15 times their
median, so every other channel is left a few int8 steps: run 7 lost nine points of ContractNLI ROC-AUC to
it (73.0 in fp32, 64.0 in int8). SmoothQuant (Xiao et al., 2023) moves that range from the activations
into the weights, which are quantised per output channel offline: for each input channel j of a linear
layer, ``s_j = max|x_j| ** alpha / max|W[:, j]| ** (1 - alpha)``, the input is divided by ``s`` and the
weight's column multiplied by it. In exact arithmetic the model is unchanged; in int8 the activations'
range is even. The division is one element-wise ``Mul`` before each linear layer in the exported graph;
query, key and value read the same input and share one scale.

Measured on run 7 (docs/model_results.md, 2026-12-07 fourth period): alpha 0.5 with the shipped dynamic
int8 recipe gave ContractNLI ROC-AUC 72.2 (fp32 73.0, plain int8 64.0) at the speed of plain int8.

    from smooth import smooth_linear_inputs
    smooth_linear_inputs(model, tokenizer, pairs, alpha=0.5)   # before torch.onnx.export
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

CALIBRATION_BATCH = 8
"""Pairs a forward pass while the activation ranges are recorded (memory, not accuracy)."""


class SmoothedLinear(torch.nn.Module):
    """``linear(x / s)`` with the linear's weight columns multiplied by ``s``: the same function, an even input."""

    def __init__(self, linear: torch.nn.Linear, inv_scale: torch.Tensor) -> None:
        super().__init__()
        self.register_buffer("inv_scale", inv_scale.detach().float())
        self.linear = linear
        with torch.no_grad():
            linear.weight.mul_(1.0 / inv_scale[None, :])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(x * self.inv_scale)


def input_ranges(model: torch.nn.Module, tokenizer, pairs: Sequence[tuple[str, str]],  # noqa: ANN001
                 max_length: int) -> dict[str, torch.Tensor]:
    """The largest absolute value each input channel of each encoder linear layer takes on ``pairs``
    ((evidence, claim), read as the product reads them: evidence truncated first)."""
    ranges: dict[str, torch.Tensor] = {}

    def hook(name: str):  # noqa: ANN202
        def record(_mod, inputs, _out) -> None:  # noqa: ANN001
            x = inputs[0].detach().abs().reshape(-1, inputs[0].shape[-1]).amax(0)
            ranges[name] = torch.maximum(ranges[name], x) if name in ranges else x
        return record

    handles = [m.register_forward_hook(hook(n)) for n, m in _encoder_linears(model).items()]
    try:
        with torch.no_grad():
            for i in range(0, len(pairs), CALIBRATION_BATCH):
                batch = pairs[i : i + CALIBRATION_BATCH]
                enc = tokenizer([e for e, _ in batch], [c for _, c in batch], truncation="only_first",
                                max_length=max_length, padding=True, return_tensors="pt")
                model(**enc)
    finally:
        for h in handles:
            h.remove()
    return ranges


def _encoder_linears(model: torch.nn.Module) -> dict[str, torch.nn.Linear]:
    return {n: m for n, m in model.named_modules() if isinstance(m, torch.nn.Linear) and ".encoder.layer." in n}


def _groups(model: torch.nn.Module) -> list[list[str]]:
    """Linear layers that read the same input, per encoder layer (BERT naming)."""
    names = _encoder_linears(model)
    layers = sorted({n.split(".encoder.layer.")[0] + ".encoder.layer." + n.split(".encoder.layer.")[1].split(".")[0]
                     for n in names}, key=lambda p: int(p.rsplit(".", 1)[1]))
    groups = []
    for p in layers:
        groups.append([f"{p}.attention.self.{k}" for k in ("query", "key", "value")])
        groups += [[f"{p}.{k}"] for k in ("attention.output.dense", "intermediate.dense", "output.dense")]
    missing = {n for g in groups for n in g} ^ set(names)
    if missing:
        raise ValueError(f"not a BERT encoder this smoothing knows: {sorted(missing)[:3]}")
    return groups


def smooth_linear_inputs(model: torch.nn.Module, tokenizer, pairs: Sequence[tuple[str, str]],  # noqa: ANN001
                         alpha: float = 0.5, max_length: int = 256, min_ratio: float = 0.0) -> list[float]:
    """Rewrite ``model`` in place (see the module's docstring); a group whose outlier ratio (largest channel
    range over the median) is below ``min_ratio`` is left as it is. Returns each group's ratio."""
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must be between 0 and 1, not {alpha}")
    ranges = input_ranges(model, tokenizer, pairs, max_length)
    linears = _encoder_linears(model)
    ratios = []
    for group in _groups(model):
        x = ranges[group[0]].clamp(min=1e-5)
        w = torch.stack([linears[n].weight.abs().amax(0) for n in group]).amax(0).clamp(min=1e-5)
        ratios.append(float(x.max() / x.median()))
        if ratios[-1] < min_ratio:
            continue
        scale = (x.pow(alpha) / w.pow(1 - alpha)).clamp(min=1e-5)
        for n in group:
            parent, attr = n.rsplit(".", 1)
            setattr(model.get_submodule(parent), attr, SmoothedLinear(linears[n], 1.0 / scale))
    return ratios
