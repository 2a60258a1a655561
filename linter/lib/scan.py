"""Find a pattern's matches exactly as ``finditer`` does, trying only where they can start.

A term rule with hundreds or thousands of tokens is one big alternation,
and Python's ``re`` tries every alternative at every position of the text.
When every match must start with one of a set of literals
(:func:`linter.lib.literals.prefixes`), one Aho-Corasick pass over the
case-folded text finds the only positions where a match can start, and
``pattern.match`` is tried at those positions alone, left to right, skipping
positions inside the previous match. ``match`` at a position sees the text
before it (``\\b`` and look-behinds work as in ``finditer``), so the result is
the same list of matches. Texts whose case-folded form changes length
(``ß`` -> ``ss``) fall back to ``finditer``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

import ahocorasick

# Below this many prefixes the regex alone is as fast.
MIN_PREFIXES = 4


class Scanner:
    def __init__(self, pattern: re.Pattern[str], prefixes: frozenset[str]) -> None:
        self.pattern = pattern
        self.prefixes = prefixes
        self.reach = max(map(len, prefixes), default=0)  # the longest prefix
        self._automaton: ahocorasick.Automaton | None = None

    def starts(self, folded: str) -> list[int]:
        """Where a prefix occurs in ``folded``: every offset a match can start at, sorted."""
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for prefix in self.prefixes:
                automaton.add_word(prefix, len(prefix))
            automaton.make_automaton()
            self._automaton = automaton
        return sorted({end - length + 1 for end, length in self._automaton.iter(folded)})

    def finditer(self, text: str, folded: str | None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``; ``folded`` is the case-folded text with white space
        as plain spaces (``Document.folded``), None when folding changed its length."""
        if folded is None:
            return self.pattern.finditer(text)
        return self.finditer_within(text, self.starts(folded), 0, len(text))

    def finditer_within(self, text: str, starts: Sequence[int], start: int, end: int,
                        ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, trying only ``starts``: the offsets where
        a prefix occurs in the folded text, sorted (repeats allowed; a document's, read a
        sentence at a time by the reporting cues)."""
        last_end = start
        previous = -1
        for i in range(bisect_left(starts, start), len(starts)):
            offset = starts[i]
            if offset >= end:
                break
            if offset < last_end or offset == previous:
                continue
            previous = offset
            m = self.pattern.match(text, offset, end)
            if m is not None and m.end() > m.start():
                yield m
                last_end = m.end()


def scanner_for(pattern: re.Pattern[str], prefixes: frozenset[str] | None) -> Scanner | None:
    """A scanner when the pattern has enough literal prefixes to be worth it."""
    if prefixes is None or len(prefixes) < MIN_PREFIXES:
        return None
    return Scanner(pattern, prefixes)


def within_blocks(pattern: re.Pattern[str], text: str, starts: Sequence[int],
                  found: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    """``found``, the matches of ``pattern`` in order, none across one of the ``starts`` of
    the document's blocks (its paragraphs, headings, list items). A space in a term
    matches any white space, a blank line too, but a term is never told across two
    paragraphs, and a match from a headline's last word into the story (``kills four |
    Four workers died``, ``Unrest | Regime blames ...``) would hide the one the next block
    opens with, which is searched for from the block's start instead."""
    end = 0
    for m in found:
        match: re.Match[str] | None = m
        while match is not None and match.start() >= end:
            k = bisect_right(starts, match.start())
            if k == len(starts) or starts[k] >= match.end():
                yield match
                end = match.end()
                break
            again = pattern.search(text, starts[k])  # (one that starts later is found's next)
            starts_here = again is not None and again.start() < m.end() and again.end() > again.start()
            match = again if starts_here else None
