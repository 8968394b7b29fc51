"""The judge's conditions at their edges, each with the exact verdict, score and reason expected.

These complement ``test_rules.py``: a rule switched off, a subset test loosened to an overlap, a
cut-off moved by one step must each fail a test here.
"""

from __future__ import annotations

import re

import pytest

from onrecord.documents import from_text
from onrecord.judge import sentences
from onrecord.judge.thresholds import DEFAULT_THRESHOLDS as T
from onrecord.text.detect_language import unreadable_reason

LETTER = ("Dear Minister, we write about the harbour, the ferry timetable, the fishing quotas and the lighthouse "
          "repairs. We ask for funds. Sincerely, the Harbour Board.")
FIRST_SENTENCE = ("Dear Minister, we write about the harbour, the ferry timetable, the fishing quotas and the lighthouse "
                  "repairs.")


def _stated(rule: str, label: str, prior: float) -> float:
    """The score a verdict states: the rule's measured agreement on held-out pairs, ``prior`` its own."""
    from onrecord.judge.confidence import measured

    return round(measured(rule, label, prior), 4)


SIMILARITY_SLACK = 0.015
"""How far a similarity printed in a reason may differ from the pinned one: the int8 embedder's arithmetic
differs a little between CPUs (AVX-512 VNNI and AVX2 kernels round differently; 0.78 here is 0.77 there)."""

_NUMBER = re.compile(r"\d+\.\d+")


def _same_reason(got: str, want: str) -> bool:
    """The reasons are the same words, and their decimal figures (similarities) agree within the slack."""
    if _NUMBER.sub("#", got) != _NUMBER.sub("#", want):
        return False
    pairs = zip(_NUMBER.findall(got), _NUMBER.findall(want), strict=True)
    return all(abs(float(a) - float(b)) <= SIMILARITY_SLACK for a, b in pairs)


def _rule_of(reason: str) -> str:
    """The rule a factual reason comes from (its opening words are the rule's)."""
    starts = {"no source passage supports it": "unsupported_by_passages", "nothing in the sources speaks": "off_topic",
              "figures agree with the source": "supported_figures"}
    return next(rule for head, rule in starts.items() if reason.startswith(head))


def _one(checker, claim: str, source: str):
    report = checker.check(claim, [from_text(source, id="s")])
    assert len(report.claims) == 1, [c.text for c in report.claims]
    return report.claims[0]


# -- "makes no mention of": every word of an item, in one sentence -----------------------------------


@pytest.mark.parametrize("claim", [
    # "fishing" is in the letter, "licences" is not: the item as a whole is not mentioned.
    "The letter makes no mention of the fishing licences.",
    "The letter does not mention the lighthouse keeper.",
    # Both words are in the letter, but never in one sentence.
    "The letter does not mention the harbour funds.",
])
def test_omits_is_supported_unless_one_sentence_has_all_of_an_items_words(checker, claim):
    c = _one(checker, claim, LETTER)
    assert c.kind == "document"
    assert (c.label, c.score) == ("supported", 0.9)
    assert c.reason.startswith(f"searched all of s ({len(LETTER)} chars): none of 'the ")
    assert c.evidence == []


@pytest.mark.parametrize(("claim", "item"), [
    ("The letter makes no reference to the airport or the ferry.", "the ferry"),
    ("The letter does not mention the ferry quotas.", "the ferry quotas"),
])
def test_omits_is_contradicted_by_the_sentence_that_has_an_item(checker, claim, item):
    c = _one(checker, claim, LETTER)
    assert (c.label, c.score) == ("contradicted", 0.9)
    assert c.reason == f"s does mention {item!r}"
    assert [(e.text, e.start, e.score) for e in c.evidence] == [(FIRST_SENTENCE, 0, 0.9)]


# -- text the model cannot read ------------------------------------------------------------------------


def test_a_short_claim_in_another_script_is_not_judged(checker):
    # Three words: too few for the language detector; the script alone tells (and is named).
    c = _one(checker, "Совет утвердил бюджет.", "The council approved the budget.")
    assert c.unchecked == "written in Cyrillic script; the model reads English only"
    assert c.reason == "not checked: written in Cyrillic script; the model reads English only"
    assert (c.label, c.score) == ("unsupported", 0.0)


