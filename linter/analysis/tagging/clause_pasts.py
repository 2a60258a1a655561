"""Pasts the tagger reads as participles inside a clause, and bare infinitives it reads as
presents: a reporting verb's past in an inverted cue (``..., predicted/VBN Ada Frey.``),
the verb of a clause a reporting verb reports (``Police suspect the men fled/VBN by
boat``) or of a relative clause past one (``the men who Voss says fled/VBN``), a
reporting verb right after a relative clause with a verb of its own (``A docker who saw
the boats leave said/VBN ...``), set off by commas with its subject (``The men, the
ministry confirmed/VBN, had fled``) or before an adverbial and "that" (``The mayor
confirmed/VBN on Monday that ...``), "called on" or "called for" after its subject and
an adverb (``The council also called/VBN on the agency to act``), and an infinitive
after a verb of perception (``saw the men leave/VBP``); and the other way, a participle
read as a past right after "in a" and a noun, once the clause has its verb (``said in a
statement released/VBD late on Sunday``), or completing the object of a verb of wanting
(``wants the men treated/VBD as ...``); and whether a sentence names a past time,
which makes a past of a verb whose past is its base form (``Gunmen set/VBP fire to the
depot on Monday``). :func:`linter.analysis.tagging.repairs.repair` runs them on the tags its
word repairs leave.
"""

from linter.analysis.cues import BEFORE_INVERTED, saying_lemmas
from linter.analysis.tagging.main_verb import NOUN_PHRASE, OBJECT_STARTS
from linter.analysis.tagging.tagger import FINITE, Tagger


def mend_pasts(words: list[str], out: list[str], reporting: frozenset[str], tagger: Tagger) -> None:
    """Mend ``out`` in place: inverted cues first, then the pasts of reported and relative
    clauses and the bare infinitives. ``reporting`` holds the reporting verbs' lemmas."""
    for i in range(2, len(words) - 2):  # "..., predicted/VBN Ada Frey.": an inverted cue
        if out[i] == "VBN" and _inverted(words, out, i, tagger):
            out[i] = "VBD"
    for i in range(2, len(words)):  # "said in a statement released/VBD late on Sunday": a participle
        if out[i] == "VBD" and ((i >= 4 and _after_a_noun(words, out, i)) or _wished(words, out, i, tagger)):
            out[i] = "VBN"
    for i in range(2, len(words) - 1):  # "A docker who saw the boats leave said/VBN ...": the subject's verb
        if (out[i] == "VBN" and tagger.lemma(words[i], "VBN").lower() in reporting
                and (_after_relative(words, out, i) or _after_adverb(words, out, i)
                     or _set_off(words, out, i) or _before_that(words, out, i))):
            out[i] = "VBD"
    for i in range(2, len(words)):  # "Police suspect the men fled/VBN by boat": the clause's past
        if out[i] == "VBN" and (_reported_past(words, out, i, reporting, tagger)
                                or _relative_past(words, out, i, reporting, tagger)
                                or _object_relative(words, out, i) or _calls_on(words, out, i)):
            out[i] = "VBD"
        elif out[i] == "VBP" and _perceived(words, out, i, tagger):
            out[i] = "VB"  # "Witnesses saw the men leave/VBP": a bare infinitive


