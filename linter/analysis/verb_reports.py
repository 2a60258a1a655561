"""Whether a form of a reporting verb reports words here: not ``called her lawyer``,
``did not respond``, ``considering the weather``, ``added a floor``; a that-clause
needed after ``found``, a name after ``called``; and ``put`` that does (``As Voss put
it, ...``)."""

from __future__ import annotations

from linter.analysis.addressees import that_clause_follows
from linter.analysis.asides import DASHES
from linter.analysis.chunks import NAMING, Chunk, Group
from linter.analysis.cues import BEFORE_INVERTED
from linter.analysis.frame_base import (
    PEOPLE_PRONOUNS,
    QUESTION_OPENERS,
    clause,
    denies,
    finite_in,
    lexicon,
    opens_words,
    subject_of,
    verb_starts,
)
from linter.analysis.label_reach import label_agent
from linter.analysis.labelled import before_preposition, relative_object, what_subject
from linter.analysis.syntax import SUBORDINATORS, Parse
from linter.analysis.trailing_cues import trailing
from linter.analysis.vague_sources import PICTURES
from linter.analysis.verb_reach import (
    TRAIL_MARKS,
    WHEN,
    adverbial_start,
    adverbials_end,
    bare_clause,
    doing_after,
    past_adverbials,
)

# What stands before the -ing form of "think" when it is a noun: "his thinking", "policy thinking".
_BEFORE_NOUN = frozenset({"DT", "PRP$", "POS", "NN", "NNP", "JJ"})
# Adjectives before "to say" that make it the writer's hedge: "it is fair to say".
_HEDGES = frozenset({"fair", "safe", "needless", "true", "hard", "easy", "sad", "honest"})
# Prepositions that give a verb of saying a topic, not words: "reported on", "wrote about",
# "reported from Kabul".
_TOPIC = frozenset({"on", "about", "from"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "it"})
# What opens reported words after a verb of saying: "added that", "explained how", "wrote:".
_CLAUSE_OPENERS = QUESTION_OPENERS | {"that", ":"}
# The most tokens of an aside between a verb and its clause ("claimed, without any evidence, that"),
# and the words that open one with a verb of its own ("claimed, as he left the court, that"):
# the subordinators of time, concession and condition.
_ASIDE = 8
_ASIDE_OPENERS = SUBORDINATORS - {"because", "since", "unless", "until", "whether", "once", "where",
                                  "whereas"}
_QUOTE_OPENERS = frozenset({'"', "“", "``", "‘", "'", "«"})


def no_report(parse: Parse, group: Group) -> bool:
    """Forms of reporting verbs that report nothing: a negated verb (``did not say``,
    ``never disclosed``), a preposition (``considering the weather``, ``regarding the
    vote``), a noun (``his thinking``, ``policy thinking``), ``promised to be`` (was
    likely to be), ``fair to say``, ``time will tell``, ``to, say, a dozen``,
    ``Nobody said`` and ``said nothing``."""
    tokens = parse.tokens
    first = tokens[group.first]
    if first.tag == "VBG" and (first.lower in ("considering", "regarding") or (
            group.lemma == "think" and group.first > 0 and tokens[group.first - 1].tag in _BEFORE_NOUN)):
        return True
    nxt = group.last + 1
    if denies(parse, group):
        # "did not respond", "does not disclose its finances", "Nobody said where ...", "No
        # official said ...": no words reported
        return True
    if group.lemma == "promise" and nxt + 1 < len(tokens) and tokens[nxt].tag == "TO" and (
            tokens[nxt + 1].lemma == "be"):
        return True
    if group.lemma == "say" and first.tag == "TO" and group.first > 0 and (
            tokens[group.first - 1].lower in _HEDGES):
        return True  # "it is fair to say", "needless to say": the writer's hedge
    if group.lemma == "say" and group.first == group.last and group.first > 0 and nxt < len(tokens) and (
            tokens[group.first - 1].text == "," and tokens[nxt].text == ","):
        return True  # "cut the list to, say, a dozen"
    if nxt < len(tokens) and tokens[nxt].lower == "nothing":
        return True  # "said nothing about the men", "has revealed nothing": no words reported
    return group.lemma == "tell" and group.first > 0 and tokens[group.first - 1].lower == "time"


