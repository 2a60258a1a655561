"""The prose text: what a reader of the rendered draft sees, mapped back to the source.

Every stripper finds the spans of its format's markup (``masks``); :func:`finish` turns
the source into the prose text the rules and analyses read, recording each change of
length in an :class:`~linter.model.document.OffsetMap`:

- markup is left out, not blanked: ``The **terrorists** fled`` reads ``The terrorists
  fled``, with one space where the markup was (a run of markup after white space takes
  the spaces or tabs that follow it along), so a rule's single ``\\s``, a look-behind or
  a look-ahead sees the words as a reader does; inside a word (``te<b>rr</b>or``) the
  word stays whole;
- markup that separates words when rendered (a block tag, ``<br>``, a table pipe, code)
  reads as one space when it stands between two words;
- line breaks inside markup are kept, so lines stay lines;
- an entity written in the prose is decoded to the one character it stands for
  (``&amp;``, ``&#8220;``; those that stand for more than one character, or none, stay as
  written);
- a soft hyphen or a zero-width character (``terr\\u00adorists``) is left out, so the
  word it hides in is matched; the finding's span in the source still holds it.

Positions stay exact: a span of the text maps to the source span it came from
(``Document.to_source``), whose text is the finding's ``match``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import lru_cache

from linter.lib.cache import compile_pattern
from linter.markup.stripped import Stripped
from linter.model.document import Block, OffsetMap

Span = tuple[int, int]
Leaf = tuple[str, int, int]

_NOT_BREAK = compile_pattern(r"[^\r\n]+")
_BREAKS = compile_pattern(r"[\r\n]+")
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# Soft hyphen, zero-width space, non-joiner and joiner, word joiner, and a byte-order mark
# inside the text: invisible when rendered, so left out of the prose.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPECIAL = compile_pattern(f"{_ENTITY}|[{INVISIBLE}]")
_HAS_INVISIBLE = compile_pattern(f"[{INVISIBLE}]")


def blank(source: str, spans: Collection[Span]) -> str:
    """``source`` with each span replaced by spaces, line breaks kept (same length): what
    the Markdown inline pass reads between its steps."""
    if not spans:
        return source
    out: list[str] = []
    cur = 0
    for a, b in sorted(spans):
        a = max(a, cur)
        if a >= b:
            continue
        part = source[a:b]
        out.append(source[cur:a])
        if "\n" in part or "\r" in part:
            out.append(_NOT_BREAK.sub(lambda m: " " * len(m.group()), part))
        else:
            out.append(" " * len(part))
        cur = b
    out.append(source[cur:])
    return "".join(out)


def has_invisible(text: str) -> bool:
    return not text.isascii() and _HAS_INVISIBLE.search(text) is not None  # all are non-ASCII


@lru_cache(maxsize=4096)
def _char(entity: str) -> str:
    """The one character an entity stands for, or "" when it is not one."""
    from html import unescape  # only here: a draft without entities never loads the table

    char = unescape(entity)
    return char if len(char) == 1 else ""


def _runs(masks: Collection[Span], separators: Collection[Span]) -> list[tuple[int, int, bool]]:
    """The masks merged where they touch or overlap: (start, end, whether it separates)."""
    marked = set(separators)
    runs: list[tuple[int, int, bool]] = []
    for a, b in sorted(masks):
        if a >= b:
            continue
        if runs and a <= runs[-1][1]:
            start, end, separates = runs[-1]
            runs[-1] = (start, max(end, b), separates or (a, b) in marked)
        else:
            runs.append((a, b, (a, b) in marked))
    return runs


class _Builder:
    """The text, piece by piece, and the offset map's entries."""

    def __init__(self, source: str, keep: Collection[int]) -> None:
        self.source = source
        self.keep = keep
        self.out: list[str] = []
        self.length = 0
        self.last = "\n"  # the last character of the text so far (start: as after a break)
        self.entries: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])

    def add(self, text: str) -> None:
        if text:
            self.out.append(text)
            self.length += len(text)
            self.last = text[-1]

    def entry(self, start: int, end: int, text: str) -> None:
        """``text`` (one character or none) stands for ``source[start:end]``."""
        for column, value in zip(self.entries, (self.length, len(text), start, end - start), strict=True):
            column.append(value)
        self.add(text)

    def prose(self, a: int, b: int) -> None:
        """``source[a:b]`` as prose: entities decoded, invisible characters left out."""
        cur = a
        for m in _SPECIAL.finditer(self.source, a, b):
            if m.group()[0] == "&":
                char = _char(m.group())
                if not char or m.start() in self.keep:
                    continue
                if char in INVISIBLE:  # &shy; is as invisible as the character itself
                    char = ""
            else:
                char = ""
            self.add(self.source[cur:m.start()])
            self.entry(m.start(), m.end(), char)
            cur = m.end()
        self.add(self.source[cur:b])

    def markup(self, a: int, b: int, separates: bool) -> int:
        """Leave ``source[a:b]`` out (its line breaks kept); where it ends its own reading."""
        cur = a
        for m in _BREAKS.finditer(self.source, a, b):
            self.piece(cur, m.start(), separates)
            self.add(m.group())
            cur = m.end()
        return self.piece(cur, b, separates)

    def piece(self, a: int, b: int, separates: bool) -> int:
        if a >= b:
            return b
        after = self.source[b] if b < len(self.source) else "\n"
        if self.last.isspace():
            while b < len(self.source) and self.source[b] in " \t":  # one space, not two
                b += 1
            self.entry(a, b, "")
        elif separates and not after.isspace():
            self.entry(a, b, " ")
        else:
            self.entry(a, b, "")
        return b

    def offsets(self) -> OffsetMap:
        t, tl, s, sl = self.entries
        return OffsetMap.of(tuple(t), tuple(tl), tuple(s), tuple(sl))


