"""``check --format html``: one draft's page to stdout or ``--output-file``, or a folder
(``--output-dir``) with an index page and a page per draft."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from linter.report import Part
from linter.report.html import html_index, page_address


def write_folder(folder: Path, parts: Sequence[Part], errors: Sequence[tuple[str, str]]) -> Path:
    """Write every page and the index into ``folder``; the index's path. Raises OSError."""
    pages = []
    for part in parts:
        address = page_address(part.path)
        target = folder / address
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(part.text, encoding="utf-8", newline="\n")
        pages.append((part.path, address, part.tally))
    index = folder / "index.html"
    index.write_text(html_index(pages, errors), encoding="utf-8", newline="\n")
    return index
