"""Attribution frames whose cue is a phrase that names its source before or after the
words: ``according to X``, ``per X``, ``in the words (eyes, view) of X``, ``in X's view``,
``In Voss's telling, ...``, ``In a report by the Harbour Institute, ...`` and ``For the
Sarn government, the strikers are ...`` (see :mod:`.frames`)."""

from __future__ import annotations

from linter.analysis.asides import DASHES
from linter.analysis.chunks import Chunk
from linter.analysis.cues import ACCOUNTS, TALLIES, VIEWS, WRITINGS
from linter.analysis.frame_base import (
    PEOPLE_PRONOUNS,
    WRITERS,
    Frame,
    after_semicolon,
    clause,
    content_span,
    finite_in,
    lexicon,
    span,
)
from linter.analysis.syntax import COPULAS, Parse
from linter.analysis.vague_sources import DOCUMENTS, PICTURES, unowned_report, vague_source

_TO_PREPOSITIONS = frozenset({"to"})
# Brackets that may open the clause of "according to": "(According to police, ...)".
_OPENING = frozenset({"(", "["})
# What "according to" names when it names no source: "went according to plan".
_NO_SOURCE = frozenset({"plan", "plans", "schedule", "tradition", "custom", "protocol", "form", "script"})
# Subordinators of a clause that leans on the main clause after it.
_FRONTED = frozenset({"while", "although", "though", "whereas", "as", "because", "since", "if", "when",
                      "after", "before", "once", "unless", "until"})


def _cue_at(parse: Parse, i: int) -> tuple[int, int, int] | None:
    """A cue that names its source starting at ``i``: (its last token, the source's first
    token, the source's last token or -1 where the source runs on to a comma): ``according
    to X``, ``per X`` opening a clause, ``in the words (eyes, view) of X``, ``in X's view``,
    and opening a sentence ``In X's telling,``, ``In its report,``, ``In a report by X,``,
    ``For X,`` (:func:`_holder`)."""
    tokens = parse.tokens
    n = len(tokens)
    if i == 0 and tokens[0].lower in _FOR_HOLDER:
        return _holder(parse)
    if tokens[i].lower == "according" and i + 2 < n and tokens[i + 1].lower in _TO_PREPOSITIONS:
        return None if tokens[i + 2].lower in _NO_SOURCE else (i + 1, i + 2, -1)  # (not "according to plan")
    if tokens[i].lower == "per" and i + 2 < n and (i == 0 or tokens[i - 1].text == ",") and (
            tokens[i + 1].tag in ("DT", "NNP", "NNPS", "PRP$") or _capitalised_phrase(parse, i + 1)):
        return i, i + 1, -1  # "Per the army, ...", "..., per Orsk police." (not "per cent", "per person")
    if tokens[i].lower in _RECKONED and i + 2 < n and (i == 0 or tokens[i - 1].text == ","):
        return _reckoning(parse, i)
    if tokens[i].lower != "in" or i + 2 >= n:
        return None
    if i + 4 < n and tokens[i + 1].lower == "the" and tokens[i + 2].lower in VIEWS and (
            tokens[i + 3].lower == "of"):
        return i + 3, i + 4, -1
    owned = parse.chunk_at(i + 1)  # "in the mayor's view", "in his view" (as "he said" is his)
    if owned is None or owned.first != i + 1:
        return None
    word = tokens[owned.last].lower
    if i == 0 and word not in _OPENERS:  # "In Mr Frey's book Mr Voss is said ...", with no
        # comma: the chunk ran the writing into the name after it
        k = next((k for k in range(owned.first + 2, owned.last) if tokens[k].lower in _OPENERS
                  and tokens[k - 1].tag == "POS" and tokens[k + 1].tag == "NNP"), -1)
        if k > 0:
            return k, owned.first, k - 2
    author = _author(parse, owned.last) if i == 0 and word in WRITINGS else None
    if author is not None:
        return author  # "In a report compiled by the Harbour Institute in 2003, ..."
    if word not in VIEWS and not (word in _OPENERS and i == 0 and owned.last + 1 < n
                                  and (tokens[owned.last + 1].text == "," or (
                                      tokens[owned.last + 1].tag in _NEW_PHRASE and any(
                                          t.tag == "POS" for t in tokens[owned.first:owned.last])))) and not (
            word in ACCOUNTS
            and (_of_events(parse, owned.last) if i == 0 else _ends_trailing(parse, i, owned))):
        # (a telling or a writing only opening the sentence: "In Voss's telling, ...", or an
        # owned one before the next noun phrase: "In Ida Kell's book the mayor ...", and a
        # telling "of events" opening it or one ending it: "..., in the army's telling.")
        return None
    return _owner(parse, owned)


