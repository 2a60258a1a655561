"""Repairs to the tagger's slips that the syntax depends on most in news copy.

The CRF model (:mod:`.tagger`) learnt from UD English-EWT and a few hundred news sentences;
:func:`repair` fixes what it still gets wrong where a rule's judgement turns on it: a
reporting verb read as a noun (``Officials state/NN that``), a past tense read as a
present or a participle, a speaker read as an adjective, and the like.
"""

from functools import cache, lru_cache

from linter.analysis.cues import cue_words
from linter.analysis.tagging.clause_pasts import HAVE_BE, NOUN_TAGS, SAME_PAST, mend_pasts, past_time
from linter.analysis.tagging.main_verb import NO_PASSIVE, OBJECT_STARTS, QUOTE_MARKS, main_verb
from linter.analysis.tagging.present_cues import present_cue, reports_s, trailing_subject
from linter.analysis.tagging.repair_context import (
    after_name_after_plural,
    after_plural,
    after_plural_modifier,
    bare_infinitive,
    base_participle,
    base_tag,
    expletive,
    finite_slot,
    fraction,
    no_past,
    once_adverb,
    reduced_passive,
)
from linter.analysis.tagging.reporting_nouns import mend_reporting_nouns
from linter.analysis.tagging.tagger import FINITE, Tagger

# Words whose Penn tag the syntax relies on, whatever the model said.
_FIXED = {"who": "WP", "whom": "WP", "which": "WDT", "whose": "WP$",
          # subordinators, which the model can miss at a sentence's start ("Unless/JJ")
          "if": "IN", "unless": "IN", "whether": "IN", "although": "IN",
          # the political wings, which the model can read as a verb where a sentence opens
          # ("Left-wing/VBG radicals occupied ...")
          "left-wing": "JJ", "right-wing": "JJ", "far-left": "JJ", "far-right": "JJ", "left-leaning": "JJ",
          "right-leaning": "JJ", "centre-left": "JJ", "centre-right": "JJ", "center-left": "JJ",
          "center-right": "JJ"}
