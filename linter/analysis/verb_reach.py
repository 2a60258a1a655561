"""Where a reporting verb's words lie around it: the verb's own adverbials (``said on
Friday``), a bare that-clause (``said the men had fled``), whether the verb trails what it
reports (:mod:`.trailing_cues`), where a content clause goes on in a
coordinated one (``..., and that ...``), where the words of a verb whose content is a
noun phrase end (``cited the delays | and the gunmen left``), and whether a clause follows
a verb of thought at all (``fear the gunmen will return``, not ``The move worries
investors``)."""

from __future__ import annotations

from linter.analysis.asides import DASHES, after_phrase
from linter.analysis.chunks import TIMES, Chunk, Group
from linter.analysis.frame_base import QUESTION_OPENERS, clause, lexicon
from linter.analysis.labelled import relative_object
from linter.analysis.numbers import APPROXIMATORS, number_starts
from linter.analysis.syntax import SUBORDINATORS, Parse
from linter.analysis.tagging.main_verb import NO_PASSIVE

# What stands right before a trailing cue: "..., police said", "...,” said Ms Lee", "... — police said".
TRAIL_MARKS = frozenset({",", "”", '"', "’", "'", "»", "—", "–"})
# The words of a cue's own adverbials: "said on Monday in a long interview with TV3", "told
# reporters in his office", "said in the party's statement".
_ADVERBIAL = frozenset({"RB", "IN", "DT", "NN", "NNP", "CD", "JJ", "NNS", "NNPS", "PRP$", "POS"})
# Prepositions whose phrase describes the noun before it (not subordinators: "after", "as").
_OF_NOUN = frozenset({"of", "in", "at", "on", "from", "for", "with", "near", "inside", "outside", "behind",
                      "within", "among", "across", "around", "under", "over", "against", "between", "into"})
_REFLEXIVE = frozenset({"itself", "himself", "herself", "themselves", "myself", "ourselves", "yourself"})
# Pronouns that are only ever subjects: after one, a past tense is a clause's verb ("claim he
# assaulted them"), never a participle.
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# What opens the clause a verb of thought takes: "fear that ...", "wonder whether ...".
_THAT_OR_QUESTION = QUESTION_OPENERS | {"that"}
# Past tenses that are never participles: after a noun phrase, a clause's verb ("claimed
# 400 members took part"), not a participle ("found the boat wedged").
_PAST_ONLY = frozenset({"took", "went", "came", "gave", "saw", "knew", "grew", "threw", "flew", "drew",
                        "wrote", "rode", "rose", "fell", "ate", "began", "ran", "spoke", "broke",
                        "chose", "froze", "stole", "woke", "wore", "tore", "swore", "drove", "shook",
                        "became", "overcame", "withdrew", "undertook", "mistook", "forgave", "forgot",
                        "hid", "sank", "shrank", "sprang", "swam", "drank", "sang", "rang", "arose",
                        "blew", "overtook"})
# Tags that open a noun phrase right after a past form, making it the past form's object
# ("heard the killer stabbed her", "moved the cargo").
_OBJECT_OPENERS = frozenset({"PRP", "DT", "PRP$", "CD", "NNP"})
# Words of time that may follow a trailing cue ("..., police said Wednesday").
WHEN = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "yesterday", "today", "tonight", "last", "this", "earlier", "later", "late"})


def doing_after(parse: Parse, chunk: Chunk) -> bool:
    """A present participle follows ``chunk``, perhaps after adverbs (``the senator
    (slightly) trailing``)."""
    k = chunk.last + 1
    while k < len(parse.tokens) and parse.tokens[k].tag == "RB":
        k += 1
    return k < len(parse.tokens) and parse.tokens[k].tag == "VBG"


