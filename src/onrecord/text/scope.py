"""What a sentence asserts and what it denies: the scope of negation and contrast.

"Walk-in appointments are available on Monday and Wednesday, but not Friday" asserts Monday and
Wednesday and denies Friday; "every weekday except Thursday" denies Thursday; "no longer offers
travel vaccinations" and "has never charged" deny their whole clause; "will not open until June"
bounds a time rather than denying the opening. ``scopes`` splits a sentence into such parts, with
offsets; ``conflict`` tells whether a claim asserts what a source sentence denies, so a claim is
contradicted by the part that denies it and never by a sentence it merely repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from onrecord.text.lexical import STOPWORDS, stem, stems_meet
from onrecord.text.units import unit_after
from onrecord.text.vocab import IMPLICIT_NEGATION, NOT_ONLY, NUMBER_ABBREVIATION

Cue = Literal["", "but not", "except", "no longer", "never", "not", "not until", "without"]
# A claim takes up a denied element's frame when it shares at least this share of the frame's content
# words (and at least one): "Walk-ins are available on Friday" shares walk/available with the frame.
FRAME_SHARE = 0.3
# A claim asserts a denied clause when it covers this share of the clause's content words.
CLAUSE_COVER = 0.75
# A denied element of this many content words or more is asserted by a claim that carries this share of
# them: its own words for the when or where ("during", "while") differ, the thing does not.
ELEMENT_WORDS = 3
ELEMENT_SHARE = 0.5
# Months without a year: a claim's month this many or fewer before the bound's is before it; further back
# it is as likely the month after the bound's year turns ("ease in January", "not before December").
MONTHS_BEFORE = 5

_POLARITY_WORDS = {"not", "n't", "never", "longer", "still", "no", "none", "nobody", "nothing", "neither", "nor", "cannot",
                   "without", "except", "until", "till", "unless", "but", "ever", "anymore", "any", "stopped",
                   "stops", "ceased", "ceases", "discontinued", "halted", "abolished", "scrapped"}
# Words that give a clause as someone's belief, or soften it, without being what it says: "We think they
# will ease somewhat, but not before December" bounds the easing, and a claim that costs "would ease well
# before December" need not repeat "think" or "somewhat" to assert the clause. The verbs are those that
# carry a negation into their clause ("we don't think they will ease" denies the easing); verbs of saying
# are not among them ("did not say the plan was dead" does not deny that it was).
_ATTITUDE_WORDS = {"think", "thinks", "thought", "believe", "believes", "believed", "expect", "expects",
                   "expected", "suppose", "supposes", "feel", "feels", "somewhat", "slightly", "probably",
                   "likely", "perhaps", "maybe", "possibly", "well", "fairly", "rather", "quite", "just", "really",
                   # Light verbs link a thing to its occasion and say little of their own: "a fine applies only
                   # after a warning" bounds the fine, which a claim may say "brings" or "comes with".
                   "apply", "applies", "applied", "bring", "brings", "brought", "come", "comes", "came",
                   "get", "gets", "got", "give", "gives", "gave", "make", "makes", "made"}
# Clauses end at a semicolon, a colon, a contrast ("..., but ..."), and a dash that sets off an aside ("its
# emojis -- those little images that users insert when words alone won't cut it": the denial is the aside's).
# A dash between words with no space ("well-known", "2-1") joins them; only an em dash joins nothing.
# "But" after "all", "nothing", "anything" ... is "except" ("all but 2,000 homes", "anything but certain"): no
# clause starts there.
BUT_AS_EXCEPT = r"(?<!\ball)(?<!\bnothing)(?<!\banything)(?<!\beveryone)(?<!\beverything)(?<!\bnone)(?<!\bno\sone)"
_CLAUSE_SPLIT = re.compile(r";|:\s|,\s*(?:but|while|whereas|although|though|yet)\s+(?!not\b)|" + BUT_AS_EXCEPT
                           + r"\s+but\s+(?!not\b)|\s(?:--?|–|—)\s|—", re.I)
_EXCEPT = r"except(?:\s+for)?|other\s+than|apart\s+from|excluding|with\s+the\s+exception\s+of|save\s+for"
_ELEMENT_CUE = re.compile(
    r"(?:,\s*|\s+)(?P<cue>but\s+not|and\s+not|not|" + _EXCEPT + r")\s+(?P<el>[^,;]+?)\s*[.!?]?\s*$", re.I)
# The same set off by commas inside its clause ("All schools, except those in the north, will close"): the
# element ends at the next comma and the clause goes on around it. A plain "not" is no such cue here.
_ELEMENT_ASIDE = re.compile(r",\s*(?P<cue>but\s+not|" + _EXCEPT + r")\s+(?P<el>[^,;]+?)\s*,\s*(?=\S)", re.I)
# "n't" is read glued ("wasn't") or set apart ("was n't") alike; "not long before" is soon, no bound ("It wasn't
# long before Fowler responded" says he did).
_NOT_UNTIL = re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?!long\b)(?:\w+\s+){0,3}?(?:until|till|before)\s+(?P<bound>[^,;.]+)",
                        re.I)
# "only after E" bounds a clause as "not until E" does ("fines apply only after a written warning").
_ONLY_AFTER = re.compile(r"\bonly\s+(?:after|once)\s+(?P<bound>[^,;.]+)", re.I)
# A claim puts a clause before an event it does not date when it says the clause holds now or meanwhile
# ("may fill pools while the restrictions are in force", "refunds are paid immediately"), and says
# nothing of the event having come ("once the restrictions are lifted", "now that ...").
_NOW = re.compile(r"\b(?:now|already|currently|at present|immediate(?:ly)?|instant(?:ly)?|on the spot|right away|"
                  r"straight away|while|during|"
                  r"meanwhile|before)\b", re.I)
_AFTER_EVENT = re.compile(r"\b(?:after|once|following|now\s+that|when|until|till)\b", re.I)
# Verbs of stopping deny their object from now on, as "no longer" does ("has stopped offering X").
_STOP_VERBS = r"stopped|stops|ceased|ceases|discontinued|halted|abolished|scrapped"
_CLAUSE_NEG = re.compile(r"\b(?P<cue>no\s+longer|never|not" + NOT_ONLY + r"|cannot|n['’]t|no" + NUMBER_ABBREVIATION
                         + r"|none|nobody|nothing|neither|nor|without|"
                         + _STOP_VERBS + r")\b|n['’]t\b|" + IMPLICIT_NEGATION.pattern, re.I)
# "without" denies its object, not its clause: "searching lockers without individual suspicion is upheld"
# asserts the upholding and denies only the suspicion. The object runs to a comma, a conjunction or the
# clause's verb.
_WITHOUT = re.compile(r"\bwithout\s+(?P<el>(?:(?!(?:is|are|was|were|has|have|had|will|would|can|could|should|may|"
                      r"might|must|and|but|or|while)\b)[^,;.!?\s]+\s*){1,8})", re.I)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_FIGURE = re.compile(r"\d[\d,.]*")
_MONTH_RE = re.compile(r"\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\b\.?", re.I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Part:
    """One part of a sentence: asserted, or denied with its cue; offsets into the sentence's text."""
    start: int
    end: int
    text: str
    negated: bool
    cue: Cue = ""
    frame: tuple[int, int] | None = None
    """For a denied element ("Friday"), the part it is denied of ("available on Monday and Wednesday")."""
    bound: str = ""
    """For "not until June": the bound ("June")."""


