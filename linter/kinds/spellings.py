"""When two words look like spellings of one name: the tests behind ``variants``.

Two words are *alike* when they reduce to the same transliteration skeleton
(-enko/-enka, -ayev/-aev, -iy/-yy/-y, an initial Q/G/K/Kh, dh/d, kh/h, ou/u,
doubled letters, diacritics) or, for long words with the same first letter,
differ by one edit (two from ten letters), unless one is the other plus an
ending (Russia/Russian). :func:`alike_pairs` finds every alike pair of a list
without comparing all pairs.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import combinations

from linter.lib.cache import compile_pattern

# Endings that make a related word, not a variant: plurals, possessives,
# demonyms, feminine surnames (Russia/Russian, Petrov/Petrova).
_ENDINGS = frozenset({
    "", "s", "es", "'s", "’s", "n", "an", "ans", "ian", "ians", "ia", "a", "e", "i", "is", "ese",
    "ish", "ns", "er", "ers", "ic", "ics", "ism", "ist", "ists", "ite", "ites", "ine", "ina",
    "ova", "eva", "aya", "ska", "y", "d", "ed", "ing", "stan", "istan",
})
_INITIAL_MIN = 7  # the Q/G/K/Kh alternation only for words this long (not Kerry/Gerry)


# The steps of the skeleton that need a pattern (the others are string replacements).
_PUNCTUATION = str.maketrans("", "", "'’-")
_TCH = compile_pattern(r"^tch|(?<=i)tch$")
_Y_BEFORE_E_O = compile_pattern(r"(?<=.)y(?=[eo])")
_DOUBLED = compile_pattern(r"(.)\1+")


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """The form two transliterations of one name share (Zelenskyy, Zelensky -> zelenski):
    the word in lower case without accents, then, in this order: an initial Q, G or K(h)
    as k (words of seven letters or more), -enka as -enko, no apostrophes or hyphens, tch
    as ch at the start or after i at the end, dh as d, kh as h (not at the start), ph as
    f, ou as u, w as v, no y before e or o (not at the start), y as i, doubled letters as
    one."""
    out = word.casefold()
    if not out.isascii():
        out = "".join(c for c in unicodedata.normalize("NFKD", out) if not unicodedata.combining(c))
    if len(word) >= _INITIAL_MIN:
        if out.startswith("kh"):
            out = "k" + out[2:]
        elif out[:1] in ("q", "g"):
            out = "k" + out[1:]
    if out.endswith("enka"):
        out = out[:-1] + "o"
    out = out.translate(_PUNCTUATION)
    if "tch" in out:
        out = _TCH.sub("ch", out)
    out = out.replace("dh", "d")
    out = out[:1] + out[1:].replace("kh", "h")
    out = out.replace("ph", "f").replace("ou", "u").replace("w", "v")
    if "y" in out:
        out = _Y_BEFORE_E_O.sub("", out).replace("y", "i")
    return _single(out)


def _single(text: str) -> str:
    """``text`` with each run of one letter as one letter (a search first: most words have
    no such run, and a substitution with a group in its template costs more than a search)."""
    return _DOUBLED.sub(r"\1", text) if _DOUBLED.search(text) else text


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
    if limit == 1:
        # What is left differs in its first and its last letter: one edit only if one letter
        # each (a substitution); an insertion would have left one side empty.
        return 1 if len(a) == len(b) == 1 else 2
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


# For words that one neighbour ties to one person (two first names before one surname),
# beyond the skeleton: x is ks, a hard c is k (Alexander/Aleksandr, Nicolai/Nikolai).
_HARD_C = compile_pattern(r"c(?![eiy])")
_NO_VOWELS = str.maketrans("", "", "aeiou")
_CLOSE_EDITS = 2
# A story holds a handful of words with one consonant key; more than this many (an archive
# in one file, or text made to be slow: 5**6 vowel patterns around one set of consonants)
# are not spellings of one name, and comparing them all would be quadratic.
_CLOSE_GROUP_MAX = 24


@lru_cache(maxsize=1 << 16)
def _loose(word: str) -> str:
    out = skeleton(word).replace("x", "ks")
    if "c" in out:
        out = _HARD_C.sub("k", out)
    return _single(out)


@lru_cache(maxsize=1 << 16)
def _close_key(word: str) -> str:
    """The consonants of a word's loose form, and its last letter (vowel or not)."""
    loose = _loose(word)
    return loose.translate(_NO_VOWELS) + "/" + loose[-1:]


