"""``occurrence``: too many (``max``) or too few (``min``) matches per unit.

The unit comes from the rule's scope: each block (default), sentence,
paragraph, or the whole document (``summary``). Too many: reported at the
first match past ``max``. Too few: reported on the unit's first word.
Message argument: the count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError, rule_regex
from linter.kinds.units import first_word, units
from linter.model.document import Document
from linter.model.rule import Hit, Rule


@dataclass(frozen=True)
class Options:
    pattern: re.Pattern[str]
    max: int
    min: int


def build(keys: Mapping[str, Any]) -> Options:
    if keys["max"] <= 0 and keys["min"] <= 0:
        raise OptionError("max", "occurrence needs max or min above zero")
    flags = re.MULTILINE | (re.IGNORECASE if keys["ignorecase"] else 0)
    pattern = rule_regex("token", f"(?:{keys['token']})", flags)
    return Options(pattern, keys["max"], keys["min"])


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    for start, end in units(doc, an, rule.scope):
        found = [m for m in opts.pattern.finditer(doc.text, start, end) if m.end() > m.start()]
        n = len(found)
        if opts.max > 0 and n > opts.max:
            over = found[opts.max]
            yield Hit(over.start(), over.end(), (str(n),))
        elif opts.min > 0 and n < opts.min:
            span = first_word(doc.text, start, end)
            if span is not None:
                yield Hit(span[0], span[1], (str(n),))


KIND = Kind(
    name="occurrence",
    keys={"token": specs.regex, "max": specs.integer, "min": specs.integer,
          "ignorecase": specs.boolean},
    defaults={"max": 0, "min": 0, "ignorecase": False},
    required=("token",),
    build=build,
    find=find,
)
