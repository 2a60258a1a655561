"""Frames of idioms of saying built on a common verb: ``The mayor put it bluntly: ...``,
``..., was how the mayor put it.``, ``..., or so the police say.``,
``Voss made it clear (that) ...``, ``made plain to the union that ...``, ``let it be
known that ...``, ``Kell wanted to know whether ...``. The verb's
subject is the source; the words after the idiom are the subject's. And the idioms of
hearing someone out and taking them at their word, whose source is the one heard or
believed: ``To hear the mayor tell it, ...``, ``..., if the mayor is to be believed.``,
``If you believe the mayor, ...``."""

from __future__ import annotations

from linter.analysis.according_frames import names_someone
from linter.analysis.asides import COMMA_OR_DASH
from linter.analysis.chunks import Chunk, Group
from linter.analysis.cues import BE_FORMS, PLAIN
from linter.analysis.frame_base import (
    QUESTION_OPENERS,
    Frame,
    after_semicolon,
    clause,
    content_span,
    lexicon,
    span,
    subject_of,
)
from linter.analysis.pointer_frames import plain_end
from linter.analysis.syntax import Parse
from linter.analysis.vague_sources import vague_source
from linter.analysis.verb_reach import bare_clause
from linter.analysis.verb_reports import put_it_colon

# What opens the question someone "wanted to know": "whether ...", "why ...".
_ASKING = QUESTION_OPENERS | {"which"}
# What someone makes clear of their own: "made its view clear: ...", "made her position plain".
_STANDS = frozenset({"view", "position", "stance", "feeling", "intention", "opposition", "point"})


def idiom_frame(parse: Parse, group: Group) -> Frame | None:
    """The frame of ``put it ...:`` or ``made (it) clear ...`` on ``group``, or None."""
    tokens = parse.tokens
    colon = put_it_colon(parse, group)
    if colon >= 0:  # "The mayor put it bluntly: ..."
        subject = _subject(parse, group)
        source = None if subject is None else span(parse, subject.first, subject.last)
        return Frame(span(parse, group.first, group.last + 1), source, vague_source(parse, subject),
                     content_span(parse, colon + 1, len(tokens) - 1), "verb")
    so_said = _so_said(parse, group) or _put_how(parse, group) or _taken_at_word(parse, group)
    if so_said is not None:
        return so_said
    first = _idiom_words(parse, group)
    subject = _subject(parse, group) if first >= 0 else None
    if subject is None:
        return None
    end = len(tokens) - 1 if tokens[first - 1].text == ":" else clause(parse, first)[1]
    return Frame(span(parse, group.first, first - 1), span(parse, subject.first, subject.last),
                 vague_source(parse, subject), content_span(parse, first, end), "verb")


def _subject(parse: Parse, group: Group) -> Chunk | None:
    """The idiom's subject, or the noun phrase right before its verb (the tagger reads "put"
    or "let" after a name as a base form, whose group has no subject)."""
    return subject_of(parse, group) or parse.chunk_ending_at(group.first - 1)


def _idiom_words(parse: Parse, group: Group) -> int:
    """The first word of what ``made it clear (to X) that ...``, ``made clear: ...``,
    ``made its view clear: ...``, ``made it plain the ...``, ``let it be known that ...`` or
    ``wanted to know whether ...`` gives as the subject's words, or -1 (not ``made the quay
    clear of rubble``, ``made clear progress``)."""
    tokens = parse.tokens
    k = group.last + 1
    if group.lemma == "let" and [t.lower for t in tokens[k:k + 3]] == ["it", "be", "known"]:
        k += 3  # "Voss let it be known (that) ..."
    elif group.lemma == "want" and [t.lower for t in tokens[k:k + 2]] == ["to", "know"]:
        # "Kell wanted to know whether ...": the subject's question, as after "asked"
        return k + 2 if k + 2 < len(tokens) and tokens[k + 2].lower in _ASKING else -1
    elif group.lemma == "make":
        if k + 1 < len(tokens) and tokens[k].tag == "PRP$" and tokens[k + 1].lemma in _STANDS:
            k += 2  # "made its view clear: ..."
        else:
            k += k < len(tokens) and tokens[k].lower == "it"
        if k >= len(tokens) or tokens[k].lower not in PLAIN:
            return -1
        k += 1
        if k < len(tokens) and tokens[k].lower == "to":  # "made it clear to the union that ..."
            heard = parse.chunk_at(k + 1)
            k = heard.last + 1 if heard is not None and heard.first == k + 1 else k
    else:
        return -1
    if k + 1 < len(tokens) and (tokens[k].lower == "that" or tokens[k].text == ":"):
        return k + 1
    return k if k < len(tokens) and bare_clause(parse, k) else -1


