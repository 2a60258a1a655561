"""Whether a claim is background the story recalls: a figure or an accusation that its
sentence dates to a past year, with no recent day nearer it, or an event the sentence
measures its own time from (see :mod:`.claims`)."""

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from linter.kinds.claim_context import ClaimContext
from linter.kinds.claim_patterns import MONTHS
from linter.lib.cache import compile_pattern

if TYPE_CHECKING:  # the parser is loaded only for a sentence that needs one
    from linter.analysis.syntax import Parse

# A claim told as still true, and times that make a sentence today's news.
_CURRENT = compile_pattern(r"\b(?:is|are|has|have|remains?|still)\b", re.IGNORECASE)
# ... unless the perfect tells of times before now: "have attacked the depot twice before, in
# 2019 and 2021", "has previously been attacked"
_BEFORE = compile_pattern(r"[^.!?;\n]{0,40}?\b(?:before(?=[,.;]| in\b| and\b)|previously)\b", re.IGNORECASE)
_RECENT = compile_pattern(
    r"\b(?:today|tonight|yesterday|overnight|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:this|last) (?:week|weekend|month)|earlier this)\b", re.IGNORECASE)
# What points back to the time of the sentence before.
_AT_THE_TIME = compile_pattern(r"\bat (?:the|that) time\b", re.IGNORECASE)
# An event that a past year dates, which the next sentence may go on to tell: "over the
# rail crash in 2000", "the 2019 bombing" (not what today's news is measured against: "the
# worst since the 2019 bombing").
_EVENTS = (r"(?:crash|attacks?|bombings?|blast|explosion|earthquake|quake|tsunami|floods?|fire|disaster|war"
           r"|massacre|siege|riots?|shooting|raids?|collapse|derailment|sinking|uprising|genocide|famine"
           r"|hurricane|storm|cyclone|typhoon|eruption|accident|coup|invasion|killings?|ambush|stampede"
           r"|hijacking|crisis)")
_MONTHS = "(?:{})".format("|".join(MONTHS))
# ... and AP's abbreviations of the months before a day ("Dec. 14, 2012")
_ABBREVIATED = r"(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\."
_YEAR = r"(?:1[89]\d\d|20\d\d)\b(?![-/]\d)"
_SINCE = r"(?<!since )(?<!since the )(?<!since a )(?<!since an )"  # "the worst since the 2019 bombing"
# ... also with the places it happened before its noun ("the 2012 Orsk, Sarn, siege")
_PLACES = r"(?:(?-i:[A-Z])[\w.'’-]*,? ){0,3}"
_DATED_EVENT = compile_pattern(
    rf"{_SINCE}\b{_EVENTS} (?:in|of) (?:{_MONTHS} )?{_YEAR}"
    rf"|{_SINCE}\bthe {_YEAR},? {_PLACES}(?:[a-z-]+ )?{_EVENTS}\b",
    re.IGNORECASE)
# Any mention of such an event, and one with "the" that points back to an earlier mention
# ("During the storm, ...").
_EVENT_WORD = compile_pattern(rf"\b{_EVENTS}\b", re.IGNORECASE)
_RECALL_REACH = 1500  # characters: a few paragraphs
_THE_EVENT = compile_pattern(rf"\bthe (?:[a-z-]+ ){{0,2}}?({_EVENTS})\b", re.IGNORECASE)
# An event that a sentence measures its own time from, and so takes as known: "Two days
# before gunmen stormed the depot, killing 12, ...", "in the wake of a bombing that killed
# 9", "In the hours after nine dockers were shot dead, ...", "following the 2 March raid that
# left 14 dead", "on the heels of the bombing in Orsk, where 84 died". Not a bare "after"
# ("Ten died after a bus crashed" is how news is told), "before" a gerund ("held the crew
# before shooting 12 of them": the same doer's next act) nor "the following day".
_BACKDROP = compile_pattern(
    r"\b(?:before(?!\s+\w+ing\b)|in the (?:wake|aftermath) of|(?:up)?on the heels of|(?<!the\s)(?<!a\s)"
    r"following|(?:minutes|hours|days|weeks|months|(?:a|one|the) (?:day|week|month)) after)\b",
    re.IGNORECASE)