def _owner(parse: Parse, owned: Chunk) -> tuple[int, int, int] | None:
    """The cue of an owned noun phrase (``the mayor's view``, ``his account``) as
    ``_cue_at`` gives it: its head, and its owner as the source (not ``my`` or ``our``, the
    writer's, nor an owner owned again, ``his mother's view``)."""
    tokens = parse.tokens
    if tokens[owned.first].tag == "PRP$":  # (not "in my view", "in our view": the writer's)
        mine = tokens[owned.first].lower in WRITERS
        owned_again = any(t.tag == "POS" for t in tokens[owned.first + 1:owned.last])  # "his mother's view"
        return None if mine or owned_again else (owned.last, owned.first, owned.first)
    owner = next((k for k in range(owned.first + 1, owned.last) if tokens[k].tag == "POS"), -1)
    return (owned.last, owned.first, owner - 1) if owner > 0 else None


# Prepositions of someone's reckoning, and the nouns of it they take: "By the army's own
# count, ...", "By his account, ...", "On the ministry's figures, ...", "..., by her own
# admission." ("on his account" is for his sake: "on" takes only a reckoning).
_RECKONED = frozenset({"by", "on"})
_BY_OWNED = ACCOUNTS | TALLIES
_ENDS = frozenset({".", "!", "?"})


def _reckoning(parse: Parse, i: int) -> tuple[int, int, int] | None:
    """``By X's count`` or ``On X's figures`` (:data:`_RECKONED`) opening a sentence before a
    comma, or ending one after a comma, as a cue of ``_cue_at``: the clause is the owner's."""
    tokens = parse.tokens
    owned = parse.chunk_at(i + 1)
    if owned is None or owned.first != i + 1 or owned.last + 1 >= len(tokens):
        return None
    if tokens[owned.last].lower not in (TALLIES if tokens[i].lower == "on" else _BY_OWNED):
        return None
    if not (tokens[owned.last + 1].text == "," if i == 0 else _ends_trailing(parse, i, owned)):
        return None
    return _owner(parse, owned)


def _ends_trailing(parse: Parse, i: int, owned: Chunk) -> bool:
    """The phrase at ``i`` follows a comma and its noun phrase ends the sentence (``...,
    by the army's account.``)."""
    tokens = parse.tokens
    return i > 0 and tokens[i - 1].text == "," and owned.last + 1 < len(tokens) and (
        tokens[owned.last + 1].text in _ENDS)


def _of_events(parse: Parse, head: int) -> bool:
    """A telling's ``of`` phrase runs to the comma that ends an opening phrase (``In the
    ministry's version of events, ...``)."""
    tokens = parse.tokens
    if head + 2 >= len(tokens) or tokens[head + 1].lower != "of":
        return False
    what = parse.chunk_at(head + 2)
    return what is not None and what.first == head + 2 and what.last + 1 < len(tokens) and (
        tokens[what.last + 1].text == ",")


