"""User patterns on RE2, in linear time, wherever that keeps Python's ``re`` semantics.

Python's ``re`` backtracks, so a user's pattern can take exponential time on a short line;
RE2 (google-re2) never backtracks, in time linear in the text. But RE2 is not ``re``:
its ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are ASCII, its case folding is its own, it has no
look-around or back-reference, and it treats empty repetitions and the end of a window
differently. :func:`translate` therefore takes a pattern to RE2 only where the meaning
is the same by construction:

* every character test (a literal under ``IGNORECASE``, a class, ``.``, ``\\w``, ...) is
  written out as the exact set of code points Python's own ``re`` matches with it,
  computed by ``re`` over all of Unicode (so case folding and categories are Python's);
* the pattern has no anchor, word boundary, look-around, back-reference, conditional,
  atomic group or possessive repeat, no part that can match the empty string, no
  capturing group inside a repeat, and no count over 1,000 (RE2's limit).

Such a pattern has one meaning in both engines: the leftmost match, alternatives tried
in order, repeats as greedy or as lazy as written. Anything else stays on ``re`` under a
time limit (:mod:`linter.lib.timelimit`). ``tests/test_linear.py`` compares the two
engines on random patterns and texts.

:class:`Re2Pattern` offers what the rule kinds use of an ``re.Pattern`` (``finditer``,
``search``, ``match``, ``fullmatch``, ``pattern``, ``flags``, ``groups``, ``groupindex``)
over a text given as ``str``: the text is encoded to UTF-8 once (the last text is kept),
and offsets are converted with checkpoints every 256 characters.
"""

from __future__ import annotations

import importlib
import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from linter.lib.cache import memo

_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_UNBOUNDED = _PARSER.MAXREPEAT
_MAX_COUNT = 1_000
_CHARS = ("LITERAL", "NOT_LITERAL", "ANY", "IN")
_CATEGORY = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
             "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


@lru_cache(maxsize=1)
def _planes() -> tuple[tuple[int, str], ...]:
    """Every code point a str can hold, in two runs around the surrogates (never in a text)."""
    return (0, "".join(map(chr, range(0xD800)))), (0xE000, "".join(map(chr, range(0xE000, 0x110000))))


class _NotLinear(Exception):
    """The pattern uses something RE2 cannot run with ``re``'s meaning."""


