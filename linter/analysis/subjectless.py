"""Frames of a reporting verb with no subject of its own: a participle or an infinitive
whose speaker is another clause's subject (``..., the governor said, adding that ...``,
``After saying the gunmen had fled, the mayor left``), and a question put to the subject
of the sentence, who answers in the main clause (``Asked whether the men were
terrorists, Voss said yes``); and a passive whose subject is an empty "it", trailing the
words it reports (``..., it was announced by the ministry.``). :mod:`.verb_frames` asks
these."""

from __future__ import annotations

from linter.analysis.addressees import ADDRESSED, past_addressee, past_person
from linter.analysis.chunks import Chunk, Group
from linter.analysis.frame_base import (
    Frame,
    after_semicolon,
    content_span,
    lexicon,
    possessor,
    span,
    subject_of,
)
from linter.analysis.syntax import Parse
from linter.analysis.vague_sources import vague_source
from linter.analysis.verb_reach import continued

# Verbs that put a question to someone, and the words that may come before their
# participle when it opens a sentence: "When asked whether ..., Voss said".
_OPENERS = frozenset({"when", "once", "if", "after"})
# What carries words, whose participle speaks for it: "a leaflet calling ...", "a statement
# saying ...", "an advert branding ...".
_CARRIERS = frozenset({"leaflet", "ad", "advert", "advertisement", "poster", "banner", "placard", "sign",
                       "post", "tweet", "video", "letter", "email", "message", "note", "statement", "slogan",
                       "editorial", "article", "broadcast", "pamphlet", "flyer", "billboard", "website",
                       "manifesto", "memo", "graffiti", "notice", "petition", "headline", "caption"})
# Verbs whose infinitive after an object or a phrase is someone else's act, or none: the
# verbs that address someone ("asked Voss to say", "urged the men to"), and others ("paid
# actors to describe", "refused once more to say").
_OTHERS_ACT = ADDRESSED | {"force", "invite", "allow", "press", "order", "want", "need", "require",
                           "challenge", "dare", "get", "pay", "prompt", "lead", "expect", "help", "refuse",
                           "decline", "fail", "hesitate", "wait", "cause", "leave", "make", "let", "hire"}
# The writer and the reader as the one who would speak ("stop us from saying"), the words
# between them and an -ing form, and the verbs of needing whose -ing object is no one's act.
_READER = frozenset({"us", "me", "you", "ourselves", "yourself", "yourselves"})
_THROUGH = frozenset({"from", "into"})
_ENTAILING = frozenset({"involve", "require", "mean", "entail", "necessitate"})


def nonfinite_frame(parse: Parse, group: Group, main: tuple[tuple[int, int] | None, bool] | None,
                     hi: int) -> Frame | None:
    """A participle or an infinitive with no subject of its own: its speaker is the
    subject of the sentence's reporting verb or of the verb before it ("..., the governor
    said, adding that ...", "He went out of his way to say that ..."), or, when it opens
    the sentence, of the main clause after it ("After saying the gunmen had fled, the
    mayor left"), whose words are then not part of the content; after "with", the noun
    phrase right before it ("..., with the union saying ..."). One with nothing after it
    (``with every patrol reporting, the road ...``) reports nothing."""
    nxt = group.last + 1
    if nxt >= len(parse.tokens) or parse.tokens[nxt].text in (",", ";", ":") or parse.tokens[nxt].tag == ".":
        return None
    source: tuple[int, int] | None
    own = parse.chunk_ending_at(group.first - 1)  # the noun phrase right before it
    carrier = _carrier(parse, own) if own is not None else None
    if own is not None and carrier is not None:
        source, vague = span(parse, carrier.first, own.last), vague_source(parse, own)
        hi = _before_main_verb(parse, group, hi)
    elif main is not None:
        source, vague = main
    else:
        first = next((g for g in parse.groups if g.finite and g.last < group.first), None)
        if _no_one_speaks(parse, group, first):
            return None
        owner = subject_of(parse, first) if first is not None else None
        if owner is None:
            tokens = parse.tokens
            later = (subject_of(parse, g) for g in parse.groups if g.finite and g.first > group.last)
            owner = next((c for c in later if c is not None and c.first > group.last + 1
                          and tokens[c.first - 1].text == ","), None)
            if owner is not None:
                hi = owner.first - 2
            else:
                held = _held_for(parse, group)
                if held is None:
                    return None
                owner, hi = held
        source, vague = span(parse, owner.first, owner.last), vague_source(parse, owner)
    # (past whom it tells or accuses: "to have told friends the men ...", "accusing the men
    # of ...", whom the writer names, as after a finite verb)
    start = past_person(parse, group, past_addressee(parse, group, group.last + 1), hi)
    content = content_span(parse, start, continued(parse, hi))
    thought = group.lemma in lexicon().thoughts
    return Frame(span(parse, group.first, group.last), source, vague, content, "verb", thought)


