"""What the source sentences closest to a claim say against it: the opposite polarity, an opposed verb,
another modifier of the same thing, another person in one role; and names no source has.

Each function takes the claim, the closest sentences (``SentenceHit``, best first, from retrieval) and
the thresholds, and returns what it found or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from onrecord.documents import Document
from onrecord.judge.contrast import (
    Opposition,
    opposed,
    other_rate,
    other_relative_time,
    prefix_negated,
    relative_time,
    swapped_modifier,
)
from onrecord.judge.outcomes import same_result
from onrecord.judge.thresholds import Thresholds
from onrecord.retrieve.evidence import SentenceHit
from onrecord.text.commitment import Overstatement, overstated
from onrecord.text.lexical import content_stems, coverage, stem
from onrecord.text.quantities import quantities
from onrecord.text.scope import clause_stems, conflict, denial_of_another_clause, scopes
from onrecord.text.segment import Span
from onrecord.text.terms import figure_word
from onrecord.text.vocab import MONTHS, NAME_READINGS, NEGATION, NUMBER_NO, WEEKDAYS

# An answer's first word, after an "A:" or a speaker's label ("REYES: Partly.", "CFO (Marcus Oyelaran): No.").
_ANSWER_LEAD = r"^\s*(?:A\s*[:.]\s*|[A-Z][A-Za-z .'()-]{0,60}:\s*)?"
_ANSWER_NO = re.compile(_ANSWER_LEAD + r"no\b", re.I)
_ANSWER_YES = re.compile(_ANSWER_LEAD + r"yes\b", re.I)
_ANSWER_PARTLY = re.compile(_ANSWER_LEAD + r"(?:partly|partially|in part|only in part|to some extent)\b", re.I)
# A claim that says something holds of the whole ("the whole branch will close"), which a question answered
# "partly" denies.
_WHOLE = re.compile(r"\b(?:whole|entire|entirely|all|completely|fully|full|altogether)\b", re.I)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A capitalised word that opens no sentence (nor follows an opening quotation mark or bracket), in any
# alphabet's capitals ("Québec", "Lancôme"): ``onrecord.text.terms``' pattern widened beyond ASCII letters
# (that one stays as it is: the combiner was fitted on its counts).
_NAME_WORD = re.compile(r"(?<![.!?:]\s)(?<![.!?:][\"'“‘(\[]\s)(?<=\s)[^\W\d_a-z](?:[^\W\d_]|['’-])+(?![\w])")
# Above this share of capitalised words a claim is a headline in title case or capitals: its capitals mark
# no names ("Council Approves New Budget For Schools").
HEADLINE_CAPITALS = 0.5
_LEADING_NAME_WORDS = {"The", "A", "An", "It", "In", "On", "At", "But", "And", "However", "Meanwhile", "After", "When"}
# Titles before a name say what a person is, not who: "Mayor Ellen Park" is compared (and named in a
# reason) as "Ellen Park". A title is kept when only one word would remain ("Mayor Park").
TITLES = {"Mayor", "President", "Governor", "Senator", "Judge", "Justice", "Minister", "Councillor", "Councilor",
          "Commissioner", "Chief", "Director", "Chair", "Chairman", "Chairwoman", "Professor", "Doctor", "Dr",
          "Mr", "Mrs", "Ms", "Sir", "Dame", "Lord", "Lady", "Rep", "Sen", "Gov", "Superintendent", "Sheriff",
          "Officer", "Detective", "Sergeant", "Captain", "General", "Coach", "Pastor", "Reverend", "Father",
          "Deputy", "Secretary", "Speaker", "Inspector", "Constable", "Alderman", "Supervisor", "Principal"}


def negated(s: str) -> bool:
    return bool(NEGATION.search(s))


def _is_question(hit: SentenceHit) -> bool:
    return hit.text.rstrip().endswith("?")


def stated_polarity(hit: SentenceHit) -> bool | None:
    """Whether the sentence asserts its content negated; a question takes its answer's yes or no."""
    if _is_question(hit):
        if _ANSWER_NO.match(hit.answer):
            return not negated(hit.text)
        if _ANSWER_YES.match(hit.answer):
            return negated(hit.text)
        return None  # a question with no plain answer asserts nothing
    return negated(hit.text)