def reports(parse: Parse, group: Group) -> bool:
    """A reporting verb that reports words here. ``call`` must name its object (or urge:
    ``called for``, ``called on``); a verb of saying whose object alone is no words
    (``clausal``: ``added a floor``) and one with a topic (``reported on``; not the
    "on" of whom a blame falls on: ``which police blamed on terrorists``) need words
    after them or must trail them; verbs that report only with a that-clause need one,
    perhaps without ``that`` (``Prosecutors charged that ...``, ``The inquiry found the
    guard had ...``, not ``The terrorists charged the checkpoint``)."""
    tokens = parse.tokens
    nxt = group.last + 1
    following = tokens[nxt].lower if nxt < len(tokens) else ""
    if group.lemma == "call":
        return _naming(parse, group)
    if following == "by" and nxt + 1 < len(tokens) and tokens[nxt + 1].tag == "VBG":
        return False  # "responded by sending troops": an act, not words
    lex = lexicon()
    if group.lemma in lex.trailing:  # "..., he continued.", "The sign read: ..."; not "Fighting continued"
        # (before a quotation the quotation speaks for itself: 'a shirt that read "..." and')
        return _trails(parse, group) or _parenthetical(parse, group) or following == ":"
    if group.lemma in lex.clausal:
        return _words_follow(parse, group)
    if following in _TOPIC and group.lemma not in ("say", "tell", "blame") and not (
            nxt + 1 < len(tokens) and tokens[nxt + 1].tag == "CD"):
        return _words_follow(parse, group)  # "reported on his speeches", "wrote about the visit": a topic
    if group.lemma not in lex.needthat or that_clause_follows(parse, group):
        return True  # ("concluded last week that ...")
    # or a clause whose subject went before the verb: "a trip that inspectors concluded was ...";
    # a noun phrase and a present participle is a finding only of a poll or a study ("polls
    # show the senator trailing"), a sight otherwise ("Police found the men hiding in a barn",
    # "Footage showed the men firing"): the writer's words
    clause = bare_clause(parse, nxt) and (not _seen_doing(parse, nxt) or _evidence_subject(parse, group))
    return group.finite and (clause or _trails(parse, group) or _parenthetical(parse, group)
                             or verb_starts(parse, nxt) or _evidence_subject(parse, group))


def _seen_doing(parse: Parse, i: int) -> bool:
    """A noun phrase at ``i`` and a present participle after it (``the men hiding``)."""
    chunk = parse.chunk_at(i)
    return chunk is not None and doing_after(parse, chunk)


def _naming(parse: Parse, group: Group) -> bool:
    """``call`` names, urges or denounces: an object and what it is called (``called the
    attack an outrage``, ``called Ada Voss, the mayor, "a liar"``, ``called the plan for the
    port reckless``, ``called the men terrorists``, ``what he calls a scandal``), ``called
    to ban``, ``called out``, what ``, as X calls them,`` names (``The terrorists, as the
    government calls them, ...``); not ``called her lawyer on Tuesday``, ``a band called the
    Larks``, ``called a meeting``."""
    tokens = parse.tokens
    nxt = group.last + 1
    if label_agent(parse, group) is not None or relative_object(parse, group) is not None:
        return True  # "has been called a terrorist by state media", "the Front, which the US calls a ..."
    if as_called(parse, group) is not None:
        return True  # "The terrorists, as the government calls them, ..."
    if any(t.lower == "what" for t in tokens[max(0, group.first - 4):group.first]):
        return True  # "what he calls a scandal", "what both papers called a setback"
    if nxt >= len(tokens) or tokens[nxt].tag in ("TO", "RP"):
        return nxt < len(tokens)
    obj = parse.chunk_at(nxt)
    if obj is not None and obj.first == nxt:
        if obj.last > obj.first and tokens[obj.last].tag == "NNS" and tokens[obj.last - 1].tag == "NNS":
            return True  # "the men terrorists": the chunker joins the object and its name
        if any(t.tag == "DT" for t in tokens[obj.first + 1:obj.last + 1]):
            return True  # "this a gift": the same
        k = obj.last + 1
    elif tokens[nxt].lower in _DEMONSTRATIVES:
        k = nxt + 1  # "calls this a smear"
    else:
        return False
    for _ in range(3):  # past an appositive, a prepositional phrase or a second object
        if k < len(tokens) and tokens[k].text == ",":
            k = next((m + 1 for m in range(k + 1, len(tokens)) if tokens[m].text in (",", ";")), len(tokens))
            continue
        more = parse.chunk_at(k + 1) if k + 1 < len(tokens) and tokens[k].tag in ("IN", "CC") else None
        if more is None:
            break
        k = more.last + 1
    while k < len(tokens) and (tokens[k].text in _QUOTE_OPENERS or tokens[k].tag == "RB"):
        k += 1
    if k >= len(tokens) or tokens[k].lower in WHEN:
        return False
    name = parse.chunk_at(k)
    return (name is not None and name.first == k) or tokens[k].tag in ("JJ", "JJR", "JJS", "DT")


