"""Where an aside ends in a tagged sentence: a parenthesis set off by commas, a bracket or
a pair of dashes (``, who had crossed the lake,``, ``(D-Kell.)``, ``- again falsely -``),
whether a full stop ends an abbreviation rather than the sentence, and where a phrase
that opens the sentence begins and ends. Token positions
in, token positions out; :mod:`.syntax` and :mod:`.verb_reach` read their asides through
these."""

from collections.abc import Sequence

from linter.analysis.chunks import Group
from linter.analysis.tagging import Token

# Dashes, typed or as wire copy spells them with hyphens between spaces (" - ", " -- ").
DASHES = frozenset({"—", "–", "-", "--"})
# ... and a comma beside them: the marks that set off an aside, an apposition or a new clause.
COMMA_OR_DASH = DASHES | {","}
ASIDE = 30  # the longest parenthesis or relative clause looked through, in tokens


def after_parenthesis(tokens: Sequence[Token], i: int) -> int:
    """The token after ``, who had crossed the lake,`` opening at ``i``; -1 if none. A
    pair of dashes inside is passed over (``, later alleging - again falsely - that
    ...,``)."""
    j = i + 1
    while j < min(len(tokens), i + ASIDE):
        text = tokens[j].text
        if text == ",":
            return j + 1
        if text in DASHES:
            closing = after_aside(tokens, j, text)
            if closing < 0:
                return -1
            j = closing
            continue
        if text in (";", ":") or (tokens[j].tag == "." and not abbreviation(tokens, j)):
            return -1
        j += 1
    return -1


def abbreviation(tokens: Sequence[Token], j: int) -> bool:
    """The full stop at ``j`` ends an abbreviation, not the sentence: a comma follows
    (``Ada Voss, D-Kell., said``)."""
    return j + 1 < len(tokens) and tokens[j + 1].text == ","


def after_aside(tokens: Sequence[Token], i: int, closer: str) -> int:
    """The token after a bracket or a pair of dashes opening at ``i``; -1 if none. A
    full stop inside brackets ends nothing (``Ida Marsh (D-Kell.) said``)."""
    for j in range(i + 1, min(len(tokens), i + ASIDE)):
        if tokens[j].text == closer:
            return j + 1
        if tokens[j].tag == "." and (closer != ")" or j == len(tokens) - 1):
            return -1
    return -1


def before_aside(tokens: Sequence[Token], i: int, groups: Sequence[Group]) -> int:
    """The last token of the phrase that an aside set off by commas describes, when the
    aside ends with the comma at ``i`` (``labelling the Front, responsible for more deaths
    than any group, a terrorist group``: "Front"); ``i`` itself when no aside of at most
    twelve tokens ends there, or the aside holds the first token of a finite verb of
    ``groups``, a semicolon, a colon or a full stop (a clause, not an aside)."""
    if tokens[i].text != ",":
        return i
    for k in range(i - 1, max(i - 13, 0), -1):
        text = tokens[k].text
        if text == ",":
            opened = k + 1 < i and not _clause_inside(groups, k, i)
            return k - 1 if opened else i
        if text in (";", ":") or tokens[k].tag == ".":
            return i
    return i


def after_phrase(tokens: Sequence[Token], k: int, groups: Sequence[Group]) -> int:
    """The comma that closes an aside set off by commas opening at ``k``, right after a
    noun phrase (``the talks, requested by Voss, | would end``): the mirror of
    :func:`before_aside`, read forwards; -1 when no comma opens there, or the next comma or
    semicolon within eleven tokens is a semicolon, comes right after the opening one, or
    closes a finite verb of ``groups`` in (a clause, not an aside)."""
    if k >= len(tokens) or tokens[k].text != ",":
        return -1
    close = next((m for m in range(k + 1, min(k + 12, len(tokens))) if tokens[m].text in (",", ";")), None)
    if close is None or tokens[close].text != "," or close == k + 1 or _clause_inside(groups, k, close):
        return -1
    return close


def _clause_inside(groups: Sequence[Group], opening: int, closing: int) -> bool:
    """A finite verb of ``groups`` starts between the two marks of an aside: a clause."""
    return any(g.finite and opening < g.first < closing for g in groups)


def past_adverbs(tokens: Sequence[Token], k: int) -> int:
    """The last token at or before ``k`` (and after the first) that is no adverb (``,
    officially | designated``)."""
    while k > 1 and tokens[k].tag in ("RB", "RBR"):
        k -= 1
    return k


def opening(tokens: Sequence[Token], first: int) -> bool:
    """A phrase at token ``first`` opens the sentence: at its first word, or after one
    preposition (``Branded terrorists by Orsk, ...``, ``Despite being called ..., ...``)."""
    return first == 0 or (first == 1 and tokens[0].tag == "IN")


def first_comma(tokens: Sequence[Token], start: int) -> int:
    """The first comma at or after ``start``; -1 if none (where a phrase opening the
    sentence ends: ``Branded terrorists by Orsk, | the rebels ...``)."""
    return next((k for k in range(start, len(tokens)) if tokens[k].text == ","), -1)
