"""``conditional``: ``first`` needs ``second`` somewhere (Vale semantics).

With a capture group in ``second``, the captured values are collected over
the document and each ``first`` match whose text (its first group, if it
has one) was not captured is reported: the acronym that is never defined.
Without a capture group, a ``first`` match is reported when ``second`` does
not occur in the same block. Message argument: the ``first`` text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Exceptions, Kind, exception_scanners, rule_regex
from linter.model.document import Document
from linter.model.rule import Hit, Rule


@dataclass(frozen=True)
class Options:
    first: re.Pattern[str]
    second: re.Pattern[str]
    exceptions: Exceptions


def _compile(key: str, pattern: str, flags: int) -> re.Pattern[str]:
    return rule_regex(key, pattern, flags)


def build(keys: Mapping[str, Any]) -> Options:
    flags = re.MULTILINE | (re.IGNORECASE if keys["ignorecase"] else 0)
    return Options(_compile("first", keys["first"], flags), _compile("second", keys["second"], flags),
                   Exceptions.build(keys["exceptions"], ignorecase=keys["ignorecase"]))


def _captured(opts: Options, text: str) -> set[str]:
    return {g for m in opts.second.finditer(text) for g in m.groups() if g}


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    text = doc.text
    excused = opts.exceptions.excuser(text)
    captured = _captured(opts, text) if opts.second.groups else None
    for m in opts.first.finditer(text):
        group = 1 if opts.first.groups else 0
        start, end = m.span(group)
        if end <= start or excused(start, end):
            continue
        if captured is not None:
            if m.group(group) in captured:
                continue
        else:
            block = doc.block_at(start)
            lo, hi = (block.start, block.end) if block else (0, len(text))
            if opts.second.search(text, lo, hi):
                continue
        yield Hit(start, end, (m.group(group),))


KIND = Kind(
    name="conditional",
    keys={"first": specs.regex, "second": specs.regex, "ignorecase": specs.boolean,
          "exceptions": specs.string_list},
    defaults={"ignorecase": False, "exceptions": ()},
    required=("first", "second"),
    build=build,
    find=find,
    scanners=exception_scanners,
)
