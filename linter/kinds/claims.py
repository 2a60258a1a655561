"""``claims``: claims in the writer's voice that need a source and have none.

One kind, four detectors chosen by ``claim``:

``weasel``
    a ``triggers`` match (``experts say``, ``it is believed``) with no named
    source in the ``window``: a reporting verb, phrase or noun with a name or
    a source noun close to it, both outside the phrase and outside other
    trigger phrases; in the next sentence, for a phrase holding a word from
    ``people`` (``analysts``, ``critics``), a source that is a person
    (:mod:`.claim_people`), not a firm or a body; for one holding a word from
    ``evidence`` (``research``, ``polls``), a named study's finding counts too
    (``A Harbour Institute survey found ...``);
``figure``
    a ``triggers`` match (``12 people were killed``) with no attribution cue
    of any kind in the window (reporting cues, source nouns, the rule's own
    ``cues`` such as ``census``);
``accusation``
    a violent or criminal verb from ``verbs`` whose doer is vague (a word
    from ``actors`` before it in the same paragraph, perhaps with up to four
    lower-case words (not a verb of saying: ``Security forces said they had killed``
    reports), numbers, days, months or places between: ``gunmen linked to
    the group killed``, ``gunmen in Orsk on Tuesday stormed``, ``a mob of about 200
    people attacked``, and an aside of lower-case words after the actor: ``The attackers,
    who wore masks, opened fire``; any other capitalised
    word names the doer), or a verb from ``passives`` whose doer
    is missing (``was looted``, with no ``by``), in a sentence with no
    ``benign`` cause (``killed in a crash``; for a passive of ``accidental``
    when that key is given: not ``stabbed`` after a crash) and no attribution
    cue in the window;
``quote``
    a full direct quotation (it opens its sentence, has at least ``minwords``
    words and ends in punctuation or runs on to the paragraph end; partial
    quotations woven into a sentence belong to that sentence's subject), not
    the title of a work (after a word from ``titles``), with no reporting
    cue outside quotations and no ``Speaker:`` introduction in the window (for a
    quotation that runs on over paragraphs, through its last: :mod:`.claim_quotes`),
    and not right after a sentence that ends a quotation or points to a
    person (a pronoun, a source noun or a name: ``Mr Howard was dismissive.``).

A figure or an accusation in a sentence that a ``history`` pattern dates to the past
(``shot dead in 1996``, ``during the 1994 genocide``), with no recent time in it (``on
Monday``, ``overnight``) and not told as still true (``have been killed``, ``are still
missing``), is background the story recalls and is not reported; so is one with no time of
its own right after a sentence that dates its event (``over the Orsk ferry fire in 2009.``)
or that gives its day in full in the same paragraph (:mod:`.claim_dates`).

Windows: ``sentence``; ``next-sentence`` (the sentence and the one after
it); ``paragraph`` (at most two sentences either side of the claim's: wire
copy run into one line is no paragraph); ``adjacent`` (the whole paragraph
and the sentences on either side, but not a next paragraph that opens with a
quotation of its own: its speaker is that quotation's). A trigger may mark
the part to report with a group named ``claim``; otherwise the whole match is
reported; no match runs from one paragraph (or heading) into the next (a headline's
last count into the story's first sentence). The word lists live in the rule
files; the reporting cues and source nouns in ``rules/_data/cues.yml``.
"""

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from linter.analysis import Analysis
from linter.analysis.cues import reporting_scanner
from linter.kinds import specs
from linter.kinds.base import (
    Exceptions,
    Kind,
    OptionError,
    term_and_exception_scanners,
    term_scanner,
)
from linter.kinds.claim_context import ClaimContext, names_someone
from linter.kinds.claim_dates import history, in_sentence
from linter.kinds.claim_frames import (
    accused,
    after_with,
    answers,
    contrasts,
    joined,
    opens_its_sentence,
    relative,
    speaks_for,
    within,
)
from linter.kinds.claim_leads import restated_after_lead
from linter.kinds.claim_patterns import accusation, agents, regex, terms
from linter.kinds.claim_people import a_person, one_of_them
from linter.kinds.claim_quotes import quote_claims
from linter.kinds.claim_triggers import anchor_scanner, trigger_matches, trigger_spans
from linter.kinds.visibility import visible
from linter.lib.cache import compile_pattern
from linter.lib.literals import required
from linter.lib.scan import Scanner
from linter.model.document import Document
from linter.model.rule import Hit, Rule