def _answered(hit: SentenceHit) -> SentenceHit:
    """The question with its answer, as evidence."""
    end = hit.answer_span.end if hit.answer_span is not None else hit.span.end
    return SentenceHit(hit.source, Span(hit.span.start, end), hit.text, hit.similarity, hit.answer, hit.answer_span)


def _denial_within(claim: str, hit: SentenceHit) -> bool:
    """A denial all of whose words the claim has: "She never married." against "She married a fellow chemist" carries
    a third of the claim's words, but denies the whole of what it speaks of, which the claim asserts."""
    if _is_question(hit) or not negated(hit.text):
        return False
    said = NEGATION.sub(" ", hit.text)
    return bool(content_stems(said)) and coverage(said, claim) == 1.0


def denied_in_scope(claim: str, hits: Sequence[SentenceHit], t: Thresholds) -> tuple[SentenceHit, str] | None:
    """A close sentence that denies what the claim asserts, within the scope of its negation or contrast
    (``onrecord.text.scope``: "Monday and Wednesday, but not Friday" denies Friday only), or that asserts
    what the claim denies. Returns the sentence and why.

    The closest sentence is read both ways; the next ``modifier_hits`` - 1 only for an element the claim
    asserts and they exclude ("except Thursday"). Every sentence must be ``polarity_similarity`` close
    and carry ``polarity_coverage`` of the claim: a neighbour that shares the topic but not the denied
    part ("... although he has not yet decided") proves nothing. A question asserts what its answer says.
    """
    close = [h for h in hits[: t.modifier_hits] if h.similarity >= t.polarity_similarity
             and (coverage(claim, h.text) >= t.polarity_coverage or _denial_within(claim, h))]
    top = close[0] if close and close[0] is hits[0] else None
    if top is not None and _is_question(top):
        stated = stated_polarity(top)
        # A claim that says the question's opposite verb ("will close" to "Can it stay open?") denies what the
        # question asks, as "will not stay open" would.
        opp = opposed(claim, top.text)
        if stated is not None and stated != (negated(claim) != (opp is not None)):
            if opp is not None:
                return _answered(top), (f"the answer to the source's question is the opposite (it asks whether "
                                        f"{opp.source_word!r}; the text says {opp.claim_word!r})")
            return _answered(top), "the answer to the source's question is the opposite (one is negated, the other is not)"
        if stated is not None:
            return None
    bound = _bounded_below_coverage(claim, hits, close, t)
    if bound is not None:
        return bound
    for hit in close + _told_on(claim, hits, close, t):
        # A question names what its answer speaks of ("Will freight costs ease?" - "We think they will
        # ease, but not before December"): the answer is read against the claim on the question's topic.
        if _is_question(hit):
            c = conflict(claim, hit.answer) if hit.answer else None
            if c is not None:
                return _answered(hit), f"the answer to the source's question {c.why.removeprefix('the source ')}"
            continue
        c = conflict(claim, hit.text)
        if c is not None:
            return hit, c.why
    if top is None or _is_question(top):
        return None
    c = conflict(top.text, claim)
    if c is not None:
        return top, f"the text denies what the source asserts ({c.part.cue or 'not'} in the text)"
    # A plain negation of a whole clause, matched on the words' stems as retrieval matches them ("not
    # raising taxes" against "would raise taxes"). Figures are read as values, not as negations ("seven
    # votes to none", "no fewer than 40").
    src, said = _without_figures(top.text), _without_figures(claim)
    if negated(src) != negated(said):
        denier, other = (src, said) if negated(src) else (said, src)
        if _clause_denied(denier, other, t):
            cue = NEGATION.search(denier)
            return top, f"one is negated ({cue.group(0).strip()!r}), the other is not" if cue else "one is negated"
    return None


