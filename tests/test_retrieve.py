"""Retrieval: one candidate policy for checks, bench pairs and calibration."""

from __future__ import annotations

import numpy as np

from onrecord.documents import from_text
from onrecord.retrieve.evidence import CANDIDATES, CandidatePolicy, SourceIndex, candidates_for, judge_many

SOURCE = ("The council met on Monday evening. After a long debate it approved the budget for next year. "
          "Rain fell all day. The library will close in July for repairs. The mayor thanked the volunteers.")


def test_calibration_reads_the_passages_a_check_reads(checker):
    embedder, model = checker.embedder, checker.model
    idx = SourceIndex.build(from_text(SOURCE, id="s"), embedder)
    for claim in ("The council approved the budget.", "The library is closing for repairs.", "Snow fell on Monday."):
        cands, examined = candidates_for(claim, [idx], embedder)
        mj = judge_many(model, [claim], [idx], embedder)[0]
        assert [c.text for c, _ in mj.candidates] == [c.text for c in cands]
        assert examined == mj.examined_windows
        assert len(cands) <= CANDIDATES.assembled + CANDIDATES.windows


def test_the_passage_that_speaks_is_support_unless_a_stronger_contradiction():
    probs = np.array([[0.6, 0.3, 0.1], [0.1, 0.8, 0.1]])
    assert CandidatePolicy.speaking(probs) == 1
    probs = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1]])
    assert CandidatePolicy.speaking(probs) == 0  # a tie goes to support


def test_the_claim_count_advances_during_the_model_reading(checker):
    """progress(stage, done, total) counts claims as the model reads them (retrieve.judge_many), not only
    once every verdict is in: the page's "claim 2 of 4" moves during the long part of a check."""
    calls: list[tuple[str, int, int]] = []
    text = ("The council approved the budget on Tuesday. The library will close in July. "
            "The mayor thanked the volunteers. Rain fell all day.")
    report = checker.check(text, [from_text(SOURCE, id="s")], progress=lambda *call: calls.append(call))
    n = len(report.claims)
    counts = [(done, total) for stage, done, total in calls if stage == "claims"]
    assert n == 4 and counts[-1] == (n, n)
    assert [d for d, _ in counts] == sorted(d for d, _ in counts), "the count never goes back"
    assert {d for d, _ in counts} >= {1, 2, 3, 4}, counts


def test_judge_many_reports_each_claim_as_its_reading_is_done(checker):
    embedder, model = checker.embedder, checker.model
    idx = SourceIndex.build(from_text(SOURCE, id="s"), embedder)
    claims = ["The council approved the budget.", "The library will close in July.", "It snowed all day."]
    seen: list[tuple[int, int]] = []
    judged = judge_many(model, claims, [idx], embedder, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    # Claim by claim, the model reads the same as in one call for all of them.
    together = judge_many(model, claims, [idx], embedder)
    assert all(np.array_equal(a.probs, b.probs) for a, b in zip(judged, together, strict=True))


EARNINGS = ("Northwind Foods said revenue rose 8 percent to $412 million in the third quarter. Chief executive "
            "Ellen Park said freight costs had eased. The company expects to open about twenty more stores next year.")


def test_a_figure_or_name_no_source_has_lowers_the_combined_support(checker):
    """The combiner counts the claim's numbers and names absent from every source (``text.terms``): the
    same sentence with its figure or its person changed is less likely supported."""
    from onrecord.retrieve.evidence import IndexCache, score_document

    cache = IndexCache(checker.embedder)
    true = score_document(checker.model, EARNINGS, "Revenue rose 8 percent to $412 million, Ellen Park said.",
                          cache=cache)
    assert (true.features.absent.numbers, true.features.absent.names) == (0, 0)
    for claim, absent in (("Revenue rose 8 percent to $451 million, Ellen Park said.", (1, 0)),
                          ("Revenue rose 8 percent to $412 million, Ellen Voss said.", (0, 1)),
                          ("Revenue rose 6 percent to $451 million, Mark Voss said.", (2, 2))):
        changed = score_document(checker.model, EARNINGS, claim, cache=cache)
        assert (changed.features.absent.numbers, changed.features.absent.names) == absent
        assert changed.p_supported < true.p_supported, claim


def test_a_denial_its_closest_sentence_does_not_make_lowers_the_combined_support(checker):
    """The combiner weighs a claim negated where its closest source sentence is not
    (``SupportFeatures.negation_unmatched``), for several phrasings of a denial."""
    from onrecord.retrieve.evidence import IndexCache, score_document

    cache = IndexCache(checker.embedder)
    for said, denied in (("Freight costs had eased, Ellen Park said.", "Freight costs had not eased, Ellen Park said."),
                         ("The company expects to open more stores next year.",
                          "The company does not expect to open more stores next year."),
                         ("The company expects to open more stores next year.",
                          "The company never expects to open more stores next year."),
                         ("Revenue rose in the third quarter.", "Revenue didn't rise in the third quarter.")):
        true = score_document(checker.model, EARNINGS, said, cache=cache)
        changed = score_document(checker.model, EARNINGS, denied, cache=cache)
        assert (true.features.negation_unmatched, changed.features.negation_unmatched) == (False, True), denied
        assert changed.p_supported < true.p_supported, denied
    # A denial the source makes too is no new denial.
    source = "The company did not change its full-year guidance."
    same = score_document(checker.model, source, "The company has not changed its guidance.", cache=cache)
    assert not same.features.negation_unmatched


def test_a_heading_in_a_paragraph_is_read_with_its_sentence_and_a_title_line_is_not(checker):
    from onrecord.documents import from_text
    from onrecord.retrieve.evidence import SourceIndex, judge_many

    digest = ("Decisions of 9 March.\n\nR. v. Castellano. The court reversed a conviction for dangerous driving.\n\n"
              "NON-DISCLOSURE AGREEMENT\nThis Agreement is made between the University and the Company.")
    idx = SourceIndex.build(from_text(digest, id="d"), checker.embedder)
    for claim, want in (("In R. v. Castellano, the court upheld a conviction.",
                         "R. v. Castellano. The court reversed a conviction for dangerous driving."),
                        ("The non-disclosure agreement", "NON-DISCLOSURE AGREEMENT")):
        hits = judge_many(checker.model, [claim], [idx], checker.embedder)[0].top_sentences
        top = hits[0]
        assert top.text == want and digest[top.span.start : top.span.end] == want
