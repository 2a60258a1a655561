"""Where a word stands, as the tagger's slips are judged (:mod:`.repairs`): a clause's
subject "there", a bare infinitive, a share of people, a present tense's slot, a plural
before a verb, a relative clause's subject with no pronoun, a past tense that no verb
has, the second noun of a compound after a plural ("the customs post"), and a participle
that is its verb's base form ("become") with no "have" or "be" before it."""

from linter.analysis.tagging.clause_pasts import HAVE_BE, NOUN_TAGS, SAME_PAST
from linter.analysis.tagging.main_verb import NOUN_PHRASE, has_finite
from linter.analysis.tagging.tagger import FINITE, Tagger


def expletive(words: list[str], tags: list[str], i: int) -> bool:
    """"there" at ``i``, then adverbs and a form of be or have or a modal, opens a clause:
    after a verb, a subordinator or nothing (``said there certainly was``, ``that there
    probably were``; not ``the people there really were``)."""
    k = i + 1
    while k < len(words) and tags[k] == "RB":
        k += 1
    return (i + 1 < k < len(words) and (words[k].lower() in HAVE_BE or tags[k] == "MD")
            and (i == 0 or tags[i - 1].startswith("VB") or words[i - 1].lower() in _OPEN_CLAUSE))


def _verb_before(tags: list[str], i: int) -> int:
    """The index of the last verb or modal before token ``i``, or -1."""
    return next((k for k in range(i - 1, -1, -1) if tags[k].startswith("VB") or tags[k] == "MD"), -1)


def bare_infinitive(words: list[str], tags: list[str], i: int, tagger: Tagger) -> bool:
    """The noun (or adjective) at ``i`` is a word the lemma lists know only as a verb,
    standing where an infinitive does: after ``to``, after a form of ``help`` (``helped
    prevent/NN thefts``, ``helped prevent/JJ thefts``), or after "and"/"or" when the last
    verb before is one (``... and deter/NN poachers``)."""
    low = words[i].lower()
    if not tagger.known_verb(low) or tagger.known(low, "N") or tagger.known(low, "J"):
        return False
    before = tags[i - 1]
    if before == "TO" or (before.startswith("VB") and tagger.lemma(words[i - 1], before).lower() == "help"):
        return True
    if words[i - 1].lower() not in ("and", "or"):
        return False
    verb = _verb_before(tags, i - 1)
    return verb >= 0 and tags[verb] == "VB"


def fraction(words: list[str], tags: list[str], i: int) -> str:
    """The tag of word ``i``, a share of people that a finite verb follows made a noun:
    ``Nearly half/RB said``, ``About a third/JJ say``."""
    low = words[i].lower()
    if low not in _FRACTIONS or tags[i].startswith("NN") or i + 1 >= len(words):
        return tags[i]
    if i > 0 and tags[i - 1] not in ("DT", "RB", "IN", "CC", ","):
        return tags[i]
    if tags[i + 1] in FINITE or words[i + 1].lower() in ("say", "says", "said"):
        return "NNS" if low.endswith("s") else "NN"
    return tags[i]


def finite_slot(words: list[str], tags: list[str], i: int) -> bool:
    """A plain verb at ``i`` stands where a present tense would, not an infinitive: after
    a subject, a comma or ``and`` (adverbs between), and before what it reports. Not after
    ``to``, a modal, another verb or ``let``."""
    j = i - 1
    while j > 0 and tags[j] in ("RB", "RBR"):
        j -= 1
    before = tags[j]
    if before in ("TO", "MD") or before.startswith("VB") or words[j].lower() in ("let", "lets"):
        return False
    if before == "CC":  # "returned and say ...", not "does he get tired and say ..."
        verb = _verb_before(tags, j)
        if verb >= 0 and tags[verb] == "VB":
            return False
    elif before in _SUBJECT_TAGS:  # "Farmers say ...", not "Can he say ...", "Did the men say ..."
        while j >= 0 and tags[j] in _SUBJECT_TAGS:
            j -= 1
        if j >= 0 and (tags[j] == "MD" or words[j].lower() in ("do", "does", "did", "let")):
            return False
        if j > 0 and tags[j] == "TO" and words[j - 1].lower() not in _NEAR:  # not "people close to Voss"
            return False
    elif before != ",":
        return False
    if i == len(words) - 2 and tags[i + 1] == ".":  # "..., people close to Voss say/VB."
        return "," in words[:j + 1]
    return tags[i + 1] in _REPORT_STARTS or words[i + 1].lower() == "that"


