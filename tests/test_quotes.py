"""Quotations: finding them, folding, aligning to sources, checking a text."""

from __future__ import annotations

import pytest

from onrecord.documents import Document
from onrecord.extract.quotes import align_quote, find_quotes, fold
from onrecord.judge.quotes import check_quotes

from .conftest import CASES
from .conftest import load_case as _case


def _sources(case: dict) -> list[Document]:
    return [Document(id=s["id"], text=s["text"]) for s in case["sources"]]


def _texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text).quotes]


# ---------------------------------------------------------------- find_quotes


@pytest.mark.parametrize(
    "text, inner, marks",
    [
        ('He said "hello there" and left.', "hello there", ('"', '"')),
        ("He said “hello there” and left.", "hello there", ("“", "”")),
        ("Il a dit «bonjour» et il est parti.", "bonjour", ("«", "»")),
        ("Il a dit « bonjour » et il est parti.", "bonjour", ("«", "»")),
        ("Er sagte »Guten Tag« und ging.", "Guten Tag", ("»", "«")),
        ("Er sagte „Guten Tag“ und ging.", "Guten Tag", ("„", "“")),
        ("He said ‘hi there’ twice.", "hi there", ("‘", "’")),
        ("He said 'hi there' twice.", "hi there", ("'", "'")),
    ],
)
def test_every_mark_style(text: str, inner: str, marks: tuple[str, str]) -> None:
    scan = find_quotes(text)
    assert scan.warnings == []
    [q] = scan.quotes
    assert q.text == inner
    assert text[q.start : q.end] == inner
    assert (q.open_mark, q.close_mark) == marks
    assert text[q.mark_start] == marks[0] and text[q.mark_end - 1] == marks[1]


def test_apostrophes_are_not_quotes() -> None:
    text = "Don't touch Putin's 90s' records, the players' kit or rock 'n' roll in the '90s."
    scan = find_quotes(text)
    assert scan.quotes == []
    assert scan.warnings == []


@pytest.mark.parametrize("text", [
    "a video recorded at barcelona 's ciutat esportiva training ground . the boy moved the hoop .",
    "they 're sure it 's over , he said , and we 'll see .",
    "i 've seen it and i 'm told he 'd left .",
])
def test_a_clitic_set_apart_in_tokenized_text_is_no_quote(text: str) -> None:
    scan = find_quotes(text)
    assert scan.quotes == []


def test_a_quoted_letter_or_word_is_still_a_quote() -> None:
    assert _texts("The 's' key broke.") == ["s"]
    assert _texts("He called it 'd-day' in the memo.") == ["d-day"]


def test_apostrophes_inside_a_single_quoted_passage() -> None:
    text = "She wrote ‘we don’t know Putin’s plans’ in May."
    assert _texts(text) == ["we don’t know Putin’s plans"]


def test_nested_quotes() -> None:
    text = "“She told me ‘never again’ and left,” he said."
    scan = find_quotes(text)
    outer, inner = scan.quotes
    assert outer.text == "She told me ‘never again’ and left," and outer.depth == 0
    assert inner.text == "never again" and inner.depth == 1
    assert outer.start < inner.start < inner.end < outer.end


def test_nested_straight_quotes() -> None:
    assert _texts("\"Nested 'inner' quote,\" she said.") == ["Nested 'inner' quote,", "inner"]


def test_quote_across_paragraphs_one_line_each() -> None:
    text = '"First paragraph of the quote.\n"Second paragraph ends it," he said.\nNext.'
    [q] = find_quotes(text).quotes
    assert q.text.startswith("First paragraph") and q.text.endswith("ends it,")


def test_quote_across_blank_line_paragraphs() -> None:
    text = "“One paragraph\nwrapped here.\n\n“And another,” she said."
    scan = find_quotes(text)
    [q] = scan.quotes
    assert "wrapped here." in q.text and q.text.endswith("another,")
    assert scan.warnings == []


