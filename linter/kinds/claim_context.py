"""A claim's surroundings: the window where its source may be named, and the cues in it.

Shared by every hit of a ``claims`` rule in one document (:mod:`linter.kinds.claims`).

Every hit in a window asks about the same window, so what a window holds is found once
(:meth:`ClaimContext.shared`) and each hit only checks what its own span changes: a cue
that overlaps the claim does not count. A story with thousands of claims in one long
sentence or paragraph therefore costs time in proportion to its length, not to its
length times the number of claims.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from linter.analysis import Analysis
from linter.analysis.cues import REPORTING_KINDS, Cue, frame_gate
from linter.kinds.claim_patterns import DAYS, MONTHS
from linter.lib.cache import compile_pattern
from linter.model.document import Document

if TYPE_CHECKING:
    from linter.analysis.frames import Frame
    from linter.analysis.quotations import Quotation
    from linter.analysis.syntax import Parse

T = TypeVar("T")
Span = tuple[int, int]

_CAPITALISED = compile_pattern(r"\b[A-Z][\w'’-]*")
_WORD_CHAR = compile_pattern(r"\w")
# A preposition of place right before a capitalised word: a place, not a person.
_AT_PLACE = compile_pattern(r"\b(?:in|at|near|across|outside|inside|around|throughout)\s+(?:the\s+)?\Z")
# "the", a capitalised word and a lower-case word: a name that qualifies a thing ("the
# Orsk ferry"), unless the thing is people ("the Voss family").
_THE = compile_pattern(r"\b[Tt]he\s+\Z")
_MODIFIER = compile_pattern(
    r"\s+(?!(?:family|families|brothers|sisters|twins|couple|household|siblings)\b)[a-z]")
# Capitalised words that do not name anyone.
_NOT_NAMES = frozenset(("I", *DAYS, *MONTHS))
_NONE = (1 << 62, -1)  # the bounds of no span at all
# How a person sounds when they speak: "The mayor was defiant.", "Her lawyer sounded weary."
_MOODS = frozenset({"adamant", "angry", "apologetic", "bitter", "blunt", "bullish", "candid", "cautious",
                    "circumspect", "defiant", "dismissive", "downbeat", "emotional", "emphatic", "forthright",
                    "frank", "furious", "gloomy", "indignant", "outspoken", "philosophical", "resolute",
                    "scathing", "tearful", "unapologetic", "unequivocal", "unmoved", "unrepentant", "upbeat",
                    "weary"})
# Besides the copulas, the verbs of how someone seems: "sounded weary", "looked tired".
_SEEMING = frozenset({"sound", "look", "appear", "grow"})
# The words of a name that opens a sentence, and how far after it the comma closing its
# aside may come.
_NAME_WORDS = 4
_ASIDE_REACH = 10
# A paragraph window reaches this many sentences either side of the claim's: news
# paragraphs are one to three sentences, and a story run into one line is not a paragraph.
# (An adjacent window, where a quotation looks for its speaker, keeps the whole paragraph:
# a speaker named early in a long paragraph may go on speaking to its end.)
PARAGRAPH_REACH = 2
# Sentences a quotation that opens the next sentence may run on for (see window).
_QUOTED_REACH = 3


class _Counted:
    """The sentences of one window with a frame a question wants (their first and last
    index), and those not yet read: a claim's own sentence is read only when another claim
    asks (its cue words may all be the claim's own, and then it need not be tagged)."""

    __slots__ = ("high", "low", "missing")

    def __init__(self, missing: set[int]) -> None:
        self.missing = missing
        self.low, self.high = _NONE

    def found(self, i: int) -> None:
        self.low, self.high = min(self.low, i), max(self.high, i)

    def outside(self, first: int, last: int) -> bool:
        """True when a sentence found lies outside ``first..last``."""
        return self.low < first or self.high > last


class ClaimContext(NamedTuple):
    """One document's text and analysis, shared by every hit."""

    text: str
    an: Analysis
    starts: Sequence[int]
    doc: Document
    # Answers about a span that every hit in it shares, computed once (see shared).
    memo: dict[tuple[object, ...], object]

    @classmethod
    def of(cls, doc: Document, an: Analysis) -> "ClaimContext":
        return cls(doc.text, an, an.sentences.starts, doc, {})

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
            if i >= 0 and kind == "paragraph":
                # a story run into one line is no paragraph: keep to the sentences around
                lo = max(lo, sentences[max(i - PARAGRAPH_REACH, 0)].start)
                hi = min(hi, sentences[min(i + PARAGRAPH_REACH, len(sentences) - 1)].end)
            if kind == "adjacent" and i >= 0:
                lo = min(lo, sentences[max(i - 1, 0)].start)
                after = sentences[min(i + 1, len(sentences) - 1)]
                if not self._own_quotation(hi, after.end):
                    hi = max(hi, after.end)
            return lo, hi
        last = i
        if kind == "next-sentence" and i + 1 < len(sentences):
            # The next sentence may name the source, but not across a paragraph break.
            here = self.an.sentences.paragraph_at(sentences[i].start)
            if here is not None and here == self.an.sentences.paragraph_at(sentences[i + 1].start):
                last = self._quoted_on(i + 1)
        return sentences[i].start, sentences[last].end

    def _quoted_on(self, i: int) -> int:
        """Sentence ``i``, or, when it opens with a closed quotation that runs on past it,
        the sentence where that quotation ends (at most ``_QUOTED_REACH`` more), whose
        speaker speaks for all of it (``"The army claims ... . Today's attack suggests
        otherwise," said Piet Vann ...``)."""
        sentences = self.an.sentences.sentences
        sentence = sentences[i]
        q = self._opening_quotation(sentence.start, sentence.end)
        if q is None or not q.closed or q.end <= sentence.end:
            return i
        return min(bisect_right(self.starts, q.end - 1) - 1, i + _QUOTED_REACH, len(sentences) - 1)

    def _own_quotation(self, lo: int, hi: int) -> bool:
        """True when ``[lo, hi)``, the next paragraph's first sentence, opens with a quotation
        of its own (not one carried on from the paragraph before): its speaker speaks for
        that quotation, not for the one before it."""
        q = self._opening_quotation(lo, hi)
        return q is not None and not q.continued

    def _opening_quotation(self, lo: int, hi: int) -> "Quotation | None":
        """The first quotation that starts in ``[lo, hi)`` with only spaces before it."""
        quotations = self.an.quotations
        k = bisect_left(quotations.starts, lo)
        if k == len(quotations.quotations):
            return None
        q = quotations.quotations[k]
        return q if q.start < hi and not self.text[lo:q.start].strip() else None

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
                         if not self.an.quoted(c.start, c.end))
        return self.shared(("cues", lo, hi, sources), unquoted)

    def _gate_spans(self, a: int, b: int) -> Callable[[], Iterable[Span]]:
        """The cue words of ``[a, b)`` that could open a frame (:func:`frame_gate`)."""
        return lambda: (m.span() for m in frame_gate().finditer(self.text, a, b))

    def reporting_outside(self, lo: int, hi: int, start: int, end: int) -> bool:
        """True when a reporting cue in ``[lo, hi)``, outside quotations, does not overlap
        the claim ``[start, end)``."""
        def spans() -> Iterable[Span]:
            return ((c.start, c.end) for c in self.cues(lo, hi, sources=False) if c.kind in REPORTING_KINDS)
        return self.any_outside(("reporting", lo, hi), spans, start, end)

    def _colon(self, a: int, b: int) -> bool:
        return self.shared(("colon", a, b), lambda: self.text.find(":", a, b) >= 0)

    def _frames_in(self, i: int, lo: int, hi: int) -> "tuple[Frame, ...]":
        """The frames of sentence ``i`` whose cue lies in ``[lo, hi)``."""
        return self.shared(("frames", i, lo, hi), lambda: tuple(
            f for f in self.an.frames_at(self.starts[i]) if lo <= f.cue[0] < hi))

    def any_outside(self, key: tuple[object, ...], spans: Callable[[], Iterable[Span]],
                    start: int, end: int) -> bool:
        """True when one of ``spans`` (the same for every claim with this ``key``) does not
        overlap the claim ``[start, end)``: the first end or the last start says."""
        def bounds() -> tuple[int, int]:
            found = list(spans())
            return (min(e for _, e in found), max(s for s, _ in found)) if found else _NONE
        first_end, last_start = self.shared(("bounds", *key), bounds)
        return first_end <= start or last_start >= end

    def framed(self, lo: int, hi: int, start: int, end: int, key: tuple[object, ...],
               wanted: "Callable[[Frame], bool]", here: "Callable[[Frame], bool]", *,
               speech: bool = False) -> bool:
        """True when an attribution frame whose cue lies in ``[lo, hi)`` is ``wanted``
        (a question about the frame alone, the same for every claim with this ``key``) and
        its cue is outside the claim ``[start, end)``; in a sentence the claim overlaps,
        ``here`` (a question about the frame and the claim) is asked instead.

        With ``speech``, only sentences with a reporting cue or a colon outside the claim
        are read (the caller wants frames of speech, which need one). A sentence whose only
        cue word is the claim's own ("Analysts said") has no frame to offer: it is not
        tagged. A frame lies inside its sentence, so one in another sentence is outside the
        claim, and ``here`` for it exactly when it is ``wanted``: which sentences of the
        window have a ``wanted`` frame is found once per window (:class:`_Counted`), and
        each claim reads the frames of its own sentence only. A paragraph of thousands of
        claims costs time in proportion to its length."""
        starts = self.starts
        first, last = max(bisect_right(starts, lo) - 1, 0), bisect_left(starts, hi)
        own_first = max(bisect_right(starts, start) - 1, first)
        own_last = min(max(bisect_left(starts, end) - 1, own_first), last - 1)
        counted = self.shared(("framed", *key, lo, hi, speech), lambda: _Counted(set(range(first, last))))
        sentences = self.an.sentences.sentences
        for i in [i for i in counted.missing if not own_first <= i <= own_last]:
            a, b = max(lo, sentences[i].start), min(hi, sentences[i].end)
            if (not speech or self._colon(a, b) or self.cues(a, b, sources=False)) and any(
                    wanted(f) for f in self._frames_in(i, lo, hi)):
                counted.found(i)
            counted.missing.discard(i)
        if counted.outside(own_first, own_last):
            return True
        for i in range(own_first, own_last + 1):
            a, b = max(lo, sentences[i].start), min(hi, sentences[i].end)
            if not self.any_outside(("gate", a, b), self._gate_spans(a, b), start, end):
                continue
            if speech and not self._colon(a, b) and not self.reporting_outside(a, b, start, end):
                continue
            if any((f.cue[1] <= start or f.cue[0] >= end) and here(f) for f in self._frames_in(i, lo, hi)):
                return True
        return False

    def extra(self, cues: re.Pattern[str] | None, lo: int, hi: int, start: int, end: int) -> bool:
        """True when one of a rule's own ``cues`` is in the window, outside quotations and
        outside the claim."""
        if cues is None:
            return False

        def found() -> Iterable[Span]:
            return (m.span() for m in cues.finditer(self.text, lo, hi)
                    if not self.an.quoted(*m.span()))
        return self.any_outside(("extra", id(cues), lo, hi), found, start, end)

    def capitals(self, lo: int, hi: int) -> tuple[int, ...]:
        """Starts of the capitalised words in ``[lo, hi)`` that may name someone: not a day
        or month, not opening their sentence, not quoted, not a place after "in" or "at"
        (``The mood in Orsk was grim.``, ``at the Tarn quay``), nor a name that qualifies
        the thing after it (``The Orsk ferry was late.``; but ``The Voss family``)."""
        return tuple(
            m.start() for m in _CAPITALISED.finditer(self.text, lo, hi)
            if m.group() not in _NOT_NAMES and m.start() != self.an.sentences.sentence_at(m.start()).start
            and not self.an.quoted(*m.span())
            and not _AT_PLACE.search(self.text, max(0, m.start() - 16), m.start())
            and not (_THE.search(self.text, max(0, m.start() - 4), m.start())
                     and _MODIFIER.match(self.text, m.end())))

    def opens_with_name(self, lo: int) -> bool:
        """The sentence at ``lo`` opens with a name and its verb: a capitalised noun that is
        no common word, then a finite verb, perhaps past an aside set off by commas
        (``Voss was defiant.``, ``Ivo Brandt, now 78, was the last keeper.``; not ``Police
        were ...``, ``This was ...``), which :meth:`capitals` leaves out as it leaves out
        every word that opens a sentence."""
        from linter.analysis.tagging import name_like  # with the tagger, once a sentence is tagged
        from linter.analysis.tagging.tagger import FINITE

        parse = self.an.parse_at(lo)
        if parse is None or len(parse.tokens) < 3:
            return False
        tokens = parse.tokens
        verb = 0
        while verb < min(len(tokens), _NAME_WORDS) and tokens[verb].tag in ("NNP", "NNPS", "NN") and (
                name_like(tokens[verb].text)):
            verb += 1  # "Voss", "Ivo Brandt"
        if verb and verb < len(tokens) and tokens[verb].text == ",":  # "Brandt, now 78, was ..."
            verb = next((k + 1 for k in range(verb + 1, min(len(tokens), verb + _ASIDE_REACH))
                         if tokens[k].text == ","), 0)
        return 0 < verb < len(tokens) and tokens[verb].tag in FINITE

    def opens_with_mood(self, lo: int) -> bool:
        """The sentence at ``lo`` gives its subject the mood of someone speaking: a noun
        phrase, a copula and a word of :data:`_MOODS` (``The mayor was defiant.``, ``Her
        lawyer sounded weary.``; not ``The port was quiet.``, ``It was emotional.``)."""
        from linter.analysis.frame_base import NO_HOLDER  # with the parser, once a sentence is parsed
        from linter.analysis.syntax import COPULAS

        parse = self.an.parse_at(lo)
        if parse is None or not parse.chunks or parse.chunks[0].first != 0:
            return False
        tokens = parse.tokens
        k = parse.chunks[0].last + 1
        group = parse.group_at(k) if k < len(tokens) else None
        if (tokens[k - 1].lower in NO_HOLDER or group is None or group.first != k
                or (group.lemma not in COPULAS and group.lemma not in _SEEMING)):
            return False
        k = group.last + 1
        while k < len(tokens) and tokens[k].tag == "RB":
            k += 1  # "was still defiant"
        return k < len(tokens) and tokens[k].lower in _MOODS

    def capitalised(self, lo: int, hi: int, start: int, end: int) -> bool:
        """True when a capitalised word that may name someone is in the window, and does not
        start inside the claim ``[start, end)``."""
        return any(not start <= c < end for c in self.capitals(lo, hi))