# Shares of a group, which a poll's findings take for their subject.
_FRACTIONS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth",
                        "majority", "minority"})
# Adjectives whose "to" is a preposition: "people close to the mayor".
_NEAR = frozenset({"close", "closer", "near", "loyal", "next"})
# What a subject before a present tense is made of.
_SUBJECT_TAGS = frozenset({"NNS", "NNPS", "NNP", "NN", "PRP", "CD", "DT", "JJ", "POS", "PRP$"})


# What can open the clause a reporting verb reports: "say the/DT ...", "say he/PRP ...".
_REPORT_STARTS = frozenset({"DT", "PRP", "PRP$", "NNP", "NNPS", "NNS", "NN", "CD", "JJ", "EX", "VBG"})
# Subordinators after which "there" opens a clause: "said that there probably were".
_OPEN_CLAUSE = frozenset({"that", "whether", "if", "because"})


def after_plural(tags: list[str], i: int) -> bool:
    """A plural noun before ``i``, directly or before a short prepositional phrase."""
    for j in range(i - 1, max(-1, i - 5), -1):
        if tags[j] in ("NNS", "NNPS"):
            return True
        if tags[j] not in ("IN", "DT", "NN", "JJ"):
            return False
    return False


def after_name_after_plural(words: list[str], tags: list[str], i: int) -> bool:
    """Word ``i`` follows a name that follows a plural common noun (``the men Ada Voss
    | called``): the subject of a relative clause with no pronoun."""
    k = i - 1
    while k > 0 and tags[k] in ("NNP", "NNPS"):
        k -= 1
    return k < i - 1 and tags[k] == "NNS" and words[k].islower()


# Verbs whose past tense is their base form, and the pasts of other verbs that are a base
# too ("They lay in wait"; "found" and "saw" the lemma table knows).
_PAST_AS_BASE = SAME_PAST | {"read", "bid", "bet", "fit", "rid", "thrust", "slit", "spit", "wed", "knit",
                             "wet", "sweat", "forecast", "input", "output", "outbid", "reset", "recast",
                             "offset", "undercut", "sublet", "lay", "ground", "wound"}
# What opens a verb's object: after one of these, a word the tagger read as a past is a verb.
_OBJECT_OPENERS = frozenset({"DT", "PRP", "PRP$", "CD", "NNP", "NNPS"})
# What a noun's phrase has before it.
_BEFORE_NOUN = frozenset({"DT", "PRP$", "JJ", "NNP", "NNPS", "NN", "POS", "CD"})


def no_past(word: str, tagger: Tagger) -> bool:
    """``word`` is a verb's base form and no verb's past tense (``feed``, ``lead``,
    ``build``; not ``cut``, ``lay``, ``found``): the tagger's VBD on it is a slip."""
    low = word.lower()
    return tagger.known_verb(low) and low not in _PAST_AS_BASE and not tagger.irregular(low)


def base_tag(words: list[str], tags: list[str], i: int, tagger: Tagger) -> str:
    """The tag of a base form read as a past: a noun inside a noun phrase that does not
    go on to an object (``his Twitter feed/VBD that``, ``Chelsea's Premiership lead/VBD
    to nine points``), otherwise a present (``Labour lead/VBD the Tories``, ``users
    build/VBD lists``)."""
    if (i > 0 and tags[i - 1] in _BEFORE_NOUN and tagger.known(words[i].lower(), "N")
            and (i + 1 == len(words) or tags[i + 1] not in _OBJECT_OPENERS)):
        return "NN"
    return "VBP"


_CLAUSE_STOPS = frozenset({",", ":", ".", "CC", "WDT", "WP"})


