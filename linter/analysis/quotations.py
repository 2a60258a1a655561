"""Quotations: every quote mark found, classified and paired.

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

Everything is in ``doc.text`` offsets; :func:`find_quotations` builds a
:class:`Quotations` once per document and every lookup on it is a bisection.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from linter.analysis.marks import Mark, MarkList, QuoteMark, is_apostrophe, is_space, read_mark
from linter.lib.cache import compile_pattern
from linter.model.document import Block

MAX_DEPTH = 32  # deeper opening marks are not quotations (keeps unbalanced input linear)

_MARKS = compile_pattern(r"[\"'“”‘’«»„‚‹›]")
_TERMINAL = frozenset(".!?…")
_LEADING_OPENERS = {"d": frozenset('"“„«'), "s": frozenset("'‘‚‹")}
# The look-behind follows the first mark so that the search can skip to quote marks.
_ROCK_N_ROLL = compile_pattern(r"['’](?<!\S['’])n['’](?!\S)")
_NON_SPACE = compile_pattern(r"\S")
__all__ = ["MAX_DEPTH", "MarkList", "Quotation", "Quotations", "QuoteMark", "quotation_spans"]


class Quotation(NamedTuple):
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


# ---------------------------------------------------------------------------
# Pairing


class _Open(NamedTuple):
    mark: Mark
    continued: bool


class _Raw(NamedTuple):  # made for every quotation, twice when a house style is checked
    """A quotation before depths are known; ``carried`` means continued later."""

    start: int
    end: int
    open_mark: str
    close_mark: str
    closed: bool
    continued: bool
    carried: bool = False


class _Pairer:
    """Pairs the marks of one paragraph with a stack bounded by MAX_DEPTH. ``lead`` is the
    offset of the paragraph's first mark when it may continue a quotation, else -1."""

    __slots__ = ("found", "hi", "lead", "lo", "roles", "stack", "text")

    def __init__(self, text: str, lo: int, hi: int, roles: list[str], lead: int) -> None:
        self.text, self.lo, self.hi, self.roles, self.lead = text, lo, hi, roles, lead
        self.stack: list[_Open] = []
        self.found: list[_Raw] = []

    def run(self, marks: Sequence[Mark], rock_n_roll: frozenset[int]) -> None:
        weak_ok = _weak_closers_allowed(marks)
        for k, mark in enumerate(marks):
            if is_apostrophe(self.text, mark, rock_n_roll):
                self.roles[mark.number] = "apostrophe"
            else:
                self.roles[mark.number] = self._feed(mark, weak_ok[k])

    def _find(self, family: str) -> int | None:
        for j in range(len(self.stack) - 1, -1, -1):
            if self.stack[j].mark.family == family:
                return j
        return None

    def _feed(self, mark: Mark, weak_ok: bool) -> str:
        j = self._find(mark.family)
        if j is not None and self._closes(mark, j, weak_ok):
            self._close(mark, j)
            return "close"
        if mark.char in "'’" and mark.prev.isalnum():
            return "apostrophe"  # runnin', the ministers' meeting
        if mark.opens or self._glued(mark):
            return self._open(mark, j)
        return "close" if mark.closes and mark.char in '"”»›' else "ambiguous"

    def _closes(self, mark: Mark, j: int, weak_ok: bool) -> bool:
        char = mark.char
        if char in "„‚":
            return False
        if char in "”»›":
            return not is_space(mark.prev)
        if char in "'’":
            return mark.closes and (mark.strong or weak_ok)
        if char == '"':
            loose = not mark.opens and not mark.closes  # 'loud, " he said' or 'carpet."It'
            return loose or (mark.closes and (not mark.opens or j == len(self.stack) - 1))
        # “ ‘ « ‹ closing German and reversed styles; before punctuation or the end
        # they close even after another mark (German „Er sagte ‚nein‘“, sagte sie.)
        return mark.closes and (not mark.opens or not mark.nxt or mark.nxt in ",.;:!?…")

    @staticmethod
    def _glued(mark: Mark) -> bool:
        """A straight double mark between two non-spaces, opening: ``carpet."It's``."""
        return mark.char == '"' and not mark.closes and not is_space(mark.nxt)

    def _open(self, mark: Mark, j: int | None) -> str:
        if j is not None and mark.char != "'" and self._after_sentence(mark.offset):
            self._unwind(j, self._end_before(mark.offset), carried=True)
            self.stack.append(_Open(mark, continued=True))
            return "open"
        if len(self.stack) >= MAX_DEPTH:
            return "ambiguous"
        self.stack.append(_Open(mark, continued=mark.offset == self.lead))
        return "open"

    def _close(self, mark: Mark, j: int) -> None:
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
                self.roles[entry.mark.number] = "ambiguous"  # an unpaired ' is not a quotation
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


