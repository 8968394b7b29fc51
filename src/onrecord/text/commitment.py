"""How much a clause commits to: a fact, or only a possibility, an intention, a share of a group.

"The council plans to close the library" does not say the library closed; "the drug could reduce the risk"
does not say it does; "some residents opposed the plan" does not say all did; "the bridge will open in June"
has not opened; "one of the largest banks" is not the largest; "its highest level since 2009" is no record;
"the match will be cancelled if it rains" is no cancellation. A claim that states as done, certain, whole,
first or unconditional what its source gives as possible, intended, partial, ranked, bounded or conditional
overstates it: the source speaks to the claim and does not support it. ``overstated`` finds where a source
sentence commits less than the claim, and the source's words that say so.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from onrecord.text.lexical import content_stems, coverage, stems_meet
from onrecord.text.scope import clauses
from onrecord.text.vocab import IRREGULAR_PAST

# A possibility. "May" is the modal only in lower case and not before a day ("on May 3"); "could not" and
# "couldn't" deny (the polarity rules read them), as "was unable to" does.
_POSSIBLE = (r"(?-i:\bmay\b)(?!\s+\d)|\bmight\b|\bcould\b(?!\s+not\b|n['’]t)|\bpossibl[ey]\b|\bperhaps\b|\bprobabl[ey]\b"
             r"|\b(?:un)?likely\b|\bexpect(?:s|ed|ing)?\s+(?:to|that)\b|\b(?:is|are|was|were|be|been)\s+expected\b"
             r"|\bpoised\s+to\b|\breportedly\b|\ballegedly\b|\balleged\b|\bpotential(?:ly)?\b|\bsuspected\b"
             # A condition or an open question: "if the council approves the plan", "unclear whether it will close".
             r"|(?<!\beven\s)(?<!\bas\s)\bif\b|\bunless\b(?!\s+otherwise\b)|\bwhether\b(?!\s+or\s+not\b)"
             # Awaiting a decision: "pending state approval of the package" is not approved yet.
             r"|\bpending\b(?=\s+(?:[\w'’-]+\s+){0,2}(?:approval|review|decision|ruling|confirmation|a\s+vote|"
             r"the\s+outcome|completion|certification|clearance)\b)")
# An intention, a proposal or a demand: what someone means, offers or asks to be done, not what was done.
# Weighing verbs only in the progressive ("is considering a ban"): "the board considered the bid and approved
# it" did approve it.
_INTENDED = (r"\bplan(?:ned|ning)\s+(?:to|for)\b|\bplans?\s+to\b|\bintend(?:s|ed|ing)?\s+to\b|\baim(?:s|ed|ing)?\s+to\b"
             r"|\bhop(?:e|es|ed|ing)\s+to\b|\bwant(?:s|ed|ing)?\s+to\b|\bseek(?:s|ing)?\s+to\b|\bsought\s+to\b"
             r"|\bpropos(?:e|es|ed|ing|al|als)\b|\bthreaten(?:s|ed|ing)?\s+to\b|\bpromis(?:e|es|ed|ing)\s+to\b"
             r"|\bpledg(?:e|es|ed|ing)\s+to\b|\bvow(?:s|ed|ing)?\s+to\b|\bwould\s+like\s+to\b"
             r"|\b(?:is|are|was|were)\s+set\s+to\b|\b(?:attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying))\s+to\b"
             r"|\b(?:call(?:ed|ing)|push(?:ed|ing)|lobb(?:ied|ying)|campaign(?:ed|ing))\s+for\b|\burg(?:e|es|ed|ing)\b"
             r"|\b(?:is|are|was|were|been)\s+(?:now\s+)?(?:considering|weighing|mulling|exploring)\b"
             r"|\b(?:would|will|may|might|could|to)\s+(?:consider|weigh|explore)\b")
HEDGE = re.compile(_POSSIBLE + "|" + _INTENDED, re.I)
"""What makes a clause a possibility or an intention rather than a fact."""
FUTURE = re.compile(r"\bwill\b|['’]ll\b|\b(?:is|are|was|were)\s+(?:going|due|scheduled|slated)\s+to\b"
                    r"|\bwould\b(?!\s+(?:not|never)\b)", re.I)
"""What puts a clause still to come: "will close" has not closed, and "said the president would sign it" (a future
told from the past, or a condition's outcome) has not signed it."""
# An open question told after what it is about: "The cause of the fire is under investigation", "the motive remains
# unclear", "arson has not been ruled out". The subject is what the clause leaves open.
OPEN = re.compile(r"\b(?:is|are|was|were|remains?|remained|has\s+been|have\s+been)\s+(?:still\s+)?(?:under\s+"
                  r"investigation|being\s+investigated|unknown|unclear|undetermined|uncertain|not\s+(?:yet\s+)?(?:known"
                  r"|clear|determined|established))\b|\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:ruled\s+out"
                  r"|determined|established)\b|\bcannot\s+be\s+ruled\s+out\b|\bnot\s+ruled\s+out\b", re.I)
# A claim that commits no more than its source: it hedges too ("would", "should", "if", "said to" join the
# source's own cues), so "the council would close the library" is the claim's own reading of "plans to". A
# claim of what someone can or is allowed to do reads a "may" of permission ("Either party may end this
# Agreement" for "either of you can end it"), which is no possibility to overstate. A claim that leaves a question
# open ("the cause is being investigated") commits no more than a source that does.
_CLAIM_HEDGE = re.compile(HEDGE.pattern + r"|\bwould\b|\bshould\b|\bif\b|\bsaid\s+to\b|\bunless\b|\bcan\b"
                          r"|\b(?:able|allowed|permitted|entitled|free)\s+to\b|\bbeing\s+investigated\b"
                          r"|\b(?:is|are|was|were)\s+investigating\b|"
                          + OPEN.pattern, re.I)

# How much of a group a quantifier takes, in order; "all" only before what it quantifies ("all residents", "all
# of the", not "at all", "all but", "above all", "after all", "all-time"). A fraction takes its place on the same
# scale: less than half is as "many" (a reader does not read "a third of the voters" as more than "many"), half
# between "many" and "most", more than half ("two-thirds", "just over half") "most". An adverb that tells a share of the whole clause ("paid for
# mostly by donors", "partly funded", "entirely from donors") quantifies no word after it.
_FRACTION_OF = r"(?=\s+(?:of|the|its|their|his|her)\b)"
_SHARE: list[tuple[float, str]] = [
    (0, r"\b(?:a\s+few|few|some|several|a\s+number\s+of|a\s+handful\s+of|a\s+minority\s+of)\b"),
    (1, r"\b(?:many|numerous|a\s+lot\s+of|lots\s+of)\b"),
    (1, r"\b(?:a|one)[\s-](?:third|quarter|fourth|fifth|tenth)" + _FRACTION_OF),
    (1, r"\b(?:nearly|almost|under|(?:just\s+)?(?:less|fewer)\s+than|just\s+under)\s+(?:one[\s-])?half" + _FRACTION_OF),
    (1.5, r"(?<!\bnearly\s)(?<!\balmost\s)(?<!\bunder\s)(?<!\bthan\s)(?<!\bover\s)(?<!\babove\s)\b(?:one[\s-])?half"
     + _FRACTION_OF),
    (2, r"\b(?:(?:just\s+|well\s+)?(?:over|more\s+than|above))\s+(?:one[\s-])?half" + _FRACTION_OF),
    (2, r"\b(?:most|the\s+majority\s+of|a\s+majority\s+of|nearly\s+all|almost\s+all)\b"),
    # "all but 2,000 homes", "all but a few": all the group save some, so "most".
    (2, r"\ball\s+but\s+(?:a\s+few|a\s+handful(?:\s+of)?|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*)"),
    (2, r"\b(?:two[\s-]thirds|three[\s-]quarters|three[\s-]fourths)" + _FRACTION_OF),
    (3, r"(?<!\bat\s)(?<!\babove\s)(?<!\bafter\s)\b(?:all|every|each|entire|whole)\b(?!\s+but\b)(?![-\w])"),
]
_CLAUSE_SHARE: list[tuple[float, str]] = [
    (0, r"\b(?:partly|partially|in\s+part)\b"),
    (2, r"\b(?:mostly|largely|mainly|chiefly|primarily|predominantly|for\s+the\s+most\s+part)\b"),
    (3, r"\b(?:entirely|wholly|solely|exclusively|all\s+of\s+(?:it|them))\b"),
]
_SHARES = [(level, re.compile(p, re.I)) for level, p in _SHARE]
_CLAUSE_SHARES = [(level, re.compile(p, re.I)) for level, p in _CLAUSE_SHARE]


# A superlative: "-est" (not the nouns and verbs that end so: "the protest leaders") and the irregular ones, or
# "most"/"least" before an adjective.
_NOT_SUPERLATIVE = ("interest|forest|request|honest|modest|protest|contest|test|west|rest|chest|nest|quest|guest|arrest"
                    "|harvest|suggest|digest|invest|manifest|conquest|pest|vest|crest|priest|midwest|northwest|southwest"
                    "|behest|bequest|inquest|unrest|tempest")
_SUPERLATIVE = r"(?:most|least)\s+[a-z][\w-]*|best|worst|(?!(?:" + _NOT_SUPERLATIVE + r")\b)[a-z]{2,}est\b"
# One of a ranked group ("one of the largest banks", "among the best players"), which a claim of the first place
# ("the largest bank") overstates. The superlative is the group's; "one of Europe's largest" is the same group.
_ONE_OF = re.compile(r"\b(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+['’]s?\s+)?(?P<sup>" + _SUPERLATIVE + ")", re.I)
_FIRST_PLACE = re.compile(r"(?<!\bof\s)(?<!\bamong\s)\bthe\s+(?P<sup>" + _SUPERLATIVE + ")", re.I)
# A place after the first ("the third-largest city", "the second biggest"), which "the largest" overstates too.
_NTH_PLACE = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[\s-]+"
                        r"(?P<sup>" + _SUPERLATIVE + ")", re.I)


