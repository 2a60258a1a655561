"""``consistency``: one document should not use both forms of a pair.

For each ``either`` pair, the form the document uses first is taken as its
choice, and every use of the other form is reported (Vale reports "the
later variant"), with the position of the first use. Uses the rule cannot
see (inside quotations, by default) do not count, nor do uses in attributed speech
when the rule skips it (``attributed: skip``): the source's word, not the writer's. Message arguments: the
later form as found, then the first.
"""

import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError, compile_terms, keep_case, matches, ungroup
from linter.kinds.visibility import excused, refers, visible
from linter.lib.literals import required
from linter.model.document import Document
from linter.model.rule import Hit, Rule


class Options(NamedTuple):
    pairs: tuple[re.Pattern[str], ...]


def build(keys: Mapping[str, Any]) -> Options:
    either: dict[str, str] = keys["either"]
    if not either:
        raise OptionError("either", "consistency needs a non-empty either mapping")
    return Options(tuple(
        compile_terms("either", [ungroup(a), ungroup(b)], ignorecase=keys["ignorecase"],
                      nonword=keys["nonword"], group=True)
        for a, b in either.items()
    ))


def _pair_hits(doc: Document, an: Analysis, rule: Rule, pattern: re.Pattern[str]) -> Iterator[Hit]:
    found = list(matches(pattern, doc.text))
    if len({m.lastindex for _, _, m in found}) < 2:
        return
    # Only uses the rule can see count: a form inside a quotation, or in speech attributed
    # to a source when the rule skips it, is the speaker's, not the writer's choice; with
    # ``refers: specific``, a generic use ("a US list of terrorists") is no label for anyone.
    found = [f for f in found if visible(doc, an, rule, f[0], f[1]) and refers(an, rule, f[0], f[1])
             and not excused(an, rule, f[0], f[1])]
    if not found:
        return
    first = found[0][2]
    for start, end, m in found:
        if m.lastindex != first.lastindex:
            yield Hit(start, end, (m.group(), first.group()),
                      (keep_case(m.group(), first.group()),), related=first.span())


def anchors(opts: Options) -> frozenset[str] | None:
    """Both forms must occur for a finding, so either side's anchors will do: take all."""
    found = [required(p.pattern, p.flags) for p in opts.pairs]
    if any(a is None for a in found):
        return None
    return frozenset().union(*found)  # type: ignore[arg-type]


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    for pattern in opts.pairs:
        yield from _pair_hits(doc, an, rule, pattern)


KIND = Kind(
    name="consistency",
    keys={"either": specs.string_map, "ignorecase": specs.boolean, "nonword": specs.boolean},
    defaults={"ignorecase": False, "nonword": False},
    required=("either",),
    build=build,
    find=find,
    anchors=anchors,
    terms=True,
)
