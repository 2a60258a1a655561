"""Lemmas of tagged English words: rules by Penn tag, and an exception table of irregular
forms adapted from UD English-EWT (``data/en_lemmas.json``, CC BY-SA 4.0: see
``data/NOTICE``), loaded on first use. Rebuilt by ``tools/tagger/train.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LEMMA_PATH = Path(__file__).parent / "data" / "en_lemmas.json"
# Characters with no width: dropped before a word is looked up.
INVISIBLE = "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"

_LEMMA_NORM = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u02bc": "'",
        **{c: None for c in INVISIBLE},
    }
)

_VOWELS = frozenset("aeiou")


def coarse_tag(tag: str) -> str:
    """The lemma table's tag class: N, P (proper), V, J, R, or the tag itself."""
    if tag.startswith("NNP"):
        return "P"
    c = tag[:1]
    if c == "N" and tag.startswith("NN"):
        return "N"
    if tag.startswith("VB"):
        return "V"
    if tag.startswith("JJ"):
        return "J"
    if tag.startswith("RB"):
        return "R"
    return tag


def _pick(candidates: list[str], known: frozenset[str]) -> str | None:
    for c in candidates:
        if c and c in known:
            return c
    return None


def _stem_e(b: str) -> str:
    """Guess whether a stem left by -ed/-ing needs its silent e back (hoped, used, changed)."""
    if len(b) < 2:
        return b
    last, prev = b[-1], b[-2]
    if last == prev == "z":
        return b  # buzzed -> buzz
    single = prev in _VOWELS and (len(b) < 3 or b[-3] not in _VOWELS)  # consonant-vowel-consonant
    if last in "vuzc":
        return b + "e"
    if last == "s":
        return b if b.endswith("ss") or b in ("focus", "bias") else b + "e"
    if last == "g":
        if single or prev in "rdl":
            return b + "e"
        if prev == "n" and not b.endswith("ong") and not (b.endswith("ang") and len(b) <= 4):
            return b + "e"
        return b
    if last == "l":
        if prev not in _VOWELS:
            return b if prev in "lrwy" else b + "e"
        return b + "e" if single and prev in "iou" else b
    if last == "r":
        return b + "e" if single and prev in "aiu" else b
    if last == "n":
        return b + "e" if single and (prev in "iu" or (prev == "o" and len(b) <= 4)) else b
    if last == "t":
        return b + "e" if single and prev in "aou" else b
    if last in "dkbm":
        return b + "e" if single else b
    if last == "p":
        return b + "e" if single and len(b) <= 5 else b
    return b


def _undouble(b: str) -> str:
    if len(b) < 3 or b[-1] != b[-2] or b[-1] in _VOWELS:
        return ""
    if b[-1] not in "flsz" or (b.endswith("ell") and len(b) >= 6) or (b.endswith("oll") and len(b) >= 7):
        return b[:-1]  # stopped -> stop; travelled -> travel (not rebuffed, buzzed)
    return ""


def _british_l(b: str) -> str:
    """The British doubled l of a known verb that _undouble leaves alone: signalled ->
    signal, totalling -> total (only ever picked when the table knows the verb)."""
    return b[:-1] if b.endswith("ll") and len(b) >= 5 else ""


def _verb_base(low: str, tag: str, known: frozenset[str]) -> str:
    if tag == "VBZ":
        if low.endswith("ies") and len(low) > 4:
            return low[:-3] + "y"
        if low.endswith("s") and not low.endswith("ss"):
            c = _pick([low[:-1], low[:-2]] if low.endswith("es") else [low[:-1]], known)
            if c:
                return c
            if low.endswith(("ches", "shes", "sses", "xes", "zzes", "oes")):
                return low[:-2]
            return low[:-1]
        return low
    if tag in ("VBD", "VBN"):
        if low.endswith("ied") and len(low) > 4:
            return low[:-3] + "y"
        if low.endswith("eed") and len(low) > 4:  # "agreed", "freed", "decreed": the base ends in "ee"
            return _pick([low[:-1], low[:-2]], known) or low[:-1]
        if low.endswith("ed") and len(low) > 3:
            return _from_stem(low[:-2], known, kept_e=False)
        return low
    if tag == "VBG":
        if (low.endswith("ying") and len(low) > 5) or (low.endswith("ing") and len(low) > 4):
            return _from_stem(low[:-3], known, kept_e=low.endswith("eing"))
        return low
    return low


