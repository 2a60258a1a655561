"""Skip rules that cannot match a document, with one pass over its text.

Each term-like rule's kind can name the literals one of which every match
must contain (``Kind.anchors``, computed by :mod:`linter.literals`). All
anchors of all rules go into one Aho-Corasick automaton; a document is
scanned once (case-folded) and only rules with an anchor present run. A
rule without anchors always runs. This changes speed, never findings: the
prefilter only says "cannot match" when no anchor occurs.
"""

from __future__ import annotations

from collections.abc import Sequence

import ahocorasick

from linter.document import Document
from linter.kinds import KINDS
from linter.rule import Rule


class Prefilter:
    def __init__(self, rules: Sequence[Rule]) -> None:
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
                owners.setdefault(anchor, set()).add(index)
        self._automaton: ahocorasick.Automaton | None = None
        if owners:
            automaton = ahocorasick.Automaton()
            for anchor, indexes in owners.items():
                automaton.add_word(anchor, frozenset(indexes))
            automaton.make_automaton()
            self._automaton = automaton

    def candidates(self, doc: Document) -> list[Rule]:
        """The rules that may match ``doc``, in their original order."""
        present = set(self._always)
        if self._automaton is not None:
            for _, indexes in self._automaton.iter(doc.casefolded):
                present.update(indexes)
        return [self.rules[i] for i in sorted(present)]
