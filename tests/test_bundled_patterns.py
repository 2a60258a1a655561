"""Every regular expression of every bundled rule runs in linear time on any text.

Bundled rules run on Python's ``re`` without a time limit (they are part of copydesk,
like its own patterns), so each must stay linear. ``re`` backtracks: a pattern is slow
where a repeated part can be tried from many places in a long run of text that it
almost matches (``\\d+(?:[,.]\\d+)*`` from inside ``1,0001,0001,000...``). For each
pattern, every repeated part and every alternative is made into sample text, repeated
into runs of two lengths; the longer run may cost no more than its share.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from linter.config.loader import bundled_dir, bundled_styles, load_styles
from linter.lib.scan import Scanner

_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_CANDIDATES = "a0 A.,'-\n“»é"
_CATEGORY = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
             "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
_MAX_ALTERNATIVES = 6  # samples per alternation (term lists have thousands)


def patterns_of(value: object, seen: set[int] | None = None) -> Iterator[re.Pattern[str]]:
    """Every compiled pattern held by a rule's options, at any depth."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, Scanner) or dataclasses.is_dataclass(value):
        for name in getattr(value, "__dataclass_fields__", None) or vars(value):
            yield from patterns_of(getattr(value, name), seen)
    elif isinstance(value, (tuple, list, frozenset, set)):  # records (NamedTuple) too
        for item in value:
            yield from patterns_of(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from patterns_of(item, seen)


def _in_class(items: list[Any], char: str) -> bool:
    negate, found = False, False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            found |= chr(av) == char
        elif name == "RANGE":
            found |= av[0] <= ord(char) <= av[1]
        elif name == "CATEGORY":
            found |= re.fullmatch(_CATEGORY.get(str(av), r"[^\s\S]"), char) is not None
    return found != negate


def _char(op: Any, av: Any) -> str:
    """A character the one-character item matches."""
    name = str(op)
    if name == "LITERAL":
        return chr(av)
    if name == "NOT_LITERAL":
        return "a" if chr(av) != "a" else "b"
    if name == "IN":
        return next((c for c in _CANDIDATES if _in_class(list(av), c)), "")
    return "a"  # ANY


def samples(items: list[Any], parts: list[str]) -> list[str]:
    """Texts the items can match (a few), collecting in ``parts`` a sample of every repeated
    part and every alternative found on the way."""
    texts = [""]
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
            options = [_char(op, av)]
        elif name == "SUBPATTERN":
            options = samples(list(av[3]), parts)
        elif name == "BRANCH":
            options = [s for alt in list(av[1])[:_MAX_ALTERNATIVES] for s in samples(list(alt), parts)[:1]]
            parts.extend(options)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            body = samples(list(av[2]), parts)
            if av[1] > 1:
                parts.extend(body)
            options = [b * max(av[0], 1) for b in body[:2]]
        elif name == "ATOMIC_GROUP":
            options = samples(list(av), parts)
        else:  # assertions, anchors, back-references: nothing to add
            options = [""]
        texts = [t + o for t in texts for o in options or [""]][:_MAX_ALTERNATIVES]
    return texts


def runs(pattern: re.Pattern[str]) -> set[str]:
    """Units to repeat into long runs: each repeated part and alternative, the whole; alone
    and followed by a space."""
    parts: list[str] = []
    whole = samples(list(_PARSER.parse(pattern.pattern, pattern.flags)), parts)
    units = {p for p in parts + whole if p.strip()}
    return units | {u + " " for u in units}


def _seconds(pattern: re.Pattern[str], unit: str, size: int, tries: int = 1) -> float:
    text = unit * (size // len(unit) + 1)
    best = float("inf")
    for _ in range(tries):
        started = time.process_time()
        for _ in pattern.finditer(text):
            pass
        best = min(best, time.process_time() - started)
    return best


SHORT, LONG = 1_500, 12_000  # well beyond any bounded look-ahead ({0,300})


def slow_runs(pattern: re.Pattern[str]) -> list[str]:
    """The runs on which ``pattern`` costs more than its share at 8x the length: measured
    once, and again (best of three) when the first reading says so, against the noise of
    a shared machine."""
    def slow(unit: str, tries: int) -> bool:
        a, b = _seconds(pattern, unit, SHORT, tries), _seconds(pattern, unit, LONG, tries)
        return b >= 0.03 and b >= 3 * (LONG / SHORT) * max(a, 1e-4)
    return [unit for unit in sorted(runs(pattern)) if slow(unit, 1) and slow(unit, 3)]


def bundled_patterns() -> list[tuple[str, re.Pattern[str]]]:
    ruleset = load_styles([(name, bundled_dir() / name) for name in bundled_styles()])
    found: dict[tuple[str, int], tuple[str, re.Pattern[str]]] = {}
    for rule in ruleset.rules:
        for pattern in patterns_of(rule.options):
            found.setdefault((pattern.pattern, pattern.flags), (rule.id, pattern))
    return sorted(found.values(), key=lambda item: item[0])


@pytest.mark.parametrize(("rule_id", "pattern"), bundled_patterns(),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_bundled_pattern_is_linear(rule_id: str, pattern: re.Pattern[str]) -> None:
    assert not slow_runs(pattern), f"{rule_id}: slower than linear on runs of {slow_runs(pattern)}"


def test_the_check_finds_a_quadratic_pattern() -> None:
    """The number pattern of Sourcing.Figures before it read numbers from their start only:
    from every digit group of ``1.0.0.0...`` it read to the end of the run."""
    slow = re.compile(r"\b(?:\d+(?:[,.]\d+)*) (?:killed|dead)\b", re.IGNORECASE)
    assert ".0" in slow_runs(slow)
    assert not slow_runs(re.compile(r"\b(?<![\d,.])(?:\d+(?:[,.]\d+)*) (?:killed|dead)\b"))