# "For Voss, the strikers are terrorists", "To the ministry, ...": whose view a sentence is.
_FOR_HOLDER = frozenset({"for", "to"})
# Capitalised words after "For" that name a time, not a holder of a view ("For Monday, ...").
_TIMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                    "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december", "christmas", "easter"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _holder(parse: Parse) -> tuple[int, int, int] | None:
    """``For X, ...`` or ``To X, ...`` opening a sentence whose own verb is a copula in the
    simple present after a definite, named or plural subject (or they, he or she), with X a
    name, a source (police, the ministry), a person by role (the mayor) or him, her or
    them: X's view (``For the Sarn government, the
    strikers are terrorists``). ``To X`` is a view in the past too, and needs no comma
    before a subject that is a name or a pronoun, also past a place or a group X belongs
    to (``To the government in Tarn he was a terrorist``, as an obituary tells a life).
    Not ``For years, ...``, ``For Monday, ...``, ``For me,
    ...`` (the writer's), nor the writer telling how things stand for X: ``For the dockers,
    the strike ended badly``, ``For Voss, it had been a long week``, ``For them, the port
    has become a prison``, ``For the party, there is much to lose``, ``For the dockers,
    the terrorists were a threat``."""
    tokens = parse.tokens
    holder = parse.chunk_at(1)
    if holder is None or holder.first != 1 or holder.last + 2 >= len(tokens):
        return None
    if tokens[holder.last].lower in _TIMES or not names_someone(parse, holder):
        return None  # (a person by role too: "To the mayor, ...")
    to = tokens[0].lower == "to"
    k = holder.last + 1
    if to and tokens[k].lower in ("in", "of", "at") and (place := parse.chunk_at(k + 1)) is not None and (
            place.first == k + 1):
        k = place.last + 1  # "To the government in Tarn ...", "To the villagers of the hills, ..."
    comma = k < len(tokens) and tokens[k].text == ","
    subject = parse.chunk_at(k + comma)
    if subject is None or subject.first != k + comma or not (
            subject.definite or subject.proper or tokens[subject.last].tag in ("NNS", "NNP", "NNPS")
            or tokens[subject.last].lower in PEOPLE_PRONOUNS):
        return None  # (not "For Voss, it had been a long week", "For them, exile has become ...")
    named = tokens[subject.last].tag in ("NNP", "NNPS") or tokens[subject.last].lower in PEOPLE_PRONOUNS
    if not comma and not (to and named):
        return None
    verb = parse.group_after(subject)
    tenses = ("present", "past") if to else ("present",)
    if verb is None or verb.lemma not in COPULAS or verb.tense not in tenses:
        return None  # (not "For the dockers, the terrorists were a threat")
    return None if verb.perfect or verb.progressive else (0, 1, -1)


def names_someone(parse: Parse, chunk: Chunk) -> bool:
    """The noun phrase names someone who may hold a view: a name, him, her or them, a source
    (police, the ministry), or with a determiner a person by role (the mayor) or by kin or
    neighbourhood (their families, his widow, the villagers)."""
    head = parse.tokens[chunk.last]
    lex = lexicon()
    by_role = head.lemma in lex.persons or head.lemma in _KIN
    return (head.tag in ("NNP", "NNPS") or (chunk.first == chunk.last and head.lower in _OBJECT_PRONOUNS)
            or head.lemma in lex.sources or (chunk.definite and by_role))


# People by kin or neighbourhood, who hold a view of their own ("To their families, the men
# are martyrs").
_KIN = frozenset({"family", "relative", "parent", "mother", "father", "wife", "husband", "widow",
                  "son", "daughter", "brother", "sister", "neighbour", "neighbor", "friend", "colleague",
                  "villager"})


# What opens the noun phrase after an opening writing with no comma.
_NEW_PHRASE = frozenset({"DT", "NNP", "NNPS", "PRP", "PRP$", "CD"})
# Nouns whose owner an opening phrase names as the source of the clause after it.
_OPENERS = ACCOUNTS | WRITINGS
# What is done to a writing between it and its author: "a report compiled by ...".
_WRITTEN = frozenset({"compiled", "published", "issued", "released", "written", "prepared", "produced",
                      "drawn", "filed", "submitted", "delivered", "carried", "conducted"})


def _author(parse: Parse, head: int) -> tuple[int, int, int] | None:
    """The author of an opening writing, after ``by`` and up to the comma that ends the
    opening phrase, as a cue of ``_cue_at`` (``In a report by the Harbour Institute in 2003,
    ...``, ``In a study published on Monday by ...``): only where no verb comes before that
    comma."""
    tokens = parse.tokens
    comma = next((k for k in range(head + 1, len(tokens)) if tokens[k].text in (",", ";", ":", ".")), -1)
    written = head + 1 < len(tokens) and tokens[head + 1].lower in _WRITTEN  # (read as a past at times)
    if comma < 0 or tokens[comma].text != "," or head + 2 >= comma:
        return None
    if finite_in(parse, head + written, comma - 1):
        return None
    if written:  # "published on Monday by ..."
        by = next((k for k in range(head + 2, comma - 1) if tokens[k].lower == "by"), -1)
    else:
        by = head + 1 if tokens[head + 1].lower == "by" else -1
    return (by, by + 1, -1) if by > 0 else None


