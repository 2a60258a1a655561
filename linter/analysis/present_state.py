"""Whether a present tense tells of particular people at a particular time, or of a
kind: the questions :func:`.reference.specific` asks of a label's clause when its verb
is in the present. ``The terrorists are still at large``, ``Insurgents hold the eastern
valley``, ``Nine terrorists are in the building``, ``are due to appear in court`` tell of
some; ``Terrorists rarely act alone``, ``the terrorists who threaten Britain are aware``,
``Some terrorists are motivated by revenge``, ``If these terrorists acquire weapons`` of
a kind.
"""

from __future__ import annotations

import re

from linter.analysis.chunks import Chunk, Group, partitive
from linter.analysis.frame_base import lexicon
from linter.analysis.labelled import raised
from linter.analysis.syntax import COPULAS, Parse

# Adverbs (and a verb) of a habit: "Terrorists rarely act alone".
_FREQUENCY = frozenset({"rarely", "often", "usually", "always", "never", "sometimes", "generally",
                        "typically", "seldom", "frequently", "normally", "tend", "tends", "commonly"})
# The times after "every" or "each" that make a present a habit ("every summer").
_RECURRING = frozenset({"day", "week", "month", "year", "night", "morning", "evening", "weekend", "summer",
                        "winter", "spring", "autumn", "season", "time"})
# A present tense after these is a supposition, not a report ("If these terrorists acquire
# weapons"): the people are imagined, not particular; after "whether", a question, which
# may be asked of particular people ("whether the terrorists still hold the quarry").
_SUPPOSING = frozenset({"if", "unless"})
_SUPPOSING_OR_ASKING = _SUPPOSING | {"whether"}
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")"})
# Determiners of a whole kind: "pose a threat to every city" anchors nothing ...
_EVERY = frozenset({"every", "each", "any"})
# ... but these adverbs do: "insurgents now levy tolls on every lorry".
_NOW = frozenset({"now", "currently", "still", "already"})
# Things "the" names that everyone shares, which anchor no particular state of affairs:
# "Extremists use the internet to recruit".
_SHARED_BY_ALL = frozenset({"internet", "web"})
# After a copula and before "to", what is due (or, with no relative clause that makes the
# people a kind, likely) to happen: "are due to appear in court", "are likely to strike again".
_DUE = frozenset({"due", "set", "scheduled", "poised", "about", "yet"})
_LIKELY = _DUE | {"likely", "unlikely", "bound", "certain"}
_SCHEDULING = COPULAS | {"have"}  # "are due to", "have yet to"
# The question words whose answer a copula after a definite subject leaves to be told of
# particular people: "where the terrorists are", "who the terrorists are".
_WHEREABOUTS = frozenset({"where", "who"})


def timeless(parse: Parse, chunk: Chunk) -> bool:
    """A definite chunk in a present-tense clause about no particular time or place, one
    owned by ``today's``/``tomorrow's``, or one of an era with no event told of them (``the
    terrorists of the 1970s were rarely caught``): talk of a kind of people, not of some."""
    words = parse.tokens[chunk.first:chunk.last]
    if any(t.lower in ("today", "tomorrow", "modern") for t in words):
        return True
    if _of_an_era(parse, chunk):
        # an era's people as a kind ("were rarely caught", "Unlike the terrorists of the
        # seventies, ..."), not what some of them did ("... have been airbrushed out")
        verb = parse.governor(chunk)[1]
        return verb is None or not parse.episodic(verb) or any(
            t.lower in _FREQUENCY for t in parse.tokens[max(0, verb.first - 1):verb.last + 2])
    if any(t.tag == "POS" for t in words):
        return False  # "last month's terrorist attack", "the group's fighters"
    role, governing = parse.governor(chunk)
    relative = parse.relative(chunk)
    present = governing is not None and governing.tense == "present" and not parse.episodic(governing)
    if role == "subject" and governing is not None and present:
        if (relative is not None and parse.episodic(relative)) or raised(parse.tokens, governing):
            return False  # "the terrorists who bombed ...", "the militants are believed to be ..."
        if _behind(parse, chunk):
            return False  # "The terrorist group behind the raid has a new leader"
        if governing.lemma in COPULAS and chunk.first and parse.tokens[chunk.first - 1].lower in _WHEREABOUTS:
            return False  # "Nobody knows where the terrorists are": their whereabouts, or who they are
        if governing.lemma in _SCHEDULING and _scheduled(parse, governing, _DUE if relative else _LIKELY):
            return False  # "the terrorists are due to appear in court on Friday", "have yet to be caught"
        if relative is not None and governing.lemma in COPULAS:
            return True  # "the terrorists who threaten Britain are aware ...": a kind
        if parse.tokens[chunk.first].lower in _EVERY:
            return True  # "Every terrorist is someone's son": all of a kind
        # (a question asked of them is about particular people: "whether the terrorists
        # still hold the quarry"; a supposition is not: "if the terrorists acquire ...")
        supposing = supposed(parse, chunk, asked=False)
        if _in_a_state(parse, chunk, governing) and not supposing:
            return False  # "the terrorists are desperate", "are well armed"
        # "the terrorists are still at large", "are in the building", but not "the terrorists
        # are cowards", "are a threat to every city": nothing particular after the verb
        return supposing or not anchored(parse, governing)
    return False


