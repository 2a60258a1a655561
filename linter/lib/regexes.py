"""Compile regular expressions from rule files, refusing ones that can hang the linter.

Python's ``re`` backtracks: a repeated group whose body can match the same
text in more than one way (``(a+)+``, ``(a*)*``, ``(a|a)*``, ``(\\w+\\s?)*$``)
takes exponential time on a line it almost matches, and one such rule would
stall every hook and CI job that runs copydesk. :func:`compile_user` parses
the pattern and refuses, before anything is linted, a repeat that can run
more than once over a body that is ambiguous:

* the body holds an unbounded repeat, and everything else in the body is
  optional or can match the repeat's own characters (so the split between
  the inner and the outer repeat is free), or
* the body holds an alternation with two branches that can match the same
  text (their characters agree up to the end of both, or up to a repeat).

The check is static and conservative: it looks at which characters each part
can match, over a sample of Unicode, not at the language of the whole pattern.
Possessive repeats and atomic groups never backtrack, so they are let through.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, cast

from linter.lib.cache import compile_pattern, memo
from linter.lib.literals import accelerated

# ``sre_parse`` became ``re._parser`` in Python 3.11 (the old name warns).
_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_UNBOUNDED = _PARSER.MAXREPEAT
# Repeats that backtrack; POSSESSIVE_REPEAT and ATOMIC_GROUP do not.
_BACKTRACKING = frozenset({"MAX_REPEAT", "MIN_REPEAT"})
# The characters a part of a pattern is tested against.
_SAMPLE = "".join(chr(c) for c in range(0x250)) + "‘’“”«»‹›„‚—–…€•\u00a0\u2009\u3000Ωωжя中"
_CATEGORIES = {
    name: frozenset(re.findall(rf"\{letter}", _SAMPLE))
    for name, letter in (("CATEGORY_DIGIT", "d"), ("CATEGORY_NOT_DIGIT", "D"), ("CATEGORY_SPACE", "s"),
                         ("CATEGORY_NOT_SPACE", "S"), ("CATEGORY_WORD", "w"), ("CATEGORY_NOT_WORD", "W"))
}
_ALL = frozenset(_SAMPLE)
# A repeat that can run this many times makes a 2-way alternation in its body cost 2**_MANY.
_MANY = 10
# Beyond this many ways through a group's alternations, stop looking (big word lists).
_MAX_PATHS = 256

_QUANTIFIED_GROUP = compile_pattern(r"\)[*+{]")

Item = tuple[Any, Any]  # (opcode, argument) as the parser gives them


class BacktrackingError(re.error):
    """A pattern that compiles but can backtrack catastrophically."""


_TRUSTED: ContextVar[bool] = ContextVar("trusted patterns", default=False)


@contextmanager
def trusted_patterns(trusted: bool = True) -> Iterator[None]:
    """Compile the patterns of bundled rules (``trusted``) for Python's ``re`` alone."""
    token = _TRUSTED.set(trusted)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def compile_user(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern from a rule file; ``re.error`` if it is invalid or can hang.

    The one way a rule's pattern is compiled, to check a key and to match: through the
    persistent cache (:mod:`linter.lib.cache`), behind a first-character lookahead when
    one is known (:func:`linter.lib.literals.accelerated`: same matches, faster). An
    invalid pattern is never rewritten, so its error positions are the user's.

    A user's pattern (not a bundled one: see :func:`trusted_patterns`) runs on RE2, in
    linear time, where RE2 keeps ``re``'s meaning (:mod:`linter.lib.linear`): it is never
    refused. The rest runs on ``re``: refused here when it can plainly backtrack
    catastrophically, and (a user's) under a time limit while it runs
    (:mod:`linter.engine.lint`) for the cases no static check can see. The RE2 pattern
    offers what the rule kinds use of an ``re.Pattern`` (hence the cast).
    """
    compiled = compile_pattern(accelerated(pattern, flags), flags)
    if not _TRUSTED.get():
        from linter.lib.linear import linear  # only a user's pattern: bundled rules never load RE2's wrapper

        faster = linear(compiled, pattern, flags)
        if faster is not None:  # never backtracks: nothing to refuse
            return cast("re.Pattern[str]", faster)
    refuse_catastrophic(pattern, flags)
    return compiled


def refuse_catastrophic(pattern: str, flags: int = 0) -> None:
    """Raise :class:`BacktrackingError` if ``pattern`` (which must compile) can hang."""
    reason = (memo("catastrophic", pattern, int(flags), lambda: catastrophic(pattern, flags))
              if _may_nest(pattern) else None)
    if reason:
        raise BacktrackingError(reason)


def _may_nest(pattern: str) -> bool:
    """A cheap test: a repeat that holds another needs a quantified group, ``(...)+``."""
    return _QUANTIFIED_GROUP.search(pattern) is not None


@lru_cache(maxsize=4096)
def catastrophic(pattern: str, flags: int = 0) -> str | None:
    """Why ``pattern`` can backtrack catastrophically, or None."""
    tree = _PARSER.parse(pattern, flags)
    ignorecase = bool(tree.state.flags & re.IGNORECASE)
    for body, many in _repeated_bodies(list(tree)):
        if _ambiguous(body, ignorecase, many):
            return ("can backtrack catastrophically: a repeated group holds a repeat or alternatives "
                    "that can match the same text, as in (a+)+, (a|a)* or (\\w+\\s?)*; make the "
                    "parts match different characters, bound the repeat, or use (?>...) or ++")
    return None


def _repeated_bodies(items: list[Item]) -> Iterator[tuple[list[Item], bool]]:
    """The body of every backtracking repeat that can run more than once, at any depth,
    with whether it can run many times."""
    for op, av in items:
        name = str(op)
        if name in _BACKTRACKING and av[1] > 1:
            yield list(av[2]), av[1] >= _MANY
        yield from (b for child in _children(op, av) for b in _repeated_bodies(child))


def _children(op: Any, av: Any) -> list[list[Item]]:
    name = str(op)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return [list(av[2])]
    if name == "SUBPATTERN":
        return [list(av[3])]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [list(av[1])]
    if name == "ATOMIC_GROUP":
        return [list(av)]
    if name == "BRANCH":
        return [list(alt) for alt in av[1]]
    if name == "GROUPREF_EXISTS":
        return [list(part) for part in av[1:] if part is not None]
    return []


def _ambiguous(body: list[Item], ignorecase: bool, many: bool) -> bool:
    """A free split costs O(n**k) for k repeats, so any k > 1 counts; two ways through an
    alternation cost 2**k, which matters only when k is large."""
    paths = _paths(body, _MAX_PATHS)
    if paths is not None and any(_free_split(path, ignorecase) for path in paths):
        return True
    return many and _conflicting_branches(body, ignorecase)


def _paths(items: list[Item], budget: int) -> list[list[tuple[Item, bool]]] | None:
    """Each way through ``items`` as a flat list of (part, optional); None past ``budget``.

    Groups are opened; alternations multiply the paths; parts of an optional
    group (``(...)?``) are marked optional. Repeats stay whole.
    """
    paths: list[list[tuple[Item, bool]]] = [[]]
    for op, av in items:
        name = str(op)
        if name == "SUBPATTERN":
            options = _paths(list(av[3]), budget)
        elif name == "BRANCH":
            options = []
            for alt in av[1]:
                found = _paths(list(alt), budget)
                if found is None:
                    return None
                options += found
        elif name in _BACKTRACKING and av[1] == 1:
            inner = _paths(list(av[2]), budget)
            options = None if inner is None else [[(p, opt or av[0] == 0) for p, opt in path]
                                                  for path in inner]
        else:
            options = [[((op, av), _min_width((op, av)) == 0)]]
        if options is None or len(paths) * len(options) > budget:
            return None
        paths = [path + option for path in paths for option in options]
    return paths


def _free_split(path: list[tuple[Item, bool]], ignorecase: bool) -> bool:
    """An unbounded repeat whose neighbours are optional or match its characters."""
    for i, (item, _) in enumerate(path):
        op, av = item
        if str(op) not in _BACKTRACKING or av[1] != _UNBOUNDED:
            continue
        chars = _chars(item, ignorecase)
        if all(optional or _chars(other, ignorecase) & chars
               for j, (other, optional) in enumerate(path) if j != i):
            return True
    return False


def _conflicting_branches(items: list[Item], ignorecase: bool) -> bool:
    """An alternation (outside inner repeats) with two branches that can match the same text."""
    for op, av in items:
        name = str(op)
        if name == "BRANCH":
            alts = [_atoms(list(alt)) for alt in av[1]]
            if any(_same_text(a, b, ignorecase) for i, a in enumerate(alts) for b in alts[i + 1:]):
                return True
        inner_repeat = name in _BACKTRACKING and av[1] > 1  # checked as a repeat of its own
        if not inner_repeat and any(_conflicting_branches(c, ignorecase) for c in _children(op, av)):
            return True
    return False


def _atoms(items: list[Item]) -> list[Item]:
    """The parts of a branch in order, groups opened, zero-width parts dropped."""
    out: list[Item] = []
    for op, av in items:
        if str(op) == "SUBPATTERN":
            out += _atoms(list(av[3]))
        elif _max_width((op, av)) != 0:
            out.append((op, av))
    return out


def _same_text(a: list[Item], b: list[Item], ignorecase: bool) -> bool:
    """Whether two branches can match the same text, walking them character by character."""
    for x, y in zip(a, b, strict=False):
        if not _chars(x, ignorecase) & _chars(y, ignorecase):
            return False
        if not (_single(x) and _single(y)):
            return True  # a repeat or a nested alternation: assume they can agree
    return len(a) == len(b)


def _single(item: Item) -> bool:
    return str(item[0]) in ("LITERAL", "NOT_LITERAL", "ANY", "IN")


def _chars(item: Item, ignorecase: bool) -> frozenset[str]:
    """The sample characters ``item`` (or any part of it) can match."""
    op, av = item
    name = str(op)
    if name == "LITERAL":
        char = chr(av)
        return frozenset({char, char.lower(), char.upper()} if ignorecase else {char})
    if name == "NOT_LITERAL":
        return _ALL - {chr(av)}
    if name == "ANY":
        return _ALL
    if name == "IN":
        return _class(av, ignorecase)
    if name in ("GROUPREF", "GROUPREF_IGNORE"):
        return _ALL
    out: frozenset[str] = frozenset()
    for child in _children(op, av):
        for part in child:
            out |= _chars(part, ignorecase)
    return out


def _class(members: list[Item], ignorecase: bool) -> frozenset[str]:
    chars: set[str] = set()
    negate = False
    for op, av in members:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE":
            chars.update(c for c in _SAMPLE if av[0] <= ord(c) <= av[1])
        elif name == "CATEGORY":
            chars |= _CATEGORIES.get(str(av), _ALL)
    if ignorecase:
        chars |= {c.swapcase() for c in chars}
    return _ALL - chars if negate else frozenset(chars)


def _min_width(item: Item) -> int:
    return int(_width(item)[0])


def _max_width(item: Item) -> int:
    return int(_width(item)[1])


def _width(item: Item) -> tuple[int, int]:
    op, av = item
    name = str(op)
    if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
        return 1, 1
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return 0, 0
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high = _seq_width(list(av[2]))
        return av[0] * low, min(av[1] * high, _UNBOUNDED)
    if name == "BRANCH":
        widths = [_seq_width(list(alt)) for alt in av[1]]
        return min(w[0] for w in widths), max(w[1] for w in widths)
    children = _children(op, av)
    if not children:
        return 0, _UNBOUNDED  # back-references: anything
    widths = [_seq_width(child) for child in children]
    return min(w[0] for w in widths), max(w[1] for w in widths)


def _seq_width(items: list[Item]) -> tuple[int, int]:
    low = high = 0
    for item in items:
        a, b = _width(item)
        low, high = low + a, min(high + b, _UNBOUNDED)
    return low, high
