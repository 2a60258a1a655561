"""Attribution frames whose cue is a verb: ``Police said ...``, ``..., said the
ministry``, ``was reported by the BBC``, ``adding that ...`` (see :mod:`.frames`)."""

from __future__ import annotations

from functools import partial

from linter.analysis.addressees import past_addressee, past_person, that_clause_follows
from linter.analysis.chunks import NAMING, Chunk, Group
from linter.analysis.cues import BEFORE_INVERTED
from linter.analysis.frame_base import (
    Frame,
    after_semicolon,
    clause,
    content_span,
    finite_in,
    has_own_verb,
    inverted_after_aside,
    lexicon,
    span,
    subject_of,
    verb_starts,
)
from linter.analysis.idiom_frames import idiom_frame
from linter.analysis.label_reach import as_after, label_agent, passive_agent
from linter.analysis.labelled import raised
from linter.analysis.subjectless import nonfinite_frame, purpose, put_to, trailing_it
from linter.analysis.syntax import Parse
from linter.analysis.trailing_cues import QUESTIONED, answers_question, fronted, trailing
from linter.analysis.vague_sources import PICTURES, QUANTIFIERS, vague_source
from linter.analysis.verb_reach import (
    TRAIL_MARKS,
    adverbial_start,
    adverbials_end,
    bare_clause,
    clause_after,
    comma_then_more,
    continued,
    object_words,
    past_adverbials,
    past_phrases,
    relative_end,
    to_semicolon,
)
from linter.analysis.verb_reports import (
    as_called,
    as_put_it,
    no_report,
    phrasal,
    reports,
    speaks_for,
    what_called,
)

# Words that open a clause of time or cause: the end of a demand's content.
_CIRCUMSTANCE = frozenset({"after", "before", "when", "while", "because", "since", "as", "until", "following",
                           "but"})
# Subjects whose verb reports no one else's words: the writer or the reader, whose thoughts
# and words outside quotation marks are the writer's own ("I hope that ...", "as we
# reported", "you believe"), and the "there" of "There have been telling signs", which is
# no one.
_NO_SOURCE = frozenset({"i", "we", "you", "there"})


# Who hears a case: "The court was told ..." names its source as "The court heard ..." does.
_HEARINGS = frozenset({"court", "jury", "jurors", "magistrates", "tribunal", "inquest", "inquiry", "hearing",
                       "judge", "coroner"})


def verb_frames(parse: Parse) -> list[Frame]:
    """The frames of the sentence's reporting verbs."""
    verbs = lexicon().verbs
    found: list[Frame] = []
    main_source: tuple[tuple[int, int] | None, bool] | None = None
    for group in map(partial(phrasal, parse, verbs), parse.groups):
        # a labelling passive with its agent reports the label, set off by commas too
        # ("The Front, listed as a terrorist group by the US, ...")
        labelled = label_agent(parse, group)
        idiom = idiom_frame(parse, group)
        if idiom is not None:  # "The mayor put it bluntly: ...", "Voss made it clear that ..."
            found.append(idiom)
            continue
        if labelled is None and not (group.lemma in verbs and not no_report(parse, group)
                                     and reports(parse, group)) and not as_put_it(parse, group):
            continue
        lead = parse.tokens[group.first].tag
        frame: Frame | None
        if labelled is not None:  # "was branded a terrorist by the government": the label is the agent's
            end, namer = labelled
            frame = Frame(span(parse, group.first, group.last), span(parse, namer.first, namer.last),
                          vague_source(parse, namer), content_span(parse, group.last + 1, end), "passive")
        elif group.finite or lead == "VBG" or (lead == "TO" and _infinitive_reports(parse, group)) or (
                group.passive and group.first == 0):  # "Asked by reporters whether ..., Voss said"
            frame = _verb_frame(parse, group, main_source)
        else:
            frame = _as_reported(parse, group)  # "the state of emergency declared after ..."
        if frame is not None:
            found.append(frame)
            if frame.kind == "verb" and main_source is None:
                main_source = (frame.source, frame.vague)
    return found


def _infinitive_reports(parse: Parse, group: Group) -> bool:
    """An infinitive that reports words: ``to say that ...``, and after a verb that goes on
    or is likely (``continues to insist she will ...``, ``were more likely to say the
    mayor ...``) or as the subject's purpose (``went on TV3 to say ...``) with a bare clause
    or, for a naming verb, what it names (``went on to call the men ...``), and for a verb
    whose words are its object, that object (``went on TV3 to condemn the men``), or after
    a raised passive (``is said to have told friends the men ...``); not after ``declined
    to say`` or ``refused``."""
    k = past_addressee(parse, group, group.last + 1)  # past whom it tells: "to tell friends that"
    if k < len(parse.tokens) and parse.tokens[k].lower == "that":
        return True
    # a clause, or what a naming verb names ("went on to call the men terrorists", "went on
    # to describe the men as ...")
    before = parse.group_at(group.first - 1)
    carried = parse.goes_on(group) or purpose(parse, group) or (
        before is not None and raised(parse.tokens, before))
    return carried and (bare_clause(parse, k) or group.lemma in NAMING or group.lemma in lexicon().objects
                        or _object_as(parse, group))


