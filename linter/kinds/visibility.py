"""Whether a rule sees a span: its scope's block kinds and its quotation policy; whether
the span refers and is tagged as the rule requires; and whether attribution excuses a span for it.

Shared by the engine (to filter and grade hits) and by kinds that weigh occurrences
against each other (consistency), so both agree on what a rule can see.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.analysis import Analysis, Voice
from linter.lib.cache import compile_pattern
from linter.model.document import Document
from linter.model.rule import Rule


def visible(doc: Document, an: Analysis, rule: Rule, start: int, end: int) -> bool:
    if rule.scope.raw:
        return True
    block = doc.block_at(start)
    if block is None or not rule.scope.admits(block.kind):
        return False
    if rule.quotes == "include":
        return True
    quoted = an.quoted(start, end)
    return quoted == (rule.quotes == "only")


def attributed(an: Analysis, rule: Rule, start: int, end: int) -> bool:
    """Whether the words at ``[start, end)`` count as attributed for ``rule``: attributed to
    a source that names someone, or to a vague one when the rule's ``vague`` says so (else
    the voice need not tell vague from the writer's own: see :meth:`Analysis.voice`)."""
    vague_counts = rule.vague == "attributed"
    voice = an.voice(start, end, named_only=not vague_counts)
    return voice is Voice.ATTRIBUTED or (voice is Voice.VAGUE and vague_counts)


def excused(an: Analysis, rule: Rule, start: int, end: int) -> bool:
    """Whether the rule skips ``[start, end)`` as attributed speech (``attributed: skip``)."""
    return rule.attributed == "skip" and not rule.scope.raw and attributed(an, rule, start, end)


def refers(an: Analysis, rule: Rule, start: int, end: int) -> bool:
    """Whether ``[start, end)`` refers as the rule requires: anything, or for ``refers:
    specific`` specific people, groups or events (``the terrorists``; not ``laws against
    terrorists``), for ``refers: judged`` also where the word is denied of them (``The
    killings were not genocide``: a finding either way)."""
    return rule.refers == "any" or rule.scope.raw or an.specific(
        start, end, rule.heads, denials=rule.refers == "judged")


def tagged(an: Analysis, rule: Rule, start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds a word tagged as the rule's ``tagged`` asks of a hit
    with its words (``claims?: VB.?``: "claims" the verb, not the noun), or the rule asks
    no tag of it. Only a hit that needs a tag has its sentence tagged."""
    if not rule.tagged or rule.scope.raw:
        return True
    text = an.doc.text[start:end]
    for words, tags in _conditions(rule.tagged):
        if words is None or words.fullmatch(text):
            return an.tagged(start, end, tags)
    return True


_Condition = tuple[re.Pattern[str] | None, re.Pattern[str]]


@lru_cache(maxsize=256)
def _conditions(tagged: tuple[tuple[str, str], ...]) -> tuple[_Condition, ...]:
    """A rule's ``tagged`` pairs compiled, once for each rule (a rule keeps its keys as text)."""
    return tuple((compile_pattern(words, re.IGNORECASE) if words else None, compile_pattern(tags))
                 for words, tags in tagged)
