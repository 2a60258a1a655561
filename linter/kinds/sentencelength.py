"""``sentencelength``: report a sentence longer than ``max`` words.

Sentences come from :mod:`linter.analysis.sentences`, only
those in blocks the rule's scope admits. The hit is the whole sentence;
when the sentence is a quotation and nothing else, the hit leaves out its
outer quote marks, so that the rule's ``quotes`` key treats it as quoted
(the default, ``skip``, leaves quoted words alone: they cannot be cut).
A word is a run of characters without spaces or dashes that holds at least
one letter or digit, so ``U.S.``, ``1,200`` and ``well-known`` are one word
each and a spaced dash is none. Message arguments: the count, then ``max``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError
from linter.kinds.units import units
from linter.lib.cache import compile_pattern
from linter.model.document import Document
from linter.model.rule import Hit, Rule

_WORD = compile_pattern(r"[^\s—–]*\w[^\s—–]*")
_MARKS = "\"'“”‘’«»„‹›"


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Words in ``text[start:end]``, counted as this module's docstring says."""
    return sum(1 for _ in _WORD.finditer(text, start, len(text) if end is None else end))


@dataclass(frozen=True)
class Options:
    max: int


def build(keys: Mapping[str, Any]) -> Options:
    if keys["max"] <= 0:
        raise OptionError("max", "max: give a number of words above zero")
    return Options(keys["max"])


def _span(doc: Document, an: Analysis, start: int, end: int) -> tuple[int, int]:
    """The sentence, or its words inside the quote marks when it is all quotation."""
    inner_start, inner_end = start, end
    while inner_start < inner_end and doc.text[inner_start] in _MARKS:
        inner_start += 1
    while inner_end > inner_start and doc.text[inner_end - 1] in _MARKS:
        inner_end -= 1
    if (inner_start, inner_end) != (start, end) and an.quotations.in_quotation(inner_start, inner_end):
        return inner_start, inner_end
    return start, end


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    for start, end in units(doc, an, rule.scope._replace(unit="sentence")):
        n = count_words(doc.text, start, end)
        if n > opts.max:
            yield Hit(*_span(doc, an, start, end), (str(n), str(opts.max)))


KIND = Kind(
    name="sentencelength",
    keys={"max": specs.integer},
    required=("max",),
    build=build,
    find=find,
)
