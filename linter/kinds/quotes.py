"""``quotes``: the house's quotation marks, read from :mod:`linter.analysis.regions`.

A rule picks one ``check`` and names the house ``style`` (project config
``quote-style: <name>`` overrides it for every quotes rule):

=============  ===================  ===================
style          outer quotation      quotation inside it
=============  ===================  ===================
``curly``      “double” (default)   ‘single’
``straight``   "double"             'single'
``british``    ‘single’             “double”
``german``     „double“             ‚single‘
``guillemets`` «guillemets»         “double” (French and Russian wire copy)
=============  ===================  ===================

Checks:

``marks``
    A quotation mark outside the house set, or an opening form used to close
    (``”`` opening a curly quotation, ``“`` closing one).
``mixed``
    Quotations in more than one family of marks (straight, curly, guillemets,
    low-9): one finding per minority family, on its first quotation.
``unbalanced``
    An opening mark never closed (a paragraph left open for a quotation that
    goes on in the next is not one) and a closing mark with nothing to close.
``mismatched``
    A quotation closed with another family's mark (``“text»``).
``nesting``
    House marks at the wrong level where quotations nest: the outer one of a
    nest in the inner marks, or an inner one in the outer marks (also when it
    repeats the marks around it).

Every suggestion is the house mark for that place, worked out once per
mark, so findings of different checks never pull one mark two ways, and each
check's fixes leave whole quotations in house style (``mixed`` suggests
nothing: one mark does not settle a mixture; ``unbalanced`` suggests nothing:
only the writer knows where a quotation ends). A
quotation standing alone may use either house level (single marks for a
term or a headline are common); levels are judged only in nests.
Apostrophes are never quotation marks here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from linter.analysis.regions import Quotation, Regions, quotation_spans
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError
from linter.model.document import Document
from linter.model.rule import Hit, Rule

OUTER = 0  # levels: 0 outer, 1 inner
_SINGLE_WEIGHT = frozenset("'‘’‹›‚")
# Which families a mark can belong to; a quotation whose two marks share none is mismatched.
_FAMILIES: dict[str, frozenset[str]] = {
    **dict.fromkeys("\"'", frozenset({"straight"})),
    **dict.fromkeys("“‘", frozenset({"curly", "low-9"})),
    **dict.fromkeys("”’", frozenset({"curly"})),
    **dict.fromkeys("«»‹›", frozenset({"guillemets"})),
    **dict.fromkeys("„‚", frozenset({"low-9"})),
}
_FAMILY_NAMES = {
    "straight": "straight quotes", "curly": "curly quotes",
    "guillemets": "guillemets", "low-9": "low-9 quotes („ “)",
}
# Marks that look alike to a reader, for "the same marks as the quotation around it".
_LOOK = {**dict.fromkeys("\"“”„", "double"), **dict.fromkeys("'‘’‚", "single"),
         **dict.fromkeys("«»", "guillemet"), **dict.fromkeys("‹›", "single guillemet")}
_CLOSER_OF = {'"': '"', "'": "'", "“": "”", "‘": "’", "”": "”", "’": "’", "«": "»", "‹": "›",
              "„": "“", "‚": "‘", "»": "«", "›": "‹"}
_OPENER_OF = {'"': '"', "'": "'", "”": "“", "’": "‘", "»": "«", "›": "‹", "“": "„", "‘": "‚"}
CHECKS = ("marks", "mixed", "unbalanced", "mismatched", "nesting")


@dataclass(frozen=True)
class Style:
    """A house style: (open, close) for the outer and the inner level."""

    name: str
    family: str
    levels: tuple[tuple[str, str], tuple[str, str]]

    def level_of(self, char: str) -> int | None:
        """The level at which the house uses ``char``, or None when it does not."""
        return next((lv for lv, pair in enumerate(self.levels) if char in pair), None)

    def mark(self, level: int, role: str) -> str:
        return self.levels[level][0 if role == "open" else 1]

    def weighted(self, char: str) -> int:
        """The level whose marks are as heavy as ``char`` (single or double); outer on a tie."""
        single = char in _SINGLE_WEIGHT
        levels = [lv for lv, (o, _) in enumerate(self.levels) if (o in _SINGLE_WEIGHT) == single]
        return levels[0] if len(levels) == 1 else OUTER

    @cached_property
    def described(self) -> str:
        """How messages name the style: ``curly, “outer” and ‘inner’``."""
        (o1, c1), (o2, c2) = self.levels
        return f"{self.name}, {o1}outer{c1} and {o2}inner{c2}"


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


@dataclass(frozen=True)
class Options:
    check: str
    style: Style


def _style(key: str, name: str) -> Style:
    if name not in STYLES:
        raise OptionError(key, f"{key}: unknown quote style {name!r} (known: {', '.join(STYLES)})")
    return STYLES[name]


def build(keys: Mapping[str, Any]) -> Options:
    return Options(keys["check"], _style("style", keys["style"]))


def configure(options: Options, settings: Mapping[str, Any]) -> Options:
    name = settings.get("quote-style")
    return options if name is None else replace(options, style=_style("quote-style", name))


# ---------------------------------------------------------------------------
# The house mark for every quotation mark, shared by all checks


@dataclass(frozen=True)
class Placed:
    """A quotation mark in its place: the quotation it opens or closes (None for
    a stray closer), the level the house wants there, and whether it is in a nest."""

    offset: int
    char: str
    role: str
    quotation: int | None
    level: int
    nested: bool
    doubled: int = 0  # 1: outer, 2: inner of two single marks standing in for a double


@dataclass(frozen=True)
class Layout:
    quotations: tuple[Quotation, ...]
    parents: tuple[int | None, ...]
    marks: tuple[Placed, ...]
    style: Style
    text: str = ""
    # Paragraphs (by start offset) where the house marks would be read as
    # different quotations than the marks there now: no fix is offered there.
    unstable: frozenset[int] = frozenset()
    regions: Regions | None = None

    def expected(self, mark: Placed) -> str:
        return self.style.mark(mark.level, mark.role)

    def suggest(self, mark: Placed) -> tuple[str, ...]:
        """The house mark, unless the mark is glued between two letters or digits
        (``accep"t``): there its role is a guess, and changing the mark could
        change what the rest of the paragraph counts as quoted."""
        wanted = self.expected(mark)
        if wanted == mark.char or self._glued(mark.offset) or self._moves_quotations(mark.offset):
            return ()
        return (wanted,)

    def _moves_quotations(self, offset: int) -> bool:
        if not self.unstable or self.regions is None:
            return False
        paragraph = self.regions.paragraph_at(offset)
        return paragraph is not None and paragraph.start in self.unstable

    def _glued(self, offset: int) -> bool:
        before = self.text[offset - 1:offset]
        after = self.text[offset + 1:offset + 2]
        return before.isalnum() and after.isalnum()

    def hit(self, mark: Placed, args: tuple[str, ...], message: str | None = None) -> Hit:
        return Hit(mark.offset, mark.offset + 1, args, self.suggest(mark), message=message)


def _parents(quotations: tuple[Quotation, ...]) -> tuple[int | None, ...]:
    """Index of each quotation's enclosing quotation (quotations are sorted outer first)."""
    parents: list[int | None] = []
    open_at: dict[int, int] = {}
    for i, q in enumerate(quotations):
        parents.append(open_at.get(q.depth - 1) if q.depth else None)
        open_at[q.depth] = i
    return tuple(parents)


def _doubled(quotations: tuple[Quotation, ...], parents: tuple[int | None, ...]) -> list[int]:
    """1 for the outer and 2 for the inner of ``''text''``: typewriter double marks."""
    doubled = [0] * len(quotations)
    for i, p in enumerate(parents):
        q = quotations[i]
        if p is not None and q.closed and q.open_mark in _SINGLE_WEIGHT:
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


def _level(style: Style, q: Quotation, nested: bool) -> int:
    """In a nest the depth decides; elsewhere a house mark keeps its level and
    another mark takes the house level of the same weight."""
    if nested:
        return q.depth % 2
    house = style.level_of(q.open_mark)
    return house if house is not None else style.weighted(q.open_mark)


def _prime(text: str, offset: int, char: str) -> bool:
    """A straight mark after a digit that closes nothing: feet and inches (5' 10")."""
    return char in "\"'" and offset > 0 and text[offset - 1].isdigit()


_Span = tuple[int, int, bool]


def _by_paragraph(regions: Regions, spans: Iterable[_Span]) -> dict[int, set[_Span]]:
    out: dict[int, set[_Span]] = {}
    for span in spans:
        paragraph = regions.paragraph_at(span[0])
        out.setdefault(paragraph.start if paragraph else -1, set()).add(span)
    return out


def unstable_paragraphs(doc: Document, lay: Layout) -> frozenset[int]:
    """Paragraphs whose quotations would change if every mark became its house mark.

    A fix must not change what the rest of a paragraph counts as quoted (a
    straight mark the finder read one way can be read another way once
    curled), or a later pass would find new things to fix. Marks are one
    character each way, so the offsets stay put.
    """
    text = doc.text
    pieces: list[str] = []
    done = 0
    for mark in lay.marks:  # in text order
        wanted = lay.expected(mark)
        if not mark.doubled and wanted != mark.char and len(wanted) == 1:
            pieces += (text[done:mark.offset], wanted)
            done = mark.offset + 1
    if not pieces:
        return frozenset()
    pieces.append(text[done:])
    regions = doc.regions
    spans = [(q.start, q.end, q.closed) for q in regions.quotations]
    changed_spans = quotation_spans("".join(pieces), doc.blocks)
    if changed_spans == spans:  # the usual case: every quotation reads the same
        return frozenset()
    before = _by_paragraph(regions, spans)
    after = _by_paragraph(regions, changed_spans)
    return frozenset(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def layout(text: str, regions: Regions, style: Style) -> Layout:
    quotations = regions.quotations
    parents = _parents(quotations)
    doubled = _doubled(quotations, parents)
    nested = _nested(quotations, parents, doubled)
    levels = [_level(style, q, n) for q, n in zip(quotations, nested, strict=True)]
    opens = {q.start: i for i, q in enumerate(quotations)}
    closes = {q.end - 1: i for i, q in enumerate(quotations) if q.closed}
    placed = []
    for m in regions.marks:
        index = opens.get(m.offset) if m.role == "open" else closes.get(m.offset)
        if index is not None:
            placed.append(Placed(m.offset, m.char, m.role, index, levels[index], nested[index],
                                 doubled[index]))
        elif m.role == "close" and not _prime(text, m.offset, m.char):
            level = style.level_of(m.char)
            placed.append(Placed(m.offset, m.char, m.role, None,
                                 style.weighted(m.char) if level is None else level, False))
    return Layout(quotations, parents, tuple(placed), style, text, regions=regions)


def _level_slip(lay: Layout, mark: Placed) -> bool:
    """A house mark at the wrong level of a nest: the nesting check's business."""
    return mark.nested and lay.style.level_of(mark.char) not in (None, mark.level)


# ---------------------------------------------------------------------------
# Checks


_DOUBLED = "Two single marks ('%s%s') stand in for one double mark here; prefer '%s' alone."


def check_marks(lay: Layout, regions: Regions) -> Iterator[Hit]:
    for mark in lay.marks:
        if mark.doubled:
            if mark.doubled == 1:
                wanted = lay.style.mark(OUTER, mark.role)
                yield Hit(mark.offset, mark.offset + 1, (mark.char, mark.char, wanted),
                          message=_DOUBLED)
            continue
        wanted = lay.expected(mark)
        if wanted != mark.char and not _level_slip(lay, mark):
            role = "an opening" if mark.role == "open" else "a closing"
            place = f"{role} mark" if mark.level == OUTER else f"{role} mark inside a quotation"
            yield lay.hit(mark, (wanted, mark.char, place, lay.style.described))


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def check_mixed(lay: Layout, regions: Regions) -> Iterator[Hit]:
    firsts: dict[str, Placed] = {}
    counts: Counter[str] = Counter()
    for mark in lay.marks:
        q = lay.quotations[mark.quotation] if mark.quotation is not None else None
        if q is None or mark.role != "open" or q.depth or q.continued:
            continue
        family = min(_FAMILIES[q.open_mark])  # curly for “ and ‘, which low-9 also uses
        counts[family] += 1
        firsts.setdefault(family, mark)
    if len(counts) < 2:
        return
    house = lay.style.family
    major = max(counts, key=lambda f: (counts[f], f == house, -firsts[f].offset))
    anchor = firsts[major]
    for family in sorted(counts, key=lambda f: firsts[f].offset):
        if family != major:
            mark = firsts[family]
            args = (_FAMILY_NAMES[major], _times(counts[major]), _FAMILY_NAMES[family],
                    _times(counts[family]), mark.char, lay.style.described)
            # No suggestion: one mark does not settle a mixture (HouseMarks fixes each).
            yield Hit(mark.offset, mark.offset + 1, args, related=(anchor.offset, anchor.offset + 1))


_STRAY = "'%s' closes a quotation that was never opened; add '%s' where the quoted words begin, or delete it."


def _loose_before(regions: Regions, loose: dict[bool, list[int]], mark: Placed) -> bool:
    """True when a mark of the same weight that neither opens nor closes comes
    earlier in the paragraph (``as " a worrying issue"``): the pair is there,
    only spaced oddly, so the closer is not reported as stray."""
    paragraph = regions.paragraph_at(mark.offset)
    offsets = loose[mark.char in _SINGLE_WEIGHT]
    i = bisect_left(offsets, mark.offset) - 1
    return i >= 0 and offsets[i] >= (paragraph.start if paragraph else 0)


def check_unbalanced(lay: Layout, regions: Regions) -> Iterator[Hit]:
    by_offset = {m.offset: m for m in lay.marks}
    loose: dict[bool, list[int]] = {True: [], False: []}
    for m in regions.marks:
        if m.role == "ambiguous":
            loose[m.char in _SINGLE_WEIGHT].append(m.offset)
    stray = (m for m in lay.marks if m.quotation is None and not _loose_before(regions, loose, m))
    unclosed = (by_offset[q.start] for q in regions.unclosed if q.start in by_offset)
    for mark in sorted((*stray, *unclosed), key=lambda m: m.offset):
        if mark.role == "open":
            yield Hit(mark.offset, mark.offset + 1, (mark.char, _CLOSER_OF.get(mark.char, mark.char)))
        else:
            yield Hit(mark.offset, mark.offset + 1, (mark.char, _OPENER_OF.get(mark.char, mark.char)),
                      message=_STRAY)


_FIX_OPENER = "This quotation opens with '%s' but closes with '%s'; open it with '%s' instead."


def check_mismatched(lay: Layout, regions: Regions) -> Iterator[Hit]:
    ends: dict[int, list[Placed]] = {}
    for mark in lay.marks:
        if mark.quotation is not None:
            ends.setdefault(mark.quotation, []).append(mark)
    for pair in ends.values():
        if len(pair) != 2:
            continue
        opener, closer = pair
        if _FAMILIES[opener.char] & _FAMILIES[closer.char]:
            continue
        wanted_close = lay.expected(closer)
        if wanted_close != closer.char or lay.expected(opener) == opener.char:
            yield lay.hit(closer, (opener.char, closer.char, wanted_close))
        else:
            yield lay.hit(opener, (opener.char, closer.char, lay.expected(opener)), _FIX_OPENER)


_OUTER_SLIP = ("'%s' marks a quotation that holds another; prefer '%s' for the outer one "
               "(house style: %s).")
_SAME_MARKS = ("'%s' marks a quotation inside one with the same marks; prefer '%s' for the "
               "inner one (house style: %s).")


def check_nesting(lay: Layout, regions: Regions) -> Iterator[Hit]:
    for mark in lay.marks:
        if not _level_slip(lay, mark):
            continue
        args = (mark.char, lay.expected(mark), lay.style.described)
        if mark.level == OUTER:
            yield lay.hit(mark, args, _OUTER_SLIP)
        else:
            yield lay.hit(mark, args, _SAME_MARKS if _same_as_parent(lay, mark) else None)


def _same_as_parent(lay: Layout, mark: Placed) -> bool:
    assert mark.quotation is not None  # nested marks belong to a quotation
    parent = lay.parents[mark.quotation]
    own = lay.quotations[mark.quotation].open_mark
    return parent is not None and _LOOK[lay.quotations[parent].open_mark] == _LOOK[own]


_CHECKS = {
    "marks": check_marks,
    "mixed": check_mixed,
    "unbalanced": check_unbalanced,
    "mismatched": check_mismatched,
    "nesting": check_nesting,
}


def find(doc: Document, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    regions = doc.regions
    return _CHECKS[opts.check](doc.analysis(("quotes.layout", opts.style), lambda: _layout(doc, opts)),
                               regions)


def _layout(doc: Document, opts: Options) -> Layout:
    """The marks as the house style sees them, shared by the five Quotes checks."""
    lay = layout(doc.text, doc.regions, opts.style)
    return replace(lay, unstable=unstable_paragraphs(doc, lay))


KIND = Kind(
    name="quotes",
    keys={"check": specs.one_of(*CHECKS), "style": specs.string},
    defaults={"style": "curly"},
    required=("check",),
    build=build,
    find=find,
    configure=configure,
)
