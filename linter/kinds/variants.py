"""``variants``: two spellings of what looks like one proper noun in one story.

Beyond any list of names, a story that writes ``Lukashenko`` and later
``Lukashenka``, or ``Schwarzenegger`` and ``Schwarzeneger``, has probably
spelled one name two ways. Candidates are capitalised words of at least
``minlength`` letters that never appear in lower case in the story and are
not in ``common`` (words capitalised only because they start a sentence).
Two candidates are variants when they look alike (:mod:`linter.kinds.spellings`):
the same transliteration skeleton (-enko/-enka, -ayev/-aev, -iy/-yy/-y, an
initial Q/G/K/Kh, dh/d, kh/h, ou/u, doubled letters, diacritics) or, for long
words with the same first letter, one edit apart (two from ten letters).

Precision comes first, so a pair is left alone when: one word is the other
plus an ending (Smith/Smiths, Russia/Russian, Kazakh/Kazakhstan,
Petrov/Petrova: checked for pairs found by edit distance), both are listed in
``known`` (distinct names that look alike: Austria/Australia), one glosses
the other in brackets (a translation), or both stand next to other
capitalised names and never the same one, nor two spellings of one (Anna Petrova and
Ivan Petrov are relatives, not a misspelling, while Sviatlana Karpouskaya and Svetlana
Karpovskaya are one woman; ``titles`` such as Mr do not count there), or an
apposition beside their uses gives them different roles (Mr Hamid, the mayor;
Mr Hamed, the governor). Only uses the rule can see count (not quotations, by
default), and not a form the story gives as another form of the name ("Svetlana
Tikhanovskaya, as she is known in Russian", "Lukashenka (also spelt Lukashenko)":
:mod:`linter.kinds.name_glosses`); a later use of that form outside such a gloss is.

Two words further apart, but with the same consonants, the same last letter and
at most two vowels apart (Mohammed/Muhammad, Aleksandr/Alexander), are variants
only when a neighbour ties them to one person (the same surname, two spellings of
one, or both after Mr) and no word for relatives stands in their sentences ("his
brother Jamil"); so are names of five or six letters one edit apart (Ivo Brandt, Ivo Brant).
A name of five or six letters one inner vowel from another (Kellan/Kellen) needs
no tie: only no word for relatives beside the rarer form ("her sister Dolia"), and not
both forms in lists of names joined by commas ("Corran, Hallam, Fenn"; "Hallum, Pryce,
Tovey": a squad list names each player once).

Each use of the rarer form (on a tie, the later one) is reported, naming the
other form and pointing at its first use; but a house spelling of a rule this one
``defers`` to (Khodorkovsky in Names.People) is never the form reported when the
other is not one. Message arguments: the form reported, then the other.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError
from linter.kinds.name_glosses import declared, translated
from linter.kinds.spellings import alike_pairs, tie_pairs, vowel_slip
from linter.kinds.visibility import visible
from linter.lib.cache import compile_pattern
from linter.model.document import Document
from linter.model.rule import Hit, Rule

_WORD = compile_pattern(r"([^\W\d_]+)(?:['’][^\W\d_]+)*")
_LETTER = compile_pattern(r"[^\W\d_]")
# The first groups of _WORD that do not start with a lower-case ASCII letter; a search
# can skip to such a letter before looking behind it. The letter is A-Z or a letter
# beyond ASCII (the look-behind right after it): the same set as [^\W\d_a-z], but a
# range of code points is a test the search makes at each character far faster than a
# Unicode category (59 ms instead of 104 over the BBC corpus).
_CAPITALISED = compile_pattern(
    r"[A-Z\x80-\U0010ffff](?<=[^\W\d_])(?<![^\W\d_].)(?<![^\W\d_]['’].)[^\W\d_]*")
_BEFORE = compile_pattern(r"([^\W\d_]+)[ \t]+\Z")
_AFTER = compile_pattern(r"[ \t]+([^\W\d_]+)")
# Words for relatives, near a use of a first name: two close spellings of one family's
# first names ("Jamal Orsk and his brother Jamil") are two people.
_KIN = compile_pattern(r"(?i)\b(?:brothers?|sisters?|sons?|daughters?|father|mother|wife|husband"
                       r"|cousins?|uncle|aunt|nephew|niece|twins?|siblings?|relatives?|parents?"
                       r"|children|family)\b")
_KIN_REACH = 60
# An apposition that says what someone is: "Mr Hamid, the mayor, said", "the governor, Mr
# Hamed, said" (its last word before the comma or stop is the head noun).
_ROLE_AFTER = compile_pattern(r",[ \t]+(?:the|a|an)[ \t]+(?:[a-z-]+[ \t]+){0,3}?([a-z-]+)(?=[,.;:])")
_ROLE_BEFORE = compile_pattern(
    r"\b(?:[Tt]he|[Aa]n?)[ \t]+(?:[a-z-]+[ \t]+){0,3}?([a-z-]+),[ \t]+(?:(?:Mr|Mrs|Ms|Dr|Mx)\.?[ \t]+)?\Z")
_ROLE_REACH = 60
# An item of a list of names (a squad, a cast, a slate): the capitalised names, perhaps
# with an initial ("P Sanderson"), joined by commas before or after a use.
_ITEM = r"(?:[^\W\d_a-z]\.?[ \t]+)?[^\W\d_a-z][\w'’.-]*"
_ITEM_BEFORE = compile_pattern(rf"{_ITEM},[ \t]+\Z")
_ITEMS_BEFORE = compile_pattern(rf"{_ITEM},[ \t]+{_ITEM},[ \t]+\Z")
_ITEM_AFTER = compile_pattern(rf",[ \t]+{_ITEM}")
_ITEMS_AFTER = compile_pattern(rf",[ \t]+{_ITEM},[ \t]+{_ITEM}")
_LIST_REACH = 60


class Options(NamedTuple):
    minlength: int
    common: frozenset[str]
    known: frozenset[str]
    titles: frozenset[str]
    house: frozenset[str] = frozenset()  # house spellings of the rules this one defers to


class _Use(NamedTuple):
    start: int
    end: int
    neighbours: frozenset[str]
    role: str  # the noun of an apposition beside the use ("Hamid, the mayor"), or ""


class _Word(NamedTuple):
    text: str
    uses: tuple[_Use, ...]

    @property
    def neighbours(self) -> frozenset[str]:
        return frozenset().union(*(u.neighbours for u in self.uses))

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(u.role for u in self.uses if u.role)


def build(keys: Mapping[str, Any]) -> Options:
    if keys["minlength"] < 3:
        raise OptionError("minlength", "minlength must be 3 or more")
    return Options(keys["minlength"], frozenset(w.casefold() for w in keys["common"]),
                   frozenset(keys["known"]), frozenset(keys["titles"]))


def heed(options: Options, house: frozenset[str]) -> Options:
    """Remember the house spellings of the name lists (Names.People, Names.Places)."""
    return options._replace(house=house)


def _neighbours(text: str, start: int, end: int, opts: Options) -> frozenset[str]:
    """Capitalised words right before or after a use: first names, surnames and titles."""
    found = [m.group(1) for m in (_BEFORE.search(text, max(0, start - 40), start),
                                  _AFTER.match(text, end, end + 40)) if m is not None]
    return frozenset(w for w in found if w[0].isupper() and not w.isupper()
                     and w.casefold() not in opts.common)


def _role(text: str, start: int, end: int) -> str:
    """The head noun of an apposition right after a use (``Mr Hamid, the mayor,``) or
    right before it (``the governor, Mr Hamed``): what the person is."""
    after = _ROLE_AFTER.match(text, end, end + _ROLE_REACH)
    if after is not None:
        return after.group(1)
    before = _ROLE_BEFORE.search(text, max(0, start - _ROLE_REACH), start)
    return before.group(1) if before is not None else ""


def _is_word(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a word as :data:`_WORD` reads it (its first group):
    no letter right before or after, and not the end of ``o'brien`` or ``don't``."""
    return not (_LETTER.match(text, end)
                or (start > 0 and _LETTER.match(text, start - 1))
                or (start > 1 and text[start - 1] in "'’" and _LETTER.match(text, start - 2)))


