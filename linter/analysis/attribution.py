"""The cues of each sentence: reporting verbs, phrases and nouns, and sources and names.

The claims rules ask whether a window around a claim holds a cue outside the
claim (``ClaimContext``); whose words a span is, the attribution frames decide
(:mod:`linter.analysis.frames`). Cues are found per sentence on first use: most
stories need them only around a few quotations and claims.
"""

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Sequence

from linter.analysis.cues import Cue, reporting_cues, source_cues
from linter.analysis.sentences import Sentences

# How many sentences' cues are kept. The rules read them sentence after sentence: over
# the corpus as one file, 23,826 reads found 17,964 sentences, and keeping the last 1,024
# reads all but about 200 of the others from the cache. Kept, they would grow with the
# file.
CUES_KEPT = 1024


class Attribution:
    """The cues of one document's sentences, in a range."""

    __slots__ = ("_cues", "_sentences", "_sources", "_starts", "_text")

    def __init__(self, text: str, sentences: Sentences, starts: Sequence[int] | None = None) -> None:
        """``starts``: where the reporting cues' scanner found its prefixes in the text (the
        engine's pass, sorted), or None to scan each sentence."""
        self._text = text
        self._sentences = sentences
        self._starts = starts
        self._cues: OrderedDict[int, tuple[Cue, ...]] = OrderedDict()
        self._sources: dict[int, tuple[Cue, ...]] = {}  # every cue of a sentence, sources too

    def cue_spans(self, start: int, end: int, *, sources: bool = True) -> tuple[Cue, ...]:
        """Every cue (verb, phrase, noun, and with ``sources`` source and name) inside
        ``[start, end)``, in order."""
        starts = self._sentences.starts
        first = max(bisect_right(starts, start) - 1, 0)
        last = bisect_left(starts, end)
        found: list[Cue] = []
        for i in range(first, last):
            cues = self._every_cue(i) if sources else self._sentence_cues(i)
            found += (c for c in cues if start <= c.start and c.end <= end)
        return tuple(found)

    def _sentence_cues(self, i: int) -> tuple[Cue, ...]:
        """Sentence ``i``'s reporting cues, found on first use. A cue never runs on into
        the next paragraph (``Reuters\\n\\nRevenues`` is no name)."""
        cues = self._cues.get(i)
        if cues is None:
            sentence = self._sentences.sentences[i]
            # One regex, so the cues come in order and never overlap.
            found = reporting_cues(self._text, sentence.start, sentence.end, self._starts)
            cues = self._cues[i] = tuple(found)
            if len(self._cues) > CUES_KEPT:
                self._cues.popitem(last=False)  # the oldest
        return cues

    def _every_cue(self, i: int) -> tuple[Cue, ...]:
        """Sentence ``i``'s reporting cues with its source nouns and names, in order. Only
        a speaker search needs the sources, so they are found apart, on first use."""
        found = self._sources.get(i)
        if found is None:
            sentence = self._sentences.sentences[i]
            sources = source_cues(self._text, sentence.start, sentence.end)
            found = self._sources[i] = tuple(
                sorted((*self._sentence_cues(i), *sources), key=lambda c: (c.start, c.end))
            )
        return found
