"""Offsets in UTF-16 code units, for clients that count them (LanguageTool's, browsers).

copydesk counts code points; a character outside the Basic Multilingual Plane (an emoji,
many CJK extension characters) is one code point but two UTF-16 units. Only the edges
that talk to such clients convert, through :class:`Utf16`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _astral(text: str) -> tuple[int, ...]:
    """The code-point offsets of the characters outside the Basic Multilingual Plane."""
    if text.isascii():
        return ()
    return tuple(m.start() for m in _ASTRAL.finditer(text))


@dataclass(frozen=True)
class Utf16:
    """Code-point offsets into ``text`` turned into UTF-16 offsets (and back)."""

    text: str
    _astral: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_astral", _astral(self.text))

    def offset(self, position: int) -> int:
        """The UTF-16 offset of code-point offset ``position``."""
        return position + bisect_left(self._astral, position)

    def span(self, start: int, length: int) -> tuple[int, int]:
        """(offset, length) in UTF-16 units of a code-point span."""
        begin = self.offset(start)
        return begin, self.offset(start + length) - begin

    def position(self, offset: int) -> int:
        """The code-point offset of UTF-16 offset ``offset`` (inside a pair: the pair's)."""
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.offset(mid) <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def length(text: str) -> int:
    """``len(text)`` in UTF-16 code units."""
    return len(text) + len(_astral(text))
