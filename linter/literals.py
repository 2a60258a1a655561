"""Required literals of a regular expression, for prefiltering documents.

``required(pattern)`` returns a set of case-folded strings such that every
match of the pattern contains at least one of them, or None when no such
set can be found (then the rule always runs). It is a conservative
analysis of the parsed pattern: literal runs, alternations and mandatory
groups; anything it does not understand ends a run or gives None.
"""

from __future__ import annotations

import warnings
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as C
    import sre_parse

MIN_LENGTH = 3
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
Anchors = frozenset[str] | None


def _best(options: list[frozenset[str]]) -> Anchors:
    """The most selective option: the set whose shortest string is longest."""
    if not options:
        return None
    return max(options, key=lambda s: (min(map(len, s)), -len(s)))


def _sequence(items: Any) -> Anchors:
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is C.LITERAL:
            run.append(chr(arg).casefold())
            continue
        if op in _ZERO_WIDTH:
            continue
        if len(run) >= MIN_LENGTH:
            options.append(frozenset({"".join(run)}))
        run = []
        sub = _mandatory(op, arg)
        if sub is not None:
            options.append(sub)
    if len(run) >= MIN_LENGTH:
        options.append(frozenset({"".join(run)}))
    return _best(options)


def _mandatory(op: Any, arg: Any) -> Anchors:
    """Anchors of an item that every match must pass through, if it has them."""
    if op is C.SUBPATTERN:
        return _sequence(arg[-1])
    if op is C.BRANCH:
        branches = [_sequence(b) for b in arg[1]]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] >= 1:
        return _sequence(arg[2])
    return None


def required(pattern: str, flags: int = 0) -> Anchors:
    """Case-folded strings one of which every match contains (None: unknown)."""
    try:
        parsed = sre_parse.parse(pattern, flags)
    except Exception:
        return None
    anchors = _sequence(parsed.data)
    if anchors is None or any(len(a) < MIN_LENGTH for a in anchors):
        return None
    return anchors
