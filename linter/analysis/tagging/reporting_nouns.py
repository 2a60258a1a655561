"""Reporting nouns the model read as verbs, and the verb "claims" read as a noun.

"Claims" and "reports" are nouns as often as verbs ("states" far more often), and before a
clause with no "that" the model takes them for verbs: ``amid reports/VBZ the ferry had
sunk``, ``denied union claims/VBZ the cranes were unsafe``, ``Claims/VBZ the mayor resigned
were false``, ``Voss visited border states/VBZ after ...``.
Read as verbs they give what follows a source ("amid", "union") and make a rule that
reports the verb (Bias.ReportingVerbs) cry wolf. :func:`mend_reporting_nouns` makes them
nouns where no finite verb can stand: at the start of a sentence, after a determiner, a
possessive or an adjective (or a participle or an adverb in its place: "the debunked
claim", "its earlier claim"), after a preposition or a verb, after a noun or a name that
a preposition or a verb governs ("amid opposition claims", "rejected union claims"), right
after the "that" of a verb of saying ("added that claims the ferry sank were untrue"), and
ending a sentence as the last word of a verb's object ("Voss stakes early Rovers claim"),
and heading the noun phrase that opens a sentence, a finite verb right after it ("The solid
orders report has opened the way ..."). The
other way round, "claims" read as a noun between a noun and an infinitive of "have" or
"be" is a verb: ``The company claims/NNS to have ...`` (not ``its claims to be ...``).
And a noun in -ing of what someone found, ruled or warned, read as a gerund after a
possessive and before "that", is the noun: ``The court's ruling/VBG that ...``. Last,
"states" read as a verb where only a plural stands is the noun: after a number or a plural
determiner and the words that modify it (``the two border states/VBZ with ...``, ``Both
gulf states/VBZ where ...``), or before a word that follows a plural noun and never the verb
(``member states/VBZ like Orsk``); the verb has one document or person for its subject
(``The indictment states in ... that``, ``Article 9 states that``).
"""

from collections.abc import Callable

from linter.analysis.tagging.tagger import FINITE

_NOUNS = frozenset({"claim", "claims", "report", "reports", "states"})
# Nouns in -ing whose that-clause is their owner's words, as a claim's is.
_ING_NOUNS = frozenset({"ruling", "finding", "warning", "reasoning", "thinking", "understanding"})
# Determiners that open a noun phrase and are never its subject alone ("the claims"; not
# "all claim", "some claim", "that claims", which may be a relative pronoun).
_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "this", "such", "any", "no", "every",
                          "each", "another", "its", "their", "his", "her", "our", "your", "my"})
# Prepositions that open a noun phrase, never a clause ("amid reports the ferry sank") ...
_PREPOSITIONS = frozenset({"about", "against", "amid", "amidst", "at", "behind", "by", "concerning",
                           "despite", "following", "from", "in", "into", "of", "on", "over",
                           "regarding", "with", "without"})
# ... and those of them that, before a noun or a name, seldom end a subject's description:
# "amid opposition claims the ..." (not "Residents in Tarn claim the ..."); and "to", before
# a verb or a noun ("refused to deny/NN claims the ...", "responded to union claims").
_GOVERNING = frozenset({"about", "amid", "amidst", "concerning", "despite", "following", "over",
                        "regarding", "to"})
# Adjectives that can stand for people as a subject ("Many claim the vote was rigged").
_PEOPLE = frozenset({"many", "few", "several", "most", "others", "both", "all", "some"})
# Verbs that reject or dismiss what a noun after them says: after them a name is a modifier
# ("denied Orsk claims the ..."); after any other reporting verb, a subject ("said Orsk
# claims the title").
_REJECTING = frozenset({"deny", "reject", "dismiss", "dispute", "refute", "rebut", "contest", "deride"})
_AUXILIARIES = frozenset({"be", "have", "do"})
# What follows the noun and never the verb: "claims of abuse", "reports from Orsk".
_AFTER_NOUN = frozenset({"about", "against", "by", "for", "from", "of", "over"})
_PARTICLES = frozenset({"down", "aside", "off", "away", "back"})
# What an object before a headline's final noun is made of ("early Rovers", "Orsk's").
_OBJECT = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$", "HYPH"})
_HAVE = frozenset({"has", "have", "had", "having", "'s", "’s", "'ve", "’ve"})
# What modifies the head of a noun phrase that opens a sentence.
_MODIFIERS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD"})
# Determiners of a plural, before "states" and its modifiers ("Both gulf states"), and
# the words after a plural noun that never follow the verb "states" ("states like Orsk").
_PLURAL_OPENERS = frozenset({"these", "those", "both", "several", "many", "all", "other", "some", "few",
                             "various", "most"})
