"""Markdown's inline pass: the markup inside one leaf block (a paragraph, a heading, a
table cell). Code spans, the backslashes of escapes, raw HTML, link and image syntax
(the link text and the image's alt text stay), footnote marks, bare URLs and emphasis
delimiters; the pass runs only the steps whose characters occur in the leaf.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from linter.lib.cache import compile_pattern
from linter.markup.view import Span, blank

_TICKS = compile_pattern(r"`+")
_ESCAPE = compile_pattern(r"\\([!-/:-@\[-`{-~])|\\(?=[\r\n])")
_INLINE_SPECIAL = (("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>"))
_INLINE_TAG = compile_pattern(
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"
    r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+>"
    r"|</[A-Za-z][A-Za-z0-9-]*\s*>"
    r"|<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*"
    r"(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
    r"|<![A-Za-z][^>]*>"
)
_FOOTNOTE = compile_pattern(r"\[\^[^\]\s]+\]:?")
_BRACKETS = (
    r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"(?:\(\s*(?:<[^<>\r\n]*>|[^\s()<]*(?:\([^\s()]*\)[^\s()<]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)|\[[^\[\]]*\])?"
)
_IMAGE = compile_pattern("!" + _BRACKETS)
_LINK = compile_pattern(_BRACKETS)
_URL = compile_pattern(r"(?<![\w/.@-])(?:https?://|www\.)[^\s<>]*[^\s<>.,:;\"')\]!?*_~]")
_DELIM = compile_pattern(r"\*+|_+|(?<!~)~~(?!~)")
_INLINE_MARKUP = compile_pattern(r"[`\\<\[*_~]|://|www\.")


def label(text: str) -> str:
    return " ".join(text.casefold().split())


def _code_spans(seg: str) -> list[Span]:
    """Backtick strings paired with the next one of the same length."""
    runs = [m.span() for m in _TICKS.finditer(seg)]
    later: dict[int, int] = {}
    closer = [-1] * len(runs)
    for idx in range(len(runs) - 1, -1, -1):
        a, b = runs[idx]
        closer[idx] = later.get(b - a, -1)
        later[b - a] = idx
    spans = []
    idx = 0
    while idx < len(runs):
        a = runs[idx][0]
        if closer[idx] < 0 or seg[a - 1 : a] == "\\":
            idx += 1
        else:
            spans.append((a, runs[closer[idx]][1]))
            idx = closer[idx] + 1
    return spans


def _escapes(work: str) -> tuple[str, list[Span], list[int]]:
    """Blank escaping backslashes; the escaped characters become inert placeholders."""
    found = list(_ESCAPE.finditer(work))
    spans = [(m.start(), m.start() + 1) for m in found]
    escaped = [m.start() + 1 for m in found if m.group(1)]
    return _ESCAPE.sub(lambda m: " \x00" if m.group(1) else " ", work), spans, escaped


def _delimited(work: str, opener: str, closer: str) -> list[Span]:
    spans = []
    pos = work.find(opener)
    while pos >= 0:
        end = work.find(closer, pos + len(opener))
        if end < 0:
            break
        spans.append((pos, end + len(closer)))
        pos = work.find(opener, end + len(closer))
    return spans


def _raw_html(work: str, labels: Collection[str]) -> list[Span]:
    spans = [span for o, c in _INLINE_SPECIAL for span in _delimited(work, o, c)]
    work = blank(work, spans)
    return spans + [m.span() for m in _INLINE_TAG.finditer(work)]


def _images(work: str, labels: Collection[str]) -> list[Span]:
    """The syntax of images; their alt text (``![alt](url)``) stays, as a link's text does."""
    spans: list[Span] = []
    for m in _bracketed(_IMAGE, work, labels):
        spans += ((m.start(), m.start(1)), (m.end(1), m.end()))
    return spans


def _links(work: str, labels: Collection[str]) -> list[Span]:
    spans: list[Span] = []
    for m in _bracketed(_LINK, work, labels):
        spans += ((m.start(), m.start(1)), (m.end(1), m.end()))
    return spans


