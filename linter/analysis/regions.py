"""Quotations, sentences, paragraphs and attribution in a document's prose text.

Everything here is computed from ``doc.text`` and ``doc.blocks`` and is
expressed in ``text`` offsets. :func:`analyse` builds a :class:`Regions`
once per document (``Document.regions``); every lookup on it is a bisection.

Quotations
    Every quote mark is found with one regex pass and classified by its
    neighbours (an opener follows a space or bracket and precedes a word; a
    closer follows a word and precedes a space, punctuation or the end), then
    paired per paragraph with a bounded stack. Double marks (``" “ ” « » „``)
    and single marks (``' ‘ ’ ‹ › ‚``) form two families; any closer of a family
    closes an opener of the same family, so wire copy's ``«text”`` pairs (a
    quote-style rule reports the mismatch). Apostrophes are recognised by
    context; a single-quote quotation is only made when an opener pairs.
    The multi-paragraph convention (no closing mark at the end of a paragraph,
    an opening mark again at the start of the next) continues the quotation;
    so does an opening mark right after a sentence end while a quotation of
    the same family is open (the same convention with paragraphs run together).

Sentences
    Split after ``. ! ? …`` (and closing marks) followed by whitespace and an
    upper-case letter, digit or opening mark; never after an abbreviation or
    an initial; never before a reporting verb that attributes a quotation
    (``"Stop!" Smith said``); never inside a quotation that the sentence
    carries on after (``He said "Stop. Now" and left``).

Attribution
    A reporting cue (:mod:`linter.analysis.cues`) attributes part of its clause, where a
    clause is the sentence split at ``;`` and ``, but``/``, while``/``, whereas``:
    a trailing cue (``..., police said.``) attributes what comes before it; a
    cue with a complement (``police said (that) ...``, ``accused them of ...``)
    attributes what follows; a parenthetical cue (``..., police said, ...``) and
    a phrase cue (``according to``, ``in a statement``) attribute the clause.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from linter.analysis.cues import REPORTING_KINDS, Cue, reporting_cues, source_cues, verb_pattern

if TYPE_CHECKING:
    from linter.model.document import Block, Document

MAX_DEPTH = 32  # deeper opening marks are not quotations (keeps unbalanced input linear)

_DOUBLE = '"“”«»„'
_SINGLE = "'‘’‹›‚"
_MARKS = re.compile(r"[\"'“”‘’«»„‚‹›]")
_OPEN_AFTER = frozenset("([{-—–/" + _DOUBLE + _SINGLE)
_CLOSE_BEFORE = frozenset(".,;:!?)]}…—–-/" + _DOUBLE + _SINGLE)
_PUNCTUATION = frozenset(".,;:!?…—–-")
_TERMINAL = frozenset(".!?…")
_LEADING_OPENERS = {"d": frozenset('"“„«'), "s": frozenset("'‘‚‹")}
_DECADE = re.compile(r"\d\d(?:s\b|\b)")
# The look-behind follows the first mark so that the search can skip to quote marks.
_ROCK_N_ROLL = re.compile(r"['’](?<!\S['’])n['’](?!\S)")
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """One quote-mark character: role is open, close, apostrophe or ambiguous."""

    offset: int
    char: str
    role: str


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation from its opening mark to just after its closing mark.

    Unclosed quotations end at the end of their paragraph (or where an
    enclosing quotation closes, or where a continuation reopens them).
    """

    start: int
    end: int
    open_mark: str
    close_mark: str
    depth: int
    closed: bool
    continued: bool

    @property
    def content_start(self) -> int:
        return self.start + len(self.open_mark)

    @property
    def content_end(self) -> int:
        return self.end - len(self.close_mark)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    kind: str


class Voice(enum.Enum):
    QUOTED = "quoted"
    ATTRIBUTED = "attributed"
    OWN = "own"


# ---------------------------------------------------------------------------
# Quote marks: context and pairing


@dataclass(slots=True)
class _Mark:  # not frozen: made for every quote mark, twice when a house style is checked
    index: int  # position in the document's list of marks
    offset: int
    char: str
    family: str  # "d" double, "s" single
    opens: bool  # opener context: after a space/bracket, before a non-space
    closes: bool  # closer context: after a non-space, before a space/punctuation/end
    strong: bool  # closer context with punctuation next to it, or at the paragraph end
    prev: str
    nxt: str


