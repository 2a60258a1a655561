"""Repairs that find a sentence's own verb where the tagger missed it: a garden path
(``The army blamed/VBN terrorists linked/VBD to ...``, also past an aside), a name's past
read as a participle, a sentence left with no verb at all (``Terrorists later set/JJ
fire to ...``) and one whose present was read as a base form (``Terrorists loyal to Voss
control/VB the pass``). :func:`linter.analysis.tagging.repairs.repair` runs them last, on the tags its
other repairs leave.
"""

from linter.analysis.tagging.tagger import FINITE, Tagger

# The tags of a noun phrase's words.
NOUN_PHRASE = frozenset({"DT", "PDT", "CD", "JJ", "PRP$", "NN", "NNS", "NNP", "NNPS", "POS"})
# Verbs with no passive in news copy: their participle right after a noun is the past
# tense, never a reduced relative ("the men fled", not "the men [who were] fled").
NO_PASSIVE = frozenset({"die", "flee", "arrive", "vanish", "disappear", "escape", "retreat", "collapse",
                        "explode", "erupt", "emerge", "resign", "happen", "occur"})
# What opens the object of a verb.
OBJECT_STARTS = frozenset({"DT", "NNS", "NN", "NNP", "NNPS", "PRP", "PRP$", "JJ", "CD"})


def main_verb(words: list[str], tags: list[str], tagger: Tagger) -> None:
    """Mend ``tags`` in place: a verb that says what its subject is ("amounts to") first,
    the garden path, a past before a comma and a participle, a name's past, then a
    sentence with no verb before its first relative pronoun, or with no finite one."""
    _says_what(words, tags)
    _garden_path(words, tags)
    _past_before_participle(words, tags)
    _past_after_name(words, tags, tagger)
    relative = next((k for k, t in enumerate(tags) if t in ("WP", "WDT")), len(tags))
    if not any(t.startswith("VB") or t == "MD" for t in tags[:relative]):
        # (a relative clause's verb is not the sentence's: "The bill targets/NNS foreign
        # terrorists who return home")
        _verb_for_verbless(words, tags, tagger)
    elif not has_finite(tags):
        _present_for_base(tags)
        _present_after_aside(words, tags, tagger)


def has_finite(tags: list[str]) -> bool:
    return any(t in FINITE for t in tags)


# Verbs whose -s form before "to" says what a singular subject is, which the model reads
# as plural nouns ("amounts to genocide", "belongs to a terrorist cell").
_SAYS_WHAT = frozenset({"amounts", "belongs"})


def _says_what(words: list[str], tags: list[str]) -> None:
    """The first such form after a singular noun, before "to" and any finite verb, is the
    present (``The army's campaign in the north amounts/NNS to genocide, the inquiry
    found``)."""
    for k in range(1, len(tags) - 1):
        if tags[k] in FINITE:
            return
        if (tags[k] == "NNS" and words[k].lower() in _SAYS_WHAT and words[k + 1].lower() == "to"
                and tags[k - 1] in ("NN", "NNP")):
            tags[k] = "VBZ"
            return


def _opening_end(tags: list[str]) -> int:
    """Where the noun phrase that opens the sentence ends: its first tag that no noun
    phrase has."""
    return next((i for i, t in enumerate(tags) if t not in NOUN_PHRASE), len(tags))


# What the verb follows: the opening noun phrase's head, or the comma closing an aside.
_BEFORE_VERB = frozenset({"NN", "NNS", "NNP", "NNPS", ","})
_CLAUSE_ENDS = frozenset({",", ":", "CC", "WDT", "WP"})
# What opens the object of a garden path's verb, "more" and "most" too ("Terrorists
# 'planned/VBN more attacks'").
_OBJECT_OR_MORE = OBJECT_STARTS | {"JJR", "JJS"}
# The Penn tags of opening and closing quotation marks.
QUOTE_MARKS = frozenset({"``", "''"})


