"""The sentence embedder: unit vectors, and a cache that stays right when a call holds more texts than it.

A source larger than the cache once made ``encode`` clear the cache mid-call and then read back what it
had cleared (a ``KeyError`` from the API, a 500 from the service).
"""

from __future__ import annotations

import threading

import numpy as np
import pytest

from onrecord.documents import from_text
from onrecord.pipeline import Checker
from onrecord.runtime.embedder import Embedder


def _sentences(n: int) -> list[str]:
    topics = ["bridge", "budget", "river", "school", "hospital", "kettle", "election", "harbour"]
    return [f"Report {i} says the {topics[i % len(topics)]} work cost {i * 7 + 3} thousand euros in year {1990 + i % 30}."
            for i in range(n)]


@pytest.fixture(scope="module")
def small() -> Embedder:
    return Embedder(cache_size=16)


def test_vectors_are_unit_length_and_repeats_are_equal(small: Embedder) -> None:
    v = small.encode(["The council approved the budget.", "Rain is expected.", "The council approved the budget."])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(v[0], v[2])
    assert small.encode([]).shape == (0, 384)


def test_a_call_larger_than_the_cache_returns_every_vector(small: Embedder) -> None:
    texts = _sentences(100)  # six times the cache
    v = small.encode(texts)
    assert v.shape == (100, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert len(small._cache) <= 16
    again = small.encode(texts[:5] + texts[-5:])  # the first were evicted, the last are still cached
    assert again.shape == (10, 384)


def test_threads_sharing_a_small_cache_all_get_their_vectors(small: Embedder) -> None:
    texts = _sentences(60)
    errors: list[BaseException] = []
    shapes: list[tuple[int, ...]] = []

    def run(part: list[str]) -> None:
        try:
            shapes.append(small.encode(part).shape)
        except BaseException as e:  # noqa: BLE001 - the test reports whatever a thread raised
            errors.append(e)

    threads = [threading.Thread(target=run, args=(texts[k::4] + texts[:10],)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(shapes) == [(25, 384)] * 4


def test_a_check_against_a_source_larger_than_the_cache(small: Embedder) -> None:
    source = " ".join(_sentences(300))
    checker = Checker(embedder=small)
    # Report 14 is the election work's (topics[14 % 8]): 14 * 7 + 3 thousand euros in 1990 + 14.
    report = checker.check("Report 14 says the election work cost 101 thousand euros in year 2004.",
                           [from_text(source, id="s")])
    assert [c.label for c in report.claims] == ["supported"]
    assert len(small._cache) <= 16


def test_published_typography_embeds_as_plain_text(small: Embedder) -> None:
    v = small.encode(["The mayor didn’t say “never” about 2019–2020.", "The mayor didn't say \"never\" about 2019-2020."])
    assert np.array_equal(v[0], v[1])


def test_a_check_quotes_the_source_as_it_is_typed(small: Embedder) -> None:
    source = "The mayor didn’t attend the council’s meeting on Tuesday."
    report = Checker(embedder=small).check("The mayor attended the council’s meeting on Tuesday.",
                                           [from_text(source, id="s")])
    claim = report.claims[0]
    assert claim.label == "contradicted"
    ev = claim.evidence[0]
    assert ev.text == source[ev.start : ev.end] and "didn’t" in ev.text
