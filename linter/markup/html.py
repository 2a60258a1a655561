"""HTML: text nodes are prose, and so are the attributes readers see: an image's ``alt``
(``img``, ``area``, ``input``) and ``<meta name="description" content="...">``, each a
block of its own; ``<title>`` is a heading. Entities in text are decoded.

A scanner walks the source from one ``<`` to the next. Tags, comments,
declarations and the content of code-like elements (``script``, ``pre``,
``svg``, ...) are markup, left out of the prose text (:mod:`linter.markup.view`), as
are a CMS's shortcodes (:mod:`linter.markup.shortcodes`);
block-level tags, ``<br>``, ``<img>`` and code-like elements separate the words
around them. A ``<`` that starts no tag is text; a tag that never closes runs
to the end of the file. Block-level tags split the text into blocks; the
innermost heading, list item, block quote or table cell decides a block's
kind, and anything else is a paragraph. An inline quotation, ``<q>``, has no
marks in the source (the browser draws them); its content's span is kept as
:attr:`~linter.model.document.Document.inline_quotes`, so that it reads as
someone else's words.
"""

from __future__ import annotations

import re

from linter.lib.cache import compile_pattern
from linter.markup.shortcodes import shortcode_spans
from linter.markup.stripped import Stripped
from linter.markup.view import Leaf, Span, finish, with_inline_quotes

_CANDIDATE = compile_pattern(r"<[!?/A-Za-z]")
_START_TAG = compile_pattern(r"<([A-Za-z][A-Za-z0-9:-]*)(?:[^>=]|=\s*(?:\"[^\"]*\"|'[^']*'|(?![\s\"'])))*>")
_END_TAG = compile_pattern(r"</([A-Za-z][A-Za-z0-9:-]*)[^>]*>")
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
    "title": "heading",
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
# Inline elements that still stand between words when rendered.
_SEPARATING = frozenset({"br", "img", "wbr", "input", "button", "select", "video", "audio", "object",
                         "embed"})
_LEAF_ONLY = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
# Attributes whose value is prose readers see: an image's alt text, the page description.
_ATTRIBUTE = compile_pattern(
    r"""(?<![-\w:.])([A-Za-z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_ALT_TAGS = frozenset({"img", "area", "input"})


class _Scanner:
    """One pass over an HTML source, collecting masks and text runs."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.masks: list[Span] = []
        self.separators: list[Span] = []  # the masks that separate words when rendered
        self.leaves: list[Leaf] = []
        self.separates = False  # whether the markup just read does
        # The open block elements, and beside each the kind of a block opened inside it
        # (its own, or the kind of the one below); where each name sits in the stack. Kept
        # so that every step costs the same at any depth (100,000 nested divs).
        self.stack: list[str] = []
        self.kinds: list[str] = []
        self.depths: dict[str, list[int]] = {}
        self.run: Leaf | None = None
        # Where each open <q> element's content starts, and the closed ones' source spans.
        self.open_quotes: list[int] = []
        self.quotes: list[Span] = []

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
        self.separates = False
        end = self.special(lt)
        if end is None:
            end = self.tag(lt)
        if end is not None:
            value = self.prose_attribute(lt, end)
            if value is None:
                self.masks.append((lt, end))
                if self.separates:
                    self.separators.append((lt, end))
            else:  # the value is a block of its own; the rest of the tag is markup
                self.masks += ((lt, value[0]), (value[1], end))
                self.flush()
                self.leaves.append(("paragraph", *value))
        return end

    def prose_attribute(self, lt: int, end: int) -> tuple[int, int] | None:
        """The span of ``alt`` in an image, or of ``content`` in ``<meta name="description">``."""
        m = _START_TAG.match(self.source, lt, end)
        if m is None:
            return None
        name = m.group(1).lower()
        if name not in _ALT_TAGS and name != "meta":
            return None
        spans = {}
        for a in _ATTRIBUTE.finditer(self.source, m.end(1), end):
            group = next(g for g in (2, 3, 4) if a.group(g) is not None)
            spans[a.group(1).lower()] = (a.start(group), a.end(group), a.group(group))
        wanted = "alt" if name in _ALT_TAGS else "content"
        if name == "meta" and spans.get("name", (0, 0, ""))[2].strip().lower() != "description":
            return None
        span = spans.get(wanted)
        return (span[0], span[1]) if span is not None and span[2].strip() else None

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
            name = m.group(1).lower()
            self.end_tag(name)
            if name == "q" and self.open_quotes:
                self.quotes.append((self.open_quotes.pop(), lt))
            return m.end()
        m = _START_TAG.match(self.source, lt)
        if m is None:
            return len(self.source)
        name = m.group(1).lower()
        if name == "q" and not m.group().endswith("/>"):
            self.open_quotes.append(m.end())
        return self.start_tag(name, m.end(), m.group().endswith("/>"))

    def start_tag(self, name: str, end: int, closed: bool) -> int:
        self.separates = name in _BLOCK or name in _RAW_END or name in _SEPARATING
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
        self.separates = name in _BLOCK or name in _RAW_END or name in _SEPARATING
        if name not in _BLOCK:
            return
        self.flush()
        if self.depths.get(name):
            self.pop_to(self.depths[name][-1])


def strip(source: str) -> Stripped:
    scanner = _Scanner(source)
    scanner.scan()
    shortcodes = shortcode_spans(source)  # (in text or already masked: the masks merge)
    stripped = finish(source, scanner.masks + shortcodes, scanner.leaves,
                      separators=scanner.separators + shortcodes)
    return with_inline_quotes(stripped, scanner.quotes)