@pytest.mark.parametrize(("text", "reason"), [
    ("Совет утвердил бюджет.", "written in Cyrillic script; the model reads English only"),
    ("abcdef жзий", "written in Cyrillic script; the model reads English only"),  # 4 of 10 letters
    ("abcdefg жзи", None),  # 3 of 10 letters: the share must exceed 0.3
    ("The council approved the budget.", None),
])
def test_non_latin_share_cut_off(text, reason):
    assert unreadable_reason(text) == reason


# -- "it begins/ends by ...": the opening or closing passage, between a title and a sign-off ------------

EDGE_LETTER = ("Harbour Board Annual Letter\n\nDear Minister,\n\nThe harbour handled 1,200 ships last year. The ferry "
               "timetable was cut in March. We ask for new funds for the pier.\n\nWe thank you for your support and "
               "hope to meet in June. The lighthouse repairs will finish in 2027.\n\nSincerely,\n\nMary Ann Jones")
OPENING = (0, EDGE_LETTER.index(" The ferry"))  # through the first sentence after the title and salutation
CLOSING = (EDGE_LETTER.index("We thank"), EDGE_LETTER.index("\n\nSincerely"))  # the last two, before the sign-off


# Where the model reads the passage, the stated score is its probability (support at least the rules'
# 0.6), so these pin the relation rather than the model's number; figures and cut-offs are exact.
@pytest.mark.parametrize(("claim", "label", "score", "reason", "span"), [
    ("The letter ends by noting that the lighthouse repairs will finish in 2027.", "supported", "p_supported",
     "the closing passage says so", CLOSING),
    ("The letter begins by noting that the harbour handled 1,200 ships last year.", "supported", "p_supported",
     "the opening passage says so", OPENING),
    # The model doubts it (P(supported) 0.37, P(contradicted) 0.54), but the passage's figure agrees.
    ("The letter ends with the lighthouse in 2027.", "supported", "p_supported", "the closing passage says so",
     CLOSING),
    ("The letter ends by noting that the lighthouse repairs will finish in 2029.", "contradicted", 0.8,
     "the closing passage gives other figures: '2029' vs '2027' in s", CLOSING),
    ("The letter begins by saying that the harbour handled 900 ships last year.", "contradicted", 0.8,
     "the opening passage gives other figures: '900' vs '1,200' in s", OPENING),
    ("The letter ends by saying the harbour will close.", "contradicted", "p_contradicted",
     "the closing passage says otherwise", CLOSING),
    ("The letter begins by praising the new stadium.", "unsupported", "p_unsupported",
     "the opening passage does not say so", OPENING),
])
def test_begins_and_ends_read_the_opening_or_closing_passage(checker, claim, label, score, reason, span):
    c = _one(checker, claim, EDGE_LETTER)
    assert c.kind == "document"
    assert c.label == label and c.reason == reason
    assert [(e.start, e.end) for e in c.evidence] == [span]
    if isinstance(score, float):
        assert c.score == score
        return
    p = c.probabilities
    assert set(p) == {"supported", "contradicted", "unsupported"}
    expected = {"p_supported": max(p["supported"], 0.6), "p_contradicted": p["contradicted"],
                "p_unsupported": p["unsupported"]}[score]
    assert c.score == pytest.approx(expected, abs=1e-4)
    assert c.evidence[0].score == pytest.approx(p["supported"], abs=1e-4)


def test_a_quotation_at_the_start_or_end_is_cited_where_it_is(checker):
    c = _one(checker, 'The letter begins "Dear Minister, we write about the harbour".', LETTER)
    assert (c.label, c.score, c.reason) == ("supported", 0.95, "the quoted words are at the start of s")
    assert [(e.start, e.end, e.score) for e in c.evidence] == [(0, len("Dear Minister, we write about the harbour"), 0.95)]
    c = _one(checker, 'The letter ends "The lighthouse repairs will finish in 2027."', EDGE_LETTER)
    assert (c.label, c.score, c.reason) == ("supported", 0.95, "the quoted words are at the end of s")
    start = EDGE_LETTER.index("The lighthouse")
    assert [(e.start, e.end) for e in c.evidence] == [(start, start + len("The lighthouse repairs will finish in 2027"))]


# -- "mentions" and "focused on" with nothing to search for, and between the cut-offs --------------------


