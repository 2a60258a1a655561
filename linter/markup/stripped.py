"""The result every stripper returns."""

from __future__ import annotations

from dataclasses import dataclass

from linter.model.document import IDENTITY, Block, OffsetMap


@dataclass(frozen=True, slots=True)
class Stripped:
    text: str
    blocks: tuple[Block, ...]
    offsets: OffsetMap = IDENTITY
