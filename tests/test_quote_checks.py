"""Who said a quotation, on both sides: misattribution needs a speaker that can be compared, and names
compare by surname.

Each test pins a behaviour a one-line slip would break (a dropped condition, a looser name match)
with the exact values ``check_quotes`` reports.
"""

from __future__ import annotations

import pytest

from onrecord.documents import from_text
from onrecord.extract.attribution import same_person
from onrecord.judge.quotes import check_quotes

HARBOUR = "JONES: We will rebuild the harbour by 2030.\nSMITH: I agree with the plan."
WELLS = '"The wells would go in this fall," said Priya Shah, the engineer.'


def _only_quote(text: str, source: str, sid: str = "t"):
    results = check_quotes(text, [from_text(source, id=sid)]).results
    assert len(results) == 1, results
    return results[0]


@pytest.mark.parametrize(("text", "speaker"), [
    ('"We will rebuild the harbour by 2030," she said.', "she"),
    ('"We will rebuild the harbour by 2030," they said.', "they"),
    ('The statement said: "We will rebuild the harbour by 2030."', "The statement"),
    ('It said "we will rebuild the harbour by 2030."', "It"),
])
def test_a_speaker_that_cannot_be_compared_is_never_misattributed(text, speaker):
    # An unresolved pronoun or a document is no person to hold against JONES.
    q = _only_quote(text, HARBOUR)
    assert (q.label, q.speaker, q.source_speaker) == ("exact", speaker, "JONES")
    assert q.misattributed is False
    assert (q.source, q.source_start, q.source_end) == ("t", 7, 42)


def test_a_named_speaker_the_source_contradicts_is_misattributed():
    q = _only_quote('Smith said: "We will rebuild the harbour by 2030."', HARBOUR)
    assert (q.speaker, q.source_speaker, q.misattributed) == ("Smith", "JONES", True)
    q = _only_quote('"We will rebuild the harbour by 2030," said Mr. Jones.', HARBOUR)
    assert (q.speaker, q.source_speaker, q.misattributed) == ("Mr. Jones", "JONES", False)


def test_an_unchecked_speaker_in_a_claim_is_not_a_contradiction(checker):
    report = checker.check('"We will rebuild the harbour by 2030," she said.', [from_text(HARBOUR, id="t")])
    assert [q.misattributed for q in report.quotes] == [False]
    assert all("gives these words to" not in c.reason for c in report.claims)


