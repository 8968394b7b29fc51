"""training/smooth.py: evening a BERT's linear inputs leaves the model's function unchanged and the inputs even.

Needs the training extra (torch, transformers); skipped where it is not installed (the CI installs the
product and its test extra only).
"""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
sys.path.insert(0, str(ROOT / "training"))

from smooth import SmoothedLinear, input_ranges, smooth_linear_inputs  # noqa: E402


def _tiny_bert():
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    torch.manual_seed(0)
    model = BertForSequenceClassification(BertConfig(
        vocab_size=120, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
        num_labels=3, attn_implementation="eager")).eval()
    with torch.no_grad():  # an outlier channel, as a trained BERT has
        model.bert.embeddings.LayerNorm.weight[5] = 12.0
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + [f"w{i}" for i in range(115)]
    path = ROOT / ".pytest_cache" / "tiny_vocab.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(vocab) + "\n", encoding="utf-8")
    return model, BertTokenizerFast(vocab_file=str(path), do_lower_case=True)


PAIRS = [(" ".join(f"w{(i * 7 + j) % 115}" for j in range(30)), f"w{i} w{i + 1} w{i + 2}") for i in range(12)]


def test_the_smoothed_model_computes_the_same_function():
    model, tok = _tiny_bert()
    enc = tok([e for e, _ in PAIRS], [c for _, c in PAIRS], padding=True, return_tensors="pt")
    with torch.no_grad():
        before = model(**enc).logits
    ratios = smooth_linear_inputs(model, tok, PAIRS, alpha=0.5, max_length=64)
    with torch.no_grad():
        after = model(**enc).logits
    assert len(ratios) == 2 * 4  # query/key/value, attention output, intermediate, output: per layer
    assert sum(isinstance(m, SmoothedLinear) for m in model.modules()) == 2 * 6
    assert torch.allclose(before, after, atol=1e-4), (before - after).abs().max()


def test_smoothing_evens_the_inputs_the_int8_scale_is_set_by():
    model, tok = _tiny_bert()
    ratios = smooth_linear_inputs(model, tok, PAIRS, alpha=0.5, max_length=64)
    first = "bert.encoder.layer.0.attention.self.query"
    assert ratios[0] > 5  # the planted outlier channel
    # What the int8 scale is set by now: the input of the linear inside, already divided by the scales.
    evened = input_ranges(model, tok, PAIRS, 64)[first + ".linear"]
    assert float(evened.max() / evened.median()) < ratios[0] / 2


def test_a_group_below_the_ratio_is_left_and_alpha_is_checked():
    model, tok = _tiny_bert()
    smooth_linear_inputs(model, tok, PAIRS, alpha=0.5, max_length=64, min_ratio=1e9)
    assert not any(isinstance(m, SmoothedLinear) for m in model.modules())
    with pytest.raises(ValueError, match="alpha"):
        smooth_linear_inputs(model, tok, PAIRS, alpha=1.5)