def _so_said(parse: Parse, group: Group) -> Frame | None:
    """``..., or so the police say.``: the words before the comma are the subject's. Opening
    a sentence, ``Or so the mayor claims.``, ``So says the mayor.`` and ``Or so says the
    mayor, at least.`` say nothing of their own: their content is empty, and the sentence
    points back to the one before it (see :meth:`linter.analysis.Analysis.voice`)."""
    tokens = parse.tokens
    lex = lexicon()
    if group.lemma not in lex.verbs or not group.finite or all(t.lower != "so" for t in tokens[:group.first]):
        return None
    opener = [t.lower for t in tokens[:group.first]]
    if opener in (["so"], ["or", "so"]):  # "So says the mayor.", "Or so says the mayor, at least."
        source = parse.chunk_at(group.last + 1)
        if source is None or source.first != group.last + 1 or (
                tuple(t.lower for t in tokens[source.last + 1:-1]) not in _HEDGES
                and not plain_end(parse, source.last + 1)):  # ("So said the mayor on Monday.")
            return None
        return Frame(span(parse, 0, group.last), span(parse, source.first, source.last),
                     vague_source(parse, source), (0, 0), "verb", group.lemma in lex.thoughts)
    subject = subject_of(parse, group)
    k = subject.first if subject is not None else 0
    if subject is None or k < 2 or tokens[k - 1].lower != "so" or tokens[k - 2].lower != "or":
        return None
    if group.last + 2 < len(tokens):  # nothing but the full stop after the verb
        return None
    comma = k - 3
    if comma < 0:  # "Or so the mayor claims.": the sentence before
        content = (0, 0)
    elif tokens[comma].text in COMMA_OR_DASH and comma > 0:
        # "The men fled, or so the police say.", "The men fled - or so the police say."
        content = content_span(parse, after_semicolon(parse, comma), comma - 1)
    else:
        return None
    return Frame(span(parse, k - 2, group.last), span(parse, subject.first, subject.last),
                 vague_source(parse, subject), content, "verb", group.lemma in lex.thoughts)


# What may follow the source of "So says the mayor" before the full stop: nothing, or a
# hedge ("So says the mayor, at least.").
_HEDGES = frozenset({(), (",", "at", "least"), (",", "anyway"), (",", "at", "any", "rate"),
                     (",", "for", "one")})


# The copula of "was how the mayor put it", "That's how she put it".
_WAS = frozenset({"was", "is", "'s", "’s"})


def _put_how(parse: Parse, group: Group) -> Frame | None:
    """``..., was how the mayor put it (in her memoir).`` (or ``the way``): the words before
    the comma (or the dash) are the subject's. Opening a sentence, ``That was how the mayor put it.``
    says nothing of its own: its content is empty, and it points back to the one before
    it, as ``So says the mayor.`` does."""
    tokens = parse.tokens
    k = group.last + 1
    if group.lemma != "put" or k + 1 >= len(tokens) or tokens[k].lower != "it" or any(
            t.is_verb for t in tokens[k + 1:]):  # (what follows "it" to the end: "in his memoir")
        return None
    subject = _subject(parse, group)
    if subject is None or subject.first < 2:
        return None
    how = subject.first - 1 if tokens[subject.first - 1].lower == "how" else subject.first - 2
    way = [t.lower for t in tokens[how:how + 2]] == ["the", "way"]
    if how < 1 or not (tokens[how].lower == "how" or way) or tokens[how - 1].lower not in _WAS:
        return None
    copula = mark = how - 1
    mark -= 1
    pointer = mark >= 0 and tokens[mark].lower in ("that", "this")
    mark -= pointer  # "... - that was how the mayor put it."
    if mark < 0 and pointer:  # "That was how the mayor put it."
        content = (0, 0)
    elif mark > 0 and tokens[mark].text in COMMA_OR_DASH:
        content = content_span(parse, after_semicolon(parse, mark), mark - 1)
    else:
        return None
    return Frame(span(parse, copula, k), span(parse, subject.first, subject.last),
                 vague_source(parse, subject), content, "verb")


