"""The result every stripper returns."""

from __future__ import annotations

from typing import NamedTuple

from linter.model.document import IDENTITY, Block, OffsetMap


class Stripped(NamedTuple):
    text: str
    blocks: tuple[Block, ...]
    offsets: OffsetMap = IDENTITY
