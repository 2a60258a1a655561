"""A decoded draft: its source, the prose text the rules see, and one coordinate system.

Rules match against ``text``: the prose a reader sees, with markup, code and
comments, soft hyphens and zero-width characters left out and entities decoded
(:mod:`linter.markup.view`); where it differs from ``source`` in length, an
:class:`OffsetMap` says how. Every position a user sees is computed here, from
0-based code-point offsets into ``source``.
"""

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate, count
from operator import add
from typing import NamedTuple

# The longest first line of a plain-text draft that can be its headline.
HEADLINE_MAX = 120
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_OTHER_SPACE = re.compile(r"[^\S ]")
# The ASCII characters ``\s`` matches besides the space (str.isspace: \t-\r and \x1c-\x1f).
_ASCII_SPACE = bytes(c for c in range(128) if chr(c).isspace() and c != 32)
_ASCII_SPACED = bytes.maketrans(_ASCII_SPACE, b" " * len(_ASCII_SPACE))


def spaced(text: str) -> str:
    """``text`` with every white-space character a plain space (same length)."""
    if text.isascii():  # most copy: a byte table does it about six times faster than the pattern
        return text.encode("ascii").translate(_ASCII_SPACED).decode("ascii")
    return _OTHER_SPACE.sub(" ", text)


# str.casefold() works in a buffer of 12 bytes a character (three 4-byte code points at
# most for each): for a 50 MB text, 600 MB at once. Folding maps each character on its
# own, so slices folded one by one and joined give the same text.
_FOLD_SLICE = 1 << 16
# Up to this size, the lines of a text are found by str.split: faster than a pattern, but
# it holds every line as a string at once.
SPLIT_MAX = 1 << 20


def fold_view(text: str) -> str:
    """``text`` case-folded, every white-space character a plain space: a window of
    :attr:`Document.folded` (folding maps each character on its own)."""
    return spaced(casefold(text))


def casefold(text: str) -> str:
    """``text.casefold()``, with a buffer the size of one slice, not of the text."""
    if text.isascii():
        return text.lower()  # the same for ASCII, and made in place
    if len(text) <= _FOLD_SLICE:
        return text.casefold()
    return "".join([text[i:i + _FOLD_SLICE].casefold() for i in range(0, len(text), _FOLD_SLICE)])


class Block(NamedTuple):
    """A run of prose in ``text`` coordinates: a paragraph, heading, list item, ..."""

    kind: str
    start: int
    end: int


class OffsetMap(NamedTuple):
    """Where ``text`` and ``source`` differ (see :mod:`linter.markup.view`).

    Each entry says: ``text[t:t+tl]`` stands for ``source[s:s+sl]``, where ``tl`` is 0
    (markup or an invisible character, left out of the text) or 1 (an entity decoded, or
    markup read as one space). Entries are in order, in both text and source; outside
    them the two advance together. Make one with :meth:`of`, which derives ``text_ends``
    (no field has a default, so a map made without them is an error, not a wrong map).
    """

    text_starts: tuple[int, ...]
    text_lens: tuple[int, ...]
    src_starts: tuple[int, ...]
    src_lens: tuple[int, ...]
    text_ends: tuple[int, ...]

    @classmethod
    def of(cls, text_starts: tuple[int, ...], text_lens: tuple[int, ...], src_starts: tuple[int, ...],
           src_lens: tuple[int, ...]) -> "OffsetMap":
        ends = tuple(t + n for t, n in zip(text_starts, text_lens, strict=True))
        return cls(text_starts, text_lens, src_starts, src_lens, ends)

    def _start(self, pos: int) -> int:
        """Where in the source the text character at ``pos`` starts (past any markup left
        out just before it)."""
        k = bisect_right(self.text_starts, pos) - 1
        if k >= 0 and self.text_starts[k] == pos and self.text_lens[k]:
            return self.src_starts[k]
        j = bisect_right(self.text_ends, pos) - 1
        return pos if j < 0 else self.src_starts[j] + self.src_lens[j] + pos - self.text_ends[j]

    def to_source(self, pos: int, *, end: bool = False) -> int:
        """Map a text offset to a source offset; ``end`` for exclusive ends (which stop
        before any markup left out right after the last character)."""
        if not end or pos == 0:
            return self._start(pos)
        k = bisect_right(self.text_starts, pos - 1) - 1
        if k >= 0 and self.text_starts[k] == pos - 1 and self.text_lens[k]:
            return self.src_starts[k] + self.src_lens[k]
        return self._start(pos - 1) + 1

    def to_text(self, pos: int) -> int:
        """Map a source offset to a text offset: inside markup left out, where the text
        goes on; inside what the text reads as one character, its start (at its first
        source character) or its end."""
        i = bisect_right(self.src_starts, pos) - 1
        if i < 0:
            return pos
        t, s = self.text_starts[i], self.src_starts[i]
        if pos < s + self.src_lens[i]:
            return t if pos == s or not self.text_lens[i] else t + 1
        return self.text_ends[i] + pos - s - self.src_lens[i]


