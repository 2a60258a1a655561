"""Attribution frames whose cue is not a verb: a speaker's colon, a source after a dash at
the end of a headline, a reporting noun with a that-clause, and an adjective of a stance
after a copula (see :mod:`.frames`; ``according to`` and its kin are in
:mod:`.according_frames`)."""

from __future__ import annotations

from collections.abc import Sequence

from linter.analysis.asides import DASHES
from linter.analysis.chunks import TIMES, Chunk
from linter.analysis.cues import ACCOUNTS, FORTHRIGHT, STANCES
from linter.analysis.frame_base import (
    NO_HOLDER,
    PEOPLE_PRONOUNS,
    Frame,
    clause,
    content_span,
    lexicon,
    opens_words,
    span,
    subject_of,
)
from linter.analysis.syntax import COPULAS, Parse
from linter.analysis.tagging import Token, name_like
from linter.analysis.vague_sources import vague_source
from linter.analysis.verb_reach import bare_clause

# Words before a colon that label a section or a kind of item, not a speaker.
# Events a headline's kicker names before its colon ("Orsk depot blast: ...", "Tarn ferry
# raid: ..."), which speak no words, whatever the tagger made of their capitals.
_EVENTS = frozenset({"attack", "raid", "blast", "bombing", "explosion", "crash", "fire", "flood", "shooting",
                     "strike", "siege", "riot", "protest", "storm", "quake", "earthquake", "trial", "case",
                     "inquiry", "inquest", "row", "crisis", "war", "vote", "election", "talks", "deal",
                     "summit", "kidnapping", "hijacking", "ambush", "massacre", "killing", "murder",
                     "shelling"})
_SECTION_LABELS = frozenset({
    "update", "updated", "note", "correction", "clarification", "photo", "photos", "picture", "video",
    "watch", "listen", "related", "breaking", "analysis", "opinion", "comment", "live", "exclusive",
    "timeline", "factbox", "explainer", "background", "editorial", "review", "advertisement", "source",
    "credit", "credits", "caption", "warning", "read", "more", "see", "also", "contact", "email",
    "tel", "phone", "fax", "web", "website", "twitter", "facebook", "subject", "date", "time", "place",
    "venue", "where", "when", "who", "what", "why", "how", "q", "a", "question", "answer", "result",
    "results", "score", "scores", "final", "verdict", "rating", "price", "cost", "tickets", "tip",
    "tips", "step", "day", "part", "chapter", "round", "act", "scene", "profile", "obituary", "preview",
    "recap", "quiz", "guide",
})
_DASH_SOURCE = 4  # the longest source after a headline's dash, in words ("- interior ministry officials")
_DASH_NAME = 3  # the longest name there ("- Ida Kell", "- TV3")
_SOURCE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ"})
# Heads that name no speaker: "Report: ...", "Poll: ..." (a vague source).
_REPORTS = frozenset({"report", "reports", "poll", "polls", "sources", "survey"})


_LABEL_WORDS = 5  # the longest speaker's label before a colon, in words ("Prof Ivo Brandt:")
# Headline words before "to" and a colon that name a thing sent or a way, not a speaker:
# "Letter to the editor:", "Road to the final:".
_ADDRESSED = frozenset({"letter", "letters", "trip", "return", "guide", "road", "journey", "welcome",
                        "introduction", "answer", "reply", "response", "ode", "note", "message", "tribute",
                        "visit", "flight", "route", "path", "key", "gift", "appeal", "plea", "open",
                        "farewell"})
# What may stand between a headline's speaker and its colon: whom it addresses, where it
# spoke or of what ("Mayor to strikers:", "Voss at rally:", "Ada Frey on the strike:").
_SPEAKER_PLACES = frozenset({"to", "at", "in", "on"})
# Reporting nouns that are things said: at the start of a sentence, "The statement was
# blunt: ..." needs no owner (the story has just named it); "The conclusion was obvious:"
# may be the writer's.
_SAID = frozenset({"accusation", "allegation", "announcement", "assurance", "claim", "denial",
                   "message", "pledge", "promise", "reply", "response", "statement", "verdict",
                   "warning"})
# Heads of the people around a named person, who speak for them: "Voss camp:".
_ENTOURAGES = frozenset({"camp", "team", "campaign", "allies", "family", "office", "aides", "lawyers"})


