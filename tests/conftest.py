"""Shared fixtures: the real shipped model (loaded once per test run) and the bundled example."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# The shared material (casebook and its tool) sits beside the checkout; ONRECORD_SHARED=DIR names it
# where it is elsewhere (as for scripts/golden.py).
CASES = Path(os.environ.get("ONRECORD_SHARED") or ROOT.parent / "shared") / "cases"


@pytest.fixture(scope="session")
def checker():
    from onrecord.pipeline import Checker

    return Checker()


@pytest.fixture(scope="session")
def letter() -> str:
    return (EXAMPLES / "letter.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def article() -> str:
    return (EXAMPLES / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def letter_report(checker, letter, article):
    from onrecord.documents import from_text

    return checker.check(article, [from_text(letter, id="letter")])


def load_case(name: str) -> dict:
    """A casebook case from ../shared/cases, or a skip where the casebook is not beside this checkout."""
    path = CASES / name
    if not path.exists():
        pytest.skip(f"casebook not available ({path})")
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def only_claim(checker, claim: str, source: str):
    """The one claim of ``claim`` checked against ``source`` (source id "s")."""
    from onrecord.documents import from_text

    report = checker.check(claim, [from_text(source, id="s")])
    assert len(report.claims) == 1, [c.text for c in report.claims]
    return report.claims[0]


def claims_over(report, text: str, needle: str):
    """Claims of ``report`` whose span overlaps ``needle`` in ``text`` (the casebook's rule)."""
    s = text.index(needle)
    e = s + len(needle)
    return [c for c in report.claims if c.start < e and s < c.end]


def quotes_over(report, text: str, needle: str):
    s = text.index(needle)
    e = s + len(needle)
    return [q for q in report.quotes if q.start < e and s < q.end]
