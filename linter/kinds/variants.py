"""``variants``: two spellings of what looks like one proper noun in one story.

Beyond any list of names, a story that writes ``Lukashenko`` and later
``Lukashenka``, or ``Schwarzenegger`` and ``Schwarzeneger``, has probably
spelled one name two ways. Candidates are capitalised words of at least
``minlength`` letters that never appear in lower case in the story and are
not in ``common`` (words capitalised only because they start a sentence).
Two candidates are variants when they reduce to the same transliteration
skeleton (-enko/-enka, -ayev/-aev, -iy/-yy/-y, an initial Q/G/K/Kh, dh/d,
kh/h, ou/u, doubled letters, diacritics) or, for long words with the same first
letter, differ by one edit (two from ten letters).

Precision comes first, so a pair is left alone when: one word is the other
plus an ending (Smith/Smiths, Russia/Russian, Kazakh/Kazakhstan,
Petrov/Petrova: checked for pairs found by edit distance), both are listed in
``known`` (distinct names that look alike: Austria/Australia), one glosses
the other in brackets (a translation), or both stand next to other
capitalised names and never the same one (Anna Petrova and Ivan Petrov are
relatives, not a misspelling; ``titles`` such as Mr do not count). Only uses
the rule can see count (not quotations, by default).

Each use of the rarer form (on a tie, the later one) is reported, naming the
other form and pointing at its first use. Message arguments: the form
reported, then the other.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import combinations
from typing import Any, NamedTuple

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import Kind, OptionError
from linter.kinds.visibility import visible
from linter.lib.cache import compile_pattern
from linter.model.document import Document
from linter.model.rule import Hit, Rule

_WORD = compile_pattern(r"([^\W\d_]+)(?:['’][^\W\d_]+)*")
_LETTER = compile_pattern(r"[^\W\d_]")
# The first groups of _WORD that do not start with a lower-case ASCII letter; a search
# can skip to such a letter before looking behind it.
_CAPITALISED = compile_pattern(r"[^\W\d_a-z](?<![^\W\d_].)(?<![^\W\d_]['’].)[^\W\d_]*")
_BEFORE = compile_pattern(r"([^\W\d_]+)[ \t]+\Z")
_AFTER = compile_pattern(r"[ \t]+([^\W\d_]+)")
# Endings that make a related word, not a variant: plurals, possessives,
# demonyms, feminine surnames (Russia/Russian, Petrov/Petrova).
_ENDINGS = frozenset({
    "", "s", "es", "'s", "’s", "n", "an", "ans", "ian", "ians", "ia", "a", "e", "i", "is", "ese",
    "ish", "ns", "er", "ers", "ic", "ics", "ism", "ist", "ists", "ite", "ites", "ine", "ina",
    "ova", "eva", "aya", "ska", "y", "d", "ed", "ing", "stan", "istan",
})
# Transliteration skeleton: applied in order to a lower-case, accent-free word.
_SKELETON = (
    (re.compile(r"enka$"), "enko"),
    (re.compile(r"['’-]"), ""),
    (re.compile(r"^tch|(?<=i)tch$"), "ch"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"(?<=.)kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(?<=.)y(?=[eo])"), ""),
    (re.compile(r"y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
)
_INITIAL = compile_pattern(r"^(?:kh|q|g|k)")
_GLOSS_REACH = 80
_INITIAL_MIN = 7  # the Q/G/K/Kh alternation only for words this long (not Kerry/Gerry)


class Options(NamedTuple):
    minlength: int
    common: frozenset[str]
    known: frozenset[str]
    titles: frozenset[str]


class _Use(NamedTuple):
    start: int
    end: int
    neighbours: frozenset[str]


class _Word(NamedTuple):
    text: str
    uses: tuple[_Use, ...]

    @property
    def neighbours(self) -> frozenset[str]:
        return frozenset().union(*(u.neighbours for u in self.uses))


def build(keys: Mapping[str, Any]) -> Options:
    if keys["minlength"] < 3:
        raise OptionError("minlength", "minlength must be 3 or more")
    return Options(keys["minlength"], frozenset(w.casefold() for w in keys["common"]),
                   frozenset(keys["known"]), frozenset(keys["titles"]))


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """The form two transliterations of one name share (Zelenskyy, Zelensky -> zelenski)."""
    plain = unicodedata.normalize("NFKD", word.casefold())
    out = "".join(c for c in plain if not unicodedata.combining(c))
    if len(word) >= _INITIAL_MIN:
        out = _INITIAL.sub("k", out)
    for pattern, replacement in _SKELETON:
        out = pattern.sub(replacement, out)
    return out


def edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` once it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # A common beginning and ending never change the distance: compare what is between.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start:len(a) - end], b[start:len(b) - end]
    if not a or not b:
        return min(max(len(a), len(b)), limit + 1)
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def related(a: str, b: str) -> bool:
    """One word is the other with an ending (Russia/Russian, Argentina/Argentine)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 and a[n:].lower() in _ENDINGS and b[n:].lower() in _ENDINGS


def _edit_limit(a: str, b: str) -> int:
    shorter = min(len(a), len(b))
    return 2 if shorter >= 10 else 1 if shorter >= 7 else 0


def alike(a: str, b: str) -> bool:
    """Whether two different words look like spellings of one name."""
    if skeleton(a) == skeleton(b):
        return True
    limit = _edit_limit(a, b)
    return limit > 0 and a[0] == b[0] and not related(a, b) and edits(a, b, limit) <= limit