# A first place within bounds ("its highest level since 2009", "the lowest in a decade", "the first time since
# 1990"), which a claim of the first place ever ("the highest ever", "a record 7.2%", "an all-time low", "the
# first time ever") overstates. "Since records began" is ever.
_BOUND = (r"(?:since\s+(?!records?\s+began)(?:the\s+)?[\w'’-]+|in\s+(?:(?:a|the\s+past|the\s+last|more\s+than|over|nearly"
          r"|almost|at\s+least|\d+|\w+)\s+){0,2}(?:years?|decades?|months?|weeks?|generations?))")
_BOUNDED_FIRST = re.compile(r"\b(?P<first>" + _SUPERLATIVE + r"|first)\b(?:\s+[\w-]+){0,3}?\s+(?P<bound>" + _BOUND + ")",
                            re.I)
_EVER = re.compile(r"\b(?:ever|on\s+record|all-time|record|in\s+history|since\s+records?\s+began)\b", re.I)
_ANY_BOUND = re.compile(_BOUND, re.I)


@dataclass(frozen=True)
class Overstatement:
    """Where a source sentence commits less than a claim: the cue, offsets into the sentence, and its kind."""
    cue: str
    start: int
    end: int
    kind: str
    """"hedge" (a possibility or an intention), "future" (still to come where the claim says it happened), "open" (a
    question the source leaves open: "under investigation", "unclear", "not ruled out"), "share"
    (part of a group where the claim says more), "rank" (one of the first where the claim says the first), "bound"
    (the first within bounds where the claim says ever), "condition" (a condition the claim leaves out) or "cause"
    (found together, or one after the other, where the claim says one causes the other)."""