IDENTITY = OffsetMap.of((), (), (), ())


class Document:
    """One draft: a value (nothing writes to it after it is made). The positions and the
    case-folded text views are derived on first use; analyses of the text live apart
    (:class:`linter.analysis.Analysis`)."""

    def __init__(
        self,
        path: str,
        source: str,
        text: str,
        fmt: str,
        blocks: tuple[Block, ...],
        offsets: OffsetMap = IDENTITY,
        inline_quotes: tuple[tuple[int, int], ...] = (),
    ) -> None:
        self.path = path
        self.source = source
        self.text = text
        self.fmt = fmt
        self.blocks = blocks
        self.offsets = offsets
        # Text spans of inline quotations whose marks are markup, not text (HTML ``<q>``),
        # in order; one inside another is left out.
        self.inline_quotes = inline_quotes

    @cached_property
    def line_starts(self) -> Sequence[int]:
        """Where each line of the source starts: machine integers (8 bytes a line, not 40)."""
        source = self.source
        starts = array("q", (0,))
        if "\r" in source or len(source) > SPLIT_MAX:
            starts.extend(m.end() for m in _LINE_BREAK.finditer(source))
            return starts
        # Line k starts past k newlines and the k lines before it.
        before = accumulate(map(len, source.split("\n")[:-1]))
        starts.extend(map(add, before, count(1)))
        return starts

    @cached_property
    def casefolded(self) -> str:
        """``text.casefold()``: what the prefilter reads when :attr:`folded` is None."""
        return casefold(self.text)

    @cached_property
    def folded(self) -> str | None:
        """``text.casefold()`` with every white-space character a plain space, when that
        keeps every offset (same length), else None. What the prefix scanner reads when
        no prefilter pass found its start offsets (the pass folds the text a window at a
        time, and keeps none of it).

        Only this copy is kept: holding the case-folded text as well would cost the
        document's size again. When folding changes the length, the folded text is kept as
        :attr:`casefolded` instead."""
        folded = casefold(self.text)
        if len(folded) == len(self.text):
            return spaced(folded)
        self.__dict__["casefolded"] = folded
        return None

    def fold_changes_length(self) -> None:
        """Record that case folding changes the text's length (a pass found it while
        folding): :attr:`folded` is None, without folding the text again."""
        self.__dict__["folded"] = None

    @cached_property
    def block_starts(self) -> tuple[int, ...]:
        """The start of each block, in order (blocks do not overlap)."""
        return tuple(b.start for b in self.blocks)

    def block_at(self, offset: int) -> Block | None:
        """The block whose span contains ``offset`` (a ``text`` offset), if any."""
        i = bisect_right(self.block_starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def inline_quote_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The inline quotation (HTML ``<q>``) that holds ``text[start:end]``, if any."""
        spans = self.inline_quotes
        if not spans:
            return None
        i = bisect_right(spans, (start, len(self.text) + 1)) - 1
        return spans[i] if i >= 0 and spans[i][0] <= start and end <= spans[i][1] else None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based source offset."""
        i = bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``text`` span to the ``source`` span it came from."""
        if not self.offsets.text_starts:  # text and source agree everywhere
            return start, end
        return self.offsets.to_source(start), self.offsets.to_source(end, end=True)

    def line_text(self, line: int) -> str:
        """Source line ``line`` (1-based) without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")