def _used_in_lower_case(word: str, text: str, words: frozenset[str] | None = None) -> bool:
    """Whether the lower-case form of ``word`` is a word of ``text``; ``words`` is the set
    of ``text``'s words (:data:`_WORD`'s first groups) when a caller asks about many."""
    lower = word.lower()
    if not lower.islower():
        return False
    if words is not None:
        return lower in words
    at = text.find(lower)
    while at >= 0:
        if _is_word(text, at, at + len(lower)):
            return True
        at = text.find(lower, at + 1)
    return False


_SEARCHES_MAX = 8
_SLICE = 1 << 16  # text listed at a time: an archive in one file has millions of words
_SPACE = compile_pattern(r"\s")


def _each_once(pattern: re.Pattern[str], text: str) -> dict[str, None]:
    """``pattern.findall(text)`` without repeats, in order of first use, a slice at a time.
    Each slice ends at white space, where no match of these patterns (letters and
    apostrophes) can start, end or go on; a look-behind still sees the text before the
    slice, so the matches are those of one pass."""
    found: dict[str, None] = {}
    lo = 0
    while lo < len(text):
        space = _SPACE.search(text, lo + _SLICE) if len(text) - lo > _SLICE else None
        hi = space.start() if space is not None else len(text)
        found.update(dict.fromkeys(pattern.findall(text, lo, hi)))
        lo = hi
    return found


