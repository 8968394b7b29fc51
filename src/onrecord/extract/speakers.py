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
# A label: up to five capitalised words, then an optional role after a comma ("Ellen Shaw, Mayor:") or an
# optional parenthesis, then a colon and a space; Markdown bold around it is allowed ("**Q:**", "**CEO**:").
_LABEL_RE = re.compile(r"^[ \t]*(?:\*\*|__)?(?P<label>(?:[A-Z][\w.'’\-&]*)(?:[ \t]+[A-Z][\w.'’\-&]*){0,4})"
                       r"(?:,[ \t]+(?P<role>[A-Z][\w.'’\-&]*(?:[ \t]+[A-Z][\w.'’\-&]*){0,3}))?"
                       r"(?:[ \t]*\((?P<paren>[^()\n]{1,60})\))?[ \t]*(?:\*\*|__)?:(?:\*\*|__)?(?=\s)", re.M)
# "Q. Why now?" / "A. Because ...": read as labels only where both occur (else "A. Smith" is an initial).
_QA_DOT = re.compile(r"^[ \t]*(?P<label>Q|A)\.(?P<role>(?!))?(?P<paren>(?!))?[ \t]+(?=\S)", re.M)
_NOT_SPEAKERS = frozenset(
    """note notes warning update source sources subject date from to re cc bcc attendance summary title
    read see example tip edit correction disclaimer contact location time tags abstract keywords figure
    table step important caution editor's interview interviewer interviewee transcript present
    absent agenda item chapter section part by published updated posted""".split()) | frozenset(
    # A document's own sections ("Held:", "Syllabus", "Background:"): what follows is the document's,
    # not a person's.
    """held holding holdings syllabus headnote background facts issue issues analysis discussion
    conclusion conclusions introduction overview disposition decision order ruling result results
    findings finding recommendation recommendations reasoning procedural history judgment judgement
    opinion dissent concurrence appendix annex exhibit footnote footnotes""".split())
# Words that name a role, not a person: a label made only of them is resolved through the
# introductions, and a parenthesis made of them is the role of the name outside it.
ROLE_WORDS = frozenset(
    """operator moderator host presenter interviewer analyst participant caller questioner speaker
    unidentified unknown audience member chair chairman chairwoman chairperson president vice
    director commissioner councillor councilor councilmember senator representative governor mayor
    judge justice minister secretary chief executive financial operating technology officer ceo cfo
    coo cto cio cmo head manager spokesperson spokesman spokeswoman deputy acting assistant general
    counsel treasurer clerk witness q a question answer rep sen gov hon the of and for relations
    investor partner securities capital bank research""".split()) | frozenset(
    # The part of a judgment a justice writes: "DISSENT (Justice Hale):" names the justice, not a person
    # called Dissent.
    """dissent dissenting concurrence concurring opinion majority minority plurality court per curiam
    judgment""".split())
_QUESTIONER_LABELS = frozenset("analyst participant caller questioner q question unidentified".split())
_ANNOUNCE = re.compile(rf"\b(?:question|questions)\s+(?:comes?|is)\s+from\s+(?:the\s+line\s+of\s+)?(?P<name>{_NAME})"
                       rf"|\b(?:go|over|turn it over|hand (?:it )?over)\s+to\s+(?P<name2>{_NAME})")
