"""Where the house wants each quotation mark: a quote style, and every mark of a document
placed in it (the quotation it opens or closes, its level, whether it is in a nest).

Worked out once per document and style, and shared by the five ``quotes`` checks
(:mod:`linter.kinds.quotes`), so findings of different checks never pull one mark
two ways.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from typing import NamedTuple

from linter.analysis import Analysis
from linter.analysis.quotations import Quotation, QuoteMark, quotation_spans
from linter.analysis.sentences import Sentences
from linter.lib.cache import compile_pattern
from linter.model.document import Document
from linter.model.rule import Hit

OUTER = 0  # levels: 0 outer, 1 inner
# A sentence quoted on its own of this many words or more is speech, and takes the house's
# outer marks; a shorter one may be a term in the inner marks ("a ‘gift’ to developers").
SPOKEN_WORDS = 4
_ENDS = frozenset(".!?,…")
_WORD = compile_pattern(r"\w+(?:['’]\w+)*")
SINGLE_WEIGHT = frozenset("'‘’‹›‚")


# Which families a mark can belong to (``“`` and ``‘`` open curly quotations and close low-9 ones).
FAMILIES: dict[str, frozenset[str]] = {
    **dict.fromkeys("\"'", frozenset({"straight"})),
    **dict.fromkeys("“‘", frozenset({"curly", "low-9"})),
    **dict.fromkeys("”’", frozenset({"curly"})),
    **dict.fromkeys("«»‹›", frozenset({"guillemets"})),
    **dict.fromkeys("„‚", frozenset({"low-9"})),
}


# Marks that look alike to a reader ("the same marks as the quotation around it").
LOOK = {**dict.fromkeys("\"“”„", "double"), **dict.fromkeys("'‘’‚", "single"),
        **dict.fromkeys("«»", "guillemet"), **dict.fromkeys("‹›", "single guillemet")}


def family_of(open_mark: str) -> str:
    """The family of a quotation, by its opening mark (curly for ``“`` and ``‘``)."""
    return min(FAMILIES[open_mark])


class Style(NamedTuple):
    """A quote style: (open, close) for the outer and the inner level. ``house`` is False
    for the style a story itself mostly uses, read when the newsroom has named none."""

    name: str
    family: str
    levels: tuple[tuple[str, str], tuple[str, str]]
    house: bool = True
    # Whether a sentence quoted on its own takes the outer marks: always in a named house
    # style; in a story's own style only when most of its spoken quotations already do
    # (then one in the inner marks is a slip, Layout.slips).
    speech: bool = True

    def level_of(self, char: str) -> int | None:
        """The level at which the house uses ``char``, or None when it does not."""
        return next((lv for lv, pair in enumerate(self.levels) if char in pair), None)

    def mark(self, level: int, role: str) -> str:
        return self.levels[level][0 if role == "open" else 1]

    def weighted(self, char: str) -> int:
        """The level whose marks are as heavy as ``char`` (single or double); outer on a tie."""
        single = char in SINGLE_WEIGHT
        levels = [lv for lv, (o, _) in enumerate(self.levels) if (o in SINGLE_WEIGHT) == single]
        return levels[0] if len(levels) == 1 else OUTER

    @property
    def standalone(self) -> frozenset[int]:
        """The levels a quotation outside any nest may use: either, when both are of one
        family (a term in single marks is common), else the outer one only (guillemets
        with “inner” marks: a “quotation” of its own would mix two families). A named
        house style whose inner marks are the double ones (british) allows no term in
        them: ‘single’ marks are its marks for every quotation of its own."""
        (o1, _), (o2, _) = self.levels
        if self.house and o2 not in SINGLE_WEIGHT:
            return frozenset({OUTER})
        return frozenset({0, 1}) if FAMILIES[o1] & FAMILIES[o2] else frozenset({OUTER})

    @property
    def described(self) -> str:
        """How messages name the style: ``curly, “outer” and ‘inner’``, or, with no house
        style, ``none set; this story mostly uses straight, "outer" and 'inner'``."""
        (o1, c1), (o2, c2) = self.levels
        marks = f"{self.name}, {o1}outer{c1} and {o2}inner{c2}"
        return marks if self.house else f"none set; this story mostly uses {marks}"


STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        Style("curly", "curly", (("“", "”"), ("‘", "’"))),
        Style("straight", "straight", (('"', '"'), ("'", "'"))),
        Style("british", "curly", (("‘", "’"), ("“", "”"))),
        Style("german", "low-9", (("„", "“"), ("‚", "‘"))),
        Style("guillemets", "guillemets", (("«", "»"), ("“", "”"))),
    )
}


_CLOSER = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "‹": "›", "„": "“", "‚": "‘"}
_BY_FAMILY = {"straight": "straight", "curly": "curly", "guillemets": "guillemets", "low-9": "german"}


def story_style(quotations: tuple[Quotation, ...], parents: tuple[int, ...],
                marks: Iterable[QuoteMark], said: Callable[[int], bool] | None = None) -> Style | None:
    """The style a story mostly uses, for a newsroom that has named no house style (None
    when it has no quotation mark): the family of most of its outermost quotations (or,
    with none, of its opening and closing marks), and the outer and inner marks most of
    its nests in that family use (else the marks most of its speech uses, ``said(i)``
    telling whether quotation ``i`` is a sentence quoted on its own; else that family's
    usual ones). Speech is held to the outer marks (``Style.speech``) when at least two
    spoken quotations use them and more than use the inner ones."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, q in enumerate(quotations):
        if not q.depth and not q.continued:
            family = family_of(q.open_mark)
            counts[family] += 1
            first.setdefault(family, i)
    if not counts:
        for i, m in enumerate(marks):
            if m.role in ("open", "close"):
                counts[family_of(m.char)] += 1
                first.setdefault(family_of(m.char), i)
    if not counts:
        return None
    family = max(counts, key=lambda f: (counts[f], -first[f]))
    usual = STYLES[_BY_FAMILY[family]]
    nests: Counter[tuple[str, str]] = Counter()
    for i, p in enumerate(parents):
        outer, inner = quotations[p] if p >= 0 else None, quotations[i]
        if (outer is not None and outer.closed and inner.closed and family_of(outer.open_mark) == family
                and outer.open_mark in _CLOSER and inner.open_mark in _CLOSER
                and LOOK[outer.open_mark] != LOOK[inner.open_mark]):
            nests[outer.open_mark, inner.open_mark] += 1
    levels = usual.levels
    if nests:
        (outer_mark, inner_mark), _ = max(nests.items(), key=lambda item: item[1])
        levels = ((outer_mark, _CLOSER[outer_mark]), (inner_mark, _CLOSER[inner_mark]))
    speech = _speech(quotations, family, levels[0][0], said)
    if speech and not nests:  # no nest: the marks most of the speech uses are the outer ones
        ranked = speech.most_common()
        if (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) and levels[1][0] == ranked[0][0]:
            levels = (levels[1], levels[0])  # "‘We will not go,’ she said" throughout: british
    said_outer = speech[levels[0][0]]
    said_inner = sum(speech.values()) - said_outer
    name = next((s.name for s in STYLES.values() if s.levels == levels), usual.name)
    return Style(name, family, levels, house=False, speech=said_outer >= 2 and said_outer > said_inner)