_AFTER_PLURAL = frozenset({"like", "where", "which", "whose", "such", "including", "bordering", "with"})


def mend_reporting_nouns(words: list[str], out: list[str], reporting: frozenset[str],
                         lemma: Callable[[str, str], str]) -> None:
    """Mend ``out`` in place: a reporting noun read as a present tense where no finite verb
    can stand is a noun. ``reporting`` holds the reporting verbs' lemmas; ``lemma(word,
    tag)`` gives a word's lemma."""
    for i, word in enumerate(words):
        low = word.lower()
        if low in _NOUNS and out[i] in ("VBZ", "VBP") and _noun_slot(words, out, i, reporting, lemma):
            out[i] = "NNS" if low.endswith("s") else "NN"
        elif (low == "claims" and out[i] == "NNS" and 0 < i < len(words) - 2 and out[i - 1] in ("NN", "NNP")
              and (i < 2 or out[i - 2] != "POS") and words[i + 1].lower() == "to"
              and words[i + 2].lower() in ("have", "be")):
            out[i] = "VBZ"
        elif (low in _ING_NOUNS and out[i] == "VBG" and 0 < i < len(words) - 1
              and out[i - 1] in ("POS", "PRP$") and words[i + 1].lower() == "that"):
            out[i] = "NN"  # "The court's ruling/VBG that ..."
        elif low == "states" and out[i] == "VBZ" and i > 0 and _plural_states(words, out, i):
            out[i] = "NNS"  # "the two border states/VBZ with ...", "member states/VBZ like Orsk"


def _noun_slot(words: list[str], out: list[str], i: int, reporting: frozenset[str],
               lemma: Callable[[str, str], str]) -> bool:
    if i == 0:
        # "Claims the mayor resigned were false" (not "Claim your prize")
        return words[0].lower().endswith("s")
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    if _ends_clause(words, out, i):
        return True  # "Voss stakes early Rovers claim" (not "..., critics claim")
    if _subject_head(words, out, i):
        return True  # "The solid orders report has opened the way" (not "the sum the union claims was")
    if after in _AFTER_NOUN or (after and out[i + 1] in ("VBN", "VBD") and i + 2 < len(words)
                                and words[i + 2].lower() == "by"):
        return True  # "claims of abuse", "claims against the firm", "Voss claim dismissed by court"
    if out[i - 1] in ("''", "``") and i > 1:
        i -= 1  # "false" claims: the word before the quotation mark
    before, tag = words[i - 1].lower(), out[i - 1]
    if (before in _DETERMINERS or tag in ("POS", "PRP$")
            or (tag in ("JJ", "JJR", "JJS") and before not in _PEOPLE)):
        return True  # "the claims", "the union's claim", "false claims"
    if tag in ("VBN", "RBR") and i > 1 and (
            words[i - 2].lower() in _DETERMINERS or out[i - 2] in ("POS", "PRP$")):
        return True  # a participle or an adverb as an adjective: "the debunked claim", "its earlier claim"
    if before in _PREPOSITIONS:
        return True
    if (before == "that" and i > 1 and out[i - 2][:2] == "VB"
            and lemma(words[i - 2], out[i - 2]).lower() in reporting):
        # (a noun now, after which repairs.repair makes "that" the conjunction it is)
        return True  # "added that claims the ferry sank were untrue" (not "a site that claims")
    j = i - 1  # past the nouns, or the name, that modify it: "amid opposition claims", "Tory claims"
    while (j > 0 and i - j <= 2 and words[j].lower() not in _PREPOSITIONS
           and (out[j] == "NN" or (out[j] in ("NNP", "NNPS") and j == i - 1))):
        j -= 1
    at_after_verb = words[j].lower() == "at" and j > 0 and (
        out[j - 1][:2] == "VB" or out[j - 1] in ("RB", "RP", "JJ"))  # "hit back at Labour claims"
    if j < i - 1 and (words[j].lower() in _GOVERNING or at_after_verb):
        return True
    return _governed_by_verb(words, out, j, i - 1 - j, reporting, lemma)


