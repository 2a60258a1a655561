"""Reporting cues and named sources: the words that attribute a claim.

The word lists live in ``rules/_data/cues.yml`` (installed as
``linter/packs/_data/cues.yml``) so that a newsroom can read and extend them.
They are compiled once into trie-shaped regular expressions, so a scan is a
single linear pass of the regex engine, whatever the size of the lists.

A :class:`Cue` has one of five kinds:

``verb``
    a reporting verb in any tense (``said``, ``told``, ``warned``, ``branded``);
``phrase``
    a fixed cue that attributes its whole clause (``according to``, ``in a statement``);
``noun``
    a reporting person or document (``spokesman``, ``statement``);
``source``
    a source noun usable as a subject (``police``, ``officials``; not ``police station``);
``name``
    a named person: a title and a name (``Ms Hewitt``) or two or more capitalised words.
"""

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from linter.lib import yamlsrc
from linter.lib.cache import compile_pattern
from linter.lib.literals import accelerated, prefixes
from linter.lib.packs import packs_dir
from linter.lib.scan import Scanner, scanner_for
from linter.lib.trie import trie_pattern

REPORTING_KINDS = frozenset({"verb", "phrase", "noun"})
# What stands right before an inverted cue: "..., said the ministry", "...,” said Ms Lee".
BEFORE_INVERTED = frozenset({",", "”", '"', "’", "'", "»"})
# The finite forms of "be" that open a question ("Are the men terrorists?") or carry "to be
# believed" ("if the mayor is to be believed").
BE_FORMS = frozenset({"is", "are", "was", "were"})
# The pronouns that stand for the people or the thing a word is given to: "the mayor calls
# them", "the mayor's word for them".
NAMED_PRONOUNS = frozenset({"them", "him", "her", "it"})

