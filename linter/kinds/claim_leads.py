"""A lead's figure whose source opens the next paragraph. Wire copy gives the toll in the
lead and its source at the top of the next paragraph, where it says the number again
("Five people were killed ... . / Police said five people had died ..."): the figure is
that source's when the next paragraph's first sentence restates one of its numbers with a
frame of speech. A source there that says something else ("Police said the bomb had been
left in a bin") does not give the lead its figure."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from linter.kinds.claim_context import ClaimContext
from linter.kinds.claim_frames import answers
from linter.lib.cache import compile_pattern

if TYPE_CHECKING:
    from linter.analysis.frames import Frame

__all__ = ["restated_after_lead"]

# The longest headline above a lead, in characters (a longer first paragraph is the lead),
# and how many headings and headlines may stand above it (a title and a standfirst).
_HEADLINE = 150
_ABOVE_LEAD = 2
_UNITS = ("", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
          "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORDS = {w: str(n if n < 20 else (n - 18) * 10) for n, w in enumerate(_UNITS, 1) if w}  # (not "one")
# A number, or a word that names the count itself ("The toll was given by ...").
_NUMBER = compile_pattern(r"\b(?:\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True))
                          + r")\b", re.IGNORECASE)
_COUNT = compile_pattern(r"\b(?:the|this|that) (?:death )?(?:toll|figure|tally)\b", re.IGNORECASE)
# Counts in words and the numbers each stands for: a lead's "Hundreds of people have been
# killed" is given its source by "The disaster agency said at least 340 bodies had been
# recovered" at the top of the next paragraph.
_COUNTED = {"dozens": (13, 199), "scores": (20, 199), "hundreds": (100, 999), "thousands": (1000, 999_999)}
_COUNTED_WORD = compile_pattern(r"\b(?:" + "|".join(_COUNTED) + r")\b", re.IGNORECASE)


def restated_after_lead(ctx: ClaimContext, start: int, end: int) -> bool:
    """The claim ``[start, end)`` lies in the lead (the first paragraph, or one after no
    more than ``_ABOVE_LEAD`` headings or headlines of at most ``_HEADLINE`` characters),
    and the next paragraph's first sentence says one of the numbers of the claim's
    sentence again, or names the toll, or gives a number that a count in words of the
    claim's sentence stands for ("Hundreds ... killed", then "at least 340"), in a frame of
    speech that does not answer a charge (``Police said five people had died``, ``The toll
    was given by the ministry, which said ...``)."""
    sentences = ctx.an.sentences
    paragraph = sentences.paragraph_at(start)
    if paragraph is None:
        return False
    paragraphs = sentences.paragraphs
    k = bisect_right(paragraphs, paragraph)  # (one past its own index)
    if k - 1 > _ABOVE_LEAD or k >= len(paragraphs) or any(
            p.kind != "heading" and p.end - p.start > _HEADLINE for p in paragraphs[:k - 1]):
        return False
    own = sentences.sentence_at(start)  # (an accusation's verb has its numbers around it)
    after = sentences.sentence_at(paragraphs[k].start)
    numbers = ctx.shared(("numbers", own.start), lambda: _numbers(ctx.text, own.start, own.end))
    again = ctx.shared(("numbers", after.start), lambda: _numbers(ctx.text, after.start, after.end))
    toll = ctx.shared(("toll", after.start),
                      lambda: _COUNT.search(ctx.text, after.start, after.end) is not None)
    if not (numbers & again or (numbers and toll)
            or _in_range(_counted(ctx.text, own.start, own.end), again)):
        return False  # (the counts in words read only when no number is said again)
    def speaks(f: Frame) -> bool:  # (the sentence is not the claim's: one test serves both)
        return f.speech and not answers(ctx, f)
    return ctx.framed(after.start, after.end, start, end, ("lead",), speaks, speaks)


def _counted(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The ranges of the counts in words ("hundreds", "dozens") in ``text[start:end]``."""
    return tuple(_COUNTED[m.group().lower()] for m in _COUNTED_WORD.finditer(text, start, end))


def _in_range(ranges: tuple[tuple[int, int], ...], numbers: frozenset[str]) -> bool:
    """One of ``numbers`` (digits) lies in one of ``ranges``."""
    values = [float(n) for n in numbers if n[:1].isdigit()]
    return any(lo <= v <= hi for lo, hi in ranges for v in values)


def _numbers(text: str, start: int, end: int) -> frozenset[str]:
    """The numbers of ``text[start:end]``, as digits without their commas."""
    return frozenset(_WORDS.get(m.group().lower(), m.group().replace(",", ""))
                     for m in _NUMBER.finditer(text, start, end))