# The interjections of the tagger's training data that news copy uses, and the modals:
# any other word it reads as one, capitalised, is a name it has not met.
_CLOSED = {"UH": frozenset({
    "ah", "alright", "amen", "anyway", "anyways", "aye", "bye", "cheers", "farewell", "goodbye", "gosh", "ha",
    "hello", "hey", "hi", "hmm", "hooray", "huh", "like", "no", "nope", "oh", "ok", "okay", "oops", "please",
    "right", "say", "sorry", "sure", "thanks", "uh", "ugh", "well", "welcome", "wow", "yeah", "yep", "yes"}),
    "MD": frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought"})}
# Articles, and the tags that follow the head of their noun phrase, not a modifier.
_ARTICLES = frozenset({"the", "a", "an"})
# The possessive pronouns, the only words PRP$ tags (the model reads "harbour" as "our").
_POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their", "thy", "whose"})
_AFTER_HEAD = FINITE | {"DT", "IN", ".", ",", ":", "CC", "TO", "PRP$"}

# Tags after a word that end its noun phrase when an article opens it: "A tally/RB by ...".
_AFTER_ADVERB_NOUN = FINITE | {"IN", ".", ","}
# Adjectives that name people after "the" and end its noun phrase: "the dead", "the injured".
_THE_PEOPLE = frozenset({"dead", "injured", "wounded", "missing", "displaced", "bereaved"})

# Adjectives that are as often verbs of doing something to someone: after a plural and
# before an object, the verb ("Militants free/JJ 12 hostages", "Crews clear/JJ the road").
_VERB_ADJECTIVES = frozenset({"free", "clear", "secure", "open", "empty"})

# Endings of adjectives, which a word no lemma list knows keeps as an adjective.
_ADJECTIVE_ENDINGS = ("ous", "ful", "ive", "al", "ic", "able", "ible", "less", "ish", "ary", "ed", "ing",
                      "ian", "ese", "ern", "ly")

# Words ending in "less" that are no adjectives.
_NOT_ADJECTIVES = frozenset({"less", "bless", "unless", "nevertheless", "nonetheless", "regardless"})


def _opened_by_article(words: list[str], tags: list[str], i: int, tagger: Tagger) -> bool:
    """An article opens the phrase that token ``i`` ends: right before it (``a tally``), or
    before adjectives or nouns when the word is a known noun or one of evidence (``the
    regional assembly``, ``a coastguard tally``; not ``a little differently``)."""
    k, low = i - 1, words[i].lower()
    while k > 0 and tags[k] in ("JJ", "NN", "NNP"):
        k -= 1
    known = tagger.known(low, "N") or low in _cue_lemmas("evidence")
    return k >= 0 and words[k].lower() in _ARTICLES and (k == i - 1 or known)


def repair(words: list[str], tags: list[str], tagger: Tagger) -> list[str]:
    """Fix the slips the syntax depends on most. The relative pronouns, the
    subordinators of supposition and the political wings ("left-wing") always get their
    Penn tags, a word read as a possessive pronoun that is none is a noun (``the
    harbour/PRP$ master``), and a capitalised word no verb list knows that opens the
    sentence as a verb is a name (``Voss/VB posted ...``). A present-tense verb whose
    form is not its own base form is a past tense (``the terrorists wore/VBP uniforms``:
    "wore" is no present of "wear"; "are" is), and so is the participle of a verb with no
    passive right after a noun (``the gunmen fled/VBN``). A past that is a verb's base form and no
    verb's past is a noun or a present (``his Twitter feed/VBD that``, ``Tarn Rovers
    lead/VBD the league``). A reporting verb read as a noun after a
    plural noun and before the start of what it reports is a verb (``Medics at the
    scene report/NN 12 people injured``), and so is one read as a plural noun where a
    present stands (:mod:`.present_cues`: ``The men, the mayor insists/NNS, ...``, ``A
    spokesman confirms/NNS the men ...``). The forms of say, tell, write, portray
    and depict that are never nouns are verbs (``Ivo Brandt writes/NNS``), and so are
    "struck" (``after the gunmen struck/NN.``), "spoke" (``Ida Kell spoke/NN of ...``) and
    ``say`` after a name or a noun (``Reis and Vell say/NNP Orsk ...``). A reporting verb
    read as an infinitive where a present tense stands is one (``Farmers, like their
    neighbours, say/VB ...``), ``those surveyed`` are people, not a verb, and ``polled``
    is a participle in ``the residents polled/VBD said``. "official" and "chief" ending a noun
    phrase are people, and so is an adjective between a determiner and a reporting verb
    (``The Vatican/JJ says``, ``..., the admiral/JJ said``). "read" after a noun phrase
    that ends the sentence or opens it before a colon is a verb (``..., the letter
    read/NN.``, ``The ministry's statement read/NN: ...``), and so is a verb of seeing read as a plural noun
    after a noun and before ``as`` (``the men the US regards/NNS as ...``), or as a noun
    after a relative clause's subject (``which Orsk and the EU list/NN as``), and so is a
    reporting verb there (``whom police describe/NN as``), and a labelling participle after
    "what" and a noun and before "as" is a past (``in what the army described/VBN as``).
    A past that opens an aside
    after a noun, with its doer after "by", in a sentence whose own verb comes before it
    is a participle (``..., considered/VBD a terrorist group by Orsk``). A word the lemma
    lists know only as a verb is no preposition (``The men belong/IN to the Front``), a
    labelling verb read as a noun after two names and before "as" is their verb (``Orsk and
    the EU list/NN the Front as ...``), and a
    verb read as an adjective between a plural and its object is a verb (``insurgents now
    levy/JJ tolls``, ``Militants free/JJ 12 hostages``; a past as often as a present for
    ``Gunmen set/JJ fire to ...``). A
    word in -less is an adjective (``reckless/VBP``), and so is a participle that opens the
    sentence before a plural and its verb (``Suspected/VBN terrorists were held``).
    "long" before "before", "after", "ago" or "since" is an adverb of time, and an
    adjective an article opens before it a noun (``was a terrorist/JJ long before ...``).
    "both", "all" and "each" between an auxiliary and a participle are adverbs (``have
    both/DT exploited``). An -ing form after
    an article that ends its noun phrase is a noun (``called the shooting/VBG an act of
    terror``), the dead, the injured and the missing there are people (``hailed the
    dead/JJ as martyrs``), a verb's bare form after an article is a noun (``A raid/VBN by
    insurgents``), as is an adverb that ends an article's phrase (``A tally/RB by``), and
    so is an adjective after "a" that a relative pronoun, a mark or a preposition ends
    (``Voss, a radical/JJ who ...``). A noun or an adjective that the
    lemma lists know only as a verb is an infinitive after ``to``, a form of ``help``, or
    "and" after one (``helped prevent/NN thefts and deter/NN ...``). A reporting verb that
    names nothing, read as a participle after a comma and before a name that runs to the
    full stop, is an inverted cue's past (``..., predicted/VBN Ada Frey.``), as is "told"
    read as a participle between a noun and its hearer (``A witness told/VBN local radio
    ...``; so are "quoted" and "cited"), and "told", "forced", "ordered" and the like
    before "to" and a verb are participles (``Residents forced/VBD to flee said ...``),
    and so are the pasts of clauses a reporting verb reports (:mod:`.clause_pasts`). "there" after a
    verb or a subordinator and before adverbs and a form of be is a clause's subject
    (``said there/RB certainly was``). A capitalised word that is no known verb after
    ``to`` in mid-sentence is a name (``the road to Tarn/VB``), and a word known as a noun
    and never as a verb is a noun there (``amounted to genocide/VB``). Reporting nouns read
    as verbs are mended (:mod:`.reporting_nouns`), and then "that" before a plural noun opens
    a clause, for it determines no plural (``Namely, that/DT terrorists would ...``,
    ``added that/DT claims the ferry sank ...``). Last, the sentence's own
    verb is found where the model missed it (:func:`linter.analysis.tagging.main_verb.main_verb`)."""
    out = [fraction(words, tags, i) for i in range(len(words))]
    for i, tag in enumerate(out):  # "the Orsk harbour/PRP$ master": a noun
        if tag == "PRP$" and words[i].lower() not in _POSSESSIVES:
            out[i] = "NNP" if words[i][:1].isupper() else "NN"
    if len(words) > 2 and out[0] in ("VB", "VBP") and words[0][:1].isupper() and (
            not tagger.known_verb(words[0].lower())):
        out[0] = "NNP"  # "Voss/VB posted ...": a name no verb list knows opens the sentence
    elif (len(words) > 2 and out[0] == "VBZ" and words[0][:1].isupper()
          and words[0].lower() not in _AUXILIARIES and out[1] in ("NNS", "NNPS") and out[2] in FINITE):
        out[0] = "NNS"  # "Rights/VBZ groups say ...": a plural modifier opens the sentence, not a verb
    for i in range(2, len(words) - 1):  # "was a terrorist/JJ long before ...": a noun, then an adverb
        if words[i].lower() == "long" and words[i + 1].lower() in _LONG_BEFORE and out[i] != "VB":
            out[i] = "RB"
            if out[i - 1] == "JJ" and words[i - 2].lower() in ("a", "an"):
                out[i - 1] = "NN"
    tags = list(out)
    reporting = _reporting_bases()
    for i, word in enumerate(words):
        low = word.lower()
        fixed = _FIXED.get(low)
        if fixed is not None:
            out[i] = fixed
        elif (low.endswith("ing") and tags[i] in ("NN", "NNP", "JJ") and (i == 0 or words[i - 1] == ",")
              and i + 2 < len(words) and words[i + 1].lower() == "that"
              and tagger.lemma(word, "VBG").lower() in reporting):
            out[i] = "VBG"  # "Noting/NN that the depot was shut, ...", "..., noting/NN that ..."
        elif tags[i] in _CLOSED and word[:1].isupper() and low not in _CLOSED[tags[i]]:
            out[i] = "NNP"  # "Tamm/UH, who said ...", "Kell/MD let": a name the tagger has not met
        elif tags[i] == "VBG" and i > 0 and words[i - 1].lower() in _ARTICLES and (
                i + 1 == len(words) or tags[i + 1] in _AFTER_HEAD):
            out[i] = "NN"  # "called the shooting/VBG an act of terror": the noun its article opens
        elif low in _THE_PEOPLE and tags[i] in ("JJ", "VBN") and i > 0 and words[i - 1].lower() == "the" and (
                i + 1 == len(words) or tags[i + 1] in _AFTER_HEAD):
            out[i] = "NNS"  # "hailed the dead/JJ as martyrs", "among the injured/VBN": people
        elif (tags[i] in ("VB", "VBN", "VBD", "VBP") and i > 0 and words[i - 1].lower() in _ARTICLES
              and tagger.lemma(word, tags[i]).lower() == low):
            out[i] = "NN"  # "A raid/VBN by insurgents": a verb's bare form after an article is a noun
        elif tags[i] == "RB" and low != "long" and _opened_by_article(words, tags, i, tagger) and (
                i + 1 < len(words) and tags[i + 1] in _AFTER_ADVERB_NOUN):
            # "A tally/RB by the Courier shows", "the regional assembly/RB have tried": no
            # adverb ends an article's phrase
            out[i] = "NN"
        elif tags[i] == "JJ" and i > 0 and words[i - 1].lower() in ("a", "an") and (
                i + 1 == len(words) or (tags[i + 1] in _ENDS_ADJECTIVE_NOUN and not (
                    tags[i + 1] == "," and i + 2 < len(words) and tags[i + 2] in ("JJ", "RB")))):
            # "Voss, a radical/JJ who ...", "is a radical/JJ in ...": the noun of its article
            # (not "a radical, costly plan")
            out[i] = "NN"
        elif (tags[i] == "JJ" and low in _PERSONS and i + 1 < len(words)
              and (tags[i + 1] in FINITE or words[i + 1].lower() in _ONLY_VERBS
                   or (words[i + 1] == "," and i > 0 and (tags[i - 1].startswith("NN")
                                                          or tags[i - 1] in ("DT", "JJ", "PRP$"))))):
            out[i] = "NN"  # "..., official/JJ says", "A White House official/JJ, who ...", "The official/JJ,"
        elif (tags[i] == "JJ" and i > 0 and tags[i - 1] == "DT" and i + 1 < len(words)
              and tags[i + 1] in ("VBZ", "VBD", "VBP")
              and tagger.lemma(words[i + 1], tags[i + 1]).lower() in reporting):
            # "The Vatican/JJ says", "The Russian/JJ added", "..., the admiral/JJ said": the speaker
            out[i] = "NNP" if word[:1].isupper() else "NN"
        elif (i == 0 and tags[0] == "VBN" and len(words) > 2 and tags[1] in ("NNS", "NNPS")
              and tags[2] in FINITE):
            out[i] = "JJ"  # "Suspected/VBN terrorists were held": a participle that modifies the subject
        elif (low in _TOLD and tags[i] == "VBN" and 0 < i < len(words) - 1 and tags[i - 1] in NOUN_TAGS
              and tags[i + 1] in _TOLD_WHOM):
            # "A witness told/VBN local radio the men ...", "State radio cited/VBN officials as
            # saying ...": the subject's verb
            out[i] = "VBD"
        elif (tags[i] == "VBD" and i + 2 < len(words) and words[i + 1].lower() == "to" and tags[i + 2] == "VB"
              and tagger.lemma(word, "VBD").lower() in _TOLD_TO):
            out[i] = "VBN"  # "The men told/VBD to leave were ...": no one "told to" a thing but told
        elif (tags[i] == "IN" and tagger.known_verb(low) and not tagger.known(low, "N")
              and not tagger.known(low, "J")):
            # "The men belong/IN to the Front": a word known only as a verb is no preposition
            out[i] = "VB" if i > 0 and tags[i - 1] in ("TO", "MD") else "VBP"
        elif low in _ONLY_VERBS and not tags[i].startswith("VB"):
            out[i] = _ONLY_VERBS[low]
        elif (low == "say" and not tags[i].startswith("VB") and 0 < i < len(words) - 1
              and tags[i - 1] in ("NNP", "NNPS", "NNS", "NN", "PRP")):
            out[i] = "VBP"
        elif (low == "close" and 0 < i < len(words) - 1 and words[i + 1].lower() == "to"
              and tags[i - 1] in ("NNS", "NNPS", "NN", "NNP")):
            out[i] = "JJ"  # "people close/VBP to the mayor say": the attribution's "close to"
        elif tags[i] == "VB" and low in reporting and 0 < i < len(words) - 1 and finite_slot(words, tags, i):
            out[i] = "VBP"  # "Farmers, like their neighbours, say/VB ...", "returned and say/VB ..."
        elif (tags[i] == "VBN" and low in _POLLED and 0 < i < len(words) - 1
              and words[i - 1].lower() == "those"
              and (tags[i + 1].startswith("VB") or tags[i + 1] in ("MD", ",", "IN"))):
            out[i] = "NNS"  # "those surveyed say ...": the people asked, not a verb
        elif (tags[i] == "VBD" and low in _POLLED and 0 < i < len(words) - 1
              and tags[i - 1] in ("NNS", "NN") and tags[i + 1] in FINITE):
            out[i] = "VBN"  # "the residents polled/VBD said ...": who was asked, not a verb
        elif (low in ("both", "all", "each") and tags[i] == "DT" and 0 < i < len(words) - 1
              and words[i - 1].lower() in HAVE_BE and tags[i + 1] in ("VBN", "VBG")):
            out[i] = "RB"  # "the rebels and the militants have both/DT exploited ...": one verb
        elif tags[i] == "VBP" and low not in _PRESENT_BE and tagger.lemma(word, "VBP").lower() != low:
            out[i] = "VBD"
        elif tags[i] == "VBD" and reduced_passive(words, out, i):  # (as mended so far)
            out[i] = "VBN"  # "..., considered/VBD a terrorist group by Orsk": an aside's participle
        elif tags[i] == "VBD" and no_past(word, tagger):
            out[i] = base_tag(words, tags, i, tagger)  # "his Twitter feed/VBD that", "users build/VBD"
        elif tags[i] == "VBP" and low in SAME_PAST and past_time(words):
            out[i] = "VBD"  # "Gunmen set/VBP fire to the depot on Monday": a past tense
        elif (tags[i] == "VBN" and i > 0 and (tags[i - 1] in NOUN_TAGS or (  # (a headline's "Gunmen 'fled'")
                tags[i - 1] in QUOTE_MARKS and i > 1 and tags[i - 2] in NOUN_TAGS))
              and tagger.lemma(word, "VBN").lower() in NO_PASSIVE):
            out[i] = "VBD"  # "A gang of gunmen fled/VBN with the payroll, police said": no passive
        elif (tags[i] == "VBN" and i + 1 < len(words) and tags[i + 1] in OBJECT_STARTS
              and after_name_after_plural(words, tags, i)
              and tagger.lemma(word, "VBN").lower() in _cue_lemmas("labelling")):
            out[i] = "VBD"  # "The men Voss called/VBN terrorists fled": a name's verb, no passive
        elif (tags[i] == "VBN" and 1 < i < len(words) - 1 and words[i + 1].lower() == "as"
              and tags[i - 1] in NOUN_TAGS and "what" in (w.lower() for w in words[max(0, i - 5):i - 1])
              and tagger.lemma(word, "VBN").lower() in _cue_lemmas("labelling")):
            out[i] = "VBD"  # "in what the army described/VBN as ...": the free relative's verb
        elif (tags[i] == "NN" and low in _cue_lemmas("labelling") and 2 < i < len(words) - 2
              and tags[i - 1] in ("NNP", "NNPS") and "and" in (w.lower() for w in words[i - 4:i - 1])
              and tags[i + 1] in ("DT", "NNP", "NNPS", "PRP", "PRP$")
              and "as" in (w.lower() for w in words[i + 2:i + 7])):
            out[i] = "VBP"  # "Orsk and the EU list/NN the Front as ...": the pair's verb
        elif (tags[i] == "NN" and low in reporting and 0 < i < len(words) - 1
              and after_plural(tags, i) and tags[i + 1] in ("IN", "DT", "CD", "PRP", "PRP$")
              and (tags[i + 1] != "IN" or words[i + 1].lower() == "that")):
            out[i] = "VBP"
        elif (tags[i] == "NNS" and low.endswith("s") and reports_s(low, reporting)
              and 0 < i < len(words) - 1
              and present_cue(words, tags, i, tagger.known(tagger.lemma(word, "NNS").lower(), "N"))):
            out[i] = "VBZ"  # "Voss argues/NNS that", ", the mayor insists/NNS,", "A spokesman confirms/NNS"
        elif (tags[i] == "NNS" and reports_s(low, reporting) and i == len(words) - 2
              and tags[i + 1] == "." and tags[i - 1] in ("NN", "NNP") and trailing_subject(words, tags, i)):
            out[i] = "VBZ"  # "..., a new survey indicates/NNS."
        elif (tags[i] == "NNS" and 0 < i < len(words) - 1 and words[i + 1].lower() == "as"
              and tags[i - 1] in ("NNP", "NNPS", "NN", "PRP")
              and tagger.lemma(word, "VBZ").lower() in _cue_lemmas("seeing")):
            out[i] = "VBZ"  # "the men the US regards/NNS as ...", "which Tamm views/NNS as ..."
        elif (tags[i] == "NN" and (low in _cue_lemmas("seeing") or low in reporting)
              and 0 < i < len(words) - 1 and words[i + 1].lower() == "as"
              and tags[i - 1] in ("NNP", "NNPS", "NNS", "NN")
              and any(w.lower() in ("which", "whom", "who") for w in words[max(0, i - 8):i])):
            out[i] = "VBP"  # "which Orsk and the EU list/NN as ...", "whom police describe/NN as"
        elif (low in ("read", "reads") and not tags[i].startswith("VB") and 0 < i < len(words) - 1
              and tags[i - 1] in ("NN", "NNS", "NNP")
              and ((i == len(words) - 2 and tags[i + 1] == "." and trailing_subject(words, tags, i))
                   or (words[i + 1] == ":" and all(t in _HEADING_A_COLON for t in tags[:i])))):
            out[i] = "VBD" if low == "read" else "VBZ"  # "..., the letter read/NN.", "The sign read/NN:"
    for i in range(1, len(words) - 1):  # "Amsel aides/VBZ said/VBN", "which even critics/VBZ say": a plural
        if (out[i] == "VBZ" and words[i].lower() not in _AUXILIARIES
                and out[i - 1] in ("NNP", "NNPS", "JJ", ",", "DT", "RB", "WDT", "WP")
                and words[i + 1].lower() in ("said", "told", "say")):
            out[i], out[i + 1] = "NNS", "VBD" if words[i + 1].lower() != "say" else "VBP"
        elif (out[i] == "VBZ" and out[i + 1] in ("VBD", "VBN") and out[i - 1] in ("NNP", "JJ")
              and words[i].lower() not in _AUXILIARIES
              and not tagger.known_verb(tagger.lemma(words[i], "NNS").lower())):
            out[i] = "NNS"  # "Hardline/NNP extremists/VBZ rallied/VBN": a plural no verb knows
    mend_pasts(words, out, reporting, tagger)  # "..., predicted/VBN Ada Frey.", "suspect the men fled/VBN"
    for i in range(1, len(words) - 1):  # "according to/TO police/VB": a preposition and its noun
        if words[i].lower() == "to" and words[i - 1].lower() == "according":
            out[i] = "IN"
            if out[i + 1] == "VB":
                out[i + 1] = "NN"
        elif words[i].lower() == "to" and out[i + 1] == "VB" and words[i + 1].isalpha() and (
                not tagger.known_verb(low := words[i + 1].lower()) and low not in _cue_lemmas("labelling")):
            if words[i + 1][:1].isupper():
                out[i + 1] = "NNP"  # "the road to Tarn/VB": a name, which no infinitive is mid-sentence
            elif tagger.known(low, "N"):
                out[i], out[i + 1] = "IN", "NN"  # "amounted to genocide/VB": a noun no verb list knows
    for i in range(1, len(words) - 1):  # "insurgents now levy/JJ tolls", "rules suggest/JJS": verbs
        j = i - 1 - (out[i - 1] == "RB" and i > 1)
        if out[i] in ("JJ", "JJS") and out[j] in ("NNS", "NNPS") and out[i + 1] in ("NNS", "NN", "DT", "CD"):
            low = words[i].lower()
            if low in SAME_PAST:  # "Gunmen set/JJ fire to the depot": a past as often as a present
                out[i] = "VBD" if past_time(words) else "VBP"
            elif tagger.is_verb(low) or low in _VERB_ADJECTIVES:
                out[i] = "VBP"
        elif out[i] == "JJ" and out[j] in ("NNS", "NNPS") and out[i + 1] in ("NNP", "NNPS") and (
                words[i].lower() in _VERB_ADJECTIVES):
            out[i] = "VBP"  # "Terrorists free/JJ Sarn ferry crew": no adjective before a name
    for i in range(1, len(words) - 1):  # "helped prevent/NN thefts and deter/NN poachers"
        if out[i] in ("NN", "JJ") and out[i + 1] in OBJECT_STARTS and (
                bare_infinitive(words, out, i, tagger)):
            out[i] = "VB"
    for i in range(1, len(words) - 1):  # "called the men on the quay/JJ terrorists": a noun
        word = words[i]
        if (out[i] == "JJ" and words[i - 1].lower() in _ARTICLES and out[i + 1] in ("NN", "NNS")
                and word.isalpha() and word.islower() and not word.endswith(_ADJECTIVE_ENDINGS)
                and not any(tagger.known(word, kind) for kind in ("J", "N", "V"))):
            out[i] = "NN"  # that no list knows, in a noun's slot, has no adjective's ending
    for i, word in enumerate(words):  # "called the plan reckless/VBP"
        if out[i] in ("VB", "VBP", "VBZ", "VBD", "NN") and word.lower().endswith("less") and (
                word.lower() not in _NOT_ADJECTIVES):
            out[i] = "JJ"
    for i in range(len(words)):  # "Vann, once/IN a terrorist, now runs ...": an adverb
        out[i] = "RB" if once_adverb(words, out, i) else out[i]
    for i in range(len(words) - 2):  # "said there certainly/RB was ...": the clause's subject
        if words[i].lower() == "there" and out[i] == "RB" and expletive(words, out, i):
            out[i] = "EX"
    for i in range(2, len(words)):  # "the customs post/VBP", "an arms cache/VBP": a compound noun
        if out[i] in ("VBP", "VB") and after_plural_modifier(words, out, i):
            out[i] = "NN"
    for i in range(1, len(words)):  # "How do young men become/VBN ...?": a base form, or a present
        out[i] = base_participle(words, out, i) or out[i]
    mend_reporting_nouns(words, out, reporting, tagger.lemma)  # "amid reports/VBZ the ferry sank"
    for i in range(len(words) - 1):  # "Namely, that/DT terrorists", "added that/DT claims/NNS"
        if out[i] == "DT" and words[i].lower() == "that" and out[i + 1] in ("NNS", "NNPS"):
            out[i] = "IN"  # no determiner of a plural: the conjunction that opens a clause
    main_verb(words, out, tagger)
    return out


# What ends a noun phrase an adjective alone would head: "a radical who", "a radical in".
_ENDS_ADJECTIVE_NOUN = frozenset({"WP", "WDT", ",", ".", ":", "IN"})
# What makes "long" before it an adverb of time: "long before", "long after".
_LONG_BEFORE = frozenset({"before", "after", "ago", "since"})


# Adjectives that are also people: "official", "chief".
_PERSONS = frozenset({"official", "chief"})
# Participles that, after "those", name the people a poll asked.
_POLLED = frozenset({"surveyed", "polled", "questioned", "asked", "interviewed", "sampled"})


# Forms of reporting verbs that news copy never uses as nouns or adjectives.
_ONLY_VERBS = {"says": "VBZ", "writes": "VBZ", "tells": "VBZ", "wrote": "VBD", "told": "VBD",
               "portrays": "VBZ", "depicts": "VBZ", "struck": "VBD", "swore": "VBD", "spoke": "VBD"}
# Verbs of reporting whose participle rarely takes a noun phrase after it, and what opens
# the hearer or the source after them: a noun phrase ("told local radio", "quoted the
# mayor", "cited officials"), not "to", "by" or "in" ("the men told to leave", "the story
# told by", "the figures quoted in"), nor a pronoun, which may open what a person was told
# ("A man told he had cancer ...").
_TOLD = frozenset({"told", "quoted", "cited"})
_TOLD_WHOM = frozenset({"DT", "NNP", "NNPS", "NN", "NNS", "JJ", "PRP$", "CD"})
# Verbs whose active names the one told before "to" ("forced them to flee"): right before
# "to" and a verb they are a participle ("Residents forced/VBD to flee said ...").
_TOLD_TO = frozenset({"tell", "force", "order", "urge", "allow", "encourage", "invite", "advise", "instruct",
                      "persuade", "compel", "oblige", "permit", "forbid", "authorise", "authorize"})
_AUXILIARIES = frozenset({"has", "is", "does", "was", "'s", "’s"})
# What a noun phrase before "read:" is made of: "The ministry's statement read: ..."
_HEADING_A_COLON = frozenset({"DT", "JJ", "NN", "NNP", "POS"})
_PRESENT_BE = frozenset({"are", "am", "'re", "'m", "’re", "’m"})


@lru_cache(maxsize=1)
def _reporting_bases() -> frozenset[str]:
    """Reporting verbs whose plain form is also a noun (report, claim, state, tweet)."""
    words = cue_words()
    keys = ("verbs", "thoughts", "needthat", "acts")
    return frozenset(w for key in keys for w in words[key] if " " not in w)


@cache
def _cue_lemmas(key: str) -> frozenset[str]:
    """The cue file's lemmas under ``key``: ``labelling``, verbs that give their object a
    name (call, brand, describe); ``seeing``, verbs that attribute a view before "as"
    (regard, view, see, list)."""
    return frozenset(cue_words()[key])
