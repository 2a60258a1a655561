"""Attribution frames whose cue is a verb: ``Police said ...``, ``..., said the
ministry``, ``was reported by the BBC``, ``adding that ...`` (see :mod:`.frames`)."""

from __future__ import annotations

from functools import partial

from linter.analysis.chunks import Chunk, Group
from linter.analysis.frame_base import (
    QUANTIFIERS,
    Frame,
    after_semicolon,
    clause,
    content_span,
    has_own_verb,
    lexicon,
    span,
    subject_of,
    vague_source,
)
from linter.analysis.syntax import Parse

_TRAILING_OK = frozenset({"IN", "DT", "NN", "NNS", "NNP", "NNPS", "CD", "JJ", "RB", "RBR", "PRP$", "POS", ",",
                          ".", "''", "``", "-RRB-", "-LRB-", "HYPH"})
# What stands right before a trailing cue: "..., police said", "...,” said Ms Lee", "... — police said".
_TRAIL_MARKS = frozenset({",", "”", '"', "’", "'", "»", "—", "–"})
# What stands right before an inverted cue: "..., said the ministry", "...,” said Ms Lee".
_BEFORE_INVERTED = frozenset({",", "”", '"', "’", "'", "»"})
_ADVERBIAL = frozenset({"RB", "IN", "DT", "NN", "NNP", "CD"})
_REFLEXIVE = frozenset({"itself", "himself", "herself", "themselves", "myself", "ourselves", "yourself"})
# Verbs of thought whose infinitive is their content: "hope to", "expect the talks to".
_INFINITIVE = frozenset({"hope", "expect"})
# Words that open a clause of time or cause: the end of a demand's content.
_CIRCUMSTANCE = frozenset({"after", "before", "when", "while", "because", "since", "as", "until", "following",
                           "but"})
# Words of time that may follow a trailing cue ("..., police said Wednesday").
_WHEN = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "yesterday", "today", "tonight", "last", "this", "earlier", "later", "late"})


def verb_frames(parse: Parse) -> list[Frame]:
    """The frames of the sentence's reporting verbs."""
    verbs = lexicon().verbs
    found: list[Frame] = []
    main_source: tuple[tuple[int, int] | None, bool] | None = None
    for group in map(partial(_phrasal, parse, verbs), parse.groups):
        if group.lemma not in verbs or not _reports(parse, group):
            continue
        lead = parse.tokens[group.first].tag
        if not (group.finite or lead == "VBG" or (lead == "TO" and _next_word(parse, group) == "that")):
            continue  # "the state of emergency declared after ...", "the alleged attack"
        frame = _verb_frame(parse, group, main_source)
        if frame is not None:
            found.append(frame)
            if frame.kind == "verb" and main_source is None:
                main_source = (frame.source, frame.vague)
    return found


def _phrasal(parse: Parse, verbs: frozenset[str], group: Group) -> Group:
    """The group with its particle when verb and particle make a reporting verb
    (``pointed out``, ``called for``, ``called on``); otherwise the group as it is."""
    nxt = group.last + 1
    tokens = parse.tokens
    if nxt < len(tokens) and (tokens[nxt].tag == "RP" or tokens[nxt].lower in ("for", "on")):
        lemma = f"{group.lemma} {tokens[nxt].lower}"
        if lemma in verbs:
            return group._replace(last=nxt, lemma=lemma)
    return group


def _next_word(parse: Parse, group: Group) -> str:
    nxt = group.last + 1
    return parse.tokens[nxt].lower if nxt < len(parse.tokens) else ""


def _reports(parse: Parse, group: Group) -> bool:
    """A reporting verb, not a phrasal use that reports nothing (``called for``, ``added
    to``); verbs that report only with a that-clause need one, perhaps without ``that``
    (``Prosecutors charged that ...``, ``The inquiry found the guard had ...``, not ``The
    terrorists charged the checkpoint``)."""
    tokens = parse.tokens
    nxt = group.last + 1
    following = tokens[nxt].lower if nxt < len(tokens) else ""
    if group.lemma == "call" and following in ("for", "off", "on"):
        return False
    if group.lemma == "add" and following == "to":
        return False
    if following == "by" and nxt + 1 < len(tokens) and tokens[nxt + 1].tag == "VBG":
        return False  # "responded by sending troops": an act, not words
    if group.lemma not in lexicon().needthat or following in ("that", ":"):
        return True
    return group.finite and (_bare_clause(parse, nxt) or _trails(parse, group)
                             or _evidence_subject(parse, group))


def _evidence_subject(parse: Parse, group: Group) -> bool:
    """A poll, a study or records as the subject: what they show or find is theirs, a noun
    phrase too (``Surveys show a narrowing of the gap``; not ``The guide showed us the cave``)."""
    subject = subject_of(parse, group)
    return subject is not None and parse.tokens[subject.last].lemma in lexicon().evidence


