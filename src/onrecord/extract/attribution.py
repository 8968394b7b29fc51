"""Attribution: who a text says said something, and the proposition inside "X said that P".

Pure pattern work on the words around a span (no parser, no model):

* ``attribute(text, start, end)`` finds the speaker the text gives for a quote or claim, by cues in
  the same sentence ("X said", "said X", "according to X", "X, who …, said", "X urged …, stating",
  "X said: “…”", …); a pronoun resolves to the nearest named speaker before it when plain.
* ``reported_frame(text, start, end)`` splits "According to X, P" / "X said (that) P" /
  "P, X said" into the speaker and the checkable proposition P.
* ``source_turns(doc)`` finds who speaks where in a source: turns in the layouts of
  :mod:`onrecord.extract.speakers` ("DIRECTOR HALVORSEN:", "CEO (Dana Whitfield):", Q/A interviews,
  sections by author) and quoted statements ("“…,” said Priya Raman"); ``speaker_at`` looks one up.
* ``same_person(a, b)`` compares names loosely (titles dropped, surname match).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from onrecord.documents import Document
from onrecord.extract.speakers import speaker_turns
from onrecord.report import Attribution
from onrecord.text.analysis import TextAnalysis, analysis_of
from onrecord.text.marks import QuoteSpan
from onrecord.text.vocab import ABBREVIATIONS, AUXILIARIES, DOCUMENT_NOUNS, IRREGULAR_PAST

__all__ = [
    "Frame",
    "Turn",
    "attribute",
    "is_checkable_speaker",
    "participle_frame",
    "reported_frame",
    "same_person",
    "source_turns",
    "speaker_at",
]


@dataclass(frozen=True)
class Frame:
    """A reporting frame: ``speaker`` (via ``cue``) says the proposition ``[prop_start, prop_end)``."""

    speaker: str
    cue: str
    speaker_start: int | None
    speaker_end: int | None
    prop_start: int
    prop_end: int
    pronoun: str | None = None


@dataclass(frozen=True)
class Turn:
    """``speaker`` speaks the source's characters ``[start, end)``.

    ``kind`` is ``transcript`` (a "NAME:" line) or ``statement`` (a quotation attributed in the source).
    """

    speaker: str
    start: int
    end: int
    kind: str = "transcript"


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

# Finite reporting verbs: "X said", "said X".
CUE_VERBS = frozenset(
    """said says say told tells wrote writes added adds stated states argued argues claimed claims
    noted notes urged urges implored implores asked asks warned warns insisted insists explained
    explains called calls concluded concludes began begins replied replies responded responds
    answered answers announced announces declared declares acknowledged acknowledges admitted
    admits recalled recalls testified testifies tweeted tweets posted posts remarked remarks
    observed observes commented comments suggested suggests described describes pleaded pleads
    promised promises vowed vows predicted predicts reported reports confirmed confirms denied
    denies continued continues countered counters conceded concedes cautioned cautions
    emphasized emphasizes stressed stresses maintained maintains contended contends
    recounted recounts quipped quips""".split()
)
# Participles: "…, stating", "…, calling it": the speaker is the clause's subject.
CUE_PARTICIPLES = frozenset(
    """stating saying calling adding noting writing telling urging warning insisting arguing
    claiming explaining describing asking declaring concluding imploring pleading promising
    vowing predicting reporting confirming denying emphasizing stressing""".split()
)
# Verbs that introduce a checkable proposition ("X said that P"). Directives (urged, asked)
# and naming (called) introduce no proposition.
FRAME_VERBS = frozenset(
    """said says told tells wrote writes added adds stated states argued argues claimed claims
    noted notes warned warns insisted insists explained explains concluded concludes reported
    reports announced announces declared declares acknowledged acknowledges admitted admits
    testified testifies confirmed confirms maintained maintains contended contends stressed
    stresses emphasized emphasizes believes believe estimated estimates predicted predicts
    recalled recalls""".split()
)
_ADVERBS = frozenset(
    """also further then later again once previously repeatedly reportedly publicly privately
    had has have would will could may might had been was is""".split()
)
# Words that end a noun phrase when scanning for a speaker.
_NP_STOP = (
    frozenset(
        """that and but or as when while after before because if who whom whose which where to in on
    at by with from than then also not said says told wrote is are was were be been being has have
    had would will could should can may might do does did so since although though despite
    during into about over under between against without through it's there here what how why
    according""".split()
    )
    | CUE_VERBS
    | CUE_PARTICIPLES
)
_DETERMINERS = frozenset("the a an this these those his her their its our".split())
PRONOUNS = frozenset("he she they it we i".split())
_FEMALE_TITLES = r"First Lady|Mrs\.?|Ms\.?|Miss|Madam|Queen|Princess|Duchess|Dame|Lady"
_MALE_TITLES = r"Mr\.?|King|Prince|Duke|Sir|Lord"
_FEMALE_RE = re.compile(rf"\b(?:{_FEMALE_TITLES})\s+((?:[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+){{0,2}})")
_MALE_RE = re.compile(rf"\b(?:{_MALE_TITLES})\s+((?:[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+){{0,2}})")
_DOC_NP_RE = re.compile(
    r"\b(?:the|this|that|her|his|their|its)\s+(?:" + "|".join(sorted(DOCUMENT_NOUNS)) + r")\b", re.I
)
# Sentence-initial capitalised words that are not names.
_FUNCTION_CAPS = frozenset(
    """the a an in on at during after before read it this that these those however meanwhile but
    and or so yet still also when while if as for from by with according under over since
    although though despite there here what why how who which reactions""".split()
)
_TITLES = frozenset(
    """chair chairman chairwoman chairperson director commissioner mr mrs ms miss mx dr doctor prof
    professor president vice senator sen rep representative governor gov mayor judge justice
    minister secretary general gen coach first lady sir dame lord madam hon honorable councilman
    councilwoman councillor councilor council member ceo chief officer head spokesperson
    spokesman spokeswoman deputy acting assistant executive manager captain capt lieutenant lt
    sergeant sgt the of a an""".split()
)


# --------------------------------------------------------------------------------------------
# Tokens and sentences (computed once per text)
# --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"#+|\w+(?:[’'.\-]\w+)*\.?|[,;:()—–]")


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        t = self.text.lower()
        if t.endswith(".") and t[:-1] not in ABBREVIATIONS:
            t = t[:-1]
        return t

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


class _Analysis:
    """What attribution reads of a text: its top-level quotations masked, its tokens and sentences."""

    def __init__(self, source: TextAnalysis) -> None:
        self.source = source
        text = self.text = source.text
        self.quotes: list[QuoteSpan] = list(source.top_quotes)
        chars = list(text)
        for q in self.quotes:
            for k in range(q.mark_start, q.mark_end):
                chars[k] = "#"  # one opaque token: no cue inside a quotation counts
        self.masked = "".join(chars)
        self.tokens = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(self.masked)]
        self.tok_starts = [t.start for t in self.tokens]
        # The text's own sentences, the ones its claims are cut from: a speaker is looked for in the claim's.
        self.sentences = [(x.start, x.end) for x in source.sentences] or [(0, len(text))]
        self.sent_starts = [s for s, _ in self.sentences]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def tokens_in(self, s: int, e: int) -> list[_Tok]:
        a = bisect.bisect_left(self.tok_starts, s)
        b = bisect.bisect_left(self.tok_starts, e)
        return [t for t in self.tokens[a:b] if t.end <= e]


def _analyze(text: str | TextAnalysis) -> _Analysis:
    """Attribution's reading of ``text``, kept on its analysis: built once per check, not per call."""
    ta = analysis_of(text)
    return ta.derived("attribution", lambda: _Analysis(ta))