# The words for an era after "of the": "the terrorists of the 1970s", "of the seventies".
_ERA = re.compile(r"(?:1[0-9]|20)?\d0s|['’]\d0s|(?:twen|thir|for|fif|six|seven|eigh|nine)ties")


def _of_an_era(parse: Parse, chunk: Chunk) -> bool:
    """``of the`` and a decade right after the chunk (``the terrorists of the 1970s``)."""
    tokens = parse.tokens
    k = chunk.last + 1
    return (k + 2 < len(tokens) and tokens[k].lower == "of" and tokens[k + 1].lower == "the"
            and _ERA.fullmatch(tokens[k + 2].lower) is not None)


def _behind(parse: Parse, chunk: Chunk) -> bool:
    """``behind`` or ``responsible for`` and a particular event after the chunk: ``the
    group behind the raid``, ``the cell responsible for Monday's bombing``."""
    k = _blame_end(parse, chunk.last + 1)
    event = parse.chunk_at(k) if k >= 0 else None
    return event is not None and event.first == k and (
        event.definite or any(t.tag == "POS" for t in parse.tokens[event.first:event.last]))


def _blame_end(parse: Parse, k: int) -> int:
    """Past ``behind`` or ``responsible for`` at token ``k``: the token after them (-1
    when they are not there)."""
    words = [t.lower for t in parse.tokens[k:k + 2]]
    if words == ["responsible", "for"]:
        return k + 2
    return k + 1 if words[:1] == ["behind"] else -1


# Where the law or the hunt has people, after a copula: a state of some, never of a kind.
_HELD_OR_FREE = tuple(phrase.split() for phrase in (
    "at large", "in custody", "in police custody", "in hiding", "on bail", "on remand", "behind bars",
    "under arrest", "in prison", "in jail", "in detention", "under guard", "in hospital"))


def _in_a_state(parse: Parse, chunk: Chunk, group: Group) -> bool:
    """``the``, ``these`` or ``those`` and a plural, then a copula and an adjective, or a
    passive, or a phrase of where the law or the hunt has them, or "have" right after them
    and what they have (not after a phrase of a kind: "the terrorists who threaten Britain
    have ...", "of today have"): a state the people are in (``The terrorists are
    desperate``, ``The militants are well armed``, ``The terrorists remain at large``,
    ``are in custody``, ``have two hostages``), which a kind is not; but not what they are
    ready or able to do (``The terrorists are prepared to ...``, ``are willing to ...``)."""
    tokens = parse.tokens
    if tokens[chunk.first].lower not in ("the", "these", "those") or tokens[chunk.last].tag != "NNS":
        return False
    k = group.last + 1
    while k < len(tokens) and tokens[k].tag == "RB":
        k += 1
    if group.lemma in COPULAS and any([t.lower for t in tokens[k:k + len(p)]] == p for p in _HELD_OR_FREE):
        return True
    if group.lemma == "have" and not group.passive and group.first == chunk.last + 1:
        return True  # what they have: "The terrorists have two hostages" (not "The terrorists of today have")
    if not group.passive:
        if group.lemma not in COPULAS or k >= len(tokens) or tokens[k].tag not in ("JJ", "VBN"):
            return False
        k += 1
    return k >= len(tokens) or tokens[k].tag != "TO"  # (not what they would do: "are prepared to ...")


def habitual_share(parse: Parse, chunk: Chunk) -> bool:
    """A share of a kind counted by a word, not a number, as the subject of a present
    tense about no particular state of affairs: ``Some terrorists are motivated by
    revenge``, ``Many extremists use the forest`` (not ``Some militants are still in the
    town``, ``Nine terrorists are in the building``, ``Some terrorists fled``, nor the
    rest of some: ``Several terrorists remain at large``)."""
    words = parse.tokens[chunk.first:chunk.last]
    if any(t.tag == "CD" for t in words) or partitive(parse.tokens, chunk):
        return False
    role, governing = parse.governor(chunk)
    return (role == "subject" and governing is not None and governing.tense == "present"
            and governing.lemma != "remain" and not parse.episodic(governing)
            and not anchored(parse, governing))


def _scheduled(parse: Parse, group: Group, due: frozenset[str]) -> bool:
    """A copula (or "have") with what is ``due`` to happen after it (``are due to appear``,
    ``are due in court``, ``is set to``, ``are likely to strike again``, ``are yet to be
    caught``, ``have yet to``): a particular event."""
    k = group.last + 1
    tokens = parse.tokens
    return k + 1 < len(tokens) and (tokens[k].lower == "due" or (
        tokens[k].lower in due and tokens[k + 1].tag == "TO"))