def close(a: str, b: str) -> bool:
    """Whether two words may be spellings of one name once a neighbour says they name one
    person: the same consonants in the same order, the same last letter, and at most two
    vowels apart (Mohammed/Muhammad, Aleksandr/Alexander, Yevgeny/Evgeny, Osama/Usama). A
    different last letter is another name (Alexander/Alexandra, Daniel/Daniela), and so
    are more vowels apart (Mahmoud/Mohammed)."""
    return a != b and close_pairs([a, b]) == [(0, 1)]


_SLIP_MIN = 5  # a vowel slip only in words this long (not Ross/Russ)
_SLIP_VOWELS = frozenset("aeiou")


def vowel_slip(a: str, b: str) -> bool:
    """Two :func:`close` words of five or six letters (longer ones are :func:`alike` by
    one edit) that differ in one inner vowel only (Kellan/Kellen, Hamid/Hamed): close
    enough to ask about with no neighbour to tie them."""
    if len(a) != len(b) or not _SLIP_MIN <= len(a) < 7:
        return False
    diff = [k for k, (x, y) in enumerate(zip(a.casefold(), b.casefold(), strict=True)) if x != y]
    return len(diff) == 1 and 0 < diff[0] < len(a) - 1 and a[diff[0]].casefold() in _SLIP_VOWELS and (
        b[diff[0]].casefold() in _SLIP_VOWELS)


def close_pairs(words: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j, in order) for which :func:`close` holds, found by grouping (a
    group too large to be one story's names is passed over)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, word in enumerate(words):
        groups[_close_key(word)].append(i)
    found: list[tuple[int, int]] = []
    for members in groups.values():
        if len(members) > _CLOSE_GROUP_MAX:
            continue
        for i, j in combinations(members, 2):
            a, b = words[i], words[j]
            if not related(a, b) and edits(_loose(a), _loose(b), _CLOSE_EDITS) <= _CLOSE_EDITS:
                found.append((i, j))
    return sorted(found)


# Up to this many long words (a BBC story has at most 100), comparing the words of each
# first letter and length window is faster than building the deletion index; above it (a
# whole archive in one file: 81 s for 40 KB of distinct names), the index keeps it linear.
_PAIRWISE_MAX = 100


def alike_pairs(words: list[str], pairwise_max: int = _PAIRWISE_MAX) -> list[tuple[int, int]]:
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


_SHORT_LENGTHS = range(5, 7)


def short_pairs(words: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of names of five or six letters with the same first letter and
    one edit apart (Brandt/Brant, Smith/Smyth): too short to be :func:`alike` alone, so a
    neighbour must tie them to one person (Ivo Brandt and Ivo Brant). Two such words share
    their first three letters (an edit after them) or their first and last two (an edit
    in the second or third letter), so only words filed together are compared."""
    filed: dict[str, list[int]] = defaultdict(list)
    for i, word in enumerate(words):
        if len(word) in _SHORT_LENGTHS:
            filed[word[:3]].append(i)
            filed[word[0] + "|" + word[-2:]].append(i)
    found = set()
    for together in filed.values():
        for i, j in combinations(together, 2):
            a, b = words[i], words[j]
            if not related(a, b) and edits(a, b, 1) <= 1:
                found.add((i, j))
    return sorted(found)


def tie_pairs(words: list[str], alike: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Index pairs (i < j) that are spellings of one name only when a neighbour ties them
    to one person: :func:`close` words and :func:`short_pairs`, less those ``alike`` alone."""
    return sorted((set(close_pairs(words)) | set(short_pairs(words))) - set(alike))