def _is_space(char: str) -> bool:
    return not char or char.isspace()


def _mark(text: str, i: int, index: int, lo: int, hi: int) -> _Mark:
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    char = text[i]
    prev_space = not prev or prev.isspace()
    next_space = not nxt or nxt.isspace()
    closes = not prev_space and (next_space or nxt in _CLOSE_BEFORE)
    return _Mark(
        index,
        i,
        char,
        "d" if char in _DOUBLE else "s",
        (prev_space or prev in _OPEN_AFTER) and not next_space,
        closes,
        closes and (prev in _PUNCTUATION or not nxt or nxt in _CLOSE_BEFORE),
        prev,
        nxt,
    )


def _is_apostrophe(text: str, mark: _Mark, rock_n_roll: frozenset[int]) -> bool:
    """Apostrophes decided by context alone: don't, it’s, '90s, ’em, rock 'n' roll."""
    if mark.offset in rock_n_roll:
        return True
    if mark.char in "'’" and mark.prev.isalnum() and mark.nxt.isalpha():
        return True
    if mark.char in "'’‘" and mark.opens and _DECADE.match(text, mark.offset + 1):
        return True
    return mark.char == "’" and mark.opens


@dataclass(slots=True)
class _Open:
    mark: _Mark
    continued: bool


@dataclass(slots=True)
class _Raw:  # not frozen: made for every quotation, twice when a house style is checked
    """A quotation before depths are known; ``carried`` means continued later."""

    start: int
    end: int
    open_mark: str
    close_mark: str
    closed: bool
    continued: bool
    carried: bool = False


@dataclass(slots=True)
class _Pairer:
    """Pairs the marks of one paragraph with a stack bounded by MAX_DEPTH."""

    text: str
    lo: int
    hi: int
    roles: list[str]
    lead: int  # offset of the paragraph's first mark when it may continue a quotation, else -1
    stack: list[_Open] = field(default_factory=list)
    found: list[_Raw] = field(default_factory=list)

    def run(self, marks: Sequence[_Mark], rock_n_roll: frozenset[int]) -> None:
        weak_ok = _weak_closers_allowed(marks)
        for k, mark in enumerate(marks):
            if _is_apostrophe(self.text, mark, rock_n_roll):
                self.roles[mark.index] = "apostrophe"
            else:
                self.roles[mark.index] = self._feed(mark, weak_ok[k])

    def _find(self, family: str) -> int | None:
        for j in range(len(self.stack) - 1, -1, -1):
            if self.stack[j].mark.family == family:
                return j
        return None

    def _feed(self, mark: _Mark, weak_ok: bool) -> str:
        j = self._find(mark.family)
        if j is not None and self._closes(mark, j, weak_ok):
            self._close(mark, j)
            return "close"
        if mark.char in "'’" and mark.prev.isalnum():
            return "apostrophe"  # runnin', the ministers' meeting
        if mark.opens or self._glued(mark):
            return self._open(mark, j)
        return "close" if mark.closes and mark.char in '"”»›' else "ambiguous"

    def _closes(self, mark: _Mark, j: int, weak_ok: bool) -> bool:
        char = mark.char
        if char in "„‚":
            return False
        if char in "”»›":
            return not _is_space(mark.prev)
        if char in "'’":
            return mark.closes and (mark.strong or weak_ok)
        if char == '"':
            loose = not mark.opens and not mark.closes  # 'loud, " he said' or 'carpet."It'
            return loose or (mark.closes and (not mark.opens or j == len(self.stack) - 1))
        # “ ‘ « ‹ closing German and reversed styles; before punctuation or the end
        # they close even after another mark (German „Er sagte ‚nein‘“, sagte sie.)
        return mark.closes and (not mark.opens or not mark.nxt or mark.nxt in ",.;:!?…")

    @staticmethod
    def _glued(mark: _Mark) -> bool:
        """A straight double mark between two non-spaces, opening: ``carpet."It's``."""
        return mark.char == '"' and not mark.closes and not _is_space(mark.nxt)

    def _open(self, mark: _Mark, j: int | None) -> str:
        if j is not None and mark.char != "'" and self._after_sentence(mark.offset):
            self._unwind(j, self._end_before(mark.offset), carried=True)
            self.stack.append(_Open(mark, continued=True))
            return "open"
        if len(self.stack) >= MAX_DEPTH:
            return "ambiguous"
        self.stack.append(_Open(mark, continued=mark.offset == self.lead))
        return "open"

    def _close(self, mark: _Mark, j: int) -> None:
        self._unwind(j + 1, mark.offset, carried=False)
        entry = self.stack.pop()
        self.found.append(
            _Raw(
                entry.mark.offset,
                mark.offset + 1,
                entry.mark.char,
                mark.char,
                True,
                entry.continued,
            )
        )

    def _unwind(self, j: int, end: int, *, carried: bool) -> None:
        """Pop stack[j:] as unclosed quotations ending at ``end``; only stack[j] may be carried."""
        for depth in range(len(self.stack) - 1, j - 1, -1):
            entry = self.stack.pop()
            if entry.mark.char == "'":
                self.roles[entry.mark.index] = "ambiguous"  # an unpaired ' is not a quotation
                continue
            start, char = entry.mark.offset, entry.mark.char
            self.found.append(_Raw(start, end, char, "", False, entry.continued, carried and depth == j))

    def _after_sentence(self, offset: int) -> bool:
        end = self._end_before(offset)
        before = self.text[max(self.lo, end - 4) : end].rstrip("'’\"”»›")  # also: metres?' "If
        return before[-1:] in _TERMINAL

    def _end_before(self, offset: int) -> int:
        """The end of the text before ``offset``, trailing spaces (up to eight) left out."""
        start = max(self.lo, offset - 8)
        return start + len(self.text[start:offset].rstrip())

    def finish(self, carry_out: str | None) -> bool:
        """Close the paragraph; True when its outermost open quotation is carried
        into the next paragraph, which opens with a mark of family ``carry_out``."""
        carried = bool(self.stack) and self.stack[0].mark.family == carry_out
        self._unwind(0, self.hi, carried=carried)
        return carried