@dataclass(frozen=True)
class Conflict:
    """A claim asserting what a source sentence denies: the denying part and its cue."""
    part: Part
    why: str


def clause_stems(text: str) -> set[str]:
    """The content stems a clause is compared by (no stop, polarity or attitude words)."""
    return _stems(text)


def _stems(text: str) -> set[str]:
    text = IMPLICIT_NEGATION.sub(" ", text)  # "refused to sign" is read "sign", denied, as "did not sign" is
    return {stem(w) for w in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text.lower().replace("’", "'"))
            if w not in STOPWORDS and w not in _POLARITY_WORDS and w not in _ATTITUDE_WORDS and len(w) > 1}


# "... have missed half the season and Robert Snodgrass has not been available", "... and Rodgers now wants ...":
# "and" before a named subject, an adverb of time at most, then an auxiliary or a verb in the present starts a
# clause of its own, when what comes before has a verb ("Smith and Jones were not hired" is one clause with two
# subjects). A past form ("and Smith resigned") may be a participle, so it is left one clause.
_AND_NEW_SUBJECT = re.compile(r"\s+and\s+(?=(?:[A-Z][\w'’-]*\s+){1,3}(?:(?:now|also|still|then|later|already)\s+)?"
                              r"(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do|[a-z]{2,}s)\b)")
