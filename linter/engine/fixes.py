"""Apply fixes to a source text (writing it back is :mod:`linter.run.writeback`'s job).

A fix exists only where a finding has exactly one suggestion and its span is
plain prose (the engine decides). Overlapping fixes: the first wins, the
others wait for the next pass.
"""

from __future__ import annotations

from collections.abc import Iterable

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