def hedged(text: str) -> bool:
    """The text gives its clause as possible, intended, conditional or reported, not as a fact."""
    return bool(_CLAIM_HEDGE.search(text))


_HEAD = re.compile(r"\s+(?:of\s+)?(?:(?:the|its|their|his|her|our|these|those)\s+)?([A-Za-z][\w'-]*)")


def _shares(text: str) -> dict[str, tuple[float, re.Match[str]]]:
    """For each thing the text quantifies (the stem of the word after the quantifier), the largest share of it
    the text takes, and the quantifier."""
    out: dict[str, tuple[float, re.Match[str]]] = {}
    found = [(level, m, True) for level, pat in _SHARES for m in pat.finditer(text)]
    found += [(level, m, False) for level, pat in _CLAUSE_SHARES for m in pat.finditer(text)]
    for level, m, of_a_word in found:
        head = _HEAD.match(text, m.end()) if of_a_word else None
        stems = content_stems(head.group(1)) if head else []
        key = stems[0] if stems else ""  # "all of it", "mostly": a share of the clause, or of something named before
        if key not in out or out[key][0] < level:
            out[key] = (level, m)
    return out


def _larger_share(claim: str, clause: str) -> re.Match[str] | None:
    """The clause's quantifier of a thing the claim gives a larger share of ("some residents" for "all
    residents", "many" for "most")."""
    said, source = _shares(claim), _shares(clause)
    top = max((lv for lv, _ in source.values()), default=-1)
    for head, (level, _) in said.items():
        if level <= top:
            continue  # the clause takes as large a share of something ("some of the money ..., and all of it")
        for other, (src_level, m) in source.items():
            if level > src_level and (head == other == "" or (head and other and stems_meet(head, other))):
                return m
    return None