def source_tokens(an: Analysis, frame: "Frame") -> "tuple[Parse, int, int] | None":
    """The parsed sentence of the frame's source and the source's tokens ``first`` to
    ``last`` (exclusive); None for a frame with no source, or a sentence not parsed."""
    if frame.source is None:
        return None
    parse = an.parse_at(frame.source[0])
    if parse is None:
        return None
    return parse, parse.token_at(frame.source[0]), parse.token_at(frame.source[1] - 1) + 1


def names_someone(an: Analysis, frame: "Frame") -> bool:
    """The frame's source, or the words set off by a comma just before it (``Scott
    Stanzel, a spokesman for ...``), hold a proper noun that is not a common source's
    word (``Piet Vann``, ``the Dorn Institute``; not ``Officials`` or ``Police`` read as
    names), or point back to a source the story has named (``the police spokesman``,
    ``the firm's chairman``; not ``they``, ``officials``)."""
    source = source_tokens(an, frame)
    if source is None:
        return False
    from linter.analysis.frame_base import lexicon  # a frame was read: the parser is loaded
    from linter.analysis.tagging import common_word

    parse, first, last = source
    tokens = parse.tokens
    if first > 0 and tokens[first - 1].text == ",":  # an apposition: the name before it
        first = next((k + 1 for k in range(first - 2, -1, -1) if tokens[k].text == ","), 0)
    while last < len(tokens) and tokens[last].tag in _NOUN_PHRASE:  # "media strategist Glen Yearwood"
        last += 1
    if first < last and (tokens[first].lower == "the" or any(t.tag == "POS" for t in tokens[first:last])):
        return True  # one already named: "The police spokesman", "the prime minister's office"
    lex = lexicon()
    # A common source's word is a name only after the sentence's first word ("The
    # Observer"); so is a common word before a noun ("Aid workers", "Hospital staff"; not
    # "Kremlin officials").
    return any(t.tag in ("NNP", "NNPS")
               and (k > 0 or (t.lower not in lex.sources and t.lower not in lex.vague
                              and not (k + 1 < last and tokens[k + 1].tag in ("NN", "NNS")
                                       and common_word(t.lower))))
               for k, t in enumerate(tokens[first:last], first))


_NOUN_PHRASE = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "CC", "POS", "HYPH"})