# --------------------------------------------------------------------------------------------
# Noun phrases
# --------------------------------------------------------------------------------------------


def _np_ok(t: _Tok) -> bool:
    return t.is_word and t.low not in _NP_STOP


def _np_backward(toks: list[_Tok], end: int) -> tuple[int, int] | None:
    """The noun phrase ending right before token index ``end``: (first index, end index)."""
    j = end - 1
    while (
        j >= 0
        and toks[j].is_word
        and not toks[j].is_cap
        and (toks[j].low in _ADVERBS or toks[j].low.endswith("ly"))
    ):
        j -= 1
    k = j
    while k >= 0 and _np_ok(toks[k]) and j - k < 8 and not (k < j and _ends_sentence(toks[k])):
        if toks[k].low in _DETERMINERS:
            k -= 1
            break
        k -= 1
    first = k + 1
    while first <= j and toks[first].low in ("of", "for"):
        first += 1
    if first > j:
        return None
    if j - first + 1 >= 8:  # too long to be a speaker: keep the trailing capitalised run
        first = j
        while first - 1 >= 0 and toks[first - 1].is_cap:
            first -= 1
        if not toks[first].is_cap:
            return None
    return first, j + 1


def _ends_sentence(t: _Tok) -> bool:
    """A word carrying a full stop that is not an abbreviation's ("twice." in "… twice. He said")."""
    return t.text.endswith(".") and t.text[:-1].lower() not in ABBREVIATIONS and "." not in t.text[:-1]


