"""The whole check through the Python API, with the real shipped model, on the letter case and others."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord import check
from onrecord.documents import from_text
from onrecord.errors import UsageError

from .conftest import CASES, EXAMPLES, claims_over, quotes_over


def test_letter_case_flags_the_abductions_claim_and_keeps_who_made_it(letter_report, article):
    hits = claims_over(letter_report, article, 'the letter specifically "mentioned the abductions of children"')
    assert hits and all(c.label != "supported" for c in hits)
    assert any("Trump administration officials" in (c.attribution.speaker or "") for c in hits if c.attribution)
    # The reason says what was searched and what is not there.
    assert any("abduct" in (c.reason or "") for c in hits)


def test_letter_case_no_reference_claim_is_supported(letter_report, article):
    hits = claims_over(letter_report, article, "makes no specific reference to the abductions or to Ukraine")
    assert hits and all(c.label == "supported" for c in hits)


def test_letter_case_real_quotes_are_exact_with_offsets_into_the_letter(letter_report, article, letter):
    for needle in ("Mr. Putin, you can singlehandedly restore their melodic laughter",
                   "each generation's descendants begin their lives with a purity—an innocence which stands above "
                   "geography, government, and ideology"):
        hits = [q for q in quotes_over(letter_report, article, needle) if q.label == "exact"]
        assert hits, needle
        q = hits[0]
        assert q.source == "letter"
        assert letter[q.source_start : q.source_end].startswith(needle[:20])


def test_letter_case_invented_quotes_are_not_found(letter_report, article):
    for needle in ("mentioned the abductions of children", "true act of humanism"):
        assert any(q.label == "not_found" for q in quotes_over(letter_report, article, needle))


def test_letter_case_claims_the_letter_cannot_speak_to_are_unsupported(letter_report, article):
    for needle in ("The meeting itself, which lasted nearly three hours", "Zelenskyy expressed gratitude"):
        hits = claims_over(letter_report, article, needle)
        assert all(c.label == "unsupported" for c in hits), (needle, [(c.text, c.label) for c in hits])


def _in_file(path: Path, needle: str) -> int:
    """The character offset of ``needle`` in a file, found in the file's own bytes (em dashes and curly
    quotes make byte and character offsets differ), not in any text onrecord built."""
    data = path.read_bytes()
    return len(data[: data.index(needle.encode("utf-8"))].decode("utf-8"))


def _line_in_file(path: Path, offset: int) -> int:
    return path.read_text(encoding="utf-8")[:offset].count("\n") + 1


# Quotations of the letter in the article, with where each file has them (counted by hand, and
# checked against a search of the files' bytes below).
KNOWN_QUOTES = {
    "Mr. Putin, you can singlehandedly restore their melodic laughter": (1382, 928),
    "each generation's descendants begin their lives with a purity—an innocence which stands above "
    "geography, government, and ideology": (998, 606),
}


def test_offsets_are_where_the_files_have_the_words(letter_report):
    article_path, letter_path = EXAMPLES / "article.txt", EXAMPLES / "letter.txt"
    for needle, (in_article, in_letter) in KNOWN_QUOTES.items():
        assert (_in_file(article_path, needle), _in_file(letter_path, needle)) == (in_article, in_letter)
        [q] = [q for q in letter_report.quotes if q.start <= in_article < q.end]
        assert (q.start, q.end) == (in_article, in_article + len(needle)), needle
        assert (q.source_start, q.source_end) == (in_letter, in_letter + len(needle)), needle
    invented = _in_file(article_path, "mentioned the abductions of children")
    assert any(c.start <= invented < c.end and c.label != "supported" for c in letter_report.claims)
    article_len = len(article_path.read_text(encoding="utf-8"))
    for c in letter_report.claims:
        assert 0 <= c.start < c.end <= article_len
        for e in c.evidence:  # the line onrecord names is the line the file has there
            assert e.line == _line_in_file(letter_path, e.start), (c.id, e.start)


def test_json_keeps_the_contract(letter_report):
    d = letter_report.to_dict()
    assert d["onrecord"] == "1"
    assert d["sources"][0]["id"] == "letter"
    claim = d["claims"][0]
    for key in ("id", "start", "end", "text", "label", "score", "attribution", "evidence"):
        assert key in claim
    quote = d["quotes"][0]
    for key in ("id", "start", "end", "text", "label", "source", "source_start", "source_end", "diff", "speaker",
                "source_speaker", "misattributed"):
        assert key in quote


def test_scores_are_probabilities(letter_report):
    assert all(0.0 <= c.score <= 1.0 for c in letter_report.claims)


def test_figures_are_compared_on_values(checker):
    src = from_text("Sales rose from 1,200 units in 2023 to 1,500 units in 2024.", id="s")
    good = checker.check("Sales jumped 25 percent in 2024.", [src])
    bad = checker.check("Sales jumped 40 percent in 2024.", [src])
    assert [c.label for c in good.claims] == ["supported"]
    assert [c.label for c in bad.claims] == ["contradicted"]


def test_text_in_another_language_is_reported_unchecked(checker, letter):
    report = checker.check("Der Brief erwähnt die Entführung von Kindern und den Krieg in der Ukraine ausdrücklich.",
                           [from_text(letter, id="letter")])
    assert report.claims and all(c.unchecked and c.label == "unsupported" for c in report.claims)
    assert report.findings == 0


def test_module_level_check_accepts_a_mapping(letter):
    report = check("The letter mentions Russia.", {"letter": letter})
    assert report.claims[0].label == "supported"


def test_misattributed_quote_in_a_transcript(checker):
    transcript = ("CHAIR OKONKWO: The board will now hear from the director.\n\n"
                  "DIRECTOR HALVORSEN: We can commit to that. The wells would go in this fall.\n")
    report = checker.check('Chair Okonkwo said: "We can commit to that."', [from_text(transcript, id="transcript")])
    q = report.quotes[0]
    assert q.label == "exact" and q.misattributed and "HALVORSEN" in q.source_speaker.upper()


def test_bad_calls_raise_clear_errors(checker):
    with pytest.raises(UsageError):
        checker.check("Some text.", [])
    with pytest.raises(UsageError):
        checker.check("   ", {"a": "x"})
    with pytest.raises(UsageError):
        checker.check("Some text.", [from_text("a", id="x"), from_text("b", id="x")])


@pytest.mark.skipif(not CASES.is_dir(), reason="the shared casebook is not beside this checkout")
def test_casebook_letter_case_in_full(checker):
    import yaml

    case = yaml.safe_load((CASES / "001-letter.yaml").read_text(encoding="utf-8"))
    docs = [from_text(s["text"], id=s["id"]) for s in case["sources"]]
    report = checker.check(case["text"], docs)
    text = case["text"]
    for exp in case["expect"]["claims"]:
        labels = [c.label for c in claims_over(report, text, exp["text"])]
        want = exp["label"]
        ok = {"supported": bool(labels) and all(lab == "supported" for lab in labels),
              "contradicted": "contradicted" in labels,
              "not_supported": any(lab in ("contradicted", "unsupported") for lab in labels),
              "unsupported": not any(lab in ("supported", "contradicted") for lab in labels)}[want]
        assert ok, (exp["text"], want, labels)
    for exp in case["expect"]["quotes"]:
        assert any(q.label == exp["label"] for q in quotes_over(report, text, exp["text"])), exp


MINUTES = ("The council voted 7 to 2 to approve the new bike lane on Elm Street. Construction will begin in May "
           "and cost $2.3 million, paid by a state grant.\n\nThe council postponed a vote on the library budget "
           "until April.")


def test_opposed_verb_is_a_contradiction(checker):
    report = checker.check("The council also approved the library budget.", {"minutes": MINUTES})
    assert report.claims[0].label == "contradicted"
    assert "postponed" in report.claims[0].reason


def test_month_against_month(checker):
    report = checker.check("Construction starts in June.", {"minutes": MINUTES})
    assert report.claims[0].label == "contradicted"


def test_a_name_no_source_mentions_is_never_supported(checker):
    src = ("The Eiffel Tower is 330 metres tall and was the tallest man-made structure in the world until the "
           "Chrysler Building was finished in New York in 1930.")
    report = checker.check("It was the tallest structure until 1930, when the Empire State Building surpassed it.",
                           {"p1": src})
    assert all(c.label != "supported" for c in report.claims)


def test_faq_answer_no_contradicts(checker):
    faq = ("Q: Does the internet reimbursement apply to mobile phone plans?\nA: No. Only home broadband is covered.")
    report = checker.check("Mobile phone plans are covered by the internet reimbursement.", {"faq": faq})
    assert report.claims[0].label == "contradicted"


def test_same_thing_with_another_modifier_is_a_contradiction(checker):
    src = "Tom Price was sent off in the 88th minute for a second yellow card."
    report = checker.check("Tom Price was shown a straight red card.", {"report": src})
    assert report.claims[0].label == "contradicted"
    assert "yellow card" in report.claims[0].reason


def test_claim_text_is_always_the_text_at_its_offsets(letter_report, article):
    for c in letter_report.claims:
        assert article[c.start : c.end] == c.text
    lifted = [c for c in letter_report.claims if c.proposition]
    assert any(c.proposition == "The text of the letter was first obtained by Fox News" for c in lifted)


def test_claim_probabilities_are_three_way_and_agree_with_the_score(letter_report):
    judged = [c for c in letter_report.claims if c.probabilities]
    assert judged, "the model decided none of the letter's claims"
    for c in judged:
        p = c.probabilities
        assert set(p) == {"supported", "contradicted", "unsupported"}
        assert abs(sum(p.values()) - 1.0) < 1e-3
        # The score is no longer the combiner's: it is how often the deciding rule is right about this
        # label on held-out pairs (onrecord.judge.confidence), a probability of the label itself.
        assert 0.0 <= c.score <= 1.0