# Words after a comma that go on with a new clause: "Before the vote, and without warning, ..."
_LINKS = frozenset({"and", "but", "so", "yet", "then"})
# Beside the relative pronouns, the words that open a relative clause of place or time.
_RELATIVE_ADVERBS = frozenset({"where", "when"})
# Times of day after "before" or "after", beside the chunker's days and months: a time, not
# an event ("before dawn gunmen ...").
_DAY_TIMES = frozenset({"dawn", "midnight", "noon", "daybreak", "dusk", "sunrise", "sunset", "nightfall",
                        "lunch"})
# ... and a full date, which dates whatever its paragraph goes on to tell ("4 June 2011",
# "June 4, 2011", "Dec. 14, 2012").
_FULL_DATE = compile_pattern(
    rf"\b\d{{1,2}} {_MONTHS},? {_YEAR}|\b(?:{_MONTHS}|{_ABBREVIATED}) \d{{1,2}},? {_YEAR}")


def history(ctx: ClaimContext, dates: re.Pattern[str] | None, m: re.Match[str]) -> bool:
    """True when the claim's sentence dates it to the past (``dates``, the rule's
    ``history``: ``shot dead in 1996``, ``during the 1994 genocide``), names no recent
    time (``on Monday``, ``overnight``) nearer the claim than the date, and the claim is
    not told as still true (``have been killed``, ``are still missing``; but a perfect of
    times before now is not: ``have attacked the depot twice before, in 2019``): background that
    the story recalls, not the news it reports. "A court on Thursday freed the men accused
    of the 2019 bombing, which killed 23 people" recalls the bombing; "On Monday rebels
    killed 12 soldiers near the valley where 40 died in 2019" reports the 12. A sentence
    "at the time" of a dated sentence before it is dated too."""
    if dates is None or (_CURRENT.search(ctx.text, max(0, m.start() - 6), m.end())  # "has killed"
                         and not _BEFORE.match(ctx.text, m.end())
                         and not _BEFORE.search(ctx.text, max(0, m.start() - 16), m.end())):
        return False
    dated = _distance(in_sentence(ctx, dates, m.start()), m)
    if dated is None:
        dated = _distance(_backdrop(ctx, m), m)
        if dated is None:
            return _then(ctx, dates, m)
    recent = _distance(in_sentence(ctx, _RECENT, m.start()), m)
    return recent is None or dated < recent


def _backdrop(ctx: ClaimContext, m: re.Match[str]) -> tuple[tuple[int, int], ...]:
    """The last :data:`_BACKDROP` word before the claim in its sentence, when the claim is
    in the clause or the phrase it opens (see :func:`_framed`)."""
    openers = [s for s in in_sentence(ctx, _BACKDROP, m.start()) if s[1] <= m.start()]
    if not openers:
        return ()
    parse = ctx.an.parse_at(m.start())
    if parse is None:
        return ()
    start, end = openers[-1]
    clause = ctx.text[start:end].lower() == "before" or ctx.text[start:end].lower().endswith(" after")
    last = parse.token_at(end - 1)
    if _framed(parse, last, parse.token_at(max(m.start(), m.end() - 1)), clause):
        return (openers[-1],)
    return ()


def _framed(parse: "Parse", opener: int, claim: int, clause: bool) -> bool:
    """The tokens after ``opener`` up to ``claim`` are one phrase (``in the wake of a bombing
    that killed 9``), or with ``clause`` one clause (``before guards opened fire, killing
    15``): every finite verb between them is in a relative clause or, with ``clause``, the
    first one, whose subject follows the opener (not ``Before dawn gunmen killed 12``, ``in
    the wake of the storm, 30 people died``, nor ``before the storm hit and 12 drowned``)."""
    from linter.analysis.asides import COMMA_OR_DASH  # the parser's modules, loaded with it
    from linter.analysis.chunks import TIMES
    from linter.analysis.frame_base import main_clause
    from linter.analysis.syntax import RELATIVES

    tokens = parse.tokens
    after = tokens[opener + 1].lower if opener + 1 < len(tokens) else ""
    if not after or after in TIMES or after in _DAY_TIMES:
        clause = False  # "before dawn", "hours before midnight": a time, not an event
    for group in parse.groups:
        if not group.finite or group.first <= opener or group.first > claim:
            continue
        i = group.first - 1
        while i > opener and tokens[i].tag in ("RB", "RBR"):
            i -= 1
        subject = parse.chunk_at(i)
        before = subject.first - 1 if subject is not None and subject.first > opener else i
        if any(w in RELATIVES or w in _RELATIVE_ADVERBS for w in (tokens[i].lower, tokens[before].lower)):
            continue  # "a bombing that killed 9", "the bombing in Orsk, where 84 died"
        if clause and subject is not None and subject.first == opener + 1:
            clause = False  # the clause the opener opens: "before guards opened fire"
            continue
        return False
    return not any(tokens[j].text in COMMA_OR_DASH
                   and (tokens[j + 1].lower in _LINKS or main_clause(parse, j))
                   for j in range(opener + 1, min(claim, len(tokens) - 1)))


