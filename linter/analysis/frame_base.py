"""The parts every attribution frame is made of: the :class:`Frame` itself, the cue
word lists, and the grammar shared by verb frames and phrase frames (a cue's clause,
the subject of a verb group). Whether a source names anyone is :mod:`.vague_sources`'s
question. See :mod:`.frames`."""

from functools import lru_cache
from typing import NamedTuple

from linter.analysis.asides import COMMA_OR_DASH, DASHES
from linter.analysis.chunks import TIMES, Chunk, Group
from linter.analysis.cues import cue_words
from linter.analysis.relatives import past_relative
from linter.analysis.syntax import SUBORDINATORS, Parse

_CLAUSE_LINKS = frozenset({"and", "but", "while", "whereas", "although", "though"})
_NEW_CLAUSE = 14  # tokens after ", and" within which a new clause's verb must come
# Subjects that are the writer's, not a source or a speaker: "It is certain the men ...",
# "It was emotional."
NO_HOLDER = frozenset({"it", "there", "this", "that"})
# The words that open a reported question or an indirect one ("asked whether ...", "explained
# how ...", "wanted to know why ..."); the reporting modules add "that" and the like.
QUESTION_OPENERS = frozenset({"whether", "if", "how", "why", "what", "who", "when", "where"})
# What sets off a relative clause from the noun it stands for: a comma, a dash, a bracket.
_SETS_OFF = COMMA_OR_DASH | {"("}
# First words of a subject that names no one: "Nobody said", "No official has claimed",
# "None of the ministers called", "No-one felt", "Neither side said".
_NO_ONE = frozenset({"no", "nobody", "none", "no-one", "noone", "neither"})