def _after_kicker(tokens: Sequence[Token]) -> int:
    """Where a headline's speaker starts after its kicker and a dash (``EXCLUSIVE - Ida
    Kell: ...``, ``WATCH – ...``): past words in capitals or of a section's label and the
    dash; 0 when there is none."""
    for d, token in enumerate(tokens[:4]):
        if token.text in DASHES:
            head = tokens[:d]
            labels = all(t.text.isalpha() and (t.text.isupper() or t.lower in _SECTION_LABELS) for t in head)
            return d + 1 if d and labels else 0
    return 0


def _name(token: Token) -> bool:
    """A capitalised noun that is no common noun or adjective (``Voss``; not ``Life``)."""
    return token.tag.startswith("NN") and name_like(token.text)


def colon_frames(parse: Parse) -> list[Frame]:
    """``Mr Reyes: ...`` at the start of a sentence: a speaker label; and a headline's
    speaker and the people addressed, ``Mayor to strikers: ...``, or a speaker whose head
    is a name and where or of what they spoke, ``Voss at rally: ...``; also after a
    kicker and a dash (``EXCLUSIVE - Ida Kell: ...``), and a name's camp or team
    (``Voss camp: ...``)."""
    tokens = parse.tokens
    start = _after_kicker(tokens)
    for i, token in enumerate(tokens[:9 + start]):
        if token.text == ":":
            if i == 1 and tokens[0].text == "A":
                # an interview's answer ("Q: ... / A: ..."): the interviewee's words; kept by
                # the analysis only in a document that asks questions (Analysis.frames_at)
                return [Frame(span(parse, i, i), span(parse, 0, 0), False,
                              content_span(parse, i + 1, len(tokens) - 1), "answer")]
            chunk = parse.chunk_at(i - 1) if i else None
            to = next((k for k in range(start + 1, i - 1) if tokens[k].lower in _SPEAKER_PLACES), 0)
            if to and chunk is not None and chunk.first > to:
                # "Mayor to strikers:": the speaker, then whom it addresses; "Voss at rally:",
                # "Ada Frey on the strike:": the speaker, then where or of what (a name only)
                chunk = parse.chunk_at(start)
                if chunk is None or chunk.last != to - 1 or tokens[chunk.last].lower in _ADDRESSED or (
                        tokens[to].lower != "to" and not _name(tokens[to - 1])):
                    return []
            elif chunk is None or chunk.first != start or chunk.last != i - 1 or i - start > _LABEL_WORDS:
                return []
            words = tokens[start:chunk.last + 1]
            lex = lexicon()
            # A name or a title in capitals: "Mr Reyes:", "JAKE TAPPER:", "Former mayor Voss:"
            # (a name its head; not "Kell's new harbour:"), and in a headline
            # "Gingrich:", "Clinton camp:" (the tagger reads capitalised words as nouns); or
            # words that name a source: "Police chief:", "Health minister:", "Experts:"
            if not (chunk.proper or all(t.text[:1].isupper() for t in words) or _name(tokens[chunk.last])
                    or any({t.lower, t.lemma} & (lex.sources | lex.vague) for t in words)
                    or (_name(words[0]) and words[-1].lower in _ENTOURAGES)):
                return []
            head = tokens[chunk.last]
            if head.lower in _SECTION_LABELS or (head.lemma in _EVENTS and not head.text[:1].isupper()):
                return []  # (nor a headline's kicker that names an event: "Tarn ferry raid: ...")
            vague = head.lower in _REPORTS or (head.lemma in lex.vague and not chunk.proper)
            # A label all in capitals is a transcript's speaker ("TAMM:") or a dateline
            # ("ISLAMABAD:", "NEW YORK:"): kept by the analysis only in a transcript
            kind = "caps" if all(t.text.isupper() for t in words) else "colon"
            return [Frame(span(parse, i, i), span(parse, chunk.first, chunk.last), vague,
                          content_span(parse, i + 1, len(tokens) - 1), kind)]
    return []


