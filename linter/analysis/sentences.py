"""Sentences and paragraphs of a document's prose text.

Paragraphs are the document's blocks. Sentences are split after ``. ! ? …``
(and closing marks) followed by white space and an upper-case letter, digit
or opening mark, or by a dash glued to a capital (a sign-off:
``hurt.--Ida Kell.``); never after an abbreviation or an initial; never
before a reporting verb that attributes a quotation (``"Stop!" Smith
said``); never inside a quotation that the sentence carries on after (``He
said "Stop. Now" and left``).
"""

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from linter.analysis.quotations import Quotation, Quotations
from linter.lib.cache import compile_pattern
from linter.model.document import Block

_NON_SPACE = compile_pattern(r"\S")


class Sentence(NamedTuple):
    start: int
    end: int


class SentenceList:
    """The sentences of a document, kept as two arrays of machine integers (16 bytes a
    sentence, not the 136 of a tuple of NamedTuples: an archive in one file has millions);
    each is a :class:`Sentence` when read."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, starts: Sequence[int], ends: Sequence[int]) -> None:
        self._starts = starts
        self._ends = ends

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i: int) -> Sentence:
        return Sentence(self._starts[i], self._ends[i])

    def __iter__(self) -> Iterator[Sentence]:
        return map(Sentence, self._starts, self._ends)


class Paragraph(NamedTuple):
    start: int
    end: int
    kind: str




def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ABBREVIATIONS = _words(
    """Mr Mrs Ms Dr Prof Gen Col Lt Sgt Capt Cmdr Maj Adm Gov Sen Rep St Mt Ft Rev Hon Jr Sr
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos vs etc Inc Ltd Co Corp Bros
    approx dept est al cf"""
)
_INITIALS = compile_pattern(r"[A-HJ-Z]|(?:[A-Za-z]\.)+[A-Za-z]")
_TOKEN_SPLIT = compile_pattern(r"[\s(\[\"'“‘«„—–/-]")
# A candidate starts only at the first mark of a run (the look-behind): tried from inside a
# run of 80,000 dots, the greedy run would be scanned again from every dot (quadratic).
# A match can only start there anyway: from later in the run it ends where the first would.
# The look-behind comes after the first mark, so that the search skips in C to the next
# mark: three times as fast as with the look-behind first, tried at every character.
# A sign-off glued to a full stop ends the sentence too: "... 20 were hurt.--Ida Kell."
_BOUNDARY = compile_pattern(
    r"[.!?…](?<![.!?…].)[.!?…]*[)\]\"'”’»›]*(?=\s+[(\[\"'“‘«„‚‹]?[A-Z0-9À-ÖØ-Þ]|(?:--|[—–])[A-Z])")


def _after_abbreviation(text: str, m: re.Match[str], lo: int) -> bool:
    if m.group()[0] != "." or m.group().count(".") > 1:
        return False
    token = _TOKEN_SPLIT.split(text[max(lo, m.start() - 16) : m.start()])[-1]
    return token in _ABBREVIATIONS or _INITIALS.fullmatch(token) is not None


def _trim(text: str, start: int, end: int) -> Sentence | None:
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return None
    while text[end - 1].isspace():
        end -= 1
    return Sentence(first.start(), end)


@lru_cache(maxsize=1)
def attribution_after() -> re.Pattern[str]:
    """After a closing mark: a speaker and a reporting verb (``"Stop!" Smith said``);
    group ``bare`` when nothing but punctuation follows the verb (``"Stop." he said.``)."""
    from linter.analysis.cues import verb_pattern  # the cue lexicon, only once a quotation ends a sentence

    verbs = verb_pattern()
    # (a determiner alone names no speaker: '"...?" That question was ...' starts a sentence)
    lone = rf"(?!(?:The|This|That|These|Those|A|An|Its|His|Her|Their)\s+(?:{verbs})\b)"
    speaker = rf"\s+{lone}[A-Z][\w'’-]*\s+(?:[\w'’-]+\s+){{0,2}}?"
    return compile_pattern(rf"{speaker}(?:{verbs})\b(?P<bare>\s*[,.])?")



# A paragraph that opens with a label in capitals and a colon: "TAMM:", "JAKE TAPPER:", "Q:".
_CAPS_LABEL = compile_pattern(r"([A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,3}):(?=\s)")
# ... and one set in ordinary case: "Matthews:", "Ada Frey:".
_NAME_LABEL = compile_pattern(r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):(?=\s)")
# A transcript's paragraph that no one says: "(BEGIN VIDEO CLIP)", "[CROSSTALK]", "...".
_STAGE = compile_pattern(r"\s*(?:[(\[][^)\]]*[)\]][.\s]*|[^\w]*)$")
_TRANSCRIPT_RUN = 3  # paragraphs in a row that open with a label, one of them a label come back


def transcript_labels(text: str, paragraphs: Sequence[Paragraph], *, capitals: bool = True) -> frozenset[str]:
    """The labels in capitals that name a transcript's speakers: those of three or more
    paragraphs in a row that each open with such a label, where a speaker comes back
    (``COURIER: ... / VOSS: ... / COURIER: ...``; ``JON KELL: ...`` may come back as
    ``KELL: ...``), past stage directions (``(BEGIN VIDEO CLIP)``). A dateline
    (``ISLAMABAD:``, ``NEW YORK:``) opens a story once, and a round-up of briefs names a
    new place each time. Without ``capitals``, the labels in any case (``Kell: ... /
    Voss: ... / Kell: ...``), as a transcript in ordinary case sets them: a subheading
    (``Voss: Hold the north.``) does not come back in a run."""
    label = _CAPS_LABEL if capitals else _NAME_LABEL
    found: set[str] = set()
    run: list[str] = []
    for paragraph in (*paragraphs, None):
        if paragraph is not None:
            m = label.match(text, paragraph.start, paragraph.end)
            if m is not None:
                run.append(" ".join(m.group(1).split()))
                continue
            if _STAGE.match(text, paragraph.start, paragraph.end):
                continue
        speakers = {label.rsplit(" ", 1)[-1] for label in run}
        if len(run) >= _TRANSCRIPT_RUN and 2 <= len(speakers) < len(run):
            found.update(run)
        run = []
    return frozenset(found)


class Sentences:
    """The paragraphs and sentences of one document, in order."""

    __slots__ = ("_ends", "_paragraph_starts", "_quotations", "_text", "paragraphs", "sentences", "starts")

    def __init__(self, text: str, blocks: Sequence[Block], quotations: Quotations) -> None:
        self._text = text
        self._quotations = quotations
        self.paragraphs = tuple(Paragraph(b.start, b.end, b.kind) for b in blocks)
        self._paragraph_starts = [p.start for p in self.paragraphs]
        starts, ends = array("q"), array("q")
        for p in self.paragraphs:
            for sentence in self._split(p):
                starts.append(sentence.start)
                ends.append(sentence.end)
        self.sentences = SentenceList(starts, ends)
        self.starts: Sequence[int] = starts
        self._ends = ends

    def index_at(self, offset: int) -> int:
        """The index of the sentence containing ``offset`` (its end included), or -1."""
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset <= self._ends[i] else -1

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing ``offset`` (its end included), else an empty one there."""
        i = self.index_at(offset)
        return self.sentences[i] if i >= 0 else Sentence(offset, offset)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph (block) containing ``offset`` (its end included), or None."""
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def _split(self, paragraph: Paragraph) -> Iterator[Sentence]:
        start = paragraph.start
        for m in _BOUNDARY.finditer(self._text, paragraph.start, paragraph.end):
            if self._continues(m, paragraph.start):
                continue
            sentence = _trim(self._text, start, m.end())
            if sentence is not None:
                yield sentence
            start = m.end()
        last = _trim(self._text, start, paragraph.end)
        if last is not None:
            yield last

    def _continues(self, m: re.Match[str], lo: int) -> bool:
        """True when the candidate boundary ``m`` does not end the sentence."""
        if _after_abbreviation(self._text, m, lo):
            return True
        if m.group()[-1] in "\"'”’»›" and self._attributes_quote(m):
            return True
        q = self._quotations.in_quotation(m.start(), m.start() + 1)
        return q is not None and self._carries_on(q)

    def _attributes_quote(self, m: re.Match[str]) -> bool:
        """``"Stop!" Smith said`` or ``"Stop." He said.``, but not ``"Stop." She said more.``"""
        after = attribution_after().match(self._text, m.end())
        return after is not None and ("." not in m.group() or after["bare"] is not None)

    def _carries_on(self, q: Quotation) -> bool:
        """A closed quotation whose sentence goes on in lower case: ``"Stop. Now" and left``."""
        if not q.closed or self._text[q.content_end - 1 : q.content_end] in ",.!?…;:":
            return False
        after = self._text[q.end : q.end + 8].lstrip()
        return after[:1].islower()