def _words_follow(parse: Parse, group: Group) -> bool:
    """Words are reported: a that-clause, a wh-clause, an infinitive, a colon or a quotation
    follows the verb (perhaps after its adverbials: ``wrote in a column that ...``; a
    clause whose subject went before: ``who she claims has been``), or the verb trails or
    follows what it reports (``..., he added.``, ``..., added Ms Voss``)."""
    tokens = parse.tokens
    nxt = group.last + 1
    k = past_adverbials(parse, nxt, clause(parse, group.last)[1])
    if k > nxt or bare_clause(parse, nxt) or _trails(parse, group) or _parenthetical(parse, group):
        return True
    if nxt + 1 < len(tokens) and tokens[nxt].tag == "TO" and tokens[nxt + 1].tag == "VB":
        return True  # "claim to represent"
    if verb_starts(parse, nxt):
        return True  # the clause's subject went before the verb: "who she claims has been rude"
    if k < len(tokens) and tokens[k].text == ",":
        k += 1  # 'added, "We ...', "she added, Voss is ..."
        if bare_clause(parse, k):
            return True
        # an aside set off by commas before the clause: "claimed, without any evidence, that",
        # "claimed, as he left the court, that" (a verb in it only after a subordinator)
        close = next((j for j in range(k, min(k + _ASIDE, len(tokens) - 1)) if tokens[j].text == ","), None)
        if close is not None and tokens[close + 1].lower in _CLAUSE_OPENERS and (
                tokens[k].lower in _ASIDE_OPENERS or not finite_in(parse, k - 1, close)):
            return True
    if k < len(tokens) and (tokens[k].lower in _CLAUSE_OPENERS or tokens[k].text in _QUOTE_OPENERS):
        return True
    return group.finite and group.first > 0 and tokens[group.first - 1].text in BEFORE_INVERTED


def _evidence_subject(parse: Parse, group: Group) -> bool:
    """A poll, a study or records as the subject: what they show or find is theirs, a noun
    phrase too (``Surveys show a narrowing of the gap``; not ``The guide showed us the cave``)."""
    subject = subject_of(parse, group)
    return subject is not None and parse.tokens[subject.last].lemma in lexicon().evidence



def speaks_for(parse: Parse, group: Group, subject: Chunk | None) -> bool:
    """Whether the subject of ``show`` or ``indicate`` can stand for a source: a noun
    phrase before the verb in its clause (or its subject) headed by a name, a person, a
    source noun, evidence or pictures (``Figures show ...``, ``A poll of voters in the port
    showed ...``, ``Police indicated that ...``, ``Satellite images show ...``); not an
    event or a pronoun for one (``The raid on the depot shows the men are ...``, ``It shows
    that ...``: the writer's inference)."""
    tokens = parse.tokens
    lex = lexicon()
    chunks = {c for c in (parse.chunk_at(i) for i in range(clause(parse, group.first)[0], group.first))
              if c is not None}
    if subject is not None:
        chunks.add(subject)
    known = lex.evidence | lex.sources | lex.vague | PICTURES
    for chunk in chunks:
        head = tokens[chunk.last]
        if head.tag in ("NNP", "NNPS") or head.lower in PEOPLE_PRONOUNS or {head.lemma, head.lower} & known:
            return True
    return False