def _object_as(parse: Parse, group: Group) -> bool:
    """A noun phrase right after the verb, then ``as`` (``describe the men as ...``)."""
    chunk = parse.chunk_at(group.last + 1)
    after = chunk.last + 1 if chunk is not None and chunk.first == group.last + 1 else -1
    return 0 < after < len(parse.tokens) and parse.tokens[after].lower == "as"


def _as_reported(parse: Parse, group: Group) -> Frame | None:
    """``As reported by the Courier, ...``: the agent's words are the clause after the
    comma; set inside the sentence (``The men, as reported by TV3, fled ...``) the sentence,
    up to a semicolon, and trailing it (``..., as confirmed by the ministry.``) the words
    before it, back to one."""
    tokens = parse.tokens
    first, nxt = group.first, group.last + 1
    if not (first > 0 and tokens[first - 1].lower == "as" and (first == 1 or tokens[first - 2].text == ",")
            and nxt + 1 < len(tokens) and tokens[nxt].lower == "by"):
        return None
    agent = parse.chunk_at(nxt + 1)
    if agent is None or agent.first != nxt + 1:
        return None
    after = agent.last + 1
    if after + 1 < len(tokens) and tokens[after].text == ",":
        content = content_span(parse, after + 1, clause(parse, after + 1)[1]) if first == 1 else (
            content_span(parse, after_semicolon(parse, first - 2), to_semicolon(parse, after + 1)))
    elif first > 2 and (after == len(tokens) or tokens[after].text in (".", ";", "!", "?")):
        content = content_span(parse, after_semicolon(parse, first - 2), first - 3)
    else:
        return None
    source = span(parse, agent.first, agent.last)
    return Frame(span(parse, first - 1, first), source, vague_source(parse, agent), content, "verb",
                 group.lemma in lexicon().thoughts)


def _quoted_trailing(parse: Parse, group: Group, subject: Chunk | None) -> Frame | None:
    """``..., Voss was quoted as saying (by the Courier).``: a trailing cue whose source is
    the one quoted; the words before the comma are Voss's."""
    tokens = parse.tokens
    k = group.last + 1
    if (group.lemma != "quote" or subject is None or subject.first < 2
            or tokens[subject.first - 1].text != "," or k + 1 >= len(tokens) or tokens[k].lower != "as"
            or tokens[k + 1].lower != "saying"):
        return None
    rest = past_phrases(parse, k + 2)  # "by the Courier", "in Monday's Courier"
    if rest < len(tokens) and tokens[rest].text not in (".", ";"):
        return None
    first = after_semicolon(parse, subject.first - 1)
    return Frame(span(parse, group.first, k + 1), span(parse, subject.first, subject.last),
                 vague_source(parse, subject), content_span(parse, first, subject.first - 2), "verb")