_ALL_LEVEL = 3
_CLAUSE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _narrowed_group(claim: str, clause: str) -> tuple[int, int] | None:
    """The clause says of a narrower group what the claim says of all of it: "Enterprise customers can request a
    higher limit" for "all customers can", "refunds for annual plans only" for "for all plans". The claim takes
    all of a thing ("all", "every", "each" before it); the clause names the same thing with a word before it that
    the claim does not have (no article, number or quantifier), and takes no share of it of its own. Returns where
    the clause's words for the narrower group are."""
    said = {head for head, (level, _) in _shares(claim).items() if level >= _ALL_LEVEL and head}
    if not said or any(level >= _ALL_LEVEL for level, _ in _shares(clause).values()):
        return None
    claim_stems = set(content_stems(claim))
    words = list(_CLAUSE_WORD.finditer(clause))
    for before, word in itertools.pairwise(words):
        if clause[before.end() : word.start()].strip():
            continue  # a mark between them: no modifier
        stems, mod = content_stems(word.group(0)), content_stems(before.group(0))
        if (stems and mod and any(stems_meet(stems[0], h) for h in said) and not mod[0][0].isdigit()
                and not any(stems_meet(mod[0], c) for c in claim_stems) and not _shares(before.group(0))):
            return before.start(), word.end()
    return None


# Where a cue's reach ends: a clause that opens under it ("plans to cut jobs after it closed two plants"), the
# verb of the clause the cue sits in ("a man suspected of theft was arrested": the arrest is no suspicion), a
# comma ("even a century ago, and perhaps even earlier, accents were changing": the hedge is of the aside) or a
# line's end.
# The word right after the cue is inside its reach ("could be sold", "may have cut").
_REACH_ENDS = re.compile(r"\b(?:after|because|since|although|though|whereas|while|when|where|which|who|whom|whose"
                         r"|that)\b|[,\n]|\b(?:and|but)\s+(?:has|have|had|is|are|was|were|did|does|will)\b"
                         r"|\b(?:is|are|was|were|has|have|had)\b", re.I)
