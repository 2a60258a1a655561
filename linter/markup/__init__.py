"""Turn a source file into prose text the rules can match, keeping positions.

Each format has one stripper, ``strip(source) -> Stripped``. A stripper finds its
format's markup, code and comments, and :func:`linter.markup.view.finish` makes the
prose text a reader sees: markup left out (one space where it separates words, line
breaks kept), entities decoded, soft hyphens and zero-width characters left out. Each
change of length is recorded in an :class:`~linter.model.document.OffsetMap`, so every
text offset maps back to the source.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from linter.markup.stripped import Stripped
from linter.model.document import Document

# format -> module under linter.markup, imported on first use
STRIPPERS: dict[str, str] = {
    "text": "plain",
    "markdown": "markdown",
    "html": "html",
}


def stripper(fmt: str) -> Callable[[str], Stripped]:
    module = importlib.import_module(f"linter.markup.{STRIPPERS[fmt]}")
    strip: Callable[[str], Stripped] = module.strip
    return strip

FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def format_for(path: str) -> str | None:
    """The format for a file name, or None when copydesk does not read it."""
    dot = path.rfind(".")
    return FORMAT_BY_SUFFIX.get(path[dot:].lower()) if dot >= 0 else None


def make_document(path: str, source: str, fmt: str) -> Document:
    stripped = stripper(fmt)(source)
    return Document(path, source, stripped.text, fmt, stripped.blocks, stripped.offsets,
                    stripped.inline_quotes)
