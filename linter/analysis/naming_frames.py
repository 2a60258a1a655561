"""Frames of a label given by a noun of naming: ``Voss's description of the men as
terrorists``, ``the ministry's designation of the Front as a terrorist group``, ``the
listing of the Front as a terrorist group by the US``. The noun's owner (a possessive
before it, or ``by`` a source after the label) gives the label; the words after ``as``,
up to a mark, a verb or that ``by``, are the owner's. With no owner the noun names no
one's words (``The description of the men as terrorists is wrong``).

A participle of designation before a label or right after it, with the authority named
after it, makes the label that authority's (``a designated terrorist organisation in the
EU``, ``a banned terrorist group under Orsk law``, ``a terrorist group banned in Orsk``);
with none named it is the writer's (``a proscribed terrorist group``, ``a terrorist group
banned in March``). An authority joined to the participle by a hyphen names it as well
(``an EU-designated terrorist group``, ``a U.S.-designated terrorist group``). A
conviction names its own authority, a court: ``a convicted terrorist``, ``a terrorist
convicted of ...`` or ``convicted in 2015`` give the label to the verdict.

A noun of the word someone has for people, owned and joined by a copula to the word it
names, makes that word the owner's: ``The mayor's word for the men is terrorists``, ``The
term the mayor used was terrorists``, ``Terrorists was the word the mayor used``, and so
do ``Terrorists was how the mayor described them`` and ``Terrorists, the mayor calls
them``; and so does the owner of a noun that governs a verb of naming: ``The mayor's
insistence on calling the men terrorists``. With no owner (``The word for them
is terrorists``) it is the writer's. (A word named as a word, ``used the word
terrorists``, is no label at all: :mod:`linter.engine.lint` passes it over.)"""

from __future__ import annotations

from linter.analysis.chunks import DESIGNATED, NAMING, Chunk, Group
from linter.analysis.cues import NAMED_PRONOUNS, NAMINGS, PENAL, PENAL_ACTIVE, SELF_NAMED
from linter.analysis.frame_base import WRITERS, Frame, after_semicolon, content_span, possessor, span
from linter.analysis.label_reach import authority
from linter.analysis.subjectless import ranked_doer
from linter.analysis.syntax import COPULAS, Parse
from linter.analysis.vague_sources import vague_source
from linter.analysis.verb_reach import past_phrases

# Where the words given after "as" end.
_ENDS = frozenset({",", ".", ":", "(", ")"})


def naming_frames(parse: Parse) -> list[Frame]:
    """One frame for each noun of naming with ``of X as Y`` after it and an owner."""
    tokens = parse.tokens
    out = []
    for chunk in parse.chunks:
        head = tokens[chunk.last]
        if (head.lower not in NAMINGS or chunk.last + 2 >= len(tokens)
                or tokens[chunk.last + 1].lower != "of"):
            continue
        named = parse.chunk_at(chunk.last + 2)
        k = named.last + 1 if named is not None and named.first == chunk.last + 2 else len(tokens)
        if k + 1 >= len(tokens) or tokens[k].lower != "as":
            continue
        end = k + 1
        while (end + 1 < len(tokens) and tokens[end + 1].text not in _ENDS and not tokens[end + 1].is_verb
               and tokens[end + 1].lower != "by"):
            end += 1
        owner = possessor(parse, chunk)
        if owner is not None:  # "Voss's description", "her description"
            source, vague = span(parse, chunk.first, owner[1]), False
        else:  # "the listing of the Front as a terrorist group by the US"
            by = parse.chunk_at(end + 2) if end + 2 < len(tokens) and tokens[end + 1].lower == "by" else None
            if by is None or by.first != end + 2:
                continue
            source, vague = span(parse, by.first, by.last), vague_source(parse, by)
        out.append(Frame(span(parse, chunk.last, chunk.last), source, vague, content_span(parse, k + 1, end),
                         "noun"))
    return out


