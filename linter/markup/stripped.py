"""The result every stripper returns."""

from typing import NamedTuple

from linter.model.document import IDENTITY, Block, OffsetMap


class Stripped(NamedTuple):
    text: str
    blocks: tuple[Block, ...]
    offsets: OffsetMap = IDENTITY
    # Inline quotations whose marks the format draws itself (HTML ``<q>``): text spans.
    inline_quotes: tuple[tuple[int, int], ...] = ()
