"""Numbers told with how near they are or a bound: ``about 500``, ``nearly half``, ``at
least 12``, ``up to a third``. The chunker and the reach of a verb read them as one
phrase."""

from collections.abc import Sequence

from linter.analysis.tagging import Token

# Words before a number that say how near it is: "about 500 people", "found over 200 letters".
APPROXIMATORS = frozenset({"about", "around", "nearly", "almost", "over", "roughly", "some"})
# Words before a number that bound it: "at least 12 people", "up to 40 homes".
_NUMBER_BOUNDS = frozenset({("at", "least"), ("at", "most"), ("up", "to")})
# What a number may be after "a" or on its own: "about a dozen", "nearly half", "at least a third".
_NUMBER_WORDS = frozenset({"half", "third", "quarter", "fifth", "tenth", "dozen", "dozens", "hundreds",
                           "thousands", "scores"})


def number_starts(tokens: Sequence[Token], k: int, stop: int) -> bool:
    """A number with a word that says how near it is or bounds it starts at token ``k``,
    ending before ``stop``: ``about 500``, ``nearly half``, ``at least 12``, ``at least a
    dozen``, ``up to a third``."""
    if tokens[k].lower in APPROXIMATORS:
        j = k + 1
    elif k + 1 < stop and (tokens[k].lower, tokens[k + 1].lower) in _NUMBER_BOUNDS:
        j = k + 2
    else:
        return False
    if j + 1 < stop and tokens[j].lower in ("a", "an"):
        j += 1  # "about a dozen", "at least a hundred"
    return j < stop and (tokens[j].tag == "CD" or tokens[j].lower in _NUMBER_WORDS)
