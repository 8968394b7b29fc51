"""Opposed predicates: "approved" where the source says "postponed", "rose" where it says "fell".

A sentence can share nearly every word with a claim and still say the opposite through its verb.
Each group lists poles of word prefixes; a claim using one pole against a close source sentence
that uses another pole of the same group (and not the claim's) is a contradiction candidate.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from onrecord.text.lexical import coverage, stem
from onrecord.text.scope import BUT_AS_EXCEPT
from onrecord.text.vocab import STOPWORDS

K = TypeVar("K")
"""What a reading keys its values by (a relative time's step and unit, a rate's unit)."""

# Prefixes match inflections: "approv" → approve/approved/approval. Keep them long enough to be
# unambiguous ("rose" the verb, not "roses": a claim and its source share the context anyway).
_GROUPS: list[list[tuple[str, ...]]] = [
    [("approv", "passed", "adopt", "accept", "endors", "ratif"),
     ("reject", "veto", "vetoed", "voted down", "turned down", "refus", "block"),
     ("postpon", "delay", "defer", "tabled", "suspend", "put off")],
    [("increas", "rise", "rose", "risen", "rising", "grow", "grew", "climb", "jump", "gain", "soar", "surg",
      "expand", "rais", "boost", "higher", "up from", "doubled", "tripled", "quadrupled", "accelerat", "sped up"),
     ("decreas", "fall", "fell", "fallen", "drop", "declin", "shrink", "shrank", "reduc", "lower", "slash",
      "plung", "slump", "tumbl", "cut", "down from", "halved", "slowed", "slowing", "slows", "decelerat"),
     # No change is the opposite of either ("kept its forecast unchanged" for "raised its forecast").
     ("unchang", "steady", "flat", "maintained", "reaffirm", "no change")],
    [("won", "win", "beat", "victor"), ("lost", "lose", "losing", "defeated by", "loss to")],
    # Whether a side held what it had ("Labour kept control" / "Labour lost control").
    [("kept", "keep", "retain", "held on", "holds on", "clung on"), ("lost", "lose", "loses", "losing")],
    [("open", "reopen"), ("clos", "shut")],
    # Whether an event happened ("the match was called off" / "went ahead").
    [("cancel", "called off", "call off", "calls off", "scrapped", "abandon"),
     ("went ahead", "go ahead", "goes ahead", "took place", "take place", "takes place", "was played", "were played",
      "was held", "were held")],
    [("begin", "began", "begun", "start", "launch", "resum"), ("end", "ended", "finish", "halt", "stop", "ceas",
                                                              "suspend", "paus")],
    # "back" and "against" alone are mostly no stance ("fought back", "came back", "a win against Leeds"):
    # only their forms that take a side.
    [("support", "proponent", "advocate", "favor", "favour", "backed", "backing", "champion", "voted for",
      "voted in favo", "vote for",
      "votes for", "voting for", "vote in favo", "votes in favo", "voting in favo"),
     ("oppos", "opponent", "critics", "detractor", "voted against", "vote against", "votes against", "voting against",
      "spoke against", "argued against",
      "campaigned against", "came out against",
      "object", "criticiz", "criticis")],
    [("allow", "permit", "legaliz", "authoriz"), ("ban", "prohibit", "forbid", "forbade", "outlaw", "bar ")],
    [("hire", "hiring", "hired", "recruit"), ("fire", "fired", "lay off", "laid off", "dismiss", "sack")],
    [("buy", "bought", "acquir", "purchas"), ("sell", "sold", "divest")],
    [("confirm", "admit", "acknowledg"), ("deni", "deny")],
    # How an attempt ended ("the talks collapsed", "the bid succeeded"); "failed to" before an act is a denial
    # of the act (``vocab.IMPLICIT_NEGATION``), read by the polarity rules first.
    [("succeed", "successful"), ("fail", "collaps", "unsuccessful", "broke down")],
    [("guilty", "convict"), ("acquit", "not guilty", "innocent", "cleared")],
    [("more", "larger", "bigger", "greater"), ("less", "fewer", "smaller")],
    # Comparatives of one scale ("The X300 is heavier, at 1.6 kg" for "the X300 is lighter").
    [("heavier",), ("lighter",)], [("longer",), ("shorter",)], [("older",), ("younger", "newer")],
    [("faster", "quicker"), ("slower",)], [("cheaper",), ("dearer", "more expensive", "costlier", "pricier")],
    [("wider", "broader"), ("narrower",)], [("warmer", "hotter"), ("colder", "cooler")],
    [("increase", "add"), ("eliminat", "remov", "abolish", "scrap")],
    # What a higher court did with a lower court's ruling.
    [("affirm", "upheld", "uphold", "sustained"), ("revers", "overturn", "overrul", "vacated", "quash", "struck down",
                                                   "strike down", "strikes down", "block", "enjoin", "invalidat")],
    # What a court or board did with a request put to it (an appeal, a motion, an application, bail).
    [("allow", "grant"), ("dismiss", "refus", "reject", "deni", "turned down")],
    # How often a thing happens ("common side effects" / "rarely"; "often" / "seldom").
    [("often", "frequent", "commonly", "common", "usually", "regularly", "routinely"),
     ("rare", "seldom", "infrequent", "uncommon", "occasional")],
    # How a thing stands ("demand remained weak" for "demand was strong").
    [("strong", "robust", "solid"), ("weak", "sluggish", "fragile")],
    # Held or let go ("remains in hospital" / "was later released").
    [("remain in", "remains in", "remained in", "still in", "detain", "in custody"), ("released", "discharged", "freed")],
    # Who a study was done on: an effect found in mice is not one found in people.
    [("mice", "mouse", "rats", "rodents", "animals", "in animal"), ("people", "humans", "patients", "volunteers",
                                                                    "in human")],
    # What befell people: the injured lived ("two people were injured" for "two people were killed");
    # "fatally injured" and "mortally wounded" say both: no opposite of "died".
    [("kill", "dead", "died", "dies", "death", "fatal", "mortal"), ("injur", "wounded")],
]
_WORD = re.compile(r"[a-z][a-z']*(?: (?:down|off|up|by|to)\b)?")
# The rise/fall group, and a change written with its sign ("Change: -12%", "+2.3 pts"): a table row says
# which way a figure went by its sign alone, as "fell" or "rose" would.
_RISE_FALL = next(g for g, poles in enumerate(_GROUPS) if "increas" in poles[0])
_SIGNED_CHANGE = re.compile(r"(?:^|(?<=[\s(:]))(?P<sign>[+\-−])\s?\d[\d.,]*\s?(?:%|pts?\b|points?\b|percent\b)", re.I)


@dataclass(frozen=True)
class Opposition:
    claim_word: str
    source_word: str


def _signed_poles(text: str) -> dict[int, str]:
    """{0: "+9%"} for a rise written with its sign, {1: "-12%"} for a fall."""
    out: dict[int, str] = {}
    for m in _SIGNED_CHANGE.finditer(text):
        out.setdefault(0 if m.group("sign") == "+" else 1, m.group(0).strip())
    return out


_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|of|level)\s+$")


def _as_noun(joined: str, m: re.Match[str]) -> bool:
    """The pole word names a thing, not what happened: "growth", "the rise in prices", "sea level rise"."""
    word = m.group(1)
    if word.endswith(("ed", "er", "ing")):
        return False  # "of higher freight costs", "the falling rate": said of a thing, not the thing
    return word.endswith("th") or bool(_NOUN_BEFORE.search(joined[: m.start() + 1]))


def _poles(text: str) -> dict[int, dict[int, str]]:
    """group index -> {pole index: the word that hit it}."""
    low = " " + text.lower().replace("’", "'") + " "  # "didn’t" is one word, as "didn't" is
    words = [m.group(0) for m in _WORD.finditer(low)]
    joined = " " + " ".join(words) + " "
    out: dict[int, dict[int, str]] = {}
    for g, poles in enumerate(_GROUPS):
        found: dict[int, tuple[str, bool]] = {}  # pole -> (word, only as a noun)
        for p, prefixes in enumerate(poles):
            hits = [m for pre in prefixes for m in re.finditer(r" (" + re.escape(pre.strip()) + r"[a-z']*)", joined)]
            if hits:
                verb = next((m for m in hits if not _as_noun(joined, m)), None)
                found[p] = ((verb or hits[0]).group(1), verb is None)
        # A pole named only as a thing ("the rise", "growth") where another is said of it ("the rise slowed",
        # "growth slowed") is the subject, not what the text says of it.
        said = {p for p, (_, noun) in found.items() if not noun}
        for p, (word, noun) in found.items():
            if not (noun and said - {p}):
                out.setdefault(g, {})[p] = word
    for p, figure in _signed_poles(text).items():
        out.setdefault(_RISE_FALL, {}).setdefault(p, figure)
    return out


def opposed(claim: str, sentence: str) -> Opposition | None:
    """The first predicate the sentence opposes to the claim's, if any. A comparison of two named things is read
    whole: "Montreal is smaller than Toronto" says what "Toronto is larger than Montreal" says, and "Montreal is
    larger than Toronto" its opposite."""
    relation = compared(claim, sentence)
    if relation is not None:
        agrees, mine, theirs = relation
        return None if agrees else Opposition(mine, theirs)
    c, s = _poles(claim), _poles(sentence)
    found = _opposed_poles(c, s) or _negated_by_prefix(_WORDS.findall(claim), _WORDS.findall(sentence))
    if found is not None or not any(p in s.get(g, {}) for g, cp in c.items() for p in cp):
        return found
    # The sentence uses the claim's own word too, but maybe of something else, in another clause ("Net income
    # fell ..., as higher shipping costs weighed on margins"): the clause that carries the claim is read alone.
    clause = claims_clause(claim, sentence)
    return _opposed_poles(c, _poles(clause)) if clause is not None else None


