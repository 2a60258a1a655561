"""Whether the named source of an attribution frame is a person, not a firm or a body.

A vague phrase that hides people ("Analysts said ...", "Critics say ...") is told by a
source in the next sentence only when that source is one of them, and so a person: a
title (``Dr Voss``), a role (``Ida Kell, an analyst at Orsk Bank``, ``Orsk Bank economist
Piet Vann``, ``the chairman``), a name of two words or more that does not end in the word
of a body (``Ivo Brandt``; not ``Frey Marine``, ``the Harbour Institute``), or a name of one
word that the story gives with a title or a first name (``Voss``, after ``Anna Voss``).
A firm, a body or its spokesman is another voice: the firm that answers the analysts, the
ministry that the critics criticise. The word lists are in ``rules/_data/cues.yml``
(``titles``, ``persons``, ``bodies``). The next sentence may also name one of them without
a reporting verb: ``Ada Frey, a harbour pilot, is one of them.``, ``Among them is Ida Kell.``
"""

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from linter.analysis.cues import cue_words
from linter.kinds.claim_context import source_tokens
from linter.kinds.claim_patterns import DAYS, MONTHS
from linter.lib.cache import compile_pattern

if TYPE_CHECKING:
    from linter.analysis import Analysis
    from linter.analysis.frames import Frame
    from linter.analysis.tagging import Token

_BEFORE_DESCRIPTION = frozenset({",", "''", "”", ";", ":", "("})
_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_APPOSITION_REACH = 12  # tokens of an apposition after the name read for a role


# The capitalised word (perhaps a title with its full stop) right before a name.
_WORD_BEFORE = compile_pattern(r"(?<![\w'’.-])(?:[A-Z][a-z]+\.?)[ \t]+\Z")


class _Words(NamedTuple):
    titles: frozenset[str]
    persons: frozenset[str]
    bodies: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    words = cue_words()
    return _Words(frozenset(words["titles"]), frozenset(words["persons"]), frozenset(words["bodies"]))


def _role(token: "Token", persons: frozenset[str]) -> bool:
    if token.tag not in _NOUNS:
        return False
    word = token.lower
    return word in persons or (word.endswith("s") and word[:-1] in persons)


def a_person(an: "Analysis", frame: "Frame") -> bool:
    """The frame's source is a person: see the module's docstring."""
    source = source_tokens(an, frame)
    if source is None:
        return False
    parse, first, last = source
    tokens = parse.tokens
    words = _words()
    # The words from the comma or the quotation before it ("Ida Kell, an analyst, said", '"...,"
    # Ivo Brandt, founder of the Orsk group the Harbour Trust, said'), and an apposition after.
    lo = next((k + 1 for k in range(first - 1, -1, -1)
               if tokens[k].text in _BEFORE_DESCRIPTION and k < first - 1), 0)
    hi = last
    if last < len(tokens) and tokens[last].text == ",":  # "said Piet Vann, chief economist at ..."
        hi = next((k for k in range(last + 1, min(len(tokens), last + _APPOSITION_REACH))
                   if tokens[k].text in (",", ".", ";", ":")), min(len(tokens), last + _APPOSITION_REACH))
    described = tokens[lo:hi]
    if any(t.text.rstrip(".") in words.titles for t in described):
        return True
    if any(_role(t, words.persons) for t in described):
        return True
    name = [t for t in tokens[first:last] if t.tag in _NOUNS and t.text[:1].isupper()]
    if not name or name[-1].text in words.bodies or name[-1].text.isupper():
        return False
    if len(name) > 1:
        return True
    return _given_in_full(an.doc.text, name[0].text, words)


def _given_in_full(text: str, name: str, words: _Words) -> bool:
    """The story gives the one-word name ``name`` after a title or another capitalised
    word that is no body's (``Mr Voss``, ``Anna Voss``; not ``Group Voss``)."""
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if before is not None:
            word = before.group().strip()
            if word.rstrip(".") in words.titles or (  # "Dr. Voss"; not "... by Tamm. Voss said"
                    not word.endswith(".") and word not in words.bodies and word not in _NOT_FIRST):
                return True
    return False


# Capitalised words before a name that are no first name: a sentence's first word, a
# month or a day ("The", "On Monday Voss ...").
_NOT_FIRST = frozenset((*"The A An In On At By For From With And But Or If When As After Before".split(),
                        *DAYS, *MONTHS))


# A person named as one of those a vague phrase hid, in a sentence of its own: "Ada Frey,
# a harbour pilot, is one of them.", "Among them is Ida Kell." (a name of two capitalised
# words, or a title and a name; not "Among them is the Harbour Board").
_ONE_OF_THEM = compile_pattern(
    r"\b(?:is|was) (?:among|one of) them\b|(?<![^.!?\s])Among them (?:is|was|are|were)\b")
_PERSON = compile_pattern(r"\b(?:Mr|Mrs|Ms|Dr|[A-Z][a-z]+) [A-Z][a-z]+\b")
_REACH = 200  # characters of the sentence read either side of "one of them"


def one_of_them(text: str, lo: int, hi: int) -> bool:
    """The text from ``lo`` to ``hi`` has a sentence that names a person as one of a
    group (``Ada Frey, a harbour pilot, is one of them.``, ``Among them is Ida Kell.``)."""
    for m in _ONE_OF_THEM.finditer(text, lo, hi):
        # (its sentence, within a bounded reach either side)
        near = max(lo, m.start() - _REACH)
        stop = text.rfind(". ", near, m.start())
        begin = stop + 2 if stop >= 0 else near
        end = text.find(".", m.end(), min(hi, m.end() + _REACH))
        for name in _PERSON.finditer(text, begin, end if end >= 0 else min(hi, m.end() + _REACH)):
            first, last = name.group().split()
            if first not in _NOT_FIRST and last not in _words().bodies:
                return True
    return False
