"""Penn Treebank part-of-speech tagger for English news copy.

A linear-chain CRF (CRFsuite through ``python-crfsuite``) trained on UD English-EWT plus
news-style sentences of our own by ``tools/tagger/train.py``, which rebuilds the model
byte for byte. The weights file (``data/en_news_xpos.crfsuite``) is adapted from UD
English-EWT and distributed under CC BY-SA 4.0 (see ``data/NOTICE``); lemmas come from
:mod:`.lemmas`.

Usage::

    t = Tagger()                       # nothing is read until the first call
    tags = t.tag(["Officials", "state", "that", "..."])
    t.lemma("militants", "NNS")        # -> "militant"

``sentence_features`` is the one feature function, shared by training and tagging.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final

from linter.analysis.tagging.lemmas import INVISIBLE, Lemmatizer
from linter.lib.cache import compile_pattern

__all__ = ["FINITE", "MODEL_PATH", "Tagger", "is_headline", "normalise", "sentence_features"]

# The Penn tags of a finite verb (or a modal, which makes its verb finite).
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
MODEL_PATH = Path(__file__).parent / "data" / "en_news_xpos.crfsuite"

# ---------------------------------------------------------------------------------------------
# Features
# ---------------------------------------------------------------------------------------------

# EWT writes quotes, apostrophes and dashes in ASCII; the feature word does the same.
_NORM_TABLE: dict[int, str | None] = {
    0x201C: '"',  # “
    0x201D: '"',  # ”
    0x201E: '"',  # „
    0x201F: '"',  # ‟
    0x00AB: '"',  # «
    0x00BB: '"',  # »
    0x2033: '"',  # ″
    0x2018: "'",  # ‘
    0x2019: "'",  # ’
    0x201A: "'",  # ‚
    0x201B: "'",  # ‛
    0x2032: "'",  # ′
    0x02BC: "'",  # ʼ
    0x2039: "'",  # ‹
    0x203A: "'",  # ›
    0x2014: "--",  # —
    0x2013: "--",  # –
    0x2015: "--",  # ―
    0x2012: "-",  # ‒
    0x2010: "-",  # ‐
    0x2011: "-",  # non-breaking hyphen
    0x2212: "-",  # minus sign
    0x2026: "...",  # …
    0x00A0: " ",
}
for _c in INVISIBLE:
    _NORM_TABLE[ord(_c)] = None
del _c

_OPEN_QUOTES = frozenset("\u201c\u2018\u201e\u201a\u00ab\u2039")
_CLOSE_QUOTES = frozenset("\u201d\u00bb\u203a")

_SHAPE_RE = compile_pattern(r"([Xxd])\1+")
_SHAPE_TABLE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "XXXXXXXXXXXXXXXXXXXXXXXXXXxxxxxxxxxxxxxxxxxxxxxxxxxxdddddddddd",
)
_NUMBER_RE = compile_pattern(r"[-+]?(?:\d[\d,.:/]*)(?:st|nd|rd|th|s|bn|m|k|pc)?$", re.IGNORECASE)


def normalise(word: str) -> str:
    """The form the features see: ASCII quotes/dashes, no invisible characters."""
    if word.isascii():
        return word
    return word.translate(_NORM_TABLE) or word


def _shape(word: str) -> str:
    s = word.translate(_SHAPE_TABLE)
    if not s.isascii():
        s = "".join(
            c if c.isascii() else "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else "o"
            for c in s
        )
    return _SHAPE_RE.sub(r"\1\1", s)[:8]


# Per word: (lower-cased feature word, static features, capitalisation flag, all-capitals
# flag, and the features a neighbour reads of it: as the word before, its suffix there, as
# the word two before, as the word after, its suffix there, as the word two after). A plain
# tuple read by these indexes: a named tuple's fields cost more to read, per token.
_Static = tuple[str, tuple[str, ...], bool, bool, str, str, str, str, str, str]
_LOW: Final = 0
_FEATURES: Final = 1
_CAP: Final = 2
_ALLCAP: Final = 3
_BEFORE: Final = 4
_BEFORE_S3: Final = 5
_TWO_BEFORE: Final = 6
_AFTER: Final = 7
_AFTER_S3: Final = 8
_TWO_AFTER: Final = 9


def _static(word: str) -> _Static:
    n = normalise(word)
    low = n.lower()
    f = [
        "b",
        "w=" + low,
        "s1=" + low[-1:],
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p1=" + low[:1],
        "p2=" + low[:2],
        "p3=" + low[:3],
        "sh=" + _shape(n),
    ]
    if any(c.isdigit() for c in n):
        f.append("dig")
        if _NUMBER_RE.match(n):
            f.append("num")
    if "-" in n[1:]:
        f.append("hy")
    first = word[:1]
    if first in _OPEN_QUOTES:
        f.append("qo")
    elif first in _CLOSE_QUOTES:
        f.append("qc")
    cap = n[:1].isupper()
    allcap = cap and len(n) > 1 and n.isupper()
    s3 = low[-3:]
    return (low, tuple(f), cap, allcap,
            "-1w=" + low, "-1s3=" + s3, "-2w=" + low, "+1w=" + low, "+1s3=" + s3, "+2w=" + low)


_CACHE: dict[str, _Static] = {}
_CACHE_MAX = 200_000


def _lookup(word: str) -> _Static:
    st = _CACHE.get(word)
    if st is None:
        st = _static(word)
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[word] = st
    return st


def is_headline(words: list[str]) -> bool:
    """True for title-case or all-capitals sentences (headline style)."""
    content = 0
    capital = 0
    for w in words[1:]:
        if len(w) >= 3 and w[0].isalpha():
            content += 1
            if w[0].isupper():
                capital += 1
    return content >= 3 and capital * 100 >= content * 85


def sentence_features(words: list[str]) -> list[list[str]]:
    """CRF attributes of each word of a sentence (fixed order; shared by training and tagging)."""
    last = len(words) - 1
    statics = [_lookup(w) for w in words]
    headline = is_headline(words)
    if headline:
        cap_f, allcap_f, prev_cap_f, next_cap_f = "hcap", "hallcap", "-1hcap", "+1hcap"
    else:
        cap_f, allcap_f, prev_cap_f, next_cap_f = "cap", "allcap", "-1cap", "+1cap"
    out: list[list[str]] = []
    for i, word in enumerate(statics):
        low = word[_LOW]
        f = list(word[_FEATURES])
        if word[_CAP]:
            f.append(cap_f)
            if word[_ALLCAP]:
                f.append(allcap_f)
        if i == 0:
            f.append("BOS")
            f.append("-1w=<s>")
            if word[_CAP]:
                f.append("BOScap")
        else:
            prev = statics[i - 1]
            f.append(prev[_BEFORE])
            f.append("-1b=" + prev[_LOW] + "|" + low)
            f.append(prev[_BEFORE_S3])
            f.append(statics[i - 2][_TWO_BEFORE] if i > 1 else "-2w=<s>")
            if prev[_CAP]:
                f.append(prev_cap_f)
        if i == last:
            f.append("EOS")
            f.append("+1w=</s>")
        else:
            nxt = statics[i + 1]
            f.append(nxt[_AFTER])
            f.append("+1b=" + low + "|" + nxt[_LOW])
            f.append(nxt[_AFTER_S3])
            f.append(statics[i + 2][_TWO_AFTER] if i < last - 1 else "+2w=</s>")
            if nxt[_CAP]:
                f.append(next_cap_f)
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------------
# Lemmas
# ---------------------------------------------------------------------------------------------


class Tagger:
    """Penn XPOS tagger; the model file is opened on the first call to ``tag``."""

    def __init__(self, model_path: Path | str | None = None, lemma_path: Path | str | None = None) -> None:
        self._model_path = Path(model_path) if model_path is not None else MODEL_PATH
        self._crf: Any = None
        self._lemmatizer = Lemmatizer(lemma_path)

    def _open(self) -> Any:
        import pycrfsuite  # type: ignore[import-untyped]

        crf = pycrfsuite.Tagger()
        crf.open(str(self._model_path))
        self._crf = crf
        return crf

    def tag(self, words: list[str]) -> list[str]:
        """Penn Treebank tags of one sentence's words."""
        if not words:
            return []
        crf = self._crf if self._crf is not None else self._open()
        tags: list[str] = crf.tag(sentence_features(words))
        return tags

    def known(self, word: str, kind: str) -> bool:
        """True when ``word`` (lower case) is a known lemma of class ``kind`` (V, N or J)."""
        return self._lemmatizer.known(word, kind)

    def irregular(self, word: str) -> bool:
        """True when ``word`` (lower case) is an irregular form of another verb (``found``)."""
        return self._lemmatizer.irregular(word)

    def known_verb(self, word: str) -> bool:
        """True when ``word`` (lower case) is a known verb base form."""
        return self.known(word, "V")

    def is_verb(self, word: str) -> bool:
        """True when ``word`` (lower case) may be a verb's base form: a known verb that is no
        known adjective, or a word the lemma lists do not know at all (``levy``)."""
        known = self._lemmatizer.known
        if known(word, "J"):
            return False
        return known(word, "V") or not known(word, "N")

    def lemma(self, word: str, tag: str) -> str:
        """Lemma of a word given its Penn tag."""
        return self._lemmatizer.lemma(word, tag)