_FINITE_VERB = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do|\w+ed)\b", re.I)


# A relative clause set off by commas is a clause of its own: "the couple, who does not wish to be identified,
# hired a lawyer" denies nothing of the hiring.
_BLANKED_ASIDE = re.compile(r"\s*,\s{2,},")
_RELATIVE_ASIDE = re.compile(r",\s*(?P<rel>(?:who|whom|whose|which)\b[^,;]*?)\s*,", re.I)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in _CLAUSE_SPLIT.finditer(text, start, end):
        if m.start() > a:
            out += _at_new_subjects(text, a, m.start())
        a = m.end()
    if a < end:
        out += _at_new_subjects(text, a, end)
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out if text[s:e].strip()]


def _at_new_subjects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in _AND_NEW_SUBJECT.finditer(text, start, end):
        if _FINITE_VERB.search(text, a, m.start()):
            out.append((a, m.start()))
            a = m.end()
    return [*out, (a, end)]


def _clause_parts(text: str, a: int, b: int) -> list[Part]:
    clause = text[a:b]
    if m := _NOT_UNTIL.search(clause) or _ONLY_AFTER.search(clause):
        return [Part(a, b, clause, False, "not until", bound=m.group("bound").strip())]
    if m := _ELEMENT_CUE.search(clause):
        cue: Cue = "except" if not m.group("cue").lower().endswith("not") else "but not"
        if m.group("cue").lower() == "not" and not m.group(0).lstrip().startswith(","):
            cue = "not"
        if cue != "not":
            head = (a, a + m.start())
            el = (a + m.start("el"), a + m.end("el"))
            return [Part(head[0], head[1], text[head[0] : head[1]], False),
                    Part(el[0], el[1], text[el[0] : el[1]], True, cue, frame=head)]
    # "Nothing, other than rain, stopped play" says rain did: after a denied head the element is asserted.
    if (m := _ELEMENT_ASIDE.search(clause)) and not _CLAUSE_NEG.search(clause, 0, m.start()):
        cue = "but not" if m.group("cue").lower().endswith("not") else "except"
        el = (a + m.start("el"), a + m.end("el"))
        return [Part(a, a + m.start(), text[a : a + m.start()], False),
                Part(el[0], el[1], text[el[0] : el[1]], True, cue, frame=(a, b)),
                Part(a + m.end(), b, text[a + m.end() : b], False)]
    cues = {c.lower() for c in _CLAUSE_NEG.findall(clause) if c}
    if cues == {"without"} and "n't" not in clause.replace("’", "'") and (m := _WITHOUT.search(clause)):
        el = (a + m.start("el"), a + m.start("el") + len(m.group("el").rstrip()))
        head = text[a:b]
        return [Part(a, b, head, False), Part(el[0], el[1], text[el[0] : el[1]], True, "without", frame=(a, b))]
    if m := _CLAUSE_NEG.search(clause):
        word = re.sub(r"\s+", " ", (m.group("cue") or "n't").lower())
        cue = ("no longer" if word == "no longer" or re.fullmatch(_STOP_VERBS, word) else
               "never" if word == "never" else "not")
        return [Part(a, b, clause, True, cue)]
    return [Part(a, b, clause, False)]


def _without_asides(sentence: str) -> tuple[str, list[re.Match[str]]]:
    """The sentence with its relative clauses set off by commas blanked (offsets kept), and those clauses: "The
    firm, which had owned the plant since 1990, did not sell it" denies the selling, and nothing of the owning."""
    asides = list(_RELATIVE_ASIDE.finditer(sentence))
    main = sentence
    for m in asides:
        main = main[: m.start("rel")] + " " * (m.end("rel") - m.start("rel")) + main[m.end("rel") :]
    return main, asides


def clauses(sentence: str) -> list[tuple[int, int, str]]:
    """Each clause of ``sentence`` as ``(start, end, text)``, split as ``scopes`` splits it: a relative clause set
    off by commas is a clause of its own, and the clause around it is read with it blanked (offsets kept)."""
    main, asides = _without_asides(sentence)
    out = [(a, b, main[a:b]) for a, b in _clauses(main, 0, len(main))]
    return sorted(out + [(m.start("rel"), m.end("rel"), m.group("rel")) for m in asides])