# Sentences this close in a source follow one another (a space or a line break between them).
_ADJACENT_GAP = 3


def _told_on(claim: str, hits: Sequence[SentenceHit], close: list[SentenceHit], t: Thresholds) -> list[SentenceHit]:
    """The sentence right after the closest one, where it goes on about the same thing ("Police arrested two
    men ... Neither man has been charged"): it names its subject by a word that points back ("neither man",
    "they"), so it is less similar to a claim than the two read together, which carry ``polarity_coverage``
    of the claim. Its denial then speaks to the claim as a close sentence's would. Only the next sentence:
    a sentence further on may be about something else the first one mentioned."""
    if not close or close[0] is not hits[0] or _is_question(hits[0]):
        return []
    top = hits[0]
    nxt = next((h for h in hits[1: t.modifier_hits] if h.source == top.source
                and 0 <= h.span.start - top.span.end <= _ADJACENT_GAP and h not in close), None)
    if nxt is None or _is_question(nxt) or coverage(claim, f"{top.text} {nxt.text}") < t.polarity_coverage:
        return []
    return [nxt]


def _bounded_below_coverage(claim: str, hits: Sequence[SentenceHit], close: list[SentenceHit], t: Thresholds
                            ) -> tuple[SentenceHit, str] | None:
    """The closest sentence bounds the claim's clause in time ("a fine applies only after a written warning")
    and the claim puts it before the bound ("a first offence brings an immediate fine"), though the sentence
    carries less than ``polarity_coverage`` of the claim: the bound's own clause must be the claim's
    (``scope.conflict`` asks that of it), so the claim's other words ("a first offence") need not be there."""
    if not hits or hits[0] in close or hits[0].similarity < t.polarity_similarity or _is_question(hits[0]):
        return None
    c = conflict(claim, hits[0].text)
    return (hits[0], c.why) if c is not None and c.part.cue == "not until" else None


def _without_figures(text: str) -> str:
    text = NUMBER_NO.sub(lambda m: " " * len(m.group()), text)  # "No 2" ranks: it goes with its figure
    for q in reversed(quantities(text)):
        text = text[: q.start] + " " * (q.end - q.start) + text[q.end :]
    return re.sub(r"\b(?:no|not)\s+(?:fewer|more|less)\s+than\b", " ", text, flags=re.I)


_NARROWED = ("but not", "except", "not until", "without")


def _denied_by_prefix(denier: str, other: str) -> bool:
    """``other`` denies by a prefix what ``denier`` denies by a word: "who was unhurt" says "was not hurt"."""
    return bool({stem(b) for b in prefix_negated(other)} & set(content_stems(denier)))


def _clause_denied(denier: str, other: str, t: Thresholds) -> bool:
    """``denier`` negates a clause whose words ``other`` carries, and neither sentence narrows its
    scope to an element ("but not Friday", "except Thursday", "without suspicion") or a bound ("not until
    June"): those are read by ``conflict`` alone."""
    parts = scopes(denier)
    if any(p.cue in _NARROWED for p in parts + scopes(other)):
        return False
    if _denied_by_prefix(denier, other):
        return False
    return any(p.negated and coverage(p.text, other) >= t.polarity_coverage
               and not denial_of_another_clause(p.text, clause_stems(other)) for p in parts)


def _denied_word(text: str, word: str) -> bool:
    """``word`` stands in a denied part of ``text`` ("He never lost an election": "lost")."""
    low = word.lower()
    return any(p.negated and low in p.text.lower() for p in scopes(text))