def dash_frames(parse: Parse) -> list[Frame]:
    """A wire headline's source after a dash at its end: ``Port shelled overnight -police``,
    ``... - security sources`` (vague), ``... - mayor``, ``... - Voss``. The source is a noun
    phrase that ends the sentence and whose head names a source or a speaker, or in a
    headline a person by role or a name of up to three capitalised words; the content is
    everything before the dash."""
    tokens = parse.tokens
    last = len(tokens) - 1 - (tokens[-1].tag == ".")
    for d in range(last - 1, 0, -1):
        if tokens[d].text in DASHES:
            break
    else:
        return []
    words = tokens[d + 1:last + 1]  # the chunker may read the dash as a hyphen inside a compound
    if not 0 < len(words) <= _DASH_SOURCE or any(t.tag not in _SOURCE_TAGS for t in words):
        return []
    head = words[-1]
    lex = lexicon()
    roles = lex.persons if parse.heading else frozenset()  # (in a headline: "... - mayor")
    if not ({head.lower, head.lemma} & (lex.sources | lex.vague | roles)) and not (
            parse.heading and len(words) <= _DASH_NAME and all(t.text[:1].isupper() for t in words)):
        return []  # (a headline's speaker by name: "Lords wrong on the ferry deal - Tamm")
    vague = head.lemma in lex.vague and not any(t.tag in ("NNP", "NNPS") for t in words)
    return [Frame(span(parse, d, d), span(parse, d + 1, last), vague, content_span(parse, 0, d - 1), "dash")]


def _colon_after(parse: Parse, k: int) -> int | None:
    """The colon (or a lone dash) that a reporting noun introduces from token ``k`` on: at
    once, after a copula and an adjective or a noun ("was blunt:", "was a warning:"), or
    after whom it addresses or where it was made ("for the strikers:", "on X:")."""
    tokens = parse.tokens
    if k < len(tokens) and tokens[k].lemma == "be":
        k += 1
        while k < len(tokens) and tokens[k].tag == "RB":
            k += 1
        predicate = parse.chunk_at(k) if k < len(tokens) else None  # "was a warning", "was blunt"
        if k < len(tokens) and tokens[k].tag.startswith("JJ"):
            k += 1
        elif predicate is not None and predicate.first == k:
            k = predicate.last + 1
        else:
            return None
    else:
        for _ in range(2):  # "for the strikers on Monday:"
            if k >= len(tokens) or tokens[k].tag not in ("IN", "TO") or tokens[k].lower == "that":
                break
            addressed = parse.chunk_at(k + 1)
            if addressed is None:
                return None
            k = addressed.last + 1
    return k if opens_words(parse, k) else None  # "had a blunt message for the owners - ..."


def noun_frames(parse: Parse) -> list[Frame]:
    """``The government's claim that ...``, ``a statement by the ministry that ...``: a
    reporting noun with an owner (a possessive, or ``by``/``from`` a named source) and a
    that-clause, after it or after a copula (``Brandt's view is that ...``), attributes the
    clause to the owner; so does a colon the noun introduces
    (``The ministry's statement was blunt: ...``, ``Voss had a message for them: ...``)."""
    tokens = parse.tokens
    lex = lexicon()
    out = []
    for chunk in parse.chunks:
        head = tokens[chunk.last]
        told = head.lower in ACCOUNTS and _of_wh(parse, chunk.last + 1)  # "Voss's account of how"
        if head.lemma not in lex.nouns and head.lemma not in lex.undertakings and not told and not (
                head.lemma in lex.positions and _stated(parse, chunk.last + 1)) and not (
                head.lower in ACCOUNTS and _colon_after(parse, chunk.last + 1) is not None):
            continue  # (an account that a colon opens: "The army's version of events: ...")
        if chunk.last > 0 and head.text[:1].isupper():
            continue  # a title's word, not a statement: "the Orsk Courier's Harbour Report: ..."
        owner: tuple[int, int] | None = None
        vague = False
        after = chunk.last + 1
        owned = any(t.tag in ("POS", "PRP$") for t in tokens[chunk.first:chunk.last])
        named = _name_before(parse, chunk) if not owned else None  # "an Orsk Courier report that"
        if owned:
            owner = span(parse, chunk.first, chunk.last - 1)
        elif named is not None:
            owner, owned = span(parse, named, chunk.last - 1), True
        elif after < len(tokens) and tokens[after].lower in ("by", "from"):
            by = parse.chunk_at(after + 1)
            if by is not None and not vague_source(parse, by):
                owner, owned = span(parse, by.first, by.last), True
                after = by.last + 1
        else:  # "The mayor voiced concern that ...", "The mayor spoke in a statement: ...":
            # the owner is the subject of the verb
            role, verb = parse.governor(chunk)
            made_in = role == "preposition" and tokens[chunk.first - 1].lower == "in"
            subject = subject_of(parse, verb) if (role == "object" or made_in) and verb is not None else None
            if subject is not None:
                owner, vague = span(parse, subject.first, subject.last), vague_source(parse, subject)
        while after < len(tokens) and (tokens[after].tag == "RB" or tokens[after].lower == "yet"):
            # "her firmest promise yet that"
            after += 1
        if _copula_that(parse, after):
            after += 1  # "Brandt's view is that ...": the clause the copula makes the view
        colon = _colon_after(parse, after)
        if (owner is None and colon is not None and chunk.first == 0 and head.lemma in _SAID
                and tokens[0].lower in ("the", "this", "that")):
            owner = span(parse, chunk.first, chunk.last)  # "The statement was blunt: ...": one just reported
        if owner is None:
            continue
        infinitive = False
        if told:  # "Voss's account of how the men fled ...": the clause of "how"
            colon, after = None, chunk.last + 2
        if colon is not None:  # "The ministry's statement was blunt: ...", "a message for them: ..."
            first, end = colon + 1, len(tokens) - 1
        elif told:  # (up to the sentence's own verb, when the telling is its subject)
            first, end = after + 1, _to_own_verb(parse, chunk, after, clause(parse, after)[1], 1)
        elif _words_open(parse, head, after, owned):  # "that ...", and an undertaking's "to ..."
            infinitive = tokens[after].tag == "TO"
            opener = infinitive or tokens[after].lower == "that"  # (not a clause without "that")
            end = _to_own_verb(parse, chunk, after, clause(parse, after)[1], 1 - infinitive)
            first = after + opener
        else:
            continue
        # (an undertaking, "Tamm's vow to ...", and a demand, "Tamm's demand that ...", are
        # acts: they source their own words only)
        kind = "act" if infinitive or head.lemma in lex.acts else "noun"
        out.append(Frame(span(parse, chunk.last, chunk.last), owner, vague,
                         content_span(parse, first, end), kind, head.lemma in lex.thoughts))
    return out