def supposed(parse: Parse, chunk: Chunk, *, asked: bool = True) -> bool:
    """The chunk opens a clause of supposition (``if these terrorists acquire ...``), or
    with ``asked`` one of a question (``whether terrorists acquire ...``): either way the
    clause tells of no particular people when the chunk names a kind."""
    opening = _SUPPOSING_OR_ASKING if asked else _SUPPOSING
    return chunk.first > 0 and parse.tokens[chunk.first - 1].lower in opening


def blamed(parse: Parse, group: Group) -> bool:
    """A copula that blames its subject: ``are behind``, ``are responsible for`` (``Terrorists
    are behind the blast`` tells of particular people; ``Terrorists are cowards`` of none)."""
    return _blame_end(parse, group.last + 1) >= 0


# Prepositions of where someone is: "Insurgents are in Sarn", "are outside the depot".
_PLACES = frozenset({"in", "at", "inside", "outside", "near", "around"})


def placed(parse: Parse, group: Group) -> bool:
    """A copula that says where its subject is, in a particular place or in control of one
    (``Insurgents are in Sarn``, ``are now in control of the port``, ``are outside the
    depot``): people somewhere at some time, not a kind (``Terrorists are cowards``, ``are
    at war with the West``, ``are in it for the money``)."""
    tokens = parse.tokens
    k = group.last + 1
    while k < len(tokens) and tokens[k].lower in _NOW:
        k += 1  # "are now in", "are still at"
    if k + 1 >= len(tokens) or tokens[k].lower not in _PLACES:
        return False
    if [t.lower for t in tokens[k:k + 3]] == ["in", "control", "of"]:
        k += 2
    place = parse.chunk_at(k + 1)
    return place is not None and place.first == k + 1 and (place.definite or _is_name(parse, place)) and (
        tokens[place.first].lower not in _EVERY and tokens[place.last].lower not in _STATES)


# Where particular people are kept or sought: "is on the loose", "are at large".
_AT_LARGE = (("at", "large"), ("on", "the", "loose"), ("on", "the", "run"), ("in", "hiding"),
             ("in", "custody"))


def at_large(parse: Parse, group: Group) -> bool:
    """A copula and where particular people are kept or sought (``A killer is on the
    loose``, ``are still at large``)."""
    k = group.last + 1
    while k < len(parse.tokens) and parse.tokens[k].lower in _NOW:
        k += 1
    words = tuple(t.lower for t in parse.tokens[k:k + 3])
    return any(words[:len(p)] == p for p in _AT_LARGE)


# What "in the ..." says of a state, not a place: "are in the minority", "in the news".
_STATES = frozenset({"news", "headlines", "spotlight", "minority", "majority", "dark", "wrong", "right",
                     "lead", "business", "way", "mood", "habit", "end"})


def anchored(parse: Parse, group: Group) -> bool:
    """A present-tense clause about a particular state of affairs, not a habit: no
    adverb of frequency (nor ``every summer``), and a definite or named noun or a name
    after the verb (``Insurgents hold most of the eastern valley``, ``The terrorists are in
    Orsk``, ``Terrorists are suspected of bombing the depot``, not ``Terrorists rarely act
    alone``), or a verb of saying whose words tell of an event (``Militants say they
    carried out ...``)."""
    tokens = parse.tokens
    end = len(tokens)
    for g in parse.groups:
        if g.first > group.last and not _gerund_of(parse, group, g):
            end = g.first
            break
    end = next((k for k in range(group.last + 1, end) if tokens[k].text in _CLAUSE_BREAKS), end)
    lo = max(0, group.first - 3)
    if any(t.lower in _FREQUENCY for t in tokens[lo:end]) or any(  # (and "every summer", "each year")
            tokens[k].lower in ("every", "each") and tokens[k + 1].lower in _RECURRING
            for k in range(lo, end - 1)):
        return False
    if any(t.lower in _NOW for t in tokens[lo:end]):
        return True  # "insurgents now levy tolls on every lorry", "still hold"
    if group.lemma in lexicon().verbs and any(
            g.first == end and g.finite and g.tense == "past" for g in parse.groups):
        return True  # "Militants say they carried out the attack": what they say tells of an event
    # (a passive's doer is no anchor: "Terrorists are considered a threat by the harbour police")
    return any((c.definite or c.proper or _is_name(parse, c)) and group.last < c.first < end
               and tokens[c.first].lower not in _EVERY
               and not (group.passive and tokens[c.first - 1].lower == "by")
               and tokens[c.last].lower not in _SHARED_BY_ALL for c in parse.chunks)


def _gerund_of(parse: Parse, group: Group, after: Group) -> bool:
    """``after`` is a gerund right after ``of`` or ``for`` after ``group``'s verb, whose
    object is the clause's (``are suspected of bombing the depot``, ``are blamed for
    shelling the port``)."""
    k = group.last + 1
    return (after.first == k + 1 and not after.finite and parse.tokens[k].lower in ("of", "for")
            and parse.tokens[after.first].tag == "VBG")


def _is_name(parse: Parse, chunk: Chunk) -> bool:
    """The chunk is a name (``are in Orsk``), outside a headline, which capitalises every
    word."""
    return not parse.heading and parse.tokens[chunk.last].tag in ("NNP", "NNPS")
