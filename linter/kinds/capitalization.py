"""``capitalization``: a block (usually a heading) must follow a case style.

``match`` is ``$title`` (AP or Chicago small words), ``$sentence``,
``$lower``, ``$upper`` or a regular expression the whole block must match.
A block passes when at least ``threshold`` of its words already have the
expected case. Message arguments: the block text, then the expected form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Kind, rule_regex
from linter.kinds.units import units
from linter.lib.cache import compile_pattern
from linter.model.document import Document
from linter.model.rule import Hit, Rule

_WORD = compile_pattern(r"[^\s]+")
_AP_SMALL = frozenset([
    "a", "an", "and", "as", "at", "but", "by", "for", "if", "in", "nor", "of", "off", "on",
    "or", "per", "so", "the", "to", "up", "via", "vs", "yet",
])
_CHICAGO_SMALL = _AP_SMALL | frozenset([
    "about", "above", "across", "after", "against", "along", "among", "around", "before",
    "behind", "below", "beneath", "beside", "between", "beyond", "down", "during", "except",
    "from", "inside", "into", "like", "near", "onto", "out", "outside", "over", "past", "since",
    "through", "throughout", "till", "toward", "towards", "under", "until", "upon", "with",
    "within", "without",
])
STYLES = {"$title", "$sentence", "$lower", "$upper"}


@dataclass(frozen=True)
class Options:
    match: str
    pattern: re.Pattern[str] | None
    small: frozenset[str]
    exceptions: frozenset[str]
    indicators: tuple[str, ...]
    threshold: float
    prefix: re.Pattern[str] | None


def build(keys: Mapping[str, Any]) -> Options:
    match = keys["match"]
    pattern = None
    if match not in STYLES:
        pattern = rule_regex("match", match)
    small = _CHICAGO_SMALL if keys["style"] == "Chicago" else _AP_SMALL
    prefix = rule_regex("prefix", keys["prefix"]) if keys["prefix"] else None
    return Options(match, pattern, small, frozenset(keys["exceptions"]),
                   keys["indicators"], keys["threshold"], prefix)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def expected_word(opts: Options, word: str, first: bool, last: bool) -> str:
    """The form ``word`` should take in this position."""
    if word in opts.exceptions or not any(c.isalpha() for c in word):
        return word
    if opts.match == "$upper":
        return word.upper()
    if opts.match == "$lower":
        return word.lower()
    if opts.match == "$sentence":
        if first:
            return _cap(word)
        return word if word[:1].isupper() and len(word) > 1 and not word[1:].islower() else word.lower()
    if first or last or word.lower() not in opts.small:
        return _cap(word)
    return word.lower()


def _expected(opts: Options, words: list[str]) -> list[str]:
    out, first = [], True
    for i, word in enumerate(words):
        out.append(expected_word(opts, word, first, i == len(words) - 1))
        first = word.endswith(opts.indicators) if opts.indicators else False
    return out


def _check(opts: Options, text: str) -> str | None:
    """The expected form of ``text``, or None when it passes."""
    if opts.pattern is not None:
        return None if opts.pattern.fullmatch(text) else ""
    words = _WORD.findall(text)
    if not words:
        return None
    expected = _expected(opts, words)
    agree = sum(a == b for a, b in zip(words, expected, strict=True))
    first_wrong = opts.match == "$sentence" and words[0] != expected[0]
    if agree / len(words) >= opts.threshold and not first_wrong:
        return None
    return " ".join(expected)


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    for start, end in units(doc, an, rule.scope):
        if opts.prefix is not None and (m := opts.prefix.match(doc.text, start, end)):
            start = m.end()
        segment = doc.text[start:end]
        lead = len(segment) - len(segment.lstrip())
        text = segment.strip()
        if not text:
            continue
        expected = _check(opts, text)
        if expected is not None:
            s = start + lead
            yield Hit(s, s + len(text), (text, expected or opts.match),
                      (expected,) if expected else ())


KIND = Kind(
    name="capitalization",
    keys={"match": specs.string, "style": specs.one_of("AP", "Chicago"),
          "exceptions": specs.string_list, "indicators": specs.string_list,
          "threshold": specs.number, "prefix": specs.regex},
    defaults={"style": "AP", "exceptions": (), "indicators": (), "threshold": 0.8,
              "prefix": ""},
    required=("match",),
    build=build,
    find=find,
)