def opposed_sentence(claim: str, hits: Sequence[SentenceHit], t: Thresholds) -> tuple[SentenceHit, Opposition] | None:
    """The close sentence that carries the claim tells the same thing with the opposite verb ("postponed" vs
    "approved"). That is the closest sentence, or where it carries less than ``polarity_coverage`` of the claim's
    words the next of the ``modifier_hits`` closest that does: the closest can share the claim's frame and speak
    of something else ("Revenue rose 8%" is closest to "Net income rose", "Net income fell" carries it)."""
    if not hits or hits[0].similarity < t.polarity_similarity:
        return None
    if hits[0].similarity < t.topic_similarity:
        return None
    if _is_question(hits[0]):
        return _opposed_to_the_answer(claim, hits[0])
    close = [h for h in hits[: t.modifier_hits] if h.similarity >= max(t.polarity_similarity, t.topic_similarity)
             and not _is_question(h)]
    top = next((h for h in close if coverage(claim, h.text) >= t.polarity_coverage), hits[0])
    opp = opposed(claim, top.text)
    if opp is None or _denied_word(claim, opp.claim_word) != _denied_word(top.text, opp.source_word):
        return None  # "never lost" says what "won" says; "did not fall" opposes "did not rise"
    if same_result(claim, top.text):
        return None  # "Eastvale lost" for "Harbor City beat Eastvale"
    rest = re.sub(re.escape(opp.claim_word), " ", claim, flags=re.I)
    if opp.claim_word.split()[-1] in top.text.lower() or coverage(rest, top.text) >= t.opposed_rest_coverage:
        return top, opp
    return None


def _opposed_to_the_answer(claim: str, question: SentenceHit) -> tuple[SentenceHit, Opposition] | None:
    """A question the answer says yes to, or "partly" where the claim speaks of the whole, asserts what it
    asks: "Can the branch stay open?" – "Partly." opposes "the whole branch will close"."""
    holds = _ANSWER_YES.match(question.answer) or (_ANSWER_PARTLY.match(question.answer) and _WHOLE.search(claim))
    if not holds or negated(question.text) or negated(claim):
        return None
    opp = opposed(claim, question.text)
    return (_answered(question), opp) if opp is not None else None


def overstated_sentence(claim: str, hits: Sequence[SentenceHit], t: Thresholds
                        ) -> tuple[SentenceHit, Overstatement] | None:
    """The close sentence that carries most of the claim commits less than the claim (``text.commitment``: "may
    cut" for "cut", "plans to close" for "closed", "some residents" for "all residents"), and no close sentence
    that carries as much of the claim says it as the claim does. Close is as for polarity: the sentence must
    speak to the claim (``polarity_similarity``, ``polarity_coverage``)."""
    carried = {id(h): coverage(claim, h.text) for h in hits[: t.modifier_hits]}
    close = [h for h in hits[: t.modifier_hits] if h.similarity >= t.polarity_similarity
             and carried[id(h)] >= t.polarity_coverage and not _is_question(h)]
    if not close:
        return None
    best = max(close, key=lambda h: carried[id(h)])  # the first of equals: the closest
    found = overstated(claim, best.text)
    if found is None or any(h is not best and carried[id(h)] >= carried[id(best)] and overstated(claim, h.text) is None
                            for h in close):
        return None
    return best, found


def swapped_modifier_near(claim: str, hits: Sequence[SentenceHit], t: Thresholds) -> tuple[SentenceHit, Opposition] | None:
    """Among the closest sentences, one that gives the claim's thing another modifier of its class."""
    said = [h.text for h in hits]
    for hit in hits[: t.modifier_hits]:
        if hit.similarity < t.modifier_similarity or _is_question(hit):
            continue
        opp = (swapped_modifier(claim, hit.text, said) or other_relative_time(claim, hit.text, said)
               or other_rate(claim, hit.text, said))
        if opp is not None and relative_time(opp) and not (
                hit.similarity >= t.polarity_similarity and coverage(claim, hit.text) >= t.polarity_coverage):
            continue  # "this year" is in many sentences of a story: only one that says what the claim says counts
        if opp is not None:
            return hit, opp
    return None