_FIRST_WORD = re.compile(r"\s*\S+")


def _reach(clause: str, cue: re.Match[str]) -> str:
    """The words a cue governs: from it to where its reach ends."""
    first = _FIRST_WORD.match(clause, cue.end())
    start = first.end() if first else cue.end()
    end = _REACH_ENDS.search(clause, start)
    return clause[cue.end() : end.start() if end else len(clause)]


_PAST_AUXILIARY = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?\w+|\b(?:was|were)\s+\w+(?:ed|en)\b", re.I)


def _told_as_past(claim: str, reach: str) -> bool:
    """The claim gives the act the cue puts to come as done: its word for the reach's first verb-like word is a
    past form ("closed" for "will close"), or it says the act has been done ("has closed", "were closed")."""
    words = re.findall(r"[A-Za-z]+", reach)
    first = next((w for w in words if content_stems(w)), None)
    if first is None:
        return False
    head = content_stems(first)[0]
    # "would have required" has the claim's own past participle after "have", "would be published" after "be": the
    # same word is then the past, where the claim says it was done ("were published").
    perfect = bool(re.match(r"\s*(?:have|be)\s", reach, re.I))
    for m in re.finditer(r"[A-Za-z]+", claim):
        w = m.group(0).lower()
        stems = content_stems(w)
        if stems and stems_meet(stems[0], head) and (w != first.lower() or perfect):
            past_aux = bool(_PAST_AUXILIARY.search(claim, max(0, m.start() - 12)))
            if w == first.lower() and re.match(r"\s*be\s", reach, re.I):
                return past_aux  # "would be published" against "were published"; "will be published" is no past
            return w.endswith("ed") or w in IRREGULAR_PAST or past_aux
    return False


# "plan(s) to" is the verb where a subject stands before it ("the council plans to", "Tesco plans to", "it plans
# to", "its plans to"), not where it is a noun with a purpose ("a wide range of insurance plans to fit your needs").
_PLAN_NOUN = re.compile(r"\bplans?\s+to\b", re.I)
_PLAN_SUBJECT = re.compile(r"(?:\b(?i:the|a|an|its|their|his|her|our|this|that)\s+(?:(?!of\b)[\w'’-]+\s+){0,2}?[\w'’-]+"
                           r"|\b[A-Z][\w'’-]*|\b(?i:he|she|it|they|we|i|you|who|which|that|also|still|now|reportedly"
                           r"|already|currently|does|do|did)|n['’]t)\s+$")


def _is_cue(clause: str, cue: re.Match[str]) -> bool:
    return not _PLAN_NOUN.fullmatch(cue.group(0)) or bool(_PLAN_SUBJECT.search(clause[max(0, cue.start() - 60) : cue.start()]))


def _governs(claim_stems: set[str], clause: str, cue: re.Match[str]) -> bool:
    """The cue stands before words of the claim that the clause before it does not already carry: "The company
    may cut 200 jobs" hedges the cutting; "The company cut 200 jobs and may cut more" does not. One of them is a
    word, not only a name: "speculation about whether the Governor of the Bank of England would extend his time"
    hedges the extending, not every claim about the Governor (a text in lower case throughout is all words)."""
    met = [w for w in re.findall(r"[^\W\d_][\w'’-]*", _reach(clause, cue))
           if any(stems_meet(c, a) for a in content_stems(w) for c in claim_stems)]
    if not any(w[0].islower() for w in met):
        return False
    claim = " ".join(claim_stems)
    return coverage(claim, clause[: cue.start()]) < coverage(claim, clause)


def _left_open(claim_stems: set[str], clause: str, cue: re.Match[str]) -> bool:
    """What the open question is about, the clause's words but the cue ("The cause of the fire is under
    investigation", "Arson has not been ruled out as the cause"), are the claim's: a word, not only a name, or two."""
    said = clause[: cue.start()] + " " + clause[cue.end() :]
    met = [w for w in re.findall(r"[^\W\d_][\w'’-]*", said)
           if any(stems_meet(c, a) for a in content_stems(w) for c in claim_stems)]
    return any(w[0].islower() for w in met) or len(met) >= 2