def _opposed_poles(c: dict[int, dict[int, str]], s: dict[int, dict[int, str]]) -> Opposition | None:
    for g, cpoles in c.items():
        spoles = s.get(g, {})
        for p, word in cpoles.items():
            if p in spoles:
                continue  # the source uses the claim's own word too: no plain opposition
            for q, sword in spoles.items():
                if q != p and q not in cpoles:  # a claim that says both ("flat in March, up in April") is no opposite
                    return Opposition(word, sword)
    return None


# Where one clause of a sentence ends and another begins: a semicolon, or a comma or "but" before a
# conjunction that starts a clause of its own.
_CLAUSE_BREAK = re.compile(r";|,\s*(?:as|while|whereas|but|although|though|after|because|since|and|which|with)\s+"
                           r"|" + BUT_AS_EXCEPT + r"\s+but\s+|\s+while\s+|\s+whereas\s+", re.I)


def claims_clause(claim: str, sentence: str) -> str | None:
    """The one clause of ``sentence`` that carries most of the claim's words; None when the sentence is one
    clause or two clauses carry as much."""
    parts = [p for p in _CLAUSE_BREAK.split(sentence) if p and p.strip()]
    if len(parts) < 2:
        return None
    ranked = sorted(((coverage(claim, p), p) for p in parts), key=lambda t: -t[0])
    if ranked[0][0] == 0 or ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