def _trails(parse: Parse, group: Group) -> bool:
    """The verb and its subject trail the clause they report: ``..., records show.``,
    ``..., a new survey indicates.``"""
    return _subject_after_mark(parse, group) and trailing(parse, group.last + 1, clause(parse, group.last)[1])


def _parenthetical(parse: Parse, group: Group) -> bool:
    """The verb and its subject stand between commas inside what they report: ``The
    feud, Ivo Brandt writes, started ...``."""
    if not _subject_after_mark(parse, group) or not adverbial_start(parse, group.last + 1):
        return False
    k = adverbials_end(parse, group.last + 1, len(parse.tokens))
    return k < len(parse.tokens) and parse.tokens[k].text == ","


def _subject_after_mark(parse: Parse, group: Group) -> bool:
    """The verb's subject stands right before it, after a comma, a quote or a dash, or
    after an ``as`` that opens the sentence or follows one (``..., as the coastguard
    confirmed on Tuesday.``)."""
    subject = parse.chunk_at(group.first - 1)
    if subject is None or subject.last != group.first - 1 or subject.first == 0:
        return False
    k = subject.first - 1 - (parse.tokens[subject.first - 1].lower == "as")
    return k < 0 or parse.tokens[k].text in TRAIL_MARKS


def as_put_it(parse: Parse, group: Group) -> bool:
    """``As Voss put it, ...``, ``..., as Voss put it.``: like ``as Voss said``, the clause
    around it is the speaker's."""
    tokens = parse.tokens
    k = group.last + 1
    if group.lemma != "put" or k + 1 >= len(tokens) or tokens[k].lower != "it" or (
            tokens[k + 1].text not in (",", ".", ";")):
        return False
    return _as_before_subject(parse, group) >= 0


# How "put it" may go on before a colon: "put it bluntly:", "put it this way:".
_PUT_IT_MANNER = frozenset({"bluntly", "simply", "plainly", "starkly", "succinctly", "best", "more", "this",
                            "that", "another", "way", "like", "so", "thus"})


def put_it_colon(parse: Parse, group: Group) -> int:
    """The colon (or the dash) after ``The mayor put it bluntly:`` or ``put it this way:``
    (what follows is the speaker's words), or -1."""
    tokens = parse.tokens
    k = group.last + 1
    after_subject = group.first > 0 and tokens[group.first - 1].tag in ("NN", "NNS", "NNP", "NNPS", "PRP")
    if group.lemma != "put" or k >= len(tokens) or tokens[k].lower != "it" or not (
            group.finite or after_subject):
        return -1  # (the model may read "The mayor put/VB it": no past it can tell from a base form)
    k += 1
    while k < len(tokens) and k <= group.last + 4 and tokens[k].lower in _PUT_IT_MANNER:
        k += 1
    return k if opens_words(parse, k) else -1


# Pronouns that stand for what a naming verb names after "as": "as the government calls them".
_NAMED_PRONOUNS = frozenset({"them", "it", "him", "her"})


def what_called(parse: Parse, group: Group) -> tuple[int, int] | None:
    """The name a free relative gives (``in what Voss called an act of terror, ...``,
    ``What the mayor called a riot was ...``, ``In what police are treating as a terrorist
    attack, ...``): token bounds of the words after the verb (and a verb of seeing's
    ``as``), to the clause's end or the next finite verb; the sentence around them is the
    writer's."""
    tokens = parse.tokens
    first = group.last + 1
    lex = lexicon()  # (a verb of seeing's or of labelling's "as": "what the army described as")
    first += (group.lemma in lex.seeing or group.lemma in lex.labelling) and first < len(tokens) and (
        tokens[first].lower == "as")
    named = group.lemma in NAMING or first > group.last + 1
    if not named or first >= len(tokens) or what_subject(parse, group) is None:
        return None
    end = next((j for j in range(first, len(tokens))
                if tokens[j].text in (",", ";", ":", "(", ")") or tokens[j].text in DASHES
                or tokens[j].tag == "." or verb_starts(parse, j)), len(tokens))
    return (first, end - 1) if end > first else None


