"""Frames of idioms of saying built on a common verb: ``The mayor put it bluntly: ...``,
``Voss made it clear (that) ...``, ``made plain to the union that ...``. The verb's
subject is the source; the words after the idiom are the subject's."""

from __future__ import annotations

from linter.analysis.chunks import Group
from linter.analysis.cues import PLAIN
from linter.analysis.frame_base import Frame, clause, content_span, span, subject_of, vague_source
from linter.analysis.syntax import Parse
from linter.analysis.verb_reach import bare_clause
from linter.analysis.verb_reports import put_it_colon

# What someone makes clear of their own: "made its view clear: ...", "made her position plain".
_STANDS = frozenset({"view", "position", "stance", "feeling", "intention", "opposition", "point"})


def idiom_frame(parse: Parse, group: Group) -> Frame | None:
    """The frame of ``put it ...:`` or ``made (it) clear ...`` on ``group``, or None."""
    tokens = parse.tokens
    colon = put_it_colon(parse, group)
    if colon >= 0:  # "The mayor put it bluntly: ..."
        subject = subject_of(parse, group) or parse.chunk_at(group.first - 1)
        source = None if subject is None else span(parse, subject.first, subject.last)
        return Frame(span(parse, group.first, group.last + 1), source, vague_source(parse, subject),
                     content_span(parse, colon + 1, len(tokens) - 1), "verb")
    first = _made_clear(parse, group)
    subject = subject_of(parse, group) if first >= 0 else None
    if subject is None:
        return None
    end = len(tokens) - 1 if tokens[first - 1].text == ":" else clause(parse, first)[1]
    return Frame(span(parse, group.first, first - 1), span(parse, subject.first, subject.last),
                 vague_source(parse, subject), content_span(parse, first, end), "verb")


def _made_clear(parse: Parse, group: Group) -> int:
    """The first word of what ``made it clear (to X) that ...``, ``made clear: ...``,
    ``made its view clear: ...`` or ``made it plain the ...`` gives as the subject's words,
    or -1 (not ``made the quay clear of rubble``, ``made clear progress``)."""
    tokens = parse.tokens
    k = group.last + 1
    if group.lemma != "make":
        return -1
    if k + 1 < len(tokens) and tokens[k].tag == "PRP$" and tokens[k + 1].lemma in _STANDS:
        k += 2  # "made its view clear: ..."
    else:
        k += k < len(tokens) and tokens[k].lower == "it"
    if k >= len(tokens) or tokens[k].lower not in PLAIN:
        return -1
    k += 1
    if k < len(tokens) and tokens[k].lower == "to":  # "made it clear to the union that ..."
        heard = parse.chunk_at(k + 1)
        k = heard.last + 1 if heard is not None and heard.first == k + 1 else k
    if k + 1 < len(tokens) and (tokens[k].lower == "that" or tokens[k].text == ":"):
        return k + 1
    return k if k < len(tokens) and bare_clause(parse, k) else -1
