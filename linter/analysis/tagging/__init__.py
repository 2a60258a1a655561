"""Tokens with Penn Treebank part-of-speech tags and lemmas, for the sentences that need them.

The tokenizer (:mod:`.tokens`) and the CRF tagger (:mod:`.tagger`, with :mod:`.lemmas`;
its model and lemma table in ``data/``) ship with the package; the model is opened on the
first sentence that is tagged, so a run that never needs a tag never pays for it. Tags come
from the tagger, with the slips news copy meets most repaired (:mod:`.repairs`, which reads
a word's neighbours through :mod:`.repair_context`, :mod:`.clause_pasts`,
:mod:`.main_verb` and :mod:`.present_cues`); :mod:`linter.analysis.syntax` repairs the one
slip that matters most in news copy (a past tense read as a participle). This package
turns text into tagged tokens and reads nothing that reads tags: of the rest of
``analysis`` it imports only the cue lists (:mod:`linter.analysis.cues`).
"""

from functools import lru_cache
from typing import NamedTuple

from linter.analysis.tagging.repairs import repair
from linter.analysis.tagging.tagger import Tagger
from linter.analysis.tagging.tokens import tokenize


class Token(NamedTuple):
    """One token of ``doc.text``: its span, text, Penn tag and lemma (lower case)."""

    start: int
    end: int
    text: str
    tag: str
    lemma: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_verb(self) -> bool:
        return self.tag.startswith("VB") or self.tag == "MD"


_DASH = "--"


@lru_cache(maxsize=1)
def _tagger() -> Tagger:
    return Tagger()


def common_word(word: str) -> bool:
    """True when ``word`` (lower case) is a known noun or adjective: "Aid" in "Aid workers
    said" is capitalised only because it opens the sentence."""
    known = _tagger().known
    return known(word, "N") or known(word, "J")


def adjective(word: str) -> bool:
    """True when ``word`` (lower case) is a known adjective: ``disgusting``, ``shocking``
    (not ``killing``), whatever the tagger made of it in one sentence."""
    return _tagger().known(word, "J")


def name_like(word: str) -> bool:
    """True when ``word`` is capitalised, all letters, and no common noun or adjective: a
    noun that is so can only be a name (``Voss``; not ``Life``). Function words pass too
    (``The``), so the caller checks the tag."""
    return word[:1].isupper() and word.isalpha() and not common_word(word.lower())


def tag_span(text: str, start: int, end: int) -> tuple[Token, ...]:
    """The tokens of ``text[start:end]`` (one sentence), tagged and lemmatised."""
    spans = tokenize(text, start, end)
    if not spans:
        return ()
    words = [text[s:e] for s, e in spans]
    # A hyphen with a space on each side is a dash ("the Front - a banned group - said"): the
    # tagger learnt hyphens inside compounds, and took the word after one for a participle.
    seen = [_DASH if w == "-" and text[s - 1:s].isspace() and text[e:e + 1].isspace() else w
            for (s, e), w in zip(spans, words, strict=True)]
    tagger = _tagger()
    tags = repair(seen, tagger.tag(seen), tagger)
    return tuple(Token(s, e, w, t, _lemma(tagger, w, t))
                 for (s, e), w, t in zip(spans, words, tags, strict=True))


_LEMMAS: dict[tuple[str, str], str] = {}


def _lemma(tagger: Tagger, word: str, tag: str) -> str:
    """The lower-case lemma, remembered: news copy repeats its words."""
    key = (word, tag)
    found = _LEMMAS.get(key)
    if found is None:
        if len(_LEMMAS) > 100_000:
            _LEMMAS.clear()
        found = _LEMMAS[key] = tagger.lemma(word, tag).lower()
    return found