def _neighbours(text: str, start: int, end: int, opts: Options) -> frozenset[str]:
    """Capitalised names right before or after a use (first names, surnames), titles aside."""
    found = [m.group(1) for m in (_BEFORE.search(text, max(0, start - 40), start),
                                  _AFTER.match(text, end, end + 40)) if m is not None]
    return frozenset(w for w in found if w[0].isupper() and not w.isupper()
                     and w not in opts.titles and w.casefold() not in opts.common)


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
    pairs = _alike_pairs(texts)
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
        if visible(doc, an, rule, start, end):
            uses[word].append(_Use(start, end, _neighbours(text, start, end, opts)))
    return [_Word(w, tuple(u)) for w, u in uses.items()]


def _translated(text: str, a: _Word, b: _Word) -> bool:
    """One form glosses the other in brackets: Fondation de France (Foundation of France)."""
    for word, other in ((a, b), (b, a)):
        for use in word.uses:
            before = text[max(0, use.start - _GLOSS_REACH):use.start]
            if before.rstrip().endswith("(") and other.text in before:
                return True
    return False


def _distinct(text: str, a: _Word, b: _Word, opts: Options) -> bool:
    """Known distinct names, translations, or names with different neighbours (Anna/Ivan Petrov)."""
    if a.text in opts.known and b.text in opts.known:
        return True
    na, nb = a.neighbours, b.neighbours
    return (bool(na) and bool(nb) and not (na & nb)) or _translated(text, a, b)


# Up to this many long words (a BBC story has at most 100), comparing the words of each
# first letter and length window is faster than building the deletion index; above it (a
# whole archive in one file: 81 s for 40 KB of distinct names), the index keeps it linear.
_PAIRWISE_MAX = 100


def _alike_pairs(words: list[str], pairwise_max: int = _PAIRWISE_MAX) -> list[tuple[int, int]]:
    """Index pairs (i < j, in order) for which :func:`alike` holds, without comparing all pairs.

    Equal skeletons are found by grouping; edit distance is tried only
    between long words with the same first letter and lengths within two.
    """
    found: set[tuple[int, int]] = set()
    groups: dict[str, list[int]] = defaultdict(list)
    long: list[int] = []
    for i, word in enumerate(words):
        groups[skeleton(word)].append(i)
        if len(word) >= 7:
            long.append(i)
    for members in groups.values():
        found.update(combinations(members, 2))
    tried = _by_deletions(words, long) if len(long) > pairwise_max else _by_length(words, long)
    for i, j in tried:
        a, b = words[i], words[j]
        limit = _edit_limit(a, b)
        if limit and abs(len(a) - len(b)) <= 2 and not related(a, b) and edits(a, b, limit) <= limit:
            found.add((min(i, j), max(i, j)))
    return sorted(found)


def _by_initial(words: list[str], chosen: list[int]) -> Iterable[list[int]]:
    """The indexes in ``chosen``, grouped by their word's first letter."""
    initials: dict[str, list[int]] = defaultdict(list)
    for i in chosen:
        initials[words[i][0]].append(i)
    return initials.values()


def _by_length(words: list[str], long: list[int]) -> Iterator[tuple[int, int]]:
    """Pairs of long words with the same first letter and lengths within two."""
    for members in _by_initial(words, long):
        members.sort(key=lambda i: len(words[i]))
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if len(words[j]) - len(words[i]) > 2:
                    break
                yield i, j


def _deletions(word: str, count: int) -> set[str]:
    """``word`` with up to ``count`` letters deleted, in every way."""
    out = frontier = {word}
    for _ in range(count):
        frontier = {w[:k] + w[k + 1:] for w in frontier for k in range(len(w))}
        out = out | frontier
    return out


def _by_deletions(words: list[str], long: list[int]) -> Iterator[tuple[int, int]]:
    """Every pair of long words with the same first letter within their edit limit, and few
    others: two words within ``n`` edits of each other become one string when up to ``n``
    letters are deleted from each (symmetric deletion), so each word is filed under its
    first letter and every such deletion of the rest, and only words filed together are
    paired. A word of ten letters or more allows two edits, a shorter one one."""
    seen: set[tuple[int, int]] = set()
    for members in _by_initial(words, long):
        # Most deletions belong to one word alone: the first word of each is kept as a
        # plain number, and a list is made only when a second word shares it.
        first: dict[str, int] = {}
        shared: dict[str, list[int]] = {}
        for i in members:
            for rest in _deletions(words[i][1:], 2 if len(words[i]) >= 10 else 1):
                j = first.setdefault(rest, i)
                if j != i:
                    shared.setdefault(rest, [j]).append(i)
        for together in shared.values():
            for pair in combinations(together, 2):
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _pairs(text: str, words: Iterable[_Word], opts: Options) -> Iterator[tuple[_Word, _Word]]:
    listed = list(words)
    for i, j in _alike_pairs([w.text for w in listed]):
        a, b = listed[i], listed[j]
        if not _distinct(text, a, b, opts):
            yield a, b


def _reported(a: _Word, b: _Word) -> tuple[_Word, _Word]:
    """(rarer form, the other): on a tie, the form first used later is the one reported."""
    key_a, key_b = (len(a.uses), -a.uses[0].start), (len(b.uses), -b.uses[0].start)
    return (a, b) if key_a < key_b else (b, a)


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    partner: dict[str, tuple[_Word, _Word]] = {}
    for a, b in _pairs(doc.text, _candidates(doc, an, rule, opts), opts):
        rare, common = _reported(a, b)
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
    terms=True,
)
