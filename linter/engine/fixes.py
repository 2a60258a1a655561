"""Apply fixes to a source text (writing it back is :mod:`linter.run.writeback`'s job).

A fix exists only where a finding has exactly one suggestion and its span is
plain prose (the engine decides). Overlapping fixes: the first wins, the
others wait for the next pass. A fix that would change how the document is
read is withdrawn (:func:`steady`).
"""

from __future__ import annotations

from collections.abc import Iterable

from linter.markup import make_document
from linter.model.document import Document
from linter.model.findings import Finding, Fix


def choose(findings: Iterable[Finding]) -> list[Fix]:
    """Non-overlapping fixes, in source order."""
    chosen: list[Fix] = []
    for fix in sorted((f.fix for f in findings if f.fix is not None), key=lambda x: (x.start, x.end)):
        if not chosen or fix.start >= chosen[-1].end:
            chosen.append(fix)
    return chosen


def apply(source: str, fixes: list[Fix]) -> str:
    parts, pos = [], 0
    for fix in fixes:
        parts += [source[pos:fix.start], fix.replacement]
        pos = fix.end
    parts.append(source[pos:])
    return "".join(parts)


Lines = tuple[int, int]  # first and last source line (1-based) of a block or a fix
Layout = list[tuple[str, int, int]]  # each block's kind and lines


def steady(doc: Document, findings: list[Finding]) -> list[Finding]:
    """``findings``, each fix withdrawn (the finding kept) that would change the blocks the
    document is read in. In plain text a run of short lines is one hard-wrapped paragraph
    and a short first line is the headline: a fix that takes a line past the wrap width, or
    a headline past its length, would make the rules read the paragraph again, line by line
    (where an unclosed quotation ends, which words it covers), so the check after a fix
    would report what the check before it did not. Such a fix is left to the writer; the
    other fixes of its paragraph stand, unless only all of them together change it."""
    layout: Layout | None = None  # the document's own blocks, found once there is a fix
    while fixes := choose(findings):
        if layout is None:
            layout = _layout(doc)
        moved = _moved(doc, layout, fixes)
        if not moved:
            return findings
        inside = [fix for fix in fixes if _within(_lines(doc, fix), moved)]
        withdrawn = set([fix for fix in inside if _moved(doc, layout, [fix])] or inside or fixes)
        findings = [f._replace(fix=None) if f.fix in withdrawn else f for f in findings]
    return findings


def _moved(doc: Document, layout: Layout, fixes: list[Fix]) -> list[Lines]:
    """The lines of each block of ``doc`` (its ``layout``) that applying ``fixes`` would
    change (its kind or its lines), or every line when a fix adds or removes a line break."""
    everything = [(1, len(doc.line_starts))]
    if any(_breaks(fix.replacement) != _breaks(doc.source[fix.start:fix.end]) for fix in fixes):
        return everything
    now = set(_layout(make_document(doc.path, apply(doc.source, fixes), doc.fmt)))
    return [(first, last) for kind, first, last in layout if (kind, first, last) not in now]


def _layout(doc: Document) -> Layout:
    """Each block as its kind and its first and last source line."""
    out = []
    for block in doc.blocks:
        start, end = doc.to_source(block.start, block.end)
        out.append((block.kind, doc.position(start)[0], doc.position(end)[0]))
    return out


def _lines(doc: Document, fix: Fix) -> Lines:
    return doc.position(fix.start)[0], doc.position(fix.end)[0]


def _within(lines: Lines, blocks: list[Lines]) -> bool:
    return any(first <= lines[1] and lines[0] <= last for first, last in blocks)


def _breaks(text: str) -> int:
    """The line breaks in ``text``, counted as the document counts lines."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")
