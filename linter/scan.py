"""Find a pattern's matches exactly as ``finditer`` does, trying only where they can start.

A term rule with hundreds or thousands of tokens is one big alternation,
and Python's ``re`` tries every alternative at every position of the text.
When every match must start with one of a set of literals
(:func:`linter.literals.prefixes`), one Aho-Corasick pass over the
case-folded text finds the only positions where a match can start, and
``pattern.match`` is tried at those positions alone, left to right, skipping
positions inside the previous match. ``match`` at a position sees the text
before it (``\\b`` and look-behinds work as in ``finditer``), so the result is
the same list of matches. Texts whose case-folded form changes length
(``ß`` -> ``ss``) fall back to ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

# Below this many prefixes the regex alone is as fast.
MIN_PREFIXES = 4


class Scanner:
    def __init__(self, pattern: re.Pattern[str], prefixes: frozenset[str]) -> None:
        self.pattern = pattern
        self.lengths: dict[str, int] = {}
        automaton = ahocorasick.Automaton()
        for prefix in prefixes:
            automaton.add_word(prefix, len(prefix))
        automaton.make_automaton()
        self.automaton = automaton

    def finditer(self, text: str, folded: str | None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``; ``folded`` is :attr:`Document.folded`."""
        if folded is None:
            yield from self.pattern.finditer(text)
            return
        starts = sorted({end - length + 1 for end, length in self.automaton.iter(folded)})
        last_end = 0
        for start in starts:
            if start < last_end:
                continue
            m = self.pattern.match(text, start)
            if m is not None and m.end() > m.start():
                yield m
                last_end = m.end()


def scanner_for(pattern: re.Pattern[str], prefixes: frozenset[str] | None) -> Scanner | None:
    """A scanner when the pattern has enough literal prefixes to be worth it."""
    if prefixes is None or len(prefixes) < MIN_PREFIXES:
        return None
    return Scanner(pattern, prefixes)
