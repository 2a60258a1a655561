"""Noun chunks of one tagged sentence, from the Penn tags alone, and the shapes of both
kinds of phrase.

Base noun chunks (``the terrorist cells``, ``nine militants``, ``the group's fighters``)
with what the label rules need to know of them (definite, counted, named); the verb
groups (``had fled``, ``are feared``, ``will not break``: :class:`Group`, with tense,
aspect and voice) are found by :mod:`.verb_groups`. :mod:`.syntax` relates them to each
other.
"""

from collections.abc import Sequence
from typing import NamedTuple

from linter.analysis.tagging import Token
from linter.analysis.tagging.tagger import FINITE

NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD", "EX"})
MODIFIERS = frozenset({"DT", "PDT", "PRP$", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS",
                        "HYPH", "VBN", "VBG", "RBS"})  # (RBS: "the most heinous crime")
DEFINITE = frozenset({"the", "this", "that", "these", "those", "both", "each", "every"})
QUANTITY = frozenset({"several", "dozens", "hundreds", "thousands", "scores", "many", "some", "few"})


class Chunk(NamedTuple):
    """A base noun phrase, tokens ``first`` to ``last`` (the head), inclusive."""

    first: int
    last: int
    definite: bool  # the/this/those..., or a possessive before the head
    counted: bool  # a number or a count word in it, or "two of" before it
    proper: bool  # a proper noun or a capitalised modifier before the head


class Group(NamedTuple):
    """A verb group, tokens ``first`` to ``last`` (the main verb), inclusive."""

    first: int
    last: int
    finite: bool
    tense: str  # "past", "present", "modal" or "" (non-finite)
    perfect: bool
    progressive: bool
    passive: bool
    lemma: str  # the main verb's

    @property
    def episodic(self) -> bool:
        """Tells of a particular event: past, perfect or progressive (not a habit, a rule or
        a possibility, as the simple present and modals usually do)."""
        return self.finite and (self.tense == "past" or self.perfect or self.progressive)


def chunks(tokens: Sequence[Token], in_group: list[int]) -> list[Chunk]:
    chunks = []
    i, n = 0, len(tokens)
    heading = headline(tokens)
    while i < n:
        if in_group[i] >= 0 or not _can_start(tokens, i, in_group):
            i += 1
            continue
        j = i
        head = -1
        while j < n and in_group[j] < 0 and (tokens[j].tag in MODIFIERS or tokens[j].tag in NOUNS or (
                tokens[j].tag == "CC" and head < 0 and j > i and tokens[j - 1].tag == "JJ"
                and j + 1 < n and tokens[j + 1].tag == "JJ")):  # "current and former officials"
            if head >= 0 and (_starts_another(tokens, j) or _named_as(tokens, i, j)
                              or _namer_after(tokens, j, in_group)):
                break  # "said on Friday | the gunmen had fled", "on Friday | he had"
            if head < 0 and j > i and tokens[j].tag == "DT" and tokens[j - 1].tag in ("JJ", "JJR", "JJS"):
                break  # "are confident | the men will be caught": an article opens its own phrase
            if tokens[j].tag in NOUNS:
                head = j
                if tokens[j].tag in ("PRP", "EX"):
                    j += 1
                    break
            j += 1
        if head < 0:
            i = j if j > i else i + 1
            continue
        chunks.append(_chunk(tokens, i, head, heading))
        i = head + 1
    return chunks


def _starts_another(tokens: Sequence[Token], j: int) -> bool:
    """Token ``j``, after a noun, opens a noun phrase of its own: a pronoun, a determiner
    (``on Friday the gunmen``), a number after a plural (``according to the organisers 500
    people``; not ``Flight 17``), a word after a time adverbial (``On Tuesday gunmen``; not
    ``Tuesday's raid``), a time adverbial after a noun (``the port | late last week``), or
    the subject of a relative clause with no pronoun after a claim (``charges Voss denies``)."""
    before = tokens[j - 1].tag
    return tokens[j].tag == "PRP" or (tokens[j].tag in _DETERMINERS and before in NOUNS) or (
        tokens[j].tag == "CD" and before in ("NNS", "NNPS")) or _after_time(tokens, j) or (
        before in NOUNS and _time_at(tokens, j)) or (
        tokens[j - 1].lower in _CLAIMS and tokens[j].tag in ("JJ", "NNP", "NNPS"))