def _trim(text: str, leaves: Iterable[Leaf]) -> list[Leaf]:
    """Each leaf cut down to its first and last prose character; empty ones dropped."""
    trimmed = []
    for kind, s, e in leaves:
        part = text[s:e]
        body = part.strip()
        if body:
            start = s + len(part) - len(part.lstrip())
            trimmed.append((kind, start, start + len(body)))
    return trimmed


def finish(source: str, masks: Collection[Span], leaves: Iterable[Leaf], keep: Collection[int] = (),
           separators: Collection[Span] = ()) -> Stripped:
    """The prose text of ``source`` with ``masks`` as markup (``separators`` among them
    separate words), entities decoded (except at ``keep``), and ``leaves`` (source
    offsets) as blocks trimmed to prose."""
    if not masks and "&" not in source and not has_invisible(source):
        return Stripped(source, tuple(Block(*leaf) for leaf in _trim(source, leaves)))
    build = _Builder(source, keep)
    cur = 0
    for a, b, separates in _runs(masks, separators):
        if a < cur:  # the spaces a run took along reach into this one
            a = cur
            if a >= b:
                continue
        build.prose(cur, a)
        cur = build.markup(a, b, separates)
    build.prose(cur, len(source))
    text, offsets = "".join(build.out), build.offsets()
    if offsets.text_starts:
        leaves = [(k, offsets.to_text(s), offsets.to_text(e)) for k, s, e in leaves]
    return Stripped(text, tuple(Block(*leaf) for leaf in _trim(text, leaves)), offsets)


def with_inline_quotes(stripped: Stripped, quotes: Collection[Span]) -> Stripped:
    """``stripped`` with the content of inline quotation elements (``<q>``: source spans)
    as text spans, the outermost only."""
    if not quotes:
        return stripped
    to_text = stripped.offsets.to_text
    out: list[Span] = []
    for a, b in sorted(quotes, key=lambda q: (q[0], -q[1])):
        if not out or a >= out[-1][1]:
            out.append((a, b))
    return stripped._replace(inline_quotes=tuple((to_text(a), to_text(b)) for a, b in out))
