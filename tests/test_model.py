"""The shipped grounding model: loads, behaves sensibly on obvious pairs, fits the size budget.

Also the exact JSON shape of ``bench_pairs``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from onrecord.bench import PairsBench, balanced_accuracy, bench_pairs, roc_auc
from onrecord.runtime.model import DEFAULT_MODEL_DIR, LABELS, GroundingModel

EVIDENCE = (
    "The council approved the new budget on Tuesday. The budget sets aside 4.2 million euros for "
    "repairing the town's three bridges, and work is expected to begin in March."
)
SUPPORTED = "The council approved the budget."
CONTRADICTED = "The council rejected the budget."
UNRELATED = "The striker scored twice in the second half of the cup final."


@pytest.fixture(scope="module")
def model() -> GroundingModel:
    return GroundingModel(DEFAULT_MODEL_DIR, threads=2)


def test_config_has_calibration_fields() -> None:
    cfg = json.loads((DEFAULT_MODEL_DIR / "config.json").read_text(encoding="utf-8"))
    assert sorted(cfg["labels"]) == sorted(LABELS)
    assert cfg["temperature"] > 0
    assert 0.0 < cfg["threshold"] < 1.0
    assert cfg["max_length"] == 256


def test_model_dir_within_size_budget() -> None:
    size = sum(p.stat().st_size for p in DEFAULT_MODEL_DIR.rglob("*") if p.is_file())
    assert size <= 100 * 1024 * 1024


def test_model_card_present() -> None:
    assert (DEFAULT_MODEL_DIR / "MODEL_CARD.md").is_file()


def test_probabilities_sum_to_one(model: GroundingModel) -> None:
    p = model.predict([(EVIDENCE, SUPPORTED), (EVIDENCE, CONTRADICTED), (EVIDENCE, UNRELATED)])
    assert p.shape == (3, 3)
    assert np.allclose(p.sum(axis=1), 1.0, atol=1e-5)
    assert (p >= 0).all()


def test_supported_beats_contradicted(model: GroundingModel) -> None:
    p = model.predict([(EVIDENCE, SUPPORTED), (EVIDENCE, CONTRADICTED)])
    assert p[0, 0] > p[1, 0]


def test_contradicted_beats_unrelated_on_contradiction(model: GroundingModel) -> None:
    p = model.predict([(EVIDENCE, CONTRADICTED), (EVIDENCE, UNRELATED)])
    assert p[0, 1] > p[1, 1]


def test_metrics_by_hand() -> None:
    assert roc_auc([1, 0, 1, 0], [0.9, 0.1, 0.5, 0.5]) == pytest.approx(0.875)
    assert balanced_accuracy([1, 1, 0, 0], [1, 0, 0, 0]) == pytest.approx(0.75)


def test_bench_pairs_shape(model: GroundingModel, tmp_path: Path) -> None:
    rows = [
        {"dataset": "tiny", "doc": EVIDENCE, "claim": SUPPORTED, "label": 1, "label3": "supported"},
        {"dataset": "tiny", "doc": EVIDENCE, "claim": CONTRADICTED, "label": 0, "label3": "contradicted"},
        {"dataset": "tiny", "doc": EVIDENCE, "claim": UNRELATED, "label": 0, "label3": "unsupported"},
        {"dataset": "bin", "doc": EVIDENCE, "claim": SUPPORTED, "label": 1},
        {"dataset": "bin", "doc": EVIDENCE, "claim": UNRELATED, "label": 0},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = bench_pairs([path], model)
    assert isinstance(res, PairsBench)
    d = json.loads(json.dumps(res.to_dict()))
    assert set(d) == {"datasets", "mean_balanced_accuracy"}
    assert set(d["datasets"]) == {"tiny", "bin"}
    assert set(d["datasets"]["tiny"]) == {"n", "balanced_accuracy", "roc_auc", "accuracy3"}
    assert set(d["datasets"]["bin"]) == {"n", "balanced_accuracy", "roc_auc"}
    assert d["datasets"]["tiny"]["n"] == 3
    for v in d["datasets"].values():
        assert 0.0 <= v["balanced_accuracy"] <= 1.0
        assert 0.0 <= v["roc_auc"] <= 1.0
    assert 0.0 <= d["mean_balanced_accuracy"] <= 1.0
