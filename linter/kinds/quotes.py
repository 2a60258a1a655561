"""``quotes``: the house's quotation marks, read from :mod:`linter.analysis.quotations`.

A rule picks one ``check`` and may name the house ``style`` (project config
``quote-style: <name>``, in any case, overrides it for every quotes rule):

=============  ===================  ===================
style          outer quotation      quotation inside it
=============  ===================  ===================
``curly``      “double”             ‘single’
``straight``   "double"             'single'
``british``    ‘single’             “double”
``german``     „double“             ‚single‘
``guillemets`` «guillemets»         “double” (French and Russian wire copy)
=============  ===================  ===================

With no style named (the default) there is no house preference: each story
is held to the style it mostly uses (:func:`~linter.kinds.quote_layout.story_style`:
the family of most of its outermost quotations, and the levels most of its
nests use). Then ``marks`` reports only marks of that family in the wrong
form or place, and the other checks judge against that style.

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
term, a title or a headline are common) where both levels are of one family
(not in ``guillemets``, whose inner marks are curly, nor in ``british``, whose
single marks are the outer ones: a “term” there takes them too); levels are judged in
nests, and in a sentence quoted on its own in body copy (``‘We cannot go on like
this.’``: speech takes the outer marks; :func:`~linter.kinds.quote_layout.layout`)
once ``quote-style`` names a house style, or, with none, when most of the story's
speech (two sentences or more) already uses one level (then reported without a
suggestion: a fix would change the counts that made the norm).
When the house marks would change what any paragraph of the story reads as
quoted, no mark of the story gets a suggestion, so that ``fix`` never leaves
a story half in one style and half in another. Apostrophes are never
quotation marks here.
"""

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError
from linter.kinds.quote_layout import (
    FAMILIES,
    LOOK,
    OUTER,
    SINGLE_WEIGHT,
    STYLES,
    Layout,
    Placed,
    Style,
    family_of,
    house_layout,
    speech_of,
    story_style,
)
from linter.lib.shown import brief
from linter.model.document import Document
from linter.model.rule import Hit, Rule

_FAMILY_NAMES = {
    "straight": "straight quotes", "curly": "curly quotes",
    "guillemets": "guillemets", "low-9": "low-9 quotes („ “)",
}
_CLOSER_OF = {'"': '"', "'": "'", "“": "”", "‘": "’", "”": "”", "’": "’", "«": "»", "‹": "›",
              "„": "“", "‚": "‘", "»": "«", "›": "‹"}
_OPENER_OF = {'"': '"', "'": "'", "”": "“", "’": "‘", "»": "«", "›": "‹", "“": "„", "‘": "‚"}
CHECKS = ("marks", "mixed", "unbalanced", "mismatched", "nesting")


class Options(NamedTuple):
    check: str
    style: Style | None  # None: no house style, each story is held to its own majority


def style_name(value: Any) -> str:
    """A quote style's name, in any case (``quote-style: Curly``)."""
    name = specs.string(value).strip().lower()
    if name not in STYLES:
        raise ValueError(f"unknown quote style {brief(value)} (known: {', '.join(STYLES)})")
    return name


def _style(key: str, value: Any) -> Style:
    try:
        return STYLES[style_name(value)]
    except ValueError as exc:
        raise OptionError(key, f"{key}: {exc}") from None


def build(keys: Mapping[str, Any]) -> Options:
    style = keys.get("style")
    return Options(keys["check"], None if style is None else _style("style", style))


def configure(options: Options, settings: Mapping[str, Any]) -> Options:
    name = settings.get("quote-style")
    return options if name is None else options._replace(style=_style("quote-style", name))


def _level_slip(lay: Layout, mark: Placed) -> bool:
    """A house mark at the wrong level of a nest: the nesting check's business."""
    return mark.nested and lay.style.level_of(mark.char) not in (None, mark.level)


# ---------------------------------------------------------------------------
# Checks


_DOUBLED = "Two single marks ('%s%s') stand in for one double mark here; prefer '%s' alone."


