"""``repetition``: the same token several times in a row ("the the").

Two matches are "in a row" when only white space separates them, within
one unit of the scope. Reported at the repeat once the run is longer than
``max`` + 1. With ``alpha``, tokens without letters break a run and are
not counted. Message argument: the repeated token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Exceptions, Kind, compile_terms, exception_scanners
from linter.kinds.units import units
from linter.model.document import Document
from linter.model.rule import Hit, Rule


@dataclass(frozen=True)
class Options:
    pattern: re.Pattern[str]
    max: int
    ignorecase: bool
    alpha: bool
    exceptions: Exceptions


def build(keys: Mapping[str, Any]) -> Options:
    pattern = compile_terms("tokens", keys["tokens"], ignorecase=keys["ignorecase"], nonword=True)
    return Options(pattern, keys["max"], keys["ignorecase"], keys["alpha"],
                   Exceptions.build(keys["exceptions"], ignorecase=keys["ignorecase"]))


def _runs(opts: Options, text: str, start: int, end: int) -> Iterator[Hit]:
    previous: re.Match[str] | None = None
    count = 1
    for m in opts.pattern.finditer(text, start, end):
        word = m.group()
        if m.end() == m.start() or (opts.alpha and not any(c.isalpha() for c in word)):
            previous = None
            continue
        key = word.casefold() if opts.ignorecase else word
        same = (
            previous is not None
            and (previous.group().casefold() if opts.ignorecase else previous.group()) == key
            and not text[previous.end():m.start()].strip()
        )
        count = count + 1 if same else 1
        if count > opts.max + 1:
            yield Hit(m.start(), m.end(), (word,))
        previous = m


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    excused = opts.exceptions.excuser(doc.text, an)
    for start, end in units(doc, an, rule.scope):
        yield from (h for h in _runs(opts, doc.text, start, end) if not excused(h.start, h.end))


KIND = Kind(
    name="repetition",
    keys={"tokens": specs.string_list, "max": specs.integer, "ignorecase": specs.boolean,
          "alpha": specs.boolean, "exceptions": specs.string_list},
    defaults={"max": 0, "ignorecase": False, "alpha": False, "exceptions": ()},
    required=("tokens",),
    build=build,
    find=find,
    scanners=exception_scanners,
)