# Two capitalised words side by side (overlapping: "Mr Ivo Brandt" is two such pairs).
_SIDE_BY_SIDE = compile_pattern(r"(?<![^\W\d_])([^\W\d_a-z][^\W\d_]*)(?=[ \t]+([^\W\d_a-z][^\W\d_]*))")
_NONE: frozenset[str] = frozenset()


def _ties(text: str) -> dict[str, set[str]]:
    """Each capitalised word with the capitalised words right beside it anywhere in the
    text: a superset of the neighbours :func:`_neighbours` finds for its uses."""
    ties: dict[str, set[str]] = defaultdict(set)
    for m in _SIDE_BY_SIDE.finditer(text):
        ties[m.group(1)].add(m.group(2))
        ties[m.group(2)].add(m.group(1))
    return ties


def _paired(text: str, opts: Options) -> frozenset[str]:
    """Capitalised words that look like another candidate (before visibility is checked).

    A cheap first pass over the capitalised words: most stories have no such
    pair, and then no positions, quotations or neighbours need computing.
    """
    texts = [w for w in _each_once(_CAPITALISED, text)  # in order of first use
             if w[0].isupper() and len(w) >= opts.minlength and not w.isupper()
             and w.casefold() not in opts.common]
    # Whether two words look alike does not depend on the others, so the (slower) test
    # for a lower-case use is only needed for the words of a pair.
    kept: dict[str, bool] = {}
    found: set[str] = set()
    alike = alike_pairs(texts)
    close = set(tie_pairs(texts, alike))
    if close:
        # a pair some capitalised word stands beside (a shared neighbour, or two spellings
        # of one), or a short name one inner vowel from another, which needs none
        ties = _ties(text)
        spelled = _spelled(texts, (*alike, *close))
        close = {(i, j) for i, j in close if vowel_slip(texts[i], texts[j]) or _tied(
            texts[i], ties.get(texts[i], _NONE), texts[j], ties.get(texts[j], _NONE), spelled)}
    pairs = sorted(set(alike) | close)
    # Searching the text for each word costs a pass per word: with many, read its words once.
    words = frozenset(_each_once(_WORD, text)) if len(pairs) > _SEARCHES_MAX else None
    for pair in pairs:
        a, b = (texts[k] for k in pair)
        for word in (a, b):
            if word not in kept:
                kept[word] = not _used_in_lower_case(word, text, words)
        if kept[a] and kept[b]:
            found.update((a, b))
    return frozenset(found)


def _candidates(doc: Document, an: Analysis, rule: Rule, opts: Options) -> list[_Word]:
    text = doc.text
    wanted = _paired(text, opts)
    if not wanted:
        return []
    uses: dict[str, list[_Use]] = defaultdict(list)
    for m in _WORD.finditer(text):
        word = m.group(1)
        if word not in wanted:
            continue
        start, end = m.start(), m.start() + len(word)
        if visible(doc, an, rule, start, end) and not declared(text, start, end):
            uses[word].append(_Use(start, end, _neighbours(text, start, end, opts), _role(text, start, end)))
    return [_Word(w, tuple(u)) for w, u in uses.items()]


def _kin(text: str, *words: _Word) -> bool:
    """A word for relatives near a use of one of the words, in its sentence."""
    for word in words:
        for use in word.uses:
            lo = max(0, use.start - _KIN_REACH)
            lo = max([lo] + [text.rfind(c, lo, use.start) + 1 for c in ".!?\n"])
            hi = min(len(text), use.end + _KIN_REACH)
            hi = min([at for at in (text.find(c, use.end, hi) for c in ".!?\n") if at >= 0] or [hi])
            if _KIN.search(text, lo, hi):
                return True
    return False


def _listed(text: str, word: _Word) -> bool:
    """Whether some use of ``word`` is one of three or more names joined by commas ("Cueto,
    Dawson, Ellis"): two before it, two after it, or one on each side."""
    for use in word.uses:
        lo, hi = max(0, use.start - _LIST_REACH), use.end + _LIST_REACH
        before = _ITEM_BEFORE.search(text, lo, use.start) is not None
        after = _ITEM_AFTER.match(text, use.end, hi) is not None
        if (before and after) or (before and _ITEMS_BEFORE.search(text, lo, use.start) is not None) or (
                after and _ITEMS_AFTER.match(text, use.end, hi) is not None):
            return True
    return False


# Pairs of words (as sets of two) that look like spellings of one name.
_Spelled = frozenset[frozenset[str]]
# More neighbours than this make no tie by spelling (see _tied).
_TIE_NEIGHBOURS_MAX = 4