def _speech(quotations: tuple[Quotation, ...], family: str, outer: str,
            said: Callable[[int], bool] | None) -> Counter[str]:
    """The family's spoken quotations standing alone, by opening mark; empty when none is
    in other marks than ``outer`` (then speech changes no level, and most quotations,
    in the outer marks, need not be read)."""
    by_mark: dict[str, list[int]] = {}
    for i, q in enumerate(quotations):
        if (q.closed and not q.depth and not q.continued and q.open_mark in _CLOSER
                and family_of(q.open_mark) == family):
            by_mark.setdefault(q.open_mark, []).append(i)
    if said is None or not any(said(i) for mark, ids in by_mark.items() if mark != outer for i in ids):
        return Counter()
    return Counter({mark: sum(map(said, ids)) for mark, ids in by_mark.items()})


def speech_of(text: str, an: Analysis) -> Callable[[int], bool]:
    """Whether quotation ``i`` of the document is :func:`spoken`, each worked out once per
    document. The answers are kept in the analysis; the function is not, since it refers to
    the analysis: kept there, it would make a loop that only the garbage collector frees,
    and with it the whole analysis of every story."""
    quotations = an.quotations.quotations
    memo: dict[int, bool] = an.shared("quotes.spoken", dict)

    def said(i: int) -> bool:
        if i not in memo:
            memo[i] = spoken(text, an, quotations[i])
        return memo[i]
    return said