def _no_one_speaks(parse: Parse, group: Group, first: Group | None) -> bool:
    """An -ing form with no speaker: the writer's or the reader's after "us", "me" or "you"
    ("Nothing should stop us from saying ...", "keep you from understanding that ..."),
    or no one's as what a verb of needing entails ("The plan involves admitting that ...",
    "Peace means accepting ...")."""
    tokens, k = parse.tokens, group.first - 1
    if tokens[group.first].tag != "VBG" or k < 0:
        return False
    if tokens[k].lower in _THROUGH and k > 0:
        k -= 1
    if tokens[k].lower in _READER:
        return True
    return first is not None and first.last == group.first - 1 and first.lemma in _ENTAILING


def _before_main_verb(parse: Parse, group: Group, hi: int) -> int:
    """Where the words of a naming participle in the sentence's subject end: before the
    sentence's own verb (``A leaflet branding the dockers terrorists | was found``), the
    first finite verb after it when none comes before it; ``hi`` for a participle after
    the sentence's verb (``posted a video calling ...``) or one of saying, whose clause has
    a verb of its own (``A leaflet saying the men had fled was found``)."""
    if group.lemma not in lexicon().labelling or any(g.finite and g.last < group.first for g in parse.groups):
        return hi
    main = next((g for g in parse.groups if g.finite and g.first > group.last), None)
    return min(hi, main.first - 1) if main is not None else hi


def _carrier(parse: Parse, own: Chunk) -> Chunk | None:
    """The phrase whose words a participle right after ``own`` reports: ``own`` itself
    after "with" ("..., with the players' union accusing the club of ...": the phrase has
    its own subject) or as a carrier of words ("A leaflet branding the dockers terrorists
    was found", "posted a video calling ..."), or the carrier before "from" or "by" whose
    author ``own`` names ("A statement from the ministry describing the men as ...",
    "a video by the Front"); None for any other."""
    tokens = parse.tokens
    if (own.first > 0 and tokens[own.first - 1].lower == "with") or tokens[own.last].lemma in _CARRIERS:
        return own
    if own.first < 2 or tokens[own.first - 1].lower not in ("from", "by"):
        return None
    before = parse.chunk_ending_at(own.first - 2)
    return before if before is not None and tokens[before.last].lemma in _CARRIERS else None


def purpose(parse: Parse, group: Group) -> bool:
    """An infinitive of the subject's purpose, after a finite verb and what it goes with:
    ``Voss went on TV3 to say ...``, ``took to social media to say ...``, ``used a speech
    in Tarn to call the men ...``; not another's act (``asked Voss to say``), a refusal
    (``refused once more to say``), a question (``decide whether to say``) or a verb set off by a
    comma."""
    tokens = parse.tokens
    if tokens[group.first].tag != "TO":
        return False
    verb = next((g for g in reversed(parse.groups) if g.last < group.first), None)
    if verb is None or not verb.finite or verb.last + 1 >= group.first or parse.negated(verb):
        return False
    between = tokens[verb.last + 1:group.first]
    if verb.lemma in _OTHERS_ACT or (verb.lemma == "call" and between[0].lower in ("on", "upon")):
        return False  # (nor "called on the army to ...")
    # (nor a question: "will decide whether to list the Front as ...")
    return not any(t.text in (",", ";", ":") or t.tag in ("WDT", "WP", "WRB")
                   or t.lower in ("that", "whether") for t in between)


def decided(parse: Parse, group: Group) -> bool:
    """An infinitive after a possessed noun of a decision, which tells what its owner did:
    ``The mayor's decision to call the men terrorists``, ``the council's move to list the
    Front as ...`` (not a refusal, an offer or a question of it: "his refusal to call ...")."""
    k = group.first - 1
    if parse.tokens[group.first].tag != "TO" or k < 1 or parse.tokens[k].lower not in _DECISIONS:
        return False
    noun = parse.chunk_ending_at(k)  # ("the mayor's surprise decision to call ...")
    return noun is not None and possessor(parse, noun) is not None


# Nouns of a decision carried out: "The mayor's decision to call the men terrorists".
_DECISIONS = frozenset({"decision", "move", "choice"})


def ranked_doer(parse: Parse, group: Group) -> tuple[Chunk, Group] | None:
    """The one who did it and the copula before them, for an infinitive after ``the
    first``, ``the last`` or ``the only`` (and ``one``) that a copula then names: ``The
    first to call the men terrorists was the mayor``; or None."""
    tokens = parse.tokens
    k = group.first - 1 - (group.first > 1 and tokens[group.first - 1].lower in ("one", "person"))
    if tokens[group.first].tag != "TO" or k < 1 or tokens[k].lower not in _RANKS or (
            tokens[k - 1].lower != "the"):
        return None
    copula = next((g for g in parse.groups if g.first > group.last and g.finite), None)
    if copula is None or copula.lemma != "be" or copula.first != copula.last:
        return None
    doer = parse.chunk_at(copula.last + 1)
    return (doer, copula) if doer is not None and doer.first == copula.last + 1 else None