def _bracketed(pattern: re.Pattern[str], work: str, labels: Collection[str]) -> list[re.Match[str]]:
    """Links (or images): inline, full or collapsed reference, or a defined shortcut."""
    found = []
    pos = 0
    while (m := pattern.search(work, pos)) is not None:
        if m.end() == m.end(1) + 1 and label(m.group(1)) not in labels:
            pos = m.start() + 1
        else:
            found.append(m)
            pos = m.end()
    return found


def _footnotes(work: str, labels: Collection[str]) -> list[Span]:
    return [m.span() for m in _FOOTNOTE.finditer(work)]


def _urls(work: str, labels: Collection[str]) -> list[Span]:
    return [m.span() for m in _URL.finditer(work)]


def _punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _flanking(seg: str, a: int, b: int) -> tuple[bool, bool]:
    """Whether the delimiter run ``seg[a:b]`` can open and can close emphasis."""
    before = seg[a - 1] if a else " "
    after = seg[b] if b < len(seg) else " "
    left = not after.isspace() and (not _punct(after) or before.isspace() or _punct(before))
    right = not before.isspace() and (not _punct(before) or after.isspace() or _punct(after))
    if seg[a] == "_":
        return left and (not right or _punct(before)), right and (not left or _punct(after))
    return left, right


def _emphasis(seg: str, work: str) -> list[Span]:
    """Paired ``*``, ``_`` and ``~~`` runs; flanking is judged on the unmasked ``seg``."""
    openers: dict[str, list[Span]] = {}
    spans: list[Span] = []
    for m in _DELIM.finditer(work):
        opens, closes = _flanking(seg, m.start(), m.end())
        stack = openers.setdefault(m.group()[0], [])
        if closes and stack:
            spans += (stack.pop(), m.span())
        elif opens:
            stack.append(m.span())
    return spans


# Each step: the characters that can start its markup, how to find it, and whether it
# stands between words when rendered (an image does; raw HTML is judged tag by tag).
_INLINE_STEPS = (
    (("<",), _raw_html, False),
    (("[^",), _footnotes, False),
    (("![",), _images, True),
    (("[",), _links, False),
    (("://", "www."), _urls, False),
)
_SEPARATING_TAG = compile_pattern(r"<(?:br|img|wbr|hr|p|div|li|td|th|tr)\b", re.IGNORECASE)


def inline(seg: str, labels: Collection[str]) -> tuple[list[Span], list[Span], list[int]]:
    """Masks inside one leaf block, those among them that separate words when rendered (code
    spans, images, ...), and the offsets of escaped characters."""
    if not _INLINE_MARKUP.search(seg):
        return [], [], []
    spans = _code_spans(seg) if "`" in seg else []
    separators = list(spans)
    work, escapes, escaped = _escapes(blank(seg, spans)) if "\\" in seg else (seg, [], [])
    spans += escapes
    for triggers, step, separates in _INLINE_STEPS:
        if any(t in work for t in triggers):
            found = step(work, labels)
            spans += found
            separators += found if separates else [s for s in found if _SEPARATING_TAG.match(seg, s[0])]
            work = blank(work, found)
    if "*" in work or "_" in work or "~~" in work:
        spans += _emphasis(seg, work)
    return spans, separators, escaped


_Q_OPEN = compile_pattern(r"<q(?:\s[^>]*)?>", re.IGNORECASE)
_Q_CLOSE = compile_pattern(r"</q\s*>", re.IGNORECASE)


def inline_quotes(source: str, masks: list[Span]) -> list[Span]:
    """The source spans of the content of raw HTML ``<q>`` elements (their tags are masks;
    not a tag inside a code span, which is masked whole)."""
    opened: list[int] = []
    found: list[Span] = []
    covered = 0
    for a, b in sorted(masks, key=lambda m: (m[0], -m[1])):
        if a < covered:
            continue
        covered = b
        if _Q_OPEN.fullmatch(source, a, b):
            opened.append(b)
        elif _Q_CLOSE.fullmatch(source, a, b) and opened:
            found.append((opened.pop(), a))
    return found