class Placed(NamedTuple):
    """A quotation mark in its place: the quotation it opens or closes (None for
    a stray closer), the level the house wants there, and whether it is in a nest."""

    offset: int
    char: str
    role: str
    quotation: int | None
    level: int
    nested: bool
    doubled: int = 0  # 1: outer, 2: inner of two single marks standing in for a double


class Layout(NamedTuple):
    quotations: tuple[Quotation, ...]
    parents: tuple[int | None, ...]
    marks: tuple[Placed, ...]
    style: Style
    text: str = ""
    # Paragraphs (by start offset) where the house marks would be read as
    # different quotations than the marks there now. When there is one, no fix
    # is offered anywhere in the story: fixing the rest would leave it mixed.
    unstable: frozenset[int] = frozenset()
    # With no house style, quotations of speech standing alone in the inner marks when most
    # of the story's speech uses the outer ones: reported, never fixed (a fix would change
    # the counts that made the norm, and one mark does not settle a story's style).
    slips: frozenset[int] = frozenset()

    def expected(self, mark: Placed) -> str:
        return self.style.mark(mark.level, mark.role)

    def suggest(self, mark: Placed, wanted: str | None = None) -> tuple[str, ...]:
        """The house mark (or ``wanted``), unless the mark is glued between two letters or
        digits (``accep"t``): there its role is a guess, and changing the mark could
        change what the rest of the paragraph counts as quoted."""
        wanted = wanted or self.expected(mark)
        if wanted == mark.char or self._glued(mark.offset) or self.unstable:
            return ()
        return (wanted,)

    def _glued(self, offset: int) -> bool:
        before = self.text[offset - 1:offset]
        after = self.text[offset + 1:offset + 2]
        return before.isalnum() and after.isalnum()

    def hit(self, mark: Placed, args: tuple[str, ...], message: str | None = None,
            wanted: str | None = None) -> Hit:
        return Hit(mark.offset, mark.offset + 1, args, self.suggest(mark, wanted), message=message)


def _doubled(quotations: tuple[Quotation, ...], parents: tuple[int | None, ...]) -> list[int]:
    """1 for the outer and 2 for the inner of ``''text''``: typewriter double marks."""
    doubled = [0] * len(quotations)
    for i, p in enumerate(parents):
        q = quotations[i]
        if p is not None and q.closed and q.open_mark in SINGLE_WEIGHT:
            outer = quotations[p]
            if (outer.start, outer.end, outer.open_mark) == (q.start - 1, q.end + 1, q.open_mark):
                doubled[p], doubled[i] = 1, 2
    return doubled


def _nested(quotations: tuple[Quotation, ...], parents: tuple[int | None, ...],
            doubled: list[int]) -> list[bool]:
    """True for a quotation in a nest: inside or holding another, all of it closed
    (a quotation left open makes the levels of those inside it guesswork)."""
    sound = [False] * len(quotations)
    nested = [False] * len(quotations)
    for i, p in enumerate(parents):
        sound[i] = quotations[i].closed and (p is None or sound[p])
        if p is not None and sound[i] and not doubled[i]:
            nested[i] = nested[p] = True
    return nested


def _level(style: Style, q: Quotation, nested: bool, spoken: bool) -> int:
    """In a nest the depth decides; words spoken, standing alone in a named house style,
    take the outer marks; elsewhere a house mark keeps its level (where the style lets a
    quotation of its own use it) and another mark takes the house level of the same
    weight."""
    if nested:
        return q.depth % 2
    if spoken:
        return OUTER
    house = style.level_of(q.open_mark)
    level = house if house is not None else style.weighted(q.open_mark)
    return level if level in style.standalone else OUTER


