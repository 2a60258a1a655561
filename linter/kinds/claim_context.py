"""A claim's surroundings: the window where its source may be named, and the cues in it.

Shared by every hit of a ``claims`` rule in one document (:mod:`linter.kinds.claims`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from linter.analysis import Analysis
from linter.analysis.cues import Cue, frame_gate
from linter.model.document import Document

if TYPE_CHECKING:
    from linter.analysis.frames import Frame

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
# Capitalised words that do not name anyone.
_NOT_NAMES = frozenset(
    "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)


@dataclass(frozen=True)
class ClaimContext:
    """One document's text and analysis, shared by every hit."""

    text: str
    an: Analysis
    starts: tuple[int, ...]
    doc: Document

    @classmethod
    def of(cls, doc: Document, an: Analysis) -> ClaimContext:
        return cls(doc.text, an, an.sentences.starts, doc)

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

    def nearest_first(self, lo: int, hi: int, offset: int) -> Iterator[tuple[int, int]]:
        """The window ``[lo, hi)`` cut at sentence ends, the sentence holding ``offset``
        first and then outwards. Every cue lies inside one sentence, so a search for a cue
        that stops early finds cues for only the sentences it had to read."""
        first = max(bisect_right(self.starts, lo) - 1, 0)
        last = bisect_left(self.starts, hi)
        here = min(max(bisect_right(self.starts, offset) - 1, first), last - 1)
        order = sorted(range(first, last), key=lambda i: (abs(i - here), i))
        sentences = self.an.sentences.sentences
        for i in order:
            a, b = max(lo, sentences[i].start), min(hi, sentences[i].end)
            if a < b:
                yield a, b

    def cues(self, lo: int, hi: int, start: int, end: int, *, sources: bool = True) -> list[Cue]:
        """Cues in ``[lo, hi)`` outside quotations and outside the claim ``[start, end)``
        (reporting cues only, without ``sources``)."""
        return [
            c for c in self.an.attribution.cue_spans(lo, hi, sources=sources)
            if (c.end <= start or c.start >= end) and self.an.quotations.in_quotation(c.start, c.end) is None
        ]

    def frames(self, lo: int, hi: int, start: int, end: int, *, speech: bool = False) -> list[Frame]:
        """The attribution frames whose cue lies in ``[lo, hi)``, outside quotations (as
        every frame is) and outside the claim ``[start, end)``. With ``speech``, only
        sentences with a reporting cue or a colon outside the claim are read (the caller
        wants frames of speech, which need one)."""
        found: list[Frame] = []
        starts = self.starts
        sentences = self.an.sentences.sentences
        gate = frame_gate()
        for i in range(max(bisect_right(starts, lo) - 1, 0), bisect_left(starts, hi)):
            a, b = max(lo, sentences[i].start), min(hi, sentences[i].end)
            # a sentence whose only cue word is the claim's own ("Analysts said") has no
            # frame to offer: it is not tagged
            if gate.search(self.text, a, min(b, start)) is None and (
                    gate.search(self.text, max(a, end), b) is None):
                continue
            if speech and ":" not in self.text[a:b] and not self.cues(a, b, start, end, sources=False):
                continue
            found += (f for f in self.an.frames_at(starts[i])
                      if lo <= f.cue[0] < hi and (f.cue[1] <= start or f.cue[0] >= end))
        return found

    def extra(self, cues: re.Pattern[str] | None, lo: int, hi: int, start: int, end: int) -> bool:
        """True when one of a rule's own ``cues`` is in the window, outside the claim."""
        if cues is None:
            return False
        return any(
            (m.end() <= start or m.start() >= end) and self.an.quotations.in_quotation(*m.span()) is None
            for m in cues.finditer(self.text, lo, hi)
        )

    def capitalised(self, lo: int, hi: int, start: int, end: int) -> bool:
        """True when a capitalised word that does not open its sentence is in the window."""
        for m in _CAPITALISED.finditer(self.text, lo, hi):
            if start <= m.start() < end or m.group() in _NOT_NAMES:
                continue
            if m.start() != self.an.sentences.sentence_at(m.start()).start and (
                self.an.quotations.in_quotation(*m.span()) is None
            ):
                return True
        return False