if TYPE_CHECKING:
    from linter.analysis.frames import Frame

CLAIMS = ("weasel", "figure", "accusation", "quote")
WINDOWS = ("sentence", "next-sentence", "paragraph", "adjacent")
_SOURCE_KINDS = frozenset({"source", "name"})
_AGENT = compile_pattern(r"\s+(?:\w+\s+)?by\b", re.IGNORECASE)
_CLOSING = frozenset('"”’\'»›')
# A signature under a quotation: a dash and a capital opening a short paragraph of one
# line, on the next line or in the next paragraph ("-Ida Kell, Orsk.", "- Voss.", "—
# Piet Vann, docker"; not a list's "- Wages" with "- Hours" on the line after it).
_SIGNED = compile_pattern(r"[ \t]*(?:\n[ \t]*){1,2}[-–—―][ \t]*[A-Z][^\n]{0,80}(?:\n[ \t]*\n|\n?[ \t]*\Z)")
_PERSON = compile_pattern(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Hh]er|[Tt]heir)\b")
# A vague phrase that hides no people: an expletive ("It is believed", "there was
# speculation") or a passive of belief, report or voiced concern with no doer ("is
# thought to be", "was widely expected", "is widely seen as", "Fears have been raised").
_EXPLETIVE = compile_pattern(r"(?:it|there)\b", re.IGNORECASE)
_BELIEF_PASSIVE = compile_pattern(
    r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+)?(?:said|thought|believed|understood|expected|"
    r"estimated|reported|rumou?red|considered|regarded|seen|viewed|feared|known|reckoned|assumed|suspected|"
    r"predicted|tipped|expressed|raised|voiced)\b",
    re.IGNORECASE)


class Options(NamedTuple):
    claim: str
    window: str
    triggers: re.Pattern[str] | None
    scanner: Scanner | None
    anchors: Scanner | None  # where a word every trigger match holds occurs (claim_triggers)
    cues: re.Pattern[str] | None
    benign: re.Pattern[str] | None
    accidental: re.Pattern[str] | None  # the passives a benign cause accounts for (None: all)
    history: re.Pattern[str] | None
    # An agent that still accuses, a vague doer or a weapon ("shot dead by gunmen", "by a
    # roadside bomb"), unlike one that names the doer ("killed by government troops").
    accusing: re.Pattern[str] | None
    titles: re.Pattern[str] | None
    people: re.Pattern[str] | None
    evidence: re.Pattern[str] | None
    minwords: int
    exceptions: Exceptions


def build(keys: Mapping[str, Any]) -> Options:
    claim = keys["claim"]
    flags = re.MULTILINE | (re.IGNORECASE if keys["ignorecase"] else 0)
    if claim == "accusation":
        triggers: re.Pattern[str] | None = accusation(keys, flags)
    else:
        triggers = regex("triggers", keys["triggers"], flags)
        if triggers is None and claim != "quote":
            raise OptionError("triggers", f"a {claim} rule needs triggers")
    if keys["minwords"] < 1:
        raise OptionError("minwords", "minwords must be at least 1")
    return Options(
        claim=claim,
        window=keys["window"],
        triggers=triggers,
        scanner=term_scanner(triggers) if triggers is not None else None,
        anchors=anchor_scanner(triggers),
        cues=terms("cues", keys["cues"]),
        benign=regex("benign", keys["benign"], re.IGNORECASE),
        accidental=regex("accidental", keys["accidental"], re.IGNORECASE),
        history=regex("history", keys["history"], re.IGNORECASE),
        accusing=agents(keys) if claim == "accusation" else None,
        titles=terms("titles", keys["titles"]),
        people=terms("people", keys["people"]),
        evidence=terms("evidence", keys["evidence"]),
        minwords=keys["minwords"],
        exceptions=Exceptions.build(keys["exceptions"], ignorecase=keys["ignorecase"]),
    )