# Verbs whose ", as X ... them," gives X's name to the noun phrase before it: the naming
# verbs, and those that name with "as" ("The terrorists, as Voss describes them, ...").
_AS_NAMED = NAMING | {"describe", "characterise", "characterize", "portray", "depict"}


def as_called(parse: Parse, group: Group) -> Chunk | None:
    """The noun phrase that ``, as X calls them,`` (or ``describes them``) gives X's name
    to: ``The terrorists, as the government calls them, ...``, also between dashes or in
    brackets, or with no mark in the present (``terrorists as the mayor calls them``; not
    ``came as the farmer called them``, a time) (the noun phrase right before the comma,
    with its prepositional phrases: ``The extremists on the council, as Vann calls the
    bridge's supporters, ...``; but only the person "her" or "him" stands for: ``The deal
    with Ada, as friends call her, ...``). A noun phrase in place of the pronoun counts
    only in the present tense and with more of the sentence after it (``, as Voss called
    the police.`` is a time, not a name)."""
    tokens = parse.tokens
    k = group.last + 1
    if group.lemma not in _AS_NAMED or k + 1 >= len(tokens):
        return None
    end = k
    if tokens[k].lower not in _NAMED_PRONOUNS:
        obj = parse.chunk_at(k)
        if obj is None or obj.first != k or group.tense != "present":
            return None
        end = obj.last
        if end + 1 >= len(tokens) or tokens[end + 1].text != ",":
            return None
    if end + 1 >= len(tokens) or (tokens[end + 1].text not in (",", ".", ")", ";")
                                  and tokens[end + 1].text not in DASHES):
        return None
    at = _as_before_subject(parse, group)
    if at < 1:
        return None
    # (also "The terrorists — as Voss calls them — fled", "(as Voss calls them)", and with no
    # mark in the present: "The men were terrorists as the mayor calls them.")
    marked = tokens[at - 1].text in (",", "(") or tokens[at - 1].text in DASHES
    if not marked and group.tense != "present":
        return None  # (a time: "the dogs came as the farmer called them")
    named = parse.chunk_at(at - 1 - marked)
    if named is None or named.last != at - 1 - marked:
        return None
    person = tokens[k].lower in ("her", "him")  # "The deal with Ada, as friends call her": Ada
    while not person and named.first >= 2 and tokens[named.first - 1].tag == "IN" and (
            tokens[named.first - 1].lower != "that"):
        earlier = before_preposition(parse, named)  # "The extremists on | the council |"
        if earlier is None:
            break
        named = named._replace(first=earlier.first)
    return named


def _as_before_subject(parse: Parse, group: Group) -> int:
    """The index of the ``as`` right before the verb's subject (``as Voss put it``, ``as the
    government calls them``), or -1."""
    subject = subject_of(parse, group)
    if subject is None or subject.first == 0 or parse.tokens[subject.first - 1].lower != "as":
        return -1
    return subject.first - 1


# Particles that make another verb of a reporting one ("called off", "told off", "played
# down"; not "out" or "back": "cried out that", "wrote back that" still report).
_OTHER_VERB = frozenset({"off", "down", "away", "up"})


def phrasal(parse: Parse, verbs: frozenset[str], group: Group) -> Group:
    """The group with its particle when verb and particle make a reporting verb
    (``pointed out``, ``called for``, ``called on``, ``pointed to``, ``spoke of``), or with
    the other verb's lemma (``called off``, which reports nothing); else as it is."""
    nxt = group.last + 1
    tokens = parse.tokens
    if nxt < len(tokens) and (tokens[nxt].tag == "RP"
                              or tokens[nxt].lower in ("for", "on", "upon", "to", "of")):
        lemma = f"{group.lemma} {tokens[nxt].lower}"
        if lemma in verbs:
            return group._replace(last=nxt, lemma=lemma)
        if tokens[nxt].tag == "RP" and tokens[nxt].lower in _OTHER_VERB:
            return group._replace(lemma=lemma)
    return group