def _escape(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and char.isalnum() else f"\\x{{{code:x}}}"


def _member(op: Any, av: Any) -> str:
    name = str(op)
    if name == "LITERAL":
        return re.escape(chr(av))
    if name == "RANGE":
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if name == "CATEGORY" and str(av) in _CATEGORY:
        return _CATEGORY[str(av)]
    if name == "NEGATE":
        return "^"
    raise _NotLinear(name)


def _atom(op: Any, av: Any) -> str:
    """The Python pattern of one character test."""
    name = str(op)
    if name == "LITERAL":
        return re.escape(chr(av))
    if name == "NOT_LITERAL":
        return f"[^{re.escape(chr(av))}]"
    if name == "ANY":
        return "."
    return "[" + "".join(_member(o, a) for o, a in av) + "]"


@lru_cache(maxsize=4096)
def _code_points(atom: str, flags: int) -> str:
    """The RE2 class of exactly the code points ``re`` matches with ``atom`` under ``flags``."""
    ranges: list[tuple[int, int]] = []
    test = re.compile(f"(?:{atom})+", flags & (re.IGNORECASE | re.DOTALL | re.ASCII))
    for base, plane in _planes():
        ranges += ((base + m.start(), base + m.end() - 1) for m in test.finditer(plane))
    if not ranges:
        return "[^\\x{0}-\\x{10ffff}]"
    parts = (_escape(a) if a == b else f"{_escape(a)}-{_escape(b)}" for a, b in ranges)
    return "[" + "".join(parts) + "]"


def _char(op: Any, av: Any, flags: int) -> str:
    if str(op) == "LITERAL" and not flags & re.IGNORECASE:
        return _escape(av)
    return memo("re2 class", _atom(op, av), flags, lambda: _code_points(_atom(op, av), flags))


def _min_width(items: list[Any], state: Any) -> int:
    low, _ = _PARSER.SubPattern(state, items).getwidth()
    return int(low)


def _emit(items: list[Any], flags: int, repeated: bool, state: Any) -> str:
    out = []
    for op, av in items:
        name = str(op)
        if name in _CHARS:
            out.append(_char(op, av, flags))
        elif name == "BRANCH":
            out.append("(?:" + "|".join(_emit(list(alt), flags, repeated, state) for alt in av[1]) + ")")
        elif name == "SUBPATTERN":
            group, add, remove, body = av
            if group is not None and repeated:
                raise _NotLinear("a group inside a repeat")
            inner = _emit(list(body), (flags | add) & ~remove, repeated, state)
            out.append(f"({inner})" if group is not None else f"(?:{inner})")
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, body = av
            if low > _MAX_COUNT or (high != _UNBOUNDED and high > _MAX_COUNT):
                raise _NotLinear("a count over 1,000")
            if _min_width(list(body), state) == 0:
                raise _NotLinear("a repeat that can match nothing")
            count = f"{{{low},}}" if high == _UNBOUNDED else f"{{{low},{high}}}"
            lazy = "?" if name == "MIN_REPEAT" else ""
            out.append(f"(?:{_emit(list(body), flags, repeated or high > 1, state)}){count}{lazy}")
        else:  # anchors, \b, look-around, back-references, conditionals, atomic, possessive
            raise _NotLinear(name)
    return "".join(out)


def translate(pattern: str, flags: int = 0) -> str | None:
    """``pattern`` in RE2 syntax with ``re``'s meaning, or None when there is no such."""
    def compute() -> str | None:
        try:
            tree = _PARSER.parse(pattern, flags)
            if tree.getwidth()[0] == 0:
                return None
            return _emit(list(tree), tree.state.flags, False, tree.state)
        except (_NotLinear, re.error, RecursionError, OverflowError, IndexError):
            return None
    translated: str | None = memo("re2", pattern, int(flags), compute)
    return translated


class _Encoded:
    """A text in UTF-8, with the byte offset of every 256th character."""

    STEP = 256

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.ascii = len(self.data) == len(text)
        self.marks: list[int] = []
        if not self.ascii:
            at = 0
            for i in range(0, len(text) + 1, self.STEP):
                self.marks.append(at)
                at += len(text[i:i + self.STEP].encode("utf-8"))

    def to_byte(self, pos: int) -> int:
        if self.ascii:
            return pos
        k = pos // self.STEP
        return self.marks[k] + len(self.text[k * self.STEP:pos].encode("utf-8"))

    def to_char(self, at: int) -> int:
        if self.ascii or at < 0:
            return at
        k = bisect_right(self.marks, at) - 1
        return k * self.STEP + len(self.data[self.marks[k]:at].decode("utf-8"))


_LAST: list[_Encoded] = []


def _encoded(text: str) -> _Encoded:
    if not _LAST or _LAST[0].text is not text:
        _LAST[:] = [_Encoded(text)]
    return _LAST[0]


class Re2Match:
    """What the rule kinds read of an ``re.Match``, for a match RE2 found."""

    def __init__(self, pattern: Re2Pattern, string: str, spans: list[tuple[int, int]], pos: int,
                 endpos: int) -> None:
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, group: int | str) -> int:
        return self.re.groupindex[group] if isinstance(group, str) else group

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._spans[self._index(group)]

    def start(self, group: int | str = 0) -> int:
        return self.span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self.span(group)[1]

    def group(self, *groups: int | str) -> Any:
        if len(groups) > 1:
            return tuple(self.group(g) for g in groups)
        a, b = self.span(groups[0] if groups else 0)
        return None if a < 0 else self.string[a:b]

    def __getitem__(self, group: int | str) -> Any:
        return self.group(group)

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        return tuple(default if (g := self.group(i)) is None else g for i in range(1, len(self._spans)))

    def groupdict(self, default: Any = None) -> dict[str, Any]:
        return {name: default if (g := self.group(name)) is None else g for name in self.re.groupindex}

    @property
    def lastindex(self) -> int | None:
        """The group that closed last (no group is inside a repeat, so each closed once):
        the latest end; at one end, the outermost, then the one that started last."""
        matched = [(b, i) for i, (a, b) in enumerate(self._spans) if i and a >= 0]
        if not matched:
            return None
        last = max(b for b, _ in matched)
        ends = [i for b, i in matched if b == last]
        outer = [i for i in ends if not any(j != i and self.re.encloses(j, i) for j in ends)]
        return max(outer, key=lambda i: (self._spans[i][0], i))

    @property
    def lastgroup(self) -> str | None:
        index = self.lastindex
        return next((name for name, i in self.re.groupindex.items() if i == index), None)


