"""Required literals of a regular expression, for prefiltering documents.

``required(pattern)`` returns a set of case-folded strings such that every
match of the pattern contains at least one of them, or None when no such
set can be found (then the rule always runs). It is a conservative
analysis of the parsed pattern: literal runs, alternations and mandatory
groups; anything it does not understand ends a run or gives None.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from linter.lib.cache import memo

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as C
    import sre_parse

MIN_LENGTH = 3
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
Anchors = frozenset[str] | None


# Words in almost every story: a set of anchors holding one selects nothing ("were", "the",
# " and "), so any set without one is preferred to it.
_COMMON = frozenset({"and", "are", "for", "from", "had", "has", "have", "his", "her", "its", "not",
                     "that", "the", "their", "them", "they", "this", "was", "were", "which", "will",
                     "with"})


def _common(anchors: frozenset[str]) -> bool:
    return any(word in _COMMON for a in anchors for word in a.split())


def _best(options: list[frozenset[str]]) -> Anchors:
    """The most selective option: a set with no word found in almost every story, and
    then the set whose shortest string is longest."""
    if not options:
        return None
    return max(options, key=lambda s: (not _common(s), min(map(len, s)), -len(s)))


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
    return memo("required", pattern, int(flags), lambda: _required(pattern, flags))


def _required(pattern: str, flags: int) -> Anchors:
    try:
        parsed = sre_parse.parse(pattern, flags)
    except (re.error, RecursionError):  # not analysable: the rule always runs
        return None
    anchors = _sequence(parsed.data)
    if anchors is None or any(len(a) < MIN_LENGTH for a in anchors):
        return None
    return anchors


_MAX_FIRST = 60
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w", C.CATEGORY_SPACE: r"\s"}


def _first(items: Any) -> tuple[set[str], bool] | None:
    """(class members a match of ``items`` can start with, whether it can be empty)."""
    members: set[str] = set()
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        step = _first_item(op, arg)
        if step is None:
            return None
        found, empty = step
        members |= found
        if not empty:
            return members, False
    return members, True


def _class_members(items: Any) -> set[str] | None:
    """Members of a character class: single characters as themselves, ranges and
    categories as class syntax (no negated classes)."""
    out: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            out.add(chr(arg))
        elif op is C.RANGE:
            out.add(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is C.CATEGORY and arg in _CATEGORIES:
            out.add(_CATEGORIES[arg])
        else:
            return None
    return out


def _any_case(found: tuple[set[str], bool] | None) -> tuple[set[str], bool] | None:
    """Members for a group with a scoped ``(?i:...)``: both cases of each character."""
    if found is None or any(len(m) > 1 and m != r"\d" and m != r"\s" and m != r"\w" for m in found[0]):
        return None
    chars = {v for m in found[0] for v in (m, m.lower(), m.upper()) if len(v) == 1 or v == m}
    return chars, found[1]


def _first_item(op: Any, arg: Any) -> tuple[set[str], bool] | None:
    if op is C.LITERAL:
        return {chr(arg)}, False
    if op is C.IN:
        members = _class_members(arg)
        return None if members is None else (members, False)
    if op is C.SUBPATTERN:
        inner = _first(arg[-1])
        return _any_case(inner) if arg[1] & re.IGNORECASE else inner
    if op is C.BRANCH:
        parts = [_first(b) for b in arg[1]]
        if any(p is None for p in parts):
            return None
        return set().union(*(p[0] for p in parts if p)), any(p[1] for p in parts if p)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        inner = _first(arg[2])
        return None if inner is None else (inner[0], inner[1] or arg[0] == 0)
    return None


def first_class(pattern: str, flags: int = 0) -> str | None:
    """A character class every non-empty match starts with, or None when unknown.

    Case-insensitive patterns need no swapped cases: the class is compiled
    with the pattern's own flags.
    """
    return memo("first", pattern, int(flags), lambda: _first_class(pattern, flags))


def _first_class(pattern: str, flags: int) -> str | None:
    try:
        parsed = sre_parse.parse(pattern, flags)
    except (re.error, RecursionError):  # not analysable: simply not accelerated
        return None
    found = _first(parsed.data)
    if found is None or found[1] or not found[0] or len(found[0]) > _MAX_FIRST:
        return None
    return "[" + "".join(sorted(re.escape(m) if len(m) == 1 else m for m in found[0])) + "]"


def accelerated(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind a lookahead on its possible first characters, when they are known.

    Python's ``re`` otherwise enters every alternative at every position; a
    one-character-class test first skips most positions. Matches are the same,
    since a match can only start with one of those characters.
    """
    klass = first_class(pattern, flags)
    return pattern if klass is None else f"(?={klass})(?:{pattern})"


_ANY = 1 << 30  # crossings of white space: as many as the words allow
_MAX_PREFIXES = 50_000  # a flat list of 10,000 terms is fine; runaway products are not
_MAX_UNION = 200_000  # the alternatives of a pattern's first item, each within the limit
Prefix = tuple[str, bool]  # (literal text, whether the match may continue it literally)
_SHORT = 5


def _space(char: str) -> str:
    return " " if char.isspace() else char


def _only_spaces(items: Any) -> bool:
    return all(op is C.IN and arg == [(C.CATEGORY, C.CATEGORY_SPACE)] for op, arg in items)