# "last year" and "this year" are two years, but "this plan" and "the last plan" need not be two plans: the
# relative-time class speaks only of ``_TIME_HEADS``. ("past" and "previous", "coming" and "next" say the same.)
_RELATIVE_TIME = frozenset({"last", "this", "next"})
# Closed classes of modifiers: the same head noun with another member of the class is another thing
# ("a straight red card" vs "a second yellow card", "serious burns" vs "minor burns").
_MODIFIER_CLASSES: list[frozenset[str]] = [
    frozenset({"red", "yellow", "green", "blue", "black", "white", "orange", "purple", "brown", "grey", "gray"}),
    frozenset({"minor", "mild", "slight", "serious", "severe", "major", "critical", "fatal", "life-threatening"}),
    frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"}),
    frozenset({"left", "right"}),
    frozenset({"upper", "lower"}),
    frozenset({"full", "partial"}),
    frozenset({"public", "private"}),
    frozenset({"domestic", "foreign", "international"}),
    frozenset({"male", "female"}),
    frozenset({"first", "second", "third", "fourth", "final", "last"}),
    frozenset({"annual", "monthly", "weekly", "daily", "quarterly"}),
    frozenset({"temporary", "permanent"}),
    frozenset({"full-time", "part-time"}),
    frozenset({"voluntary", "mandatory", "compulsory"}),
    _RELATIVE_TIME,
]
_TIME_HEADS = frozenset("year month week quarter season decade century summer winter spring autumn fall weekend "
                        "term semester night morning evening".split())