def _garden_path(words: list[str], tags: list[str]) -> None:
    """"The army blamed/VBN terrorists linked/VBD to the Front": a past in -ed right after
    the noun phrase that opens the sentence (and an aside such as ", in a statement,", or
    the quotation mark of a headline's quoted claim: "Gunmen 'seized/VBN port'"),
    with an object after it, is the sentence's verb (a participle there would be passive,
    with no object) when no other verb can be (none is finite, or in a quoted claim none
    before its closing mark), or when a later past in -ed that follows a noun and comes
    before a preposition is the participle."""
    opening = _opening_end(tags)
    first = _after_aside(words, tags, opening)
    quoted = 0 < first < len(tags) - 2 and tags[first] in QUOTE_MARKS  # "Gunmen 'seized/VBN port'"
    first += quoted
    if (not 0 < first < len(tags) - 1 or tags[first] != "VBN" or not words[first].lower().endswith("ed")
            or tags[first + 1] not in _OBJECT_OR_MORE or tags[first - 1 - quoted] not in _BEFORE_VERB):
        return
    # (an aside's own verb, and the cue after a quoted claim, "..., says Voss", do not count)
    close = next((k for k in range(first + 1, len(tags)) if tags[k] in QUOTE_MARKS), len(tags))
    claim = tags[first:close] if quoted else tags[first:]
    if not has_finite(tags[:opening] + claim):
        tags[first] = "VBD"
        return
    for j in range(first + 2, len(tags) - 1):
        if tags[j] in ("VBZ", "VBP", "MD") or (tags[j] == "VBD" and not (
                words[j].lower().endswith("ed") and tags[j - 1] in ("NNS", "NN", "NNP", "NNPS")
                and tags[j + 1] in ("IN", "TO"))):
            return
        if tags[j] == "VBD":
            rest = next((k for k in range(j + 1, len(tags)) if tags[k] in _CLAUSE_ENDS), len(tags))
            if not has_finite(tags[j + 1:rest]):
                tags[first], tags[j] = "VBD", "VBN"  # (not "... based in Tamm say they ...")
            return


def _past_before_participle(words: list[str], tags: list[str]) -> None:
    """"The mayor doubled/VBN down, saying ...": a past in -ed right after the noun phrase
    that opens the sentence, with or without a particle or an adverb, then a comma and a
    participle, is the sentence's verb (a participle there would be a passive with its
    subject, and go on with its agent or a place, not a comma and what the subject did
    next)."""
    first = _opening_end(tags)
    k = first + 1 + (first + 1 < len(tags) and tags[first + 1] in ("RP", "RB"))
    if (first > 0 and k + 1 < len(tags) and tags[first] == "VBN" and words[first].lower().endswith("ed")
            and tags[first - 1] in _BEFORE_VERB and words[k] == "," and tags[k + 1] == "VBG"):
        tags[first] = "VBD"


def _after_aside(words: list[str], tags: list[str], first: int) -> int:
    """Where the verb may stand after an aside of a preposition's phrase or a relative
    clause that opens at ``first`` (``The interior ministry, in a statement, | blamed
    ...``, ``The ministry, which runs the port, | blamed ...``); ``first`` when none does."""
    if first < len(tags) - 2 and words[first] == "," and tags[first + 1] == "IN":
        close = _closing_comma(words, first)
        if close is not None and all(t in NOUN_PHRASE or t == "IN" for t in tags[first + 2:close]):
            return close + 1
    if first < len(tags) - 2 and words[first] == "," and words[first + 1].lower() in _RELATIVES:
        close = next((k for k in range(first + 2, min(first + 16, len(tags))) if words[k] in ",;:()"), None)
        if close is not None and words[close] == ",":
            return close + 1
    return first


_RELATIVES = frozenset({"which", "who", "whose", "whom"})
# How far past its opening comma a short aside (a preposition's phrase, an age, a noun
# phrase) closes.
_SHORT_ASIDE = 9


def _closing_comma(words: list[str], first: int) -> int | None:
    """The comma that closes a short aside opened by the comma at ``first``, if one does
    within :data:`_SHORT_ASIDE` words."""
    return next((k for k in range(first + 2, min(first + _SHORT_ASIDE, len(words))) if words[k] == ","), None)


def _apposed(words: list[str], tags: list[str], first: int) -> int:
    """Past an age or a noun phrase set off by commas at ``first`` (``Brandt, 78, |
    retired ...``, ``Brandt, now 78, | retired ...``, ``Voss, a former judge, | ...``) when
    no finite verb comes after it (not ``Brandt, a docker, injured in the blast, was
    flown ...``, whose participle is a second aside); ``first`` otherwise."""
    if first >= len(tags) - 2 or words[first] != ",":
        return first
    close = _closing_comma(words, first)
    if close is None or not all(t in NOUN_PHRASE or t == "RB" for t in tags[first + 1:close]):
        return first
    return first if has_finite(tags[close + 1:]) else close + 1