def bare_clause(parse: Parse, i: int) -> bool:
    """A that-clause without ``that`` starts at token ``i``: a noun phrase and a finite
    verb that cannot be a participle (``concluded the gunmen had bribed a guard``, ``show
    the men were moved``, ``claim she took the keys``, ``claimed the men fled``, a verb
    with no passive, ``claimed the men who fled were``;
    not ``found the bodies``, ``found the boat wedged``), or a noun phrase and a present
    participle (``polls show the senator trailing``)."""
    if i < len(parse.tokens) and parse.tokens[i].lower in APPROXIMATORS and parse.tokens[i].tag == "RB":
        i += 1  # "claimed nearly 400 members took part"
    chunk = parse.chunk_at(i)
    if chunk is None or chunk.first != i or parse.tokens[chunk.last].lower in _REFLEXIVE:
        return False  # not "the ferry found itself stuck"
    if doing_after(parse, chunk):
        return True  # "polls show the senator (slightly) trailing", "found the men hiding in a barn"
    # "claimed the leader of the rebels was ...", "hoped the talks, requested by Voss, would end ..."
    chunk = past_aside(parse, _with_phrases(parse, chunk))
    group = parse.group_after(chunk)
    if group is None or not group.finite or any(
            t.tag not in ("RB", "RBR") for t in parse.tokens[chunk.last + 1:group.first]):
        return False  # only adverbs between: not "held talks in the town he was ..."
    # a clause's verb, not a participle read as one ("found the boat wedged under the pier")
    first = parse.tokens[group.first]
    return first.tag in ("MD", "VBZ", "VBP") or first.lemma in ("be", "have", "do") or (
        first.tag == "VBD" and (first.lower in _PAST_ONLY or first.lemma in NO_PASSIVE
                                or _object_after(parse, group))) or (
        chunk.first == chunk.last and parse.tokens[chunk.first].lower in _SUBJECT_PRONOUNS)


def _with_phrases(parse: Parse, chunk: Chunk) -> Chunk:
    """``chunk`` stretched over at most three phrases after it that describe it: a
    preposition's (``the leader of the rebels``, ``the men in the boat``; not a
    subordinator's clause: ``the seat after the polls ...``), an infinitive's or a relative
    clause's, of a verb and perhaps its object (``the plan to reopen the port``, ``the men
    who seized the port``)."""
    tokens = parse.tokens
    for _ in range(3):
        k = chunk.last + 1
        if k + 1 >= len(tokens):
            break
        if tokens[k].lower in _OF_NOUN:
            nxt = parse.chunk_at(k + 1)
            if nxt is None or nxt.first != k + 1:
                break
            chunk = chunk._replace(last=nxt.last)
        elif tokens[k].tag == "TO" or tokens[k].lower in ("who", "which", "that"):
            # "the refusal to (close the port)", "the men who (seized the port)"
            start = k if tokens[k].tag == "TO" else k + 1  # an infinitive's group holds its "to"
            group = parse.group_at(start)
            if group is None or group.first != start or group.finite != (start > k):
                break
            obj = parse.chunk_at(group.last + 1)
            chunk = chunk._replace(last=obj.last if obj is not None and obj.first == group.last + 1
                                   else group.last)
        else:
            break
    return chunk


def past_aside(parse: Parse, chunk: Chunk) -> Chunk:
    """``chunk`` stretched over an aside set off by commas after it (``the talks, requested
    by Voss,``: :func:`linter.analysis.asides.after_phrase`), so that the verb after the
    aside is read as the chunk's; ``chunk`` itself when no such aside follows it."""
    close = after_phrase(parse.tokens, chunk.last + 1, parse.groups)
    return chunk if close < 0 else chunk._replace(last=close)


def _object_after(parse: Parse, group: Group) -> bool:
    """A noun phrase right after a one-word past form: a finite verb with its object (``heard
    the killer stabbed her``), not a participle (``found the boat wedged under the pier``)."""
    k = group.last + 1
    chunk = parse.chunk_at(k) if group.first == group.last and k < len(parse.tokens) else None
    return chunk is not None and chunk.first == k and parse.tokens[k].tag in _OBJECT_OPENERS