def _from_stem(b: str, known: frozenset[str], kept_e: bool) -> str:
    """The base of a past or an -ing form whose ending is cut off, leaving ``b``: a known
    verb among ``b``, ``b`` with an e, undoubled or with a British double l; else ``b``
    itself where an e stays before the ending (``seeing``), undoubled, or with
    the e the spelling dropped."""
    c = _pick([b, b + "e", _undouble(b), _british_l(b)], known)
    if c:
        return c
    if kept_e:
        return b
    return _undouble(b) or _stem_e(b)


def _noun_singular(low: str, known: frozenset[str]) -> str:
    if len(low) <= 2 or not low.endswith("s") or low.endswith(("ss", "us", "is")):
        if low.endswith("men") and len(low) > 4:
            return low[:-3] + "man"
        return low
    if low.endswith("ies") and len(low) > 4:
        c = _pick([low[:-3] + "y", low[:-1]], known)
        return c or low[:-3] + "y"
    if low.endswith("ves"):
        c = _pick([low[:-3] + "f", low[:-3] + "fe", low[:-1]], known)
        if c:
            return c
    if low.endswith("es"):
        c = _pick([low[:-1], low[:-2]], known)
        if c:
            return c
        if low.endswith(("ches", "shes", "sses", "xes", "zzes", "ses", "zes")):
            return low[:-2]
        return low[:-1]
    return low[:-1]


def _degree(low: str, tag: str, known: frozenset[str]) -> str:
    suffix = "er" if tag in ("JJR", "RBR") else "est"
    if not low.endswith(suffix) or len(low) <= len(suffix) + 2:
        return low
    b = low[: -len(suffix)]
    cands = [b, b + "e", _undouble(b)]
    if b.endswith("i"):
        cands.insert(0, b[:-1] + "y")
    c = _pick(cands, known)
    if c:
        return c
    if b.endswith("i"):
        return b[:-1] + "y"
    return _undouble(b) or b


def rule_lemma(word: str, tag: str, known: dict[str, frozenset[str]]) -> str:
    """Rule-based lemma of a word with a Penn tag; ``known`` holds lemma sets by coarse tag."""
    w = word.translate(_LEMMA_NORM) if not word.isascii() else word
    if tag == "NNP":
        return w
    if tag == "NNPS":
        if w.endswith("ies") and len(w) > 4:
            return w[:-3] + "y"
        if w.endswith("s") and not w.endswith("ss"):
            return w[:-1]
        return w
    low = w.lower()
    if tag == "CD":
        if "," in low and low.replace(",", "").replace(".", "").isdigit():
            return low.replace(",", "")
        return low
    head = ""
    if "-" in low[1:-1] and tag[:2] in ("NN", "VB", "JJ"):
        cut = low.rfind("-") + 1
        head, low = low[:cut], low[cut:]
    if tag == "NNS":
        out = _noun_singular(low, known["N"])
    elif tag in ("VBZ", "VBD", "VBN", "VBG"):
        out = _verb_base(low, tag, known["V"])
    elif tag in ("JJR", "JJS", "RBR", "RBS"):
        out = _degree(low, tag, known["J"])
    else:
        out = low
    return head + out


class Lemmatizer:
    """Rule-based lemmatizer with an exception table of irregular forms (loaded lazily)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self._path = Path(path) if path is not None else LEMMA_PATH
        self._exceptions: dict[str, dict[str, str]] | None = None
        self._known: dict[str, frozenset[str]] = {}

    def _load(self) -> dict[str, dict[str, str]]:
        with open(self._path, encoding="utf-8") as fh:
            data: dict[str, Any] = json.load(fh)
        exceptions: dict[str, dict[str, str]] = data["exceptions"]
        self._known = {k: frozenset(v) for k, v in data["known"].items()}
        self._exceptions = exceptions
        return exceptions

    def known(self, word: str, kind: str) -> bool:
        """True when ``word`` (lower case) is a known lemma of class ``kind``: ``V`` (verb),
        ``N`` (noun) or ``J`` (adjective)."""
        if self._exceptions is None:
            self._load()
        return word in self._known.get(kind, frozenset())

    def irregular(self, word: str) -> bool:
        """True when ``word`` (lower case) is an irregular form of another verb: ``found``
        (find), ``saw`` (see)."""
        exceptions = self._exceptions if self._exceptions is not None else self._load()
        lemma = exceptions.get("V", {}).get(word)
        return lemma is not None and lemma != word

    def lemma(self, word: str, tag: str) -> str:
        exceptions = self._exceptions if self._exceptions is not None else self._load()
        table = exceptions.get(coarse_tag(tag))
        if table is not None:
            w = word.translate(_LEMMA_NORM) if not word.isascii() else word
            hit = table.get(w if tag.startswith("NNP") else w.lower())
            if hit is not None:
                return hit
        return rule_lemma(word, tag, self._known)