def designation_frames(parse: Parse) -> list[Frame]:
    """One frame for each noun phrase with a participle of designation before its head or
    right after it (not a finite verb: ``Orsk banned terrorist groups in ...``) and the
    authority right after that (:func:`authority`)."""
    tokens = parse.tokens
    out = []
    for chunk in parse.chunks:
        k = next((j for j in range(chunk.first, chunk.last) if tokens[j].lower in DESIGNATED), -1)
        after = chunk.last + 1
        if k < 0 and after < len(tokens) and tokens[after].lower in DESIGNATED:
            group = parse.group_at(after)
            if group is None or not group.finite:
                k, after = after, after + 1  # "a terrorist group banned in Orsk"
        by = authority(parse, after, True) if k >= 0 else None
        if by is None:
            joined = _hyphened(parse, chunk) or _self_named(parse, chunk) or _convicted(parse, chunk)
            if joined is not None:
                out.append(joined)
            continue
        first = chunk.first if k > chunk.last else k + 1  # the words the participle names
        out.append(Frame(span(parse, k, k), span(parse, by.first, by.last), vague_source(parse, by),
                         content_span(parse, first, chunk.last), "noun"))
    return out


def _hyphened(parse: Parse, chunk: Chunk) -> Frame | None:
    """The frame of a participle joined by a hyphen to a capitalised authority before the
    chunk's head or right before the chunk (``EU-designated``, one token, or ``U.S.``
    ``-`` ``designated``, three), or None (see :func:`_names`)."""
    tokens = parse.tokens
    for j in range(max(chunk.first - 1, 0), chunk.last):
        token = tokens[j]
        head, _, part = token.text.rpartition("-")
        if head and part.lower() in DESIGNATED and _names(head):
            cue = (token.start + len(head) + 1, token.end)
            source = (token.start, token.start + len(head))
        elif (token.lower in DESIGNATED and j >= 2 and tokens[j - 1].text == "-"
              and tokens[j - 2].end == tokens[j - 1].start and tokens[j - 1].end == token.start
              and _names(tokens[j - 2].text)):
            cue, source = span(parse, j, j), span(parse, j - 2, j - 2)
        else:
            continue
        return Frame(cue, source, False, content_span(parse, j + 1, chunk.last), "noun")
    return None


def _self_named(parse: Parse, chunk: Chunk) -> Frame | None:
    """The frame of people who name themselves what the chunk's head says (``two
    self-described freedom fighters``, ``a self-confessed terrorist``): their own label,
    whose source is the word that says so (the people it names hold the label itself)."""
    j = next((j for j in range(chunk.first, chunk.last) if parse.tokens[j].lower in SELF_NAMED), -1)
    if j < 0:
        return None
    return Frame(span(parse, j, j), span(parse, j, j), False, content_span(parse, j + 1, chunk.last), "noun")


# What a participle of conviction after a label goes on with: "convicted of murder",
# "convicted in 2015", "convicted at the Old Bailey", "convicted last year".
_VERDICT = frozenset({"of", "in", "at", "last", "on", "for"})


def _convicted(parse: Parse, chunk: Chunk) -> Frame | None:
    """The frame of a conviction before the chunk's head (``a convicted terrorist``, also
    with no article: ``convicted terrorist Piet Vann``) or
    right after it (``a terrorist convicted of ...``, not a finite ``the terrorists
    convicted him``): the court's label, the participle its cue and its source."""
    tokens = parse.tokens
    j = next((j for j in range(chunk.first, chunk.last) if tokens[j].lower == "convicted"), -1)
    first = j + 1
    after = chunk.last + 1
    if j < 0 and chunk.first > 0 and tokens[chunk.first - 1].lower == "convicted":
        group = parse.group_at(chunk.first - 1)  # (with no article, outside the chunk:
        if group is not None and not group.finite:  # "Convicted terrorist Piet Vann was freed")
            j, first = chunk.first - 1, chunk.first
    if j < 0 and after + 1 < len(tokens) and tokens[after].lower == "convicted" and (
            tokens[after + 1].lower in _VERDICT):
        group = parse.group_at(after)
        if group is None or not group.finite:
            j, first = after, chunk.first
    if j < 0:
        return _sentenced_as(parse, chunk)
    return Frame(span(parse, j, j), span(parse, j, j), False, content_span(parse, first, chunk.last), "noun")