def reduced_passive(words: list[str], tags: list[str], i: int) -> bool:
    """The past at ``i`` opens an aside after a noun, set off by a comma, with its doer
    after "by" before the aside ends, in a sentence whose own verb comes before it: a
    participle (``The men belong to the Front, considered/VBD a terrorist group by Orsk``,
    ``..., led/VBD by Voss``)."""
    if i < 2 or words[i - 1] != "," or tags[i - 2] not in NOUN_TAGS:
        return False
    if not has_finite(tags[:i - 1]):
        return False  # the sentence's own verb: "The Front, backed by Orsk, ..." has none yet
    for k in range(i + 1, len(tags)):
        if tags[k] in _CLAUSE_STOPS or tags[k] in FINITE:
            return False
        if words[k].lower() == "by":
            return k + 1 < len(tags) and tags[k + 1] in ("DT", "NNP", "NNPS", "PRP$", "NNS", "CD")
    return False


# Plural nouns that modify the noun after them far more often than they are a verb's
# subject: "the customs post", "an arms cache", "the drugs haul", "a munitions dump" ...
_PLURAL_MODIFIERS = frozenset({"customs", "arms", "weapons", "drugs", "munitions", "explosives",
                               "narcotics", "firearms", "sports", "savings", "sales", "goods"})
# ... after what opens a noun phrase ("the", "its", "Orsk's", "a new"; also "the Tarn
# customs post") ...
_OPENS_NOUN = frozenset({"DT", "PRP$", "POS", "JJ"})
# ... when the word after the second is no object of it: a preposition, punctuation, a verb.
_AFTER_A_NOUN = frozenset({"IN", "TO", ".", ",", ":", "''", "VBD", "VBN", "VBZ", "MD", "CC"})


def after_plural_modifier(words: list[str], tags: list[str], i: int) -> bool:
    """The word at ``i`` is the head of a compound whose first noun is a plural modifier:
    ``the customs post``, ``an arms cache near ...``, ``the Tarn customs post fired ...``
    (not ``The drugs work well``, whose verb takes what follows)."""
    if i < 2 or words[i - 1].lower() not in _PLURAL_MODIFIERS or tags[i - 1] != "NNS":
        return False
    opened = tags[i - 2] in _OPENS_NOUN or (
        i > 2 and tags[i - 2] in ("NN", "NNP") and tags[i - 3] in _OPENS_NOUN)
    return opened and (i + 1 == len(words) or tags[i + 1] in _AFTER_A_NOUN)


# Verbs whose participle is their base form.
_BASE_PARTICIPLES = frozenset({"become", "come", "overcome", "run"})
_DO = frozenset({"do", "does", "did"})
_PLURAL_PRONOUNS = frozenset({"they", "we", "you", "i"})


def base_participle(words: list[str], tags: list[str], i: int) -> str | None:
    """The tag for a participle at ``i`` that is its verb's base form, with no "have" or
    "be" before it: the base form after "do", a modal or "to", also past the subject of a
    question (``How do young men become/VBN terrorists?``); a present after a plural
    subject (``Young men often become/VBN ...``); None to leave it (``has become``,
    ``is run by``, ``the ferry, run by ...``)."""
    if tags[i] != "VBN" or words[i].lower() not in _BASE_PARTICIPLES:
        return None
    k = i - 1
    while k >= 0 and tags[k] == "RB":
        k -= 1
    if k < 0 or words[k].lower() in HAVE_BE or words[k].lower() in ("been", "being", "having"):
        return None
    j = k
    while j >= 0 and (tags[j] in NOUN_PHRASE or tags[j] == "PRP"):
        j -= 1
    if tags[k] in ("TO", "MD") or words[k].lower() in _DO or (
            j >= 0 and j < k and (words[j].lower() in _DO or tags[j] == "MD")):
        return "VB"
    if tags[k] in ("NNS", "NNPS") or words[k].lower() in _PLURAL_PRONOUNS:
        return "VBP"
    return None


def once_adverb(words: list[str], tags: list[str], i: int) -> bool:
    """"once" read as a subordinator where no clause follows it: what someone once was, up
    to the comma that ends the aside (``Vann, once/IN a terrorist, now runs ...``, ``Once/IN
    a docker, Voss ...``; not ``once the port reopened, ...``)."""
    if words[i].lower() != "once" or tags[i] != "IN" or (i and words[i - 1] != ","):
        return False
    k = i + 1
    while k < len(tags) and tags[k] not in (",", ".", ":"):
        if tags[k].startswith("VB") or tags[k] == "MD":
            return False
        k += 1
    return k < len(tags) and tags[k] == "," and k > i + 1