def scopes(sentence: str, offset: int = 0) -> list[Part]:
    """The asserted and denied parts of ``sentence``; offsets are into the text the sentence came from
    (``offset`` is the sentence's start there)."""
    main, asides = _without_asides(sentence)
    parts: list[Part] = []
    for a, b in _clauses(main, 0, len(main)):
        parts.extend(_clause_parts(main, a, b))
    if asides:  # "The firm, , did not sell it" reads "The firm did not sell it" where a reason quotes it
        parts = [replace(p, text=_BLANKED_ASIDE.sub("", p.text)) for p in parts]
    for m in asides:
        parts.extend(_clause_parts(sentence, m.start("rel"), m.end("rel")))
    parts.sort(key=lambda p: p.start)
    if not offset:
        return parts
    return [Part(p.start + offset, p.end + offset, p.text, p.negated, p.cue,
                 (p.frame[0] + offset, p.frame[1] + offset) if p.frame else None, p.bound) for p in parts]


def _asserted_stems(claim: str) -> set[str]:
    """The stems of what the claim asserts: its asserted parts, less an element it denies within one ("released
    without charge" asserts no charge, though its frame holds the word)."""
    out: set[str] = set()
    denied: set[str] = set()
    for p in scopes(claim):
        if not p.negated:
            out |= _stems(p.text)
        elif p.frame is not None:
            denied |= _element_stems(p.text)
    return out - denied


def _time_rank(text: str) -> tuple[int, int] | None:
    """(year or 0, month or 0) of the first month or year named in ``text``."""
    m, y = _MONTH_RE.search(text), _YEAR_RE.search(text)
    if not m and not y:
        return None
    month = [x[:3] for x in _MONTHS].index(m.group(1).lower()) + 1 if m else 0
    return (int(y.group(0)) if y else 0, month)


def _before_bound(claim: str, bound: str) -> bool:
    """The claim's time is earlier than the bound, or the claim says "before" the bound itself; for a bound
    that is an event, the claim says the clause holds now or meanwhile (``_NOW``)."""
    b_rank = _time_rank(bound)
    for m in re.finditer(r"\b(?:before|ahead of|prior to)\s+([^,;.]+)", claim, re.I):
        if b_rank and _time_rank(m.group(1)) == b_rank:
            return True
    if b_rank is None:  # an event, not a date: "until the restrictions are lifted"
        return bool(_NOW.search(claim)) and not _AFTER_EVENT.search(claim)
    c, b = _time_rank(claim), b_rank
    if not c or not b:
        return False
    if c[0] and b[0] and c[0] != b[0]:
        return c[0] < b[0]
    if not (c[1] and b[1]):
        return False
    if c[0] and b[0]:
        return c[1] < b[1]
    # A month without a year is the nearest one: "in January" after "not before December" is the January
    # that follows; only a month up to MONTHS_BEFORE earlier is read as before the bound.
    return 1 <= (b[1] - c[1]) % 12 <= MONTHS_BEFORE


# Endings of adverbs of degree or manner ("statistically", "fully", "completely"), not of nouns that end in -ly
# ("family", "assembly", "supply", "July").
_ADVERB_ENDINGS = ("ally", "ively", "ously", "ently", "antly", "fully", "lessly", "ably", "ibly", "edly", "ately",
                   "ingly", "etely", "ictly")


def _without_figures(text: str) -> str:
    """The text with its figures blanked: "11 km" in a table row ("Colston - Dunmere, 11 km, not before 2028")
    is a value, not a word of the clause a claim must take up. Every written number goes, by its digits and
    its unit: ``quantities`` (which ``judge.sentences`` blanks by) reads "Dunmere 11" as part of a name and
    keeps it."""
    for m in reversed(list(_FIGURE.finditer(text))):
        words = unit_after(text, m.end())
        end = words.end if words else m.end()
        text = text[: m.start()] + " " * (end - m.start()) + text[end:]
    return text