def past_phrases(parse: Parse, k: int) -> int:
    """The token after the prepositional phrases that start at ``k`` (``by the Courier``,
    ``for the men on the ferry``), each a preposition and a noun phrase; ``k`` when none
    does. A "that" tagged as a preposition opens a clause, not a phrase."""
    tokens = parse.tokens
    while k < len(tokens) and tokens[k].tag == "IN" and tokens[k].lower != "that":
        phrase = parse.chunk_at(k + 1)
        if phrase is None or phrase.first != k + 1:
            break
        k = phrase.last + 1
    return k


def past_adverbials(parse: Parse, after: int, hi: int) -> int:
    """Where the reported clause starts after the adverbials of the reporting verb itself
    (``said on Friday | the men had fled``, ``said in a statement | that ...``, ``vowed on
    Tuesday | to ...``, ``wrote on Facebook |: ...``), perhaps after a comma (``claimed at
    one point, | the men had fled``); ``after`` when no clause follows them."""
    tokens = parse.tokens
    k = after
    timely = True  # only adverbs and phrases of time so far
    while k <= hi:
        if number_starts(parse.tokens, k, hi + 1):
            break  # "claimed nearly 400 members took part": the clause's subject
        if tokens[k].lower in WHEN or tokens[k].tag == "RB" or (tokens[k].lower in TIMES and k > after):
            k += 1  # "on Friday", "last week"
        elif tokens[k].tag == "IN" and tokens[k].lower != "that":
            chunk = parse.chunk_at(k + 1)
            if chunk is None or chunk.first != k + 1:
                return after
            timely = timely and tokens[k].lower in _TIME_PREPOSITIONS and tokens[chunk.last].lower in TIMES
            k = chunk.last + 1
        else:
            break
    if k == after or k > hi:
        return after
    if tokens[k].text == "," and k < hi and bare_clause(parse, k + 1):
        return k + 1  # "claimed at one point, | the men had fled"
    # "vowed on Tuesday | to ...", not "boasted of his willingness | to ..."
    infinitive = timely and tokens[k].tag == "TO" and k < hi and tokens[k + 1].tag == "VB"
    opens = tokens[k].lower == "that" or tokens[k].text == ":"  # (a colon: "wrote on Facebook: ...")
    return k if opens or infinitive or bare_clause(parse, k) else after


def that_follows(parse: Parse, group: Group) -> bool:
    """``that`` or a colon right after the verb, or ``that`` past the verb's own adverbials
    (``concluded last week that``, ``found in its report that``), or for "find" past the
    evidence found (``have found evidence that``, ``found clear signs that``; not ``found
    no evidence that``, which :mod:`.unasserted` reads)."""
    nxt = group.last + 1
    tokens = parse.tokens
    if nxt >= len(tokens):
        return False
    if tokens[nxt].lower in ("that", ":"):
        return True
    k = past_adverbials(parse, nxt, clause(parse, group.last)[1])
    if group.lemma == "find":
        while k < len(tokens) and tokens[k].lower in _EVIDENCE_KINDS:
            k += 1
        k += k + 1 < len(tokens) and tokens[k].lower in _EVIDENCE_FOUND
    return k > nxt and k < len(tokens) and tokens[k].lower == "that"


# What "find" may find before the clause it shows, and the words of its kind.
_EVIDENCE_FOUND = frozenset({"evidence", "proof", "signs", "indications"})
_EVIDENCE_KINDS = frozenset({"new", "clear", "fresh", "strong", "further", "more", "some", "firm", "hard",
                             "ample", "compelling"})


_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "during", "after", "before", "since", "by"})


def comma_then_more(parse: Parse, after: int) -> bool:
    """After the cue's own adverbials, a comma and more of the sentence (``..., they say,
    imposing new limits ...``)."""
    tokens = parse.tokens
    k = adverbials_end(parse, after, len(tokens))
    return k + 2 < len(tokens) and tokens[k].text == ","