def _weak_closers_allowed(marks: Sequence[Mark]) -> list[bool]:
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
        marks = [read_mark(text, offsets[k], k, block.start, block.end) for k in range(lo, hi)]
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


class Quotations:
    """The quotations of one document (sorted by start, outer first), every quote mark with
    its role, and the nesting and continuation chains between quotations."""

    __slots__ = ("chain_heads", "marks", "parents", "quotations", "starts", "unclosed")

    def __init__(self, text: str, blocks: Sequence[Block]) -> None:
        raws, offsets, roles = _pair(text, blocks)
        quotations, parents = _nest(raws)
        self.quotations: tuple[Quotation, ...] = tuple(quotations)
        # parents[i]: the index of the quotation that encloses quotation i, or -1
        self.parents: tuple[int, ...] = tuple(parents)
        # chain_heads[i]: the first quotation of i's continuation chain (multi-paragraph quotes)
        self.chain_heads: tuple[int, ...] = tuple(_chain_heads(raws, parents))
        self.starts: tuple[int, ...] = tuple(q.start for q in quotations)
        self.unclosed: tuple[Quotation, ...] = tuple(
            q for q, r in zip(quotations, raws, strict=True) if not r.closed and not r.carried
        )
        self.marks = MarkList(offsets, "".join([text[offset] for offset in offsets]), roles)

    def in_quotation(self, start: int, end: int) -> Quotation | None:
        """The innermost quotation whose content contains ``[start, end)``."""
        i = bisect_right(self.starts, start) - 1
        while i >= 0:
            q = self.quotations[i]
            if q.content_start <= start and end <= q.content_end:
                return q
            i = self.parents[i]
        return None

    def index(self, q: Quotation) -> int:
        """The position of ``q`` in :attr:`quotations`."""
        return bisect_left(self.starts, q.start)


# The second reading of a text with some marks changed goes a run of blocks at a time, each
# run this many characters or more, and reads this many characters on each side of it.
_RUN = 1 << 16
_CONTEXT = 8  # a mark's reading looks at most 4 characters past its block ('90s)


def quotation_spans(text: str, blocks: Sequence[Block], marks: Sequence[int],
                    changes: Sequence[tuple[int, str]]) -> list[tuple[int, int, bool]]:
    """Just the quotations' (start, end, closed) of ``text`` with the mark at each offset
    of ``changes`` made the character given, for a quick second reading; ``marks`` are
    the offsets of its quote marks. Nothing is carried past a block with no mark, so runs
    of blocks between such blocks are read one by one: no copy of the whole text is made."""
    spans: list[tuple[int, int, bool]] = []
    run: list[Block] = []
    for block in blocks:
        if bisect_left(marks, block.start) == bisect_left(marks, block.end):  # no mark
            if run and block.start - run[0].start >= _RUN:
                spans += _run_spans(text, run, changes)
                run = []
            continue
        run.append(block)
    if run:
        spans += _run_spans(text, run, changes)
    return spans


def _run_spans(text: str, run: list[Block],
               changes: Sequence[tuple[int, str]]) -> list[tuple[int, int, bool]]:
    lo, hi = max(0, run[0].start - _CONTEXT), min(len(text), run[-1].end + _CONTEXT)
    pieces: list[str] = []
    done = lo
    for k in range(bisect_left(changes, (lo, "")), bisect_left(changes, (hi, ""))):
        offset, char = changes[k]
        pieces += (text[done:offset], char)
        done = offset + 1
    pieces.append(text[done:hi])
    raws, _, _ = _pair("".join(pieces), [Block(b.kind, b.start - lo, b.end - lo) for b in run])
    return [(r.start + lo, r.end + lo, r.closed) for r in raws]