_PAIR = re.compile(r"\b([a-z][a-z\-]+)\s+(?:[a-z]+\s+)?([a-z]{3,})\b")


def _modified_heads(text: str) -> dict[str, set[tuple[int, str]]]:
    """head noun -> {(class index, modifier)} for modifiers from a closed class right before it."""
    low = text.lower()
    out: dict[str, set[tuple[int, str]]] = {}
    words = re.findall(r"[a-z][a-z\-]*", low)
    for i, word in enumerate(words):
        w = _as_adjective(word)
        # A word and its negation by prefix are a class of two ("vaccinated" / "unvaccinated children").
        negative = NEGATIVE_PREFIX.match(w)
        base = negative.group("base") if negative else w
        if len(base) >= 4 and base not in STOPWORDS:
            for j in (i + 1, i + 2):
                if j < len(words) and len(words[j]) >= 3 and words[j] not in STOPWORDS:
                    out.setdefault(stem(words[j]), set()).add(("not " + base, w))
        for k, cls in enumerate(_MODIFIER_CLASSES):
            if w in cls:
                # The head is the next word, or the one after an intervening word ("straight red card").
                for j in (i + 1, i + 2):
                    if j < len(words) and words[j] not in cls and len(words[j]) >= 3:
                        if cls is _RELATIVE_TIME and words[j].rstrip("s") not in _TIME_HEADS:
                            continue
                        out.setdefault(stem(words[j]), set()).add((k, w))
    for m in _PREDICATE.finditer(low):  # "side effects were mild": the modifier said of its head
        for k, cls in enumerate(_MODIFIER_CLASSES):
            if m.group("adj") in cls and cls is not _RELATIVE_TIME:
                out.setdefault(stem(m.group("head")), set()).add((k, m.group("adj")))
    return out


NEGATIVE_PREFIX = re.compile(r"(?:un|non-?)(?P<base>[a-z]{4,})$")
"""A word negated by its prefix, and the word it negates ("unhurt": "hurt", "non-binding": "binding")."""


def _as_adjective(word: str) -> str:
    """An adverb of a class's adjective as the adjective: "seriously injured" says "serious injuries", "temporarily
    closed" a "temporary" closure. Heads are compared by stem, so the verb meets its noun ("injured", "injuries")."""
    if not word.endswith("ly") or len(word) < 5:
        return word
    for adjective in (word[:-2], word[:-3] + "y", word[:-2] + "e"):
        if any(adjective in cls for cls in _MODIFIER_CLASSES):
            return adjective
    return word


# A modifier said of its head after a copula ("side effects were mild", "the injuries are serious").
_PREDICATE = re.compile(r"\b(?P<head>[a-z]{3,})\s+(?:is|are|was|were|remains?|remained|seemed|seems|appeared|appears)"
                        r"\s+(?:(?:very|mostly|generally|largely|relatively|quite|only)\s+)?(?P<adj>[a-z][a-z\-]*)")


# A time told relative to the telling: "last week" is (-1, week), "tomorrow" (+1, day). "past" and
# "previous", "coming" and "upcoming" say what "last" and "next" say.
_RELATIVE_STEP = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "upcoming": 1}
_RELATIVE_DAYS = {"yesterday": (-1, "day"), "today": (0, "day"), "tonight": (0, "night"), "tomorrow": (1, "day")}
_RELATIVE_PHRASE = re.compile(r"\b(?:(?P<step>" + "|".join(_RELATIVE_STEP) + r")\s+(?P<head>[a-z]+?)s?|(?P<day>"
                              + "|".join(_RELATIVE_DAYS) + r"))\b")