_ROLE_TITLE = (r"(?:(?:Chief|Vice|Senior|Executive|Deputy|General)\s+)*(?:[A-Z][a-z]+\s+){0,2}"
               r"(?:Officer|President|Director|Manager|Counsel|Chair|Chairman|Chairwoman|Secretary|Treasurer"
               r"|Head\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
# An introduction names people once with their roles: "Chief Executive Officer Dana Whitfield",
# "Treasurer Bo Lind", or "Ana Ruiz, our Chief Executive Officer".
_INTRO = re.compile(rf"(?P<role>{_ROLE_TITLE})\s*,?\s+(?P<name>{_NAME})"
                    rf"|(?P<name2>{_NAME}),\s+(?:our|the|its|their)\s+(?P<role2>{_ROLE_TITLE})\b")
# A section of a judgment by one justice opens with a heading of a fixed form, on a line of its own:
# "JUSTICE PARK, concurring.", "HALE, J., dissenting.", "JUSTICE MORENO delivered the opinion of the
# Court.", or runs into the section's words after a colon ("Justice Hale, dissenting: ...", "Justice
# Hale wrote:"). A reporting verb with an object in prose ("Justice Hale wrote the dissent.", "Justice
# Ortiz delivered the opinion, and ...") is a sentence about the justice: it opens no section.
_JUSTICE = (r"(?:(?:CHIEF|Chief)\s+)?(?:JUSTICE|JUDGE|LORD|LADY|Justice|Judge|Lord|Lady)\s+"
            r"(?P<name>[A-Z][A-Za-z'’\-]+)(?:,\s*(?:C\.\s?J\.|J\.|L\.\s?J\.|P\.))?")
_STANCE = (r"(?:concurring|dissenting)(?:\s+in\s+(?:part|the\s+judgment|the\s+result))?"
           r"(?:,?\s+and\s+(?:concurring|dissenting)(?:\s+in\s+(?:part|the\s+judgment|the\s+result))?)?")
_WITH_WHOM = r"(?:,\s+with\s+whom\s+[^\n:]{1,160}?\s+joins?)?"
_FORMAL = (r"(?:delivered|announced|gave)\s+the\s+(?:opinion|judgment|judgement|decision)\s+(?:of|for)\s+"
           r"(?:the|a\s+unanimous|a\s+divided)\s+(?:Court|court|Board|Tribunal|Panel|panel)"
           r"|filed\s+an?\s+(?:dissenting|concurring)\s+opinion")
_WRITES = r"(?:wrote|writes|writing(?:\s+for\s+the\s+(?:majority|Court|court))?|for\s+the\s+(?:majority|Court|court))"
_LINE_END = r"[ \t]*\.?[ \t]*$"
# What may follow the formal words on the heading's line ("..., in which ROBERTS, C. J., and THOMAS, J.,
# joined."): no full stop but an initial's, so a sentence running on after it is prose.
_REST = r"(?:[^\n:.]|(?<=\b[A-Z])\.)*?"
_SECTION_RES = [re.compile(p, re.M) for p in [
    rf"^[ \t]*{_JUSTICE}{_WITH_WHOM},?\s+{_STANCE}(?:{_LINE_END}|[ \t]*:)",
    rf"^[ \t]*(?P<name>[A-Z][A-Za-z'’\-]+),\s*(?:C\.\s?J\.|J\.|L\.\s?J\.|P\.),?\s*"
    rf"(?:{_STANCE}|(?:{_FORMAL}){_REST})(?:{_LINE_END}|[ \t]*:)",
    rf"^[ \t]*{_JUSTICE},?\s+(?:{_FORMAL}){_REST}(?:{_LINE_END}|[ \t]*:)",
    rf"^[ \t]*{_JUSTICE},?\s+{_WRITES}[ \t]*:",
    rf"^[ \t]*(?:Opinion|Dissent|Concurrence|Dissenting opinion|Concurring opinion)\s+(?:of|by)\s+"
    rf"(?:(?:Chief\s+)?Justice\s+|Judge\s+)?(?P<name>{_NAME})(?:{_LINE_END}|[ \t]*:)",
    # "Chapter 2: Transport, by Ahmed Said"; a passive ("Part II was joined by Justice Ruiz") names no author.
    rf"^[ \t]*(?:Chapter|Section|Part)\s+[\w.]+\b[^\n]*?\b(?<!ed )(?<!en )(?:by|written by|author:)\s+"
    rf"(?P<name>{_NAME})\)?\s*$",
    rf"^[ \t]*(?:By|Written by|Author:)\s+(?P<name>{_NAME})\s*$",
]]
# A line that is only the name of a document's part ("Syllabus", "## Background", "DISSENT"): the turn
# of the speaker before it ends there.
_SECTION_LINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?(?i:" + "|".join(sorted(_NOT_SPEAKERS - {"by", "to", "from", "re"}))
                           + r")(?:[ \t]+(?i:of|by)[ \t]+the[ \t]+(?i:court))?[ \t]*[.:]?[ \t]*$", re.M)
_HEADER_INTERVIEWER = re.compile(rf"^[ \t]*(?:Interviewer|Interview by|Interviewed by|By)\s*:?\s+(?P<name>{_NAME})"
                                 rf"|\b(?:conducted by|interviewed by|interview by)\s+(?P<name2>{_NAME})"
                                 rf"|^[ \t]*(?P<name3>{_NAME})\s+(?:interviews|talks to|speaks to|speaks with)\s", re.M)
_HEADER_SUBJECT = re.compile(rf"\b(?i:Interview(?:\s+with)?|Q\s?&\s?A(?:\s+with)?|in conversation with|"
                             rf"conversation with|talks? to|speaks? to|speaks? with|interviews)\s*:?\s+"
                             rf"(?:[a-z][a-z\-]*\s+){{0,3}}(?P<name>{_NAME})")


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
        people.add(m.group("name") or m.group("name2"), m.group("role") or m.group("role2"))
    for m in _marks(text):
        paren, label = _paren(m), m.group("label")
        if paren and _looks_like_name(paren) and _is_role(label):
            people.add(paren, label)
        elif paren and _looks_like_name(label):
            people.add(label)
    for rx in (_HEADER_INTERVIEWER, _HEADER_SUBJECT):
        for m in rx.finditer(text, 0, header_end):
            people.add(_drop_title(_named(m)))
    return people


def _is_speaker_label(m: re.Match) -> bool:
    """A label that names who speaks; "Note:", "Date:", "Held:", "Background:" name a part of the document
    (unless a person is named beside it: "OPINION (Justice Hale):")."""
    first = m.group("label").split()[0].lower().rstrip(".")
    paren = _paren(m)
    return first not in _NOT_SPEAKERS or bool(paren and _looks_like_name(paren))


def _marks(text: str) -> list[re.Match]:
    """Every label of ``text`` in order, speakers' and the document's own."""
    marks = list(_LABEL_RE.finditer(text))
    dots = list(_QA_DOT.finditer(text))
    if {m.group("label") for m in dots} == {"Q", "A"}:
        marks = sorted(marks + dots, key=lambda m: m.start())
    return marks


def _paren(m: re.Match) -> str | None:
    """What a label says beside the name: "(Dana Whitfield)", "(CEO)", ", Mayor"."""
    return m.group("paren") or m.group("role")


def _labels(text: str) -> list[re.Match]:
    return [m for m in _marks(text) if _is_speaker_label(m)]


def _named(m: re.Match) -> str:
    return next(v for k, v in m.groupdict().items() if k.startswith("name") and v)


def _qa_names(text: str, header_end: int) -> dict[str, str]:
    """ "q" → the interviewer and "a" → the interviewee, from the header above the first turn."""
    out: dict[str, str] = {}
    if m := _HEADER_INTERVIEWER.search(text, 0, header_end):
        out["q"] = out["question"] = _drop_title(_named(m))
    for m in _HEADER_SUBJECT.finditer(text, 0, header_end):
        name = _drop_title(m.group("name"))
        if name != out.get("q"):
            out["a"] = out["answer"] = name
            break
    return out


def _resolve(label: str, paren: str | None, people: _People, qa: dict[str, str]) -> tuple[str, str, Layout]:
    """The speaker, role and layout of one label."""
    if paren:
        # "CEO (Dana Whitfield)"; "PANELIST (Ana Ruiz)": one word outside, a full name inside.
        if _looks_like_name(paren) and (not _looks_like_name(label)
                                        or (len(label.split()) == 1 and len(paren.split()) >= 2)):
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
    """A turn per speaker label, up to the next label: a label naming a part of the document ("Note:",
    "Held:", "Summary:") or a section's heading line ends the turn before it and opens none."""
    marks = _marks(text)
    stops = sorted([m.start() for m in marks] + [m.start() for m in _SECTION_LINE.finditer(text)])
    turns: list[SpeakerTurn] = []
    pending: str | None = None  # a questioner the operator has just announced
    for m in marks:
        if not _is_speaker_label(m):
            continue
        end = next((p for p in stops if p > m.start()), len(text))
        start = m.end() + len(text[m.end() : end]) - len(text[m.end() : end].lstrip())
        label, paren = m.group("label"), _paren(m)
        speaker, role, layout = _resolve(label, paren, people, qa)
        if pending and speaker == label and label.lower() in _QUESTIONER_LABELS:
            speaker = pending
        pending = None
        if a := _ANNOUNCE.search(text, start, end):
            pending = (a.group("name") or a.group("name2")).rstrip(".")
            pending = people.by_part(pending.split()[-1]) or pending
        full = text[m.start() : m.end()].strip().strip("*_").rstrip(":").strip("*_ \t.")
        if start < end:
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