def _then(ctx: ClaimContext, dates: re.Pattern[str], m: re.Match[str]) -> bool:
    """The claim's sentence goes back to the time of the sentence before, which a past year
    dates (``The harbour office burned down in 1998. A watchman was stabbed there at the
    time.``), or, with no time of its own, goes on to tell the event that sentence dates
    (``... over the Orsk ferry fire in 2009. Four crew died when ...``) or the day that the
    sentence before gives in full, in the same paragraph (``The stadium was attacked on 4
    June, 2011, before a cup final. A car bomb went off and 12 fans were injured.``; not
    with another sentence between them), or names with "the" an event whose last mention
    before it a past year dates (``... the great storm of 1987. ... During the storm, which
    killed 37 people, ...``)."""
    before = ctx.previous_sentence(m.start())
    if before is None or in_sentence(ctx, _RECENT, m.start()):
        return False
    if _recalled(ctx, m.start()):
        return True
    if in_sentence(ctx, _AT_THE_TIME, m.start()):
        return bool(in_sentence(ctx, dates, before[0]))
    paragraphs = ctx.an.sentences
    return bool(in_sentence(ctx, _DATED_EVENT, before[0])) or (
        paragraphs.paragraph_at(before[0]) == paragraphs.paragraph_at(m.start())
        and bool(in_sentence(ctx, _FULL_DATE, before[0])))


def _recalled(ctx: ClaimContext, offset: int) -> bool:
    """The sentence holding ``offset`` names with "the" an event (``the storm``) whose last
    mention before the sentence, at most ``_RECALL_REACH`` characters before it, is one a
    past year dates (``the storm of 1987``, ``the 1987 storm``; not ``since the 1987
    storm``)."""
    lo = ctx.an.sentences.sentence_at(offset).start
    for word in in_sentence(ctx, _THE_EVENT, offset):  # (the mentions only when one is named)
        starts, dated = _mentions(ctx).get(_noun(ctx.text[word[0]:word[1]].rsplit(" ", 1)[-1]), ([], []))
        k = bisect_left(starts, lo) - 1
        if k >= 0 and dated[k] and lo - starts[k] <= _RECALL_REACH:
            return True
    return False


def _mentions(ctx: ClaimContext) -> dict[str, tuple[list[int], list[bool]]]:
    """For each event noun, where the document mentions it and whether a past year dates it
    there; computed once a document."""
    def compute() -> dict[str, tuple[list[int], list[bool]]]:
        spans = [x.span() for x in _DATED_EVENT.finditer(ctx.text)]
        ends = [end for _start, end in spans]
        found: dict[str, tuple[list[int], list[bool]]] = {}
        for x in _EVENT_WORD.finditer(ctx.text):
            j = bisect_left(ends, x.end())
            starts, dated = found.setdefault(_noun(x.group()), ([], []))
            starts.append(x.start())
            dated.append(j < len(spans) and spans[j][0] <= x.start())
        return found
    return ctx.shared(("event mentions",), compute)


def _noun(word: str) -> str:
    low = word.lower()
    return low[:-1] if low.endswith("s") and not low.endswith("sis") else low


def _distance(spans: tuple[tuple[int, int], ...], m: re.Match[str]) -> int | None:
    """The fewest characters between the match and any of ``spans`` (None for none)."""
    return min((max(0, start - m.end(), m.start() - end) for start, end in spans), default=None)


def in_sentence(ctx: ClaimContext, pattern: re.Pattern[str], offset: int) -> tuple[tuple[int, int], ...]:
    """The matches of ``pattern`` in the sentence holding ``offset`` (searched once a sentence)."""
    sentence = ctx.an.sentences.sentence_at(offset)
    lo, hi = sentence.start, sentence.end
    return ctx.shared(("in sentence", id(pattern), lo, hi),
                      lambda: tuple(x.span() for x in pattern.finditer(ctx.text, lo, hi)))