_LAST_OF = re.compile(r"\s+of\b")


def relative_times(text: str) -> dict[tuple[int, str], str]:
    """The times ``text`` tells relative to its telling, (step, unit) -> the words: "last week" ->
    (-1, "week"). "The last week of June" is no relative time, nor "tomorrow's vote" (a name for a thing)."""
    out: dict[tuple[int, str], str] = {}
    low = text.lower()
    for m in _RELATIVE_PHRASE.finditer(low):
        if m.group("day"):
            out.setdefault(_RELATIVE_DAYS[m.group("day")], m.group(0))
        elif m.group("head") in _TIME_HEADS and not _LAST_OF.match(low, m.end()):
            out.setdefault((_RELATIVE_STEP[m.group("step")], m.group("head")), m.group(0))
    return out


def other_relative_time(claim: str, sentence: str, also_said: Sequence[str] = ()) -> Opposition | None:
    """The sentence tells its fact at another relative time than the claim ("last month" for "last week",
    "yesterday" for "last week"): the claim has a relative time that neither the sentence nor any of
    ``also_said`` (the other close sentences) has, and the sentence has one the claim has not. (The same
    step of the same unit is ``swapped_modifier``'s: "next year" for "this year".)"""
    return _another_reading(claim, sentence, also_said, relative_times, _may_meet)


def _another_reading(claim: str, sentence: str, also_said: Sequence[str], read: Callable[[str], dict[K, str]],
                     may_meet: Callable[[K, K], bool]) -> Opposition | None:
    """The sentence reads another value (a time, a rate) than the claim, none of whose values it or any of
    ``also_said`` may meet."""
    mine, theirs = read(claim), read(sentence)
    if not mine or not theirs or any(may_meet(a, b) for a in mine for b in theirs):
        return None
    if any(may_meet(a, b) for t in also_said for a in mine for b in read(t)):
        return None
    return Opposition(next(iter(mine.values())), next(iter(theirs.values())))


_DAY_PARTS = frozenset({"day", "night", "morning", "evening"})