def _capitalised_phrase(parse: Parse, i: int) -> bool:
    """A noun phrase of two words or more opens at ``i`` with a capital (``Orsk/NN police``)."""
    chunk = parse.chunk_at(i)
    return chunk is not None and chunk.first == i and chunk.last > i and parse.tokens[i].text[:1].isupper()


def according_frames(parse: Parse) -> list[Frame]:
    """``according to X``, ``in the words of X``, ``in X's view``: X's words are the clause
    the cue stands in, or the sentence before it when it trails."""
    tokens = parse.tokens
    out = []
    for i in range(len(tokens) - 1):
        cue = _cue_at(parse, i)
        if cue is None:
            continue
        cue_last, first, last = cue
        lo, hi = clause(parse, i)
        if lo == i - 1 and (tokens[lo].tag == "CC" or tokens[lo].text in _OPENING):
            lo = i  # "..., and according to the organisers 500 people marched", "(According to"
        elif i > lo and (tokens[i - 1].text == ":" or tokens[i - 1].text in DASHES) and any(
                t.text == "," for t in tokens[cue_last + 1:hi]):
            lo = i  # "The port is nervous: according to the harbour master, the men are back"
        # the source runs to the next comma: "according to Ilse Varga, the ..."
        stop = cue_last + 1 if last >= 0 else first
        while stop <= hi and tokens[stop].text not in (",", ";"):
            stop += 1
        if stop > hi and last >= 0:
            stop = cue_last  # an owner's cue with no comma after it: "In his view the plan ..."
        source = parse.chunk_at(first) if last < 0 else None
        if (stop > hi and source is not None and source.first == first and source.last < hi
                and finite_in(parse, source.last, hi)):
            stop = source.last  # no comma: the source is the noun phrase, a clause follows it
        kind = "according"
        if source is not None:
            # "according to a report", "according to a statement", "according to one account"
            vague = vague_source(parse, source) or unowned_report(parse, source, DOCUMENTS)
            if unowned_report(parse, source, PICTURES):
                kind = "pictures"  # "according to footage seen by the Courier"
            src: tuple[int, int] | None = span(parse, source.first, source.last)
        else:  # words the tagger did not read as a noun phrase ("the chief constable/JJ"), an owner
            end = last if last >= 0 else stop - 1
            words = tokens[first:end + 1]
            vague = not words or any(t.lemma in lexicon().vague or t.lemma == "report" for t in words)
            src = span(parse, first, end) if words else None
        if (i > lo and tokens[i - 1].text == "," and stop < hi and _open_before(parse, lo, i - 1)
                and finite_in(parse, stop, hi)):
            content = content_span(parse, lo, hi)  # "The ferry left after, according to X, Y had ..."
        elif (i > lo and tokens[i - 1].text == "," and stop + 1 < hi and tokens[stop].text == ","
              and not finite_in(parse, stop, hi)):
            content = content_span(parse, lo, hi)  # "The port pays, according to X, four million a year"
        elif i > lo:  # "..., according to police." or mid-sentence
            # at the end it reports the sentence before it, all its clauses, from the last semicolon
            trailing = tokens[i - 1].text == "," and not finite_in(parse, i, hi)
            start = after_semicolon(parse, i) if trailing else lo
            content = content_span(parse, start, i - 1 - (tokens[i - 1].text == ","))
        elif hi <= stop and stop + 1 < len(tokens):
            # the clause after the cue opens with a clause of its own: "According to Voss, while
            # the men fled, the guards slept"
            content = content_span(parse, stop + 1, clause(parse, stop + 1)[1])
        else:
            content = content_span(parse, stop + 1, hi)
        out.append(Frame(span(parse, i, cue_last), src, vague, content, kind))
    return out


def _open_before(parse: Parse, lo: int, comma: int) -> bool:
    """The words before a parenthetical ``, according to X,`` are no whole clause: a subject
    with no verb yet (``The attack, according to ...``), a clause ending in a conjunction
    (``The ferry left late after, according to ...``, ``... two ministers and, according
    to ...``) or a subordinate clause put first (``While most files were routine,
    according to ...``)."""
    tokens = parse.tokens
    if comma > lo and tokens[comma - 1].tag in ("IN", "CC"):
        return True
    if tokens[lo].tag == "IN" and tokens[lo].lower in _FRONTED:
        return True
    return not finite_in(parse, lo - 1, comma - 1)