def names(s: str) -> set[str]:
    """Multi-word capitalised names in ``s``, without a sentence-initial "The", "However" ..."""
    out = set()
    for m in _NAME.finditer(s):
        words = m.group(0).split()
        while words and words[0] in _LEADING_NAME_WORDS:
            words = words[1:]
        while len(words) > 2 and words[0] in TITLES:
            words = words[1:]
        if len(words) >= 2:
            out.add(" ".join(words))
    return out


def swapped_name(claim: str, hits: Sequence[SentenceHit], t: Thresholds) -> tuple[SentenceHit, str, str] | None:
    """A close sentence tells the claim's event with another person in one role.

    "Reed's winner came in the 81st minute from a cross by Sam Kelly" against "Reed scored again in
    the 81st minute, finishing a low cross from substitute Ade Bakare": the event is anchored by what
    they share (81st minute, cross), and the claim's name is not in the sentence while another is.
    The closest ``name_swap_hits`` sentences at ``close_similarity`` are read in order, past a closer one
    only where that one names the claim's person in another role ("Moretti dissented ..." before "Ibsen
    wrote for the panel"); the search stops at a sentence that tells the claim's fact with the claim's own
    names. (Read past any sentence, the closest ones of a contract gave "Listing Broker" for "Receiving
    Party": defined terms, not people.) Returns the sentence, the claim's name and the sentence's.
    """
    for hit in hits[: t.name_swap_hits]:
        if hit.similarity < t.close_similarity:
            return None
        found = _swap_in(claim, hit, t)
        if found is not None:
            return hit, found[0], found[1]
        named = _claim_names_in(claim, hit)
        if not any(named) or (all(named) and coverage(claim, hit.text) >= t.name_swap_coverage):
            return None  # about others; or the claim's own fact with the claim's own names
    return None


def _surname(n: str) -> str:
    return n.split()[-1].lower()


def _swap_in(claim: str, hit: SentenceHit, t: Thresholds) -> tuple[str, str] | None:
    """The claim's one name the sentence lacks and the sentence's one name the claim lacks, when the
    sentence carries the rest of the claim."""
    c_names, s_names = names(claim), names(hit.text)
    c_last, s_last = {_surname(n) for n in c_names}, {_surname(n) for n in s_names}
    missing = [n for n in c_names if _surname(n) not in s_last and _surname(n) not in hit.text.lower()]
    extra = [n for n in s_names if _surname(n) not in c_last and _surname(n) not in claim.lower()]
    if len(missing) != 1 or len(extra) != 1:
        return None
    rest = claim.replace(missing[0], " ")
    if coverage(rest, hit.text) < t.name_swap_coverage:
        return None  # the claim is not about that one sentence's fact
    return missing[0], extra[0]


def _claim_names_in(claim: str, hit: SentenceHit) -> list[bool]:
    """For each person the claim names, whether the sentence names them (by surname)."""
    low = hit.text.lower()
    return [_surname(n) in low for n in names(claim)]


def names_absent(claim: str, sources: Sequence[Document]) -> list[str]:
    """Names in the claim that no source has: multi-word names (first and last word both present counts),
    then single capitalised words that open no sentence (``one_word_names_absent``)."""
    out = []
    for n in sorted(names(claim), key=lambda n: (claim.find(n), n)):  # text order: a set's order varies by process
        low = n.lower()
        first, last = low.split()[0], low.split()[-1]
        if any(low in d.lowered or (first in d.words and last in d.words) for d in sources):
            continue
        out.append(n)
    return out + [w for w in one_word_names_absent(claim, sources) if not any(w in n.split() for n in out)]