def _may_meet(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Two relative times that can name the same time: the same, or one within the other where that can be
    told apart from the text alone ("this morning" is today, "last night" yesterday; "this week" holds
    today). "Last week" and "last month", "yesterday" and "last week", "last night" and "tonight" are
    read as other times, as a reader reads them."""
    (step_a, unit_a), (step_b, unit_b) = a, b
    if a == b or (step_a == step_b == 0):
        return True
    return step_a == step_b and unit_a in _DAY_PARTS and unit_b in _DAY_PARTS


# How often, or per what: "per minute", "every night", "twice a day", "weekly". "A day later", "for a month", "a
# year ago" are no rates. A night is a day's ("every night" is "daily").
_RATE_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "day",
               "week": "week", "fortnight": "fortnight", "month": "month", "quarter": "quarter", "year": "year",
               "hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week", "fortnightly": "fortnight",
               "monthly": "month", "quarterly": "quarter", "yearly": "year", "annually": "year", "annual": "year"}
_RATE = re.compile(r"(?<!\bfor\s)(?<!\bin\s)(?<!\bwithin\s)(?<!\bover\s)(?<!\bafter\s)(?<!\bthan\s)(?<!\bonce\s)"
                   r"\b(?:per|a|an|every|each)\s+(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year)s?"
                   r"\b(?!\s+(?:later|after|before|earlier|ago|or\s+two|off|old)\b)"
                   r"|\b(?P<adv>hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually)\b", re.I)


def rates(text: str) -> dict[str, str]:
    """The rates ``text`` states, unit -> the words: "100 requests per minute" -> {"minute": "per minute"}."""
    out: dict[str, str] = {}
    for m in _RATE.finditer(text):
        out.setdefault(_RATE_UNITS[(m.group("unit") or m.group("adv")).lower()], m.group(0))
    return out


def other_rate(claim: str, sentence: str, also_said: Sequence[str] = ()) -> Opposition | None:
    """The sentence states its rate per another unit than the claim's ("per minute" for "per second", "every
    night" for "every hour"), and no close sentence states the claim's."""
    return _another_reading(claim, sentence, also_said, rates, operator.eq)


def relative_time(opp: Opposition) -> bool:
    """The opposition is of times told relative to the telling ("next year" for "this year", "last month"
    for "last week", "yesterday" for "today"), or of rates ("per minute" for "per second"): words many
    sentences of a story have, telling only in one that says what the claim says."""
    return bool(relative_times(opp.claim_word) or rates(opp.claim_word))


def swapped_modifier(claim: str, sentence: str, also_said: Sequence[str] = ()) -> Opposition | None:
    """The sentence gives the claim's head noun another modifier of the same class ("yellow card"), and
    none of ``also_said`` (other close sentences) gives the claim's own: a story that has both "South
    Carolina" and "North Carolina" does not deny "200 miles from North Carolina"."""
    c, s = _modified_heads(claim), _modified_heads(sentence)
    others = [_modified_heads(t) for t in also_said]
    for head, mods in c.items():
        for k, m in mods:
            theirs = {m2 for k2, m2 in s.get(head, set()) if k2 == k}
            if theirs and m not in theirs and not any((k, m) in o.get(head, set()) for o in others):
                return Opposition(_written(claim, m, head), _written(sentence, sorted(theirs)[0], head))
    return None


def _written(text: str, modifier: str, head: str) -> str:
    """The modifier and its head as ``text`` writes them ("seriously injured"), for a reason to quote."""
    m = re.search(r"\b[\w-]*" + re.escape(modifier[:4]) + r"[\w-]*\s+(?:[\w-]+\s+)?" + re.escape(head[:4]) + r"[\w-]*",
                  text, re.I)
    return m.group(0) if m else f"{modifier} {head}"


# -- one word against another -----------------------------------------------------------------------

# Opposites that tell only where one stands in the very place of the other, the rest of two sentences
# aligned word for word (``onrecord.judge.substitution``): "before"/"after" or "first"/"last" anywhere
# in two close sentences say nothing ("after the vote, X" is "X, before ..."), in one aligned slot
# they say the opposite. Whole words, inflections spelt out.
_SLOT_OPPOSITES: list[tuple[str, str]] = [
    ("before earlier prior previously", "after later afterwards subsequently"),
    ("earliest", "latest"),
    ("first", "last final"),
    ("high higher highest", "low lower lowest"),
    ("more most", "fewer fewest less least"),
    ("larger largest bigger biggest greater greatest", "smaller smallest lesser"),
    ("above over", "below under"),
    ("up upward upwards", "down downward downwards"),
    ("ahead", "behind"),
    ("maximum", "minimum"),
    ("best better", "worst worse"),
    ("older oldest", "younger youngest"),
    ("longer longest", "shorter shortest"),
    ("heavier heaviest", "lighter lightest"),
    ("wider widest broader", "narrower narrowest"),
    ("strong stronger strongest", "weak weaker weakest"),
    ("rich richer richest", "poor poorer poorest"),
    ("cheap cheaper cheapest", "expensive"),
    ("fast faster fastest", "slow slower slowest"),
    ("hot hotter hottest", "cold colder coldest"),
    ("top", "bottom"),
    ("inside indoors indoor within", "outside outdoors outdoor beyond"),
    ("north northern", "south southern"),
    ("east eastern", "west western"),
    ("true", "false"),
    ("positive", "negative"),
    ("legal lawful", "illegal unlawful"),
    ("success successful succeeded succeeds", "failure failed fails unsuccessful"),
    ("passed", "failed"),
    ("accepted accepts accept accepting", "declined declines decline declining"),
    ("included includes include including", "excluded excludes exclude excluding"),
    ("import imports imported", "export exports exported"),
    ("arrested", "released freed"),
    ("gain gains gained", "lose loses lost losing loss losses"),
    ("profit profits", "loss losses"),
    ("winner winners", "loser losers"),
    ("majority", "minority"),
    ("male", "female"),
    ("man men boy boys", "woman women girl girls"),
    ("married", "divorced"),
    ("survived alive", "died dead killed"),
    ("plus", "minus"),
    ("free", "fee charge charged paid"),
    ("early", "late"),
    ("help helps helped helping", "hurt hurts hurting harm harms harmed harming"),
    ("easy easier easiest", "hard harder hardest difficult"),
    ("right correct", "wrong incorrect"),
    ("same", "different"),
    ("present", "absent"),
    ("rural", "urban"),
    # The two parties of an agreement or a case: what one must do, the other need not.
    ("landlord landlords lessor lessors", "tenant tenants lessee lessees"),
    ("employer employers", "employee employees"),
    ("buyer buyers purchaser purchasers", "seller sellers vendor vendors"),
    ("lender lenders creditor creditors", "borrower borrowers debtor debtors"),
    ("licensor licensors", "licensee licensees"),
    ("plaintiff plaintiffs claimant claimants", "defendant defendants"),
    ("prosecution prosecutor prosecutors", "defence defense"),
    ("disclosing", "receiving"),
]
# A short prefix of ``_GROUPS`` names a word only with one of these endings ("ban" is "banned", never
# "bank"; "end" is "ended", never "endorse"); a prefix of five letters or more names every word it starts.
_ENDINGS = ("", "s", "es", "ed", "ing", "n", "en", "al", "ned", "ning", "ped", "ping", "ted", "ting", "red", "ring")
_AFTER_E = ("e", "ed", "es", "ure")  # "clos" → close, closed, closure; "rais" → raise


def _names_word(prefix: str, word: str) -> bool:
    if not word.startswith(prefix):
        return False
    rest = word[len(prefix):]
    if len(prefix) >= 5:
        return True
    if prefix.endswith("e") and rest in ("d", "s", "r"):  # "hire" → hired
        return True
    return rest in _ENDINGS or (len(prefix) >= 4 and rest in _AFTER_E)


def _pole_marks(words: list[str]) -> dict[tuple[int, int], str]:
    """(group, pole) -> the word that names it, for the poles of ``_GROUPS`` and ``_SLOT_OPPOSITES``."""
    low = [w.lower() for w in words]
    joined = " " + " ".join(low) + " "
    out: dict[tuple[int, int], str] = {}
    for g, poles in enumerate(_GROUPS):
        for p, entries in enumerate(poles):
            for e in (x.strip() for x in entries):
                if " " in e:
                    m = re.search(r" (" + re.escape(e) + r"[a-z']*)", joined)
                    hit = m.group(1) if m else None
                else:
                    hit = next((w for w in low if _names_word(e, w)), None)
                if hit:
                    out.setdefault((g, p), hit)
                    break
    for k, pair in enumerate(_SLOT_OPPOSITES):
        for p, pole in enumerate(pair):
            hit = next((w for w in low if w in pole.split()), None)
            if hit:
                out.setdefault((len(_GROUPS) + k, p), hit)
    return out


def opposite_words(claim_words: list[str], source_words: list[str]) -> Opposition | None:
    """Words of the claim and of the source of one group's opposite poles ("upheld" / "overturned",
    "before" / "after"), neither side naming the other's pole too. For a slot of one aligned sentence:
    compared anywhere in two sentences, most of these say nothing (see ``_SLOT_OPPOSITES``)."""
    c, s = _pole_marks(claim_words), _pole_marks(source_words)
    for (g, p), word in c.items():
        for (g2, q), sword in s.items():
            if g2 == g and q != p and (g, q) not in c and (g, p) not in s:
                return Opposition(word, sword)
    return _negated_by_prefix(claim_words, source_words)


_WORDS = re.compile(r"[A-Za-z][A-Za-z-]+")


def prefix_negated(text: str) -> set[str]:
    """The words ``text`` negates by a prefix, as the words they negate ("who was unhurt": {"hurt"})."""
    return {m.group("base") for w in _WORDS.findall(text.lower()) if (m := NEGATIVE_PREFIX.match(w)) is not None}


def _negated_by_prefix(claim_words: list[str], source_words: list[str]) -> Opposition | None:
    """One side's word is the other's with a negating prefix ("safe" / "unsafe", "compliant" / "non-compliant")."""
    low_c, low_s = [w.lower() for w in claim_words], [w.lower() for w in source_words]
    for a, b in ((low_c, low_s), (low_s, low_c)):
        for w in a:
            m = NEGATIVE_PREFIX.match(w)
            if m and m.group("base") in b and w not in b:
                word, other = (w, m.group("base")) if a is low_c else (m.group("base"), w)
                return Opposition(word, other)
    return None


def polar(word: str) -> bool:
    """Whether ``word`` is a pole of some opposition ("more", "before", "rose"): a stop word that is
    one still tells where it replaces its opposite."""
    return bool(_pole_marks([word]))


# -- a comparison of two named things ----------------------------------------------------------------

_NAMED = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_AFTER_THAN = re.compile(r"\s+(?:(?:in|at|on|for|that\s+of|those\s+of|the)\s+)*(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")


@dataclass(frozen=True)
class Comparison:
    left: str
    right: str
    pair: int
    sign: int
    words: str
    """The words that say it ("larger than Montreal")."""


def _comparatives() -> dict[str, tuple[int, int]]:
    """A comparative word -> (its pair in ``_SLOT_OPPOSITES``, +1 or -1): "larger" and "smaller" are one pair's
    two poles."""
    out: dict[str, tuple[int, int]] = {}
    for k, (plus, minus) in enumerate(_SLOT_OPPOSITES):
        words = plus.split() + minus.split()
        if not any(w.endswith("er") or w in ("more", "less", "fewer") for w in words):
            continue  # "before"/"after", "north"/"south": no comparison of two things
        for sign, pole in ((1, plus), (-1, minus)):
            for w in pole.split():
                out.setdefault(w, (k, sign))
    return out


_COMPARATIVES = _comparatives()


def _bare(name: str) -> str:
    words = re.sub(r"['’]s\b", "", name).split()
    while words and words[0] in ("The", "A", "An"):
        words = words[1:]
    return " ".join(words).lower()


def comparison(text: str) -> Comparison | None:
    """The first comparison of two named things in ``text``: the comparative word nearest before "than" (within
    three words), the name after "than", and the nearest name before the comparative."""
    for m in re.finditer(r"\bthan\b", text):
        after = _AFTER_THAN.match(text, m.end())
        before = list(re.finditer(r"[A-Za-z]+", text[max(0, m.start() - 40) : m.start()]))[-3:]
        comp = next((w for w in reversed(before) if w.group(0).lower() in _COMPARATIVES), None)
        if after is None or comp is None:
            continue
        at = max(0, m.start() - 40) + comp.start()
        names = [n.group(0) for n in _NAMED.finditer(text[:at]) if _bare(n.group(0))]
        if not names or _bare(names[-1]) == _bare(after.group("name")):
            continue
        pair, sign = _COMPARATIVES[comp.group(0).lower()]
        return Comparison(_bare(names[-1]), _bare(after.group("name")), pair, sign,
                          text[at : after.end()].strip())
    return None


def compared(claim: str, sentence: str) -> tuple[bool, str, str] | None:
    """Whether the claim's comparison of two named things says what the sentence's says (True) or the opposite
    (False), with the words of each; None where they do not compare the same two things on one scale."""
    c, s = comparison(claim), comparison(sentence)
    if c is None or s is None or c.pair != s.pair:
        return None
    if (c.left, c.right) == (s.left, s.right):
        agrees = c.sign == s.sign
    elif (c.left, c.right) == (s.right, s.left):
        agrees = c.sign == -s.sign
    else:
        return None
    return agrees, f"{c.left.title()} ... {c.words}", f"{s.left.title()} ... {s.words}"


def same_comparison(claim: str, sentence: str) -> bool:
    """The claim compares the sentence's two named things as the sentence does, in whichever order: no rule that
    reads words alone (opposites, a replaced word, roles exchanged) contradicts it."""
    relation = compared(claim, sentence)
    return relation is not None and relation[0]