def _np_forward(toks: list[_Tok], start: int) -> tuple[int, int] | None:
    k = start
    while k < len(toks) and _np_ok(toks[k]) and k - start < 8:
        k += 1
        if _ends_sentence(toks[k - 1]):
            break
    while k > start and toks[k - 1].low in ("of", "for", "the", "a", "an"):
        k -= 1
    return (start, k) if k > start else None


def _speaker_text(text: str, toks: list[_Tok], a: int, b: int) -> tuple[str, int, int]:
    s, e = toks[a].start, toks[b - 1].end
    if text[e - 1] == "." and toks[b - 1].text[:-1].lower() not in ABBREVIATIONS:
        e -= 1
    return " ".join(text[s:e].split()), s, e  # a name wrapped over a line ("Dana\nWhitfield") is one name


def _is_named(words: list[_Tok]) -> bool:
    return any(t.is_cap and t.low not in _FUNCTION_CAPS and t.low not in PRONOUNS for t in words)


# --------------------------------------------------------------------------------------------
# attribute
# --------------------------------------------------------------------------------------------


@dataclass
class _Found:
    a: int  # token range of the speaker in the token list given
    b: int
    cue: str


# Reporting verbs that are also plural nouns. After a verb they are its object ("The mayor rejected claims that the
# city had overspent", "dismissed reports that ..."): nobody is their speaker, and what follows is what the subject
# rejects. After a determiner and a participle the participle is the subject ("The accused claims that ...").
_NOUN_CUES = frozenset("claims reports notes calls comments posts remarks tweets promises vows replies answers "
                       "states".split())


def _object_of_a_verb(toks: list[_Tok], v: int) -> bool:
    """The cue at ``v`` is a noun, the object of the verb before it."""
    if toks[v].low not in _NOUN_CUES or v == 0:
        return False
    prev = toks[v - 1]
    verb = prev.is_word and not prev.is_cap and (prev.low.endswith("ed") or prev.low in IRREGULAR_PAST
                                                 or prev.low in CUE_VERBS)
    return verb and not (v >= 2 and toks[v - 2].low in _DETERMINERS)


def _cue_in_right(toks: list[_Tok]) -> _Found | None:
    """ "…,” coach Irene Vasquez said." / "…,” said Priya Raman, …" / "…”, according to X."""
    i = 0
    while i < len(toks) and toks[i].text in (",", "—", "–"):
        i += 1
    if i >= len(toks):
        return None
    t = toks[i]
    if t.low in CUE_VERBS:
        np = _np_forward(toks, i + 1)
        if np:
            return _Found(np[0], np[1], t.text.rstrip("."))
        return None
    if t.low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
        np = _np_forward(toks, i + 2)
        if np:
            return _Found(np[0], np[1], "according to")
        return None
    for v in range(i + 1, min(len(toks), i + 9)):
        if not toks[v].is_word:
            return None
        if toks[v].low in CUE_VERBS and not _object_of_a_verb(toks, v):
            np = _np_backward(toks, v)
            if np and np[0] == i:
                return _Found(np[0], np[1], toks[v].text.rstrip("."))
            return None
    return None