# The verbs of telling after "To hear X": "To hear the mayor tell it", "... talk".
_TELLING = frozenset({"tell", "talk"})


def _taken_at_word(parse: Parse, group: Group) -> Frame | None:
    """``To hear the mayor (tell it), ...``, ``To listen to the mayor, ...``, ``If the mayor
    is to be believed, ...``, ``If you believe the mayor, ...``, ``As the mayor would have
    it, ...``, ``..., or so the mayor would have it.``, ``..., the mayor would have us
    believe.``, opening a sentence before a comma or ending it after one: the rest of the
    sentence is the words of the one heard or believed. Set off inside a clause (``The men,
    to hear the mayor tell it, are ...``), that clause is; after ``The mayor would have us
    believe``, the clause after it."""
    tokens = parse.tokens
    n = len(tokens)
    first = group.first
    if group.lemma in ("hear", "listen") and not group.finite and tokens[first].lower == "to":
        k = group.last + 1 + (group.lemma == "listen")
        if group.lemma == "listen" and (k > n or tokens[k - 1].lower != "to"):
            return None
        source = parse.chunk_at(k)
        if source is None or source.first != k:
            return None
        end = source.last + 1
        if end + 1 < n and tokens[end].lower in _TELLING and group.lemma == "hear":
            end += 1 + (tokens[end].lower == "tell" and tokens[end + 1].lower == "it")
    elif group.lemma == "believe" and group.passive and not group.finite and first > 2 and (
            tokens[first].lower == "to" and tokens[first - 1].lower in BE_FORMS):
        source = parse.chunk_ending_at(first - 2)  # "if the mayor is to be believed"
        if source is None or source.first < 1 or tokens[source.first - 1].lower != "if":
            return None
        first, end = source.first - 1, group.last + 1
    elif group.lemma == "believe" and group.finite and group.first > 1 and (
            [t.lower for t in tokens[group.first - 2:group.first]] == ["if", "you"]):
        source = parse.chunk_at(group.last + 1)  # "if you believe the mayor"
        if source is None or source.first != group.last + 1:
            return None
        first, end = group.first - 2, source.last + 1
    elif group.lemma == "have" and group.last + 1 < n and tokens[group.last + 1].lower in ("it", "us"):
        source = parse.chunk_ending_at(first - 1)  # "as the mayor would have it"
        words = [t.lower for t in tokens[group.last + 1:group.last + 3]]
        if source is None or source.first < 1 or words not in (["it", ","], ["it", "."], ["us", "believe"]):
            return None
        opener = source.first - (tokens[source.first - 1].lower in ("as", "so"))
        opener -= opener > 1 and opener < source.first and tokens[opener - 1].lower == "or"  # "or so ..."
        if words[0] == "it" and opener == source.first:
            return None
        first, end = opener, group.last + 2 + (words[0] == "us")
    else:
        return None
    if end >= n or not names_someone(parse, source):
        return None
    if first == source.first == 0 and tokens[end - 1].lower == "believe":  # "The mayor would have us believe"
        start = end + (tokens[end].lower == "that")
        content = content_span(parse, start, clause(parse, start)[1])
    elif first == 0 and tokens[end].text == ",":  # "To hear the mayor tell it, ..."
        content = content_span(parse, end + 1, clause(parse, end + 1)[1])
    elif first > 1 and tokens[first - 1].text in COMMA_OR_DASH and end == n - 1:  # "..., to hear X tell it."
        content = content_span(parse, after_semicolon(parse, first - 1), first - 2)
    elif first > 1 and tokens[first - 1].text == "," and tokens[end].text == ",":
        lo, hi = clause(parse, first - 1)  # "The men, to hear the mayor tell it, are ..."
        content = content_span(parse, lo, hi)
    else:
        return None
    return Frame(span(parse, first, end - 1), span(parse, source.first, source.last),
                 vague_source(parse, source), content, "verb")