def test_a_mention_of_nothing_checkable(checker):
    c = _one(checker, "The letter mentioned the specific issue.", LETTER)
    assert (c.label, c.score, c.reason) == ("unsupported", 0.5, "nothing checkable in what is said to be mentioned")
    assert c.evidence == []
    # "Focused on" it: nothing checkable is nothing found, never support.
    c = _one(checker, "The letter focused on the specific issue.", LETTER)
    assert c.label == "unsupported"
    assert c.reason == "nothing checkable in what is said to be mentioned"


def test_mentions_cite_the_sentences_that_have_the_words_found(checker):
    c = _one(checker, "The letter mentioned the harbour, the ferry and the stadium.", EDGE_LETTER)
    assert (c.label, c.score) == ("unsupported", 0.6)
    assert c.reason == f"searched all of s ({len(EDGE_LETTER)} chars): no 'stadium'"
    assert [(e.start, e.end) for e in c.evidence] == [(0, 27), (45, 87), (88, 125)]
    assert all(e.score == pytest.approx(2 / 3, abs=1e-3) for e in c.evidence)
    c = _one(checker, "The letter mentioned the stadium and the airport and the harbour.", EDGE_LETTER)
    assert c.label == "contradicted" and c.score == pytest.approx(0.6 + 0.4 * 2 / 3, abs=1e-3)
    assert c.reason == f"searched all of s ({len(EDGE_LETTER)} chars): no 'stadium', 'airport'"
    assert [(e.start, e.end) for e in c.evidence] == [(0, 27), (45, 87)]


# -- claims about the world: the exact verdict, score, reason and evidence ------------------------------


@pytest.mark.parametrize(("claim", "source", "label", "score", "reason", "evidence"), [
    # A figure no source gives keeps an otherwise close claim unsupported, and the reason names it.
    ("The mayor opened the new library on Saturday with 300 guests.", "The mayor opened the new library on Saturday.",
     "unsupported", None, "no source passage supports it: examined 1 passage(s) in 1 source(s); closest similarity "
     "0.78, word coverage 71%; no source gives '300'", [(0, 45, None)]),
    ("Prices went up by a small amount.", "Prices rose slightly last month, the statistics office said.",
     "unsupported", None, "no source passage supports it: examined 1 passage(s) in 1 source(s); closest similarity "
     "0.53, word coverage 25%", [(0, 60, None)]),
    ("The stadium seats 60,000 people.", "The council approved the budget on Monday.",
     "unsupported", None, "nothing in the sources speaks to it: examined 1 passage(s) in 1 source(s); closest "
     "similarity 0.04, word coverage 0%", []),
    # A figure that differs where nothing speaks to the claim is no contradiction.
    ("The zoo welcomed 40 visitors.", "Storms delayed the ferry, stranding 25 visitors on the island overnight.",
     "unsupported", None, "nothing in the sources speaks to it: examined 1 passage(s) in 1 source(s); closest "
     "similarity 0.10, word coverage 25%", []),
    # Agreeing figures support a claim the sentence barely resembles, on the words beyond the figures.
    ("The tower is 300 metres tall.", "Built in 1889, the iron lattice structure rises 300 metres above Paris.",
     "supported", 0.6, "figures agree with the source: '300' ~ '300'", [(0, 71, 0.6)]),
    ("Sales jumped 25 percent in 2024.", "Sales rose from 1,200 units in 2023 to 1,500 units in 2024.",
     "supported", 0.6, "figures agree with the source: '25 percent' ~ 'change from 1,200 to 1,500'; '2024' ~ '2024'",
     [(0, 59, 0.6)]),
])
def test_factual_verdicts_in_full(checker, claim, source, label, score, reason, evidence):
    c = _one(checker, claim, source)
    assert c.kind != "document"
    assert c.label == label and _same_reason(c.reason, reason), c.reason
    assert 0.0 <= c.score <= 1.0
    p_supported = c.probabilities["supported"]
    # The score is the deciding rule's measured agreement on held-out pairs, with the rule's stated
    # confidence (the calibrated P(not supported) for "unsupported") as the prior; evidence carries P(supported).
    prior = 1 - p_supported if score is None else max(score, p_supported)
    assert c.score == pytest.approx(_stated(_rule_of(c.reason), c.label, prior), abs=1e-4)
    assert [(e.start, e.end) for e in c.evidence] == [(s, e) for s, e, _ in evidence]
    assert [e.score for e in c.evidence] == pytest.approx([p_supported if p is None else p for _, _, p in evidence],
                                                          abs=1e-4)


