"""The same input gives the same report, byte for byte, whatever the process checked before and however
many threads check at once.

Sentence vectors were once cached from whichever batch embedded a sentence first, and a vector moved
with its batch-mates: one request read ``unsupported 0.936`` on a fresh server and ``supported 0.60``
after one other check. Both models now read each input alone.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
import yaml

from onrecord.documents import from_text, load
from onrecord.pipeline import Checker
from onrecord.runtime.embedder import Embedder

from .conftest import EXAMPLES, ROOT


def _jobs() -> list[tuple]:
    jobs = [(load(str(EXAMPLES / "article.txt")), [load(str(EXAMPLES / "letter.txt"))])]
    for name in ("101", "104"):
        case = yaml.safe_load((ROOT / "bench" / "cases" / f"{name}.yaml").read_text(encoding="utf-8"))
        jobs.append((from_text(case["text"]), [from_text(s["text"], id=s["id"]) for s in case["sources"]]))
    return jobs


def _json(checker: Checker, job: tuple) -> str:
    return checker.check(*job).to_json()


@pytest.fixture(scope="module")
def fresh_reports(checker) -> list[str]:
    """Each job on a checker of its own with an empty cache."""
    return [_json(Checker(model=checker.model, embedder=Embedder(), timings=False), job) for job in _jobs()]


def test_after_other_checks_and_in_reverse_order(checker, fresh_reports) -> None:
    shared = Checker(model=checker.model, embedder=Embedder(), timings=False)
    jobs = _jobs()
    forward = [_json(shared, job) for job in jobs]
    backward = [_json(shared, job) for job in reversed(jobs)][::-1]
    assert forward == fresh_reports
    assert backward == fresh_reports


def test_eight_threads(checker, fresh_reports) -> None:
    shared = Checker(model=checker.model, embedder=Embedder(), timings=False)
    jobs = _jobs() * 3
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda job: _json(shared, job), jobs))
    assert got == fresh_reports * 3


def test_an_embedding_does_not_depend_on_its_batch_mates(checker) -> None:
    emb = Embedder()
    texts = ["The council approved the budget on Tuesday.", "Rain.",
             "A much longer sentence about the river, the bridge and the fish that live under it in summer."]
    alone = [emb.encode([t])[0] for t in texts]
    other = Embedder()
    together = other.encode(texts[::-1] + ["Prices rose 4% in March."])[:3][::-1]
    for a, b in zip(alone, together, strict=True):
        assert np.array_equal(a, b)


def test_a_pair_score_does_not_depend_on_its_batch_mates(checker) -> None:
    model = checker.model
    pairs = [("The council approved the budget on Tuesday.", "The budget was approved."),
             ("Rain is expected on the coast for most of the week, with winds from the west.", "It will rain.")]
    alone = np.stack([model.logits([p])[0] for p in pairs])
    assert np.array_equal(model.logits(pairs), alone)
    assert np.array_equal(model.logits(pairs[::-1])[::-1], alone)