def _name_before(parse: Parse, chunk: Chunk) -> int | None:
    """Where a name that ends right before the chunk's head begins, when one does and
    owns the noun (``a confirmed Orsk Courier report``: "Orsk"; capitalised nouns past the
    sentence's first word, which the tagger may read as common ones); None for none, or
    for a day or a month (``a Monday report``)."""
    tokens = parse.tokens
    k = chunk.last - 1
    while (k >= max(chunk.first, 1) and tokens[k].tag in ("NNP", "NNPS", "NN", "NNS")
           and tokens[k].text[:1].isupper() and tokens[k].lower not in TIMES):
        k -= 1
    return k + 1 if k + 1 < chunk.last else None


def _to_own_verb(parse: Parse, chunk: Chunk, after: int, end: int, skip: int) -> int:
    """Where the words after ``after`` end: before the sentence's own verb when ``chunk``
    is its subject (``Tamm's vow to crush the rebels | drew cheers``): the verb whose
    subject ``chunk`` is or, with no finite verb before ``chunk``, the finite verb after
    ``skip`` of the words' own (one for a clause, none for an infinitive); else ``end``."""
    finite = [g for g in parse.groups if g.finite and g.first > after + 1]
    own = next((g for g in finite if subject_of(parse, g) is chunk), None)
    opens = not any(g.finite and g.first < chunk.first for g in parse.groups)
    if own is None and len(finite) > skip and opens:
        own = finite[skip]
    return min(end, own.first - 1) if own is not None else end


def _words_open(parse: Parse, head: Token, after: int, owned: bool) -> bool:
    """The owner's words open at ``after``: ``that`` after a noun of what someone says (or
    of a position told after a copula), a clause without ``that`` after a noun of what
    someone says that names its owner (``owned``: ``the union's claim the cranes are
    unsafe``; not ``denied claims the ferry sank``, whose owner is not the denier), ``to``
    after a noun of an undertaking (``Tamm's vow to ...``; not ``Tamm's call that came at
    midnight``, a relative clause, nor ``a report that could touch on ...``, whose "that"
    is the subject of the verb right after it)."""
    if after >= len(parse.tokens):
        return False
    lex = lexicon()
    if parse.tokens[after].tag == "TO":
        return head.lemma in lex.undertakings
    if parse.tokens[after].lower == "that":
        gap = after + 1 < len(parse.tokens) and parse.tokens[after + 1].tag in ("MD", "VBD", "VBZ", "VBP")
        return not gap and (head.lemma in lex.nouns or head.lemma in lex.positions)
    return owned and head.lemma in lex.nouns and bare_clause(parse, after)  # "the union's claim the men fled"


