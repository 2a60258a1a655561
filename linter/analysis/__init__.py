"""Pure analyses of a document's prose text, computed once per document and on first use.

:class:`Analysis` is what rule kinds read besides the document itself:
quotations (:mod:`.quotations`), sentences and paragraphs (:mod:`.sentences`),
and attribution (:mod:`.attribution`, over the reporting cues of :mod:`.cues`).
Each is computed from ``doc.text`` and ``doc.blocks`` alone, in ``text``
offsets, the first time a rule asks for it.

This package knows drafts, not rules: it must not import ``kinds``, ``engine``,
``config``, ``run`` or ``report``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from typing import TypeVar

from linter.analysis.attribution import Attribution, Voice
from linter.analysis.quotations import Quotations
from linter.analysis.sentences import Sentences, attribution_after
from linter.model.document import Document

T = TypeVar("T")

__all__ = ["Analysis", "Voice", "prepare"]


class Analysis:
    """The analyses of one document, each computed on first use.

    ``starts`` holds what the engine's one pass over the text found for each prefix
    scanner (:mod:`linter.lib.scan`), keyed by the scanner's ``key``: term rules read
    their candidate offsets from it instead of scanning again.
    """

    def __init__(self, doc: Document, starts: Mapping[object, list[int]] | None = None) -> None:
        self.doc = doc
        self.starts: Mapping[object, list[int]] = starts or {}
        self._shared: dict[object, object] = {}

    @cached_property
    def quotations(self) -> Quotations:
        return Quotations(self.doc.text, self.doc.blocks)

    @cached_property
    def sentences(self) -> Sentences:
        return Sentences(self.doc.text, self.doc.blocks, self.quotations)

    @cached_property
    def attribution(self) -> Attribution:
        return Attribution(self.doc.text, self.quotations, self.sentences)

    def shared(self, key: object, compute: Callable[[], T]) -> T:
        """A result several rules of one kind share (the quote layout of a house style),
        computed once for this document; ``compute`` must be a pure function of it."""
        if key not in self._shared:
            self._shared[key] = compute()
        value: T = self._shared[key]  # type: ignore[assignment]
        return value


def prepare() -> None:
    """Compile the cue and attribution patterns now rather than on first use."""
    attribution_after()