def _trails(parse: Parse, group: Group) -> bool:
    """The verb and its subject trail the clause they report: ``..., records show.``,
    ``..., a new survey indicates.``"""
    subject = parse.chunk_at(group.first - 1)
    if subject is None or subject.last != group.first - 1 or subject.first == 0:
        return False
    if parse.tokens[subject.first - 1].text not in _TRAIL_MARKS:
        return False
    return _trailing(parse, group.last + 1, clause(parse, group.last)[1])


def _bare_clause(parse: Parse, i: int) -> bool:
    """A that-clause without ``that`` starts at token ``i``: a noun phrase and a finite
    verb that cannot be a participle (``concluded the gunmen had bribed a guard``,
    ``show the men were moved``; not ``found the bodies``, ``found the boat wedged``), or
    a noun phrase and a present participle (``polls show the senator trailing``)."""
    chunk = parse.chunk_at(i)
    if chunk is None or chunk.first != i or parse.tokens[chunk.last].lower in _REFLEXIVE:
        return False  # not "the ferry found itself stuck"
    k = chunk.last + 1
    while k < len(parse.tokens) and parse.tokens[k].tag == "RB":
        k += 1
    if k < len(parse.tokens) and parse.tokens[k].tag == "VBG":
        return True  # "polls show the senator (slightly) trailing", "found the men hiding in a barn"
    group = parse.group_after(chunk)
    if group is None or not group.finite or any(
            t.tag not in ("RB", "RBR") for t in parse.tokens[chunk.last + 1:group.first]):
        return False  # only adverbs between: not "held talks in the town he was ..."
    # a clause's verb, not a participle read as one ("found the boat wedged under the pier")
    first = parse.tokens[group.first]
    return first.tag in ("MD", "VBZ", "VBP") or first.lemma in ("be", "have", "do")


def _verb_frame(parse: Parse, group: Group,
                main: tuple[tuple[int, int] | None, bool] | None) -> Frame | None:
    tokens = parse.tokens
    cue = span(parse, group.first, group.last)
    lo, hi = clause(parse, group.last)
    if group.lemma in lexicon().seeing and (group.passive or tokens[group.last].tag == "VBN"):
        return None  # "is widely seen as", "who's viewed as": the weasel's own phrase, not a frame
    if group.passive:
        agent = _agent(parse, group)
        subject = subject_of(parse, group)
        named_owner = subject is not None and any(t.tag in ("POS", "PRP$") for t in
                                                  tokens[subject.first:subject.last + 1])
        vague = agent is None and not named_owner  # "it is understood", "has been described as"
        source = span(parse, agent.first, agent.last) if agent is not None else None
        content_first = group.last + 1 if agent is None else agent.last + 1
        if subject is not None and tokens[subject.last].lower != "it" and content_first < len(tokens) and (
                tokens[content_first].tag == "TO"):
            content_first = subject.first  # "The gunmen are thought to ...", not "The story was told in"
        return Frame(cue, source, vague, content_span(parse, content_first, hi), "passive",
                     group.lemma in lexicon().thoughts)
    subject = subject_of(parse, group)
    if subject is None and tokens[group.first].tag in ("VBG", "TO"):
        return _nonfinite_frame(parse, group, main, hi)
    after_quote = group.first > 0 and tokens[group.first - 1].text in _BEFORE_INVERTED
    inverted = False
    if subject is None:
        subject = parse.chunk_at(group.last + 1)
        # "..., said Nell Ambo, a trader."; not "..., said the men had left" nor
        # '..., said the plans "raise ..."' (has_own_verb)
        inverted = subject is not None and after_quote and not has_own_verb(parse, subject)
        if not inverted:
            subject = None
    if subject is None and after_quote and group.last + 1 <= hi:
        # "..., says a top academic/JJ.": words the tagger did not read as a noun phrase
        words = [t for t in tokens[group.last + 1:hi + 1] if t.tag not in (".", ",")]
        if words and words[0].tag in ("DT", "PRP$", "NNP", "NNPS", "JJ", "NN", "NNS", "CD") and not any(
                t.is_verb for t in words):  # not "..., said the men had left"
            vague = any(t.lemma in lexicon().vague for t in words)
            return Frame(cue, span(parse, group.last + 1, group.last + len(words)), vague,
                         content_span(parse, lo, group.first - 2), "verb", group.lemma in lexicon().thoughts)
    if subject is None and not _quantifier_before(parse, group):
        return None
    vague = vague_source(parse, subject) if subject is not None else True
    source = span(parse, subject.first, subject.last) if subject is not None else None
    content = _verb_content(parse, group, subject, inverted, lo, hi)
    lex = lexicon()
    thought = group.lemma in lex.thoughts
    if group.lemma in lex.seeing:
        if not _as_after(parse, group, hi):
            return None  # "Residents saw the smoke": no view
        return Frame(cue, source, vague, _demand(parse, content, view=True), "verb", thought)
    elif (thought or group.lemma == "agree") and not _clause_after(parse, group):
        return None  # "The move worries investors", "agreed to a moratorium": no content
    if group.lemma in lex.acts:
        return Frame(cue, source, vague, _demand(parse, content), "act", thought)
    if group.lemma in lex.needthat and _next_word(parse, group) not in ("that", ":"):
        return Frame(cue, source, vague, content, "evidence", thought)  # "figures showed X grew"
    return Frame(cue, source, vague, content, "verb", thought)