def test_unclosed_quote_at_paragraph_end_warns() -> None:
    text = '"Unclosed quote here.\nNext line is "plain" text.'
    scan = find_quotes(text)
    assert _texts(text) == ["plain"]
    assert len(scan.warnings) == 1
    assert "offset 0" in scan.warnings[0] and "line 1" in scan.warnings[0]


@pytest.mark.parametrize(
    "text",
    ['"One" and "two" and "three', "A stray ” closing mark.", "”“”", '"', "«", "»", "He said ‘hi and left."],
)
def test_odd_marks_degrade_with_a_warning(text: str) -> None:
    scan = find_quotes(text)  # never raises
    assert scan.warnings
    assert all("offset" in w and "line" in w for w in scan.warnings)


def test_odd_marks_keep_the_good_quotes() -> None:
    scan = find_quotes('"One" and "two" and "three')
    assert [q.text for q in scan.quotes] == ["One", "two"]
    assert "offset 20" in scan.warnings[0]


def test_short_quotes_are_reported() -> None:
    assert _texts('The company was "deeply ashamed" of it.') == ["deeply ashamed"]


# ---------------------------------------------------------------- fold


def test_fold_rules_and_index_round_trip() -> None:
    text = "Don’t  STOP—now … “Yes”"
    f = fold(text)
    assert f.key == "don't stop-now ... yes"
    assert len(f.index) == len(f.key) + 1 and f.index[-1] == len(text)
    for i, ch in enumerate(f.key):
        orig = text[f.index[i]]
        assert ch == orig.lower() or ch in " '-." or orig in "’…"


def test_fold_dashes_and_spacing() -> None:
    assert fold("purity—an innocence").key == fold("purity - an innocence").key == "purity-an innocence"
    assert fold("a\n\n  b\tc").key == "a b c"


def test_fold_span_maps_back_to_original() -> None:
    text = "Mr. Putin,\n\nyou can — singlehandedly"
    f = fold(text)
    a = f.key.index("you can-single")
    s, e = f.span(a, a + len("you can-single"))
    assert text[s:e] == "you can — single"


# ---------------------------------------------------------------- align_quote

SOURCE = Document(
    id="s",
    text=(
        "We do not expect any increase in truck traffic on Route 9, because the new cell is served "
        "from the existing entrance. The wells would go in this fall.\n\n"
        "Mr. Putin, you can singlehandedly restore their melodic laughter. It is time."
    ),
)


def test_exact_offsets_are_the_sources_words() -> None:
    m = align_quote("mr. putin,  you can singlehandedly restore their melodic laughter.", [SOURCE])
    assert m.label == "exact" and m.source == "s" and m.similarity == 1.0
    assert SOURCE.text[m.source_start : m.source_end] == (
        "Mr. Putin, you can singlehandedly restore their melodic laughter"
    )


def test_exact_but_negated_context() -> None:
    m = align_quote("any increase in truck traffic on Route 9.", [SOURCE])
    assert m.label == "exact"
    assert m.context_negated is True
    assert SOURCE.text[m.source_start : m.source_end] == "any increase in truck traffic on Route 9"


def test_exact_is_word_bounded() -> None:
    assert align_quote("ime", [SOURCE]).label == "not_found"


def test_ellipsis_parts_in_order() -> None:
    for q in (
        "We do not expect … the new cell is served",
        "We do not expect ... the new cell is served",
        "We do not expect [...] the new cell is served",
    ):
        m = align_quote(q, [SOURCE])
        assert m.label == "exact", q
        assert SOURCE.text[m.source_start : m.source_end].startswith("We do not expect any increase")
        assert SOURCE.text[m.source_start : m.source_end].endswith("the new cell is served")
        assert any(d.op == "delete" and "Route 9" in d.source_text for d in m.diff)


def test_ellipsis_hiding_a_negation_is_flagged() -> None:
    m = align_quote("We do … expect any increase", [SOURCE])
    assert m.label == "exact"
    assert m.context_negated is True
    assert [d.source_text for d in m.diff if d.op == "delete"] == ["not"]


