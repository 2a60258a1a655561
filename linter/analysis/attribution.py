"""Attribution: whose words a span is (quoted, attributed to a source, or the writer's).

A reporting cue (:mod:`linter.analysis.cues`) attributes part of its clause,
where a clause is the sentence split at ``;`` and ``, but``/``, while``/``,
whereas``: a trailing cue (``..., police said.``) attributes what comes
before it; a cue with a complement (``police said (that) ...``, ``accused
them of ...``) attributes what follows; a parenthetical cue (``..., police
said, ...``) and a phrase cue (``according to``, ``in a statement``)
attribute the clause. A quotation is attributed when its first or last
sentence, or that of the chain it continues, carries a cue.

Cues are found per sentence on first use: most stories need attribution only
around a few quotations and claims.
"""

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from typing import NamedTuple

from linter.analysis.cues import REPORTING_KINDS, Cue, reporting_cues, source_cues
from linter.analysis.quotations import Quotation, Quotations
from linter.analysis.sentences import Sentence, Sentences
from linter.analysis.voice import Voice
from linter.lib.cache import compile_pattern


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())



_CLAUSE_BREAK = compile_pattern(r";|,\s+(?:but|while|whereas)\b")
# A trailing cue's subject: at most six words after a comma, quote or dash.
_TRAILING_HEAD = compile_pattern(r"[,\"”’»—–]\s*((?:[\w'’.-]+\s+){0,6})\Z")
_SUBORDINATORS = _words(
    """that which who whom whose what after before when because as if since until although
    though unless whether where"""
)
_CLAUSAL = _SUBORDINATORS | _words(
    """i you he she it we they is was were are be been am has have had do does did will would
    shall should can could may might must"""
)
_WORDS = compile_pattern(r"[\w'’]+")
_TAIL_WORDS = 8
_LOOK = 80  # characters a trailing cue's context may span
_ATTRIBUTING = frozenset({"verb", "phrase"})
_INVERTED = frozenset(',"”’»')  # right before the verb: "...," said Ms Lee, a local MP.
# How many sentences' cue indexes are kept. The rules read them sentence after sentence:
# over the corpus as one file, 23,826 reads found 17,964 sentences, and keeping the last
# 1,024 reads all but about 200 of the others from the cache. Kept, they would grow with
# the file.
CUES_KEPT = 1024


def _after_comma(head: str) -> bool:
    """True for ``<head>`` = ``..., police `` or ``...," he ``: a cue's bare subject."""
    m = _TRAILING_HEAD.search(head)
    return m is not None and not any(w.lower() in _SUBORDINATORS for w in _WORDS.findall(m[1]))


def _bare_tail(tail: str) -> bool:
    """True when what follows a cue to the clause end is no new clause (``on Monday.``)."""
    words = _WORDS.findall(tail)
    return (
        len(words) <= _TAIL_WORDS
        and not any(w.lower() in _CLAUSAL for w in words)
        and not any(c in tail for c in ':"“«')
    )


class _CueIndex(NamedTuple):
    """One sentence's reporting cues (verbs, phrases, nouns) by offset, prefix counts
    of unquoted cues, and what each clause has attributed.

    ``clauses`` maps a clause start to (the earliest offset from which a cue
    attributes the rest of the clause, the latest offset up to which a cue
    attributes the clause from its start): every reach touches one clause end.
    """

    cues: tuple[Cue, ...]
    starts: list[int]
    reporting: list[int]  # reporting[i]: unquoted verb, phrase and noun cues among cues[:i]
    attributing: list[int]  # attributing[i]: unquoted verb and phrase cues among cues[:i]
    clauses: dict[int, tuple[int, int]]

    def tally(self, prefix: Sequence[int], start: int, end: int) -> int:
        """How many cues counted by ``prefix`` (one of the two lists) start in ``[start, end)``."""
        return prefix[bisect_left(self.starts, end)] - prefix[bisect_left(self.starts, start)]


_NO_CUES = _CueIndex((), [], [0], [0], {})


