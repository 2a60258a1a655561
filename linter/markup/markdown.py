"""Markdown (CommonMark with GitHub tables, task lists and strikethrough).

Two passes. The block pass walks the lines once, keeping a stack of open
block quotes and list items, and finds the leaf blocks: paragraphs,
headings, table cells, and the ``title`` (a heading) and ``description`` (a
paragraph) of the front matter. It masks container markers, the rest of the
front matter, code blocks, HTML blocks, thematic breaks and link reference
definitions. The
inline pass then masks, inside each leaf, code spans, backslashes of
escapes, raw HTML, link and image syntax, bare URLs and emphasis markers.
A CMS's shortcodes are masked too (:mod:`linter.markup.shortcodes`).
:func:`~linter.markup.view.finish` leaves the masks out of the prose text (code
spans, images and table pipes read as a space between words) and decodes the
entities written in the prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import chain

from linter.lib.cache import compile_pattern
from linter.markup.markdown_inline import inline, inline_quotes, label
from linter.markup.markdown_lines import after_quote, front_matter, indent, row, uniform_tail
from linter.markup.shortcodes import shortcode_spans
from linter.markup.stripped import Stripped
from linter.markup.view import Leaf, Span, blank, finish, with_inline_quotes

_LINE = compile_pattern(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_LIST = compile_pattern(r"(?:[-+*]|(\d{1,9})[.)])(?=[ \t]|$)")
_TASK = compile_pattern(r"\[[ xX]\](?=[ \t]|$)")
_THEMATIC = compile_pattern(r"([-*_])[ \t]*(?:\1[ \t]*){2,}$")
_ATX = compile_pattern(r"#{1,6}(?=[ \t]|$)")
_FENCE = compile_pattern(r"`{3,}(?=[^`]*$)|~{3,}")
_SETEXT = compile_pattern(r"(?:=+|-+)[ \t]*$")
_DELIM_ROW = compile_pattern(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_REF_DEF = compile_pattern(
    r"\[(?!\^)((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*(?:<[^<>]*>|[^\s<]\S*)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$"
)
_HTML_BLOCKS = (
    (
        re.compile(r"<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I),
        re.compile(r"</(?:script|pre|style|textarea)>", re.I),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)
_BLOCK_CHARS = frozenset("`~<#|:-=*_[")
_CONTAINER_CHARS = frozenset(">-+*0123456789")
_STARTS = (_LIST, _ATX, _FENCE, *(opener for opener, _ in _HTML_BLOCKS))  # and a thematic break


@dataclass(frozen=True, slots=True)
class _Container:
    kind: str  # "blockquote" or "list"
    col: int  # the column a list item's content starts at


# Front matter keys whose value is prose: ``title: Talks resume in Kyiv`` (YAML) or
# ``description = "..."`` (TOML), on one line, the value plain or quoted. A plain value
# runs to the end of its line; a comment after it is cut off in _front_matter_fields
# (a lazy match up to an optional comment would retry the rest of the line at each
# character: quadratic on a long line).
_FIELD = compile_pattern(
    r"^(?P<key>title|description)[ \t]*[:=][ \t]*"
    r"(?:\"(?P<double>(?:[^\"\\\r\n]|\\.)*)\"[ \t]*(?:#[^\r\n]*)?$"
    r"|'(?P<single>(?:[^'\r\n]|'')*)'[ \t]*(?:#[^\r\n]*)?$"
    r"|(?P<plain>[^\s\"'#|>&*!%@`{\[][^\r\n]*))",
    re.MULTILINE,
)
_COMMENT = compile_pattern(r"[ \t]#")
_FIELD_KIND = {"title": "heading", "description": "paragraph"}


def _front_matter_fields(source: str, a: int, b: int) -> list[Leaf]:
    """The prose values of front matter (its title and description), as leaves."""
    leaves: list[Leaf] = []
    for m in _FIELD.finditer(source, a, b):
        group = next(g for g in ("double", "single", "plain") if m.group(g) is not None)
        start, end = m.span(group)
        if group == "plain":
            comment = _COMMENT.search(source, start, end)
            end = comment.start() if comment else end
            while end > start and source[end - 1] in " \t":
                end -= 1
        if start < end:
            leaves.append((_FIELD_KIND[m.group("key")], start, end))
    return leaves


class _Blocks:
    """The block pass: container prefixes, leaf blocks and the masks around them."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.masks: list[Span] = []
        self.separators: list[Span] = []  # table pipes: they stand between the cells' words
        self.leaves: list[Leaf] = []
        self.labels: set[str] = set()
        self.stack: list[_Container] = []
        self.quotes: list[int] = []  # where the block quotes are in the stack
        # The current line: where its blank end and its thematic-break tail start. Every step
        # of a line costs the same at any depth of nesting (40,000 nested list items).
        self.blank_from = self.tail_from = 0
        self.leaf: str | None = None  # paragraph, table, code, fence or html
        self.para: list[Span] = []
        self.para_kind = "paragraph"
        self.fence = ""
        self.closer = _HTML_BLOCKS[0][1]

    def run(self) -> None:
        a, b = front_matter(self.source)
        done = a
        for kind, start, end in _front_matter_fields(self.source, a, b):
            self.mask(done, start)
            self.leaves.append((kind, start, end))
            done = end
        self.mask(done, b)
        for m in chain(_LINE.finditer(self.source, 0, a), _LINE.finditer(self.source, b)):
            self.line(m.start(), m.group().rstrip("\r\n"))
        self.close_leaf()

    def mask(self, a: int, b: int) -> None:
        if a < b:
            self.masks.append((a, b))

    def line(self, base: int, line: str) -> None:
        if self.simple(base, line):
            return
        self.blank_from, self.tail_from = len(line.rstrip(" \t")), uniform_tail(line)
        k, i, col = self.match(line)
        if k < len(self.stack):
            if self.lazy(line, i, col):
                self.mask(base, base + i)
                self.para.append((base + i, base + len(line)))
                return
            self.close(k)
        i, col = self.open(line, i, col)
        self.mask(base, base + i)
        if self.leaf == "fence":
            self.fenced(base, line, i, col)
        elif self.leaf == "html":
            self.html_line(base, line, i)
        else:
            self.block(base, line, i, col)

    def simple(self, base: int, line: str) -> bool:
        """Handle the commonest lines (blank, or plain prose at top level) directly."""
        if not line.strip(" \t"):
            if self.quotes:
                return False
            if self.leaf not in ("code", "fence", "html"):
                self.close_leaf()
            return True
        if not self.stack and self.leaf in (None, "paragraph") and line[0].isalpha():
            self.text(base, line, 0)
            return True
        return False

    def match(self, line: str) -> tuple[int, int, int]:
        """How many open containers the line continues, and where its content starts."""
        i = col = k = 0
        while k < len(self.stack):
            if self.stack[k].kind == "blockquote":
                j, jc = indent(line, i, col, col + 4)
                if jc - col >= 4 or not line.startswith(">", j):
                    return k, i, col
                i, col = after_quote(line, j, jc)
            elif i >= self.blank_from:  # a blank rest continues the list items up to a quote
                q = bisect_right(self.quotes, k)
                k = self.quotes[q] if q < len(self.quotes) else len(self.stack)
                continue
            else:
                j, jc = indent(line, i, col, self.stack[k].col)
                if jc < self.stack[k].col:
                    return k, i, col
                i, col = j, jc
            k += 1
        return len(self.stack), i, col

    def thematic_at(self, line: str, j: int) -> bool:
        return j >= self.tail_from and _THEMATIC.match(line, j) is not None

    def lazy(self, line: str, i: int, col: int) -> bool:
        """Whether the line continues an open paragraph without its container markers."""
        if self.leaf != "paragraph" or i >= self.blank_from:
            return False
        j, jc = indent(line, i, col, col + 4)
        starts = (line.startswith(">", j) or self.thematic_at(line, j)
                  or any(p.match(line, j) for p in _STARTS))
        return jc - col >= 4 or not starts

    def open(self, line: str, i: int, col: int) -> tuple[int, int]:
        """Open the block quotes and list items that start on this line."""
        if self.leaf in ("fence", "html"):
            return i, col
        while True:
            j, jc = indent(line, i, col, col + 4)
            if jc - col >= 4 or line[j : j + 1] not in _CONTAINER_CHARS or self.thematic_at(line, j):
                return i, col
            if line.startswith(">", j):
                self.close_leaf()
                self.quotes.append(len(self.stack))
                self.stack.append(_Container("blockquote", 0))
                i, col = after_quote(line, j, jc)
                continue
            m = _LIST.match(line, j)
            if m is None or not self.can_interrupt(line, m):
                return i, col
            self.close_leaf()
            i, col = self.item(line, m, jc)

    def can_interrupt(self, line: str, m: re.Match[str]) -> bool:
        if self.leaf != "paragraph":
            return True
        number = m.group(1)
        return m.end() < self.blank_from and (number is None or int(number) == 1)

    def item(self, line: str, m: re.Match[str], jc: int) -> tuple[int, int]:
        """Push a list item for marker ``m`` at column ``jc``; where its content starts."""
        mcol = jc + m.end() - m.start()
        i, col = indent(line, m.end(), mcol, mcol + 5)
        if i >= self.blank_from or col - mcol >= 5:
            i, col = min(m.end() + 1, len(line)), mcol + 1
        self.stack.append(_Container("list", col))
        task = _TASK.match(line, i)
        return (task.end(), col + 3) if task else (i, col)

    def close(self, k: int) -> None:
        self.close_leaf()
        del self.stack[k:]
        while self.quotes and self.quotes[-1] >= k:
            self.quotes.pop()

    def close_leaf(self) -> None:
        if self.leaf == "paragraph" and self.para:
            self.leaves.append((self.para_kind, self.para[0][0], self.para[-1][1]))
        self.leaf = None
        self.para = []

    def fenced(self, base: int, line: str, i: int, col: int) -> None:
        self.mask(base, base + len(line))
        j, jc = indent(line, i, col, col + 4)
        rest = line[j:].rstrip(" \t")
        if jc - col < 4 and rest.startswith(self.fence) and not rest.strip(self.fence[0]):
            self.leaf = None

    def html_line(self, base: int, line: str, i: int) -> None:
        m = self.closer.search(line, i)
        if m is None:
            self.mask(base, base + len(line))
            return
        self.mask(base, base + m.end())
        self.leaf = None
        if m.end() < self.blank_from:
            self.text(base, line, m.end())

    def block(self, base: int, line: str, i: int, col: int) -> None:
        j, jc = indent(line, i, col, col + 4)
        if j >= self.blank_from:
            if self.leaf != "code":
                self.close_leaf()
        elif jc - col >= 4 and self.leaf not in ("paragraph", "table"):
            self.leaf = "code"
            self.mask(base, base + len(line))
        else:
            if self.leaf == "code":
                self.leaf = None
            if jc - col >= 4 or not self.block_start(base, line, j):
                self.text(base, line, j)

    def block_start(self, base: int, line: str, j: int) -> bool:
        if line[j] not in _BLOCK_CHARS:
            return False
        starts = (
            self.fence_open,
            self.html_open,
            self.atx,
            self.table,
            self.setext,
            self.thematic,
            self.ref_def,
        )
        return any(start(base, line, j) for start in starts)

    def fence_open(self, base: int, line: str, j: int) -> bool:
        m = _FENCE.match(line, j)
        if m is None:
            return False
        self.close_leaf()
        self.leaf, self.fence = "fence", m.group()
        self.mask(base, base + len(line))
        return True

    def html_open(self, base: int, line: str, j: int) -> bool:
        for opener, closer in _HTML_BLOCKS:
            m = opener.match(line, j)
            if m is not None:
                self.close_leaf()
                self.leaf, self.closer = "html", closer
                self.html_line(base, line, m.end())
                return True
        return False

    def atx(self, base: int, line: str, j: int) -> bool:
        m = _ATX.match(line, j)
        if m is None:
            return False
        self.close_leaf()
        body = line[m.end() :].rstrip(" \t")
        cut = body.rstrip("#")
        if len(cut) < len(body) and (not cut or cut[-1] in " \t"):
            body = cut
        start = base + m.end()
        self.leaves.append(("heading", start, start + len(body)))
        self.mask(base, start)
        self.mask(start + len(body), base + len(line))
        return True

    def table(self, base: int, line: str, j: int) -> bool:
        """A delimiter row under a one-line header turns the paragraph's last line into a table."""
        if self.leaf != "paragraph" or "|" not in line or not _DELIM_ROW.match(line, j):
            return False
        a, b = self.para[-1]
        head = row(self.source, a, b)[0]
        if "|" not in self.source[a:b] or len(head) != len(row(line, j, len(line))[0]):
            return False
        self.para.pop()
        self.close_leaf()
        self.leaf = "table"
        self.row(a, b)
        self.mask(base, base + len(line))
        return True

    def setext(self, base: int, line: str, j: int) -> bool:
        if self.leaf != "paragraph" or not _SETEXT.match(line, j):
            return False
        self.para_kind = "heading"
        self.close_leaf()
        self.mask(base, base + len(line))
        return True

    def thematic(self, base: int, line: str, j: int) -> bool:
        if not self.thematic_at(line, j):
            return False
        self.close_leaf()
        self.mask(base, base + len(line))
        return True

    def ref_def(self, base: int, line: str, j: int) -> bool:
        m = _REF_DEF.match(line, j)
        if m is None:
            return False
        self.close_leaf()
        self.labels.add(label(m.group(1)))
        self.mask(base, base + len(line))
        return True

    def text(self, base: int, line: str, j: int) -> None:
        """A line of prose: a table row, or a paragraph's first or next line."""
        if self.leaf == "table":
            self.row(base + j, base + len(line))
            return
        if self.leaf != "paragraph":
            self.leaf = "paragraph"
            self.para_kind = self.stack[-1].kind if self.stack else "paragraph"
        self.para.append((base + j, base + len(line)))

    def row(self, a: int, b: int) -> None:
        cells, pipes = row(self.source, a, b)
        self.masks.extend((p, p + 1) for p in pipes)
        self.separators.extend((p, p + 1) for p in pipes)
        self.leaves.extend(("table", s, e) for s, e in cells)


def strip(source: str) -> Stripped:
    blocks = _Blocks(source)
    blocks.run()
    work = blank(source, blocks.masks)
    masks, separators = list(blocks.masks), list(blocks.separators)
    keep: set[int] = set()
    for _, s, e in blocks.leaves:
        spans, separating, escaped = inline(work[s:e], blocks.labels)
        masks += ((s + a, s + b) for a, b in spans)
        separators += ((s + a, s + b) for a, b in separating)
        keep.update(s + p for p in escaped)
    shortcodes = shortcode_spans(source)
    stripped = finish(source, masks + shortcodes, blocks.leaves, keep, separators + shortcodes)
    return with_inline_quotes(stripped, inline_quotes(source, masks)) if "<" in source else stripped