_RANKS = frozenset({"first", "last", "only"})


def _held_for(parse: Parse, group: Group) -> tuple[Chunk, int] | None:
    """The noun that opens the sentence, when a participle and a preposition lie between it
    and the gerund ``group`` (``A man jailed for saying the gunmen were heroes has been
    freed``, ``The cleric, arrested for calling the bombers martyrs, was released``): the
    speaker, and the last token of the words, before the comma that closes the aside or
    the sentence's last finite verb; or with no preposition, when the participle itself is
    the aside (``The mayor, calling the men terrorists, refused ...``, ``The mayor, having
    called ...``). Not ``The ban on calling ...``."""
    tokens = parse.tokens
    j = group.first - 1
    if j >= 1 and tokens[j].text == "," and tokens[group.first].tag == "VBG":
        noun = parse.chunk_ending_at(j - 1)
        close = next((m for m in range(group.last + 1, len(tokens)) if tokens[m].text == ","), None)
        if noun is None or noun.first != 0 or close is None:
            return None
        return noun, close - 1
    if j < 2 or tokens[j].tag != "IN":
        return None
    held = parse.group_at(j - 1)
    if held is None or held.finite or held.first != held.last or tokens[held.first].tag not in ("VBN", "VBD"):
        return None
    aside = tokens[held.first - 1].text == ","
    noun = parse.chunk_at(held.first - 1 - aside)
    if noun is None or noun.first != 0 or noun.last != held.first - 1 - aside:
        return None
    if aside:
        close = next((m for m in range(group.last + 1, len(tokens)) if tokens[m].text == ","), None)
        return (noun, close - 1) if close is not None else None
    last = next((g for g in reversed(parse.groups) if g.finite and g.first > group.last), None)
    return (noun, last.first - 1) if last is not None else None


def put_to(parse: Parse, group: Group) -> Frame | None:
    """A question put to the subject of the sentence, in a participle with no subject of
    its own that opens the sentence (``Asked whether the men were terrorists, Voss said
    yes``, perhaps after ``when``) or follows that subject between commas (``Voss, asked
    whether ..., said``): the one asked answers in the main clause, so the question's
    words are attributed to that subject (the tagger may read the participle as a past
    tense)."""
    tokens = parse.tokens
    k = group.first - (group.first > 0 and tokens[group.first - 1].lower in _OPENERS)
    close = next((m for m in range(group.last + 1, len(tokens)) if tokens[m].text == ","), -1)
    if close < 0:
        return None
    asked: Chunk | None
    if k == 0:  # "Asked whether ..., Voss said"
        asked = parse.chunk_at(close + 1)
        asked = asked if asked is not None and asked.first == close + 1 else None
    else:  # "Voss, asked whether ..., said"
        asked = parse.chunk_at(k - 2) if k >= 2 and tokens[k - 1].text == "," else None
        asked = asked if asked is not None and asked.first == 0 and asked.last == k - 2 else None
    if asked is None or parse.group_after(asked) is None:
        return None
    return Frame(span(parse, group.first, group.last), span(parse, asked.first, asked.last),
                 vague_source(parse, asked), content_span(parse, group.last + 1, close - 1), "verb",
                 group.lemma in lexicon().thoughts)


def trailing_it(parse: Parse, group: Group, subject: Chunk | None, agent: Chunk | None,
                heard: bool = False) -> Frame | None:
    """``..., it was announced (by the ministry).``: a passive after a comma, whose subject
    is an empty "it" and which ends the sentence, reports the words before the comma: as
    its agent's, or with none as no one's; and with ``heard``, a hearing that was told
    them (``..., the court was told.``): with no agent, the hearing's, as ``The court heard
    ...``."""
    tokens = parse.tokens
    if subject is None or subject.first < 2 or tokens[subject.first - 1].text != ",":
        return None
    if not heard and (subject.first != subject.last or tokens[subject.first].lower != "it"):
        return None
    end = (agent.last if agent is not None else group.last) + 1
    if end < len(tokens) and tokens[end].tag != ".":
        return None
    if heard and agent is None:
        agent = subject
    source = span(parse, agent.first, agent.last) if agent is not None else None
    return Frame(span(parse, group.first, group.last), source, agent is None or vague_source(parse, agent),
                 content_span(parse, after_semicolon(parse, subject.first - 1), subject.first - 2), "passive",
                 group.lemma in lexicon().thoughts)