def _time_at(tokens: Sequence[Token], j: int) -> bool:
    """A time adverbial starts at token ``j``: ``last year``, ``next week``, ``early
    Tuesday``, ``late last month``, a day told by itself (``yesterday``)."""
    if tokens[j].lower in _DAYS_OF_THEIR_OWN:
        return True
    k = j + (tokens[j].lower in ("early", "late"))
    if k < len(tokens) and tokens[k].lower in ("last", "next"):
        k += 1
    return j < k < len(tokens) and tokens[k].lower in TIMES


# Times that need no "last" or "on": "called the men terrorists | yesterday".
_DAYS_OF_THEIR_OWN = frozenset({"yesterday", "today", "tonight"})


def _named_as(tokens: Sequence[Token], first: int, j: int) -> bool:
    """Token ``j`` is the name a naming verb gives its object (or the place after its
    object: ``called the men on the bridge | terrorists``), right after a plural noun
    (``called the men | terrorists``, ``branded the police officers | thugs``): two
    noun phrases, not a compound; after a singular noun, only a plural that ends the phrase
    right after an article and that noun (``called the group | terrorists``, ``branded the
    union | thugs``; not ``called the police officers | heroes`` at ``officers``)."""
    if tokens[j].tag not in ("NN", "NNS") or not _after_naming(tokens, first):
        return False
    if tokens[j - 1].tag == "NNS":
        return True
    return (tokens[j - 1].tag == "NN" and tokens[j].tag == "NNS" and j - 2 == first
            and tokens[first].tag == "DT" and (j + 1 == len(tokens) or tokens[j + 1].tag not in NOUNS))


# What the object of a naming verb is made of before a phrase on where its people are:
# "called [the men] on the quay terrorists", "branded [his two rivals] in the party traitors".
_OBJECT_TAGS = frozenset({"DT", "PDT", "JJ", "CD", "PRP$", "POS", "NN", "NNS", "NNP", "NNPS", "PRP"})
_WHERE = frozenset({"on", "in", "at", "near", "outside", "inside", "from", "aboard"})


def _after_naming(tokens: Sequence[Token], first: int) -> bool:
    """The phrase at ``first`` follows a naming verb (``called | the men terrorists``), or a
    place after the verb's object (``called the men on | the quay terrorists``): what
    comes next in it may be the name the verb gives."""
    k = first - 1
    if k > 0 and tokens[k].lower in _WHERE:
        k -= 1
        while k > 0 and tokens[k].tag in _OBJECT_TAGS and first - k <= 7:
            k -= 1
        if k == first - 2:  # no object before the place
            return False
    return k >= 0 and tokens[k].is_verb and tokens[k].lemma in NAMING


def _namer_after(tokens: Sequence[Token], j: int, in_group: list[int]) -> bool:
    """Token ``j``, a name after a plural common noun, is the subject of a relative clause
    with no pronoun whose verb names the noun's people (``The men | Voss called terrorists
    fled``): a naming verb follows the name, and the sentence's own verb comes later with
    no comma or conjunction between (not an apposition: ``union leaders Ada Voss and Ida
    Kell called the strike a mistake``)."""
    if tokens[j].tag not in ("NNP", "NNPS") or tokens[j - 1].tag != "NNS" or not tokens[j - 1].text.islower():
        return False
    k = j
    while k < len(tokens) and tokens[k].tag in ("NNP", "NNPS"):
        k += 1
    if k >= len(tokens) or in_group[k] < 0 or tokens[k].lemma not in NAMING:
        return False
    for m in range(k + 1, len(tokens)):
        if tokens[m].tag in ("CC", ",", ":", ".") or tokens[m].lower in ("that", "who", "which"):
            return False
        if in_group[m] >= 0 and in_group[m] != in_group[k] and tokens[m].tag in FINITE:
            return True
    return False


# Nouns for what someone asserts, which a relative clause with no pronoun follows: "..., a
# charge Moscow denies", "an allegation local officials reject".
_CLAIMS = frozenset({"claim", "claims", "charge", "charges", "accusation", "accusations", "allegation",
                     "allegations", "assertion", "assertions", "suggestion", "suggestions"})


# Verbs that give their object a name or a label: "branded Voss a terrorist".
NAMING = frozenset({"call", "brand", "label", "dub", "name", "designate", "declare", "deem", "term",
                    "nickname", "proclaim", "pronounce"})