def _demand(parse: Parse, content: tuple[int, int], *, view: bool = False) -> tuple[int, int]:
    """A demand's or a view's content ends where a clause of time, cause or contrast
    begins: in "want the market rebuilt after 40 people died", the deaths are the writer's
    report, not the demand. (A view's own "as" is skipped: "sees the men as martyrs".)"""
    seen_as = not view
    for token in parse.tokens:
        if token.lower == "as" and not seen_as and content[0] < token.start:
            seen_as = True
            continue
        if content[0] < token.start < content[1] and token.lower in _CIRCUMSTANCE:
            return (content[0], token.start)
    return content


def _as_after(parse: Parse, group: Group, hi: int) -> bool:
    """``as`` follows the verb's object before any other verb (``sees the men as ...``)."""
    for k in range(group.last + 1, hi + 1):
        if parse.tokens[k].lower == "as":
            return k > group.last + 1
        if parse.group_at(k) is not None or parse.tokens[k].text in (",", ";", ":"):
            return False
    return False


def _clause_after(parse: Parse, group: Group) -> bool:
    """A clause follows the verb: ``that``, a wh-word, an infinitive after hope or expect
    (``hope to ...``; not ``felt the need to ...``) or a finite verb before the next
    comma (``fear the gunmen will return``), perhaps after ``with someone``."""
    tokens = parse.tokens
    for k in range(group.last + 1, len(tokens)):
        token = tokens[k]
        if token.lower in ("that", "whether", "if", "what", "who", "how", "why", "when", "where"):
            return True
        if (token.tag == "TO" and k + 1 < len(tokens) and tokens[k + 1].tag == "VB"
                and group.lemma in _INFINITIVE):
            return True  # "hope to reopen the road", "expect the talks to fail"
        if token.text in (",", ";", ":") or token.tag == ".":
            return False
        found = parse.group_at(k)
        if found is not None and found.finite:
            return True
    return False


def _nonfinite_frame(parse: Parse, group: Group, main: tuple[tuple[int, int] | None, bool] | None,
                     hi: int) -> Frame | None:
    """A participle or an infinitive with no subject of its own: its speaker is the
    subject of the sentence's reporting verb or of the verb before it ("..., the governor
    said, adding that ...", "He went out of his way to say that ..."), or, when it opens
    the sentence, of the main clause after it ("After saying the gunmen had fled, the
    mayor left"), whose words are then not part of the content."""
    if main is not None:
        source, vague = main
    else:
        first = next((g for g in parse.groups if g.finite and g.last < group.first), None)
        owner = subject_of(parse, first) if first is not None else None
        if owner is None:
            tokens = parse.tokens
            later = (subject_of(parse, g) for g in parse.groups if g.finite and g.first > group.last)
            owner = next((c for c in later if c is not None and c.first > group.last + 1
                          and tokens[c.first - 1].text == ","), None)
            if owner is None:
                return None
            hi = owner.first - 2
        source, vague = span(parse, owner.first, owner.last), vague_source(parse, owner)
    content = content_span(parse, group.last + 1, _continued(parse, hi))
    thought = group.lemma in lexicon().thoughts
    return Frame(span(parse, group.first, group.last), source, vague, content, "verb", thought)


def _continued(parse: Parse, hi: int) -> int:
    """The end of a content clause that goes on in a coordinated one (``said voters were
    tired, and that many would stay at home``)."""
    tokens = parse.tokens
    k = hi + 1 + (hi + 1 < len(tokens) and tokens[hi + 1].text == ",")
    if k + 1 < len(tokens) and tokens[k].lower in ("and", "but", "or") and tokens[k + 1].lower == "that":
        return clause(parse, k + 2)[1]
    return hi


def _quantifier_before(parse: Parse, group: Group) -> bool:
    """``Some say ...``, ``Many fear ...``: a quantifier standing for people."""
    i = group.first - 1
    return i >= 0 and parse.tokens[i].lower in QUANTIFIERS


def _agent(parse: Parse, group: Group) -> Chunk | None:
    i = group.last + 1
    if i < len(parse.tokens) and parse.tokens[i].lower == "by":
        return parse.chunk_at(i + 1)
    return None