@pytest.mark.parametrize(("text", "speaker", "misattributed"), [
    ('Priya Raman said: "The wells would go in this fall."', "Priya Raman", True),  # same first name only
    ('Raman said: "The wells would go in this fall."', "Raman", True),
    ('Priya Shah said: "The wells would go in this fall."', "Priya Shah", False),
    ('Ms. Shah said: "The wells would go in this fall."', "Ms. Shah", False),
    ('Priya said: "The wells would go in this fall."', "Priya", False),  # a lone given name may be hers
])
def test_misattribution_compares_surnames(text, speaker, misattributed):
    q = _only_quote(text, WELLS, sid="n")
    assert (q.label, q.speaker, q.source_speaker) == ("exact", speaker, "Priya Shah")
    assert q.misattributed is misattributed


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Priya Raman", "Priya Shah", False),
    ("Irene Vasquez", "Irene Park", False),
    ("Dr. Irene Vasquez", "Irene Park", False),
    ("Mr. Jones", "Jones", True),
    ("Sam", "Sam Kelly", True),
    ("Kelly", "Sam Kelly", True),
    ("Sam", "Ade Bakare", False),
    ("Mayor Park", "Ellen Park", True),
])
def test_same_person_takes_the_surname_or_a_lone_name(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


PIER = "JONES: We will rebuild the harbour by 2030, and the ferry pier after it.\nSMITH: I agree with the plan."
PIER_TEXT = ('Jones said "we will rebuild the old harbour by 2030". She added: "the ferry pier after it ... we will '
             'rebuild". Smith said: "I \'fully\' agree with the plan," and then "something nobody said at all".')


def test_every_field_of_a_checked_quotation():
    from onrecord.report import DiffOp, QuoteResult

    results = check_quotes(PIER_TEXT, [from_text(PIER, id="t")]).results
    assert results[0] == QuoteResult(
        id="q1", start=12, end=51, text="we will rebuild the old harbour by 2030", label="altered", source="t",
        source_start=7, source_end=42,
        diff=[DiffOp("equal", "We will rebuild the", "We will rebuild the"), DiffOp("insert", "old", ""),
              DiffOp("equal", "harbour by 2030", "harbour by 2030")],
        speaker="Jones", source_speaker="JONES", misattributed=False, similarity=0.9459, cue="said",
        context_negated=False, note=None)
    q2 = results[1]
    assert (q2.label, q2.speaker, q2.cue, q2.similarity) == ("altered", "Jones", "added", 0.4466)
    assert q2.note == "the parts around the ellipsis appear in the source in a different order"
    assert [d.op for d in q2.diff] == ["delete", "equal", "delete", "equal", "insert"]


def test_a_nested_quotation_is_skipped_and_the_ones_after_it_are_checked():
    results = check_quotes(PIER_TEXT, [from_text(PIER, id="t")]).results
    # "'fully'" sits inside the third quotation: checked with it, never on its own.
    assert [(q.id, q.text) for q in results] == [
        ("q1", "we will rebuild the old harbour by 2030"),
        ("q2", "the ferry pier after it ... we will rebuild"),
        ("q3", "I 'fully' agree with the plan,"),
        ("q4", "something nobody said at all"),
    ]
    q3, q4 = results[2], results[3]
    assert (q3.label, q3.speaker, q3.source_speaker, q3.similarity) == ("altered", "Smith", "SMITH", 0.875)
    assert (q3.source_start, q3.source_end) == (80, 101)
    # Nothing found: no source, no speaker there, no diff.
    assert (q4.label, q4.source, q4.source_start, q4.source_speaker, q4.diff) == ("not_found", None, None, None, [])
    assert (q4.speaker, q4.misattributed, q4.similarity) == ("Smith", False, 0.0)


def test_a_speaker_that_cannot_be_compared_does_not_choose_among_repeated_passages():
    # The words are spoken twice; "the statement" is no person, so the first occurrence stands.
    source = "JONES: We will rebuild the harbour by 2030.\nSTATEMENT: We will rebuild the harbour by 2030."
    q = _only_quote('The statement said: "We will rebuild the harbour by 2030."', source)
    assert (q.source_start, q.source_speaker, q.misattributed) == (7, "JONES", False)


# -- finding and aligning quotations: marks, word boundaries, ellipses ----------------------------------


def test_swedish_marks_and_stray_angle_marks():
    from onrecord.extract.quotes import find_quotes

    scan = find_quotes("Han sa ”hej där” igår.")
    assert [(q.text, q.start, q.end, q.open_mark, q.close_mark) for q in scan.quotes] == [("hej där", 8, 15, "”", "”")]
    assert scan.warnings == []
    # A breadcrumb's single angle marks open nothing, and warn of nothing.
    scan = find_quotes("Menu: Home ›News ›Sport")
    assert (scan.quotes, scan.warnings) == ([], [])


def test_an_exact_match_ends_at_a_word_boundary():
    from onrecord.extract.quotes import align_quote

    m = align_quote("the act", [from_text("We back the action plan.", id="s")])
    assert m.label == "altered" and (m.source_start, m.source_end) == (8, 18)
    m = align_quote("the act", [from_text("We back the act now.", id="s")])
    assert (m.label, m.source_start, m.source_end) == ("exact", 8, 15)


def test_an_ellipsis_cut_is_shown_as_the_sources_words_left_out():
    from onrecord.extract.quotes import align_quote
    from onrecord.report import DiffOp

    m = align_quote("we will rebuild ... by 2030", [from_text("We will rebuild the harbour by 2030.", id="s")])
    assert (m.label, m.source_start, m.source_end) == ("exact", 0, 35)
    assert m.diff == [DiffOp("equal", "We will rebuild", "We will rebuild"), DiffOp("delete", "", "the harbour"),
                      DiffOp("equal", "by 2030", "by 2030")]


def test_parts_out_of_order_are_found_in_the_source_that_has_them_all():
    from onrecord.extract.quotes import align_quote

    sources = [from_text("Nothing here at all.", id="a"),
               from_text("We will rebuild the harbour by 2030, and the ferry pier after it.", id="b")]
    m = align_quote("the ferry pier after it ... we will rebuild", sources)
    assert (m.label, m.source, m.source_start, m.source_end, m.similarity) == ("altered", "b", 0, 64, 0.4466)
    assert m.note == "the parts around the ellipsis appear in the source in a different order"


def test_a_quote_sharing_only_some_words_is_not_found():
    from onrecord.extract.quotes import align_quote

    m = align_quote("harbour will be rebuilt by the council next spring",
                    [from_text("We will rebuild the harbour by 2030.", id="s")])
    assert (m.label, m.source, m.source_start, m.diff, m.similarity) == ("not_found", None, None, [], 0.3385)


# -- who said it: frames and pronouns --------------------------------------------------------------------


def test_a_frame_gives_the_speakers_offsets():
    from onrecord.extract.attribution import reported_frame

    f = reported_frame("Jones said the plan works.", 0, 26)
    assert (f.speaker, f.cue, f.speaker_start, f.speaker_end, f.prop_start, f.prop_end) == ("Jones", "said", 0, 5, 11, 25)


@pytest.mark.parametrize(("text", "speaker", "start"), [
    # The antecedent is two sentences back, past one with no speaker.
    ("Mayor Ellen Park said the library would open. The council agreed. \u201cWe are ready,\u201d she said.",
     "Mayor Ellen Park", 0),
    # The nearest named speaker of the sentence before is the one who spoke, not its first name.
    ("Jonah Reed scored twice, coach Irene Vasquez said. \u201cHe was brilliant,\u201d she said.", "coach Irene Vasquez", 25),
])
def test_she_resolves_to_the_nearest_earlier_speaker(text, speaker, start):
    from onrecord.extract.attribution import attribute

    q = text.index("\u201c") + 1
    a = attribute(text, q, text.index(",\u201d"))
    assert (a.speaker, a.pronoun, a.speaker_start, a.speaker_end) == (speaker, "she", start, start + len(speaker))


@pytest.mark.parametrize("dash", ["\u2013", "\u2014"])
def test_a_cue_after_a_dash(dash):
    from onrecord.extract.attribution import attribute

    text = f"\u201cWe will rebuild the harbour\u201d {dash} said Mayor Ellen Park."
    a = attribute(text, 1, text.index("\u201d"))
    assert (a.speaker, a.cue, a.speaker_start, a.speaker_end) == ("Mayor Ellen Park", "said", 37, 53)


@pytest.mark.parametrize(("text", "prop"), [
    ("Mayor Ellen Park spoke first. The library will open in May, she said.", "The library will open in May"),
    ("Mayor Ellen Park spoke first. She said the library would open in May.", "the library would open in May"),
])
def test_a_frames_pronoun_is_resolved(text, prop):
    from onrecord.extract.attribution import reported_frame

    s = text.index(". ") + 2
    f = reported_frame(text, s, len(text))
    assert (f.speaker, f.speaker_start, f.speaker_end, f.pronoun.lower()) == ("Mayor Ellen Park", 0, 16, "she")
    assert text[f.prop_start : f.prop_end] == prop


def test_an_abbreviation_does_not_end_the_sentence_but_the_full_stop_after_it_does():
    from onrecord.extract.attribution import attribute

    text = "Dr. Ellen Park spoke first. \u201cWe are ready,\u201d she said."
    a = attribute(text, text.index("\u201c") + 1, text.index(",\u201d"))
    assert (a.speaker, a.pronoun, a.speaker_start, a.speaker_end) == ("Dr. Ellen Park", "she", 0, 14)


def test_an_unclosed_mark_inside_a_quotation_is_skipped_with_a_warning():
    from onrecord.extract.quotes import find_quotes

    scan = find_quotes('"He said \'hello to me" and left.')
    assert [(q.text, q.start, q.end) for q in scan.quotes] == [("He said 'hello to me", 1, 21)]
    assert scan.warnings == ["unmatched opening mark ' at offset 9 (line 1); skipped"]


def test_a_mark_at_the_start_of_a_text_is_dropped_from_the_key():
    from onrecord.extract.quotes import fold

    assert fold('"Yes" we can').key == "yes we can"
    assert fold("don\u2019t stop").key == "don't stop"


def test_he_never_resolves_to_a_woman_by_title():
    from onrecord.extract.attribution import attribute

    text = "Mrs. Ellen Park spoke first. \u201cWe are ready,\u201d he said."
    a = attribute(text, text.index("\u201c") + 1, text.index(",\u201d"))
    assert (a.speaker, a.pronoun) == ("he", "he")  # left unresolved, so never checked against a source


def test_a_whole_sentence_keeps_the_pronoun_its_speaker_was_resolved_from():
    from onrecord.extract.attribution import attribute

    text = "Mayor Ellen Park spoke first. She said the library would open in May."
    a = attribute(text, text.index("She"), len(text))
    assert (a.speaker, a.cue, a.speaker_start, a.speaker_end, a.pronoun) == ("Mayor Ellen Park", "said", 0, 16, "She")


@pytest.mark.parametrize(("text", "prop_end", "speaker_start"), [
    # The cue sits before a trailing phrase: the comma before the cue splits the frame, not the last one.
    ("The plan will open in May, she said, after the vote.", 25, 27),
    # Commas inside P: the last comma before the cue splits it.
    ("The plan, which was late, will open in May, she said.", 42, 44),
])
def test_the_frame_after_p_splits_at_the_comma_before_its_cue(text, prop_end, speaker_start):
    from onrecord.extract.attribution import reported_frame

    f = reported_frame(text, 0, len(text))
    assert (f.speaker, f.cue, f.prop_start, f.prop_end, f.speaker_start) == ("she", "said", 0, prop_end, speaker_start)


def test_speakers_compared_without_titles_or_possessives():
    from onrecord.extract.attribution import is_checkable_speaker
    from onrecord.report import Attribution

    assert same_person("Reed's", "Jonah Reed")
    assert not same_person("the chair", "Chair Okonkwo")  # a title alone names no one
    assert same_person("the chair", "The Chair")
    assert not is_checkable_speaker(Attribution("she", "said", 0, 3))
    assert is_checkable_speaker(Attribution("Jonah Reed", "said", 0, 10))


def test_alignment_at_the_edges_of_the_sources():
    from onrecord.extract.quotes import align_quote, fold

    harbour = "We will rebuild the harbour by 2030"  # no full stop: the text ends on a letter
    for sources in ([from_text("\u201c\u201d", id="a"), from_text(harbour + ".", id="b")],  # an empty key first
                    [from_text(harbour, id="b")]):
        m = align_quote("we will rebuild the old harbour", sources)
        assert (m.label, m.source, m.source_start, m.source_end, m.similarity) == ("altered", "b", 0, 27, 0.931)
        assert [d.op for d in m.diff] == ["equal", "insert", "equal"] and m.diff[0].text == "We will rebuild the"
    # A quotation of function words only is judged on its letters.
    m = align_quote("it is not for them", [from_text("It is not for us.", id="s")])
    assert (m.label, m.source_start, m.source_end) == ("altered", 0, 16)
    # A soft hyphen is invisible, and folding goes on past it.
    assert fold("re\u00adbuild the harbour").key == "rebuild the harbour"


@pytest.mark.parametrize("text", [
    '"We will rebuild the harbour by 2030," Smith said.',
    'Smith said: "We will rebuild the harbour by 2030."',
    'Smith said "we will rebuild the harbour by 2030."',
    '"We will rebuild the harbour by 2030!" Smith said.',
    '“We will rebuild the harbour by 2030,” said Smith.',
    'According to Smith, "we will rebuild the harbour by 2030."',
])
def test_a_claim_framed_on_a_quotation_holds_it_and_its_speaker_is_checked(text: str) -> None:
    from onrecord.extract.claims import claim_units
    from onrecord.judge.quotes import within

    q = _only_quote(text, HARBOUR)
    assert q.misattributed and q.source_speaker == "JONES"
    holding = [u for u in claim_units(text) if u.unchecked is None and within(q, u.start, u.end)]
    assert holding, [(u.start, u.end, u.text) for u in claim_units(text)]
