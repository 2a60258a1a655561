"""LanguageTool's annotated text: a draft sent as parts, each text or markup.

LTeX and the LanguageTool browser extensions send a draft this way (the ``data`` field
of ``/v2/check``): text parts are prose, markup parts are not, and a markup part's
``interpretAs`` says what it stands for in the prose (``"\\n\\n"`` for a paragraph
break). Positions are reported in the whole annotated string (every part's text or
markup, in order), so that is the document's source; its prose text is the text parts
with each markup part replaced by its ``interpretAs`` (or blanked, line breaks kept), and
an :class:`~linter.model.document.OffsetMap` entry wherever that changes a length.
Blocks are found in the prose text as in plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linter.lib.cache import compile_pattern
from linter.markup import plain
from linter.model.document import Document, OffsetMap

_NOT_LINE_BREAK = compile_pattern(r"[^\r\n]")


@dataclass(frozen=True, slots=True)
class Part:
    """One part of an annotated draft: prose (``markup`` False) or markup standing for
    ``interpret_as`` in the prose."""

    content: str
    markup: bool = False
    interpret_as: str = ""


def _prose(part: Part) -> str:
    """What ``part`` reads as in the prose text."""
    if not part.markup:
        return part.content
    if len(part.interpret_as) <= len(part.content):
        if not part.interpret_as:
            return _NOT_LINE_BREAK.sub(" ", part.content)
        return part.interpret_as + " " * (len(part.content) - len(part.interpret_as))
    return part.interpret_as


def annotated_document(path: str, parts: Sequence[Part]) -> Document:
    """The document of an annotated draft (see the module docstring)."""
    source, text = [], []
    starts: list[list[int]] = [[], [], [], []]  # text start, text length, source start, length
    at_source = at_text = 0
    for part in parts:
        prose = _prose(part)
        if len(prose) != len(part.content):
            for column, value in zip(starts, (at_text, len(prose), at_source, len(part.content)),
                                     strict=True):
                column.append(value)
        source.append(part.content)
        text.append(prose)
        at_source += len(part.content)
        at_text += len(prose)
    stripped = plain.strip("".join(text))
    offsets = OffsetMap.of(*(tuple(column) for column in starts))
    return Document(path, "".join(source), stripped.text, "text", stripped.blocks, offsets)