def _weak_closers_allowed(marks: Sequence[_Mark]) -> list[bool]:
    """For each mark: no strong single closer comes before the next single opener.

    A weak single closer (``ministers' meeting``) closes a quotation only when
    no better closer (``meeting,' she said``) follows it.
    """
    allowed = [True] * len(marks)
    strong_ahead = False
    for k in range(len(marks) - 1, -1, -1):
        allowed[k] = not strong_ahead
        mark = marks[k]
        if mark.char in "'‘‹‚" and mark.opens and not mark.closes:
            strong_ahead = False
        elif mark.family == "s" and mark.closes and mark.strong:
            strong_ahead = True
    return allowed


def _leading_mark(text: str, block: Block | None) -> tuple[int, str | None]:
    """Offset and family of the opening mark that starts ``block``, or (-1, None)."""
    if block is None:
        return -1, None
    first = _NON_SPACE.search(text, block.start, block.end)
    if first is not None:
        for family, chars in _LEADING_OPENERS.items():
            if first.group() in chars:
                return first.start(), family
    return -1, None


def _pair(text: str, blocks: Sequence[Block]) -> tuple[list[_Raw], list[int], list[str]]:
    """The quotations (sorted, outer first), and the offset and role of every quote mark."""
    offsets = [m.start() for m in _MARKS.finditer(text)]
    roles = ["ambiguous"] * len(offsets)
    rock_n_roll = frozenset(i for m in _ROCK_N_ROLL.finditer(text) for i in (m.start(), m.end() - 1)) \
        if "n'" in text or "n’" in text else frozenset()
    raws: list[_Raw] = []
    lead = -1
    for b, block in enumerate(blocks):
        lo, hi = bisect_left(offsets, block.start), bisect_left(offsets, block.end)
        if lo == hi:
            lead = -1  # nothing opens here, so nothing is carried into the next block
            continue
        marks = [_mark(text, offsets[k], k, block.start, block.end) for k in range(lo, hi)]
        pairer = _Pairer(text, block.start, block.end, roles, lead)
        pairer.run(marks, rock_n_roll)
        next_block = blocks[b + 1] if b + 1 < len(blocks) and pairer.stack else None
        next_lead, family = _leading_mark(text, next_block)
        lead = next_lead if pairer.finish(family) else -1
        raws.extend(pairer.found)
    return sorted(raws, key=lambda r: (r.start, -r.end)), offsets, roles


