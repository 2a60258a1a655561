"""Line-level helpers of the Markdown block pass (:mod:`linter.markup.markdown`): columns and
indentation, block-quote markers, front matter, table rows, thematic-break tails. Each reads
one line (front matter: the start of the file) at most once.
"""

from __future__ import annotations

import re
from itertools import pairwise

from linter.lib.cache import compile_pattern
from linter.markup.view import Span

_PIPE = compile_pattern(r"(?<!\\)\|")
_FRONT = compile_pattern(
    # blank or comment lines; a CR before an LF is never a line of its own, or each CRLF
    # could be read two ways and a file of CRLFs with no front matter takes 2**n tries
    r"(?:[ \t]*(?:<!--(?:[^\r\n-]|-(?!->))*-->[ \t]*)*(?:\r\n|\r(?!\n)|\n))*"
    r"((?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n))"
)
_FRONT_END = {
    "-": re.compile(r"[\r\n](?:---|\.\.\.)[ \t]*(?=[\r\n]|$)"),
    "+": re.compile(r"[\r\n]\+\+\+[ \t]*(?=[\r\n]|$)"),
}


def uniform_tail(line: str) -> int:
    """Where the tail of ``line`` made of spaces, tabs and one of ``-*_`` starts: a thematic
    break can start only there, so the regex is not tried (to the end of the line) elsewhere."""
    i, mark = len(line), ""
    while i and (line[i - 1] in " \t" or (line[i - 1] in "-*_" and mark in ("", line[i - 1]))):
        mark = mark if line[i - 1] in " \t" else line[i - 1]
        i -= 1
    return i


def indent(line: str, i: int, col: int, limit: int) -> tuple[int, int]:
    """Skip spaces and tabs from ``line[i]`` (at column ``col``) up to column ``limit``."""
    while col < limit and i < len(line) and line[i] in " \t":
        col = (col // 4 + 1) * 4 if line[i] == "\t" else col + 1
        i += 1
    return i, col


def after_quote(line: str, j: int, col: int) -> tuple[int, int]:
    """Past the ``>`` at ``line[j]`` and one optional space."""
    i, col = j + 1, col + 1
    if line[i : i + 1] in (" ", "\t"):
        i, col = i + 1, col + 1
    return i, col


def front_matter(source: str) -> Span:
    """YAML (``---``) or TOML (``+++``) front matter, after blank or comment lines only."""
    m = _FRONT.match(source)
    end = m and _FRONT_END[source[m.start(1)]].search(source, m.end() - 1)
    return (m.start(1), end.end()) if m and end else (0, 0)


def row(source: str, a: int, b: int) -> tuple[list[Span], list[int]]:
    """The cells of the table row ``source[a:b]`` and the pipes between them."""
    pipes = [m.start() for m in _PIPE.finditer(source, a, b)]
    edges = [a - 1, *pipes, b]
    cells = [(s + 1, e) for s, e in pairwise(edges)]
    if pipes and not source[a : pipes[0]].strip():
        cells.pop(0)
    if pipes and not source[pipes[-1] + 1 : b].strip():
        cells.pop()
    return cells, pipes
