"""The units counting kinds work over: blocks, sentences, paragraphs, the document."""

from __future__ import annotations

from collections.abc import Iterator

from linter.analysis import Analysis
from linter.lib.cache import compile_pattern
from linter.model.document import Document
from linter.model.rule import Scope

_WORD = compile_pattern(r"\w[\w'’-]*")


def units(doc: Document, an: Analysis, scope: Scope) -> Iterator[tuple[int, int]]:
    """(start, end) of each unit the scope names, in ``doc.text`` offsets."""
    blocks = [b for b in doc.blocks if scope.admits(b.kind)]
    if scope.unit == "document":
        if blocks:
            yield blocks[0].start, blocks[-1].end
    elif scope.unit == "sentence":
        for s in an.sentences.sentences:
            block = doc.block_at(s.start)
            if block is not None and scope.admits(block.kind):
                yield s.start, s.end
    elif scope.unit == "paragraph":
        for p in an.sentences.paragraphs:
            if scope.admits(p.kind):
                yield p.start, p.end
    else:
        for b in blocks:
            yield b.start, b.end


def first_word(text: str, start: int, end: int) -> tuple[int, int] | None:
    m = _WORD.search(text, start, end)
    return (m.start(), m.end()) if m else None