def adverbials_end(parse: Parse, k: int, stop: int) -> int:
    """The first token from ``k`` (``stop`` at most) that is a comma or no adverbial word
    (``said on Monday``, ``said late last night``)."""
    tokens = parse.tokens
    while k < stop and tokens[k].tag in _ADVERBIAL and tokens[k].text != ",":
        k += 1
    return k


def to_semicolon(parse: Parse, i: int) -> int:
    """The last token before the first semicolon after ``i``, or the sentence's last."""
    return next((k - 1 for k in range(i, len(parse.tokens)) if parse.tokens[k].text == ";"),
                len(parse.tokens) - 1)


def adverbial_start(parse: Parse, after: int) -> bool:
    """Nothing, or a preposition, an adverb or a word of time right after the cue: not an
    object (``On Monday, he acknowledged the risk, then ...``)."""
    if after >= len(parse.tokens):
        return True
    token = parse.tokens[after]
    if number_starts(parse.tokens, after, len(parse.tokens)):
        return False  # "found over 200 emails": a number, the object
    return token.tag in ("IN", "RB", ".", ",") or token.lower in WHEN


# A modal that a report in the past tense turns its speaker's "will" and "can" into: a
# clause after "and" whose verb is one goes on with the words reported ("said the vote
# was rushed, and support for Voss would have been higher").
_BACKSHIFTED = frozenset({"would", "could", "might"})
# Subordinators that open a clause of their own inside the words reported ("whereas" sets
# one against another; "that" opens a clause reported in turn).
_SUBORDINATORS = (SUBORDINATORS - {"whereas"}) | {"that"}


def relative_end(parse: Parse, group: Group, start: int, hi: int) -> int:
    """Where the words of a verb in a relative clause on its speaker end: before the main
    clause's verb, a second finite verb after the words' own with nothing but words of
    phrases between (``Dockers who say [the men are hiding in Orsk] are angry``, ``the men
    who police said [attacked the port] were ...``), or the first finite verb after words
    that are an infinitive's (``others who want [to shut the port] said``), or the comma
    that closes a relative clause set off by commas before its antecedent's verb (``The
    mayor, who condemned [the attack], arrived ...``), or for a naming verb the first
    finite verb, with no pronoun too (``the men Voss called [terrorists] fled``); ``hi``
    when the verb is no relative clause's or no such verb follows."""
    tokens = parse.tokens
    j = group.first - 1
    subject = parse.chunk_at(j) if j > 0 else None
    if subject is not None and subject.last == j:
        j = subject.first - 1  # "the men who police said [attacked the port] were ..."
    reduced = j >= 0 and subject is not None and relative_object(parse, group) is not None and (
        tokens[j].tag in ("NN", "NNS", "NNP", "NNPS"))  # "the men | Voss called [terrorists] fled"
    if j < 0 or (tokens[j].lower not in ("who", "which", "that") and not reduced):
        return hi
    finite = [g for g in parse.groups if g.finite and start <= g.first <= hi]
    if group.lemma in lexicon().labelling and finite and not any(
            t.tag in ("CC", ",", ":", "WDT", "WP", "WRB") for t in tokens[start:finite[0].first]):
        return finite[0].first - 1  # a name given, no verb of its own: "... called [terrorists] fled"
    antecedent = parse.chunk_ending_at(j - 2) if j > 1 and tokens[j - 1].text == "," else None
    main = parse.group_after(antecedent) if antecedent is not None else None
    if main is not None and start < main.first <= hi + 1:
        close = next((k for k in range(main.first - 1, start, -1) if tokens[k].text == ","), None)
        if close is not None:
            return close - 1
    if finite and tokens[start].tag == "TO" and start + 1 < len(tokens) and (
            tokens[start + 1].lemma not in lexicon().verbs):
        return finite[0].first - 1  # "others who want [to shut the port] said ...": no verb of its own
    if len(finite) < 2 or any(
            t.tag in ("CC", ",", ":", "WDT", "WP", "WRB", "TO") or t.lower in _SUBORDINATORS
            for t in tokens[finite[0].last + 1:finite[1].first]):
        return hi
    return finite[1].first - 1


