"""HTML: only text nodes are prose. Entities in text are decoded.

A scanner walks the source from one ``<`` to the next. Tags, comments,
declarations and the content of code-like elements (``script``, ``pre``,
``svg``, ...) are blanked. A ``<`` that starts no tag is text; a tag that
never closes runs to the end of the file. Block-level tags split the text
into blocks; the innermost heading, list item, block quote or table cell
decides a block's kind, and anything else is a paragraph.

:func:`finish` is shared with the Markdown stripper: it blanks the masked
spans, decodes entities (``&amp;``, ``&#8220;``; those that stand for more
than one character, or for none, stay as written), recording each change of
length in an :class:`~linter.model.document.OffsetMap`, and trims blocks to prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable
from functools import lru_cache
from html import unescape

from linter.markup.stripped import Stripped
from linter.model.document import Block, OffsetMap

Span = tuple[int, int]
Leaf = tuple[str, int, int]

_NOT_BREAK = re.compile(r"[^\r\n]+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CANDIDATE = re.compile(r"<[!?/A-Za-z]")
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)(?:[^>=]|=\s*(?:\"[^\"]*\"|'[^']*'|(?![\s\"'])))*>")
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9:-]*)[^>]*>")
_RAW = (
    "script",
    "style",
    "pre",
    "code",
    "kbd",
    "samp",
    "noscript",
    "iframe",
    "template",
    "svg",
    "math",
    "textarea",
)
_RAW_END = {name: re.compile(rf"</{name}(?:[\s/][^>]*)?>", re.IGNORECASE) for name in _RAW}
_SPECIAL = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<!", ">"), ("<?", ">"))
_KIND = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list",
    "blockquote": "blockquote",
    "td": "table",
    "th": "table",
}
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "title",
        "tr",
        "ul",
        *_KIND,
    }
)
_VOID = frozenset({"hr"})
_IMPLIED = {
    "li": ("li",),
    "dt": ("dt", "dd"),
    "dd": ("dt", "dd"),
    "td": ("td", "th"),
    "th": ("td", "th"),
    "tr": ("td", "th", "tr"),
}
_LEAF_ONLY = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})


def blank(source: str, spans: Collection[Span]) -> str:
    """``source`` with each span replaced by spaces, line breaks kept."""
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


@lru_cache(maxsize=4096)
def _char(entity: str) -> str:
    """The one character an entity stands for, or "" when it is not one."""
    char = unescape(entity)
    return char if len(char) == 1 else ""


def _decode(masked: str, keep: Collection[int]) -> tuple[str, OffsetMap]:
    """Decode entities to one character each; the rest is left as written."""
    out: list[str] = []
    t_starts: list[int] = []
    s_starts: list[int] = []
    s_lens: list[int] = []
    cur = shift = 0
    for m in _ENTITY.finditer(masked):
        char = _char(m.group())
        if not char or m.start() in keep:
            continue
        out += (masked[cur : m.start()], char)
        t_starts.append(m.start() - shift)
        s_starts.append(m.start())
        s_lens.append(m.end() - m.start())
        shift += m.end() - m.start() - 1
        cur = m.end()
    out.append(masked[cur:])
    offsets = OffsetMap(tuple(t_starts), (1,) * len(t_starts), tuple(s_starts), tuple(s_lens))
    return "".join(out), offsets


def _to_text(offsets: OffsetMap, pos: int) -> int:
    """The text offset of a source offset (inside an entity: its start or its end)."""
    i = bisect_right(offsets.src_starts, pos) - 1
    if i < 0:
        return pos
    t, s, sl = offsets.text_starts[i], offsets.src_starts[i], offsets.src_lens[i]
    return t + (pos - s - sl + 1 if pos >= s + sl else min(pos - s, 1))


def finish(
    source: str, masks: Collection[Span], leaves: Iterable[Leaf], keep: Collection[int] = ()
) -> Stripped:
    """Blank ``masks``, decode entities (except at ``keep``), trim ``leaves`` to prose."""
    text, offsets = _decode(blank(source, masks), keep)
    if offsets.text_starts:
        leaves = [(k, _to_text(offsets, s), _to_text(offsets, e)) for k, s, e in leaves]
    return Stripped(text, tuple(Block(*leaf) for leaf in _trim(text, leaves)), offsets)


class _Scanner:
    """One pass over an HTML source, collecting masks and text runs."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.masks: list[Span] = []
        self.leaves: list[Leaf] = []
        # The open block elements, and beside each the kind of a block opened inside it
        # (its own, or the kind of the one below); where each name sits in the stack. Kept
        # so that every step costs the same at any depth (100,000 nested divs).
        self.stack: list[str] = []
        self.kinds: list[str] = []
        self.depths: dict[str, list[int]] = {}
        self.run: Leaf | None = None

    def scan(self) -> None:
        pos = 0
        for m in _CANDIDATE.finditer(self.source):
            if m.start() < pos:
                continue
            self.text(pos, m.start())
            pos = m.start()
            end = self.markup(pos)
            if end is not None:
                pos = end
        self.text(pos, len(self.source))
        self.flush()

    def text(self, a: int, b: int) -> None:
        if a >= b:
            return
        if self.run is None:
            self.run = (self.kind(), a, b)
        else:
            self.run = (self.run[0], self.run[1], b)

    def kind(self) -> str:
        return self.kinds[-1] if self.kinds else "paragraph"

    def push(self, name: str) -> None:
        self.depths.setdefault(name, []).append(len(self.stack))
        self.kinds.append(_KIND.get(name) or (self.kinds[-1] if self.kinds else "paragraph"))
        self.stack.append(name)

    def pop_to(self, depth: int) -> None:
        """Close every element from ``depth`` up."""
        while len(self.stack) > depth:
            self.depths[self.stack.pop()].pop()
            self.kinds.pop()

    def flush(self) -> None:
        if self.run is not None:
            self.leaves.append(self.run)
            self.run = None

    def markup(self, lt: int) -> int | None:
        """Mask the markup at ``lt``; its end, or None when ``<`` is text."""
        end = self.special(lt)
        if end is None:
            end = self.tag(lt)
        if end is not None:
            self.masks.append((lt, end))
        return end

    def special(self, lt: int) -> int | None:
        for opener, closer in _SPECIAL:
            if self.source.startswith(opener, lt):
                close = self.source.find(closer, lt + len(opener))
                return len(self.source) if close < 0 else close + len(closer)
        return None

    def tag(self, lt: int) -> int | None:
        if self.source.startswith("</", lt):
            m = _END_TAG.match(self.source, lt)
            if m is None:
                return len(self.source) if self.source[lt + 2 : lt + 3].isalpha() else None
            self.end_tag(m.group(1).lower())
            return m.end()
        m = _START_TAG.match(self.source, lt)
        if m is None:
            return len(self.source)
        return self.start_tag(m.group(1).lower(), m.end(), m.group().endswith("/>"))

    def start_tag(self, name: str, end: int, closed: bool) -> int:
        if name in _BLOCK:
            self.flush()
            self.close_implied(name)
            if not closed and name not in _VOID:
                self.push(name)
        if name in _RAW_END and not closed:
            m = _RAW_END[name].search(self.source, end)
            end = len(self.source) if m is None else m.end()
            if name in _BLOCK:
                self.end_tag(name)
        return end

    def close_implied(self, name: str) -> None:
        if self.stack and self.stack[-1] in _LEAF_ONLY:
            self.pop_to(len(self.stack) - 1)
        for implied in _IMPLIED.get(name, ()):
            if self.stack and self.stack[-1] == implied:
                self.pop_to(len(self.stack) - 1)

    def end_tag(self, name: str) -> None:
        if name not in _BLOCK:
            return
        self.flush()
        if self.depths.get(name):
            self.pop_to(self.depths[name][-1])


def strip(source: str) -> Stripped:
    scanner = _Scanner(source)
    scanner.scan()
    return finish(source, scanner.masks, scanner.leaves)
