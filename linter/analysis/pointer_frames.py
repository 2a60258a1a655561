"""Frames of a sentence that only points back to the one before it with someone's view or
words: ``That is the mayor's view.``, ``That was the verdict of the port director.``,
``This, at least, is the army's account.``, ``Such is the view of the council.``. Their
content is empty: :meth:`linter.analysis.Analysis.voice` gives the sentence before them
to their source, as it does for ``That is what the police say.``."""

from __future__ import annotations

from linter.analysis.cues import ACCOUNTS, VIEWS
from linter.analysis.frame_base import Frame, lexicon, span
from linter.analysis.syntax import COPULAS, Parse
from linter.analysis.vague_sources import vague_source

# The words that point back: "That is ...", "This was ...", "Such is ...".
_POINTERS = frozenset({"that", "this", "such"})
# The aside a pointer may carry before its copula: "That, at least, is ...".
_AT_LEAST = (",", "at", "least", ",")


def pointer_frames(parse: Parse) -> list[Frame]:
    """The one frame of a sentence made of a pointer, a copula and an owned noun of a view
    or of words (``the mayor's view``, ``the verdict of the port director``), or none."""
    tokens = parse.tokens
    if len(tokens) < 4 or tokens[0].lower not in _POINTERS or tokens[-1].text != ".":
        return []
    k = 1 + 4 * (tuple(t.lower for t in tokens[1:5]) == _AT_LEAST)
    group = parse.group_at(k)
    if group is None or group.first != k or not group.finite or group.lemma not in COPULAS:
        return []
    noun = parse.chunk_at(group.last + 1)
    if noun is None or noun.first != group.last + 1:
        return []
    head = tokens[noun.last]
    lex = lexicon()
    if not (head.lemma in lex.nouns or head.lemma in lex.positions or head.lower in VIEWS
            or head.lower in ACCOUNTS):
        return []
    owner = next((j for j in range(noun.first, noun.last) if tokens[j].tag in ("POS", "PRP$")), -1)
    if owner >= 0 and noun.last + 2 == len(tokens):  # "the mayor's view."
        if tokens[owner].lower in ("my", "our"):
            return []
        last = owner - 1 if tokens[owner].tag == "POS" else owner
        source = span(parse, noun.first, last)
        return [Frame(span(parse, noun.last, noun.last), source, False, (0, 0), "noun")]
    of = noun.last + 1
    who = parse.chunk_at(of + 1)
    if owner >= 0 or tokens[of].lower != "of" or who is None or who.first != of + 1 or (
            who.last + 2 != len(tokens)):
        return []
    source = span(parse, who.first, who.last)
    return [Frame(span(parse, noun.last, of), source, vague_source(parse, who), (0, 0), "noun")]