@pytest.mark.parametrize(("source", "cited"), [
    ("Staff report\nThe city hired 25 new teachers this autumn. The budget grew. The council agreed.",
     "The city hired 25 new teachers this autumn."),
    # A line without a full stop ends at its line break (the sentence's span: the break is not in it).
    ("Staff report\nThe city hired 25 new teachers this autumn\nThe budget grew. The council agreed.",
     "The city hired 25 new teachers this autumn"),
])
def test_other_figures_cite_the_sentence_around_the_source_figure(checker, source, cited):
    c = _one(checker, "The city hired 40 new teachers this autumn.", source)
    assert (c.label, c.score, c.reason) == ("contradicted", _stated("other_figures", "contradicted", 0.85),
                                            "the sources give other figures: '40' vs '25' in s")
    assert [(e.start, e.end, e.text) for e in c.evidence] == [(13, 13 + len(cited), cited)]


def test_a_dropped_condition_is_quoted_whole(checker):
    c = _one(checker, 'The minister said the plant "will close next year".',
             'The minister said: "The plant will close next year unless it is sold to Company X."')
    assert (c.label, c.score) == ("unsupported", 0.8)
    assert c.reason == "the source goes on with a condition the text leaves out: 'unless it is sold to Company X'"


# -- the cut-offs' own predicates, at their boundaries ----------------------------------------------------


def test_topic_predicates_are_inclusive():
    from onrecord.judge.thresholds import DEFAULT_THRESHOLDS as T

    sim, cov, fig_cov = T.topic_similarity, T.topic_coverage, T.figures_topic_coverage
    assert T.speaks_to(sim, 0.0) and T.speaks_to(0.0, cov)
    assert not T.speaks_to(sim - 1e-4, cov - 1e-4)
    # Figures need only half the claim's words.
    assert fig_cov < cov
    assert T.figures_on_topic(sim, 0.0) and T.figures_on_topic(0.0, fig_cov)
    assert not T.figures_on_topic(sim - 1e-4, fig_cov - 1e-4)
    assert T.polarity_confidence(0.7202) == pytest.approx(0.8601)
    assert T.polarity_confidence(1.0) == 0.95  # capped
    assert T.for_model(0.458).model_support == 0.458
    from dataclasses import replace

    assert replace(T, model_support=0.3).for_model(0.458).model_support == 0.3


def test_evidence_is_the_sentences_sharing_at_least_half_the_best_overlap():
    from onrecord.judge.finding import cite_sentences
    from onrecord.retrieve.evidence import Candidate
    from onrecord.text.segment import Span

    text = ("The council approved the new harbour budget on Monday. The vote was close. "
            "The harbour budget pays for the pier. Rain fell.")
    spans = (Span(0, 54), Span(55, 74), Span(75, 112), Span(113, 123))
    cand = Candidate("s", Span(0, len(text)), text, spans)
    claim = "The council approved the harbour budget on Monday."
    # Overlaps: 5 (council approv harbour budget monday), 0, 2 (harbour budget), 0: the 0s never, 2 >= 5/2 not.
    assert [(c.start, c.end) for c in cite_sentences(cand, claim, 0.7, text)] == [(0, 54)]
    # "harbour budget": the first sentence and the third share both words.
    cited = cite_sentences(cand, "The harbour budget.", 0.7, text)
    assert [(c.source, c.start, c.end, c.score) for c in cited] == [("s", 0, 54, 0.7), ("s", 75, 112, 0.7)]
    # "harbour pier": both words in the third sentence, one in the first (1 >= 2/2): strongest first.
    assert [(c.start, c.end) for c in cite_sentences(cand, "The harbour pier.", 0.7, text)] == [(75, 112), (0, 54)]
    # At most three sentences, the earliest first among equals.
    four = "The harbour is old. The harbour is busy. The harbour is deep. The harbour is calm."
    quarters = (Span(0, 19), Span(20, 40), Span(41, 61), Span(62, 82))
    cited = cite_sentences(Candidate("s", Span(0, 82), four, quarters), "The harbour.", 0.7, four)
    assert [(c.start, c.end) for c in cited] == [(0, 19), (20, 40), (41, 61)]
    # No shared word: the window's first sentence stands for it.
    assert [(c.start, c.end) for c in cite_sentences(cand, "Snow is white.", 0.7, text)] == [(0, 54)]


