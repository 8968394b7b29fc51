"""Who speaks where in a source, in the layouts real sources use.

* ``NAME:`` lines ("CHAIR OKONKWO:", "Governor Alvarez:");
* ``ROLE (Name):`` and ``Name (Role):`` ("CEO (Dana Whitfield):", "Priya Nand (Halden Securities):");
* call transcripts that name people once, in an operator's introduction ("With us today are Chief
  Executive Officer Dana Whitfield and ...") and then label turns by role ("CEO:") or announce the next
  questioner ("Our first question comes from Priya Nand at Halden Securities." → the next "Analyst:");
* interviews with ``Q:``/``A:`` (or initials) and the names in a header ("Interview: hydrologist Dr.
  Lena Marsh on ...", "Interviewer: Tomas Reyes");
* documents whose sections belong to different authors: a judgment's opinion, concurrence and dissent
  ("JUSTICE PARK, concurring."), a report's chapters ("Chapter 2: Housing, by Maria Lopez").

``speaker_turns`` gives each turn's speaker (a person's name where the source gives one anywhere) and
the span of what they say, as offsets into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Layout = Literal["label", "role_name", "name_role", "qa", "section"]

_NAME_WORD = r"[A-Z][a-zA-Z'’\-]+\.?"
# A name stays on its line: spaces and tabs only between its words.
_NAME = rf"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?[ \t]+)?{_NAME_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]*)?{_NAME_WORD}){{0,3}}"
# A label: up to five capitalised words, then an optional parenthesis, then a colon and a space.
_LABEL_RE = re.compile(r"^[ \t]*(?P<label>(?:[A-Z][\w.'’\-&]*)(?:[ \t]+[A-Z][\w.'’\-&]*){0,4})"
                       r"(?:[ \t]*\((?P<paren>[^()\n]{1,60})\))?[ \t]*:(?=\s)", re.M)
_NOT_SPEAKERS = frozenset(
    """note notes warning update source sources subject date from to re cc bcc attendance summary title
    read see example tip edit correction disclaimer contact location time tags abstract keywords figure
    table step important caution editor's interview interviewer interviewee transcript present
    absent agenda item chapter section part by published updated posted""".split())
# Words that name a role, not a person: a label made only of them is resolved through the
# introductions, and a parenthesis made of them is the role of the name outside it.
ROLE_WORDS = frozenset(
    """operator moderator host presenter interviewer analyst participant caller questioner speaker
    unidentified unknown audience member chair chairman chairwoman chairperson president vice
    director commissioner councillor councilor councilmember senator representative governor mayor
    judge justice minister secretary chief executive financial operating technology officer ceo cfo
    coo cto cio cmo head manager spokesperson spokesman spokeswoman deputy acting assistant general
    counsel treasurer clerk witness q a question answer rep sen gov hon the of and for relations
    investor partner securities capital bank research""".split())
_QUESTIONER_LABELS = frozenset("analyst participant caller questioner q question unidentified".split())
_ANNOUNCE = re.compile(rf"\b(?:question|questions)\s+(?:comes?|is)\s+from\s+(?:the\s+line\s+of\s+)?(?P<name>{_NAME})"
                       rf"|\b(?:go|over|turn it over|hand (?:it )?over)\s+to\s+(?P<name2>{_NAME})")
_INTRO = re.compile(rf"(?P<role>(?:(?:Chief|Vice|Senior|Executive|Deputy|General)\s+)*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)"
                    rf"{{0,2}}\s+(?:Officer|President|Director|Manager|Counsel|Chair|Secretary|Treasurer|Head"
                    rf"|of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\s*,?\s+(?P<name>{_NAME})")
_SECTION_RES = [re.compile(p, re.M) for p in [
    r"^[ \t]*(?:CHIEF\s+)?(?:JUSTICE|JUDGE|LORD|LADY|Chief\s+Justice|Justice|Judge|Lord|Lady)\s+(?P<name>[A-Z][A-Za-z'’\-]+)"
    r"(?:,\s*(?:C\.\s?J\.|J\.))?,?\s+(?:delivered|concurring|dissenting|filed|wrote|announced|"
    r"with whom|concurring in part|dissenting in part)[^\n]*$",
    r"^[ \t]*(?P<name>[A-Z][A-Za-z'’\-]+),\s*(?:C\.\s?J\.|J\.)\s*,?\s*(?:delivered|concurring|dissenting|filed)[^\n]*$",
    rf"^[ \t]*(?:Opinion|Dissent|Concurrence|Dissenting opinion|Concurring opinion)\s+(?:of|by)\s+"
    rf"(?:(?:Chief\s+)?Justice\s+|Judge\s+)?(?P<name>{_NAME})[^\n]*$",
    rf"^[ \t]*(?:Chapter|Section|Part)\s+[\w.]+\b[^\n]*?\b(?:by|written by|author:)\s+(?P<name>{_NAME})\)?\s*$",
    rf"^[ \t]*(?:By|Written by|Author:)\s+(?P<name>{_NAME})\s*$",
]]
_HEADER_INTERVIEWER = re.compile(rf"^[ \t]*(?:Interviewer|Interview by|Interviewed by|By)\s*:?\s+(?P<name>{_NAME})",
                                 re.M)
_HEADER_SUBJECT = re.compile(rf"\b(?i:Interview(?:\s+with)?|Q\s?&\s?A(?:\s+with)?|in conversation with|"
                             rf"conversation with|talks? to|speaks? to)\s*:?\s+(?:[a-z][a-z\-]*\s+){{0,3}}"
                             rf"(?P<name>{_NAME})")


@dataclass(frozen=True)
class SpeakerTurn:
    speaker: str
    """A person's name where the source gives one anywhere; else the label as written ("OPERATOR")."""
    start: int
    end: int
    """What they say: from after the label (or the section heading) to the next turn."""
    label: str
    """The label or heading as written ("CEO (Dana Whitfield)", "A", "JUSTICE PARK, concurring.")."""
    role: str = ""
    layout: Layout = "label"


