"""A claim's surroundings: the window where its source may be named, and the cues in it.

Shared by every hit of a ``claims`` rule in one document (:mod:`linter.kinds.claims`).

Every hit in a window asks about the same window, so what a window holds is found once
(:meth:`ClaimContext.shared`) and each hit only checks what its own span changes: a cue
that overlaps the claim does not count. A story with thousands of claims in one long
sentence or paragraph therefore costs time in proportion to its length, not to its
length times the number of claims.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from linter.analysis import Analysis
from linter.analysis.cues import REPORTING_KINDS, Cue
from linter.model.document import Document

T = TypeVar("T")
Span = tuple[int, int]

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_WORD_CHAR = re.compile(r"\w")
# Capitalised words that do not name anyone.
_NOT_NAMES = frozenset(
    "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)
_SOURCE_KINDS = frozenset({"source", "name"})
_NEAR = 60  # characters between a reporting cue and the name it goes with
_NONE = (1 << 62, -1)  # the bounds of no span at all


def _outside(span: Span, start: int, end: int) -> bool:
    """True when ``span`` does not overlap the claim ``[start, end)``."""
    return span[1] <= start or span[0] >= end


@dataclass(frozen=True)
class _Backed:
    """A reporting cue and what names its source near it: source nouns and names (spans)
    and capitalised words (starts); the claim's own words do not count."""

    cue: Span
    sources: tuple[Span, ...]
    capitals: tuple[int, ...]

    def names(self, start: int, end: int) -> bool:
        return _outside(self.cue, start, end) and (
            any(_outside(s, start, end) for s in self.sources)
            or any(not start <= c < end for c in self.capitals))


@dataclass(frozen=True)
class ClaimContext:
    """One document's text and analysis, shared by every hit."""

    text: str
    an: Analysis
    starts: tuple[int, ...]
    doc: Document
    # Answers about a span that every hit in it shares, computed once (see shared).
    memo: dict[tuple[object, ...], object] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, doc: Document, an: Analysis) -> ClaimContext:
        return cls(doc.text, an, an.sentences.starts, doc)

    def shared(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """``compute()``, once per ``key`` (a question about a span, with the span)."""
        if key not in self.memo:
            self.memo[key] = compute()
        found: T = self.memo[key]  # type: ignore[assignment]
        return found

    def first_word(self, start: int, end: int) -> int:
        """Where the first word character of ``[start, end)`` is (``end`` if none)."""
        def first() -> int:
            m = _WORD_CHAR.search(self.text, start, end)
            return m.start() if m else end
        return self.shared(("first word", start, end), first)

    def window(self, kind: str, start: int) -> tuple[int, int]:
        sentences = self.an.sentences.sentences
        i = bisect_right(self.starts, start) - 1
        if i < 0 or kind in ("paragraph", "adjacent"):
            paragraph = self.an.sentences.paragraph_at(start)
            lo, hi = (paragraph.start, paragraph.end) if paragraph else (start, start)
            if kind == "adjacent" and i >= 0:
                lo = min(lo, sentences[max(i - 1, 0)].start)
                hi = max(hi, sentences[min(i + 1, len(sentences) - 1)].end)
            return lo, hi
        last = i
        if kind == "next-sentence" and i + 1 < len(sentences):
            # The next sentence may name the source, but not across a paragraph break.
            here = self.an.sentences.paragraph_at(sentences[i].start)
            if here is not None and here == self.an.sentences.paragraph_at(sentences[i + 1].start):
                last = i + 1
        return sentences[i].start, sentences[last].end

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, offset) - 1
        if i < 1:
            return None
        sentence = self.an.sentences.sentences[i - 1]
        return sentence.start, sentence.end

    def cues(self, lo: int, hi: int, *, sources: bool = True) -> tuple[Cue, ...]:
        """Cues in ``[lo, hi)`` outside quotations (reporting cues only, without ``sources``)."""
        def unquoted() -> tuple[Cue, ...]:
            return tuple(c for c in self.an.attribution.cue_spans(lo, hi, sources=sources)
                         if self.an.quotations.in_quotation(c.start, c.end) is None)
        return self.shared(("cues", lo, hi, sources), unquoted)

    def any_outside(self, key: tuple[object, ...], spans: Callable[[], Iterable[Span]],
                    start: int, end: int) -> bool:
        """True when one of ``spans`` (the same for every claim with this ``key``) does not
        overlap the claim ``[start, end)``: the first end or the last start says."""
        def bounds() -> tuple[int, int]:
            found = list(spans())
            return (min(e for _, e in found), max(s for s, _ in found)) if found else _NONE
        first_end, last_start = self.shared(("bounds", *key), bounds)
        return first_end <= start or last_start >= end

    def extra(self, cues: re.Pattern[str] | None, lo: int, hi: int, start: int, end: int) -> bool:
        """True when one of a rule's own ``cues`` is in the window, outside quotations and
        outside the claim."""
        if cues is None:
            return False

        def found() -> Iterable[Span]:
            return (m.span() for m in cues.finditer(self.text, lo, hi)
                    if self.an.quotations.in_quotation(*m.span()) is None)
        return self.any_outside(("extra", id(cues), lo, hi), found, start, end)

    def capitals(self, lo: int, hi: int) -> tuple[int, ...]:
        """Starts of the capitalised words in ``[lo, hi)`` that may name someone: not a day
        or month, not opening their sentence, not quoted."""
        return tuple(
            m.start() for m in _CAPITALISED.finditer(self.text, lo, hi)
            if m.group() not in _NOT_NAMES and m.start() != self.an.sentences.sentence_at(m.start()).start
            and self.an.quotations.in_quotation(*m.span()) is None)

    def capitalised(self, lo: int, hi: int, start: int, end: int) -> bool:
        """True when a capitalised word that may name someone is in the window, and does not
        start inside the claim ``[start, end)``."""
        return any(not start <= c < end for c in self.capitals(lo, hi))

    def named_sources(self, lo: int, hi: int, vague: re.Pattern[str] | None) -> tuple[_Backed, ...]:
        """The reporting cues of the window ``[lo, hi)`` that have a name or a source noun
        close to them, in their sentence (cues inside ``vague`` phrases do not count: "It is
        believed" in the next sentence is no source for "experts say")."""
        def backed() -> tuple[_Backed, ...]:
            phrases = [m.span() for m in vague.finditer(self.text, lo, hi)] if vague else []
            phrase_starts = [a for a, _ in phrases]

            def in_phrase(c: Cue) -> bool:
                i = bisect_right(phrase_starts, c.start) - 1
                return i >= 0 and c.start < phrases[i][1]

            cues = [c for c in self.cues(lo, hi) if not in_phrase(c)]
            starts = [c.start for c in cues]
            out = []
            for cue in cues:
                if cue.kind not in REPORTING_KINDS:
                    continue
                sentence = self.an.sentences.sentence_at(cue.start)
                a, b = max(sentence.start, cue.start - _NEAR), min(sentence.end, cue.end + _NEAR)
                near = cues[bisect_left(starts, a):bisect_left(starts, b)]
                sources = tuple((c.start, c.end) for c in near if c.kind in _SOURCE_KINDS)
                capitals = self.capitals(a, b)
                if sources or capitals:
                    out.append(_Backed((cue.start, cue.end), sources, capitals))
            return tuple(out)
        return self.shared(("named", id(vague), lo, hi), backed)
