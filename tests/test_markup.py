"""Markdown stripped from a checked sentence, every character mapped back to the original."""

from __future__ import annotations

import pytest

from onrecord.text.markup import is_heading, strip_markup


def _mapped_back(original: str, offset: int = 0) -> None:
    p = strip_markup(original, offset)
    for i, ch in enumerate(p.text):
        assert original[p.origin[i] - offset] == ch
    if p.text:
        a, b = p.to_original(0, len(p.text))
        assert original[a - offset : b - offset].endswith(p.text[-1])


@pytest.mark.parametrize("line,checked,label", [
    ("1. **Scale of the study:** The pilot followed 2,340 students.", "The pilot followed 2,340 students.",
     "Scale of the study"),
    ("2. **Maths**: Students gained three months.", "Students gained three months.", "Maths"),
    ("- Schools volunteered to take part.", "Schools volunteered to take part.", ""),
    ("* Schools volunteered to take part.", "Schools volunteered to take part.", ""),
    ("+ Schools volunteered.", "Schools volunteered.", ""),
    ("• Costs rose 8%.", "Costs rose 8%.", ""),
    ("3) Costs rose 8%.", "Costs rose 8%.", ""),
    ("a. Costs rose 8%.", "Costs rose 8%.", ""),
    ("(iv) Costs rose 8%.", "Costs rose 8%.", ""),
    ("  10. Attendance averaged 71 percent.", "Attendance averaged 71 percent.", ""),
    ("## Caveats", "Caveats", ""),
    ("### Results ###", "Results", ""),
    ("> The council voted 7-2.", "The council voted 7-2.", ""),
    ("- [x] The council voted 7-2.", "The council voted 7-2.", ""),
    ("The pilot was **very** successful.", "The pilot was very successful.", ""),
    ("The pilot was *very* successful.", "The pilot was very successful.", ""),
    ("The pilot was _very_ successful.", "The pilot was very successful.", ""),
    ("Costs were ~~$900~~ $1,100.", "Costs were $900 $1,100.", ""),
    ("See the [research brief](https://example.org/brief) for details.", "See the research brief for details.", ""),
    ("Run `onrecord check` first.", "Run onrecord check first.", ""),
    ("Grades: Maths scores rose by a third.", "Maths scores rose by a third.", "Grades"),
    ("Bottom line: the pilot worked.", "the pilot worked.", "Bottom line"),
    ("- **Cost:** The programme cost roughly $1,100 per student.",
     "The programme cost roughly $1,100 per student.", "Cost"),
    ("1. __Reading__: Reading scores improved.", "Reading scores improved.", "Reading"),
])
def test_strip(line: str, checked: str, label: str) -> None:
    p = strip_markup(line)
    assert (p.text, p.label) == (checked, label)
    _mapped_back(line)
    if label:
        a, b = p.label_span
        assert line[a:b] == label


@pytest.mark.parametrize("line", [
    "Ruiz said: \"This lane will make Elm Street safer.\"",
    "The result was clear: rates fell.",
    "Residents complained: the lane removes parking.",
    "The council gave three reasons for the delay, the mayor explained: cost, time and staff.",
    "The meeting starts at 9:30 on Monday.",
    "2,340 students took part.",
    "2025 was a record year.",
    "A. Smith chaired the meeting.",
    "Costs rose 3*4 times.",
    "snake_case_names stay as they are.",
])
def test_sentences_keep_their_words(line: str) -> None:
    p = strip_markup(line)
    assert p.label == ""
    assert p.text == line


def test_offsets_with_a_sentence_offset() -> None:
    text = "Intro.\n1. **Cost:** It cost $5."
    start = text.index("1.")
    p = strip_markup(text[start:], start)
    a, b = p.to_original(p.text.index("$5"), p.text.index("$5") + 2)
    assert text[a:b] == "$5"
    assert text[p.label_span[0] : p.label_span[1]] == "Cost"


def test_label_only_line_is_not_stripped_to_nothing() -> None:
    assert strip_markup("**Findings:**").text == "Findings:"


@pytest.mark.parametrize("line,heading", [
    ("## Caveats", True), ("# Key findings", True), ("**Findings**", True), ("**Findings:**", True),
    ("The pilot worked.", False), ("1. The pilot worked.", False), ("#1 seed wins", False),
    ("**Cost:** It cost $5.", False),
])
def test_is_heading(line: str, heading: bool) -> None:
    assert is_heading(line) == heading