def _stated(parse: Parse, after: int) -> bool:
    """A copula and ``that`` (``... is that``) or a colon the words before it introduce
    (``... was simple: ...``) at ``after``."""
    copula = after < len(parse.tokens) and parse.tokens[after].lemma == "be"
    return _copula_that(parse, after) or (copula and _colon_after(parse, after) is not None)


def _copula_that(parse: Parse, after: int) -> bool:
    """A copula and ``that`` at ``after`` (``... is that ...``)."""
    tokens = parse.tokens
    return after + 1 < len(tokens) and tokens[after].lemma == "be" and tokens[after + 1].lower == "that"


def _of_wh(parse: Parse, i: int) -> bool:
    """``of how``, ``of what`` or ``of why`` opens at ``i``."""
    tokens = parse.tokens
    return i + 2 < len(tokens) and tokens[i].lower == "of" and tokens[i + 1].lower in ("how", "what", "why")



def _no_doubt(tokens: Sequence[Token], k: int, have: bool) -> int:
    """How far "doubt" lies from ``k`` in "in no doubt" after a copula or "no doubt" after
    "have" (a stance, as "sure" is: "Police are in no doubt that ...", "Police have no
    doubt the men ..."); 0 when neither stands there."""
    words = [t.lower for t in tokens[k:k + 3]]
    if have:
        return 1 if words[:2] == ["no", "doubt"] else 0
    return 2 if words == ["in", "no", "doubt"] else 0


def stance_frames(parse: Parse) -> list[Frame]:
    """``Police are confident (that) the men will be caught``, ``The army is convinced
    ...``: a copula, an adjective of a stance (:data:`.cues.STANCES`) and a clause give
    the clause to the copula's subject as a view (a thought, as ``believe`` does), and so
    do ``are in no doubt (that)`` and ``have no doubt (that)``; an adjective of how
    someone spoke and a colon give the speaker the words after the colon (``Voss was
    blunt: ...``)."""
    tokens = parse.tokens
    out = []
    for group in parse.groups:
        if not group.finite:
            continue
        doubt = 0
        if group.passive and tokens[group.last].lower in STANCES:
            k = group.last  # "is convinced", read as the passive of "convince"
        elif group.lemma in COPULAS or group.lemma == "have":
            k = group.last + 1
            while k < len(tokens) and tokens[k].tag == "RB":
                k += 1  # "are now confident", "is still convinced"
            doubt = _no_doubt(tokens, k, group.lemma == "have")  # "are in no doubt", "have no doubt"
            k += doubt
        else:
            continue
        word = tokens[k].lower if k + 1 < len(tokens) else ""
        word = "sure" if doubt else word  # (a stance, as "sure" is)
        if word not in STANCES and word not in FORTHRIGHT:
            continue  # (the subject is looked for only after such an adjective)
        subject = subject_of(parse, group)
        if word in FORTHRIGHT and opens_words(parse, k + 1) and (
                subject is not None and _speaker(parse, subject)):  # "Voss was blunt: ...", "... blunt - ..."
            words = content_span(parse, k + 2, len(tokens) - 1)
            out.append(Frame(span(parse, group.first, k + 1), span(parse, subject.first, subject.last),
                             vague_source(parse, subject), words, "verb"))
            continue
        if word not in STANCES:
            continue
        first = k + 1 + (tokens[k + 1].lower == "that")
        if (subject is None or tokens[subject.last].lower in NO_HOLDER
                or not (first > k + 1 or bare_clause(parse, first))):
            continue
        out.append(Frame(span(parse, group.first, k), span(parse, subject.first, subject.last),
                         vague_source(parse, subject), content_span(parse, first, clause(parse, first)[1]),
                         "verb", True))
    return out


def _speaker(parse: Parse, subject: Chunk) -> bool:
    """The subject is someone who speaks: a name (``Voss``, ``Ms Voss``), he, she or they,
    or a source's noun (``the ministry``, ``a spokesman``); not ``The rule is clear: ...``,
    whose subject speaks for no one."""
    head = parse.tokens[subject.last]
    lex = lexicon()
    return (head.tag in ("NNP", "NNPS") and not parse.heading) or head.lower in PEOPLE_PRONOUNS or (
        head.lemma in lex.sources or head.lemma in lex.nouns)
