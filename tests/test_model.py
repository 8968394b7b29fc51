"""The shipped grounding model: loads, behaves sensibly on obvious pairs, fits the size budget.

Also the metrics of ``onrecord.bench`` on hand-computed cases, and ``bench_pairs`` on a tiny pairs file.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from onrecord.bench import PairsBench, balanced_accuracy, bench_pairs, expected_calibration_error, roc_auc
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


def test_roc_auc_by_hand() -> None:
    # Every (positive, negative) pair: 1 when the positive scores higher, 1/2 on a tie.
    assert roc_auc([1, 0, 1, 0], [0.9, 0.1, 0.5, 0.5]) == pytest.approx(3.5 / 4)
    assert roc_auc([0, 0, 1], [0.2, 0.8, 0.5]) == pytest.approx(1 / 2)
    assert roc_auc([1, 0], [0.1, 0.9]) == 0.0
    assert roc_auc([1, 1, 0, 0, 0], [0.6, 0.6, 0.6, 0.1, 0.2]) == pytest.approx((0.5 + 1 + 1) * 2 / 6)
    assert np.isnan(roc_auc([1, 1], [0.2, 0.9]))  # undefined with one class


def test_balanced_accuracy_by_hand() -> None:
    assert balanced_accuracy([1, 1, 0, 0], [1, 0, 0, 0]) == pytest.approx((1 / 2 + 1) / 2)
    # Imbalanced: plain accuracy would be 4/5; the mean of the recalls is (1 + 3/4) / 2.
    assert balanced_accuracy([1, 0, 0, 0, 0], [1, 1, 0, 0, 0]) == pytest.approx(0.875)
    assert balanced_accuracy([1, 1], [1, 0]) == pytest.approx(0.5)  # only the classes present


def test_expected_calibration_error_by_hand() -> None:
    # Two bins of half the pairs each: |0.9 - 1/2| and |0.2 - 0|, weighted 1/2 each.
    assert expected_calibration_error([0.9, 0.9, 0.2, 0.2], [1, 0, 0, 0], bins=10) == pytest.approx(0.3)
    assert expected_calibration_error([0.25] * 4, [1, 0, 0, 0], bins=10) == pytest.approx(0.0)
    # One bin (0.7-0.8) holding both: |0.71 - 1|.
    assert expected_calibration_error([0.7, 0.72], [1, 1], bins=10) == pytest.approx(0.29)


def test_bench_pairs_values(model: GroundingModel, tmp_path: Path) -> None:
    from onrecord.retrieve.evidence import score_document

    bridges = "Work on the bridges is expected to begin in March."
    nine = "The budget sets aside 9 million euros for the bridges."
    rows = [
        {"dataset": "tiny", "doc": EVIDENCE, "claim": SUPPORTED, "label": 1, "label3": "supported"},
        {"dataset": "tiny", "doc": EVIDENCE, "claim": CONTRADICTED, "label": 0, "label3": "contradicted"},
        {"dataset": "tiny", "doc": EVIDENCE, "claim": UNRELATED, "label": 0, "label3": "unsupported"},
        {"dataset": "bin", "doc": EVIDENCE, "claim": SUPPORTED, "label": 1},
        {"dataset": "bin", "doc": EVIDENCE, "claim": bridges, "label": 1},
        {"dataset": "bin", "doc": EVIDENCE, "claim": UNRELATED, "label": 0},
        {"dataset": "bin", "doc": EVIDENCE, "claim": nine, "label": 0},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = bench_pairs([path], model)
    assert isinstance(res, PairsBench)
    d = json.loads(json.dumps(res.to_dict()))
    assert set(d) == {"datasets", "mean_balanced_accuracy"}
    tiny, binary = d["datasets"]["tiny"], d["datasets"]["bin"]
    assert (tiny["n"], binary["n"]) == (3, 4)
    # The obvious pairs: the supported claim above the threshold, the other two below it.
    assert (tiny["balanced_accuracy"], tiny["roc_auc"]) == (1.0, 1.0)
    assert tiny.get("accuracy3") is None or 0.0 <= tiny["accuracy3"] <= 1.0

    # The other dataset by hand, from the score a check gives each pair.
    p = [score_document(model, EVIDENCE, c).p_supported for c in (SUPPORTED, bridges, UNRELATED, nine)]
    pos, neg = p[:2], p[2:]
    auc = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg) / 4
    recall_pos = sum(x >= res.threshold for x in pos) / 2
    recall_neg = sum(x < res.threshold for x in neg) / 2
    assert binary["roc_auc"] == pytest.approx(auc, abs=1e-4)
    assert binary["balanced_accuracy"] == pytest.approx((recall_pos + recall_neg) / 2, abs=1e-4)
    assert d["mean_balanced_accuracy"] == pytest.approx((1.0 + binary["balanced_accuracy"]) / 2, abs=1e-4)


@pytest.mark.parametrize(("published", "plain"), [
    (("The mayor didn’t attend the council’s meeting.", "The mayor attended."),
     ("The mayor didn't attend the council's meeting.", "The mayor attended.")),
    (("She said the plan was “final” for 2019–2020.", "The plan was final for 2019-2020."),
     ('She said the plan was "final" for 2019-2020.', "The plan was final for 2019-2020.")),
    (("Profits fell −4% in ‘the worst year’.", "Profits fell 4%."), ("Profits fell -4% in 'the worst year'.", "Profits fell 4%.")),
])
def test_the_model_reads_published_typography_as_plain_text(model: GroundingModel, published, plain) -> None:
    # "’" and "'" are different word pieces: the same text must not get other probabilities for how it was typed.
    assert np.array_equal(model.logits([published]), model.logits([plain]))