class Frame(NamedTuple):
    """One attribution: the cue's span, the source's span (None when the cue has none),
    whether the source is vague, and the span of attributed content (``doc.text``
    offsets; empty when the content could not be told)."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    vague: bool
    content: tuple[int, int]
    # "verb", "act" (called for), "evidence" (figures show X), "passive", "according", "colon",
    # "answer" (an interview's "A: ..."), "caps" (a label in capitals: "TAMM: ..."), "dash"
    # (a headline's "... -police"), "noun", "pictures" (according to footage: a source for
    # what it shows, but its words are the writer's)
    kind: str
    thought: bool = False  # a verb of thought or feeling (believe, fear), not of speech

    def covers(self, start: int, end: int) -> bool:
        """True when the span lies in the content (whoever the source is) and not in the
        words that name the source (``according to a spokesman for the X, ...``: the
        writer's description of the source)."""
        if self.source is not None and self.source[0] <= start and end <= self.source[1]:
            return False
        return self.content[0] <= start and end <= self.content[1]

    def attributes(self, start: int, end: int) -> bool:
        """True when the span lies in the content and the source names someone."""
        return not self.vague and self.covers(start, end)

    @property
    def speech(self) -> bool:
        """Someone named said, wrote or published something here: a source a reader can
        weigh, for words anywhere near it (a figure, a vague phrase). A demand told as an
        event (``called for calm``) and evidence with no that-clause (``figures showed the
        economy grew``) are not: they source only their own content."""
        return not self.vague and not self.thought and self.kind not in ("act", "evidence")


class Lexicon(NamedTuple):
    """The word lists of ``rules/_data/cues.yml`` as the frames read them (lemmas)."""

    verbs: frozenset[str]  # every verb that can open a frame: saying, thought, that-clause, acts
    vague: frozenset[str]  # source heads that name no one
    causes: frozenset[str]  # what campaigners are for, naming none of them: "rights groups"
    thoughts: frozenset[str]  # verbs of thought and feeling
    needthat: frozenset[str]  # verbs that report only with a that-clause
    clausal: frozenset[str]  # verbs of saying whose object alone is no words: "added a floor"
    nouns: frozenset[str]  # nouns whose that-clause is their owner's words
    positions: frozenset[str]  # nouns whose clause is their owner's words after a copula: "position is that"
    undertakings: frozenset[str]  # nouns whose infinitive is their owner's words: "Tamm's vow to ..."
    acts: frozenset[str]  # speech acts whose complement is a demand: "called for", "demanded"
    seeing: frozenset[str]  # verbs of thought only before "as": "sees the men as martyrs"
    evidence: frozenset[str]  # subjects whose show/find needs no that-clause: poll, study
    showing: frozenset[str]  # verbs whose subject must be evidence or a source: show, point to
    sources: frozenset[str]  # nouns of sources and speakers: police, officials, spokesman
    trailing: frozenset[str]  # verbs that report only trailing or around their words: continued
    labelling: frozenset[str]  # verbs whose passive names its subject, then by whom: "branded ... by"
    objects: frozenset[str]  # verbs whose words are the noun phrase after them: cite, condemn
    persons: frozenset[str]  # nouns of a person's role or trade: mayor, analyst, chairman
    standing: frozenset[str]  # words of standing or a field that leave researchers unnamed: independent


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue words (:func:`linter.analysis.cues.cue_words`) as frozen sets."""
    words = cue_words()
    sets = {key: frozenset(words[key]) for key in ("verbs", "thoughts", "needthat", "clausal", "vague",
                                                   "causes", "contentnouns", "positions", "undertakings",
                                                   "acts", "seeing", "evidence", "showing", "sources",
                                                   "nouns", "trailing", "labelling", "objects", "persons",
                                                   "standing")}
    verbs = frozenset().union(*(sets[key] for key in ("verbs", "thoughts", "needthat", "acts", "seeing",
                                                      "trailing")))
    return Lexicon(verbs, sets["vague"], sets["causes"], sets["thoughts"] | sets["seeing"],
                   sets["needthat"], sets["clausal"], sets["contentnouns"], sets["positions"],
                   sets["undertakings"], sets["acts"], sets["seeing"], sets["evidence"], sets["showing"],
                   sets["sources"] | sets["nouns"], sets["trailing"], sets["labelling"], sets["objects"],
                   sets["persons"], sets["standing"])


# Pronouns that stand for people the story has named: a speaker ("he was blunt: ..."), a
# source ("they say ...") or the subject of a holder's view ("To the mayor, they are ...").
PEOPLE_PRONOUNS = frozenset({"he", "she", "they"})


def span(parse: Parse, first: int, last: int) -> tuple[int, int]:
    return parse.tokens[first].start, parse.tokens[last].end


def clause(parse: Parse, i: int) -> tuple[int, int]:
    """Token bounds (inclusive) of the clause holding token ``i``: cut at ``;``, at a
    comma followed by a linking word and a new finite clause, and at the comma that ends
    an opening adverbial clause once a finite verb starts at ``i`` or follows it there
    (``After police said the men had fled, | the gunmen ...``, ``When the minister
    confirmed the raid, | ...``; not ``While ..., according to the port, the gunmen
    ...``, which may report either clause)."""
    tokens = parse.tokens
    lo, hi = 0, len(tokens) - 1
    for j in range(i - 1, -1, -1):
        if _breaks(parse, j):
            lo = j + 1
            break
    for j in range(i + 1, len(tokens)):
        if _breaks(parse, j):
            hi = j - 1
            break
    if tokens[lo].lower in _SUBORDINATORS and lo < i:
        end = next((j for j in range(lo + 1, hi)
                    if tokens[j].text == "," and finite_in(parse, lo, j - 1) and main_clause(parse, j)), hi)
        if i < end < hi and finite_in(parse, i - verb_starts(parse, i), end - 1):
            hi = end - 1
    return lo, hi


# Words that open an adverbial clause before the main clause ("As police said, ..." is an
# attribution of the main clause, and is left out; "whether" and "where" open no such clause).
_SUBORDINATORS = SUBORDINATORS - {"as", "whether", "where"}


def main_clause(parse: Parse, comma: int) -> bool:
    """A comma followed by a subject and its finite verb (``..., the gunmen were caught``,
    ``..., Voss and her aides left``)."""
    subject = parse.chunk_at(comma + 1)
    if subject is None or subject.first != comma + 1:
        return False
    tokens = parse.tokens
    while subject.last + 2 < len(tokens) and tokens[subject.last + 1].lower in ("and", "or"):
        more = parse.chunk_at(subject.last + 2)  # a subject of two or more: "Voss and her aides"
        if more is None or more.first != subject.last + 2:
            break
        subject = more
    return parse.group_after(subject) is not None


def _breaks(parse: Parse, j: int) -> bool:
    """A clause boundary at token ``j``: a semicolon, or a comma (or a dash) and a linking
    word that open a new finite clause (``..., and police said``, ``..., and according to
    the organisers 5,000 people joined``, ``- but the men are still ...``), not a list
    (``red, white, and blue``)."""
    tokens = parse.tokens
    if tokens[j].text == ";":
        return True
    if tokens[j].text not in COMMA_OR_DASH or j + 2 >= len(tokens) or (
            tokens[j + 1].lower not in _CLAUSE_LINKS):
        return False
    if tokens[j + 2].tag == "IN" and tokens[j + 2].lower not in _SUBORDINATORS:
        # an aside before the verb: "said ending the talks, and without knowing who will
        # win, could cost lives" (not "..., and after police arrived, the men fled")
        close = next((k for k in range(j + 3, len(tokens))
                      if tokens[k].text in (",", ";") or tokens[k].tag == "."), len(tokens))
        if close + 1 < len(tokens) and tokens[close].text == "," and verb_starts(parse, close + 1):
            return False
    for k in range(j + 2, min(len(tokens), j + 2 + _NEW_CLAUSE)):
        if tokens[k].text in (";", ":") or tokens[k].tag == "." or (
                tokens[j].text in DASHES and tokens[k].text in DASHES):
            return False  # (a pair of dashes is an aside: "columns - and even a film - have been")
        group = parse.group_at(k)
        if group is not None and group.finite and all(t.tag in ("RB", "RBR") for t in tokens[j + 2:k]):
            return False  # "..., and should be freed, the group says": one subject, two verbs
        if group is not None and group.finite:
            # not "..., and 10 barns, the police report said": a trailing cue is no new clause
            subject = subject_of(parse, group)
            return not (group.lemma in lexicon().verbs and subject is not None and subject.first > j + 2
                        and tokens[subject.first - 1].text == ",")
    return False


def after_semicolon(parse: Parse, i: int) -> int:
    """The first token after the last semicolon before token ``i``, or 0: where the part of
    the sentence that a trailing cue reports begins."""
    return next((k + 1 for k in range(i - 1, -1, -1) if parse.tokens[k].text == ";"), 0)


def finite_in(parse: Parse, after: int, last: int) -> bool:
    """A finite verb group starts after token ``after``, at ``last`` at the latest."""
    return any(g.finite for g in parse.groups if after < g.first <= last)


def verb_starts(parse: Parse, k: int) -> bool:
    """A finite verb group starts at token ``k``."""
    group = parse.group_at(k)
    return group is not None and group.finite and group.first == k


def opens_words(parse: Parse, k: int) -> bool:
    """A colon at ``k``, or a dash that opens no aside (no dash after it) and closes none
    (an even number before it), with words after it: what follows is the words of whoever
    comes before (``Voss was blunt: ...``, ``Voss put it bluntly - ...``; not ``the port -
    shut since May - reopened``, ``her strength - her message - into a weakness``)."""
    tokens = parse.tokens
    return k < len(tokens) - 1 and (tokens[k].text == ":" or (
        tokens[k].text in DASHES and all(t.text not in DASHES for t in tokens[k + 1:])
        and sum(t.text in DASHES for t in tokens[:k]) % 2 == 0))


# The writer's own possessives: "my view", "our word" name no one else.
WRITERS = frozenset({"my", "our"})


def possessor(parse: Parse, chunk: Chunk) -> tuple[int, int] | None:
    """The possessive in ``chunk`` before its head (``the mayor's view``, ``his term``): its
    token and the last token of the owner (the word before "'s", or "his" itself), or None."""
    tokens = parse.tokens
    j = next((j for j in range(chunk.first, chunk.last) if tokens[j].tag in ("POS", "PRP$")), -1)
    return None if j < 0 else (j, j - 1 if tokens[j].tag == "POS" else j)


def content_span(parse: Parse, first: int, last: int) -> tuple[int, int]:
    if first > last or first >= len(parse.tokens):
        return (0, 0)
    return span(parse, first, last)


def subject_of(parse: Parse, group: Group) -> Chunk | None:
    """The chunk the group is said of: its subject, or for a relative clause (``Ida Marsh,
    who ... told councillors``) the noun the relative pronoun stands for."""
    antecedent = past_relative(parse, group)  # "An official who asked not to be named said"
    if antecedent is not None:
        return _with_partner(parse, _the_name_of(parse, antecedent))
    objects: list[Chunk] = []
    for chunk in reversed(parse.chunks):
        after = parse.group_after(chunk)
        if chunk.last < group.first and after is not None and after.first == group.first:
            if after.first > chunk.last + 1 and _object(parse, chunk):
                objects.append(chunk)  # "The mayor lacks support from farmers, whom ..., said Ms Ambo"
                continue
            return _with_partner(parse, _head_phrase(parse, _the_name_of(parse, chunk), group))
    if objects and not _inverted_subject(parse, group):
        return objects[0]  # a chain of asides the parse cannot see through: the nearest noun
    i = group.first - 1
    while i >= 0 and parse.tokens[i].tag in ("RB", "RBR"):
        i -= 1
    if i >= 1 and parse.tokens[i].lower in ("who", "which", "that"):
        j = i - 1 - (parse.tokens[i - 1].text in _SETS_OFF)  # "the army, which", "the army - which"
        if j >= 0 and parse.tokens[j].lower == "those" and i == j + 1:  # "Those who called the men ..."
            return Chunk(j, j, definite=True, counted=False, proper=False)
        return parse.chunk_at(j) if j >= 0 else None
    if i >= 0 and parse.tokens[i].tag == "CC":  # "who chairs the association and told ..."
        earlier = [g for g in parse.groups if g.last < i and g.finite]
        return subject_of(parse, earlier[-1]) if earlier else None
    return None


def denies(parse: Parse, group: Group) -> bool:
    """The group tells of something not done: it is negated (``did not say``, ``never
    called``), or its subject names no one (``Nobody said``, ``No court has ruled``,
    ``None of the ministers called``; not ``No 10 said``, Downing Street, nor a phrase
    before an inverted "said": ``found "no trace," aside from ..., said the master``)."""
    if parse.negated(group):
        return True
    subject = subject_of(parse, group)
    if subject is None or inverted_after_aside(parse, group, subject):
        return False
    tokens, first = parse.tokens, subject.first
    return tokens[first].lower in _NO_ONE and not (first + 1 < len(tokens) and tokens[first + 1].tag == "CD")


def _with_partner(parse: Parse, chunk: Chunk) -> Chunk:
    """The chunk, with the noun phrase joined to it by "and" or "or" before it: "she and
    another reporter said", "Voss and others who oppose the levy said": both are the subject."""
    k = chunk.first - 1
    if k >= 1 and parse.tokens[k].lower in ("and", "or"):
        partner = parse.chunk_at(k - 1)
        if partner is not None and partner.last == k - 1:
            return chunk._replace(first=partner.first)
    return chunk


# What opens a clause, so that a noun phrase after it may be a subject.
_OPENS_CLAUSE = frozenset({"after", "before", "when", "while", "because", "since", "as", "until", "if",
                           "unless", "although", "though", "whereas", "that", "and", "but", "or", "so",
                           "where"})
# Of those, the ones that are prepositions too ("before the winter").
_PREPOSITIONS_TOO = frozenset({"after", "before", "since", "until", "as"})
_OPENS_CLAUSE_MARKS = frozenset({",", ";", ":", "(", "—", "–", "-", "--", "“", "‘", '"', "'", "«"})


def _inverted_subject(parse: Parse, group: Group) -> bool:
    """A noun phrase without a verb of its own follows the verb: ``..., said Nell Ambo.``"""
    chunk = parse.chunk_at(group.last + 1)
    return chunk is not None and chunk.first == group.last + 1 and not has_own_verb(parse, chunk)


def has_own_verb(parse: Parse, chunk: Chunk) -> bool:
    """A finite verb follows ``chunk`` with no comma between (``..., said the men had
    left``; not ``..., said Nell Ambo, an expert, would ...``), or a quotation opens right
    after it (``..., said the plans "raise questions"``, where the tagger may miss the verb)."""
    nxt = chunk.last + 1
    if nxt < len(parse.tokens) and parse.tokens[nxt].text in _OPENING_QUOTES:
        return True
    after = parse.group_after(chunk)
    return after is not None and all(t.text != "," for t in parse.tokens[chunk.last + 1:after.first])


_OPENING_QUOTES = frozenset({'"', "“", "‘", "«", "``"})


def inverted_after_aside(parse: Parse, group: Group, subject: Chunk) -> bool:
    """``..., aside from a boat left at the quay, said the harbour master.``: a verb after a
    comma whose subject stands back beyond it, with a noun phrase after it that ends the
    sentence or opens an apposition and no finite verb to the end of the sentence, is an
    inverted "said" or "added": that noun phrase is its source,
    not the subject before the aside (``The men, police said, ...`` has its subject at
    the comma; ``..., said the port "is safe"`` and ``said Voss would ...`` have verbs)."""
    tokens = parse.tokens
    if group.lemma not in ("say", "add") or subject.last + 2 >= group.first or (
            tokens[group.first - 1].text != ","):
        return False  # (not a verb that takes an object: "The Front, a militia, denied the attack.")
    behind = parse.chunk_at(group.last + 1)
    if behind is None or behind.first != group.last + 1 or tokens[behind.last].lower in TIMES:
        return False
    end = behind.last + 1
    return (end < len(tokens) and tokens[end].text in (".", ",") and not has_own_verb(parse, behind)
            and not finite_in(parse, behind.last, len(tokens) - 1))


def _object(parse: Parse, chunk: Chunk) -> bool:
    """``chunk`` comes after a finite verb of its own clause (perhaps within prepositional
    phrases): an object, not a subject (``lacks support from farmers``). Asked only of a
    chunk with words between it and the verb, so a tagger's slip before a subject right
    at its verb (``Party whip/VBP Ann Vell warned``) costs nothing. A word such as
    "before" right before the chunk, with a comma after it, is a preposition (``would let
    them regroup before | the winter |, forcing ..., said Ada Frey``), not a clause's start;
    a phrase in quote marks is passed over whole."""
    tokens = parse.tokens
    comma_after = chunk.last + 1 < len(tokens) and tokens[chunk.last + 1].text == ","
    k = chunk.first
    while k > 0:
        k -= 1
        token = tokens[k]
        if k == chunk.first - 1 and comma_after and token.tag == "IN" and token.lower in _PREPOSITIONS_TOO:
            continue
        if token.tag == "''":  # a phrase in quote marks: 'would create a "winter of pain" for Voss'
            k = next((j for j in range(k - 1, -1, -1) if tokens[j].tag == "``"), k)
            continue
        if token.lower in _OPENS_CLAUSE or token.text in _OPENS_CLAUSE_MARKS or token.tag in ("WP", "WDT"):
            return False
        group = parse.group_at(k)
        if group is not None and group.finite:
            return True
    return False


def _the_name_of(parse: Parse, chunk: Chunk) -> Chunk:
    """Of an appositive and the noun phrase it stands beside, the one that is a name, the
    first if both are: "Anna Roke" in "its director, Anna Roke, confirmed", "Ivo Brandt" in
    "Ivo Brandt, the club's coach, is thought to ..." (whose club is not who thinks it)."""
    head = parse.chunk_at(chunk.first - 2) if parse.after_apposition(chunk) is not None else None
    return head if head is not None and parse.tokens[head.last].tag in ("NNP", "NNPS") else chunk


# Words tagged as prepositions that open a clause whose subject follows them ("terrorists
# as | the mayor | calls them": the mayor calls, not the terrorists).
_OPENS_CLAUSE = frozenset({"that", "as", "because", "if", "while", "although", "though", "unless", "whereas",
                           "whether"})


def _head_phrase(parse: Parse, chunk: Chunk, group: Group) -> Chunk:
    """The noun phrase whose prepositional phrase ``chunk`` ends, when that phrase is also
    the group's subject: ``people close to | the mayor | say``, ``officials in | the
    ministry | said``, ``the statement issued by | the harbour board | said``."""
    tokens = parse.tokens
    while chunk.first >= 2 and tokens[chunk.first - 1].tag in ("IN", "TO") and (
            tokens[chunk.first - 1].lower not in _OPENS_CLAUSE):
        k = chunk.first - 2 - (tokens[chunk.first - 2].tag == "JJ")  # "close to", "loyal to"
        if tokens[chunk.first - 1].lower == "by" and tokens[k].tag == "VBN":
            k -= 1  # "issued by", "released by"
        earlier = parse.chunk_ending_at(k)
        if earlier is None or parse.group_after(earlier) != group:
            break
        chunk = earlier
    return chunk