def _nest(raws: Sequence[_Raw]) -> tuple[list[Quotation], list[int]]:
    """Depth and parent index of each quotation (sorted by start, outer first)."""
    quotations: list[Quotation] = []
    parents: list[int] = []
    stack: list[int] = []
    for i, r in enumerate(raws):
        while stack and raws[stack[-1]].end < r.end:
            stack.pop()
        parents.append(stack[-1] if stack else -1)
        quotations.append(
            Quotation(r.start, r.end, r.open_mark, r.close_mark, len(stack), r.closed, r.continued)
        )
        stack.append(i)
    return quotations, parents


def _chain_heads(raws: Sequence[_Raw], parents: Sequence[int]) -> list[int]:
    """For each quotation, the first quotation of its continuation chain."""
    heads: list[int] = []
    last_outer = -1
    for i, r in enumerate(raws):
        if parents[i] >= 0:
            heads.append(heads[parents[i]])
            continue
        heads.append(heads[last_outer] if r.continued and last_outer >= 0 else i)
        last_outer = i
    return heads


# ---------------------------------------------------------------------------
# Sentences


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ABBREVIATIONS = _words(
    """Mr Mrs Ms Dr Prof Gen Col Lt Sgt Capt Cmdr Maj Adm Gov Sen Rep St Mt Ft Rev Hon Jr Sr
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos vs etc Inc Ltd Co Corp Bros
    approx dept est al cf"""
)
_INITIALS = re.compile(r"[A-HJ-Z]|(?:[A-Za-z]\.)+[A-Za-z]")
_TOKEN_SPLIT = re.compile(r"[\s(\[\"'“‘«„—–/-]")
_BOUNDARY = re.compile(r"[.!?…]+[)\]\"'”’»›]*(?=\s+[(\[\"'“‘«„‚‹]?[A-Z0-9À-ÖØ-Þ])")


def _after_abbreviation(text: str, m: re.Match[str], lo: int) -> bool:
    if m.group()[0] != "." or m.group().count(".") > 1:
        return False
    token = _TOKEN_SPLIT.split(text[max(lo, m.start() - 16) : m.start()])[-1]
    return token in _ABBREVIATIONS or _INITIALS.fullmatch(token) is not None


def _trim(text: str, start: int, end: int) -> Sentence | None:
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return None
    while text[end - 1].isspace():
        end -= 1
    return Sentence(first.start(), end)


# ---------------------------------------------------------------------------
# Attribution

_CLAUSE_BREAK = re.compile(r";|,\s+(?:but|while|whereas)\b")
# A trailing cue's subject: at most six words after a comma, quote or dash.
_TRAILING_HEAD = re.compile(r"[,\"”’»—–]\s*((?:[\w'’.-]+\s+){0,6})\Z")
_SUBORDINATORS = _words(
    """that which who whom whose what after before when because as if since until although
    though unless whether where"""
)
_CLAUSAL = _SUBORDINATORS | _words(
    """i you he she it we they is was were are be been am has have had do does did will would
    shall should can could may might must"""
)
_WORDS = re.compile(r"[\w'’]+")
_TAIL_WORDS = 8
_LOOK = 80  # characters a trailing cue's context may span
_ATTRIBUTING = frozenset({"verb", "phrase"})
_INVERTED = frozenset(',"”’»')  # right before the verb: "...," said Ms Lee, a local MP.


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


@lru_cache(maxsize=1)
def _attribution_after() -> re.Pattern[str]:
    """After a closing mark: a speaker and a reporting verb (``"Stop!" Smith said``);
    group ``bare`` when nothing but punctuation follows the verb (``"Stop." he said.``)."""
    speaker = r"\s+[A-Z][\w'’-]*\s+(?:[\w'’-]+\s+){0,2}?"
    return re.compile(rf"{speaker}(?:{verb_pattern()})\b(?P<bare>\s*[,.])?")


@dataclass(frozen=True, slots=True)
class _CueIndex:
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

    def count(self, prefix: Sequence[int], start: int, end: int) -> int:
        """How many cues counted by ``prefix`` (one of the two lists) start in ``[start, end)``."""
        return prefix[bisect_left(self.starts, end)] - prefix[bisect_left(self.starts, start)]