def _item_prefixes(op: Any, arg: Any, across: int) -> list[Prefix]:
    r"""The literal beginnings one item can have; ``False`` marks where literals stop.

    White space counts as one space (the scanner reads text with every white-space
    character turned into a space), so ``\s+`` contributes a space and ends the prefix
    (but see :func:`_seq_prefixes`).
    """
    if op is C.LITERAL:
        return [(_space(chr(arg)), True)]
    if _space_run(op, arg):
        return [(" ", False)]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] == 0 and arg[1] == 1:
        return [*_seq_prefixes(arg[2], across), ("", True)]  # optional: taken, or skipped
    if op is C.IN and arg == [(C.CATEGORY, C.CATEGORY_DIGIT)]:
        return [(digit, True) for digit in "0123456789"]
    if op is C.IN and all(o is C.LITERAL for o, _ in arg):
        return [(_space(chr(a)), True) for _, a in arg]
    if op is C.SUBPATTERN:
        return _seq_prefixes(arg[-1], across)
    if op is C.BRANCH:
        return [p for branch in arg[1] for p in _seq_prefixes(branch, across)]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] >= 1:
        return [(text, False) for text, _ in _seq_prefixes(arg[2], across)]
    return [("", False)]


def _space_run(op: Any, arg: Any) -> bool:
    return op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] >= 1 and _only_spaces(arg[2])


def _past_space(text: str, longer: bool) -> list[Prefix]:
    r"""A prefix that ``\s+`` follows, ``across`` it: a run of one white-space character
    reads as one space and the literals after it go on; a ``longer`` run starts with two
    spaces, where the prefix ends."""
    return [(text + " ", True), *([(text + "  ", False)] if longer else [])]


def _seq_prefixes(items: Any, across: int) -> list[Prefix]:
    r"""Every literal text a match of ``items`` can start with (alternations expanded).

    ``across``: how many runs of white space a prefix may go on past. After a word
    shorter than ``_SHORT`` ("the", "a", "was": most sentences hold one), the prefix goes
    on past the white space, so "the\s+bigot" gives "the bigot" and "the  " instead of
    "the ". Longer words stop at the space: extending them would only grow the automaton
    every run builds. A sequence whose prefixes run away is read again with one crossing
    a prefix ("at least", "a dozen", not "a"), then with none.
    """
    current: list[Prefix] = [("", True)]
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if not any(open_ for _, open_ in current):
            break
        if across and _space_run(op, arg):
            current = [q for text, open_ in current for q in (
                _past_space(text, arg[1] >= 2) if open_ and len(text) < _SHORT and _crossings(text) < across
                else [(text + " " if open_ else text, False)])]
            continue
        if across == _ANY:
            step = _item_prefixes(op, arg, across)
            # (a sequence's first item is no product: its alternatives, each kept within the
            # limit by its own reading, only add up)
            limit = _MAX_UNION if current == [("", True)] else _MAX_PREFIXES
            if sum(len(step) if open_ else 1 for _, open_ in current) > limit:
                return _seq_prefixes(items, 1)  # runaway: one crossing a prefix
            current = [(text + more, more_open) if open_ else (text, False)
                       for text, open_ in current for more, more_open in (step if open_ else [("", False)])]
            continue
        # A prefix goes on into the item with the crossings it has left; cut short, many
        # paths end in one prefix, kept once.
        steps: dict[int, list[Prefix]] = {}
        longer: list[Prefix] = []
        for text, open_ in current:
            if not open_:
                longer.append((text, False))
                continue
            left = max(across - _crossings(text), 0)
            if left not in steps:
                steps[left] = _item_prefixes(op, arg, left)
            longer += ((text + more, more_open) for more, more_open in steps[left])
        current = list(dict.fromkeys(_within(text, open_, across) for text, open_ in longer))
        if len(current) > _MAX_PREFIXES:  # runaway: stop at the spaces, or give up
            return _seq_prefixes(items, 0) if across else [("", False)]
    return current


def _crossings(text: str) -> int:
    """The runs of white space inside ``text`` that a prefix has gone on past."""
    return max(len(text.split()) - 1, 0)


def _within(text: str, open_: bool, across: int) -> Prefix:
    """``text`` cut after the white space it may not go on past (closed there)."""
    if _crossings(text) <= across:
        return text, open_
    words = text.split(" ")
    kept, seen = [], 0
    for word in words:
        kept.append(word)
        seen += bool(word)
        if seen > across:
            break
    return " ".join(kept) + " ", False


def _prefixes(pattern: str, flags: int) -> Anchors:
    try:
        parsed = sre_parse.parse(pattern, flags)
    except (re.error, RecursionError):
        return None
    # Across white space: a prefix found so is the one found without it, or longer, so it is
    # selective whenever that one is (a sequence that runs away falls back by itself).
    found = {text.casefold() for text, _ in _seq_prefixes(parsed.data, _ANY)}
    if not found or not all(_selective(p) for p in found):
        return None
    return frozenset(_shortest(found))


def _shortest(found: set[str]) -> list[str]:
    """Drop prefixes that extend another one (``terrorists`` once ``terrorist`` is there)."""
    kept: list[str] = []
    for prefix in sorted(found):
        if not kept or not prefix.startswith(kept[-1]):
            kept.append(prefix)
    return kept


def _selective(prefix: str) -> bool:
    """Worth scanning for: three characters, a one-letter word and a space, or a digit
    (numbers are rare enough in prose)."""
    return (len(prefix) >= MIN_LENGTH or (len(prefix) == 2 and prefix[1] == " " and prefix[0] != " ")
            or (len(prefix) == 1 and prefix.isdigit()))


def prefixes(pattern: str, flags: int = 0) -> Anchors:
    """Case-folded literals one of which every match starts with (None: unknown), white
    space as a plain space: to be looked for in :attr:`Document.folded`."""
    return memo("prefixes", pattern, int(flags), lambda: _prefixes(pattern, flags))