# ---------------------------------------------------------------------------
# Windows and attribution


def _named_source(ctx: ClaimContext, opts: Options, start: int, end: int) -> bool:
    """An attribution frame in the window whose source names someone (``Officials at the
    ministry said``, ``according to the Halvern Institute``). Vague sources ("critics",
    "it is believed") do not count, nor does a frame inside another trigger phrase, unless
    a source that names someone is joined to it (:func:`joined`). A phrase that hides no
    people (:func:`_impersonal`) is told by a named source in the next sentence only when
    that source opens it, as a lead's attribution does ("It is believed the talks will
    resume. The mediator, Jonas Berg, told reporters ..."): one after "But", an opening
    phrase or a quotation tells something else (:func:`opens_its_sentence`). Nor does a
    next sentence that opens with "But" clear any phrase: that is the other side
    answering ("Critics say ... . But the ministry said ...", :func:`contrasts`)."""
    lo, hi = ctx.window(opts.window, start)
    impersonal = _impersonal(ctx.text, start, end)
    people = not impersonal and opts.people is not None and bool(opts.people.search(ctx.text, start, end))
    # uncited evidence ("Polls show ...") is cited by a named study's finding as well as by
    # a named source's words ("... . A Harbour Institute survey of 900 voters found ...")
    evidence = opts.evidence is not None and bool(opts.evidence.search(ctx.text, start, end))
    triggers = opts.triggers
    vague_starts, vague_ends = ctx.shared(("vague", id(triggers), lo, hi),
                                          lambda: trigger_spans(ctx.an, triggers, opts.scanner, lo, hi))

    def outside_vague(f: "Frame") -> bool:
        i = bisect_right(vague_starts, f.cue[0]) - 1
        return i < 0 or f.cue[0] >= vague_ends[i]

    # In the next sentence, only a source with a name is plainly one of those the phrase
    # hid ("Critics say ... Ada Frey, who ..."); "Critics say ... Officials insist ..." is
    # the other side answering, and so is a named source that denies ("Critics accuse the
    # ministry ... The ministry denied it"). In the phrase's own sentence, a frame is its
    # source only when it tells the phrase ("Voss said many experts ...", "Many experts say
    # ..., Voss said") or says who ("..., with the union accusing it of ..."): one whose
    # words end before it is another voice ("The ministry said ..., but analysts said"),
    # one inside it someone it talks about ("Many residents blame the Front, a group ...").
    def charged() -> frozenset[str]:  # whom the phrase's sentence accuses
        own = ctx.an.sentences.sentences[bisect_right(ctx.starts, lo) - 1]
        return accused(ctx.text, lo, own.end)

    if people and ctx.shared(("one of them", lo, hi), lambda: one_of_them(ctx.text, lo, hi)):
        return True  # "Critics say ... . Ada Frey is one of them."
    return ctx.framed(lo, hi, start, end, ("named", id(triggers), impersonal, people, evidence),
                      lambda f: (f.speech or (evidence and f.kind == "evidence" and not f.vague))
                      and outside_vague(f) and names_someone(ctx.an, f)
                      and not answers(ctx, f) and (not people or a_person(ctx.an, f))
                      and not speaks_for(ctx.text, f, ctx.shared(("accused", lo), charged))
                      and not contrasts(ctx, f) and (not impersonal or opens_its_sentence(ctx, f)),
                      lambda f: f.speech and outside_vague(f) and not within(f, start) and (
                          f.attributes(start, end) or after_with(ctx.text, f)),
                      speech=True) or joined(ctx, start, end)  # last: it may tag the sentence