def _spelled(texts: list[str], pairs: Iterable[tuple[int, int]]) -> _Spelled:
    """The index ``pairs`` of ``texts`` as the words they stand for."""
    return frozenset(frozenset((texts[i], texts[j])) for i, j in pairs)


def _tied(a: str, na: AbstractSet[str], b: str, nb: AbstractSet[str], spelled: _Spelled) -> bool:
    """The neighbours ``na`` of ``a`` and ``nb`` of ``b`` tie them to one person: one they
    share, or two (other than ``a`` and ``b``) that are ``spelled`` alike (Sviatlana
    Karpouskaya and Svetlana Karpovskaya are one woman; Anna Petrova and Ivan Petrov
    two people; Mesfin Misfan one man with two names)."""
    if na & nb:
        return True
    # (a name has a neighbour or two; text made of thousands of names side by side has
    # many, and looking at every pair of them for every pair of words would be quadratic)
    if not spelled or len(na) > _TIE_NEIGHBOURS_MAX or len(nb) > _TIE_NEIGHBOURS_MAX:
        return False
    return any(frozenset((x, y)) in spelled for x in na - {b} for y in nb - {a})


def _distinct(text: str, a: _Word, b: _Word, opts: Options, spelled: _Spelled) -> bool:
    """Known distinct names, translations, names with different neighbours (Anna/Ivan
    Petrov), or people said to be different things (Mr Hamid, the mayor; Mr Hamed, the
    governor)."""
    if a.text in opts.known and b.text in opts.known:
        return True
    if a.roles and b.roles and not a.roles & b.roles:
        return True
    na, nb = a.neighbours - opts.titles, b.neighbours - opts.titles
    return (bool(na) and bool(nb) and not _tied(a.text, na, b.text, nb, spelled)) or (
        translated(text, _spans(a), b.text) or translated(text, _spans(b), a.text))


def _spans(word: _Word) -> list[tuple[int, int]]:
    return [(use.start, use.end) for use in word.uses]


def _pairs(text: str, words: Iterable[_Word], opts: Options) -> Iterator[tuple[_Word, _Word]]:
    listed = list(words)
    texts = [w.text for w in listed]
    alike = alike_pairs(texts)
    close = tie_pairs(texts, alike)
    spelled = _spelled(texts, (*alike, *close))
    for i, j in alike:
        a, b = listed[i], listed[j]
        if not _distinct(text, a, b, opts, spelled):
            yield a, b
    for i, j in close:
        a, b = listed[i], listed[j]
        # One neighbour in common (a surname, or a title: Mr Tracey and Mr Treacy) ties them,
        # unless a relative is named near either ("his brother Jamil Orsk").
        if _tied(a.text, a.neighbours, b.text, b.neighbours, spelled):
            if not _kin(text, a, b) and not _distinct(text, a, b, opts, spelled):
                yield a, b
        elif vowel_slip(a.text, b.text) and not _distinct(text, a, b, opts, spelled) and not (
                _listed(text, a) and _listed(text, b)):
            # One inner vowel apart in a short name (Kellan/Kellen) needs no tie; a relative
            # near the rarer form ("and his brother Jamil") is another person ("Kellan's
            # wife" by the usual form says nothing about the other), and so is a name that
            # is an item of a list of names when the other form is one too: a squad list
            # names each player once.
            rarer = [w for w in (a, b) if len(w.uses) <= len(a.uses) and len(w.uses) <= len(b.uses)]
            if not _kin(text, *rarer):
                yield a, b


def _reported(a: _Word, b: _Word, house: frozenset[str]) -> tuple[_Word, _Word]:
    """(form reported, the other): the one that is not a house spelling, else the rarer,
    and on a tie the form first used later."""
    key_a, key_b = ((a.text in house, len(a.uses), -a.uses[0].start),
                    (b.text in house, len(b.uses), -b.uses[0].start))
    return (a, b) if key_a < key_b else (b, a)


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    partner: dict[str, tuple[_Word, _Word]] = {}
    for a, b in _pairs(doc.text, _candidates(doc, an, rule, opts), opts):
        rare, common = _reported(a, b, opts.house)
        best = partner.get(rare.text)
        if best is None or len(common.uses) > len(best[1].uses):
            partner[rare.text] = (rare, common)
    for rare, common in partner.values():
        first = common.uses[0]
        for use in rare.uses:
            yield Hit(use.start, use.end, (rare.text, common.text), (common.text,),
                      related=(first.start, first.end))


KIND = Kind(
    name="variants",
    keys={
        "minlength": specs.integer,
        "common": specs.string_list,
        "known": specs.string_list,
        "titles": specs.string_list,
    },
    defaults={"minlength": 5, "common": (), "known": (), "titles": ()},
    build=build,
    find=find,
    heed=heed,
    terms=True,
)