def test_ellipsis_parts_out_of_order() -> None:
    m = align_quote("the new cell is served ... We do not expect", [SOURCE])
    assert m.label == "altered"
    assert m.note and "order" in m.note


def test_ellipsis_parts_in_different_sources_are_not_exact() -> None:
    a = Document(id="a", text="The first half is here.")
    b = Document(id="b", text="The second half is there.")
    assert align_quote("The first half … second half is there", [a, b]).label != "exact"


def test_altered_with_word_diff() -> None:
    m = align_quote("the wells would go in this spring", [SOURCE])
    assert m.label == "altered"
    assert SOURCE.text[m.source_start : m.source_end] == "The wells would go in this fall"
    assert [(d.op, d.text, d.source_text) for d in m.diff] == [
        ("equal", "The wells would go in this", "The wells would go in this"),
        ("replace", "spring", "fall"),
    ]
    assert 0.8 <= m.similarity < 1


def test_altered_insert_and_delete_use_the_texts_words() -> None:
    m = align_quote("We Expect an increase in truck traffic on Route 9", [SOURCE])
    assert m.label == "altered"
    ops = [(d.op, d.text, d.source_text) for d in m.diff]
    assert ("delete", "", "do not") in ops
    assert ("replace", "an", "any") in ops
    assert ops[0] == ("equal", "We", "We")


def test_punctuation_only_difference_is_exact() -> None:
    m = align_quote("Mr Putin, you can singlehandedly restore their melodic laughter", [SOURCE])
    assert m.label == "exact" and m.diff == []


def test_not_found() -> None:
    m = align_quote("mentioned the abductions of children", [SOURCE])
    assert m.label == "not_found" and m.source is None and m.source_start is None
    assert align_quote("", [SOURCE]).label == "not_found"
    assert align_quote("anything", []).label == "not_found"


def test_best_source_wins() -> None:
    other = Document(id="o", text="Nothing related at all here, only weather and sport.")
    m = align_quote("It is time", [other, SOURCE])
    assert m.source == "s"


# ---------------------------------------------------------------- check_quotes


def test_check_quotes_ids_offsets_and_warnings() -> None:
    text = 'Smith said "The wells would go in this fall." Then "It is time," Lee said. And "oops'
    check = check_quotes(text, [SOURCE])
    assert [r.id for r in check.results] == ["q1", "q2"]
    for r in check.results:
        assert text[r.start : r.end] == r.text
        assert r.label == "exact"
    assert check.results[0].speaker == "Smith" and check.results[1].speaker == "Lee"
    assert len(check.warnings) == 1


def test_nested_quote_checked_with_its_outer_quote() -> None:
    check = check_quotes("He said “we heard ‘It is time’ from them” today.", [SOURCE])
    assert [r.text for r in check.results] == ["we heard ‘It is time’ from them"]


def test_letter_case_quotes() -> None:
    case = _case("001-letter.yaml")
    check = check_quotes(case["text"], _sources(case))
    by_text = {r.text: r for r in check.results}

    def find(fragment: str):
        return next(r for t, r in by_text.items() if fragment in t)

    for fragment in (
        "Mr. Putin, you can singlehandedly restore their melodic laughter",
        "each generation's descendants begin their lives with a purity",
    ):
        r = find(fragment)
        assert r.label == "exact" and r.source == "letter"
        assert not r.misattributed
    assert find("mentioned the abductions of children").label == "not_found"
    assert find("true act of humanism").label == "not_found"
    assert find("Mr. Putin, you can").speaker in ("Melania", "Melania Trump")
    assert find("mentioned the abductions").speaker == "Trump administration officials"
    assert check.warnings == []


