"""The result every stripper returns."""

from typing import NamedTuple

from linter.model.document import IDENTITY, Block, OffsetMap


class Stripped(NamedTuple):
    text: str
    blocks: tuple[Block, ...]
    offsets: OffsetMap = IDENTITY
