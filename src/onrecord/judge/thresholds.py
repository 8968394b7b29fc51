"""Every cut-off the judge decides by, and every confidence a rule states, named once with its reason.

Similarities are cosine similarities of the shipped sentence embedder (all-MiniLM-L6-v2) between a
claim and a source sentence; coverages are the share of the claim's content words found in a source
passage (``onrecord.text.lexical.coverage``). Confidences are what a rule states when it decides a
claim; the score reported is that rule's measured agreement on held-out pairs, with the stated
confidence as the prior (``onrecord.judge.confidence``), so a confidence here matters most for the
rules the dev pairs seldom reach (quotations, claims about documents).

A ``Checker`` takes a ``Thresholds``; ``DEFAULT_THRESHOLDS`` is what onrecord ships.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from onrecord.text.quantities import ABOUT_SLACK, NEARLY_FLOOR


@dataclass(frozen=True)
class FigureTolerances:
    """When a figure of the claim matches one of the sources (``onrecord.judge.figures``)."""

    same_value: float = 0.005
    """Relative difference within which two figures are the same number (last-digit rounding)."""
    about: float = ABOUT_SLACK
    """"About X" covers X ± 10% plus X's last-digit rounding: the one hedge width, named with its reason
    in ``onrecord.text.quantities`` (words below every stage) and read by both readers of figures."""
    nearly: float = NEARLY_FLOOR
    """"Nearly X" covers 0.85 X to X (``onrecord.text.quantities.NEARLY_FLOOR``)."""
    placed_floor: float = 0.15
    placed_share: float = 0.7
    """A source figure is "placed" near the claim's (shares its context) at this affinity, and within this
    share of the best-placed figure's."""
    equal_placed_share: float = 0.5
    """A source figure of the claim's very value is placed within this share of the best-placed figure's (and at
    ``same_thing_affinity``): a pronoun hides the claim's words from the sentence that gives its value ("The
    governor signed it into law in August" for "... signed the bill in August", 0.69 of the best), while a
    value repeated by chance elsewhere in the story sits further off ("12 per cent of those that do" for "12 %
    of those surveyed", 0.24 of the best)."""
    counted_noun_bonus: float = 1.0
    """Affinity added when both figures count the same noun ("40 teachers", "25 teachers")."""
    telling_value: float = 100.0
    telling_share: float = 0.1
    """A figure this large that agrees within this share needs no shared context ("more than 18,000" vs
    "Attendance: 18,412")."""
    same_thing_affinity: float = 0.3
    """The best-placed figure contradicts only at this affinity: words close to both figures beyond a
    shared unit ("six weeks" vs an unrelated "two weeks ago")."""