def _ends_clause(toks: list[_Tok], f: _Found) -> bool:
    """The cue and its speaker end the clause: nothing but punctuation or a comma's apposition follows."""
    last = max(f.b, next((i + 1 for i, x in enumerate(toks) if x.low in CUE_VERBS), 0))
    after = toks[last:]
    return not any(x.is_word for x in after) or after[0].text == ","


def _cue_in_left(toks: list[_Tok]) -> _Found | None:
    """The nearest cue before the span whose subject can be found."""
    participle: _Tok | None = None
    for v in range(len(toks) - 1, -1, -1):
        t = toks[v]
        low = t.low
        if low == "according" and v + 1 < len(toks) and toks[v + 1].low == "to":
            np = _np_forward(toks, v + 2)
            if np:
                return _Found(np[0], np[1], t.text + " " + toks[v + 1].text)
            continue
        if low in CUE_VERBS and not _object_of_a_verb(toks, v):
            np = _np_backward(toks, v)
            if np:
                return _Found(np[0], np[1], t.text.rstrip("."))
            # "X, who …, said" / "X, the company's head of safety, said"
            j = v - 1
            if j >= 0 and toks[j].text == ",":
                for c in range(j - 1, max(-1, j - 16), -1):
                    if toks[c].text == ",":
                        np = _np_backward(toks, c)
                        if np and _is_named(toks[np[0] : np[1]]):
                            return _Found(np[0], np[1], t.text.rstrip("."))
                        break
                    if not toks[c].is_word:
                        break
            continue
        if low in CUE_PARTICIPLES:
            j = v - 1
            if j >= 0 and toks[j].is_word:
                np = _np_backward(toks, v)
                if np and _is_named(toks[np[0] : np[1]]):
                    return _Found(np[0], np[1], t.text)
            participle = participle or t
            continue
        if low == ":" and v == len(toks) - 1:
            # "Okonkwo: “…”" (a speaker label with no verb) — only at the start of the sentence
            np = _np_backward(toks, v)
            if np and np[0] == 0 and _is_named(toks[np[0] : np[1]]):
                return _Found(np[0], np[1], ":")
    if participle is not None:
        # "Zelenskyy expressed gratitude, calling it …": the sentence's subject
        k = 0
        while k < len(toks) and toks[k].is_cap and toks[k].is_word and toks[k].low in _FUNCTION_CAPS:
            k += 1
        if k == 0 or (k < len(toks) and toks[k - 1].text == ","):
            e = k
            while e < len(toks) and toks[e].is_word and (toks[e].is_cap or toks[e].low in PRONOUNS):
                e += 1
            if e > k:
                return _Found(k, e, participle.text)
    return None


