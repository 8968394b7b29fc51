"""One analysis per text: the stages of a check read the same sentences, quotations and attribution tokens."""

from __future__ import annotations

import threading

from onrecord.documents import from_text
from onrecord.extract.claims import claim_units
from onrecord.judge.quotes import check_quotes
from onrecord.text.analysis import TextAnalysis, analysis_of

TEXT = ('Mayor Dana Whitfield said the bridge "will open in May". The council approved the budget.\n\n'
        '"We are ready," said Priya Raman, the engineer.')


def test_parts_are_computed_once_and_shared() -> None:
    ta = TextAnalysis(TEXT)
    assert ta.quotes is ta.quotes
    assert [q.text for q in ta.top_quotes] == ["will open in May", "We are ready,"]
    assert [TEXT[s.start : s.end] for s in ta.quotation_spans] == ['"will open in May"', '"We are ready,"']
    assert analysis_of(ta) is ta
    assert analysis_of(TEXT) is not analysis_of(TEXT)  # a plain string gets an analysis of its own


def test_the_stages_read_the_analysis_they_are_given() -> None:
    ta = TextAnalysis(TEXT)
    qcheck = check_quotes(ta, [from_text("The bridge will open in May, the mayor said.", id="s")])
    units = claim_units(ta)
    assert "attribution" in ta._derived  # built once, by the first stage, and read by the next
    assert [q.speaker for q in qcheck.results] == ["Mayor Dana Whitfield", "Priya Raman"]
    assert units == claim_units(TEXT)  # the same units as from the plain text


def test_derived_is_built_once_under_threads() -> None:
    ta = TextAnalysis(TEXT)
    built: list[int] = []

    def build() -> int:
        built.append(1)
        return len(built)

    threads = [threading.Thread(target=lambda: ta.derived("x", build)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert built == [1] and ta.derived("x", build) == 1


def test_a_claim_and_its_speaker_come_from_the_same_sentence() -> None:
    """One sentence segmentation for claims and attribution: a line wrapped before the reporting verb
    stays one sentence for both (attribution once cut at every line break, claims joined the lines)."""
    text = '"We will rebuild," Governor Alvarez\ntold reporters. The bridge will open in May.'
    ta = TextAnalysis(text)
    q = ta.top_quotes[0]
    from onrecord.extract.attribution import attribute

    a = attribute(ta, q.start, q.end)
    assert a is not None and a.speaker == "Governor Alvarez"
    first = ta.sentences[0]
    assert text[first.start : first.end] == '"We will rebuild," Governor Alvarez\ntold reporters.'


def test_a_name_wrapped_over_a_line_is_one_sentence_and_one_speaker() -> None:
    text = 'Intro.\n\nThe plan is "a good start", said Dana\nWhitfield, the mayor.'
    units = claim_units(text)
    assert [(u.text, u.attribution.speaker if u.attribution else None) for u in units] == [
        ('The plan is "a good start"', "Dana Whitfield")]
    # A headline still stands apart from the sentence after it.
    head = "Trump gives Putin letter from Melania\nDuring the summit, he said it was an honour."
    assert len(TextAnalysis(head).sentences) == 2
