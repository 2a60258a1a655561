"""Where a story told in the third person hands over to contributors speaking for themselves.

A readers' comments page ("Your views"), a guest's first-person essay after the
newsroom's introduction, an interview printed as answers with no quotation marks: the
words are the contributors' (but for the interviewer's questions, ``Q: ...``), set apart
by the story's layout and by their voice, as a block quotation's are by its indentation.
The signs are plain in the text. The story opens in the third person (its first
paragraphs, the headline among them, never say "I" outside quotation marks), and from
some paragraph on, paragraphs in the first person singular outside quotation marks run
to the end: at least :data:`RUN` of them, and at least :data:`SHARE` of the paragraphs
from there on (comments that say "I" and comments that do not alternate).

A reporter's first-person dispatch opens in the first person and is the newsroom's own
voice; so is a story with one or two first-person asides ("When I visited the camp in
May, ..."), and a feature whose reporter is at work in it ("he told me", "Voss showed me
the quay", a paragraph quoting someone at length: such paragraphs do not count towards
the run): none is a section of contributors. A title that opens with "I" or "My"
("I Can't Stop Loving You", the album "My World") is no one speaking, nor is the "I" of
"World War I" or of "C.I.A.".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from linter.analysis.quotations import Quotations
from linter.analysis.sentences import Paragraph
from linter.lib.cache import compile_pattern

# "I", "I'm", "my", "me", "myself" as words of their own, not before a capitalised word
# (a title's "I Can't ...", "My World") nor in "War I" or "C.I.A.".
_FIRST_PERSON = compile_pattern(
    r"(?<![\w'’.-])(?<!\bWar )(?:I(?:['’](?:m|ve|d|ll))?|[Mm]y|[Mm]e|[Mm]yself)(?![\w'’-]|\.\w)(?!\s+[A-Z])")
# A reporter at work in a feature told in the first person: someone tells, asks or shows
# the writer ("he told me", "Voss asked me", "was showing me the route").
_INTERVIEWED = compile_pattern(
    r"\b(?:told|tells|telling|asked|asks|asking|showed|shows|showing|assured|reminded|warned|"
    r"introduced|introducing|greeted|said to|explained to|wrote to|texted|emailed|e-mailed) me\b")
# An interviewer's question in a printed interview: "Q:", "Q." or, where the layout's bold
# "Q" lost what set it apart, a "Q" run into the question's first word ("QWhy now?").
_QUESTION = compile_pattern(r"Q(?:[:.][ \t]|(?=[A-Z][a-z]))")
# A direct quotation of this many words or more: the writer quoting someone.
_QUOTING = 4
# The paragraphs that open a story in the third person (the headline among them).
OPENING = 3
# The first-person paragraphs a section of contributors holds at least, and the share of
# the paragraphs from its start to the story's end they make up at least.
RUN = 3
SHARE = 0.25
_PROSE = frozenset({"paragraph", "heading", "list"})


def contributors_from(text: str, paragraphs: Sequence[Paragraph], quotations: Quotations) -> int | None:
    """The offset where the story's section of contributors begins (the start of its
    first paragraph in the first person), or None when it has none."""
    if _FIRST_PERSON.search(text) is None:
        return None  # most stories: no word of the first person at all

    def first_person(p: Paragraph) -> bool:
        return p.kind in _PROSE and any(
            quotations.in_quotation(m.start(), m.end()) is None
            for m in _FIRST_PERSON.finditer(text, p.start, p.end))

    def reporting(p: Paragraph) -> bool:
        """The paragraph is a reporter's at work: someone tells the writer something, or
        the paragraph quotes someone at length."""
        return _INTERVIEWED.search(text, p.start, p.end) is not None or any(
            len(text[q.content_start:q.content_end].split()) >= _QUOTING
            for q in quotations.quotations[bisect_left(quotations.starts, p.start):
                                           bisect_left(quotations.starts, p.end)])

    if any(first_person(p) for p in paragraphs[:OPENING]):
        return None
    # (a paragraph of a reporter at work does not count: a feature told in the first person)
    speaking = [k >= OPENING and first_person(p) and not reporting(p) for k, p in enumerate(paragraphs)]
    left = sum(speaking)  # first-person paragraphs from k to the end
    for k in range(OPENING, len(paragraphs)):
        if left < RUN:
            return None
        if speaking[k]:
            if left >= SHARE * (len(paragraphs) - k):
                return paragraphs[k].start
            left -= 1
    return None


def asked(text: str, paragraph: Paragraph) -> bool:
    """The paragraph is an interviewer's question (``Q: ...``): in a section of
    contributors, the newsroom's words, not the interviewee's."""
    return _QUESTION.match(text, paragraph.start, paragraph.end) is not None