def _element_stems(text: str) -> set[str]:
    """A denied element's words without the adverbs that grade it: "not statistically significant" denies
    significance, which "improved significantly" asserts. An element that is only an adverb keeps it."""
    words = re.findall(r"[A-Za-z]+", text)
    core = " ".join(w for w in words if not (len(w) > 6 and w.lower().endswith(_ADVERB_ENDINGS)))
    return _stems(core) or _stems(text)


def _takes_up(element: set[str], asserted: set[str], cue: Cue) -> bool:
    """The claim asserts the denied element: all of its words, or, for an element of several (``ELEMENT_WORDS``
    or more) that "but not" or "except" leaves out, at least ``ELEMENT_SHARE`` of them ("even during a heat
    alert" for "but not on days when a heat alert is in force"). What "without" denies is an act ("without
    compromising the quality of our services"): a claim about the quality of the services does not assert it."""
    if element <= asserted:
        return True
    return (cue != "without" and len(element) >= ELEMENT_WORDS
            and len(element & asserted) >= ELEMENT_SHARE * len(element))


# A subject that opens a clause of its own: "... death row for murders he says he didn't commit".
_NEW_SUBJECT = re.compile(r"\b(?:he|she|they|we|i|you|who|which|whom)\b", re.I)


def denial_of_another_clause(clause: str, stems: set[str]) -> bool:
    """The clause's denial stands in a clause of its own that ``stems`` (a claim's words) do not reach: a
    subject opens between the last word the claim shares with the clause and the denial's cue, and the claim
    carries none of the denied words after the cue. "Hinton is free after 30 years on death row" shares
    "... death row" with "... death row for murders he says he didn't commit", not what is denied; "washing
    cars at home is not allowed" denies what the claim shares right before it."""
    m = _CLAUSE_NEG.search(clause)
    if not m or _stems(clause[m.end() :]) & stems:
        return False
    shared = [w.end() for w in re.finditer(r"[A-Za-z]+", clause[: m.start()]) if _stems(w.group()) & stems]
    return bool(shared) and bool(_NEW_SUBJECT.search(clause, shared[-1], m.start()))


def _met(clause: set[str], asserted: set[str]) -> int:
    """How many of a clause's stems the claim asserts, in any form the light stemmer leaves apart ("refundable"
    and "refunded", as ``lexical.coverage`` reads them)."""
    return sum(1 for w in clause if w in asserted or any(stems_meet(w, a) for a in asserted))


_NOT_YET_STATE = re.compile(r"\s*yet\s+\w+", re.I)
_QUOTE_MARKS = " '\"‘’“”"


def conflict(claim: str, source_sentence: str) -> Conflict | None:
    """Whether ``claim`` asserts what ``source_sentence`` denies (or puts before a "not until" bound).

    A claim that denies the same thing, or repeats the sentence, never conflicts with it.
    """
    asserted = _asserted_stems(claim)
    claim_all = _stems(claim)
    parts = scopes(source_sentence)
    for k, p in enumerate(parts):
        if p.cue in ("but not", "except", "without") and p.frame:
            el = _element_stems(p.text)
            frame = _stems(source_sentence[p.frame[0] : p.frame[1]]) - el
            shared = len((claim_all - el) & frame)
            # "promising but not yet proven" denies a state of the frame's subject, not an item of a list: one
            # word of the frame (the subject's) ties the claim to it.
            need = 1 if _NOT_YET_STATE.match(p.text) else max(1, FRAME_SHARE * len(frame))
            if el and _takes_up(el, asserted, p.cue) and shared >= need:
                return Conflict(p, f'the source excludes "{p.text.strip(_QUOTE_MARKS)}" ({p.cue})')
        elif p.cue == "not until":
            clause = _stems(_without_figures(p.text)) - _stems(p.bound)
            if not clause and k:  # "rates will fall, though probably not before December": the clause before
                clause = _stems(parts[k - 1].text)
            if clause and _met(clause, asserted) >= CLAUSE_COVER * len(clause) and _before_bound(claim, p.bound):
                said = "not until" if _NOT_UNTIL.search(p.text) else "only after"
                return Conflict(p, f'the source says {said} "{p.bound}"')
        elif p.negated:
            clause = _stems(p.text)
            if (clause and _met(clause, asserted) >= CLAUSE_COVER * len(clause)
                    and not denial_of_another_clause(p.text, asserted)):
                return Conflict(p, f'the source says "{p.text.strip()}" ({p.cue})')
    return None