def _subject_head(words: list[str], out: list[str], i: int) -> bool:
    """The word at ``i`` heads the sentence's opening noun phrase and a finite verb follows
    it: "The solid orders report has ...", "Credit reports show ...". A present tense is never
    followed by another finite verb but where its subject ends a relative clause's noun
    phrase ("the sum the union claims was never paid"), which opens no sentence."""
    if i + 1 >= len(words) or not (out[i + 1] in FINITE or words[i + 1].lower() in _HAVE):
        return False
    j = i - 1
    while j >= 0 and out[j] in _MODIFIERS:
        j -= 1
    return j < i - 1 and (j < 0 or (j == 0 and words[0].lower() in _DETERMINERS))


def _ends_clause(words: list[str], out: list[str], i: int) -> bool:
    """The word at ``i`` ends its sentence as the last word of the object of a finite verb:
    a headline's "Voss stakes early Rovers claim", "Harbour rejects Orsk's claim". As a
    verb it ends a sentence only inverted ("..., critics claim") or after its object ("the
    sum the union claims", "safer than Voss claims"), never right after a bare noun phrase."""
    if any(tag not in (".", "''") for tag in out[i + 1:]):
        return False
    j = i - 1
    while j >= 0 and out[j] in _OBJECT:
        j -= 1
    if j < 0 or j == i - 1 or out[j] not in ("VBZ", "VBP", "VBD"):
        return False
    return all(out[k] != "DT" or k == j + 1 for k in range(j + 1, i))


def _governed_by_verb(words: list[str], out: list[str], j: int, modifiers: int,
                      reporting: frozenset[str], lemma: Callable[[str, str], str]) -> bool:
    """The word at ``j`` is a verb whose object the noun heads (``denied claims``, ``played
    down claims``, ``rejected union claims``): a finite verb cannot follow it with no
    subject between. ``modifiers``: how many nouns or names stand between."""
    if words[j].lower() in _PARTICLES and j > 0:
        j -= 1  # "played down claims"
    tag = out[j]
    if tag not in ("VB", "VBD", "VBG", "VBZ", "VBP", "VBN"):
        return False
    base = lemma(words[j], tag).lower()
    if tag == "VBN" and base not in _REJECTING and not (j > 0 and words[j - 1].lower() in _HAVE) and not (
            j > 1 and out[j - 1] == "RB" and words[j - 2].lower() in _HAVE):
        # a participle ("families affected claim"), not a perfect ("has denied claims") nor
        # a verb of rejecting the tagger read as one ("The firm rejected/VBN claims")
        return False
    if base in _AUXILIARIES:
        return False
    # after a noun or a name, a verb that reports may have a clause with its own subject
    return not modifiers or base not in reporting or base in _REJECTING


def _plural_states(words: list[str], out: list[str], i: int) -> bool:
    """"states" at ``i`` is a plural noun: a number or a plural determiner opens its phrase
    (past the nouns and adjectives that modify it; not a number after a capital, as in
    "Article 9 states"), or a word that follows only a plural noun comes after it."""
    if i + 1 < len(words) and words[i + 1].lower() in _AFTER_PLURAL:
        return True
    j = i - 1
    while j > 0 and out[j] in ("NN", "NNP", "JJ"):
        j -= 1
    if out[j] == "CD":
        return j == 0 or not words[j - 1][:1].isupper()
    return words[j].lower() in _PLURAL_OPENERS