def _sentenced_as(parse: Parse, chunk: Chunk) -> Frame | None:
    """The frame of a court's or a state's act on someone "as" what the chunk names, in the
    passive (``was jailed as a terrorist``, ``was convicted as ...``, ``is wanted as a
    terrorist in Orsk``) or the active with its object (``Police jailed Vann as a
    terrorist``): the label is the verdict's or the warrant's, as in ``a convicted
    terrorist``; the verb is its cue and its source."""
    k = chunk.first - 1
    if k < 1 or parse.tokens[k].lower != "as":
        return None
    named = parse.chunk_ending_at(k - 1)
    if named is not None and named.first > 0:  # the active: "jailed [Vann] as"
        group = parse.group_at(named.first - 1)
        if group is None or group.passive or group.last != named.first - 1 or (
                parse.tokens[group.last].lower not in PENAL_ACTIVE):
            return None
    else:
        group = parse.group_at(k - 1)
        if group is None or not group.passive or group.last != k - 1 or (
                parse.tokens[k - 1].lower not in PENAL):
            return None
    cue = span(parse, group.last, group.last)
    return Frame(cue, cue, False, content_span(parse, chunk.first, chunk.last), "noun")


def _names(word: str) -> bool:
    """An authority's name: an abbreviation (``EU``, ``U.S.``) or a capitalised name that is
    no adverb or prefix (``Orsk``, not ``Newly`` or ``Self``)."""
    if word.replace(".", "").isupper():
        return True
    return (word[:1].isupper() and word[1:].islower() and not word.lower().endswith("ly")
            and word.lower() not in _NOT_NAMES)


_NOT_NAMES = frozenset({"self", "non", "re", "de", "un", "pre", "co", "state", "government"})


# Nouns of the word someone has for people or things: "The mayor's word for the men is ...".
_WORDS = frozenset({"word", "term", "label", "epithet", "name"})
# Verbs of using a word: "the word the mayor used", "the term she chose".
_USING = frozenset({"use", "choose", "prefer", "pick", "employ"})
# Verbs whose "how" or "what" is the word given: "was how the mayor described them".
_GIVING = NAMING | {"describe", "characterise", "characterize", "list", "classify", "portray", "depict"}


def word_frames(parse: Parse) -> list[Frame]:
    """One frame for each owned noun of a word joined by a copula to the word it names, for
    each ``how`` or ``what`` of naming after a copula, for each verb of naming an owned
    noun governs (``his insistence on calling ...``), and for a label put first
    (:func:`fronted_naming`)."""
    out = []
    for chunk in parse.chunks:
        frame = _owned_word(parse, chunk)
        if frame is not None:
            out.append(frame)
    for group in parse.groups:
        frame = _how_named(parse, group) or _owned_naming(parse, group) or _ranked_naming(parse, group)
        if frame is not None:
            out.append(frame)
    fronted = fronted_naming(parse)
    if fronted is not None and parse.tokens[fronted[1].first].lower not in ("i", "we", "you"):
        label, who, group = fronted  # "Terrorists, the mayor calls them." (not "..., I call them.")
        out.append(Frame(span(parse, group.first, group.last), span(parse, who.first, who.last),
                         vague_source(parse, who), content_span(parse, label.first, label.last), "noun"))
    return out


def fronted_naming(parse: Parse) -> tuple[Chunk, Chunk, Group] | None:
    """The label, the namer and the verb of naming of a sentence that puts the label first:
    ``Terrorists, the mayor calls them.``, ``Martyrs, the crowd called them, and worse.``
    (a noun phrase, a comma, the namer, the verb, him, her, it or them, and the end of the
    sentence or a comma); or None."""
    tokens = parse.tokens
    label = parse.chunk_at(0)
    if label is None or label.last + 3 >= len(tokens) or tokens[label.last + 1].text != ",":
        return None
    who = parse.chunk_at(label.last + 2)
    if who is None or who.first != label.last + 2:
        return None
    k = past_phrases(parse, who.last + 1)  # "the crowd on the quay called them"
    group = parse.group_at(k)
    if group is None or group.first != k or group.lemma not in _GIVING:
        return None
    k = group.last + 1
    if k + 1 >= len(tokens) or tokens[k].lower not in NAMED_PRONOUNS:
        return None
    return (label, who, group) if tokens[k + 1].text in (".", ",", "!") else None


