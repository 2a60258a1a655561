"""Whether a claim is background the story recalls: a figure or an accusation that its
sentence dates to a past year, with no recent day nearer it (see :mod:`.claims`)."""

import re

from linter.kinds.claim_context import ClaimContext
from linter.lib.cache import compile_pattern

# A claim told as still true, and times that make a sentence today's news.
_CURRENT = compile_pattern(r"\b(?:is|are|has|have|remains?|still)\b", re.IGNORECASE)
_RECENT = compile_pattern(
    r"\b(?:today|tonight|yesterday|overnight|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:this|last) (?:week|weekend|month)|earlier this)\b", re.IGNORECASE)
# What points back to the time of the sentence before.
_AT_THE_TIME = compile_pattern(r"\bat (?:the|that) time\b", re.IGNORECASE)


def history(ctx: ClaimContext, dates: re.Pattern[str] | None, m: re.Match[str]) -> bool:
    """True when the claim's sentence dates it to the past (``dates``, the rule's
    ``history``: ``shot dead in 1996``, ``during the 1994 genocide``), names no recent
    time (``on Monday``, ``overnight``) nearer the claim than the date, and the claim is
    not told as still true (``have been killed``, ``are still missing``): background that
    the story recalls, not the news it reports. "A court on Thursday freed the men accused
    of the 2019 bombing, which killed 23 people" recalls the bombing; "On Monday rebels
    killed 12 soldiers near the valley where 40 died in 2019" reports the 12. A sentence
    "at the time" of a dated sentence before it is dated too."""
    if dates is None or _CURRENT.search(ctx.text, max(0, m.start() - 6), m.end()):  # "has killed"
        return False
    dated = _distance(in_sentence(ctx, dates, m.start()), m)
    if dated is None:
        return _then(ctx, dates, m)
    recent = _distance(in_sentence(ctx, _RECENT, m.start()), m)
    return recent is None or dated < recent


def _then(ctx: ClaimContext, dates: re.Pattern[str], m: re.Match[str]) -> bool:
    """The claim's sentence goes back to the time of the sentence before, which a past year
    dates (``The harbour office burned down in 1998. A watchman was stabbed there at the
    time.``)."""
    before = ctx.previous_sentence(m.start())
    return before is not None and bool(in_sentence(ctx, _AT_THE_TIME, m.start())) and bool(
        in_sentence(ctx, dates, before[0])) and not in_sentence(ctx, _RECENT, m.start())


def _distance(spans: tuple[tuple[int, int], ...], m: re.Match[str]) -> int | None:
    """The fewest characters between the match and any of ``spans`` (None for none)."""
    return min((max(0, start - m.end(), m.start() - end) for start, end in spans), default=None)


def in_sentence(ctx: ClaimContext, pattern: re.Pattern[str], offset: int) -> tuple[tuple[int, int], ...]:
    """The matches of ``pattern`` in the sentence holding ``offset`` (searched once a sentence)."""
    sentence = ctx.an.sentences.sentence_at(offset)
    lo, hi = sentence.start, sentence.end
    return ctx.shared(("in sentence", id(pattern), lo, hi),
                      lambda: tuple(x.span() for x in pattern.finditer(ctx.text, lo, hi)))