def attribute(text: str | TextAnalysis, start: int, end: int) -> Attribution | None:
    """Who ``text`` says said the words at ``[start, end)`` (a quotation or a claim), or None."""
    an = _analyze(text)
    text = an.text
    si = an.sentence_index(start)
    ss, se = an.sentences[si]
    se = max(se, end)
    toks = an.tokens_in(ss, se)
    left = [t for t in toks if t.end <= start]
    right = [t for t in toks if t.start >= end]
    found = _cue_in_right(right)
    side = right
    if found is None and not right and si + 1 < len(an.sentences) and text[start:end].rstrip()[-1:] in "!?":
        # '"Stop the works!" Okafor said.': a quotation ending in "!" or "?" ends the splitter's sentence,
        # and its cue opens the next one.
        side = an.tokens_in(*an.sentences[si + 1])
        found = _cue_in_right(side)
        if found is not None and not _ends_clause(side, found):
            found = None  # '"Stop!" Smith said the plan would fail.': Smith's own sentence
    if found is None:
        found, side = _cue_in_left(left), left
    if found is None:
        # The span holds its own frame ("X said P" given whole): the frame's speaker, when the
        # span covers the frame's proposition.
        fr = reported_frame(an.source, max(ss, min(start, se)), se) if start <= ss + 1 else None
        if fr is not None and fr.prop_start < end and start < fr.prop_end:
            return Attribution(fr.speaker, fr.cue, fr.speaker_start, fr.speaker_end, pronoun=fr.pronoun)
        return None
    speaker, s, e = _speaker_text(text, side, found.a, found.b)
    cue = found.cue
    if len(side[found.a : found.b]) == 1 and side[found.a].low in PRONOUNS:
        res = _resolve_pronoun(an, si, side[found.a].low, s)
        if res is not None:
            return Attribution(res[0], cue, res[1], res[2], pronoun=speaker)
        return Attribution(speaker, cue, s, e, pronoun=speaker)
    return Attribution(speaker, cue, s, e)


def _resolve_pronoun(an: _Analysis, si: int, pronoun: str, before: int) -> tuple[str, int, int] | None:
    """The pronoun's antecedent, when plain: nearest earlier named speaker (gender-compatible)."""
    text = an.text
    if pronoun == "it":
        last = None
        for m in _DOC_NP_RE.finditer(text, 0, before):
            last = m
        return (last.group(), last.start(), last.end()) if last else None
    if pronoun in ("i", "we"):
        return None
    for k in range(si - 1, max(-1, si - 7), -1):
        s, e = an.sentences[k]
        toks = an.tokens_in(s, e)
        cands: list[tuple[int, int]] = []
        for v, t in enumerate(toks):
            if t.low in CUE_VERBS:
                np = _np_backward(toks, v)
                if np:
                    cands.append(np)
            elif t.low == "according" and v + 1 < len(toks) and toks[v + 1].low == "to":
                np = _np_forward(toks, v + 2)
                if np:
                    cands.append(np)
        # a named subject opening the sentence: "Jonah Reed scored twice …"
        i = 0
        while i < len(toks) and toks[i].is_word and toks[i].is_cap and toks[i].low not in _FUNCTION_CAPS:
            i += 1
        if i >= 2 and i < len(toks) and toks[i].is_word:
            cands.insert(0, (0, i))
        for a, b in reversed(cands):
            words = toks[a:b]
            if not _is_named(words) or words[-1].low in DOCUMENT_NOUNS:
                continue
            name, ns, ne = _speaker_text(text, toks, a, b)
            if _gender_ok(pronoun, name):
                if pronoun == "they" and not (words[-1].low.endswith("s") and not words[-1].is_cap):
                    continue
                if pronoun != "they" and not words[-1].is_cap:
                    continue
                return name, ns, ne
    if pronoun in ("she", "he"):
        rx = _FEMALE_RE if pronoun == "she" else _MALE_RE
        last = None
        for m in rx.finditer(text, 0, before):
            last = m
        if last:
            return last.group(1), last.start(1), last.end(1)
    return None


def _gender_ok(pronoun: str, name: str) -> bool:
    """"She" never resolves to "Mr. X", nor "he" to "Mrs. X" (titles only; no name lists)."""
    if pronoun == "she":
        return not re.match(rf"(?:{_MALE_TITLES})\b", name)
    if pronoun == "he":
        return not re.match(rf"(?:{_FEMALE_TITLES})\b", name)
    return True


def is_checkable_speaker(a: Attribution | None) -> bool:
    """A speaker a source's speaker can be compared with: not a document, not an unresolved pronoun."""
    if a is None or not a.speaker:
        return False
    words = a.speaker.lower().split()
    if a.pronoun and a.speaker.lower() == a.pronoun.lower():
        return False
    if len(words) == 1 and words[0] in PRONOUNS:
        return False
    return words[-1] not in DOCUMENT_NOUNS