def _owned_word(parse: Parse, chunk: Chunk) -> Frame | None:
    """``The mayor's word (for the men) is terrorists``, ``The term the mayor used was ...``
    (the words after the copula), ``Terrorists was the word the mayor used`` (the words
    before it), or None."""
    tokens = parse.tokens
    if tokens[chunk.last].lemma not in _WORDS:
        return None
    owner = _owner(parse, chunk)
    if owner is None:
        return None
    source, vague, k = owner
    k = past_phrases(parse, k)  # past what the word is for: "for the men on the ferry"
    group = parse.group_at(k)
    if group is not None and group.first == k and _copula(group):  # "... is terrorists"
        end = group.last
        while end + 1 < len(tokens) and tokens[end + 1].text not in _ENDS:
            end += 1
        content = content_span(parse, group.last + 1, end)
    else:
        group = parse.group_at(chunk.first - 1)
        if group is None or group.last != chunk.first - 1 or not _copula(group) or (
                k < len(tokens) and tokens[k].text not in _ENDS and tokens[k].text != ";"):
            return None
        # "Terrorists was the word ...": the words before the copula
        content = content_span(parse, after_semicolon(parse, group.first), group.first - 1)
    return Frame(span(parse, chunk.last, chunk.last), source, vague, content, "noun")


def _owner(parse: Parse, chunk: Chunk) -> tuple[tuple[int, int], bool, int] | None:
    """Who owns the word ``chunk`` heads: a possessive in it (``the mayor's word``, ``his
    term``; not ``my`` or ``our``, the writer's) or a clause of using after it (``the word
    the mayor used``); with whether they are vague and the token after the owning words."""
    tokens = parse.tokens
    owner = possessor(parse, chunk)
    if owner is not None:
        if tokens[owner[0]].lower in WRITERS:
            return None
        return span(parse, chunk.first, owner[1]), False, chunk.last + 1
    who = parse.chunk_at(chunk.last + 1)
    if tokens[chunk.first].lower != "the" or who is None or who.first != chunk.last + 1:
        return None
    used = parse.group_at(who.last + 1)
    if used is None or used.first != who.last + 1 or used.lemma not in _USING:
        return None
    return span(parse, who.first, who.last), vague_source(parse, who), used.last + 1


def _how_named(parse: Parse, group: Group) -> Frame | None:
    """``Terrorists was how the mayor described them``, ``... is what he calls them``: the
    words before the copula are the subject's of the verb of naming after it; or None."""
    tokens = parse.tokens
    k = group.last + 1
    if not _copula(group) or k + 2 >= len(tokens) or tokens[k].lower not in ("how", "what"):
        return None
    who = parse.chunk_at(k + 1)
    named = parse.group_at(who.last + 1) if who is not None and who.first == k + 1 else None
    if who is None or named is None or named.first != who.last + 1 or named.lemma not in _GIVING:
        return None
    return Frame(span(parse, k, named.last), span(parse, who.first, who.last), vague_source(parse, who),
                 content_span(parse, after_semicolon(parse, group.first), group.first - 1), "noun")


def _owned_naming(parse: Parse, group: Group) -> Frame | None:
    """``The mayor's insistence on calling the men terrorists``, ``his decision to call
    ...``: the words a verb of naming gives, when a noun with an owner (a possessive; not
    ``my`` or ``our``) governs it, are the owner's; or None."""
    tokens = parse.tokens
    first = group.first
    if group.finite or group.lemma not in _GIVING or first < 2:
        return None
    if tokens[first].tag == "VBG" and tokens[first - 1].tag == "IN":
        noun = parse.chunk_ending_at(first - 2)  # "insistence on calling"
    elif tokens[first].tag == "TO":
        noun = parse.chunk_ending_at(first - 1)  # "decision to call"
    else:
        return None
    owner = None if noun is None else possessor(parse, noun)
    if noun is None or owner is None or tokens[owner[0]].lower in WRITERS:
        return None
    end = group.last + 1
    while end < len(tokens) and tokens[end].text not in _ENDS and not (
            (found := parse.group_at(end)) is not None and found.finite):
        end += 1
    return Frame(span(parse, first, group.last), span(parse, noun.first, owner[1]), False,
                 content_span(parse, group.last + 1, end - 1), "noun")


def _ranked_naming(parse: Parse, group: Group) -> Frame | None:
    """``The first to call the men terrorists was the mayor``: the words a verb of naming
    gives after ``the first to`` (``the last``, ``the only one``) are those of the one the
    copula then names; or None."""
    if group.lemma not in _GIVING:
        return None
    found = ranked_doer(parse, group)
    if found is None:
        return None
    doer, copula = found
    return Frame(span(parse, group.first, group.last), span(parse, doer.first, doer.last),
                 vague_source(parse, doer), content_span(parse, group.last + 1, copula.first - 1), "verb")


def _copula(group: Group) -> bool:
    return group.finite and group.lemma in COPULAS