def _verb_frame(parse: Parse, group: Group,
                main: tuple[tuple[int, int] | None, bool] | None) -> Frame | None:
    tokens = parse.tokens
    cue = span(parse, group.first, group.last)
    lo, hi = _aside(parse, group.first, *clause(parse, group.last))
    if group.lemma in lexicon().seeing and (group.passive or (tokens[group.last].tag == "VBN"
                                                          and not group.perfect)):
        # "is widely seen as", "who's viewed as": the weasel's own phrase, not a frame (but
        # "which the US has listed as ..." is the US's view)
        return None
    if group.passive:
        agent = passive_agent(parse, group)
        subject = subject_of(parse, group)
        # "The court was told ...", "the jury was told": the hearing is the source, as in
        # "The court heard ...", before its words or after them ("..., the court was told.")
        heard = subject is not None and group.lemma == "tell" and tokens[subject.last].lower in _HEARINGS
        quoted = _quoted_trailing(parse, group, subject) or trailing_it(parse, group, subject, agent, heard)
        if quoted is not None:
            return quoted
        hearing = heard and agent is None
        source = span(parse, agent.first, agent.last) if agent is not None else None
        direct = agent is not None and tokens[group.last + 1].lower == "by"  # (not "blamed on X by Y")
        content_first = agent.last + 1 if agent is not None and direct else group.last + 1
        raised = (subject is not None and tokens[subject.last].lower != "it"
                  and content_first < len(tokens) and tokens[content_first].tag == "TO")
        if raised and subject is not None and agent is not None:
            # "The gunmen are said by police to have fled" (not "The story was told in"): the
            # police may have named them so. With no one saying it ("The legendary singer is
            # expected to ...") the subject is the writer's description; what is thought
            # starts at "to".
            content_first = subject.first
        # The owner of what was stated says it ("The ministry's position was stated plainly"),
        # but not of what someone is said to do ("His aides are said to be furious": who says?)
        named_owner = subject is not None and not raised and any(
            t.tag in ("POS", "PRP$") for t in tokens[subject.first:subject.last + 1])
        if hearing and subject is not None:
            source = span(parse, subject.first, subject.last)
        # (with no agent, no owner and no hearing: "it is understood", "has been described as")
        vague = agent is None and not named_owner and not hearing
        return Frame(cue, source, vague, content_span(parse, content_first, hi), "passive",
                     group.lemma in lexicon().thoughts)
    lex = lexicon()
    if group.lemma in lex.seeing and not as_after(parse, group, hi):
        return None  # "Residents saw the smoke", "casting a vote": no view
    subject = subject_of(parse, group)
    if subject is None and group.lemma in QUESTIONED and group.first == group.last and (
            tokens[group.first].tag in ("VBN", "VBD")):
        return put_to(parse, group)
    if subject is None and tokens[group.first].tag in ("VBG", "TO"):
        return nonfinite_frame(parse, group, main, hi)
    after_quote = group.first > 0 and tokens[group.first - 1].text in BEFORE_INVERTED
    inverted = False
    if subject is None or (after_quote and inverted_after_aside(parse, group, subject)):
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
    if subject is not None and subject.first == subject.last and (
            tokens[subject.first].lower in _NO_SOURCE
            or (tokens[subject.first].lower == "it" and group.lemma == "feel")):
        return None  # "I hope that ...", "whichever poll you believe": the writer's; "it feels like"
    if group.lemma in lex.showing and not speaks_for(parse, group, subject):
        return None  # "The attack shows the men are ...": the writer's inference
    vague = vague_source(parse, subject) if subject is not None else True
    source = span(parse, subject.first, subject.last) if subject is not None else None
    content = _verb_content(parse, group, subject, inverted, lo, hi)
    thought = group.lemma in lex.thoughts
    if group.lemma in lex.seeing:
        return Frame(cue, source, vague, _demand(parse, content, view=True), "verb", thought)
    elif (thought or group.lemma == "agree") and not clause_after(parse, group) and not (
            subject is not None and not inverted and group.lemma != "understand"
            and _set_inside(parse, subject, group)):
        return None  # "The move worries investors", "agreed to a moratorium": no content
    if group.lemma in lex.acts:
        return Frame(cue, source, vague, _demand(parse, content), "act", thought)
    if group.lemma in lex.showing and subject is not None and tokens[subject.last].lemma in PICTURES:
        return Frame(cue, source, vague, content, "pictures")  # "Satellite images show troops burned ..."
    if group.lemma in lex.needthat and not that_clause_follows(parse, group):
        return Frame(cue, source, vague, content, "evidence", thought)  # "figures showed X grew"
    if group.lemma in lex.objects:
        content = object_words(parse, group, content)
    return Frame(cue, source, vague, content, "verb", thought)


