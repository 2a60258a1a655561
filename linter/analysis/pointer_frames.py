"""Frames that credit words already written to someone. A sentence that only points back
to the one before it with someone's view or words: ``That is the mayor's view.``, ``That
was the verdict of the port director.``, ``That was the message from the mayor on
Monday.``, ``This, at least, is the army's account.``, ``Such is the view of the
council.``; their content is empty, and
:meth:`linter.analysis.Analysis.voice` gives the sentence before them to their source, as
it does for ``That is what the police say.``. And a credit of a word set off in the
sentence: ``The men are terrorists (the mayor's word).``, ``..., to use the mayor's
word.``, ``The men are, in the mayor's phrase, terrorists.``, whose clause is the
owner's."""

from __future__ import annotations

from linter.analysis.asides import DASHES
from linter.analysis.cues import ACCOUNTS, NAMED_PRONOUNS, VIEWS
from linter.analysis.frame_base import (
    WRITERS,
    Frame,
    after_semicolon,
    clause,
    content_span,
    lexicon,
    possessor,
    span,
)
from linter.analysis.syntax import COPULAS, RELATIVES, Parse
from linter.analysis.vague_sources import vague_source

# The words that point back: "That is ...", "This was ...", "Such is ...".
_POINTERS = frozenset({"that", "this", "such"})
# The aside a pointer may carry before its copula: "That, at least, is ...".
_AT_LEAST = (",", "at", "least", ",")


def pointer_frames(parse: Parse) -> list[Frame]:
    """The one frame of a sentence made of a pointer, a copula and an owned noun of a view
    or of words (``the mayor's view``, ``the verdict of the port director``), whose
    content is empty; or of a sentence that ends with one after a colon, a dash or a comma,
    the pointer left out after a comma (``The men are terrorists: that was the mayor's
    verdict.``, ``The men are terrorists, was the mayor's verdict.``), whose content is
    the words before the mark; or none."""
    tokens = parse.tokens
    if len(tokens) < 4 or tokens[-1].text != ".":
        return []
    p = 3 * (tuple(t.lower for t in tokens[:3]) == _AT_LEAST[1:])  # "At least, that is ..."
    if tokens[p].lower in _POINTERS:
        found = _pointing(parse, p + 1 + 4 * (tuple(t.lower for t in tokens[p + 1:p + 5]) == _AT_LEAST))
        return [Frame(*found, (0, 0), "noun")] if found is not None else []
    mark = next((m for m in range(len(tokens) - 3, 0, -1) if tokens[m].text in (":", ",") or (
        tokens[m].text in DASHES)), -1)
    if mark < 1 or (tokens[mark].text != "," and tokens[mark + 1].lower not in _POINTERS):
        return []
    found = _pointing(parse, mark + 1 + (tokens[mark + 1].lower in _POINTERS))
    if found is None:
        return []
    return [Frame(*found, content_span(parse, after_semicolon(parse, mark), mark - 1), "noun")]


def _pointing(parse: Parse, k: int) -> tuple[tuple[int, int], tuple[int, int], bool] | None:
    """The cue, the source and whether it is vague of the copula at ``k``, an owned noun of
    a view or of words after it, and nothing but a time or a place to the full stop."""
    tokens = parse.tokens
    group = parse.group_at(k)
    if group is None or group.first != k or not group.finite or group.lemma not in COPULAS:
        return None
    noun = parse.chunk_at(group.last + 1)
    if noun is None or noun.first != group.last + 1:
        return None
    head = tokens[noun.last]
    lex = lexicon()
    if not (head.lemma in lex.nouns or head.lemma in lex.positions or head.lower in VIEWS
            or head.lower in ACCOUNTS):
        return None
    owner = possessor(parse, noun)
    if owner is not None and plain_end(parse, noun.last + 1):  # "the mayor's view (on Monday)."
        if tokens[owner[0]].lower in WRITERS:
            return None
        return span(parse, noun.last, noun.last), span(parse, noun.first, owner[1]), False
    of = noun.last + 1
    who = parse.chunk_at(of + 1)
    # ("the message from the mayor", not "the view from the quay")
    by = tokens[of].lower == "of" or (tokens[of].lower == "from" and head.lower not in VIEWS)
    if owner is not None or not by or who is None or who.first != of + 1 or (
            not plain_end(parse, who.last + 1)):
        return None
    return span(parse, noun.last, of), span(parse, who.first, who.last), vague_source(parse, who)


def plain_end(parse: Parse, k: int) -> bool:
    """Nothing from token ``k`` to the sentence's full stop but phrases with no clause of
    their own: a time or a place (``That was the mayor's verdict on Monday.``, ``So said the
    mayor at the rally.``)."""
    tokens = parse.tokens
    return k < len(tokens) and not any(g.finite and g.last >= k for g in parse.groups) and not any(
        t.lower in RELATIVES for t in tokens[k:])


# The nouns of a word someone used, in a credit: "(the mayor's word)", "in his phrase".
_WORDINGS = frozenset({"word", "words", "term", "phrase", "expression", "description", "label"})
# What may stand between the mark that sets a credit off and the owned word: "to use the
# mayor's word", "in the mayor's phrase".
_CREDITING = (("to", "use"), ("to", "borrow"), ("to", "quote"), ("in",))


def credit_frames(parse: Parse) -> list[Frame]:
    """The frame of each credit of a word set off by a comma, a dash or a bracket: an
    owned noun of a word (the mayor's word, his phrase; not my or our), after "to use",
    "to borrow", "to quote" or "in" or right after the mark, and maybe "for them", then the
    sentence's end, a closing bracket or a comma (an aside). The clause it is set off
    from, or the clause it stands in as an aside, is the owner's."""
    tokens = parse.tokens
    out = []
    for chunk in parse.chunks:
        if tokens[chunk.last].lower not in _WORDINGS:
            continue
        owner = possessor(parse, chunk)
        if owner is None or tokens[owner[0]].lower in WRITERS or tokens[owner[0]].lower == "your":
            continue
        mark = _mark_before(parse, chunk.first)
        end = chunk.last + 1
        if end + 1 < len(tokens) and tokens[end].lower == "for" and tokens[end + 1].lower in NAMED_PRONOUNS:
            end += 2
        if mark < 1 or end >= len(tokens):
            continue
        closing = tokens[end].text
        if closing in (".", "!") or (closing == ")" and tokens[mark].text == "("):
            content = content_span(parse, after_semicolon(parse, mark), mark - 1)
        elif closing == "," and tokens[mark].text == ",":  # "The men are, in the mayor's phrase, ..."
            lo, hi = clause(parse, mark)
            content = content_span(parse, lo, hi)
        else:
            continue
        source = span(parse, chunk.first, owner[1])
        out.append(Frame(span(parse, mark + 1, chunk.last), source, False, content, "noun"))
    return out


def _mark_before(parse: Parse, first: int) -> int:
    """The comma, dash or bracket that sets off a credit opening at ``first``, past "to use"
    or "in" (``, to use the mayor's word``), or -1."""
    tokens = parse.tokens
    for words in _CREDITING:
        k = first - len(words)
        if k > 0 and tuple(t.lower for t in tokens[k:first]) == words:
            first = k
            break
    k = first - 1
    return k if k > 0 and (tokens[k].text in (",", "(") or tokens[k].text in DASHES) else -1