def spoken(text: str, an: Analysis, q: Quotation) -> bool:
    """Words someone said: a closed quotation outside a heading (where single marks are
    the custom) that is a sentence, or the start of one, of ``SPOKEN_WORDS`` words or
    more: a capital first, sentence punctuation or a comma last, inside the marks or
    right after them as French and Russian copy puts it (``‘We will not go on like
    this.’``, ``‘It is over,’ she said``, ``«It is over», she said``). Not a term (``a
    ‘gift’``), a phrase (``the ‘river of golden sand’``) or a title (``‘A Question of
    Sport.’``)."""
    if not q.closed or q.depth:
        return False
    content = text[q.content_start:q.content_end].strip()
    if not content[:1].isupper() or (content[-1:] not in _ENDS and text[q.end:q.end + 1] not in _ENDS):
        return False
    words = _WORD.findall(content)
    long_words = [w for w in words if len(w) > 3]
    if len(words) < SPOKEN_WORDS or sum(w[0].isupper() for w in long_words) * 2 > len(long_words):
        return False  # short, or in title case
    paragraph = an.sentences.paragraph_at(q.start)
    return paragraph is None or paragraph.kind != "heading"


def _prime(text: str, offset: int, char: str) -> bool:
    """A straight mark after a digit that closes nothing: feet and inches (5' 10")."""
    return char in "\"'" and offset > 0 and text[offset - 1].isdigit()


_Span = tuple[int, int, bool]


def _by_paragraph(sentences: Sentences, spans: Iterable[_Span]) -> dict[int, set[_Span]]:
    out: dict[int, set[_Span]] = {}
    for span in spans:
        paragraph = sentences.paragraph_at(span[0])
        out.setdefault(paragraph.start if paragraph else -1, set()).add(span)
    return out


def unstable_paragraphs(doc: Document, an: Analysis, lay: Layout) -> frozenset[int]:
    """Paragraphs whose quotations would change if every mark became its house mark.

    A fix must not change what the rest of a paragraph counts as quoted (a
    straight mark the finder read one way can be read another way once
    curled), or a later pass would find new things to fix. Marks are one
    character each way, so the offsets stay put.
    """
    changes = [(mark.offset, wanted) for mark in lay.marks  # in text order
               if not mark.doubled and (wanted := lay.expected(mark)) != mark.char and len(wanted) == 1]
    if not changes:
        return frozenset()
    changed_spans = quotation_spans(doc.text, doc.blocks, an.quotations.marks.offsets, changes)
    spans = [(q.start, q.end, q.closed) for q in an.quotations.quotations]
    if changed_spans == spans:  # the usual case: every quotation reads the same
        return frozenset()
    before = _by_paragraph(an.sentences, spans)
    after = _by_paragraph(an.sentences, changed_spans)
    return frozenset(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def layout(text: str, an: Analysis, style: Style, said: Callable[[int], bool] | None = None) -> Layout:
    quotations = an.quotations.quotations
    parents = tuple(None if p < 0 else p for p in an.quotations.parents)
    doubled = _doubled(quotations, parents)
    nested = _nested(quotations, parents, doubled)
    said = said or speech_of(text, an)
    levels = [_level(style, q, n, style.house and not n and said(i))
              for i, (q, n) in enumerate(zip(quotations, nested, strict=True))]
    slips = frozenset(i for i, (q, n) in enumerate(zip(quotations, nested, strict=True))
                      if not n and style.level_of(q.open_mark) == 1 and said(i)
                      ) if not style.house and style.speech else frozenset()
    opens = {q.start: i for i, q in enumerate(quotations)}
    closes = {q.end - 1: i for i, q in enumerate(quotations) if q.closed}
    placed = []
    for m in an.quotations.marks:
        index = opens.get(m.offset) if m.role == "open" else closes.get(m.offset)
        if index is not None:
            placed.append(Placed(m.offset, m.char, m.role, index, levels[index], nested[index],
                                 doubled[index]))
        elif m.role == "close" and not _prime(text, m.offset, m.char):
            level = style.level_of(m.char)
            placed.append(Placed(m.offset, m.char, m.role, None,
                                 style.weighted(m.char) if level is None else level, False))
    return Layout(quotations, parents, tuple(placed), style, text, slips=slips)


def house_layout(doc: Document, an: Analysis, style: Style,
                 said: Callable[[int], bool] | None = None) -> Layout:
    """The marks as the house style sees them (shared by the quotes checks of a document);
    ``said``: :func:`speech_of` the document, when the caller has it."""
    lay = layout(doc.text, an, style, said)
    return lay._replace(unstable=unstable_paragraphs(doc, an, lay))

