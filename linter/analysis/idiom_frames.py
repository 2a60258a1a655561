"""Frames of idioms of saying built on a common verb: ``The mayor put it bluntly: ...``.
The verb's subject is the source; the words after the idiom are the subject's."""

from __future__ import annotations

from linter.analysis.chunks import Group
from linter.analysis.frame_base import Frame, content_span, span, subject_of, vague_source
from linter.analysis.syntax import Parse
from linter.analysis.verb_reports import put_it_colon


def idiom_frame(parse: Parse, group: Group) -> Frame | None:
    """The frame of ``put it ...:`` on ``group``, or None."""
    tokens = parse.tokens
    colon = put_it_colon(parse, group)
    if colon < 0:
        return None
    subject = subject_of(parse, group) or parse.chunk_at(group.first - 1)
    source = None if subject is None else span(parse, subject.first, subject.last)
    return Frame(span(parse, group.first, group.last + 1), source, vague_source(parse, subject),
                 content_span(parse, colon + 1, len(tokens) - 1), "verb")