def _is_role(words: str) -> bool:
    ws = re.findall(r"[A-Za-z]+", words.lower())
    return bool(ws) and all(w in ROLE_WORDS for w in ws)


def _looks_like_name(words: str) -> bool:
    ws = words.split()
    return 1 <= len(ws) <= 4 and all(w[0].isupper() for w in ws) and not _is_role(words)


def _acronym(role: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", role) if w[0].isupper()).upper()


@dataclass
class _People:
    """Names the source gives, and the roles it gives them ("ceo" → "Dana Whitfield")."""
    roles: dict[str, str]
    names: list[str]

    def add(self, name: str, role: str = "") -> None:
        name = " ".join(name.split()).rstrip(".")
        if name not in self.names:
            self.names.append(name)
        if role:
            role = " ".join(role.split())
            self.roles.setdefault(role.lower(), name)
            if len(role.split()) > 1:
                self.roles.setdefault(_acronym(role).lower(), name)

    def by_role(self, role: str) -> str | None:
        key = " ".join(role.split()).lower()
        return self.roles.get(key) or self.roles.get(_acronym(role).lower() if len(role.split()) > 1 else key)

    def by_part(self, label: str) -> str | None:
        """The one full name that ``label`` is part of ("WHITFIELD" → "Dana Whitfield") or initials of ("LM")."""
        low = label.lower().strip()
        hits = [n for n in self.names if low in [w.lower().rstrip(".") for w in n.split()]]
        if not hits and re.fullmatch(r"[A-Z]{2,3}", label.strip()):
            hits = [n for n in self.names if _acronym(_drop_title(n)) == label.strip()]
        return hits[0] if len(set(hits)) == 1 else None


def _drop_title(name: str) -> str:
    """ "Dr. Lena Marsh" → "Lena Marsh", "Mayor Ellen Shaw" → "Ellen Shaw"."""
    words = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+", "", name).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in ROLE_WORDS:
        words = words[1:]
    return " ".join(words)


def _people(text: str, header_end: int) -> _People:
    people = _People({}, [])
    for m in _INTRO.finditer(text):
        people.add(m.group("name"), m.group("role"))
    for m in _LABEL_RE.finditer(text):
        paren, label = m.group("paren"), m.group("label")
        if paren and _looks_like_name(paren) and _is_role(label):
            people.add(paren, label)
        elif paren and _looks_like_name(label):
            people.add(label)
    for rx in (_HEADER_INTERVIEWER, _HEADER_SUBJECT):
        for m in rx.finditer(text, 0, header_end):
            people.add(_drop_title(m.group("name")))
    return people


def _labels(text: str) -> list[re.Match]:
    out = []
    for m in _LABEL_RE.finditer(text):
        first = m.group("label").split()[0].lower().rstrip(".")
        if first in _NOT_SPEAKERS:
            continue
        out.append(m)
    return out


def _qa_names(text: str, header_end: int) -> dict[str, str]:
    """ "q" → the interviewer and "a" → the interviewee, from the header above the first turn."""
    out: dict[str, str] = {}
    if m := _HEADER_INTERVIEWER.search(text, 0, header_end):
        out["q"] = out["question"] = _drop_title(m.group("name"))
    for m in _HEADER_SUBJECT.finditer(text, 0, header_end):
        name = _drop_title(m.group("name"))
        if name != out.get("q"):
            out["a"] = out["answer"] = name
            break
    return out


def _resolve(label: str, paren: str | None, people: _People, qa: dict[str, str]) -> tuple[str, str, Layout]:
    """The speaker, role and layout of one label."""
    if paren:
        if _looks_like_name(paren) and not _looks_like_name(label):
            return paren.strip(), label, "role_name"
        if _looks_like_name(label):
            return label, paren.strip(), "name_role"
        return label, paren.strip(), "label"
    key = label.lower().rstrip(".")
    if key in ("q", "a", "question", "answer"):
        return qa.get(key, label), label, "qa"
    if _is_role(label):
        return people.by_role(label) or label, label, "label"
    return people.by_part(label) or label, "", "label"


def _label_turns(text: str, people: _People, qa: dict[str, str]) -> list[SpeakerTurn]:
    marks = _labels(text)
    turns: list[SpeakerTurn] = []
    pending: str | None = None  # a questioner the operator has just announced
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        start = m.end() + len(text[m.end() : end]) - len(text[m.end() : end].lstrip())
        label, paren = m.group("label"), m.group("paren")
        speaker, role, layout = _resolve(label, paren, people, qa)
        if pending and speaker == label and label.lower() in _QUESTIONER_LABELS:
            speaker = pending
        pending = None
        if a := _ANNOUNCE.search(text, start, end):
            pending = (a.group("name") or a.group("name2")).rstrip(".")
            pending = people.by_part(pending.split()[-1]) or pending
        full = text[m.start() : m.end() - 1].strip()
        turns.append(SpeakerTurn(speaker, start, end, full, role, layout))
    return turns


def _section_turns(text: str) -> list[SpeakerTurn]:
    heads = sorted({(m.start(), m.end(), m.group("name")) for rx in _SECTION_RES for m in rx.finditer(text)})
    turns = []
    for k, (a, b, name) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
        start = b + len(text[b:end]) - len(text[b:end].lstrip())
        name = " ".join(name.split())
        speaker = name.title() if name.isupper() else name
        turns.append(SpeakerTurn(speaker, start, end, text[a:b].strip(), "", "section"))
    return turns


def speaker_turns(text: str) -> list[SpeakerTurn]:
    """Every turn of ``text`` with its speaker, in order; a label turn inside an author's section
    comes after the section (the innermost turn is the one that speaks)."""
    marks = _labels(text)
    header_end = marks[0].start() if marks else len(text)
    people = _people(text, header_end)
    qa = _qa_names(text, header_end)
    turns = _label_turns(text, people, qa) + _section_turns(text)
    return sorted(turns, key=lambda t: (t.start, -t.end))


def speaker_of(turns: list[SpeakerTurn], offset: int) -> SpeakerTurn | None:
    """The innermost turn containing ``offset``."""
    best = None
    for t in turns:
        if t.start <= offset < t.end and (best is None or t.end - t.start < best.end - best.start):
            best = t
    return best