def _impersonal(text: str, start: int, end: int) -> bool:
    """The vague phrase ``text[start:end]`` hides no people: an expletive or a passive of
    belief, report or voiced concern (not of blame: "has been criticised" may be answered
    by the critic named next)."""
    return (_EXPLETIVE.match(text, start, end) is not None
            or _BELIEF_PASSIVE.search(text, start, end) is not None)


def _any_cue(ctx: ClaimContext, opts: Options, start: int, end: int) -> bool:
    """A named source saying something in the window (``the health ministry said``,
    ``according to police``; not ``experts say``, and not ``investors worried`` unless the
    claim is what they worry about), or one of the rule's own cues (a census, hospital
    officials, a trial). In the claim's own sentence, a source in a relative clause speaks
    of what the clause is about, not of the claim (``40 died in the fire, which police
    said was arson``) unless its words hold the claim. A lead's figure may have its source
    at the top of the next paragraph (:func:`.claim_leads.restated_after_lead`)."""
    lo, hi = ctx.window(opts.window, start)
    if ctx.extra(opts.cues, lo, hi, start, end):  # first: it needs no sentence tagged
        return True
    # content lies in its frame's sentence: a frame elsewhere attributes only by speech, and
    # a denial only by what it holds ("The army denied that 12 died"): "Twelve died, though
    # the army denies it" leaves the count with no one
    return ctx.framed(lo, hi, start, end, ("any",), lambda f: f.speech and not answers(ctx, f),
                      lambda f: (f.speech and not relative(ctx.text, f) and not answers(ctx, f))
                      or f.attributes(start, end)) or restated_after_lead(ctx, start, end)


def _speaker(ctx: ClaimContext, opts: Options, start: int, end: int) -> bool:
    """A reporting cue in the window (through the quotation's last paragraph when it runs
    on), a signature under it, or a sentence just before that introduces someone."""
    lo, hi = ctx.window(opts.window, start)[0], ctx.window(opts.window, max(start, end - 1))[1]
    if ctx.reporting_outside(lo, hi, start, end):
        return True
    if ctx.extra(opts.cues, lo, hi, start, end) or _SIGNED.match(ctx.text, end):
        return True
    before = ctx.previous_sentence(start)
    if before is None:
        return False
    return ctx.text[before[1] - 1] in _CLOSING or ctx.shared(
        ("introduces", *before), lambda: _introduces(ctx, *before))


def _introduces(ctx: ClaimContext, lo: int, hi: int) -> bool:
    """True when a sentence names or points to a person (``Mr Howard was dismissive.``,
    ``Voss was defiant.``, ``The mayor was defiant.``)."""
    if any(c.kind in _SOURCE_KINDS for c in ctx.cues(lo, hi)):
        return True
    return (_PERSON.search(ctx.text, lo, hi) is not None or ctx.capitalised(lo, hi, hi, hi)
            or ctx.opens_with_name(lo) or ctx.opens_with_mood(lo))


# ---------------------------------------------------------------------------
# Candidates


class _Candidate(NamedTuple):
    """The span to report, inside the whole claim (whose own cues do not attribute it)."""

    start: int
    end: int
    whole: tuple[int, int]


def _triggered(ctx: ClaimContext, opts: Options, found: list[re.Match[str]]) -> Iterator[_Candidate]:
    assert opts.triggers is not None  # only claims with triggers have trigger matches
    groups = [g for g in ("claim", "passive") if g in opts.triggers.groupindex]
    for m in found:
        group = next((g for g in groups if m.group(g)), None)
        start, end = m.span(group) if group else m.span()
        if end > start and not (_benign(ctx, opts, m, group == "passive") or history(ctx, opts.history, m)):
            yield _Candidate(start, end, m.span())