@dataclass(frozen=True)
class Thresholds:
    # -- is a source about the claim at all? ---------------------------------------------------------
    topic_similarity: float = 0.43
    """Below this similarity (and ``topic_coverage``) nothing in the sources is about the claim: the
    model is not run and the claim is unsupported, the ranking over every passage being the proof.
    0.43 since sentences are embedded alone (not in padded batches): vectors lost their batch noise of
    about 0.02 in cosine, and the cases then sitting at the old 0.45 fell just below it."""
    topic_coverage: float = 0.6
    """A claim sharing this share of its words with the best passage is on topic whatever the similarity."""
    figures_topic_coverage: float = 0.5
    """A figure contradicts only where the sources speak to the claim; for figures half the claim's words
    suffice (a figure-bearing claim is short on other words). Differs from ``topic_coverage`` on purpose."""

    # -- what a close source sentence says ---------------------------------------------------------
    close_similarity: float = 0.62
    """A sentence this similar tells the same event: another name in one role there is a swap, and the
    model's contradiction there is trusted."""
    polarity_similarity: float = 0.48
    """The closest sentence must be this similar before its negation (or opposed verb) says anything
    (0.48, was 0.5: see ``topic_similarity`` on embedding each sentence alone)."""
    polarity_coverage: float = 0.5
    """...and carry this share of the claim's words: a neighbour that shares the topic but not the
    negated part ("... although he has not yet decided") proves nothing."""
    roles_coverage: float = 0.75
    """A sentence whose participants the claim puts the other way round carries this share of the claim's words:
    the claim retells it ("Arsenal were beaten by Chelsea" for "Arsenal beat Chelsea 2-1 on Saturday"), not a
    sentence that merely shares two names and a verb."""
    opposed_rest_coverage: float = 0.5
    """An opposed verb counts when the rest of the claim (without its verb) is this covered by the sentence."""
    modifier_similarity: float = 0.3
    """A same-thing-other-modifier swap ("serious burns" vs "minor burns") is telling even at low similarity."""
    modifier_hits: int = 3
    """How many of the closest sentences are searched for a swapped modifier."""
    name_swap_coverage: float = 0.6
    """With the claim's name taken out, the sentence must carry this share of the rest (the same fact)."""
    name_swap_hits: int = 3
    """How many of the closest sentences are read for another person in the claim's role: the claim's
    person may be named in the closest one in another role ("Moretti dissented" before "Ibsen wrote for
    the panel")."""
    near_copy_hits: int = 5
    """How many of the closest sentences a claim is aligned with, word by word, as a near-copy
    (``onrecord.judge.substitution``)."""
    near_copy_source_share: float = 0.6
    """A claim is a near-copy of a sentence when this share of the sentence's words align with the claim's
    in order: most of it, so a claim that copies one clause of a long sentence is no near-copy of it. (A
    summary that drops a trailing clause, ", with the victim's family welcoming ...", may align only half:
    0.5 would read those too; not measured through the whole check yet.)"""
    near_copy_aligned_words: int = 3
    """... and at least this many content words of the claim align ("council", "approved", "budget"): a
    shorter claim ("Smith won.") shares too little with any sentence for one changed word to be the only
    difference that matters."""
    near_copy_slot_words: int = 3
    """The one replaced run of a near-copy is at most this many words on either side ("voted down",
    "1.5 billion"); a longer one is a rewording, not a changed word."""

    # -- support ------------------------------------------------------------------------------------
    support_coverage: float = 0.5
    """A sentence saying the same: at least this coverage, ``topic_similarity`` and ``support_strength``."""
    support_strength: float = 0.79
    """similarity + ``strength_coverage_weight`` x coverage at or above this: a source sentence says it
    (0.79, was 0.8: see ``topic_similarity``)."""
    strength_coverage_weight: float = 0.5
    combined_support: float = 0.7
    """The calibrated P(supported) at which a claim counts as supported on the combiner alone. Set above
    the combiner's own dev threshold (``config.json`` ``combiner.threshold``, used by ``bench pairs`` to
    score balanced accuracy): a false "supported" costs a reader more than a missed one."""
    min_support_coverage: float = 0.4
    """Neither the combiner nor the model supports a claim whose words are mostly absent from the passage."""
    model_support: float | None = None
    """The grounding model's P(supported) cut-off; None takes the shipped model's calibrated threshold
    (``config.json`` ``threshold``, fitted by ``training/calibrate.py``). See ``for_model``."""
    support_doubt: float | None = None
    """Below this calibrated P(supported) the combiner doubts a claim; None takes the combiner's own fitted
    operating point (``config.json`` ``combiner.threshold``, fitted by ``training/fit_combiner.py``). A
    doubted claim is not supported by the model's reading alone, nor by a merely similar passage: on held-out
    news summaries such passages "said the same" of claims that copy a source sentence and change one detail,
    or stitch facts of several sentences, about as often as of true ones. See ``doubted_close_similarity``."""
    doubted_close_similarity: float = 0.65
    """A doubted claim is still supported by a source sentence this similar (close to the same statement) ..."""
    doubted_model_support: float = 0.25
    """... or where the grounding model's own P(supported) on the best passage reaches this: the combiner's
    doubt and a model that finds the passage all but silent on the claim, together, outweigh a similar
    sentence. On held-out pairs (``bench/checks_on_pairs.py --limit 250``, 2026-12-07) a doubted claim that a
    merely similar sentence supported was true 19 times in 100 on the ``fit`` half, at every share of the
    claim's words one sentence held (so no one-sentence condition is kept); with these two cut-offs, chosen
    on that half, the pairs' balanced accuracy rose 2.4 points on each half (docs/benchmarks.md). Agreeing
    figures are their own ground, doubt or no doubt (``factual._support_reason``)."""
    doubted_absent_words: int = 2
    doubted_absent_model_support: float = 0.35
    """A doubted claim with this many content words that no source has in any form ("re-elected", "on loan"
    against a source that says neither; light words such as "went" or "later" aside) is supported by a
    similar sentence only where the model's P(supported) on the best passage reaches
    ``doubted_absent_model_support``: a claim the combiner doubts, the model finds all but silent on and
    that brings words of its own is, as a rule, a copy with a fact added or changed. Chosen on the ``fit``
    half of the held-out pairs (``bench/checks_on_pairs.py --limit 250``, 2026-12-07; one to three words,
    0.25-0.6), where such claims were false 26 times in 33, and checked on the ``report`` half
    (docs/benchmarks.md). Agreeing figures still carry such a claim: blocking them too gained a point more
    on the pairs but lost 13 hand-labelled claims, paraphrases with their figures right. Only a year or an
    ordinal alone does not (``factual._figures_carry``). A denial that none of the ``denial_sentences``
    closest sentences makes is a word of the claim's own as well (``factual._own_denial``): the same cut-off
    applies, and agreeing figures do not carry it."""
    denial_sentences: int = 3
    """How many of the closest sentences are read for a denial of the claim's (as many as for a relation:
    the sentence that denies is not always the closest)."""
    figures_similarity: float = 0.5
    figures_coverage: float = 0.5
    """Agreeing figures support a claim when the sentence is this similar, or covers this share of the
    claim's words beyond the figures."""
    quote_share: float = 0.55
    """Exact, rightly attributed quotations this much of a claim's span carry it: the claim is mostly
    "X said <words>" (``onrecord.judge.quotes.quoted_share``; the model is then not run)."""
    values_similarity: float = 0.5
    """A close sentence's figure contradicts the claim's (same quantity of the same thing, outside the
    claim's range) only when the sentence is this similar: the same statement, as for polarity."""
    figures: FigureTolerances = field(default_factory=FigureTolerances)

    # -- the model on its own -------------------------------------------------------------------------
    model_contradiction: float = 0.9
    """The grounding model alone calls a contradiction only when this sure, on a passage at
    ``close_similarity`` that covers ``contradiction_coverage`` of the claim."""
    contradiction_coverage: float = 0.6

    # -- claims about a document ------------------------------------------------------------------------
    mentions_supported: float = 0.75
    """"The letter mentioned X": supported when this share of X's key words is in the letter ..."""
    mentions_contradicted: float = 0.5
    """... contradicted at or below this share; unsupported in between."""
    focus_share: float = 0.5
    """"The letter focused on X", the model unconvinced: X's words in the letter at this share support it."""
    passage_coverage: float = 0.5
    """"It ends by noting ...": agreeing figures support the claim when the passage covers this share."""
    passage_contradiction: float = 0.5
    """The model's P(contradicted) on the opening/closing passage at which the claim is contradicted."""
    edge_slack_chars: int = 40
    edge_slack_share: float = 0.05
    """A quotation is "at the start/end" within max(``edge_slack_chars``, this share of the body)."""

    # -- stated confidences -----------------------------------------------------------------------------
    rule_support: float = 0.6
    """A rule that finds support the calibrated combiner doubts states this (never below one half)."""
    verbatim_quote: float = 0.95
    verbatim_evidence: float = 1.0
    """The score on the source passage of a quotation found verbatim."""
    misattributed_quote: float = 0.9
    negated_quote: float = 0.85
    dropped_condition: float = 0.8
    quote_evidence: float = 0.9
    """The score on the source passage of a quotation a quote rule decides on."""
    other_figures: float = 0.85
    other_values: float = 0.85
    """A close sentence's figure outside the claim's range."""
    repeated_sentence: float = 0.99
    """The claim repeats a source sentence word for word."""
    quote_block: float = 0.8
    """A claim otherwise supported stands on a quotation that is altered, not found or someone else's."""
    """Other figures on topic; also the score of the figures' evidence."""
    swapped_modifier: float = 0.7
    overstated: float = 0.75
    """A claim stated as done, certain or whole where its closest source sentence gives it as possible, intended or
    partial; no held-out count yet to measure it apart."""
    opposed_verb: float = 0.75
    reversed_ranking: float = 0.75
    extended_restriction: float = 0.75
    relation_sentences: int = 3
    """A reversed ranking or a restriction extended is looked for in this many of the closest source
    sentences (the sentence that ranks or restricts is often not the closest: a claim that reuses its
    frame resembles the sentence naming the winner)."""
    swapped_name: float = 0.8
    near_copy: float = 0.8
    """A near-copy of a source sentence with one telling word (a name, number, date, opposite) changed."""
    exchanged_words: float = 0.8
    """A copy of a source sentence with two of its words in each other's place: as telling as one word
    changed (``near_copy``); no held-out count yet to measure it apart."""
    exchanged_roles: float = 0.75
    """Participants the other way round around their relation, in a sentence that need not be an exact copy:
    a little less telling than two words exchanged in one (``exchanged_words``)."""
    other_speaker: float = 0.8
    """A claim's words a close source sentence gives to another person: as telling as a quotation given to
    someone else (``misattributed_quote``), a little less where no quotation marks fix the words."""
    other_title: float = 0.75
    """A role the sources do not give the person (``judge.titles``): a prior, as for ``exchanged_roles``."""
    reversed_outcome: float = 0.8
    """The other result given to a side of a contest ("Eastvale won" for "Harbor City beat Eastvale",
    ``judge.outcomes``): as telling as two words exchanged (``exchanged_words``)."""
    other_name: float = 0.75
    """Another name after the claim's verb and preposition in a close sentence ("diverted to Chicago" for "diverted
    to Denver", ``judge.frames``): a prior, as for ``exchanged_roles``."""
    polarity_floor: float = 0.5
    polarity_cap: float = 0.95
    """Opposite polarity states ``polarity_floor`` + similarity/2, at most ``polarity_cap``."""
    no_passage: float = 0.9
    """No passage of any source shares a word with the claim."""
    mention_confidence_floor: float = 0.6
    mention_confidence_span: float = 0.4
    """"Mentions" states floor + span x share found when supported, floor + span x share missing when
    contradicted."""
    mention_undecided: float = 0.6
    nothing_checkable: float = 0.5
    omission: float = 0.9
    quote_at_edge: float = 0.95
    quote_not_at_edge: float = 0.8
    passage_figures: float = 0.8
    focus: float = 0.6

    def speaks_to(self, similarity: float, coverage: float) -> bool:
        """Whether the sources speak to a claim at all (else it is unsupported with nothing to weigh)."""
        return similarity >= self.topic_similarity or coverage >= self.topic_coverage

    def figures_on_topic(self, similarity: float, coverage: float) -> bool:
        """Whether other figures in the sources may contradict the claim (in a long source some figure
        always sits near some shared word)."""
        return similarity >= self.topic_similarity or coverage >= self.figures_topic_coverage

    def polarity_confidence(self, similarity: float) -> float:
        return min(self.polarity_cap, self.polarity_floor + similarity / 2)

    def for_model(self, model_threshold: float, combiner_threshold: float | None = None) -> Thresholds:
        """These thresholds with ``model_support`` filled from the loaded model's calibrated threshold and
        ``support_doubt`` from its combiner's (no doubt where the model has no combiner)."""
        t = self if self.model_support is not None else replace(self, model_support=model_threshold)
        if t.support_doubt is None:
            t = replace(t, support_doubt=combiner_threshold if combiner_threshold is not None else 0.0)
        return t


DEFAULT_THRESHOLDS = Thresholds()
DEFAULT_TOLERANCES = DEFAULT_THRESHOLDS.figures