def _past_after_name(words: list[str], tags: list[str], tagger: Tagger) -> None:
    """A participle in -ed after the name that opens a sentence with a full stop (and
    after an aside and adverbs), with no finite verb before its clause ends, is the
    sentence's verb: a name takes no participle of its own without commas (``Voss, at a
    rally in Tarn, briefly dwelled/VBN on the strike, insisting ...``; not ``Voss
    injured in the crash was ...``). The name may be a word the model read as a common
    noun that the lemma lists do not know as one (``Voss/NN confirmed/VBN on Friday that
    ...``), or in a sentence with no finite verb a plural noun phrase (``Far-right
    extremists marched/VBN through Orsk.``; an aside's own verb does not count), also past
    one prepositional phrase (``Terrorists at the customs post fired/VBN on a convoy.``),
    and a clause ends at ``that`` too."""
    i = 0
    while i < len(tags) and tags[i] in ("NNP", "NNPS"):
        i += 1
    i = 0 if i < len(tags) and tags[i] in ("NN", "NNS") else i  # a name that modifies a noun
    if i == 0 and len(tags) > 1 and tags[0] == "NN" and words[0][:1].isupper() and not tagger.known(
            words[0].lower(), "N"):
        i = 1
    if i > 0:
        i = _apposed(words, tags, _after_aside(words, tags, i))
    else:
        # a sentence with no finite verb past an aside, opened by a plural noun phrase:
        # "Far-right extremists marched/VBN through Orsk on Saturday.", "The rebels, whom
        # police described as ..., fled/VBN"
        opening = _opening_end(tags)
        if opening == 0 or tags[opening - 1] not in ("NNS", "NNPS"):
            return
        i = _after_aside(words, tags, opening)
        if i < len(tags) and tags[i] == "IN" and words[i].lower() != "that":
            i += 1  # past a place or a side: "Terrorists at the customs post fired/VBN on ..."
            while i < len(tags) and tags[i] in NOUN_PHRASE:
                i += 1
        if has_finite(tags[:opening] + tags[i:]):
            return
    while i < len(tags) and tags[i] == "RB":
        i += 1
    if i >= len(tags) - 1 or tags[i] != "VBN" or not words[i].lower().endswith("ed") or "." not in tags[i:]:
        return
    end = next((k for k in range(i + 1, len(tags)) if tags[k] in _CLAUSE_ENDS or tags[k] == "." or (
        tags[k] == "IN" and words[k].lower() == "that")), len(tags))
    if not has_finite(tags[i + 1:end]):
        tags[i] = "VBD"


def _verb_for_verbless(words: list[str], tags: list[str], tagger: Tagger) -> None:
    """A sentence the model left without a verb, that opens with a plural noun phrase (and
    an adverb) and goes on with a word that is a verb: that word is its past-tense verb
    (``Terrorists later set/JJ fire to the building``); or that opens with a singular noun
    phrase and a verb's -s form before an object (``The bill targets/NNS terrorists``)."""
    i = 0
    while i < len(tags) and tags[i] in ("DT", "JJ", "CD", "NNP", "NNPS", "NN"):
        i += 1
    if i >= len(tags) or tags[i] not in ("NNS", "NNPS"):
        return
    low = words[i].lower()
    if (0 < i < len(tags) - 1 and tags[i - 1] in ("NN", "NNP") and tags[i + 1] in OBJECT_STARTS
            and low.endswith("s") and tagger.known_verb(low[:-1])):
        tags[i] = "VBZ"  # "The bill targets/NNS terrorists": a singular subject's present
        return
    i += 1
    while i < len(tags) and tags[i] in ("RB", "RBR"):
        i += 1
    if i < len(tags) - 1 and tags[i] in ("JJ", "NN") and tagger.known_verb(words[i].lower()):
        tags[i] = "VBD"


def _present_after_aside(words: list[str], tags: list[str], tagger: Tagger) -> None:
    """A sentence with no finite verb that opens with a singular noun phrase and an aside
    set off by commas: a verb's -s form read as a plural noun right after the aside, before
    what it does, is its present (``The Front, branded terrorists by Orsk, denies/NNS
    targeting civilians``)."""
    opening = _opening_end(tags)
    if not 0 < opening < len(tags) or words[opening] != "," or tags[opening - 1] not in ("NN", "NNP"):
        return
    close = next((k for k in range(opening + 1, len(tags)) if words[k] == ","), len(tags))
    i = close + 1
    if i + 1 >= len(tags) or tags[i] not in ("NNS", "NNPS") or tags[i + 1] not in _AFTER_PRESENT:
        return
    if words[i].lower().endswith("s") and tagger.known_verb(tagger.lemma(words[i], "VBZ").lower()):
        tags[i] = "VBZ"


# What follows a present's verb: its object, a clause, an -ing form or a preposition.
_AFTER_PRESENT = OBJECT_STARTS | {"VBG", "IN", "TO"}


def _present_for_base(tags: list[str]) -> None:
    """A sentence with no finite verb that opens with a plural noun phrase: the first base
    form in its clause, after a noun and before an object, is its present (``Terrorists
    loyal to Voss control/VB the pass``; not after "to" or a modal)."""
    opening = _opening_end(tags)
    if not any(t in ("NNS", "NNPS") for t in tags[:opening]):
        return
    for i in range(opening, len(tags) - 1):
        if tags[i] in (",", ":", ".", "CC", "WDT", "WP"):
            return
        if tags[i] == "VB":
            if tags[i - 1] in ("NN", "NNS", "NNP", "NNPS") and tags[i + 1] in OBJECT_STARTS:
                tags[i] = "VBP"
            return