def overstated(claim: str, sentence: str) -> Overstatement | None:
    """The clause of ``sentence`` that carries most of ``claim`` commits less than the claim does: it gives as
    possible or intended what the claim states ("may cut" for "cut", "plans to close" for "will close"), or to
    part of a group what the claim gives to more of it ("some residents" for "all residents")."""
    stems = {w for w in content_stems(claim) if not w[0].isdigit()}
    parts = clauses(sentence)
    if not stems or not parts:
        return None
    start, _, clause = max(parts, key=lambda c: coverage(claim, c[2]))
    cond = _dropped_condition(claim, clause)
    if cond is not None:
        return Overstatement(clause[cond[0] : cond[1]].strip(), start + cond[0], start + cond[1], "condition")
    m = _cause_told(claim, clause)
    if m:
        return Overstatement(m.group(0), start + m.start(), start + m.end(), "cause")
    if not hedged(claim):
        for cue in HEDGE.finditer(clause):
            if _is_cue(clause, cue) and _governs(stems, clause, cue):
                return Overstatement(cue.group(0), start + cue.start(), start + cue.end(), "hedge")
        if not FUTURE.search(claim):
            for cue in FUTURE.finditer(clause):
                if _governs(stems, clause, cue) and _told_as_past(claim, _reach(clause, cue)):
                    return Overstatement(cue.group(0), start + cue.start(), start + cue.end(), "future")
        for cue in OPEN.finditer(clause):
            if _left_open(stems, clause, cue):
                return Overstatement(cue.group(0), start + cue.start(), start + cue.end(), "open")
    m = _larger_share(claim, clause)
    if m:
        return Overstatement(m.group(0), start + m.start(), start + m.end(), "share")
    narrowed = _narrowed_group(claim, clause)
    if narrowed:
        a, b = narrowed
        return Overstatement(clause[a:b], start + a, start + b, "share")
    m = _one_of_the_first(claim, clause) or _first_among_fewer(claim, clause)
    if m:
        return Overstatement(m.group(0).strip(), start + m.start(), start + m.start() + len(m.group(0).strip()), "rank")
    m = _bounded_first(claim, clause)
    return Overstatement(m.group("bound"), start + m.start("bound"), start + m.end("bound"), "bound") if m else None


# A cause the claim states: "causes", "because of", "led to", "prevents", "halves the risk of".
# A verb of risk is a cause with its determiner ("lowers the risk", "cut their risk") or in its "-s" form ("halves
# risk"); "a lower risk", "a reduced risk" are found risks, no cause.
_RISK_NOUN = r"(?:risk|chance|odds|likelihood)"
_RISK = (r"(?:(?:reduc|lower|cut|halv|doubl|increas|rais|boost)\w*\s+(?:the|your|their|its|his|her|a\s+person['’]s)\s+"
         + _RISK_NOUN + r"|(?:reduces|lowers|cuts|halves|doubles|increases|raises|boosts)\s+" + _RISK_NOUN + ")")