def _benign(ctx: ClaimContext, opts: Options, m: re.Match[str], passive: bool) -> bool:
    """True when a passive names its doer (``killed by government troops``; not ``shot
    dead by gunmen`` or ``killed by a roadside bomb``) or its sentence names a harmless
    cause (``killed in a crash``) and the passive is one such a cause brings about. An
    actor doing something (``Rioters stormed the town hall``), or a passive no accident
    does (``stabbed after a crash``), is an accusation whatever else the sentence holds."""
    if not passive:
        return False
    if _AGENT.match(ctx.text, m.end()):
        return opts.accusing is None or not opts.accusing.match(ctx.text, m.end())
    if opts.accidental is not None and not opts.accidental.fullmatch(m.group("passive")):
        return False
    return opts.benign is not None and bool(in_sentence(ctx, opts.benign, m.start()))


def _quotations(ctx: ClaimContext, opts: Options) -> Iterator[_Candidate]:
    for start, end, whole in quote_claims(ctx, opts.minwords, opts.titles):
        yield _Candidate(start, end, whole)


_SOURCED: dict[str, Callable[[ClaimContext, Options, int, int], bool]] = {
    "weasel": _named_source,
    "figure": _any_cue,
    "accusation": _any_cue,
    "quote": _speaker,
}


def _trigger_matches(doc: Document, an: Analysis, opts: Options) -> list[re.Match[str]] | None:
    """Every trigger match, found once (None for quotation claims, which have no triggers)."""
    if opts.claim == "quote":
        return None
    if opts.triggers is None:
        return []
    return trigger_matches(opts.triggers, opts.scanner, opts.anchors, doc, an)


def _anchors(opts: Options) -> frozenset[str] | None:
    """Words one of which every trigger match holds: a story with none has no claim (a
    quotation claim has no triggers, and always runs)."""
    if opts.claim == "quote" or opts.triggers is None:
        return None
    return required(opts.triggers.pattern, opts.triggers.flags)


def _scanners(opts: Options) -> tuple[Scanner | None, ...]:
    """The triggers' and exceptions' scanners, their anchors' (``claim_triggers``), and the
    reporting cues' (``ClaimContext`` reads the cues of the sentences around a claim)."""
    return (*term_and_exception_scanners(opts), opts.anchors, reporting_scanner())


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    found = _trigger_matches(doc, an, opts)
    if found == []:
        return  # no trigger anywhere: nothing to report, and no need to analyse the document
    ctx = ClaimContext.of(doc, an)
    excused = opts.exceptions.excuser(doc.text, an)
    sourced = _SOURCED[opts.claim]
    candidates = _quotations(ctx, opts) if found is None else _triggered(ctx, opts, found)
    for c in candidates:
        if not visible(doc, an, rule, c.start, c.end):
            continue
        if excused(c.start, c.end) or sourced(ctx, opts, *c.whole):
            continue
        yield Hit(c.start, c.end, (" ".join(doc.text[c.start : c.end].split()),))


KIND = Kind(
    name="claims",
    keys={
        "claim": specs.one_of(*CLAIMS),
        "window": specs.one_of(*WINDOWS),
        "triggers": specs.string_list,
        "cues": specs.string_list,
        "verbs": specs.string_list,
        "actors": specs.string_list,
        "passives": specs.string_list,
        "benign": specs.string_list,
        "accidental": specs.string_list,
        "history": specs.string_list,
        "agents": specs.string_list,
        "titles": specs.string_list,
        "people": specs.string_list,
        "evidence": specs.string_list,
        "minwords": specs.integer,
        "ignorecase": specs.boolean,
        "exceptions": specs.string_list,
    },
    defaults={"window": "sentence", "minwords": 4, "ignorecase": False} | dict.fromkeys((
        "triggers", "cues", "verbs", "actors", "passives", "benign", "accidental", "history", "agents",
        "titles", "people", "evidence", "exceptions"), ()),
    required=("claim",),
    build=build,
    find=find,
    anchors=_anchors,
    scanners=_scanners,
)