# --------------------------------------------------------------------------------------------
# reported_frame
# --------------------------------------------------------------------------------------------

_PREP_ADJUNCT = frozenset(
    """on in at to during after before last this yesterday today monday tuesday wednesday thursday
    friday saturday sunday earlier""".split()
)


def _prop_end(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and text[e - 1] == ".":
        e -= 1
    return e


def _prop_start(text: str, s: int, e: int) -> int:
    while s < e and (text[s].isspace() or text[s] in ",:"):
        s += 1
    return s


def reported_frame(text: str | TextAnalysis, start: int, end: int) -> Frame | None:
    """The reporting frame of a sentence or clause ``[start, end)``, or None when it has none."""
    an = _analyze(text)
    text = an.text
    toks = an.tokens_in(start, end)
    if not toks:
        return None
    si = an.sentence_index(start)

    def make(a: int, b: int, cue: str, ps: int, pe: int) -> Frame | None:
        ps, pe = _prop_start(text, ps, pe), _prop_end(text, ps, pe)
        if pe <= ps:
            return None
        speaker, s, e = _speaker_text(text, toks, a, b)
        pronoun = toks[a].low if b - a == 1 and toks[a].low in PRONOUNS else None
        return _framed(an, si, pronoun, speaker, cue, s, e, ps, pe)

    # According to X, P
    if len(toks) > 3 and toks[0].low == "according" and toks[1].low == "to":
        for c in range(2, min(len(toks), 12)):
            if toks[c].text == ",":
                np = _np_forward(toks, 2)
                if np and np[1] == c:
                    return make(np[0], np[1], text[toks[0].start : toks[1].end], toks[c].end, end)
                break
    # X said (that) P
    for v in range(1, min(len(toks), 14)):
        t = toks[v]
        if t.low not in FRAME_VERBS or _object_of_a_verb(toks, v):
            continue
        np = _np_backward(toks, v)
        first = np[0] if np else None
        if np is None and toks[v - 1].text == ",":
            for c in range(v - 2, -1, -1):
                if toks[c].text == ",":
                    np = _np_backward(toks, c)
                    first = np[0] if np else None
                    break
        if np is None or first is None or not (first == 0 or _introduced(toks, first)):
            break
        ps = _after_verb(toks, v)
        if ps is None:
            break
        return make(np[0], np[1], t.text.rstrip("."), ps, end)
    # P, X said.   /   “P,” X said.   /   P, according to X.
    split_candidates = [c for c, t in enumerate(toks) if t.text == ","]
    if toks[0].text.startswith("#"):
        split_candidates.append(0)
    for c in sorted(split_candidates, reverse=True):
        rest = toks[c + 1 :]
        if not rest or len(rest) > 16:
            continue
        f = _cue_in_right(rest)
        if f is None:
            continue
        if not _ends_clause(rest, f):  # the cue and its speaker must end the clause (or ", the company's …")
            continue
        speaker_toks = rest
        if toks[c].text.startswith("#"):
            q = next((q for q in an.quotes if q.mark_start == toks[c].start), None)
            ps, pe = (q.start, q.end) if q else (toks[c].start, toks[c].end)
        else:
            ps, pe = start, toks[c].start
        speaker, s, e = _speaker_text(text, speaker_toks, f.a, f.b)
        pe = _prop_end(text, ps, pe)
        while pe > ps and text[pe - 1] in ",":
            pe -= 1
        if pe <= ps:
            return None
        pronoun = speaker_toks[f.a].low if f.b - f.a == 1 and speaker_toks[f.a].low in PRONOUNS else None
        return _framed(an, si, pronoun, speaker, f.cue, s, e, ps, pe)
    return None


def participle_frame(text: str | TextAnalysis, start: int, end: int) -> Frame | None:
    """"X was more cautious, saying (that) P" / "X rejected the plan, adding that P": who a source sentence gives P
    to through a reporting verb after a comma, its subject the sentence's. For reading sources only: a text's
    sentence of this form is two claims (the act and what was said), which ``reported_frame`` keeps whole."""
    an = _analyze(text)
    toks = an.tokens_in(start, end)
    for v in range(2, len(toks)):
        if toks[v].low in _PARTICIPLE_CUES and toks[v - 1].text == ",":
            np = _subject(toks)
            ps = _after_verb(toks, v) if np is not None else None
            if np is None or ps is None:
                return None
            speaker, s, e = _speaker_text(an.text, toks, np[0], np[1])
            ps, pe = _prop_start(an.text, ps, end), _prop_end(an.text, ps, end)
            pronoun = toks[np[0]].low if np[1] - np[0] == 1 and toks[np[0]].low in PRONOUNS else None
            return _framed(an, an.sentence_index(start), pronoun, speaker, toks[v].text, s, e, ps, pe)
    return None


_PARTICIPLE_CUES = frozenset("saying adding noting warning arguing insisting stressing explaining claiming declaring "
                             "telling".split())
"""A reporting verb after a comma, its subject the sentence's: "Burke was more cautious, saying it was too early"."""


_BE_HAVE = frozenset("was were is are has have had will would".split())


def _is_verb(t: _Tok) -> bool:
    return t.is_word and not t.is_cap and (t.low in _BE_HAVE or t.low.endswith("ed") or t.low in IRREGULAR_PAST)


def _subject(toks: list[_Tok]) -> tuple[int, int] | None:
    """The sentence's subject at its start, or the name set beside it by commas ("Her colleague, Dr. Liam Burke,
    was ..." gives "Dr. Liam Burke")."""
    np = _np_forward(toks, 0)
    if np is None:
        return None
    verb = next((k for k in range(np[0] + 1, np[1]) if _is_verb(toks[k])), None)
    if verb is not None:
        return np[0], verb  # "The mayor rejected the plan, adding ...": the subject ends at its verb
    if np[1] < len(toks) and toks[np[1]].text == ",":
        beside = _np_forward(toks, np[1] + 1)
        if beside and beside[1] < len(toks) and toks[beside[1]].text == "," and _is_named(toks[beside[0] : beside[1]]):
            return beside
    return np


# Words that open an adverbial phrase before a reporting clause's subject: "In a concurrence, Justice
# Park stressed that ...", "On Monday, officials said ...", "Writing for the majority, Moreno said ...".
_INTRO_WORDS = frozenset(
    """in on at during after before earlier later meanwhile however separately yesterday today also last
    this writing speaking asked responding addressing still instead nonetheless nevertheless moreover
    furthermore but and""".split()
)


def _introduced(toks: list[_Tok], first: int) -> bool:
    """The speaker at ``first`` follows an adverbial phrase and its comma, and that phrase reports no one."""
    return (0 < first <= 9 and toks[first - 1].text == "," and toks[0].low in _INTRO_WORDS
            and not any(t.low in FRAME_VERBS or t.low == "according" or t.text.startswith("#")
                        for t in toks[: first - 1]))


def _framed(an: _Analysis, si: int, pronoun: str | None, speaker: str, cue: str, s: int, e: int, ps: int,
            pe: int) -> Frame:
    """The frame, its speaker a pronoun resolved to the person it stands for where it can be."""
    if pronoun is None:
        return Frame(speaker, cue, s, e, ps, pe)
    res = _resolve_pronoun(an, si, pronoun, s)
    if res is not None:
        return Frame(res[0], cue, res[1], res[2], ps, pe, pronoun=speaker)
    return Frame(speaker, cue, s, e, ps, pe, pronoun=speaker)


def _after_verb(toks: list[_Tok], v: int) -> int | None:
    """Where P starts after the reporting verb at ``v`` (after "that" or ":" when they come)."""
    verb = toks[v].low
    window = toks[v + 1 : v + 10]
    for k, t in enumerate(window):
        if t.low == "that":
            between = window[:k]
            if verb in ("told", "tells") or not between or between[0].low in _PREP_ADJUNCT:
                return t.end
            break
        if t.text == ":":
            return t.end
        if not t.is_word and not t.text.startswith("#"):
            break
    if verb in ("told", "tells"):
        return None  # "X told Y to …" reports no proposition
    if v + 1 < len(toks):
        if toks[v + 1].text.startswith("#") or _is_clause(toks[v + 1 :]):
            return toks[v + 1].start if toks[v + 1].text != "," else toks[v + 1].end
    return None  # an object, not a proposition: "Hale wrote the dissent", "The firm reported a loss"


# Words after which an "-s" word is a plural noun, not a verb ("the importance of schools").
_BEFORE_NOUN = frozenset("of in for on at to with from by about new more most many few several".split())
# "-ed" words that are no verb.
_NOT_ED_VERBS = frozenset("hundred indeed red bed shed speed seed feed greed bred steed".split())


def _is_clause(toks: list[_Tok]) -> bool:
    """Whether the words after a reporting verb, up to the first comma, make a clause with a finite verb
    ("the bridge is unsafe", "revenue rose 8%", "the company expects growth") rather than the verb's
    object ("the dissent", "a loss of $3 million", "the motion on Monday"). Pattern work: an auxiliary,
    a past form, or a present "-s" verb after a noun."""
    words: list[_Tok] = []
    for t in toks:
        if t.text in (",", ";", "(", ")", "—", "–") or t.text.startswith("#"):
            break
        if t.is_word:
            words.append(t)
    for k, t in enumerate(words):
        low = t.low
        if low in AUXILIARIES or low in IRREGULAR_PAST or "n't" in low or "n’t" in low:
            return True
        if k > 0 and len(low) > 3 and low.endswith("ed") and low not in _NOT_ED_VERBS:
            return True
        if k > 0 and len(low) > 3 and low.endswith("s") and not low.endswith("ss") \
                and words[k - 1].low not in _DETERMINERS | _BEFORE_NOUN and not words[k - 1].text[0].isdigit():
            return True
    return False


# --------------------------------------------------------------------------------------------
# Speakers in sources
# --------------------------------------------------------------------------------------------

def source_turns(doc: Document) -> list[Turn]:
    """Who speaks where in ``doc``: turns in every layout ``onrecord.extract.speakers`` reads ("NAME:",
    "ROLE (Name):", "Name (Role):", a call's roles named in the operator's introduction, Q/A with the
    names in a header, a judgment's or a report's sections by author) and attributed quotations.

    A turn's speaker is the person's name wherever the source gives one, so a quotation is compared
    with the person who said it and not with a role label ("CEO", "A", "OPERATOR").
    """
    text = doc.text
    turns = [Turn(t.speaker, t.start, t.end, "transcript") for t in speaker_turns(text)]
    an = _analyze(text)
    for q in an.quotes:
        a = attribute(an.source, q.start, q.end)
        if a is not None and is_checkable_speaker(a):
            turns.append(Turn(a.speaker or "", q.start, q.end, "statement"))
    turns.sort(key=lambda t: (t.start, -t.end))
    return turns


def speaker_at(turns: list[Turn], offset: int) -> str | None:
    """The speaker of the innermost turn containing ``offset``, or None."""
    best: Turn | None = None
    for t in turns:
        if t.start <= offset < t.end and (best is None or t.end - t.start < best.end - best.start):
            best = t
    return best.speaker if best else None


def _name_tokens(name: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", name.lower())
    words = [re.sub(r"['’]s$", "", w) for w in words]
    return [w for w in words if w not in _TITLES]


def same_person(a: str, b: str) -> bool:
    """Loose name match: titles dropped, case ignored, surnames (or a lone given name) compared."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return a.strip().lower() == b.strip().lower()
    if ta[-1] == tb[-1]:
        return True
    if len(ta) == 1 and ta[0] in tb or len(tb) == 1 and tb[0] in ta:
        return True
    return False