class Attribution:
    """The attribution of one document: voice of a span, cues in a range."""

    __slots__ = ("_clause_breaks", "_cues", "_quotations", "_sentences", "_sources", "_text")

    def __init__(self, text: str, quotations: Quotations, sentences: Sentences) -> None:
        self._text = text
        self._quotations = quotations
        self._sentences = sentences
        self._clause_breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
        self._cues: OrderedDict[int, _CueIndex] = OrderedDict()
        self._sources: dict[int, tuple[Cue, ...]] = {}  # every cue of a sentence, sources too

    def voice(self, start: int, end: int) -> Voice:
        """Whose words ``text[start:end]`` are: quoted, attributed to a source, or the writer's."""
        if self._quotations.in_quotation(start, end) is not None:
            return Voice.QUOTED
        if self.is_attributed(start, end):
            return Voice.ATTRIBUTED
        return Voice.OWN

    def is_attributed(self, start: int, end: int) -> bool:
        """True when a reporting cue in the span's clause governs the span, or the
        span is inside a quotation whose first or last sentence carries a cue."""
        q = self._quotations.in_quotation(start, end)
        if q is not None and self._quotation_attributed(q):
            return True
        lo, hi = self._clause(start)
        reach = self._cue_index(lo).clauses.get(lo)
        if reach is None:
            return False
        forward_from, backward_to = reach
        return (forward_from <= start and end <= hi) or end <= backward_to

    def sentence_has_cue(self, sentence: Sentence) -> bool:
        """True when a reporting verb, phrase or noun outside quotations is in ``sentence``."""
        index = self._cue_index(sentence.start)
        return index.tally(index.reporting, sentence.start, sentence.end) > 0

    def cue_spans(self, start: int, end: int, *, sources: bool = True) -> tuple[Cue, ...]:
        """Every cue (verb, phrase, noun, and with ``sources`` source and name) inside
        ``[start, end)``, in order."""
        starts = self._sentences.starts
        first = max(bisect_right(starts, start) - 1, 0)
        last = bisect_left(starts, end)
        found: list[Cue] = []
        for i in range(first, last):
            cues = self._every_cue(i) if sources else self._sentence_cues(i).cues
            found += (c for c in cues if start <= c.start and c.end <= end)
        return tuple(found)

    def _clause(self, offset: int) -> tuple[int, int]:
        sentence = self._sentences.sentence_at(offset)
        breaks = self._clause_breaks
        i = bisect_right(breaks, offset)
        lo = max(sentence.start, breaks[i - 1]) if i > 0 else sentence.start
        hi = min(sentence.end, breaks[i]) if i < len(breaks) else sentence.end
        return lo, hi

    def _quotation_attributed(self, q: Quotation) -> bool:
        quotations = self._quotations
        i = quotations.index(q)
        while quotations.parents[i] >= 0:
            i = quotations.parents[i]
        outer, head = quotations.quotations[i], quotations.quotations[quotations.chain_heads[i]]
        for offset in (head.start, outer.start, outer.end - 1):
            sentence = self._sentences.sentence_at(offset)
            index = self._cue_index(sentence.start)
            if index.tally(index.attributing, sentence.start, sentence.end) > 0:
                return True
        return False

    def _cue_index(self, offset: int) -> _CueIndex:
        """The cue index of the sentence containing ``offset`` (none outside sentences)."""
        i = self._sentences.index_at(offset)
        return self._sentence_cues(i) if i >= 0 else _NO_CUES

    def _sentence_cues(self, i: int) -> _CueIndex:
        """Sentence ``i``'s cues and what they attribute, found on first use. Clauses lie
        inside sentences, so nothing a cue attributes reaches past its sentence, and a cue
        never runs on into the next paragraph (``Reuters\n\nRevenues`` is no name)."""
        index = self._cues.get(i)
        if index is None:
            sentence = self._sentences.sentences[i]
            # One regex, so the cues come in order and never overlap.
            cues = list(reporting_cues(self._text, sentence.start, sentence.end))
            index = self._cues[i] = self._index(cues) if cues else _NO_CUES  # most have none
            if len(self._cues) > CUES_KEPT:
                self._cues.popitem(last=False)  # the oldest
        return index

    def _every_cue(self, i: int) -> tuple[Cue, ...]:
        """Sentence ``i``'s reporting cues with its source nouns and names, in order. Only
        a speaker search needs the sources, so they are found apart, on first use."""
        found = self._sources.get(i)
        if found is None:
            sentence = self._sentences.sentences[i]
            sources = source_cues(self._text, sentence.start, sentence.end)
            found = self._sources[i] = tuple(
                sorted((*self._sentence_cues(i).cues, *sources), key=lambda c: (c.start, c.end))
            )
        return found

    def _index(self, cues: Sequence[Cue]) -> _CueIndex:
        reporting, attributing = [0], [0]
        clauses: dict[int, tuple[int, int]] = {}
        for cue in cues:
            quoted = self._quotations.in_quotation(cue.start, cue.end) is not None
            reporting.append(reporting[-1] + (cue.kind in REPORTING_KINDS and not quoted))
            attributing.append(attributing[-1] + (cue.kind in _ATTRIBUTING and not quoted))
            if cue.kind in _ATTRIBUTING and not quoted:
                lo, hi = self._clause(cue.start)
                start, end = self._reach(cue, lo, hi)
                forward_from, backward_to = clauses.get(lo, (hi + 1, lo - 1))
                clauses[lo] = (
                    min(forward_from, start) if end == hi else forward_from,
                    max(backward_to, end) if start == lo else backward_to,
                )
        return _CueIndex(tuple(cues), [c.start for c in cues], reporting, attributing, clauses)

    def _reach(self, cue: Cue, lo: int, hi: int) -> tuple[int, int]:
        """The part of its clause ``[lo, hi)`` that a verb or phrase cue attributes."""
        if cue.kind == "phrase":
            return lo, hi
        head = self._text[max(lo, cue.start - _LOOK) : cue.start]
        tail = self._text[cue.end : min(hi, cue.end + _LOOK)]
        if not _after_comma(head):
            return cue.end, hi
        if tail.lstrip().startswith(","):
            return lo, hi  # parenthetical: "The attack, police said, was planned."
        if head.rstrip()[-1:] in _INVERTED or (hi - cue.end <= _LOOK and _bare_tail(tail)):
            return lo, cue.start  # "..., police said on Monday." or "...," said Ms Lee, an MP.
        return cue.end, hi
