"""Questions about one attribution frame near a claim, for the claims rules' sources:
whether it answers the charge (the other side), says who made it, holds the claim
itself, or speaks from a relative clause."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linter.kinds.claim_context import ClaimContext
from linter.lib.cache import compile_pattern

if TYPE_CHECKING:
    from linter.analysis.frames import Frame

# Verbs with which the accused answer a charge ("The ministry denied it"): a source that
# denies is not the one a vague phrase hid.
_ANSWERS = frozenset({"deny", "reject", "dismiss", "rebut", "refute", "dispute"})
# A relative pronoun right before a frame's source: "the vote, which the opposition says ..."
_RELATIVE = compile_pattern(r"\b(?:which|who|whom)\s+\Z")
_WITH = compile_pattern(r"\bwith\s+\Z")
# Whom a sentence accuses ("Critics accuse the ministry of ...", "Some blamed Voss for ...",
# "The port has been accused of ..."): the head word of each.
_ACCUSING = compile_pattern(
    r"\b(?:accus|blam|criticis|criticiz|condemn)\w*\s+(?:(?:the|its|their|his|her)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?([\w'’-]+)\s+(?:of|for|over)\b"
    r"|\b([\w'’-]+)\s+(?:has|have|had|was|were|is|are)\s+(?:(?:also|repeatedly|long|widely|often)\s+)?"
    r"(?:been\s+)?(?:accused|criticised|criticized|blamed|condemned)\b", re.IGNORECASE)
_WORD = compile_pattern(r"[\w'’-]+")


def accused(text: str, lo: int, hi: int) -> frozenset[str]:
    """The head words of those that ``text[lo:hi]`` accuses, in lower case."""
    return frozenset((m.group(1) or m.group(2)).lower() for m in _ACCUSING.finditer(text, lo, hi))


def speaks_for(text: str, frame: Frame, charged: frozenset[str]) -> bool:
    """The frame's source is one of those accused, or speaks for them (``Critics accuse the
    ministry of ... The ministry said ...``, ``A ministry spokesman said``): the accused
    answering, not the accusers named."""
    if frame.source is None or not charged:
        return False
    return any(w.lower().removesuffix("'s").removesuffix("’s") in charged
               for w in _WORD.findall(text, *frame.source))


def after_with(text: str, frame: Frame) -> bool:
    """The frame's source follows ``with``: ``..., with the union accusing the club of ...``."""
    return frame.source is not None and _WITH.search(text, max(0, frame.source[0] - 6),
                                                      frame.source[0]) is not None


def answers(ctx: ClaimContext, frame: Frame) -> bool:
    """The frame's verb answers a charge (``The ministry denied it``), or follows one in
    its sentence (``The Front denied any role, calling the killings a provocation``): the
    other side."""
    parse = ctx.an.parse_at(frame.cue[0])
    if parse is None:
        return False
    verb = parse.token_at(frame.cue[1] - 1)  # the cue's last word is its verb ("has denied")
    quotations = ctx.an.quotations
    return any(g.lemma in _ANSWERS and g.first <= verb and quotations.in_quotation(
        parse.tokens[g.first].start, parse.tokens[g.last].end) is None for g in parse.groups)


def within(frame: Frame, offset: int) -> bool:
    """The claim is part of the frame itself (``The striker reportedly asked ...``): the
    frame's speaker is what the vague phrase is about, not its source."""
    first: int = min(frame.cue[0], frame.content[0], *(frame.source or ()))
    return first <= offset < max(frame.cue[1], frame.content[1])


def relative(text: str, frame: Frame) -> bool:
    """The frame's source (or its cue, with none) comes right after a relative pronoun."""
    first = frame.source[0] if frame.source is not None else frame.cue[0]
    return _RELATIVE.search(text, max(0, first - 8), first) is not None