# "Due to" before a verb is a schedule ("fees due to be distributed", "is due to arrive"), not a cause.
_DUE_TO = (r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)due\s+to(?!\s+(?:be|start|open|end|arrive|meet|take|return"
           r"|report|expire|begin|finish|launch|resume|close|hold|vote|appear|give|make|sign|travel|visit|speak|leave|run"
           r"|come|go|get|retire|step|publish|announce|complete|deliver|decide|rule|hear|face|play|fly|land)\b)")
_CLAIM_CAUSE = re.compile(r"\b(?:caus(?:e|es|ed|ing)|because|" + _DUE_TO + r"|owing\s+to|as\s+a\s+result\s+of|result(?:s|ed)?\s+in"
                          r"|(?:leads?|led|leading)\s+to|prevent(?:s|ed|ing)?|protect(?:s|ed)?\s+against"
                          r"|" + _RISK + r")\b", re.I)
# Any cause a source clause states, in more words than a claim's: a clause that has one gives a cause of its own.
_ANY_CAUSE = re.compile(_CLAIM_CAUSE.pattern + r"|\b(?:blam\w*|trigger\w*|spark\w*|prompt\w*|responsible\s+for"
                        r"|thanks\s+to|so\s+that|therefore|drove|drives?|driven|forc(?:e|ed|es)|made|makes?)\b", re.I)
# What a clause gives in place of a cause: two things found together ("associated with", "linked to", "had a 50
# percent lower risk", "had higher test scores", "were more likely to"), or one after the other ("after the strike", "following the vote").
_TOGETHER = re.compile(r"\b(?:associat(?:ed|ion|ions)\s+(?:with|between)|link(?:s|ed)?\s+(?:to|with|between)|links?\s+between|correlat\w*|tied\s+to"
                       r"|connection\s+between|(?:had|has|have|were|was)\s+(?:an?\s+)?(?:[\d.]+\s*(?:percent|per\s+cent|%)"
                       r"\s+)?(?:lower|higher|greater|smaller|reduced|increased|better|worse|fewer|more)\b"
                       r"|(?:were|was|are|is)\s+(?:\w+\s+)?(?:more|less)\s+likely|after|following)\b", re.I)


def _cause_told(claim: str, clause: str) -> re.Match[str] | None:
    """The claim states a cause (``_CLAIM_CAUSE``) where the clause that carries it states none, and gives the two
    only as found together or one after the other: "walking 7,000 steps a day halves the risk of early death" for
    "those who walked at least 7,000 steps a day had a 50 percent lower risk"; "closed because of the strike" for
    "closed after the strike". Returns the clause's words that tell the two apart."""
    if not _CLAIM_CAUSE.search(claim) or _ANY_CAUSE.search(clause):
        return None
    return _TOGETHER.search(clause)


def _bounded_first(claim: str, clause: str) -> re.Match[str] | None:
    """The clause bounds a first place ("the highest since 2009") that the claim gives with no bound ("the highest
    ever", "a record")."""
    if not _EVER.search(claim) or _ANY_BOUND.search(claim):
        return None
    return _BOUNDED_FIRST.search(clause)


# A condition the clause holds under ("if it rains", "unless a buyer is found", "as long as the roads are clear");
# not "even if" (it holds anyway), "as if", "if any", "if not", "if ever", nor the exception every default rule
# has ("unless otherwise agreed in writing"), which leaves the rule what it says.
_CONDITION = re.compile(r"(?<!\beven\s)(?<!\bas\s)(?<!\bwhat\s)\b(?:only\s+)?(?:if|unless(?!\s+otherwise\b)"
                        r"|(?:provided|providing)\s+that|(?<=,\s)provided"
                        r"|as\s+long\s+as|on\s+condition\s+that|subject\s+to|only\s+when)\b"
                        r"(?!\s+(?:any|not|ever|only|so|necessary|needed|possible|applicable)\b)", re.I)
_CONDITION_ENDS = re.compile(r"[,;.!?\n]")
# A claim that keeps a condition of its own ("when the roads are clear", "only", "who ...") restates it its way; one
# that says a thing holds in some cases ("may share some information with some third parties", "sometimes") is
# met by the cases the condition names.
_CLAIM_CONDITION = re.compile(_CONDITION.pattern + r"|\b(?:when|whenever|once|who|only|for\s+those|some|sometimes"
                              r"|certain|in\s+case|in\s+the\s+event|where)\b", re.I)
# The share of a claim's words the stretch a condition conditions must carry for the condition to be the claim's.
CONDITIONED_SHARE = 0.5


def _conditions(clause: str) -> list[tuple[int, int, int]]:
    """Where each condition of the clause is, and where the words it conditions begin: a leading one ("If the
    council approves, ...") runs to its comma and conditions the rest; a trailing one ("... if it rains on
    Saturday") runs to the next comma and conditions its own stretch since the last comma ("Tickets cost $10, or
    $5 if bought online": the $5). A restricting relative clause ("tenants who pay late are charged") is a condition
    too, but without a parser it cannot be told from one that describes ("residents of New South Wales who are
    already reeling ... are warned"): on the held-out pairs it was wrong more often than right, so it is not read."""
    out = []
    for m in _CONDITION.finditer(clause):
        end = _CONDITION_ENDS.search(clause, m.end())
        before = clause[: m.start()].rstrip(" ,")  # "Refunds are paid, provided ...": the stretch before the comma
        leading = not before.strip()
        out.append((m.start(), end.start() if end else len(clause), len(clause) if leading else before.rfind(",") + 1))
    return out


def _dropped_condition(claim: str, clause: str) -> tuple[int, int] | None:
    """The condition under which the clause holds what the claim says unconditionally: the stretch the condition
    conditions carries ``CONDITIONED_SHARE`` of the claim's words, and the claim does not carry every word of the
    condition. (In a long sentence of many terms, "(b) received from a third party ..., (d) required by law,
    provided that ...", the condition is of its own term, not of what the claim takes from another.)"""
    if _CLAIM_CONDITION.search(claim):
        return None
    words = set(content_stems(claim))
    for a, b, stretch in _conditions(clause):
        condition = {w for w in content_stems(clause[a:b]) if not w[0].isdigit()} - {"if", "unless"}
        if not condition or all(any(stems_meet(c, w) for w in words) for c in condition):
            continue
        conditioned = clause[stretch:a] if stretch < a else clause[b:]
        if coverage(claim, conditioned) >= CONDITIONED_SHARE:
            return a, b
    return None


# "The first woman to win", "the first Canadian team in": who is first among whom.
_FIRST_AMONG = re.compile(r"\bthe\s+first\s+(?P<who>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?=to|in|on|at|since|ever)\b",
                          re.I)


def _first_among_fewer(claim: str, clause: str) -> re.Match[str] | None:
    """The clause gives the first place among a narrower group than the claim ("the first female mayor" for "the
    first mayor", "the first Canadian team to win" for "the first team to win"): its group has the claim's words
    and more. Returns the clause's group."""
    mine = _FIRST_AMONG.search(claim)
    theirs = _FIRST_AMONG.search(clause)
    if mine is None or theirs is None or mine.group("who").lower() in ("time", "times"):
        return None
    own, group = content_stems(mine.group("who")), content_stems(theirs.group("who"))
    more = [w for w in group if not any(stems_meet(w, o) for o in own)]
    # Only a group the claim's words are all in: "the first woman" for "the first runner" may be a paraphrase.
    kept = all(any(stems_meet(o, w) for w in group) for o in own)
    return theirs if more and own and kept else None


def _one_of_the_first(claim: str, clause: str) -> re.Match[str] | None:
    """The clause ranks something among the first ("one of the largest") or after the first ("the third-largest")
    where the claim gives it the first place ("the largest"), by the same superlative, and the clause gives
    nothing that first place."""
    firsts = {m.group("sup").lower() for m in _FIRST_PLACE.finditer(claim)} - {
        m.group("sup").lower() for m in _ONE_OF.finditer(claim)}
    if not firsts or any(m.group("sup").lower() in firsts for m in _FIRST_PLACE.finditer(clause)
                         if not _ONE_OF.search(clause[max(0, m.start() - 20) : m.end()])):
        return None
    ranked = [*_ONE_OF.finditer(clause), *_NTH_PLACE.finditer(clause)]
    return next((m for m in ranked if m.group("sup").lower() in firsts), None)
