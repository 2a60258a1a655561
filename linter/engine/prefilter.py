"""One pass over a document's text: which rules can match, and where term matches can start.

Each term-like rule's kind can name the literals one of which every match
must contain (``Kind.anchors``, computed by :mod:`linter.lib.literals`), and
its big term patterns carry prefix scanners (:mod:`linter.lib.scan`). All
anchors of all rules and all the scanners' prefixes go into one
Aho-Corasick automaton; a document is scanned once, only rules with an
anchor present run, and each scanner finds its start offsets already
collected (``Analysis.starts``) instead of scanning the text again. A rule
without anchors always runs. This changes speed, never findings: the
prefilter only says "cannot match" when no anchor occurs, and a scanner
gets exactly the offsets its own pass would find. A scanner with one of the
commonest words of prose as a prefix ("the " in "the worst act of terror")
is left out when only rules with anchors use it: its starts would be every
article of every story, and it finds them itself where such a rule runs.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

import ahocorasick

from linter.kinds import KINDS
from linter.lib.scan import Scanner
from linter.model.document import Document, casefold, fold_view, spaced
from linter.model.rule import Rule

_NO_RULES: frozenset[int] = frozenset()
# The commonest words of prose. A scanner with one of them as a prefix ("the " in "the
# worst act of terror") would have every article of every story recorded as a start.
_FUNCTION_WORDS = frozenset({"a ", "an ", "the ", "as ", "at ", "of ", "to ", "in ", "on ", "is ", "it ",
                             "and ", "for ", "was ", "that ", "this "})
# Characters the automaton scans at a time (it copies them at 4 bytes each).
_WINDOW = 1 << 20


def _scanners(rule: Rule) -> Iterable[Scanner]:
    held = KINDS[rule.kind].scanners
    return () if held is None else (s for s in held(rule.options) if s is not None)


class _LengthChanged(Exception):
    """Case folding changed the length of a window of the text."""


def _fold_in_place(window: str) -> str:
    """``window`` as :func:`fold_view` gives it, when folding keeps its length."""
    folded = fold_view(window)
    if len(folded) != len(window):
        raise _LengthChanged
    return folded


class Prefilter:
    def __init__(self, rules: Sequence[Rule], scanners: Iterable[Scanner] = ()) -> None:
        """``scanners``: more prefix scanners to serve besides the rules' own (the vocabulary's)."""
        self.rules = tuple(rules)
        self._always: list[int] = []
        owners: dict[str, set[int]] = {}
        for index, rule in enumerate(self.rules):
            anchors = KINDS[rule.kind].anchors
            found = anchors(rule.options) if anchors is not None else None
            if not found:
                self._always.append(index)
                continue
            for anchor in found:
                owners.setdefault(spaced(anchor), set()).add(index)
        # Such a scanner is served here only when a rule that runs on every story uses it;
        # one that only rules with anchors use finds its own starts, on the stories where
        # one of them runs (the same starts: see Scanner.finditer).
        always = {id(s) for i in self._always for s in _scanners(self.rules[i])}
        every = [*(s for rule in self.rules for s in _scanners(rule)), *scanners]
        self._scanners = tuple(s for s in {id(s): s for s in every}.values()
                               if id(s) in always or not s.prefixes & _FUNCTION_WORDS)
        starting: dict[str, list[tuple[int, int]]] = {}
        for number, scanner in enumerate(self._scanners):
            for prefix in scanner.prefixes:
                starting.setdefault(prefix, []).append((number, len(prefix)))
        self._automaton: ahocorasick.Automaton | None = None
        self._reach = 0
        words = owners.keys() | starting.keys()
        if words:
            automaton = ahocorasick.Automaton()
            for word in words:
                automaton.add_word(word, (frozenset(owners.get(word, _NO_RULES)),
                                          tuple(starting.get(word, ()))))
            automaton.make_automaton()
            self._automaton = automaton
            self._reach = max(map(len, words)) - 1

    def _hits(self, text: str, fold: Callable[[str], str] | None = None,
              ) -> Iterator[tuple[int, tuple[frozenset[int], tuple[tuple[int, int], ...]]]]:
        """The automaton's matches in ``text``, or with ``fold`` in ``fold(text)`` (a
        function that keeps every offset), by end offset and value, in order of their ends.

        The automaton copies the text it is given at four bytes a character, so a long
        text goes through in windows (folded one by one: no copy of the whole text is
        made): each starts early enough (``_reach``, the longest word less one) to hold
        every match that ends in it, and keeps only those, so each match is found once and
        in the same state as in one pass."""
        automaton = self._automaton
        assert automaton is not None
        if len(text) <= _WINDOW:
            yield from automaton.iter(fold(text) if fold is not None else text)
            return
        for lo in range(0, len(text), _WINDOW):
            start = max(0, lo - self._reach)
            window = text[start:lo + _WINDOW]
            for end, value in automaton.iter(fold(window) if fold is not None else window):
                if end + start >= lo:
                    yield end + start, value

    def scan(self, doc: Document) -> tuple[list[Rule], dict[object, Sequence[int]]]:
        """The rules that may match ``doc``, in their original order, and each scanner's
        start offsets in ``doc.folded`` (by scanner, for ``Analysis.starts``; none when
        folding changes the text's length). The pass keeps no folded copy of the text:
        the scanners read the offsets found here."""
        present = set(self._always)
        found_starts: dict[object, Sequence[int]] = {}
        if self._automaton is not None:
            try:
                # Machine integers: a story has hundreds of starts, an archive in one file millions.
                starts = [array("q") for _ in self._scanners]
                for end, (indexes, starting) in self._hits(doc.text, _fold_in_place):
                    if indexes:
                        present.update(indexes)
                    for number, length in starting:
                        starts[number].append(end - length + 1)
                found_starts = dict(zip(self._scanners, starts, strict=True))
            except _LengthChanged:  # case folding changed the length: scanners read the text alone
                doc.fold_changes_length()
                present = set(self._always)
                for _, (indexes, _) in self._hits(casefold(doc.text)):
                    present.update(indexes)
        return [self.rules[i] for i in sorted(present)], found_starts
