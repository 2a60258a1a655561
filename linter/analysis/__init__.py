"""Pure analyses of a document's prose text, computed once per document and on first use.

:class:`Analysis` is what rule kinds read besides the document itself:
quotations (:mod:`.quotations`), sentences and paragraphs (:mod:`.sentences`),
attribution cues (:mod:`.attribution`, :mod:`.cues`), and for the sentences a rule
asks about, tags and a shallow parse (:mod:`.tagging`, :mod:`.chunks`, :mod:`.syntax`)
and attribution frames (:mod:`.frames`), from which :meth:`Analysis.voice` and
:meth:`Analysis.specific` answer. Each is computed from ``doc.text`` and ``doc.blocks``
alone, in ``text`` offsets, the first time a rule asks for it; the tagging modules are
imported only then, so a run that never needs them never loads them.

This package knows drafts, not rules: it must not import ``kinds``, ``engine``,
``config``, ``run`` or ``report``.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from linter.analysis.quotations import Quotations
from linter.analysis.sentences import Sentence, Sentences, attribution_after, transcript_labels
from linter.analysis.voice import Voice
from linter.lib.cache import compile_pattern
from linter.model.document import Block, Document

if TYPE_CHECKING:
    from linter.analysis.attribution import Attribution
    from linter.analysis.frames import Frame
    from linter.analysis.syntax import Parse

T = TypeVar("T")
# The longest sentence that is tagged and parsed, in characters. The longest of the
# 43,863 sentences in 2,225 BBC stories has 1,063; a longer "sentence" is text with no
# sentence punctuation (a CMS dump, a list run together), and reading frames in it costs
# time in proportion to its length times its verbs. Its words count as the writer's own.
PARSED_MAX = 2_000
# How many parsed sentences an analysis keeps. The rules ask about a sentence's parse one
# after another, rarely twice: over 2,225 stories as one file, 1,059 asks found 1,040
# sentences. The parses of a huge file, kept, would grow with it.
PARSES_KEPT = 64

__all__ = ["Analysis", "Voice", "prepare"]


_SUBHEAD_WORDS = 6  # at most this many words after "Name:" in a one-sentence paragraph
# How a sentence that only points back to the one before it opens: "That is what ...",
# "This, at least, is ...", "So says ...", "Or so ...", "At least, that is ...".
_POINTER = compile_pattern(r"\s*(?:At least, (?:that|this)|That|This|Such|So|Or so)\b")


class Analysis:
    """The analyses of one document, each computed on first use.

    ``starts`` holds what the engine's one pass over the text found for each prefix
    scanner (:mod:`linter.lib.scan`), keyed by the scanner's ``key``: term rules read
    their candidate offsets from it instead of scanning again.
    """

    def __init__(self, doc: Document, starts: Mapping[object, Sequence[int]] | None = None) -> None:
        self.doc = doc
        self.starts: Mapping[object, Sequence[int]] = starts or {}
        self._shared: dict[object, object] = {}
        self._parses: OrderedDict[int, Parse] = OrderedDict()
        self._frames: dict[int, tuple[Frame, ...]] = {}

    @cached_property
    def quotations(self) -> Quotations:
        return Quotations(self.doc.text, self.doc.blocks)

    @cached_property
    def sentences(self) -> Sentences:
        return Sentences(self.doc.text, self.doc.blocks, self.quotations)

    @cached_property
    def attribution(self) -> Attribution:
        from linter.analysis.attribution import Attribution  # with the cue lexicon, on first use
        from linter.analysis.cues import reporting_scanner

        scanner = reporting_scanner()
        return Attribution(self.doc.text, self.sentences,
                           self.sorted_starts(scanner) if scanner is not None else None)

    def sorted_starts(self, scanner: object) -> Sequence[int] | None:
        """Where the prefilter's pass found ``scanner``'s prefixes, sorted, each once (the
        pass finds them in order of their ends), or None when it did not scan for them.
        Sorted once per document, for every rule and question that reads them."""
        starts = self.starts.get(scanner)
        if starts is None:
            return None
        return self.shared(("sorted starts", scanner), lambda: sorted(set(starts)))

    def _alone(self, i: int, block: Block) -> bool:
        """Sentence ``i`` is the whole of ``block``, its paragraph: no sentence of it before
        or after (as :meth:`_they` asks whether the sentence before is in the paragraph)."""
        sentences = self.sentences.sentences
        return ((i == 0 or sentences[i - 1].start < block.start)
                and (i + 1 == len(sentences) or sentences[i + 1].start >= block.end))

    def parse_at(self, offset: int) -> Parse | None:
        """The tagged, parsed sentence holding ``offset`` (tagged on first use), or None
        outside sentences and in one longer than ``PARSED_MAX``."""
        i = self.sentences.index_at(offset)
        if i < 0:
            return None
        parse = self._parses.get(i)
        if parse is None:
            sentence = self.sentences.sentences[i]
            if sentence.end - sentence.start > PARSED_MAX:
                return None
            block = self.doc.block_at(sentence.start)
            from linter.analysis.labelled import caption_start
            from linter.analysis.syntax import Parse
            from linter.analysis.tagging import tag_span

            tokens = tag_span(self.doc.text, sentence.start, sentence.end)
            # A block that is one sentence with no verb (a caption, an image's alt text, a list
            # item) is read as a headline is: "Terrorists outside the hotel" ("are outside"),
            # also past a caption's label ("Pictured: ...").
            heading = block is not None and (block.kind == "heading" or (
                not any(t.is_verb for t in tokens[caption_start(tokens):]) and self._alone(i, block)))
            parse = self._parses[i] = Parse(tokens, heading)
            if len(self._parses) > PARSES_KEPT:
                self._parses.popitem(last=False)  # the oldest
        return parse

    def frames_at(self, offset: int) -> tuple[Frame, ...]:
        """The attribution frames of the sentence holding ``offset`` whose cue is outside
        quotations and block quotations (a cue inside one is the speaker's, not the
        writer's)."""
        i = self.sentences.index_at(offset)
        if i < 0:
            return ()
        found = self._frames.get(i)
        if found is None:
            found = self._frames[i] = self._they(i, self._sentence_frames(i))
        return found

    def _sentence_frames(self, i: int) -> tuple[Frame, ...]:
        """The frames of sentence ``i`` (see :meth:`frames_at`), read from it alone."""
        from linter.analysis.cues import frame_gate  # the cue lexicon, on first use

        sentence = self.sentences.sentences[i]
        if frame_gate().search(self.doc.text, sentence.start, sentence.end) is None:
            return ()  # no cue word at all: not worth tagging
        parse = self.parse_at(sentence.start)
        if parse is None:  # longer than any sentence: not parsed
            return ()
        from linter.analysis.frames import frames

        return tuple(f for f in frames(parse) if not self.quoted(*f.cue)
                     and (f.kind != "answer" or self._interview)
                     and (f.kind != "caps" or self._speaks(f))
                     and not (f.kind == "colon" and self._subhead(f, sentence)))

    def _they(self, i: int, found: tuple[Frame, ...]) -> tuple[Frame, ...]:
        """``they`` as a source is as vague as the last source of the sentence before it in
        its paragraph (``Analysts say ... . ..., they say``: still no one named)."""
        text = self.doc.text
        they = [k for k, f in enumerate(found) if f.source is not None and not f.vague
                and text[f.source[0]:f.source[1]].lower() == "they"]
        if not they or i == 0:
            return found
        sentences = self.sentences
        paragraph = sentences.paragraph_at(sentences.sentences[i].start)
        if paragraph is None or sentences.sentences[i - 1].start < paragraph.start:
            return found
        before = [f for f in self._sentence_frames(i - 1) if f.source is not None]
        if not before or not max(before, key=lambda f: f.cue).vague:
            return found
        return tuple(f._replace(vague=True) if k in they else f for k, f in enumerate(found))

    def _subhead(self, frame: Frame, sentence: Sentence) -> bool:
        """A colon frame that is a subheading, not a speaker: one word before the colon, its
        sentence is its whole paragraph, not the story's first, and a few words follow
        (``Voss: Hold the north.``; not ``Mr Tarrant: ...``, ``Voss to strikers: ...``, a
        source noun, ``Police: ...``, a headline, ``Tamm: I back the plan``, nor a
        transcript's speaker, ``Voss: The men burned it.`` between ``Kell:`` turns)."""
        text = self.doc.text
        if frame.source is None or len(text[frame.source[0]:frame.source[1]].split()) != 1:
            return False
        from linter.analysis.frame_base import lexicon

        if text[frame.source[0]:frame.source[1]].lower() in lexicon().sources:
            return False  # a source noun speaks: "Police: ...", "Minister: ..."
        if " ".join(text[frame.source[0]:frame.source[1]].split()) in self._turns:
            return False  # a transcript's speaker: "Kell: ... / Voss: Well, ... / Kell: ..."
        if frame.cue[0] > frame.source[1] + 1:
            return False  # the people addressed stand between the speaker and the colon
        sentences = self.sentences
        paragraph = sentences.paragraph_at(sentence.start)
        if paragraph is None or sentences.index_at(paragraph.end - 1) != sentences.index_at(sentence.start):
            return False
        if paragraph == sentences.paragraphs[0]:
            return False  # the story's headline: "Tamm: I back the port plan"
        words = text[frame.content[0]:frame.content[1]].split()
        short = next((k + 1 for k, w in enumerate(words) if w.endswith((".", "?", "!"))), len(words))
        return short <= _SUBHEAD_WORDS  # words to the first full stop (a note may follow it)

    @cached_property
    def _interview(self) -> bool:
        """The document asks questions in its own voice: a paragraph opens with ``Q:``, so a
        paragraph that opens with ``A:`` is an answer."""
        text = self.doc.text
        return any(text.startswith("Q:", b.start) for b in self.sentences.paragraphs)

    def _speaks(self, frame: Frame) -> bool:
        """A label in capitals (``TAMM:``) names a speaker, not a dateline, when it is one
        of a transcript's labels (:func:`.sentences.transcript_labels`)."""
        assert frame.source is not None
        return " ".join(self.doc.text[frame.source[0]:frame.source[1]].split()) in self._transcript

    @cached_property
    def _transcript(self) -> frozenset[str]:
        return transcript_labels(self.doc.text, self.sentences.paragraphs)

    @cached_property
    def _turns(self) -> frozenset[str]:
        """The labels of a transcript set in ordinary case (``Kell:``, ``Voss:``)."""
        return transcript_labels(self.doc.text, self.sentences.paragraphs, capitals=False)

    def quoted(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is someone else's words set off as such: inside a
        quotation's marks, in an inline quotation of more than one word whose marks are
        markup (HTML ``<q>``; a lone word so set off is a term or a scare quote, the
        writer's), or in a block quotation (HTML ``<blockquote>``, Markdown ``>``), which
        layout sets off as marks would."""
        if self.quotations.in_quotation(start, end) is not None:
            return True
        inline = self.doc.inline_quote_at(start, end)
        if inline is not None and len(self.doc.text[inline[0]:inline[1]].split()) > 1:
            return True
        block = self.doc.block_at(start)
        return block is not None and block.kind == "blockquote" and end <= block.end

    def voice(self, start: int, end: int, *, named_only: bool = False) -> Voice:
        """Whose words ``text[start:end]`` are: quoted (in a direct quotation or a block
        quotation), attributed (in the content of a frame whose source names someone, or in
        a section of contributors speaking for themselves: :mod:`.contributors`), vague
        (in the content of a source that names no one: ``experts say ...``), or the writer's
        own.

        With ``named_only`` the caller asks only whether the words are quoted or attributed
        (vague may then read as own), and a sentence whose only cue words lie inside the
        span (``Analysts said``, ``It is thought``) is not tagged: a frame whose cue is in
        the span reports words before or after it, or its source is the span's own vague
        one, so none attributes the span to someone named."""
        if self.quoted(start, end):
            return Voice.QUOTED
        if self._contributors is not None and start >= self._contributors and not self._asked(start):
            return Voice.ATTRIBUTED  # a contributor's words (:mod:`.contributors`)
        own_cues_only = named_only and self._cues_only_within(start, end)
        frames = [] if own_cues_only else [f for f in self.frames_at(start)
                                           if f.covers(start, end) and f.kind != "pictures"]
        frames = frames or self._speaker_label(start) or self._pointed_back(start)
        if any(not f.vague for f in frames):
            return Voice.ATTRIBUTED
        return Voice.VAGUE if frames else Voice.OWN

    @cached_property
    def _contributors(self) -> int | None:
        """Where the story's section of contributors begins, if it has one."""
        from linter.analysis.contributors import contributors_from

        return contributors_from(self.doc.text, self.sentences.paragraphs, self.quotations)

    def _asked(self, offset: int) -> bool:
        """The paragraph holding ``offset`` is an interviewer's question."""
        from linter.analysis.contributors import asked

        paragraph = self.sentences.paragraph_at(offset)
        return paragraph is not None and asked(self.doc.text, paragraph)

    def _cues_only_within(self, start: int, end: int) -> bool:
        """Every cue word of the sentence holding ``start`` (:func:`.cues.frame_gate`) lies
        inside ``[start, end)``: the first starts and the last ends inside it (the matches
        come in order and never overlap), found once for each sentence, so a sentence of
        thousands of claims is read once, not once for each."""
        from linter.analysis.cues import frame_gate  # the cue lexicon, on first use

        i = self.sentences.index_at(start)
        if i < 0:
            return False
        sentence = self.sentences.sentences[i]

        def bounds() -> tuple[int, int] | None:
            found = [m.span() for m in frame_gate().finditer(self.doc.text, sentence.start, sentence.end)]
            return (found[0][0], found[-1][1]) if found else None

        outer = self.shared(("frame gate bounds", i), bounds)
        return outer is None or (start <= outer[0] and outer[1] <= end)

    def _speaker_label(self, offset: int) -> list[Frame]:
        """The colon frame that opens the paragraph holding ``offset`` in a later sentence
        of it: in a transcript (``Matthews: Well, ... . Here's the irony: ...``) the
        speaker's words run to the end of the paragraph."""
        sentences = self.sentences
        paragraph = sentences.paragraph_at(offset)
        i = sentences.index_at(offset)
        if paragraph is None or i <= 0 or sentences.sentences[i].start <= paragraph.start:
            return []
        first = sentences.index_at(paragraph.start)
        if first < 0 or first == i:
            return []
        opening = sentences.sentences[first]
        if self.doc.text.find(":", opening.start, opening.end) < 0:
            return []  # every such label ends in a colon: no need to tag the sentence
        return [f for f in self.frames_at(opening.start)
                if f.kind in ("colon", "answer", "caps") and f.content[1] >= opening.end - 1]

    def _pointed_back(self, offset: int) -> list[Frame]:
        """The frames of the next sentence of the paragraph when it only points back to
        the one holding ``offset``: it opens with "That", "This", "Such", "So", "Or so" or
        "At least" and its frame says nothing of its own, no verb in its content (``That is
        what the police say.``, ``So says the mayor.``, ``Or so the mayor claims.``, ``This
        is according to police.``, ``That was the verdict of the mayor.``; not ``That is what
        the police say they found.``)."""
        sentences = self.sentences
        i = sentences.index_at(offset)
        if i < 0 or i + 1 >= len(sentences.sentences):
            return []
        after = sentences.sentences[i + 1]
        paragraph = sentences.paragraph_at(offset)
        if paragraph is None or after.start >= paragraph.end:
            return []
        text = self.doc.text
        if _POINTER.match(text, after.start, after.end) is None:
            return []
        frames = self.frames_at(after.start)
        parse = self.parse_at(after.start) if frames else None  # (parsed already, for its frames)
        if parse is None:
            return []
        # what it says of its own: a verb in its content (not the pointer's own "is" before
        # the cue, "This is according to police."; "told TV3 on Friday" says nothing)
        return [f for f in frames if not any(
            (t.tag.startswith("VB") or t.tag == "MD") and not (t.end <= f.cue[0] and t.lower in ("is", "was"))
            for t in parse.tokens if f.content[0] <= t.start and t.end <= f.content[1])]

    def specific(self, start: int, end: int, heads: frozenset[str] | None = None,
                 denials: bool = False) -> bool:
        """True when the words at ``[start, end)`` refer to specific people, groups or events
        (:func:`linter.analysis.reference.specific`)."""
        from linter.analysis.reference import specific  # with the parse, on first use

        parse = self.parse_at(start)
        return parse is not None and specific(parse, start, end, heads, denials)

    def tagged(self, start: int, end: int, tags: re.Pattern[str]) -> bool:
        """True when a word at ``[start, end)`` carries a Penn tag that ``tags`` matches in
        full (tagging its sentence on first use); False in a sentence too long to parse."""
        parse = self.parse_at(start)
        return parse is not None and any(
            t.start < end and start < t.end and tags.fullmatch(t.tag) is not None for t in parse.tokens)

    def shared(self, key: object, compute: Callable[[], T]) -> T:
        """A result several rules of one kind share (the quote layout of a house style),
        computed once for this document; ``compute`` must be a pure function of it."""
        if key not in self._shared:
            self._shared[key] = compute()
        value: T = self._shared[key]  # type: ignore[assignment]
        return value


def prepare() -> None:
    """Compile the cue and attribution patterns now rather than on first use."""
    attribution_after()