def check_marks(lay: Layout, an: Analysis) -> Iterator[Hit]:
    partners = _partners(lay)
    for mark in lay.marks:
        partner = partners.get(mark.offset)
        if not _checked(lay, mark) and not (partner is not None and _after_fix(lay, partner) != partner.char):
            # No house style: another family is Quotes.Mixed's business, not a mark's; but
            # when the other end of its pair is changed, this end changes with it, in the same
            # report, so that no later fix pass touches a mark the report did not name.
            continue
        if mark.doubled:
            if mark.doubled == 1:
                wanted = lay.style.mark(OUTER, mark.role)
                yield Hit(mark.offset, mark.offset + 1, (mark.char, mark.char, wanted),
                          message=_DOUBLED)
            continue
        role = "an opening" if mark.role == "open" else "a closing"
        if mark.quotation in lay.slips:  # no house style: reported against the story's own speech
            outer = lay.style.mark(OUTER, mark.role)
            yield Hit(mark.offset, mark.offset + 1,
                      (outer, mark.char, f"{role} mark of words quoted on their own", lay.style.described))
            continue
        wanted = lay.expected(mark)
        if wanted != mark.char and not _level_slip(lay, mark):
            # (a term in single marks standing alone keeps them, but is inside nothing)
            inside = mark.level != OUTER and mark.nested
            alone = not mark.nested and lay.style.level_of(mark.char) not in (None, OUTER)
            place = (f"{role} mark inside a quotation" if inside
                     else f"{role} mark of words quoted on their own" if alone else f"{role} mark")
            yield lay.hit(mark, (wanted, mark.char, place, lay.style.described))


def _checked(lay: Layout, mark: Placed) -> bool:
    return lay.style.house or lay.style.family in FAMILIES[mark.char]


def _after_fix(lay: Layout, mark: Placed) -> str:
    """The mark ``check_marks`` leaves at ``mark``'s place."""
    if not _checked(lay, mark) or mark.doubled or _level_slip(lay, mark):
        return mark.char
    return lay.expected(mark)


def _pairs(lay: Layout) -> list[tuple[Placed, Placed]]:
    """The opening and the closing mark of each quotation that has both."""
    ends: dict[int, list[Placed]] = {}
    for mark in lay.marks:
        if mark.quotation is not None:
            ends.setdefault(mark.quotation, []).append(mark)
    return [(pair[0], pair[1]) for pair in ends.values() if len(pair) == 2]


def _partners(lay: Layout) -> dict[int, Placed]:
    """Each end of a quotation with both ends, by offset: the other end."""
    pairs = _pairs(lay)
    return {a.offset: b for a, b in pairs} | {b.offset: a for a, b in pairs}


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def check_mixed(lay: Layout, an: Analysis) -> Iterator[Hit]:
    firsts: dict[str, Placed] = {}
    counts: Counter[str] = Counter()
    for mark in lay.marks:
        q = lay.quotations[mark.quotation] if mark.quotation is not None else None
        if q is None or mark.role != "open" or q.depth:
            continue
        family = family_of(q.open_mark)  # curly for “ and ‘, which low-9 also uses
        if q.continued and mark.quotation is not None and family == family_of(
                lay.quotations[an.quotations.chain_heads[mark.quotation]].open_mark):
            continue  # the same quotation going on in a new paragraph, in the same marks
        counts[family] += 1
        firsts.setdefault(family, mark)
    if len(counts) < 2:
        return
    # A named house style is never the odd one out; else the story's majority is the norm.
    house = lay.style.family
    if not lay.style.house or house not in counts:
        house = max(counts, key=lambda f: (counts[f], -firsts[f].offset))
    major = house
    anchor = firsts[major]
    for family in sorted(counts, key=lambda f: firsts[f].offset):
        if family != major:
            mark = firsts[family]
            args = (_FAMILY_NAMES[major], _times(counts[major]), _FAMILY_NAMES[family],
                    _times(counts[family]), mark.char, lay.style.described)
            # No suggestion: one mark does not settle a mixture (HouseMarks fixes each).
            yield Hit(mark.offset, mark.offset + 1, args, related=(anchor.offset, anchor.offset + 1))


_STRAY = "'%s' closes a quotation that was never opened; add '%s' where the quoted words begin, or delete it."