def continued(parse: Parse, hi: int) -> int:
    """The end of a content clause that goes on in a coordinated one (``said voters were
    tired, and that many would stay at home``, ``... safe -- and that ...``), or in one
    whose verb is shifted back as reported speech is (``said the men had fled, and the
    police would hunt them``, ``..., and the gunmen had taken a boat``; not ``..., and
    police arrested them``, which may be the writer's)."""
    tokens = parse.tokens
    k = hi + 1 + (hi + 1 < len(tokens) and (tokens[hi + 1].text == "," or tokens[hi + 1].text in DASHES))
    if k + 1 < len(tokens) and tokens[k].lower in ("and", "but", "or") and tokens[k + 1].lower == "that":
        return clause(parse, k + 2)[1]
    if k + 1 < len(tokens) and tokens[k].lower in ("and", "but"):
        end = clause(parse, k + 1)[1]
        verb = next((g for g in parse.groups if g.first > k), None)
        if verb is not None and verb.first <= end and (tokens[verb.first].lower in _BACKSHIFTED or (
                verb.perfect and tokens[verb.first].lower == "had")):  # "..., and the men had left"
            return end
    return hi


def object_words(parse: Parse, group: Group, content: tuple[int, int]) -> tuple[int, int]:
    """The words of a verb whose words are the noun phrase after it (``cited the
    delays``) end before ``and`` or ``but`` that opens a clause with a subject and a
    finite verb of its own (``... and the gunmen left the port``), unless a finite verb
    came first (then the words are a clause: ``pointed to figures that showed ...``)."""
    tokens = parse.tokens
    for k in range(group.last + 1, len(tokens) - 1):
        if tokens[k].start >= content[1]:
            break
        found = parse.group_at(k)
        if found is not None and found.finite:
            return content
        if tokens[k].lower in ("and", "but") and k > group.last + 1:
            chunk = parse.chunk_at(k + 1)
            after = parse.group_after(chunk) if chunk is not None and chunk.first == k + 1 else None
            if after is not None and after.finite:
                return (content[0], tokens[k - 1].end) if content[0] < tokens[k - 1].end else content
    return content


# Verbs of thought whose infinitive is their content: "hope to", "expect the talks to".
_INFINITIVE = frozenset({"hope", "expect"})


def clause_after(parse: Parse, group: Group) -> bool:
    """A clause follows the verb: ``that``, a wh-word, an infinitive after hope or expect
    (``hope to ...``; not ``felt the need to ...``) or a finite verb before the next
    comma (``fear the gunmen will return``), perhaps after ``with someone``, and past an
    aside after the object (``hoped the talks, requested by Voss, would end``, ``expect the
    talks, led by Voss, to fail``)."""
    tokens = parse.tokens
    chunk = parse.chunk_at(group.last + 1)
    aside = (0, -1)
    if chunk is not None and chunk.first == group.last + 1:
        aside = (chunk.last + 1, past_aside(parse, chunk).last)
    for k in range(group.last + 1, len(tokens)):
        if aside[0] <= k <= aside[1]:
            continue
        token = tokens[k]
        if token.lower in _THAT_OR_QUESTION:
            return True
        if token.tag == "TO" and k == group.last + 1:
            return group.lemma in _INFINITIVE  # "hope to reopen", not "agreed to meet on condition that"
        if (token.tag == "TO" and k + 1 < len(tokens) and tokens[k + 1].tag == "VB"
                and group.lemma in _INFINITIVE):
            return True  # "expect the talks to fail"
        if token.text in (",", ";", ":") or token.tag == ".":
            return False
        found = parse.group_at(k)
        if found is not None and found.finite:
            return True
    return False