def test_names_drop_a_leading_function_word_and_need_two_words():
    assert sentences.names("The Harbour Board met Ellen Park. However Sam spoke.") == {"Harbour Board", "Ellen Park"}
    assert sentences.names("In Paris, Mary Ann Jones spoke.") == {"Mary Ann Jones"}


def test_names_absent_needs_the_first_and_the_last_word():
    docs = [from_text("Later, Park spoke. Mary Jones agreed.", id="s")]
    assert sentences.names_absent("Ellen Park spoke.", docs) == ["Ellen Park"]
    assert sentences.names_absent("Mary Ann Jones agreed.", docs) == []
    assert sentences.names_absent("Mary Ann Smith agreed.", docs) == ["Mary Ann Smith"]


def test_a_swapped_modifier_is_found_past_an_intervening_word():
    from onrecord.judge.contrast import Opposition, swapped_modifier

    # "facial" and "hand" differ; "burns" is two words after both modifiers.
    assert swapped_modifier("He suffered serious facial burns.", "He suffered minor hand burns.") == Opposition(
        "serious facial burns", "minor hand burns")
    assert swapped_modifier("He suffered serious facial burns.", "He suffered serious hand burns.") is None


def test_a_document_that_is_all_sign_off_has_an_empty_body():
    from onrecord.judge.documents import body_edges, edge_passage
    from onrecord.text.segment import Span

    doc = from_text("Thanks,\n\nJo", id="x")
    assert body_edges(doc) == (0, 0)
    assert edge_passage(doc, "ends") == Span(0, 0) and edge_passage(doc, "begins") == Span(0, 0)
    doc = from_text(EDGE_LETTER, id="s")
    assert body_edges(doc) == (0, CLOSING[1])  # "Sincerely," and a three-word name are the sign-off


def test_the_first_rule_that_decides_is_named_on_its_finding():
    from onrecord.judge.finding import Finding, first_finding
    from onrecord.judge.thresholds import DEFAULT_THRESHOLDS as T

    def undecided(case, t):
        return None

    def decides(case, t):
        return Finding("supported", 0.7, "because")

    def later(case, t):
        return Finding("contradicted", 0.9, "never reached")

    found = first_finding(None, [("first", undecided), ("second", decides), ("third", later)], T)
    assert (found.label, found.score, found.reason, found.rule) == ("supported", 0.7, "because", "second")
    assert first_finding(None, [("first", undecided)], T) is None


def test_probabilities_are_three_way_rounded_to_four_places(checker):
    c = _one(checker, "Prices went up by a small amount.", "Prices rose slightly last month, the statistics office said.")
    assert set(c.probabilities) == {"supported", "contradicted", "unsupported"}
    assert all(v == round(v, 4) for v in c.probabilities.values())
    assert sum(c.probabilities.values()) == pytest.approx(1.0, abs=1e-3)
    assert c.score == pytest.approx(_stated(_rule_of(c.reason), c.label, 1 - c.probabilities["supported"]), abs=1e-4)


def test_rules_that_read_a_close_sentence_keep_the_calibrated_probabilities(checker):
    c = _one(checker, "The committee postponed the zoning plan on Tuesday.", "The committee approved the zoning plan on Tuesday.")
    assert (c.label, c.score) == ("contradicted", _stated("opposed_verb", "contradicted", 0.75))
    assert set(c.probabilities) == {"supported", "contradicted", "unsupported"}
    assert sum(c.probabilities.values()) == pytest.approx(1.0, abs=1e-3)


def test_an_faq_answer_cites_its_question_with_the_answer(checker):
    faq = "Q: Does the internet reimbursement apply to mobile phone plans?\nA: No. Only home broadband is covered."
    c = _one(checker, "Mobile phone plans are covered by the internet reimbursement.", faq)
    # The polarity rule states 0.5 + similarity / 2 (at most 0.95) as its prior; the similarity is the cited one.
    assert c.label == "contradicted" and c.evidence[0].score >= 0.85
    assert c.score == pytest.approx(_stated("polarity", "contradicted", T.polarity_confidence(c.evidence[0].score)),
                                    abs=1e-4)
    # The evidence is the question and the answer that says "No", so a reader sees both.
    assert [(e.start, e.end, e.text) for e in c.evidence] == [(0, len(faq), faq)]
    assert set(c.probabilities) == {"supported", "contradicted", "unsupported"}