# Verbs of designation, whose authority a jurisdiction names as well as "by" does ("is
# designated a terrorist organisation in Orsk", "is banned in Orsk as ..."): lemmas, and
# their participles as they stand before or after a noun ("a banned terrorist group in
# Orsk", "a terrorist group banned in Orsk").
DESIGNATIONS = frozenset({"ban", "blacklist", "designate", "list", "outlaw", "proscribe", "recognise",
                          "recognize"})
DESIGNATED = frozenset({"banned", "blacklisted", "designated", "listed", "outlawed", "proscribed",
                        "recognised", "recognized"})
# Verbs whose object's role follows "as" ("listed the Front as a terrorist group", "described
# Voss as ..."): that "as" opens no clause, even before a verb ("... as a terrorist group angered").
AS_ROLES = NAMING | DESIGNATIONS | {"describe", "characterise", "characterize", "classify", "portray",
                                    "depict", "regard", "view", "identify", "dismiss", "denounce", "condemn"}
# The prepositions that name who labels or designates after the label: "by the US", and
# for a designation a jurisdiction, "in the EU", "under Orsk law" (label_reach, syntax).
AUTHORITY = frozenset({"by", "in", "under"})
# Nouns that end a time adverbial: "on Tuesday", "last week", "in March".
TIMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "week",
    "month", "year", "night", "morning", "afternoon", "evening", "today", "yesterday", "tonight",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "spring", "summer", "autumn", "winter", "decade",
})
# Words before such a noun that make it a time adverbial.
_TIME_OPENERS = frozenset({"on", "in", "last", "next", "this", "early", "late", "since", "until", "by"})


def _after_time(tokens: Sequence[Token], j: int) -> bool:
    """Token ``j`` follows a time adverbial: a day, month or time word after ``on``,
    ``in``, ``last``, ``next``, ``this`` ... (``On Tuesday night | gunmen``)."""
    time = tokens[j - 1]
    if time.lower not in TIMES or tokens[j].lower in TIMES or tokens[j].tag == "POS":
        return False
    k = j - 2
    while k >= 0 and tokens[k].lower in TIMES:
        k -= 1  # "on Tuesday night"
    if k >= 0 and tokens[k].lower in ("early", "late") and k > 0 and tokens[k - 1].lower in ("on", "in"):
        k -= 1  # "on late Tuesday"
    return k >= 0 and tokens[k].lower in _TIME_OPENERS and tokens[k].tag in ("IN", "JJ", "DT", "RB")


_DETERMINERS = frozenset({"DT", "PDT", "PRP$"})


def _can_start(tokens: Sequence[Token], i: int, in_group: list[int]) -> bool:
    tag = tokens[i].tag
    if tag in ("VBN", "VBG"):  # "convicted terrorists", but not "arrested nine"
        return i + 1 < len(tokens) and tokens[i + 1].tag in ("NN", "NNS", "JJ")
    return tag in MODIFIERS or tag in NOUNS


def _chunk(tokens: Sequence[Token], first: int, head: int, headline: bool) -> Chunk:
    words = tokens[first:head + 1]
    definite = any(t.lower in DEFINITE and t.tag in ("DT", "PDT") for t in words) or any(
        t.tag in ("PRP$", "POS", "WP$") for t in words)
    counted = any(t.tag == "CD" or t.lower in QUANTITY for t in words[:-1])
    # The sentence's first word is capitalised anyway, and a headline capitalises every word.
    proper = not headline and any(
        k + first > 0 and (t.tag in ("NNP", "NNPS") or (t.tag == "JJ" and t.text[:1].isupper()))
        for k, t in enumerate(words[:-1]))
    return Chunk(first, head, definite, counted, proper)


def headline(tokens: Sequence[Token]) -> bool:
    """Title case or capitals: capitalisation says nothing about names here."""
    words = [t.text for t in tokens[1:] if len(t.text) >= 3 and t.text[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 100 >= len(words) * 85


def partitive(tokens: Sequence[Token], chunk: Chunk) -> bool:
    """``two of the militants``, ``some of them``: counted by the words before it."""
    i = chunk.first - 1
    return i >= 1 and tokens[i].lower == "of" and (
        tokens[i - 1].tag == "CD" or tokens[i - 1].lower in QUANTITY)