# A verb form right after a determiner is a noun ("the state", "a call", "its report"); after a
# preposition it is a gerund or an infinitive that reports nothing ("with writing partner X",
# "after saying", "refused to say").
_NOT_REPORTING_AFTER = frozenset(
    {"a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "my"}
    | {"your", "each", "every", "no", "any", "some"}
    | {"with", "without", "of", "for", "by", "after", "before", "about", "from", "into", "to"}
)
# Leading words that are capitalised only because they start a sentence or a clause.
_NAME_STOPWORDS = (
    "A|An|And|As|At|But|By|For|From|He|Her|His|I|If|In|It|Its|Mr|Mrs|Ms|On|She|So|The|"
    "Their|There|They|This|To|We|When|While|With"
)
_PREVIOUS_WORD = compile_pattern(r"(\w+)\s+\Z")



class Cue(NamedTuple):
    """One cue in ``doc.text`` coordinates; ``kind`` is verb, phrase, noun, source or name."""

    start: int
    end: int
    kind: str


class _Patterns(NamedTuple):
    reporting: re.Pattern[str]
    sources: re.Pattern[str]
    names: re.Pattern[str]
    exceptions: re.Pattern[str]
    verbs: str


def _load() -> dict[str, object]:
    folder = packs_dir()
    if folder is None:
        raise ValueError("the bundled rule packs are missing from this install")
    text = (folder / "_data" / "cues.yml").read_text(encoding="utf-8")
    data = yamlsrc.load(text, "rules/_data/cues.yml")
    if not isinstance(data, dict):
        raise ValueError("rules/_data/cues.yml must be a mapping")
    return data


def _strings(data: dict[str, object], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"rules/_data/cues.yml: {key!r} must be a list of strings")
    return [str(v) for v in value]


def _verb_forms(data: dict[str, object], key: str = "verbs") -> list[str]:
    return [form for forms in _lemma_forms(data, key).values() for form in forms]


def _lemma_forms(data: dict[str, object], key: str) -> dict[str, list[str]]:
    """A mapping of the cue file from each lemma to its forms."""
    verbs = data.get(key, {})
    if not isinstance(verbs, dict):
        raise ValueError(f"rules/_data/cues.yml: {key!r} must map a lemma to its forms")
    return {str(lemma): _strings(verbs, lemma) for lemma in verbs}


# Irregular forms of the verbs of thought and of the verbs that need a that-clause, which
# rules/_data/cues.yml lists by lemma only.
_IRREGULAR = ("felt", "knew", "known", "understood", "thought", "held")
# A lemma this short goes into the gate as whole words: as a stem it would start many
# others ("ban": bank, band).
_SHORT_STEM = 3
# One syllable ending in one vowel and one consonant doubles it: ban, banned, banning.
_DOUBLED_FINAL = compile_pattern(r"[^aeiou][aeiou][bdgmnprt]")
# Adjectives of how someone spoke that, after a copula and before a colon or a dash, give
# the speaker the words after it: "Voss was blunt: ...", "The minister was adamant - ...".
FORTHRIGHT = frozenset({"adamant", "blunt", "candid", "categorical", "clear", "defiant", "direct",
                        "emphatic", "explicit", "firm", "forthright", "frank", "unapologetic", "unequivocal",
                        "unrepentant"})
# Nouns of a view or a wording whose "in the ... of X" (or "in X's ...") names X as the
# source, as "according to X" does: "In the words of the mayor, ...", "in the eyes of the
# owners", "In the mayor's view, ...".
VIEWS = frozenset({"words", "eyes", "view", "views", "opinion", "estimation", "judgement", "judgment"})
# Nouns of someone's telling of events, which give their owner only what they frame: the
# clause after one that opens a sentence ("In Voss's telling, ...", "In his account, ...")
# and a clause of "how", "what" or "why" after "of" ("Voss's account of how ...").
ACCOUNTS = frozenset({"account", "accounts", "telling", "retelling", "version", "recollection"})
# Nouns of someone's reckoning or yardstick, whose owner "by" or "on" names as the source of
# the clause ("By the army's own count, ...", "On the ministry's figures, ...", "..., by her
# own admission.", "By the state's definition, ...") (according_frames).
TALLIES = frozenset({"count", "counts", "tally", "reckoning", "estimate", "estimates", "figures", "numbers",
                     "calculation", "calculations", "admission", "definition", "definitions", "standards",
                     "yardstick"})
# Writings whose owner or author an opening phrase names gives the clause after it to them:
# "In its report, ...", "In the inquiry's findings, ...", "In a report compiled by the
# Harbour Institute in 2003, ..." (not "In a report, ...", one the story has named).
WRITINGS = frozenset({"report", "study", "survey", "paper", "review", "audit", "assessment", "analysis",
                      "memo", "letter", "statement", "submission", "book", "memoir", "memoirs",
                      "autobiography", "dossier", "testimony", "evidence", "findings", "speech",
                      "column", "article", "essay", "ruling", "indictment", "affidavit", "lawsuit"})
# Nouns of naming someone something, whose "of X as Y" gives Y to their owner: "Voss's
# description of the men as ..." (naming_frames).
NAMINGS = frozenset({"description", "characterisation", "characterization", "portrayal", "depiction",
                     "labelling", "labeling", "branding", "designation", "classification", "listing",
                     "categorisation", "categorization"})
# "made it clear", "makes plain" (idiom_frames): the words that make something plain, and
# the idiom as the frame gate looks for it.
PLAIN = frozenset({"clear", "plain"})
MADE_CLEAR = frozenset(f"{make}{it} {plain}" for make in ("make", "makes", "made", "making")
                       for it in ("", " it") for plain in PLAIN)
# The participles of a court's or a state's act on someone "as" a label, whose label is
# theirs: "was jailed as a terrorist", "is wanted as ..." (naming_frames).
PENAL = frozenset({"convicted", "jailed", "sentenced", "imprisoned", "tried", "prosecuted", "deported",
                   "extradited", "wanted", "detained", "interned", "hanged", "executed"})
# ... and those of them whose active, with its object before "as", is as plainly the act's:
# "Police jailed Vann as a terrorist" (not "tried" or "wanted": "tried to leave as ...").
PENAL_ACTIVE = PENAL - {"tried", "wanted"}
# The words of people naming themselves, whose label is their own: "two self-described
# freedom fighters", "a self-confessed terrorist" (naming_frames).
SELF_NAMED = frozenset({"self-described", "self-proclaimed", "self-declared", "self-confessed",
                        "self-styled", "self-identified", "self-professed"})
# Adjectives of a stance whose clause, after a copula, is the subject's view: "Police are
# confident (that) the men will be caught", "The army is convinced ...". Not "aware" or
# "clear", which take what follows as fact.
STANCES = frozenset({"confident", "convinced", "certain", "sure", "worried", "concerned", "afraid", "fearful",
                     "hopeful", "optimistic", "adamant", "satisfied"})


@lru_cache(maxsize=1)
def frame_gate() -> re.Pattern[str]:
    """Matches in any sentence that could hold an attribution frame: a form of a reporting
    or thinking verb (by its stem: "announc" for announced; a verb of seeing as a whole
    word), ``according``, ``per``, a content noun, a noun of a view, a wording or a naming
    (``in the words of``, ``in the mayor's view``, ``Voss's description of``), an adjective
    of a stance (``confident``), ``put it``, a colon, an adjective of how someone spoke
    before a dash (``Voss was blunt - ...``), a dash and a source's noun or a
    capitalised name at the end (``... -police``, ``... - Tamm``), an owned term or
    phrase (``in the mayor's phrase``), or a view someone has (``as the mayor would have
    it``). A sentence with no match is never tagged for its frames."""
    data = _load()
    words = cue_words()
    forms = (*_verb_forms(data), *_verb_forms(data, "trailing"))
    stems = {form.split()[0] for form in forms} | set(_IRREGULAR) | {"according"}
    # Whole words for the verbs of seeing, whose stems would start many others (seem, seek),
    # and for any lemma of three letters (ban: bank, band).
    whole = {form for lemma in words["seeing"] for form in _regular_forms(lemma)} | {"saw", "seen"}
    whole.add("put it")  # "As the mayor put it, ..." (verb_reports.as_put_it)
    whole.update(MADE_CLEAR)  # "Voss made it clear that ..." (idiom_frames)
    whole.add("let it be known")  # "Voss let it be known that ..." (idiom_frames)
    whole.add("per")  # "Per the army, ..." (according_frames)
    whole.update(VIEWS)  # "In the words of the mayor, ...", "in the mayor's view" (according_frames)
    whole.update(ACCOUNTS)  # "In Voss's telling, ..." (according_frames), "Voss's account of how ..."
    whole.update(WRITINGS)  # "In its report, ...", "In a study by the institute, ..." (according_frames)
    whole.update(NAMINGS)  # "Voss's description of the men as ..." (naming_frames)
    whole.add("convicted")  # "a convicted terrorist", the court's label (naming_frames)
    whole.update(SELF_NAMED)  # "two self-described freedom fighters" (naming_frames)
    whole.update(f"{past} as" for past in PENAL)  # "was jailed as a terrorist" (naming_frames)
    whole.update(STANCES)  # "Police are confident the men ..." (phrase_frames.stance_frames)
    whole.update(w for lemma in (*words["positions"], *words["undertakings"])  # "Her position is that",
                 for w in (lemma, f"{lemma}s"))  # "Tamm's vow to ..."
    # (a labelling verb that is also one of seeing has its whole forms above: "treat" would
    # start "treaty", "investigat" "investigation")
    labelling = (lemma for lemma in words["labelling"] if lemma not in words["seeing"])
    for lemma in (*words["verbs"], *words["thoughts"], *words["needthat"], *words["contentnouns"],
                  *words["acts"], *labelling):
        first = lemma.split()[0]
        if len(first) <= _SHORT_STEM:
            whole.update(_regular_forms(first))
            continue
        stems.add(first[:-1] if first.endswith("e") else first)
        if first.endswith("y"):
            stems.add(first[:-1] + "i")  # denies, worried
    # and a source after a dash at the end: a wire headline's "... -police", "... - sources",
    # "... - mayor"
    nouns = {w for key in ("sources", "nouns", "vague", "persons") for w in words[key] if " " not in w}
    heads = trie_pattern(sorted(nouns))
    tail = rf"\s[-–—]{{1,2}}\s*(?:[\w'’-]+ ){{0,3}}(?i:{heads})(?:e?s)?\.?\s*$"
    # ... or a headline's speaker by name: "... - Tamm", "... - Ida Kell"
    named = r"\s[-–—]{1,2}\s*[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}\.?\s*$"
    verbs, nouns_and_phrases = trie_pattern(sorted(stems)), trie_pattern(sorted(whole))
    # ("Voss was blunt - ...": the colon is a cue of its own)
    forthright = rf"\b(?i:{trie_pattern(sorted(FORTHRIGHT))})\s*[-–—]"
    # ... or a holder of a view opening the sentence: "For the Sarn government, ..."
    # (according_frames; the capital keeps the gate off "for" and "to" inside a sentence)
    # (or with no comma before a name or a pronoun after "To": "To the government he was ...")
    holder = (r"\b(?:For|To) [\w'’ -]{2,40},"
              r"|\bTo [\w'’ -]{2,40}? (?:he|she|they|[A-Z][\w'’-]*) (?:is|are|was|were)\b")
    # ... or a reckoning "by" or "on" names the owner of: "By the army's own count, ..."
    reckoned = rf"\b(?i:by|on) [\w'’ -]{{1,40}}? (?i:{trie_pattern(sorted(TALLIES))})\b"
    # ... or an owned word credited: "(the mayor's word)", "in his phrase" (pointer_frames)
    credited = r"(?:['’]s|\b(?i:his|her|their|its)) (?i:term|phrase|expression)\b"
    # ... or a view someone "would have": "as the mayor would have it", "or so the mayor
    # has it" (idiom_frames)
    had_it = r"\b(?i:as|so) [\w'’ -]{1,40}? (?i:have|has|had) it\b"
    # ... or a court's or a state's act on someone "as" a label: "jailed Vann as a terrorist"
    penal = rf"\b(?i:{trie_pattern(sorted(PENAL_ACTIVE))}) (?:[\w'’.-]+ ){{1,4}}?(?i:as)\b"
    return _compile(rf"\b(?i:{verbs})|\b(?i:{nouns_and_phrases})\b|:|{forthright}|{tail}|{named}|{holder}"
                    rf"|{reckoned}|{credited}|{had_it}|{penal}")


def _regular_forms(lemma: str) -> tuple[str, ...]:
    """A verb's forms by the regular spelling rules: hail, hails, hailing, hailed; praise,
    praising, praised; glorify, glorifies, glorified; ban, banning, banned; see, sees,
    seeing (its irregular forms, saw and seen, are the caller's)."""
    if _DOUBLED_FINAL.fullmatch(lemma):
        return lemma, f"{lemma}s", f"{lemma}{lemma[-1]}ing", f"{lemma}{lemma[-1]}ed"
    if lemma.endswith("ee"):
        return lemma, f"{lemma}s", f"{lemma}ing"
    if lemma.endswith("e"):
        return lemma, f"{lemma}s", f"{lemma[:-1]}ing", f"{lemma}d"
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return lemma, f"{lemma[:-1]}ies", f"{lemma}ing", f"{lemma[:-1]}ied"
    return lemma, f"{lemma}s", f"{lemma}ing", f"{lemma}ed"


@lru_cache(maxsize=1)
def cue_words() -> dict[str, list[str]]:
    """The word lists the attribution frames read (see ``rules/_data/cues.yml``): reporting
    verb lemmas (``verbs``), verbs of thought (``thoughts``), vague source heads (``vague``),
    the causes a group of campaigners is named for (``causes``: rights, aid), the words of
    standing or of a field that leave researchers unnamed (``standing``), verbs whose
    agentless passive hides the source (``passive``), verbs that report only with a
    that-clause (``needthat``), verbs of saying whose object alone reports nothing
    (``clausal``), nouns whose that-clause is their owner's words (``contentnouns``) or is
    only after a copula (``positions``), nouns whose infinitive is (``undertakings``: vow,
    pledge), speech acts whose complement is a demand (``acts``),
    verbs that attribute only before ``as`` (``seeing``), subjects whose show or find needs no
    that-clause (``evidence``), verbs of evidence that attribute only with such a subject or a
    source (``showing``: show, indicate, point to), verbs that report only trailing what they
    report (``trailing``: continued, read), verbs whose passive names its subject and then its
    source (``labelling``: branded ... by), verbs whose words are the noun phrase after them
    (``objects``: cite, condemn), the nouns of sources (``sources``: police, officials)
    and of speakers and statements (``nouns``: spokesman, statement), the words that
    introduce a named person (``titles``: Mr, Dr), the nouns of a person's role
    (``persons``: analyst, chairman) and the last words of the names of bodies
    (``bodies``: Group, Institute)."""
    data = _load()
    verbs = _reporting_forms()
    keys = ("thoughts", "vague", "causes", "standing", "passive", "needthat", "clausal", "contentnouns",
            "positions", "undertakings", "acts", "seeing", "evidence", "showing", "sources", "nouns",
            "labelling", "objects", "titles", "persons", "bodies")
    # A lemma spelt two ways (emphasise, emphasize) is listed once; the tagger's lemma may
    # be either spelling, so a base form among the forms counts as a lemma too.
    spellings = [f for forms in verbs.values() for f in forms if f.endswith(("ize", "ise", "yze", "yse"))]
    return {"verbs": [*verbs, *spellings], "trailing": list(_lemma_forms(data, "trailing")),
            **{key: _strings(data, key) for key in keys}}


def verb_forms(lemma: str) -> tuple[str, ...]:
    """The forms ``rules/_data/cues.yml`` lists for the reporting verb ``lemma`` (none for
    a lemma it does not list)."""
    return tuple(_reporting_forms().get(lemma, ()))


@lru_cache(maxsize=1)
def _reporting_forms() -> dict[str, list[str]]:
    """The cue file's reporting verbs, each lemma with its forms (read once)."""
    return _lemma_forms(_load(), "verbs")


@lru_cache(maxsize=1)
def reporting_lemmas() -> frozenset[str]:
    """The lemmas of the reporting verbs (``verbs``), as a set."""
    return frozenset(cue_words()["verbs"])


@lru_cache(maxsize=1)
def saying_lemmas() -> frozenset[str]:
    """The reporting verbs that name nothing (not call, describe, brand: ``labelling``),
    whose words are a clause (``saying the men had fled``)."""
    return reporting_lemmas() - frozenset(cue_words()["labelling"])


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = _load()
    verbs = trie_pattern(_verb_forms(data))
    phrases = trie_pattern(_strings(data, "phrases"))
    nouns = trie_pattern(_strings(data, "nouns"))
    titles = trie_pattern(_strings(data, "titles"))
    reporting = rf"\b(?:(?P<phrase>(?i:{phrases}))|(?P<noun>(?i:{nouns}))|(?P<verb>{verbs}))\b"
    word = r"[A-Z][a-z][\w'’-]*"
    names = rf"\b(?:{titles})\.?\s+[A-Z][\w'’-]+|\b(?!(?:{_NAME_STOPWORDS})\b){word}(?:\s+{word})+"
    return _Patterns(
        reporting=_compile(reporting),
        sources=_compile(rf"\b(?i:{trie_pattern(_strings(data, 'sources'))})\b"),
        names=_compile(names),
        exceptions=_compile(rf"(?i:{trie_pattern(_strings(data, 'exceptions'))})\b"),
        verbs=verbs,
    )


def _compile(pattern: str) -> re.Pattern[str]:
    return compile_pattern(accelerated(pattern))


def verb_pattern() -> str:
    """Regex source matching any reporting verb form (no anchors, no groups)."""
    return _patterns().verbs


def _is_noun_use(text: str, start: int) -> bool:
    """True when the verb form at ``start`` follows a determiner or a preposition, or
    starts an exception ("called for")."""
    patterns = _patterns()
    if patterns.exceptions.match(text, start):
        return True
    previous = _PREVIOUS_WORD.search(text, max(0, start - 16), start)
    return previous is not None and previous.group(1).lower() in _NOT_REPORTING_AFTER


@lru_cache(maxsize=1)
def reporting_scanner() -> Scanner | None:
    """A prefix scanner for the reporting cues: the engine's one pass over a document finds
    where a cue can start (a claims rule reads cues), so no sentence is scanned again."""
    pattern = _patterns().reporting
    return scanner_for(pattern, prefixes(pattern.pattern, pattern.flags))


def reporting_cues(text: str, start: int = 0, end: int | None = None,
                   starts: Sequence[int] | None = None) -> Iterator[Cue]:
    """Reporting verbs, phrases and nouns in ``text[start:end]``, in order. ``starts``: where
    the :func:`reporting_scanner`'s prefixes occur in the document, sorted, when a pass
    found them (the same cues, found faster)."""
    stop = len(text) if end is None else end
    scanner = reporting_scanner()
    found = (_patterns().reporting.finditer(text, start, stop) if starts is None or scanner is None
             else scanner.finditer_within(text, starts, start, stop))
    for m in found:
        kind = m.lastgroup or "verb"
        if kind == "verb" and _is_noun_use(text, m.start()):
            continue
        yield Cue(m.start(), m.end(), kind)


def source_cues(text: str, start: int = 0, end: int | None = None) -> Iterator[Cue]:
    """Source nouns and named people in ``text[start:end]`` (not sorted across the two kinds)."""
    stop = len(text) if end is None else end
    patterns = _patterns()
    for m in patterns.sources.finditer(text, start, stop):
        if not patterns.exceptions.match(text, m.start()):
            yield Cue(m.start(), m.end(), "source")
    for m in patterns.names.finditer(text, start, stop):
        yield Cue(m.start(), m.end(), "name")