def _loose_before(an: Analysis, loose: dict[bool, list[int]], mark: Placed) -> bool:
    """True when a mark of the same weight that neither opens nor closes comes
    earlier in the paragraph (``as " a worrying issue"``): the pair is there,
    only spaced oddly, so the closer is not reported as stray."""
    paragraph = an.sentences.paragraph_at(mark.offset)
    offsets = loose[mark.char in SINGLE_WEIGHT]
    i = bisect_left(offsets, mark.offset) - 1
    return i >= 0 and offsets[i] >= (paragraph.start if paragraph else 0)


def check_unbalanced(lay: Layout, an: Analysis) -> Iterator[Hit]:
    by_offset = {m.offset: m for m in lay.marks}
    loose: dict[bool, list[int]] = {True: [], False: []}
    for m in an.quotations.marks:
        if m.role == "ambiguous":
            loose[m.char in SINGLE_WEIGHT].append(m.offset)
    stray = (m for m in lay.marks if m.quotation is None and not _loose_before(an, loose, m))
    unclosed = (by_offset[q.start] for q in an.quotations.unclosed if q.start in by_offset)
    for mark in sorted((*stray, *unclosed), key=lambda m: m.offset):
        if mark.role == "open":
            yield Hit(mark.offset, mark.offset + 1, (mark.char, _CLOSER_OF.get(mark.char, mark.char)))
        else:
            yield Hit(mark.offset, mark.offset + 1, (mark.char, _OPENER_OF.get(mark.char, mark.char)),
                      message=_STRAY)


_FIX_OPENER = "This quotation opens with '%s' but closes with '%s'; open it with '%s' instead."


def check_mismatched(lay: Layout, an: Analysis) -> Iterator[Hit]:
    for opener, closer in _pairs(lay):
        if FAMILIES[opener.char] & FAMILIES[closer.char]:
            continue
        # A fix must leave a matched pair: a closer in the opener's family, or an opener in
        # the closer's. Failing both (the marks the story expects belong to neither end),
        # the closer that goes with the opener is suggested but not applied: changing one
        # end would leave the pair mismatched, and changing marks the report did not name
        # (the other end, in a later pass) is not a fix's to do.
        wanted_close, wanted_open = lay.expected(closer), lay.expected(opener)
        if FAMILIES[opener.char] & FAMILIES[wanted_close]:
            yield lay.hit(closer, (opener.char, closer.char, wanted_close))
        elif FAMILIES[wanted_open] & FAMILIES[closer.char]:
            yield lay.hit(opener, (opener.char, closer.char, wanted_open), _FIX_OPENER)
        else:
            wanted_close = _CLOSER_OF.get(opener.char, wanted_close)
            hit = lay.hit(closer, (opener.char, closer.char, wanted_close), wanted=wanted_close)
            yield hit._replace(fixable=False)


_OUTER_SLIP = ("'%s' marks a quotation that holds another; prefer '%s' for the outer one "
               "(house style: %s).")
_SAME_MARKS = ("'%s' marks a quotation inside one with the same marks; prefer '%s' for the "
               "inner one (house style: %s).")


def check_nesting(lay: Layout, an: Analysis) -> Iterator[Hit]:
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
    return parent is not None and LOOK[lay.quotations[parent].open_mark] == LOOK[own]


_CHECKS = {
    "marks": check_marks,
    "mixed": check_mixed,
    "unbalanced": check_unbalanced,
    "mismatched": check_mismatched,
    "nesting": check_nesting,
}


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    said = speech_of(doc.text, an)
    style = opts.style or an.shared("quotes.story-style", lambda: story_style(
        an.quotations.quotations, an.quotations.parents, an.quotations.marks, said))
    if style is None:  # no house style, and the story quotes nothing
        return iter(())
    lay = an.shared(("quotes.layout", style), lambda: house_layout(doc, an, style, said))
    return _CHECKS[opts.check](lay, an)


KIND = Kind(
    name="quotes",
    keys={"check": specs.one_of(*CHECKS), "style": style_name},
    required=("check",),
    build=build,
    find=find,
    configure=configure,
    settings={"quote-style": style_name},
)
