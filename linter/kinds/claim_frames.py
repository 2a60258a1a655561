"""Questions about one attribution frame near a claim, for the claims rules' sources:
whether it answers the charge (the other side), says who made it, holds the claim
itself, speaks from a relative clause, or names someone beside the vague phrase."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from linter.kinds.claim_context import ClaimContext, names_someone, source_tokens
from linter.lib.cache import compile_pattern

if TYPE_CHECKING:
    from linter.analysis.frames import Frame
    from linter.analysis.syntax import Parse

# Verbs with which the accused answer a charge ("The ministry denied it", "The director
# defended the toll", "countered that ..."): a source that denies is not the one a vague
# phrase hid.
_ANSWERS = frozenset({"deny", "reject", "dismiss", "rebut", "refute", "dispute", "defend", "counter",
                      "rebuff"})
# A relative pronoun right before a frame's source: "the vote, which the opposition says ..."
_RELATIVE = compile_pattern(r"\b(?:which|who|whom)\s+\Z")
_WITH = compile_pattern(r"\bwith\s+\Z")
# What a first source that names someone holds past its first word: "the", a possessive, a
# capital (``The harbour board``, ``the union's chief``, ``Ada Frey``).
_NAMING = compile_pattern(r"\b(?:[Tt]he|[Hh]e|[Ss]he)\b|\w['’]s\b|s['’](?=\s)|(?<=\w\s)[A-Z]")
# One person the story has named, as the first of two joined sources ("But she and other
# engineers say ..."); not "they", as vague as whoever it stands for.
_ONE_PERSON = frozenset({"he", "she"})
_WORD = compile_pattern(r"\S+")
_AND = compile_pattern(r"\sand\s+(?:[\w'’-]+\s+){0,3}\Z", re.IGNORECASE)
# Whom a sentence accuses ("Critics accuse the ministry of ...", "Some blamed Voss for ...",
# "The port has been accused of ..."): the head word of each.
_ACCUSING = compile_pattern(
    r"\b(?:accus|blam|criticis|criticiz|condemn)\w*\s+(?:(?:the|its|their|his|her)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?([\w'’-]+)\s+(?:of|for|over)\b"
    r"|\b([\w'’-]+)\s+(?:has|have|had|was|were|is|are)\s+(?:(?:also|repeatedly|long|widely|often)\s+)?"
    r"(?:been\s+)?(?:accused|criticised|criticized|blamed|condemned)\b", re.IGNORECASE)
_WORD = compile_pattern(r"[\w'’-]+")
# What opens a sentence that answers the one before: "But the ministry said ...".
_CONTRAST = compile_pattern(r"(?:But|However|Yet)\b")


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


def joined(ctx: ClaimContext, start: int, end: int) -> bool:
    """The vague phrase ``[start, end)`` is the second of two sources joined by "and", and
    the first opens its clause and names someone (``Voss and others said``, ``The harbour
    board and some safety experts have argued``, ``she and other engineers say`` of a
    woman named before): the claim has an owner a reader can
    weigh; not ``Critics and some engineers say``, ``stock dropped on the report and
    many observers predicted ...`` (no source before "and"), nor a raised passive's subject
    (``Voss and Tamm are said to have ...``)."""
    link = _AND.search(ctx.text, max(0, start - 60), start)
    if link is None:
        return False
    lo = _clause_start(ctx, ctx.an.sentences.sentence_at(start).start, link.start())
    first = _WORD.search(ctx.text, lo, link.start())
    from linter.analysis.tagging import name_like  # the tagger is loaded when this is asked

    if not _named_before(ctx, lo, link.start()) and not (first and name_like(first.group())):
        return False  # no one named before "and" ("Critics and some engineers"): not worth tagging
    parse = ctx.an.parse_at(start)
    if parse is None:
        return False
    tokens = parse.tokens
    head = tokens[parse.token_at(start)]
    if head.tag not in ("NN", "NNS", "DT", "JJ") and head.lower not in ("others", "some", "many"):
        return False  # the phrase is no one: "are said to have", "it is believed"
    return any(f.source is not None and f.source[0] < link.start() and start <= f.cue[0] < end
               and _opens_clause(parse, parse.token_at(f.source[0]))
               and (ctx.text[f.source[0]:link.start()].strip().lower() in _ONE_PERSON
                    or names_someone(ctx.an, f._replace(source=(f.source[0], link.start()))))
               for f in ctx.an.frames_at(start))


# Each of the two helpers below answers for a clause from where it last stopped reading, so
# that a sentence of thousands of vague phrases joined by "and" is read once, not once per
# phrase (a quadratic cost: 430 s for 540 KB of "critics say plans fail and ").
# How far a _NAMING match reaches back from where a search stopped (its longest, and more).
_NAMING_REACH = 8


def _clause_start(ctx: ClaimContext, lo: int, end: int) -> int:
    """Where the clause that ``end`` ends opens: after the last comma or semicolon of the
    sentence that opens at ``lo``, before ``end``."""
    key = ("clause start", lo)
    searched, start = cast("tuple[int, int]", ctx.memo.get(key, (lo, lo)))
    if end < searched:  # asked out of order: read afresh
        return max(lo, ctx.text.rfind(",", lo, end) + 1, ctx.text.rfind(";", lo, end) + 1)
    start = max(start, ctx.text.rfind(",", searched, end) + 1, ctx.text.rfind(";", searched, end) + 1)
    ctx.memo[key] = (end, start)
    return start


def _named_before(ctx: ClaimContext, lo: int, end: int) -> bool:
    """:data:`_NAMING` matches in ``[lo, end)``: a match found up to an earlier ``end``
    still matches (what follows such an end is the space before "and"), and where none was
    found, only the words from there on are read."""
    key = ("named before", lo)
    searched, found = cast("tuple[int, bool]", ctx.memo.get(key, (lo, False)))
    if end < searched:
        return _NAMING.search(ctx.text, lo, end) is not None
    if not found:
        found = _NAMING.search(ctx.text, max(lo, searched - _NAMING_REACH), end) is not None
        ctx.memo[key] = (end, found)
    return found


def _opens_clause(parse: Parse, i: int) -> bool:
    """Token ``i`` starts its sentence or follows a comma, a semicolon or "and"/"but"."""
    return i == 0 or parse.tokens[i - 1].text in (",", ";") or parse.tokens[i - 1].lower in ("and", "but")


def opens_its_sentence(ctx: ClaimContext, frame: Frame) -> bool:
    """The frame's source opens its sentence, perhaps as the name after a noun phrase set
    off by a comma (``The Harbour Gazette reported ...``, ``The mediator, Jonas Berg,
    told ...``); not after "But", an opening phrase (``Speaking on Monday, Voss said``,
    ``According to its accounts, the firm said``) or a quotation it ends."""
    source = source_tokens(ctx.an, frame)
    if source is None:
        return False
    parse, k, _ = source
    if k <= 0:
        return k == 0
    if parse.tokens[k - 1].text != ",":
        return False
    opening = parse.chunk_at(0)  # "The mediator, | Jonas Berg"
    return opening is not None and opening.first == 0 and opening.last == k - 2


def contrasts(ctx: ClaimContext, frame: Frame) -> bool:
    """The frame's sentence opens with "But", "However" or "Yet": the other side answering
    the sentence before (``Critics say ... . But the ministry said ...``), not the source a
    vague phrase in it hid."""
    sentence = ctx.an.sentences.sentence_at(frame.cue[0])
    return _CONTRAST.match(ctx.text, sentence.start) is not None
