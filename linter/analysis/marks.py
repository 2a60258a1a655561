"""The quote marks of a document, kept compact: an archive in one file has millions, most
of them apostrophes."""

from array import array
from collections.abc import Iterator, Sequence
from typing import NamedTuple


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