def test_the_document_a_claim_names_is_the_one_searched(checker):
    letter = from_text("Dear Minister, we write about the harbour and the ferry.", id="letter",
                       title="Letter to the minister")
    article = from_text("The stadium opened and the harbour was busy.", id="article", title="The article")
    c = checker.check("The letter mentioned the stadium.", [letter, article]).claims[0]
    assert (c.label, c.score, c.reason) == ("contradicted", 1.0, "searched all of letter (56 chars): no 'stadium'")
    c = checker.check("The article mentioned the stadium.", [letter, article]).claims[0]
    assert (c.label, c.score, c.reason) == ("supported", 1.0, "article contains stadium")
    assert [(e.source, e.start, e.end) for e in c.evidence] == [("article", 0, 44)]


def _hit(text: str, similarity: float):
    from onrecord.retrieve.evidence import SentenceHit
    from onrecord.text.segment import Span

    return SentenceHit("s", Span(0, len(text)), text, similarity)


def test_an_opposed_verb_needs_the_rest_of_the_claim_in_the_sentence():
    from onrecord.judge.thresholds import DEFAULT_THRESHOLDS as T

    claim = "The committee approved the zoning plan on Tuesday."
    assert sentences.opposed_sentence(claim, [_hit("It was postponed.", 0.9)], T) is None
    found = sentences.opposed_sentence(claim, [_hit("The committee postponed the zoning plan.", 0.9)], T)
    assert found is not None and (found[1].claim_word, found[1].source_word) == ("approved", "postponed")


@pytest.mark.parametrize(("claim", "sentence"), [
    # The claim's "Sam Kelly" is in the sentence as plain "Kelly": no one is missing.
    ("Sam Kelly crossed for Reed in the 81st minute.", "Kelly crossed for Ade Bakare in the 81st minute."),
    # The sentence's "Ade Bakare" is in the claim as plain "Bakare": no one is extra.
    ("Bakare crossed for Sam Kelly in the 81st minute.", "Ade Bakare crossed in the 81st minute."),
])
def test_a_surname_named_alone_is_no_other_person(claim, sentence):
    from onrecord.judge.thresholds import DEFAULT_THRESHOLDS as T

    assert sentences.swapped_name(claim, [_hit(sentence, 0.9)], T) is None


def test_other_figures_cite_a_first_sentence_from_its_first_character(checker):
    c = _one(checker, "The city hired 40 new teachers this autumn.", "The city hired 25 new teachers this autumn.")
    assert c.label == "contradicted"
    assert [(e.start, e.text) for e in c.evidence] == [(0, "The city hired 25 new teachers this autumn.")]


@pytest.mark.parametrize("source,sentence", [
    # At the very start of the source, after a newline, mid-text after another sentence, and after a
    # paragraph break: the evidence is the figure's whole sentence, from its first character to its last.
    ("The city hired 25 new teachers this autumn. The schools opened in September.",
     "The city hired 25 new teachers this autumn."),
    ("City schools report\nThe city hired 25 new teachers this autumn.\nThe schools opened in September.",
     "The city hired 25 new teachers this autumn."),
    ("The schools opened in September. The city hired 25 new teachers this autumn. Classes are smaller.",
     "The city hired 25 new teachers this autumn."),
    ("Schools opened in September.\n\nThe city hired 25 new teachers this autumn.",
     "The city hired 25 new teachers this autumn."),
])
def test_figure_evidence_is_a_whole_sentence_wherever_it_sits(checker, source: str, sentence: str) -> None:
    from onrecord.text.segment import sentences as spans

    c = _one(checker, "The city hired 40 new teachers this autumn.", source)
    assert c.label == "contradicted"
    start = source.index(sentence)
    assert [(e.start, e.end, e.text) for e in c.evidence] == [(start, start + len(sentence), sentence)]
    # The span is one of the source's own sentence spans: it starts and ends at real boundaries.
    assert any(s.start == start and s.end == start + len(sentence) for s in spans(source))
