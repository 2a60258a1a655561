"""The quote marks of a document: each read in its context (which side of a word it
stands, whether it is an apostrophe), then kept compact once paired: an archive in one
file has millions, most of them apostrophes."""

from array import array
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from linter.lib.cache import compile_pattern

DOUBLE = '"“”«»„'
SINGLE = "'‘’‹›‚"
_OPEN_AFTER = frozenset("([{-—–/" + DOUBLE + SINGLE)
_CLOSE_BEFORE = frozenset(".,;:!?)]}…—–-/" + DOUBLE + SINGLE)
_PUNCTUATION = frozenset(".,;:!?…—–-")
_DECADE = compile_pattern(r"\d\d(?:s\b|\b)")


class Mark(NamedTuple):  # made for every quote mark, twice when a house style is checked
    """A quote mark read in its context, for pairing."""

    number: int  # position in the document's list of marks
    offset: int
    char: str
    family: str  # "d" double, "s" single
    opens: bool  # opener context: after a space/bracket, before a non-space
    closes: bool  # closer context: after a non-space, before a space/punctuation/end
    strong: bool  # closer context with punctuation next to it, or at the paragraph end
    prev: str
    nxt: str


def is_space(char: str) -> bool:
    return not char or char.isspace()


def read_mark(text: str, i: int, index: int, lo: int, hi: int) -> Mark:
    """The mark at ``text[i]`` (``index`` in the document's list), in its block ``[lo, hi)``."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    char = text[i]
    prev_space = not prev or prev.isspace()
    next_space = not nxt or nxt.isspace()
    closes = not prev_space and (next_space or nxt in _CLOSE_BEFORE)
    return Mark(
        index,
        i,
        char,
        "d" if char in DOUBLE else "s",
        (prev_space or prev in _OPEN_AFTER) and not next_space,
        closes,
        closes and (prev in _PUNCTUATION or not nxt or nxt in _CLOSE_BEFORE),
        prev,
        nxt,
    )


def is_apostrophe(text: str, mark: Mark, rock_n_roll: frozenset[int]) -> bool:
    """Apostrophes decided by context alone: don't, it’s, '90s, ’em, rock 'n' roll."""
    if mark.offset in rock_n_roll:
        return True
    if mark.char in "'’" and mark.prev.isalnum() and mark.nxt.isalpha():
        return True
    if mark.char in "'’‘" and mark.opens and _DECADE.match(text, mark.offset + 1):
        return True
    return mark.char == "’" and mark.opens


class QuoteMark(NamedTuple):
    """One quote-mark character: role is open, close, apostrophe or ambiguous."""

    offset: int
    char: str
    role: str


_ROLES = ("open", "close", "apostrophe", "ambiguous")
_ROLE_CODES = {role: code for code, role in enumerate(_ROLES)}


class MarkList:
    """Every quote mark of a document, kept as an array of offsets, a string of the marks
    and a byte for each role (10 bytes a mark, not about 110 for a tuple of NamedTuples:
    most are apostrophes, and an archive in one file has millions); each is a
    :class:`QuoteMark` when read."""

    __slots__ = ("_chars", "_roles", "offsets")

    def __init__(self, offsets: Sequence[int], chars: str, roles: Sequence[str]) -> None:
        self.offsets: Sequence[int] = array("q", offsets)  # in order
        self._chars = chars
        self._roles = bytes(_ROLE_CODES[role] for role in roles)

    def __len__(self) -> int:
        return len(self.offsets)

    def __getitem__(self, i: int) -> QuoteMark:
        return QuoteMark(self.offsets[i], self._chars[i], _ROLES[self._roles[i]])

    def __iter__(self) -> Iterator[QuoteMark]:
        return map(QuoteMark, self.offsets, self._chars, map(_ROLES.__getitem__, self._roles))