_NO_CUES = _CueIndex((), [], [0], [0], {})


class Regions:
    """Quotations, sentences, paragraphs and attribution of one document."""

    __slots__ = (
        "_chain_heads",
        "_clause_breaks",
        "_cues",
        "_paragraph_starts",
        "_parents",
        "_quotation_starts",
        "_sentence_starts",
        "_sources",
        "_text",
        "marks",
        "paragraphs",
        "quotations",
        "sentences",
        "unclosed",
    )

    def __init__(self, text: str, blocks: Sequence[Block]) -> None:
        self._text = text
        self.paragraphs = tuple(Paragraph(b.start, b.end, b.kind) for b in blocks)
        self._paragraph_starts = [p.start for p in self.paragraphs]
        raws, offsets, roles = _pair(text, blocks)
        quotations, self._parents = _nest(raws)
        self.quotations: tuple[Quotation, ...] = tuple(quotations)
        self.unclosed: tuple[Quotation, ...] = tuple(
            q for q, r in zip(quotations, raws, strict=True) if not r.closed and not r.carried
        )
        self.marks: tuple[QuoteMark, ...] = tuple(
            QuoteMark(offset, text[offset], role) for offset, role in zip(offsets, roles, strict=True)
        )
        self._chain_heads = _chain_heads(raws, self._parents)
        self._quotation_starts = [q.start for q in quotations]
        self.sentences: tuple[Sentence, ...] = tuple(s for p in self.paragraphs for s in self._split(p))
        self._sentence_starts = [s.start for s in self.sentences]
        self._clause_breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
        self._cues: dict[int, _CueIndex] = {}
        self._sources: dict[int, tuple[Cue, ...]] = {}  # every cue of a sentence, sources too

    # -- lookups -------------------------------------------------------------

    def in_quotation(self, start: int, end: int) -> Quotation | None:
        """The innermost quotation whose content contains ``[start, end)``."""
        i = bisect_right(self._quotation_starts, start) - 1
        while i >= 0:
            q = self.quotations[i]
            if q.content_start <= start and end <= q.content_end:
                return q
            i = self._parents[i]
        return None

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing ``offset`` (its end included), else an empty one there."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset <= self.sentences[i].end:
            return self.sentences[i]
        return Sentence(offset, offset)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph (block) containing ``offset`` (its end included), or None."""
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    # -- sentences -----------------------------------------------------------

    def _split(self, paragraph: Paragraph) -> Iterator[Sentence]:
        start = paragraph.start
        for m in _BOUNDARY.finditer(self._text, paragraph.start, paragraph.end):
            if self._continues(m, paragraph.start):
                continue
            sentence = _trim(self._text, start, m.end())
            if sentence is not None:
                yield sentence
            start = m.end()
        last = _trim(self._text, start, paragraph.end)
        if last is not None:
            yield last

    def _continues(self, m: re.Match[str], lo: int) -> bool:
        """True when the candidate boundary ``m`` does not end the sentence."""
        if _after_abbreviation(self._text, m, lo):
            return True
        if m.group()[-1] in "\"'”’»›" and self._attributes_quote(m):
            return True
        q = self.in_quotation(m.start(), m.start() + 1)
        return q is not None and self._carries_on(q)

    def _attributes_quote(self, m: re.Match[str]) -> bool:
        """``"Stop!" Smith said`` or ``"Stop." He said.``, but not ``"Stop." She said more.``"""
        after = _attribution_after().match(self._text, m.end())
        return after is not None and ("." not in m.group() or after["bare"] is not None)

    def _carries_on(self, q: Quotation) -> bool:
        """A closed quotation whose sentence goes on in lower case: ``"Stop. Now" and left``."""
        if not q.closed or self._text[q.content_end - 1 : q.content_end] in ",.!?…;:":
            return False
        after = self._text[q.end : q.end + 8].lstrip()
        return after[:1].islower()

    # -- attribution ---------------------------------------------------------

    def voice(self, start: int, end: int) -> Voice:
        """Whose words ``text[start:end]`` are: quoted, attributed to a source, or the writer's."""
        if self.in_quotation(start, end) is not None:
            return Voice.QUOTED
        if self.is_attributed(start, end):
            return Voice.ATTRIBUTED
        return Voice.OWN

    def is_attributed(self, start: int, end: int) -> bool:
        """True when a reporting cue in the span's clause governs the span, or the
        span is inside a quotation whose first or last sentence carries a cue."""
        q = self.in_quotation(start, end)
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
        return index.count(index.reporting, sentence.start, sentence.end) > 0

    def cue_spans(self, start: int, end: int, *, sources: bool = True) -> tuple[Cue, ...]:
        """Every cue (verb, phrase, noun, and with ``sources`` source and name) inside
        ``[start, end)``, in order."""
        first = max(bisect_right(self._sentence_starts, start) - 1, 0)
        last = bisect_left(self._sentence_starts, end)
        found: list[Cue] = []
        for i in range(first, last):
            cues = self._every_cue(i) if sources else self._sentence_cues(i).cues
            found += (c for c in cues if start <= c.start and c.end <= end)
        return tuple(found)

    def _clause(self, offset: int) -> tuple[int, int]:
        sentence = self.sentence_at(offset)
        breaks = self._clause_breaks
        i = bisect_right(breaks, offset)
        lo = max(sentence.start, breaks[i - 1]) if i > 0 else sentence.start
        hi = min(sentence.end, breaks[i]) if i < len(breaks) else sentence.end
        return lo, hi

    def _quotation_attributed(self, q: Quotation) -> bool:
        i = bisect_left(self._quotation_starts, q.start)
        while self._parents[i] >= 0:
            i = self._parents[i]
        outer, head = self.quotations[i], self.quotations[self._chain_heads[i]]
        for offset in (head.start, outer.start, outer.end - 1):
            sentence = self.sentence_at(offset)
            index = self._cue_index(sentence.start)
            if index.count(index.attributing, sentence.start, sentence.end) > 0:
                return True
        return False

    def _cue_index(self, offset: int) -> _CueIndex:
        """The cue index of the sentence containing ``offset`` (none outside sentences)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0 or offset > self.sentences[i].end:
            return _NO_CUES
        return self._sentence_cues(i)

    def _sentence_cues(self, i: int) -> _CueIndex:
        """Sentence ``i``'s cues and what they attribute, found on first use: most
        stories need attribution only around a few quotations and claims. Clauses lie
        inside sentences, so nothing a cue attributes reaches past its sentence, and
        a cue never runs on into the next paragraph (``Reuters\n\nRevenues`` is no name)."""
        index = self._cues.get(i)
        if index is None:
            sentence = self.sentences[i]
            # One regex, so the cues come in order and never overlap.
            cues = list(reporting_cues(self._text, sentence.start, sentence.end))
            index = self._cues[i] = self._index(cues)
        return index

    def _every_cue(self, i: int) -> tuple[Cue, ...]:
        """Sentence ``i``'s reporting cues with its source nouns and names, in order. Only
        a speaker search needs the sources, so they are found apart, on first use."""
        found = self._sources.get(i)
        if found is None:
            sentence = self.sentences[i]
            sources = source_cues(self._text, sentence.start, sentence.end)
            found = self._sources[i] = tuple(
                sorted((*self._sentence_cues(i).cues, *sources), key=lambda c: (c.start, c.end))
            )
        return found

    def _index(self, cues: Sequence[Cue]) -> _CueIndex:
        reporting, attributing = [0], [0]
        clauses: dict[int, tuple[int, int]] = {}
        for cue in cues:
            quoted = self.in_quotation(cue.start, cue.end) is not None
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


def quotation_spans(text: str, blocks: Sequence[Block]) -> list[tuple[int, int, bool]]:
    """Just the quotations' (start, end, closed), without sentences or cues: for a quick
    second reading of a text with some marks changed."""
    raws, _, _ = _pair(text, blocks)
    return [(r.start, r.end, r.closed) for r in raws]


def prepare() -> None:
    """Compile the cue and attribution patterns now rather than on first use."""
    _attribution_after()


def analyse(doc: Document) -> Regions:
    """Build the regions of ``doc`` (use ``doc.regions``, which caches the result)."""
    return Regions(doc.text, doc.blocks)
