"""Plain text: everything is prose. Blocks are paragraphs.

Wire copy comes either hard-wrapped (paragraphs separated by blank lines) or
one paragraph per line with no blank lines between. Suppression comments
(``<!-- copydesk-disable ... -->``), suppression lines (``copydesk: disable ...``
alone on a line) and a CMS's shortcodes (:mod:`linter.markup.shortcodes`) are left out
of the prose. A run of lines is taken as
hard-wrapped when every line is short; otherwise each line is a paragraph of
its own (a short subheading over a paragraph on one long line is two); either
way a line that opens a turn of an interview or a transcript ("A: ...",
"TAMM: ...") after a line that ends a sentence opens a paragraph. A short first
line followed by a blank line and not ending in sentence punctuation is the
headline.
"""

from __future__ import annotations

import re
from itertools import pairwise

from linter.lib.cache import compile_pattern
from linter.markup.shortcodes import shortcode_spans
from linter.markup.stripped import Stripped
from linter.markup.view import finish, has_invisible
from linter.model.document import HEADLINE_MAX, SPLIT_MAX, Block

_WRAP_WIDTH = 90
_LINE = compile_pattern(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _lines(source: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, line break excluded."""
    spans = []
    for m in _LINE.finditer(source):
        if m.start() == len(source) and m.end() == m.start():
            break
        content = m.group().rstrip("\r\n")
        spans.append((m.start(), m.start() + len(content)))
    return spans


def _runs(source: str) -> list[list[tuple[int, int]]]:
    """The runs of non-blank lines, each line as (start, end) without its line break."""
    runs: list[list[tuple[int, int]]] = [[]]
    if "\r" not in source and len(source) <= SPLIT_MAX:  # the usual case: no match object a line
        start = 0
        for line in source.split("\n"):
            end = start + len(line)
            if line and not line.isspace():
                runs[-1].append((start, end))
            elif runs[-1]:
                runs.append([])
            start = end + 1
        return [r for r in runs if r]
    for start, end in _lines(source):
        if source[start:end].strip():
            runs[-1].append((start, end))
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


# A line that opens a turn of an interview or a transcript ("Q: ...", "A: ...", "KELL: ...",
# "Ida Kell: ...": up to four capitalised words and a colon) ...
_TURN = compile_pattern(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}:[ \t]")
# ... right after a line that ends a sentence (its closing marks or brackets aside).
_SENTENCE_END = compile_pattern(r"[.!?…][\"'’”»)\]]*[ \t]*\Z")


def _turns(source: str, run: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """``run`` cut before each line that opens a turn after a line that ends a sentence:
    "Q: Why now?" and the answer on the next line are two paragraphs, not one hard-wrapped
    one (the question's line is short)."""
    parts = [run[:1]]
    for before, line in pairwise(run):
        if (_TURN.match(source, line[0], line[1]) is not None
                and _SENTENCE_END.search(source, before[0], before[1]) is not None):
            parts.append([])
        parts[-1].append(line)
    return parts


def paragraph_blocks(source: str, runs: list[list[tuple[int, int]]]) -> list[Block]:
    blocks = []
    for run in (part for whole in runs for part in (_turns(source, whole) if len(whole) > 1 else (whole,))):
        wrapped = len(run) > 1 and all(e - s <= _WRAP_WIDTH for s, e in run)
        if wrapped:
            blocks.append(Block("paragraph", run[0][0], run[-1][1]))
        else:
            blocks.extend(Block("paragraph", s, e) for s, e in run)
    return blocks


_DIRECTIVE = compile_pattern(r"<!--[ \t]*copydesk-[^>]*-->|^[ \t]*copydesk:[ \t]*[a-z][^\r\n]*", re.MULTILINE)


def strip(source: str) -> Stripped:
    runs = _runs(source)
    blocks = paragraph_blocks(source, runs)
    if len(runs) > 1 and len(runs[0]) == 1:
        s, e = runs[0][0]
        line = source[s:e].rstrip()
        # (a headline may end in a quotation, or trail off: Rank 'set to sell film unit',
        # 'My memories of Marley...')
        tail = line.rstrip("\"'’”»")
        if len(line) <= HEADLINE_MAX and (tail[-1:] not in ".!?:;," or tail.endswith(("...", "…"))):
            blocks[0] = Block("heading", s, e)
    # Suppression comments are not prose, even in plain text, nor are a CMS's shortcodes
    # (which separate the words around them); nor are soft hyphens and zero-width
    # characters (linter.markup.view).
    masks = [m.span() for m in _DIRECTIVE.finditer(source)] if "copydesk" in source else []
    shortcodes = shortcode_spans(source)
    if not masks and not shortcodes and not has_invisible(source):
        return Stripped(source, tuple(blocks))
    return finish(source, masks + shortcodes, [(b.kind, b.start, b.end) for b in blocks],
                  separators=shortcodes)
