"""One text read once: its sentences and quotations, shared by every stage of a check.

A check builds one ``TextAnalysis`` for the text it checks and passes it to the stages (quotations,
attribution, claim units), which read its parts instead of scanning the text again; what a stage derives
from the text for itself (attribution's masked tokens) is kept on the analysis too (``derived``). Nothing
is cached at module level: an analysis lives as long as the check that built it, so checks running in
parallel share nothing and no check can see another's text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

from onrecord.text.lexical import content_stems
from onrecord.text.marks import QuoteScan, QuoteSpan, find_quotes
from onrecord.text.segment import Span, sentences

T = TypeVar("T")


class TextAnalysis:
    """The sentences, quotations and content stems of ``text``, each computed once, on first use.

    Thread-safe: a part computed twice by two threads at once is the same value (each is a pure function
    of the text), and ``derived`` builds under a lock.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._derived: dict[str, Any] = {}
        self._lock = threading.RLock()  # a build may derive another part

    @cached_property
    def quotes(self) -> QuoteScan:
        """Every quotation, nested ones included, and the warnings of the scan."""
        return find_quotes(self.text)

    @cached_property
    def top_quotes(self) -> tuple[QuoteSpan, ...]:
        """The quotations not inside another one."""
        return tuple(q for q in self.quotes.quotes if q.depth == 0)

    @cached_property
    def quotation_spans(self) -> list[Span]:
        """The top-level quotations, marks included: a claim is never split inside one."""
        return [Span(q.mark_start or q.start, q.mark_end or q.end) for q in self.top_quotes]

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The text's sentences (``onrecord.text.segment.sentences``): wrapped lines joined, never cut inside
        a quotation except at a line break. The one segmentation claims and attribution both read, so a
        claim and its speaker always come from the same sentence."""
        return tuple(sentences(self.text, protected=self.quotation_spans))

    def stems(self, span: Span) -> list[str]:
        """Content stems of ``text[span]`` (``onrecord.text.lexical.content_stems``)."""
        return content_stems(span.text_of(self.text))

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """What a stage derives from this text (built once, by ``build``, under the analysis's lock)."""
        with self._lock:
            if key not in self._derived:
                self._derived[key] = build()
            return self._derived[key]


def analysis_of(text: str | TextAnalysis) -> TextAnalysis:
    """``text``'s analysis: the one given, or a new one for a plain string (read by that caller only)."""
    return text if isinstance(text, TextAnalysis) else TextAnalysis(text)