# Auxiliaries before a participle: "have both exploited", "were all arrested".
HAVE_BE = frozenset({"have", "has", "had", "are", "were", "is", "was", "be", "been", "'ve", "’ve"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def _after_a_noun(words: list[str], tags: list[str], i: int) -> bool:
    """The past at ``i`` follows "in a" and a noun, after the clause's finite verb: a
    participle (``said in a statement released late``; not ``have in the past said``)."""
    return (words[i - 3].lower() == "in" and tags[i - 2] == "DT" and tags[i - 1] == "NN"
            and any(t in ("VBD", "VBZ", "VBP") for t in tags[:i - 3])
            and words[i - 4].lower() not in HAVE_BE
            and words[i - 1].lower() not in ("past", "end", "meantime", "interim"))


# Verbs of wanting whose object a participle completes: "wants the men treated as ...".
_WISHING = frozenset({"want", "wish", "need", "like", "prefer"})


def _wished(words: list[str], tags: list[str], i: int, tagger: Tagger) -> bool:
    """The past at ``i`` completes the object of a verb of wanting right before that object:
    a participle (``wants the men treated as ...``, ``wanted them jailed``)."""
    k = i - 1
    if tags[k] == "PRP" and words[k].lower() in ("him", "her", "them", "it", "us"):
        k -= 1
    else:
        while k > 0 and tags[k] in NOUN_PHRASE:
            k -= 1
    return k < i - 1 and tags[k].startswith("VB") and tagger.lemma(words[k], tags[k]).lower() in _WISHING


def _after_adverb(words: list[str], tags: list[str], i: int) -> bool:
    """A noun phrase and adverbs, with no auxiliary, run up to ``i``, and a comma or the
    full stop follows it: the subject's own verb (``As the Orsk Courier recently noted,``,
    ``..., the minister rightly noted.``; not ``has rightly noted``)."""
    j = _bare_subject(words, tags, i, ("RB",))
    return 0 <= j < i - 1 and words[i + 1] in (",", ".")


def _bare_subject(words: list[str], tags: list[str], i: int, adverbs: tuple[str, ...]) -> int:
    """The noun that ends the noun phrase before ``i``, past adverbs (tagged ``adverbs``),
    with no auxiliary in the words up to ``i``; -1 when there is none."""
    j = i - 1
    while j > 0 and tags[j] in adverbs:
        j -= 1
    return j if tags[j] in NOUN_TAGS and not any(w.lower() in HAVE_BE for w in words[max(0, j - 3):i]) else -1


def _calls_on(words: list[str], tags: list[str], i: int) -> bool:
    """"called on" or "called for" and the start of a noun phrase, after a noun phrase and
    adverbs with no auxiliary: the subject's own verb (``The council also called/VBN on the
    agency to act``, ``The union later called/VBN for a strike``; not ``has also called
    on``, ``the men called on to testify``, ``the measures called for by the union``)."""
    if words[i].lower() != "called" or i + 2 >= len(words) or words[i + 1].lower() not in ("on", "for") or (
            tags[i + 2] not in OBJECT_STARTS):
        return False
    return _bare_subject(words, tags, i, ("RB", "RBR")) >= 0


def _set_off(words: list[str], tags: list[str], i: int) -> bool:
    """A noun phrase that a comma opens runs up to ``i``, and a comma or the full stop
    follows it, at most past a short adverbial: a cue set inside the sentence or trailing
    it (``The terrorists, the ministry confirmed/VBN, had fled``, ``..., a spokesman
    confirmed/VBN.``, ``..., the harbour master charged/VBN on Monday.``), also after an
    "as" that opens the sentence or follows a comma (``As the coastguard confirmed/VBN on
    Tuesday, ...``)."""
    j = _before_phrase(tags, i)
    opened = words[j] == "," or (words[j].lower() == "as" and (j == 0 or words[j - 1] == ","))
    if not (j < i - 1 and opened and tags[i - 1] in NOUN_TAGS) or words[i + 1].lower() == "by":
        return False  # (not "..., claims denied/VBN by the port authority.": a passive's agent)
    k = _adverbial_end(words, tags, i + 1, i + 5)
    return k < len(words) and words[k] in (",", ".")


def _before_that(words: list[str], tags: list[str], i: int) -> bool:
    """A noun phrase ends right before ``i`` and "that" follows an adverbial phrase after
    it: the clause's verb and what it reports (``The mayor confirmed/VBN on Monday that
    ...``), which a participle never takes."""
    if tags[i - 1] not in NOUN_TAGS or tags[i + 1] not in ("IN", "RB") or words[i + 1].lower() == "that":
        return False
    k = _adverbial_end(words, tags, i + 1, i + 7)
    return k < len(words) and words[k].lower() == "that"


def _adverbial_end(words: list[str], tags: list[str], k: int, stop: int) -> int:
    """The first word from ``k`` (before ``stop`` at the latest) that is no part of an
    adverbial phrase (``on Monday``, ``late last night``, ``in a statement``), or "that"."""
    while k < min(len(words), stop) and tags[k] in _ADVERBIAL_TAGS and words[k].lower() != "that":
        k += 1
    return k


# What an adverbial phrase between a verb and its "that" is made of: "on Monday", "late
# last night", "in a statement".
_ADVERBIAL_TAGS = frozenset({"IN", "RB", "DT", "NN", "NNP", "CD", "JJ"})


def _after_relative(words: list[str], tags: list[str], i: int) -> bool:
    """A relative clause with a finite verb of its own runs up to ``i``, and no auxiliary
    stands right before ``i`` (``a docker who saw the boats leave said``; not ``the men
    who the police said``, nor ``who was told``, nor the adjective in ``who act for
    suspected terrorists``)."""
    if (words[i - 1].lower() in HAVE_BE or tags[i - 1] in ("RB", ",", "IN", "DT", "TO", "PRP$")
            or ((tags[i + 1] in NOUN_TAGS or tags[i + 1] == "JJ") and words[i].lower() != "told")):
        return False
    for k in range(i - 1, 0, -1):
        if tags[k] in (",", ":", ".") or words[k] in ("(", ";"):
            return False
        if tags[k] in ("WP", "WDT"):
            return any(t in ("VBD", "VBZ", "VBP") for t in tags[k + 1:i])
    return False


def _inverted(words: list[str], tags: list[str], i: int, tagger: Tagger) -> bool:
    """The participle at ``i`` is a reporting verb after a comma or a closing quote mark,
    a finite verb before it, and after it a name or a determiner's noun phrase with no
    finite verb to a full stop or a relative clause (``The men will lose,
    predicted/VBN Ada Frey, a harbour pilot standing against Voss.``, ``..., who ...``);
    not a naming verb (``..., dubbed/VBN Project Orsk.``)."""
    # to the full stop, or to a relative clause on the speaker (", who was mayor")
    end = next((k for k in range(i + 2, len(tags)) if tags[k] == "." or (
        tags[k] in ("WP", "WDT") and words[k - 1] == ",")), 0)
    if words[i - 1] not in BEFORE_INVERTED or tags[i + 1] not in ("NNP", "NNPS", "DT") or not end:
        return False
    if tagger.lemma(words[i], "VBN").lower() not in saying_lemmas():
        return False
    return (any(t in FINITE for t in tags[:i - 1])
            and not any(t in FINITE or t == "VB" for t in tags[i + 1:end]))


def _reported_past(words: list[str], tags: list[str], i: int, reporting: frozenset[str],
                   tagger: Tagger) -> bool:
    """The participle at ``i`` follows a noun phrase that opens what a reporting or thought
    verb reports (``suspect [that] the men fled/VBN by boat``), and no finite verb follows it
    in the sentence (``said the men detained/VBN on Monday were freed`` is a participle)."""
    if not tags[i - 1].startswith("NN"):
        return False
    j = _before_phrase(tags, i)
    if words[j].lower() == "that" and j > 0:
        j -= 1
    lemma = tagger.lemma(words[j], tags[j]).lower()
    if tags[j] not in ("VBP", "VBZ", "VBD") or lemma not in reporting or lemma in _WISHING:
        return False  # (a wish's object and participle: "wants the men treated as ...")
    return not any(t in ("VBD", "VBZ", "VBP", "MD") for t in tags[i + 1:])


def _relative_past(words: list[str], tags: list[str], i: int, reporting: frozenset[str],
                   tagger: Tagger) -> bool:
    """The participle at ``i`` comes right after a finite reporting verb whose subject
    follows a relative pronoun: the relative clause's own past (``the men who Voss says
    fled/VBN``, ``the lorry that police said exploded/VBN``), where a passive would need a
    form of be (``who Voss says were freed``)."""
    j = i - 1
    if tags[j] not in ("VBZ", "VBD", "VBP") or tagger.lemma(words[j], tags[j]).lower() not in reporting:
        return False
    k = _before_phrase(tags, j)
    return k < j - 1 and words[k].lower() in ("who", "which", "that", "whom")


def _object_relative(words: list[str], tags: list[str], i: int) -> bool:
    """The participle at ``i`` follows a noun phrase right after "whom" or "which" (a
    relative clause's subject), with no auxiliary between: that clause's own past (``the
    rebels, whom police described/VBN as ...``)."""
    k = _before_phrase(tags, i)
    return k < i - 1 and words[k].lower() in ("whom", "which") and tags[i - 1] in NOUN_TAGS


# Verbs whose object takes a bare infinitive: "saw the men leave", "made them wait".
_BARE_INFINITIVE = frozenset({"see", "hear", "watch", "notice", "observe", "feel", "make", "let", "help"})


def _perceived(words: list[str], tags: list[str], i: int, tagger: Tagger) -> bool:
    """The present at ``i`` follows a noun phrase right after a verb of perception or
    causing (``saw the men leave``): a bare infinitive, not a clause's verb."""
    if not tags[i - 1].startswith("NN") and tags[i - 1] != "PRP":
        return False
    j = _before_phrase(tags, i)
    return (tags[j].startswith("VB") and tags[j] != "VBG"
            and tagger.lemma(words[j], tags[j]).lower() in _BARE_INFINITIVE)


def _before_phrase(tags: list[str], i: int) -> int:
    """The token before the noun phrase that ends just before token ``i`` (0 at the most)."""
    j = i - 1
    while j > 0 and tags[j] in NOUN_PHRASE:
        j -= 1
    return j


# Verbs whose past tense is their base form, which the tagger reads as a present after a
# plural; a time in the past in the sentence makes them past.
SAME_PAST = frozenset({"set", "hit", "put", "cut", "shut", "let", "hurt", "cast", "burst", "spread", "quit",
                       "shed", "split", "upset", "beat", "broadcast", "cost"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_AFTER_LAST = _WEEKDAYS | {"week", "month", "year", "night", "weekend", "summer", "winter", "spring",
                           "autumn"}


def past_time(words: list[str]) -> bool:
    """The sentence names a time in the past: yesterday, overnight, ... ago, last week, on
    Monday, earlier, in 1998 (a weekday in news copy is the past unless a future says so)."""
    lows = [w.lower() for w in words]
    for k, low in enumerate(lows):
        nxt = lows[k + 1] if k + 1 < len(lows) else ""
        if low in ("yesterday", "overnight", "ago", "earlier") or (low == "last" and nxt in _AFTER_LAST):
            return True
        year = len(nxt) == 4 and nxt[:2] in ("19", "20") and nxt.isdigit()
        if (low == "on" and nxt in _WEEKDAYS) or (low == "in" and year):
            return not any(w in ("will", "'ll", "’ll", "shall") for w in lows)
    return False