def _aside(parse: Parse, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause bounds ``lo``, ``hi`` narrowed to the brackets around token ``i``
    (``(..., declaring himself the winner) makes this ...``), or ended at the comma that
    closes a relative clause (``Ambo, which disclosed a loss, denied ...``, ``the Front,
    which the US lists as a terrorist group, denied ...``)."""
    tokens = parse.tokens
    depth = 0
    for k in range(i - 1, -1, -1):
        text = tokens[k].text
        if text == ")":
            depth += 1
        elif text == "(" and depth:
            depth -= 1
        elif text == "(":
            close = next((m for m in range(i + 1, hi + 1) if tokens[m].text == ")"), hi + 1)
            return max(lo, k + 1), close - 1
    for k in range(i - 1, lo, -1):
        if tokens[k].text == ",":
            break
        if tokens[k].tag in ("WDT", "WP") and tokens[k - 1].text == ",":
            if finite_in(parse, k, i - 1):
                break  # the pronoun's own verb is another: "who worshiped there and who ... said"
            # the comma before the sentence's own verb, once the relative clause has a verb;
            # when the pronoun is the verb's object, the verb is the clause's own ("the
            # Front, which the US designates a terrorist group, denied ...")
            own = k + 1 < i and parse.chunk_at(k + 1) is not None
            for m in range(i + 1, hi + 1):
                if tokens[m].text == "," and _verb_at(parse, m + 1) and (own or finite_in(parse, i, m - 1)):
                    return lo, m - 1
            break
    return lo, hi


def _verb_at(parse: Parse, k: int) -> bool:
    """A finite verb starts at token ``k``, perhaps after adverbs."""
    while k < len(parse.tokens) and parse.tokens[k].tag == "RB":
        k += 1
    return verb_starts(parse, k)


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


def _set_inside(parse: Parse, subject: Chunk, group: Group) -> bool:
    """The subject follows a comma and a comma or the full stop follows the verb: a cue set
    inside the sentence or trailing it, whose words are the sentence around it (``The men
    had fled, the minister feared.``, ``The men, Voss feared, had fled``), a verb of one
    word (not a clause that describes: ``..., a move police had expected.``). (Not the
    newsroom's "..., the Courier understands.", its own reporting, which the caller
    leaves out.)"""
    tokens = parse.tokens
    return (subject.first > 0 and tokens[subject.first - 1].text in TRAIL_MARKS and group.first == group.last
            and group.last + 1 < len(tokens) and tokens[group.last + 1].text in (",", "."))


def _quantifier_before(parse: Parse, group: Group) -> bool:
    """``Some say ...``, ``Many fear ...``: a quantifier standing for people."""
    i = group.first - 1
    return i >= 0 and parse.tokens[i].lower in QUANTIFIERS


def _verb_content(parse: Parse, group: Group, subject: Chunk | None, inverted: bool,
                  lo: int, hi: int) -> tuple[int, int]:
    tokens = parse.tokens
    before = (subject.first if subject is not None and not inverted else group.first) - 1
    after = (subject.last if inverted and subject is not None else group.last) + 1
    if before >= lo and tokens[before].text in TRAIL_MARKS:
        told = past_addressee(parse, group, after)  # past whom "told" tells
        start = after_semicolon(parse, before)
        if inverted or (trailing(parse, told, hi) and not fronted(parse, start, before, hi)):
            # a trailing cue reports the sentence before it, all its clauses, from the last
            # semicolon: "The road is cut, and the port is shut, the army said on Monday."
            if (hi + 2 < len(tokens) and tokens[hi + 1].text == ",") or (
                    comma_then_more(parse, after)
                    and (not inverted or not finite_in(parse, start, before - 1))):
                # "The port will reopen, the mayor said, although the road is closed.": a cue
                # set inside the sentence gives the speaker the sentence, up to a semicolon
                return content_span(parse, start, to_semicolon(parse, hi + 1))
            return content_span(parse, start, before - 1)
        if answers_question(parse, told, hi):  # "..., Voss said when asked about ...": both sides
            return content_span(parse, after_semicolon(parse, before), hi)
        nxt = adverbials_end(parse, told, hi + 1)
        if nxt <= hi and tokens[nxt].text == "," and adverbial_start(parse, told) and (
                told == after or not finite_in(parse, lo, before - 1)):
            # "The attack, police said, was planned, and ...", "The men, Voss told parliament,
            # had fled": the sentence, up to a semicolon
            return content_span(parse, lo, to_semicolon(parse, hi + 1))
    named = as_called(parse, group)
    if named is not None:  # "The terrorists, as the government calls them, ...": the name only
        return content_span(parse, named.first, named.last)
    if (what := what_called(parse, group)) is not None:  # "in what Voss called an act of terror,"
        return content_span(parse, *what)
    if before >= 0 and tokens[before].lower == "as" and (before == lo or tokens[before - 1].text == ","):
        after += group.lemma == "put" and after < len(tokens) and tokens[after].lower == "it"  # "put it,"
        nxt = adverbials_end(parse, after, len(tokens))
        if nxt < len(tokens) and tokens[nxt].text == ",":  # "As Ms Varga pointed out, ..."
            # set inside a clause after its subject ("The men, as Voss said, had ..."): the clause;
            # after a clause of its own ("Voss met the mayor, as the Courier reported, and
            # ..."): that clause
            if before > lo and finite_in(parse, lo - 1, before - 2):
                return content_span(parse, after_semicolon(parse, before - 1), before - 2)
            return content_span(parse, lo if before > lo else nxt + 1, clause(parse, nxt + 1)[1])
        if before > 1 and (nxt >= len(tokens) or tokens[nxt].text in (".", ";")) and (
                group.lemma == "put" or nxt == after or adverbial_start(parse, after)):
            # "..., as the mayor put it.", "..., as the coastguard confirmed on Tuesday.": the
            # words before it are the source's, as they are with the cue set inside ("The men,
            # as Voss said, had ..."; not "..., as Voss called the harbour police.")
            return content_span(parse, after_semicolon(parse, before - 1), before - 2)
    start = past_person(parse, group, past_adverbials(parse, after, hi), hi)
    end = relative_end(parse, group, start, hi)  # "Dockers who say [the men fled] are angry"
    return content_span(parse, start, continued(parse, hi) if end == hi else end)