def test_every_case_expectation() -> None:
    if not CASES.exists():
        pytest.skip("casebook not available")
    yaml = pytest.importorskip("yaml")
    for path in sorted(CASES.glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = case["text"]
        check = check_quotes(text, _sources(case))
        for exp in case.get("expect", {}).get("quotes", []):
            s = text.index(exp["text"])
            e = s + len(exp["text"])
            hits = [r for r in check.results if r.start < e and s < r.end]
            assert any(
                r.label == exp["label"] and ("source" not in exp or r.source == exp["source"]) for r in hits
            ), (path.name, exp, hits)
        for exp in case.get("expect", {}).get("attribution", []):
            s = text.index(exp["quote"])
            e = s + len(exp["quote"])
            hits = [r for r in check.results if r.start < e and s < r.end]
            assert any(
                r.misattributed and exp["source_speaker"].lower() in (r.source_speaker or "").lower()
                for r in hits
            ), (path.name, exp, hits)


def test_hearing_misattribution() -> None:
    case = _case("005-hearing.yaml")
    check = check_quotes(case["text"], _sources(case))
    [r] = [r for r in check.results if r.text.startswith("We can commit")]
    assert r.label == "exact" and r.source == "transcript"
    assert r.speaker == "Chair Okonkwo"
    assert r.source_speaker == "DIRECTOR HALVORSEN"
    assert r.misattributed
    [truck] = [r for r in check.results if "truck traffic" in r.text]
    assert truck.label == "exact" and truck.context_negated and not truck.misattributed
    [brandt] = [r for r in check.results if "will not vote" in r.text]
    assert brandt.source_speaker == "COMMISSIONER BRANDT" and not brandt.misattributed


def test_speaker_chooses_among_repeated_passages() -> None:
    src = Document(id="t", text="ANN LEE: We agree.\n\nBOB RAY: We agree.\n")
    check = check_quotes('Bob Ray said: "We agree."', [src])
    [r] = check.results
    assert r.source_speaker == "BOB RAY" and not r.misattributed


def test_many_quotes_against_a_long_source() -> None:
    # How fast: bench/quote_speed.py times this same workload.
    src = Document(id="big", text=" ".join(SOURCE.text for _ in range(200)))
    text = "\n".join(f'Person{i} said "the wells would go in this fall {i}" today.' for i in range(60))
    check = check_quotes(text, [src])
    assert len(check.results) == 60
    assert [r.speaker for r in check.results] == [f"Person{i}" for i in range(60)]
    assert all(r.label != "exact" for r in check.results)  # "... fall 7" is in no source


@pytest.mark.parametrize("text", ['He said "" and “”.', "Empty: « » and ‘’ here.", 'Then "  " was all.'])
def test_empty_quotation_marks_quote_nothing_and_say_so(text: str) -> None:
    scan = find_quotes(text)
    assert scan.quotes == []
    assert scan.warnings and all("skipped" in w for w in scan.warnings)


def test_empty_marks_beside_a_real_quotation() -> None:
    scan = find_quotes('He said "" before saying "we will win".')
    assert [q.text for q in scan.quotes] == ["we will win"]
    assert any("empty quotation marks" in w for w in scan.warnings)


@pytest.mark.parametrize("text", [
    'Swift said she had written three songs for "Red".',
    'Mayor Diaz said the plan, known as "Greenway", was ready.',
    'Captain Ruiz said the ship, "Endeavour", would sail in May.',
])
def test_one_capitalised_word_in_quotes_is_a_name_nobody_is_quoted_saying(text) -> None:
    src = Document(id="t", text="ANN LEE: We finished Red, Greenway and Endeavour last year.\n")
    [r] = check_quotes(text, [src]).results
    assert r.label == "exact" and r.source_speaker == "ANN LEE"
    assert not r.misattributed


def test_a_longer_quotation_still_carries_its_speaker() -> None:
    src = Document(id="t", text="ANN LEE: We finished the bridge last year.\n")
    [r] = check_quotes('Bob Ray said: "We finished the bridge last year."', [src]).results
    assert r.misattributed and r.source_speaker == "ANN LEE"