def _verb_content(parse: Parse, group: Group, subject: Chunk | None, inverted: bool,
                  lo: int, hi: int) -> tuple[int, int]:
    tokens = parse.tokens
    before = (subject.first if subject is not None and not inverted else group.first) - 1
    after = (subject.last if inverted and subject is not None else group.last) + 1
    if before >= lo and tokens[before].text in _TRAIL_MARKS:
        if inverted or _trailing(parse, _past_addressee(parse, group, after), hi):
            # a trailing cue reports the sentence before it, all its clauses, from the last
            # semicolon: "The road is cut, and the port is shut, the army said on Monday."
            start = after_semicolon(parse, before)
            if (hi + 2 < len(tokens) and tokens[hi + 1].text == ",") or (
                    not inverted and _comma_then_more(parse, after)):
                # "The port will reopen, the mayor said, although the road is closed.": a cue
                # set inside the sentence gives the speaker the sentence, up to a semicolon
                return content_span(parse, start, _to_semicolon(parse, hi + 1))
            return content_span(parse, start, before - 1)
        nxt = _adverbials_end(parse, after, hi + 1)
        if nxt <= hi and tokens[nxt].text == ",":
            return content_span(parse, lo, hi)  # "The attack, police said, was planned."
    if before >= 0 and tokens[before].lower == "as" and (before == lo or tokens[before - 1].text == ","):
        nxt = _adverbials_end(parse, after, len(tokens))
        if nxt < len(tokens) and tokens[nxt].text == ",":  # "As Ms Varga pointed out, ..."
            return content_span(parse, nxt + 1, clause(parse, nxt + 1)[1])
    return content_span(parse, _past_adverbials(parse, after, hi), _continued(parse, hi))


def _past_adverbials(parse: Parse, after: int, hi: int) -> int:
    """Where the reported clause starts after the adverbials of the reporting verb itself
    (``said on Friday | the men had fled``, ``said in a statement | that ...``); ``after``
    when no clause follows them."""
    tokens = parse.tokens
    k = after
    while k <= hi:
        if tokens[k].lower in _WHEN or tokens[k].tag == "RB":
            k += 1
        elif tokens[k].tag == "IN" and tokens[k].lower != "that":
            chunk = parse.chunk_at(k + 1)
            if chunk is None or chunk.first != k + 1:
                return after
            k = chunk.last + 1
        else:
            break
    if k == after or k > hi:
        return after
    return k if tokens[k].lower == "that" or _bare_clause(parse, k) else after


def _comma_then_more(parse: Parse, after: int) -> bool:
    """After the cue's own adverbials, a comma and more of the sentence (``..., they say,
    imposing new limits ...``)."""
    tokens = parse.tokens
    k = _adverbials_end(parse, after, len(tokens))
    return k + 2 < len(tokens) and tokens[k].text == ","


def _adverbials_end(parse: Parse, k: int, stop: int) -> int:
    """The first token from ``k`` (``stop`` at most) that is a comma or no adverbial word
    (``said on Monday``, ``said late last night``)."""
    tokens = parse.tokens
    while k < stop and tokens[k].tag in _ADVERBIAL and tokens[k].text != ",":
        k += 1
    return k


def _to_semicolon(parse: Parse, i: int) -> int:
    """The last token before the first semicolon after ``i``, or the sentence's last."""
    return next((k - 1 for k in range(i, len(parse.tokens)) if parse.tokens[k].text == ";"),
                len(parse.tokens) - 1)


def _past_addressee(parse: Parse, group: Group, after: int) -> int:
    """The token after the person told (``..., Ana Reis told the Courier this week.``,
    ``..., the president told her.``)."""
    if group.lemma != "tell" or after >= len(parse.tokens):
        return after
    chunk = parse.chunk_at(after)
    return chunk.last + 1 if chunk is not None and chunk.first == after else after


def _trailing(parse: Parse, after: int, hi: int) -> bool:
    """Only adverbials (``on Monday``, ``in a statement``, ``in putting the question``)
    between the cue and the clause end or a full stop: nothing at all, or a preposition or
    an adverb first, and no finite verb."""
    if after <= hi and parse.tokens[after].tag not in ("IN", "RB", ".", ",") and (
            parse.tokens[after].lower not in _WHEN):
        return False
    for k in range(after, hi + 1):
        group = parse.group_at(k)
        if group is not None:
            if group.finite or k == after or parse.tokens[k - 1].text == ",":
                return False  # not "..., Ms Lee said, referring to ..."
            continue  # "... said in putting the question", "said during a speech to be ..."
        if parse.tokens[k].tag == ".":
            return True  # what follows a full stop is not the cue's (a note, a stray mark)
        if parse.tokens[k].tag not in _TRAILING_OK:
            return False
    return True
