"""A repeated sentence is found after folding; quotations that cannot carry a claim are named."""

from __future__ import annotations

import pytest

from onrecord.documents import from_text
from onrecord.extract.verbatim import quote_blocks, repeated_sentence
from onrecord.judge.quotes import check_quotes

NOTICE = ("Riverside Community Clinic - service changes\n\nThe clinic is closed on Sundays.\n"
          "Walk-in appointments are available on Monday and Wednesday, but not Friday.\n"
          "The council said it \u201cwill not raise taxes\u201d this year.\n")


@pytest.mark.parametrize("claim", [
    "The clinic is closed on Sundays.",
    "The clinic is closed on Sundays",
    "the clinic is closed on sundays.",
    "The  clinic is closed\non Sundays.",
    "Walk-in appointments are available on Monday and Wednesday, but not Friday.",
    "Walk\u2013in appointments are available on Monday and Wednesday, but not Friday.",
    'The council said it "will not raise taxes" this year.',
])
def test_repeated(claim: str) -> None:
    r = repeated_sentence(claim, NOTICE)
    assert r is not None
    repeated = NOTICE[r.source_start : r.source_end]
    assert repeated.endswith(".") and repeated.split()[-1].lower() == claim.split()[-1].lower().rstrip(".") + "."


@pytest.mark.parametrize("claim", [
    "The clinic is closed on Saturdays.",
    "Walk-in appointments are available on Monday and Wednesday.",
    "The clinic is not closed on Sundays.",
    "Closed on Sundays.",
    "Thank you.",
])
def test_not_repeated(claim: str) -> None:
    assert repeated_sentence(claim, NOTICE) is None


HEARING = ("SENATOR HOLLOWAY: The grid failed because operators ignored the winter warnings.\n\n"
           "SECRETARY VANCE: We will publish the full investigation by March. I cannot promise an earlier date.\n")
TEXT = ('Vance said he "cannot promise an earlier date."\n'
        'Vance promised to publish "the full investigation by February."\n'
        'Vance said the report would be out "by January at the latest."\n'
        '"We will publish the full investigation by March," Holloway said.\n')


def test_quote_blocks_name_the_quotation() -> None:
    qc = check_quotes(TEXT, [from_text(HEARING, id="hearing")])
    lines = TEXT.splitlines(keepends=True)
    starts = [sum(len(x) for x in lines[:i]) for i in range(len(lines))]
    blocks = [quote_blocks(s, s + len(line), qc.results) for s, line in zip(starts, lines, strict=True)]
    assert blocks[0] == []
    assert [b.label for b in blocks[1]] == ["altered"] and "the full investigation by February" in blocks[1][0].why
    assert [b.label for b in blocks[2]] == ["not_found"] and "by January at the latest" in blocks[2][0].why
    assert len(blocks[3]) == 1 and "not Holloway's" in blocks[3][0].why