class Re2Pattern:
    """A user's pattern run by RE2 (see the module docstring); ``pattern``, ``flags``,
    ``groups`` and ``groupindex`` are those of the ``re`` pattern it stands for."""

    def __init__(self, compiled: re.Pattern[str], program: Any, parents: dict[int, int]) -> None:
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.groups = compiled.groups
        self.groupindex = dict(compiled.groupindex)
        self._program = program
        self._parents = parents

    def encloses(self, outer: int, inner: int) -> bool:
        while inner in self._parents:
            inner = self._parents[inner]
            if inner == outer:
                return True
        return False

    def _run(self, method: str, text: str, pos: int, endpos: int | None) -> Re2Match | None:
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        pos = max(0, min(pos, end))
        encoded = _encoded(text)
        found = getattr(self._program, method)(encoded.data, encoded.to_byte(pos), encoded.to_byte(end))
        if found is None:
            return None
        spans = [(encoded.to_char(a), encoded.to_char(b)) for a, b in
                 (found.span(i) for i in range(self.groups + 1))]
        return Re2Match(self, text, spans, pos, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Re2Match | None:
        return self._run("search", text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Re2Match | None:
        return self._run("match", text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Re2Match | None:
        return self._run("fullmatch", text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Re2Match]:
        """No match is empty (:func:`translate` sees to that), so each search starts where
        the last match ended, as ``re.finditer`` does."""
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end()

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        found = self.finditer(text, pos, endpos)
        if self.groups == 0:
            return [m.group() for m in found]
        return [m.groups("")[0] if self.groups == 1 else m.groups("") for m in found]


def _parents(pattern: str, flags: int) -> dict[int, int]:
    """Each capturing group's enclosing capturing group."""
    parents: dict[int, int] = {}

    def walk(items: list[Any], outer: int | None) -> None:
        for op, av in items:
            name = str(op)
            if name == "SUBPATTERN":
                if av[0] is not None and outer is not None:
                    parents[av[0]] = outer
                walk(list(av[3]), av[0] if av[0] is not None else outer)
            elif name == "BRANCH":
                for alt in av[1]:
                    walk(list(alt), outer)
            elif name in ("MAX_REPEAT", "MIN_REPEAT"):
                walk(list(av[2]), outer)

    walk(list(_PARSER.parse(pattern, flags)), None)
    return parents


def linear(compiled: re.Pattern[str], pattern: str, flags: int = 0) -> Re2Pattern | None:
    """``compiled`` (the ``re`` form of ``pattern``) run by RE2, or None when RE2 cannot
    keep its meaning (or cannot compile it within its memory budget)."""
    translated = translate(pattern, flags)
    if translated is None:
        return None
    import re2

    options = re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20
    try:
        program = re2.compile(translated, options)
    except re2.error:
        return None
    if program.groups != compiled.groups:
        return None
    return Re2Pattern(compiled, program, _parents(pattern, flags))
