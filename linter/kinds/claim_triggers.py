"""Where a ``claims`` rule's triggers match: every match within one paragraph, looked for
only in the paragraphs that can hold one.

A story has many places a trigger could start (every number could open a count of the
dead, every "was" a passive), and each try costs a pass through the triggers'
alternatives. But a match lies in one paragraph (:func:`linter.lib.scan.within_blocks`) and holds one of
the words every match holds (:func:`linter.lib.literals.required`: "killed", "dead",
"toll" for a count), so the triggers are tried only at the starts in paragraphs where one
of those words occurs, found by the prefilter's one pass (:func:`anchor_scanner`), and
there only up to the last of them: a match starts at or before the word it holds. This
changes speed, not the matches.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from linter.analysis import Analysis
from linter.kinds.base import matches
from linter.lib.cache import compile_pattern
from linter.lib.literals import required
from linter.lib.scan import Scanner, within_blocks
from linter.model.document import Document, fold_view, spaced

Span = tuple[int, int]


def anchor_scanner(triggers: re.Pattern[str] | None) -> Scanner | None:
    """A scanner for the words one of which every match of ``triggers`` holds, whose
    starts the prefilter's pass collects with the others'; None when there are none."""
    words = required(triggers.pattern, triggers.flags) if triggers is not None else None
    if not words:
        return None
    return Scanner(compile_pattern("|".join(map(re.escape, sorted(words))), re.IGNORECASE),
                   frozenset(spaced(w) for w in words))


def trigger_matches(triggers: re.Pattern[str], scanner: Scanner | None, anchors: Scanner | None,
                    doc: Document, an: Analysis) -> list[re.Match[str]]:
    """Every match of ``triggers`` in ``doc``, in order, none across a paragraph break."""
    text = doc.text
    held = _held(an, anchors) if anchors is not None else None
    starts = None
    if scanner is not None and held is not None:
        starts = _starts_in(an, scanner, _reaches(held, doc.block_starts, len(text)))
    if scanner is None or starts is None:
        found: Iterator[re.Match[str]] = (m for _, _, m in matches(triggers, text, scanner, an, across=True))
    else:
        found = scanner.finditer_within(text, starts, 0, len(text))
    return list(within_blocks(triggers, text, doc.block_starts, found))


def _held(an: Analysis, anchors: Scanner) -> Sequence[int] | None:
    """Where the anchors occur, sorted: as the prefilter's pass found them, or found now
    when there was no pass; None when case folding changes the text's length."""
    served = an.sorted_starts(anchors)
    if served is not None:
        return served
    folded = an.doc.folded
    return anchors.starts(folded) if folded is not None else None


def _reaches(held: Sequence[int], blocks: Sequence[int], size: int) -> list[Span]:
    """Where a match can start: in each paragraph (from one of the ``blocks`` starts to the
    next, or to the text's ``size``; before the first, from 0) that holds one of the
    ``held`` offsets, from its start to its last held offset (included), in order."""
    found: list[Span] = []
    i = 0
    while i < len(held):
        k = bisect_right(blocks, held[i]) - 1
        lo, hi = (blocks[k] if k >= 0 else 0), (blocks[k + 1] if k + 1 < len(blocks) else size)
        i = bisect_left(held, hi, i + 1)
        found.append((lo, held[i - 1] + 1))
    return found


def _starts_in(an: Analysis, scanner: Scanner, spans: list[Span]) -> list[int] | None:
    """``scanner``'s starts inside ``spans``, sorted: as the prefilter's pass found them,
    or found now in those spans alone (a scanner with a prefix as common as "was " is
    not served by the pass); None when case folding changes a span's length."""
    kept: list[int] = []
    text = an.doc.text
    served = an.sorted_starts(scanner)
    if served is None and 2 * sum(hi - lo for lo, hi in spans) > len(text):  # most of the text
        folded = an.doc.folded
        served = scanner.starts(folded) if folded is not None else None
    if served is not None:
        for lo, hi in spans:
            kept.extend(served[bisect_left(served, lo):bisect_left(served, hi)])
        return kept
    for lo, hi in spans:
        window = text[lo:hi + scanner.reach]  # a prefix that starts in a span may end past it
        folded = fold_view(window)
        if len(folded) != len(window):
            return None
        kept.extend(lo + s for s in scanner.starts(folded) if s < hi - lo)
    return kept


def trigger_spans(an: Analysis, pattern: re.Pattern[str] | None, scanner: Scanner | None,
                  lo: int, hi: int) -> tuple[list[int], list[int]]:
    """The starts and the ends of the matches of ``pattern`` in ``an.doc.text[lo:hi]``:
    tried only where the prefilter's pass found one of their prefixes, when it did."""
    text = an.doc.text
    starts = an.sorted_starts(scanner) if scanner is not None else None
    if pattern is None:
        found: list[Span] = []
    elif scanner is not None and starts is not None:
        found = [m.span() for m in scanner.finditer_within(text, starts, lo, hi)]
    else:
        found = [m.span() for m in pattern.finditer(text, lo, hi) if m.end() > m.start()]
    return [a for a, _ in found], [b for _, b in found]