def _named_words(claim: str) -> list[str]:
    """The claim's capitalised words that open no sentence, clause after a colon or quotation, in text
    order and once each; none where most of its words are capitalised (a headline in title case or
    capitals, whose capitals mark no names). Titles ("Mr", "Judge"), months and weekdays (read as dates
    by the figure rules), function words ("We", "I'm") and labels with digits ("Q2", read as figures) are
    no names here."""
    words = _WORD.findall(claim)
    if not words or sum(w[0].isupper() for w in words) > HEADLINE_CAPITALS * len(words):
        return []
    out: list[str] = []
    found = sorted([*_NAME_WORD.finditer(claim), *_DOTTED.finditer(claim)], key=lambda m: m.start())
    for m in found:
        w = m.group(0).rstrip("'’-")
        w = w[:-2] if w.endswith(("'s", "’s")) else w
        dotted = _DOTTED.fullmatch(w) is not None
        if figure_word(claim, w, m.end()):
            continue  # "Mar. 14, 2027", "USD 3 million", "US$3 million": read by the figure rules
        if w not in out and (dotted and w not in _DOTTED_MARKS or not dotted and _may_name(w)):
            out.append(w)
    return out


_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")
"""An acronym written with full stops ("U.S.", "U.K.", "U.N."): a name wherever it stands."""
_DOTTED_MARKS = frozenset({"A.M.", "P.M.", "B.C.", "A.D.", "B.C.E.", "C.E.", "E.G.", "I.E.", "N.B.", "P.S."})
"""Dotted abbreviations that name nothing: times of day, eras, Latin asides."""


def _may_name(word: str) -> bool:
    """A capitalised word that may be a name: no title, date word, clitic ("I'm") or function word."""
    low = word.lower()
    return (word[0].isupper() and word not in TITLES and low not in MONTHS and low.removesuffix("s") not in WEEKDAYS
            and len(re.split(r"['’]", word)[0]) >= 2 and bool(content_stems(word)))


def _word_in(word: str, words: frozenset[str]) -> bool:
    """``word`` (or its singular, or plural) is one of ``words``; a hyphenated one, each part."""
    parts = [p for p in re.split(r"[-’']", word.lower()) if p]
    return all(p in words or p + "s" in words or p + "es" in words or (p.endswith("s") and p[:-1] in words)
               for p in parts)


def _initials_in(acronym: str, doc: Document) -> bool:
    """An acronym ("EHR", "US") spelled by the initials of words in a row of ``doc`` ("Electronic Health
    Record", "United States", "gross domestic product"), small words between them allowed ("Bank of
    England"); read in the document's lower-cased text, computed once."""
    pattern = r"\b" + r"\s+(?:(?:of|and|for|the|de|&)\s+)?".join(f"{c}[a-z]+" for c in acronym.lower()) + r"\b"
    return re.search(pattern, doc.lowered) is not None


def one_word_names_absent(claim: str, sources: Sequence[Document]) -> list[str]:
    """Capitalised words of the claim that open no sentence and that no source has, even as an acronym's
    expansion: "GreatInsuranceXYZ" against a call from "BestInsuranceXYZ", "Spotify" against a release on
    "Amazon and iTunes", "a British man" against "an American". A claim that names what no source names is
    not supported by them, however much else it shares (held-out pairs, 2026-12-07: such claims were false
    34 times in 42)."""
    out = []
    for written in _named_words(claim):
        if _DOTTED.fullmatch(written):
            if any(written.lower() in d.lowered for d in sources):
                continue  # "U.S." as the claim writes it
            w = written.replace(".", "")  # "US", as a source may write it or spell it out
        else:
            w = written
        if any(_word_in(w, d.words) for d in sources):
            continue
        if w.isupper() and any(_initials_in(w, d) for d in sources):
            continue
        if any(re.search(rf"\b{re.escape(power)}\b", d.lowered) for power in NAME_READINGS.get(w.lower(), ())
               for d in sources):
            continue  # "Washington" for "the federal government", "CEO" for "chief executive"
        out.append(written)
    return out
