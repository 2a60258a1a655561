"""Specific or generic: does a word refer to particular people, groups or events?

The label rules ask this (``refers: specific``) of a word in a parsed sentence (:class:`.syntax.Parse`):
``Terrorists torched the depot``, ``troops surrounded the terrorists``, ``nine terrorists``, ``Chechen
terrorists``, ``the terrorist Orsk Liberation Front``, ``the man was a terrorist``, ``a group of
terrorists attacked``, ``shelled boats carrying terrorists`` are specific; ``laws against terrorists``,
``fears of terrorist attacks``, ``terrorists rarely act alone`` are generic.
"""

from __future__ import annotations

from linter.analysis.asides import opening, past_adverbs
from linter.analysis.chunks import DEFINITE, NAMING, TIMES, Chunk, Group, partitive
from linter.analysis.cues import BE_FORMS
from linter.analysis.frame_base import denies, lexicon, subject_of
from linter.analysis.fronted import fronted_apposition
from linter.analysis.label_reach import accused_of_being
from linter.analysis.labelled import (
    apposed,
    before_of,
    before_preposition,
    denied,
    host,
    in_name,
    labelled_is_specific,
    modifies_name,
    of_a_predicate,
    referred_as,
    subject_is_specific,
    topic,
    verbless_subject,
)
from linter.analysis.naming_frames import fronted_naming
from linter.analysis.present_state import (
    anchored,
    at_large,
    blamed,
    habitual_share,
    placed,
    supposed,
    timeless,
)
from linter.analysis.subjectless import decided, purpose, ranked_doer
from linter.analysis.syntax import COPULAS, Parse
from linter.analysis.tagging import adjective
from linter.analysis.unasserted import asked, names_no_one, unsaid

# The words that open a headline over an explainer, whose present tells of no event.
_EXPLAINERS = frozenset({"how", "why", "what", "where", "when", "who"})
# Verbs whose object, when a relative pronoun, is named by the noun phrase after them.
_NAMES_OBJECT = NAMING | {"consider", "regard", "classify"}
# Words that date an event by themselves: "a bombing overnight".
_DAYS = frozenset({"yesterday", "overnight", "today", "tonight"})
# Before a participle, words that say its naming was not done: "without calling".
_NOT_DONE = frozenset({"about", "without", "against", "whether", "considering", "avoid", "avoided"})
# ... and pairs of words that say so: "stopped short of calling", "refrained from
# describing", "shied away from labelling", "held back from naming".
_NOT_DONE_PAIRS = frozenset({("short", "of"), ("refrain", "from"), ("away", "from"), ("back", "from")})
# An infinitive after these is an aim or a chance, not an act: "wants to stop terrorists".
_AIMS = frozenset({"want", "likely"})
# Verbs of a count going up or down: with a bare plural subject ("Terrorist attacks have
# fallen since 2015") they tell of a trend, not of particular attacks.
_TRENDS = frozenset({"fall", "rise", "increase", "decrease", "decline", "double", "triple", "halve", "drop",
                     "soar", "surge", "plummet", "plunge", "climb"})
# Verbs that say what their subject is, as a copula does: what follows them is a predicate
# ("The killings amounted to genocide", "Both men belong to a terrorist cell").
_CLASSIFYING = frozenset({"amount", "constitute", "belong"})
# The rest of a compound that puts a thing in the hands of those the word names: "the
# terrorist-held town" labels whoever holds it.
_HELD = frozenset({"-held", "-controlled", "-occupied", "-run", "-led", "-backed", "-linked", "-allied"})
# Verbs of acting a part: their object with "a" is a role ("played a terrorist in the film").
_ACTED = frozenset({"play", "portray"})
# Verbs that set people beside a kind, acts, not speech: "compared the strikers to terrorists".
_COMPARING = frozenset({"compare", "equate"})
# Nouns whose "of" names the doer of an act: "the work of terrorists", "the hallmarks of".
_DOER_HEADS = frozenset({"work", "handiwork", "hallmark", "hallmarks", "doing"})
# Acts whose "by" names who did them: "the attack by terrorists", "a raid by insurgents".
_ACTS = frozenset({"attack", "assault", "ambush", "raid", "bombing", "shelling", "shooting", "killing",
                   "massacre", "murder", "abduction", "kidnapping", "hijacking", "beheading", "atrocity",
                   "incursion", "offensive", "rampage", "siege"})

def specific(parse: Parse, start: int, end: int, heads: frozenset[str] | None = None,
             denials: bool = False) -> bool:
    """True when the word at ``[start, end)`` refers to specific people, groups or events
    (see the module docstring); False for a generic use. A word that modifies another
    noun (``terrorist cells``) counts only when that noun's lemma is in ``heads``
    (people, groups or events) or the phrase ends in a name (``the terrorist Orsk
    Front``), never when ``heads`` is None; so does an adjective said after a copula of
    a particular one of ``heads`` (``The attack was barbaric``). With ``denials``, a
    predicate denied of them counts as one affirmed (``The killings were not genocide``)."""
    i = parse.token_at(start)
    if i < 0:
        return False
    group = parse.group_at(i)
    if group is not None:  # a verb: "were martyred", "martyred", and a copula: "Voss is racist"
        return (parse.episodic(group) or (group.passive and group.tense == "past")
                or _named_state(parse, group))
    chunk, word = parse.chunk_at(i), parse.tokens[i]
    if chunk is not None and chunk.last > i and word.text[end - word.start:].lower() in _HELD:
        return specific(parse, parse.tokens[chunk.last].start, parse.tokens[chunk.last].end)  # (its holders)
    if chunk is None and heads is not None and parse.tokens[i].tag == "JJ":
        return _said_of(parse, i, heads)  # "The attack was barbaric"
    if chunk is None or in_name(parse.tokens, i) or parse.tokens[chunk.first].lower == "no":
        return False  # (none at all: "No terrorist group has claimed the attack")
    if _asked_predicate(parse, chunk, i):
        return False  # "Are the men terrorists?"
    fronted = fronted_naming(parse) if chunk.first == 0 else None
    if fronted is not None and fronted[0] == chunk:
        return not denies(parse, fronted[2])  # "Terrorists, the mayor calls them."
    if names_no_one(parse, chunk, i):
        return False  # "did not say terrorists were involved", "no evidence that terrorists ...",
        # "investigating whether terrorists were involved", "If terrorists were involved, ..."
    last = parse.token_at(end - 1)
    if heads is not None and last + 2 <= chunk.last and parse.tokens[last + 2].tag == "POS" and (
            parse.tokens[last + 1].lemma in heads and parse.tokens[chunk.last].lemma not in heads):
        last += 1  # the owner's head after the word: "the extremist party's rise"
    if last < chunk.last and parse.tokens[last + 1].tag == "POS":
        # a possessor ("the martyrs' coffins"): a noun phrase of its own, the words before it
        owner = parse.tokens[chunk.first:last + 1]
        if partitive(parse.tokens, chunk) or any(t.lower in DEFINITE or t.tag in ("CD", "PRP$")
                                                for t in owner):
            return True
    elif last < chunk.last and (heads is None or parse.tokens[chunk.last].lemma not in heads):
        return heads is not None and modifies_name(parse.tokens, range(i, last + 1), chunk.last, heads)
    elif chunk.counted or partitive(parse.tokens, chunk):
        return not habitual_share(parse, chunk)
    elif chunk.proper and not chunk.definite:
        # "Chechen terrorists seized ...", but not a kind of people named in passing
        # ("the search for Islamic extremists")
        role, governing = parse.governor(chunk)
        if role == "predicate" and governing is not None:  # "... is an Islamic fundamentalist"
            return not _given_by_no_one(parse, i, governing, chunk, denials) and (
                parse.episodic(governing) or subject_is_specific(parse, governing))
        return not (role == "preposition" and governing is None)
    elif chunk.definite:
        # "the terrorists fled", but not a class talked about in the present ("if these
        # terrorists acquire weapons", "the terrorists who threaten Britain are aware")
        return not timeless(parse, chunk)
    if apposed(parse, chunk) or fronted_apposition(parse, chunk):
        return True  # "The Sarn Front, a terrorist group, denies ...": what the writer calls it
    relative = parse.relative(chunk)
    if relative is not None and parse.episodic(relative):
        return True
    lead = parse.lead(chunk)  # where "terrorists" stands in "smugglers and terrorists"
    if _alternative(parse, chunk):
        return False  # "Immigrants, whether refugees or terrorists, ...": a kind, no one labelled
    if _doer_of(parse, lead):
        return not unsaid(parse, i)
    role, governing = parse.governor(chunk)
    if role == "preposition" and governing is None:
        governing = referred_as(parse, lead)  # "has referred to the men as terrorists"
    if governing is not None and governing.lemma in _CLASSIFYING and (
            role == "object" or (role == "preposition" and parse.tokens[lead.first - 1].lower == "to")):
        role = "predicate"  # "amounted to genocide", "constitutes a war crime": what the subject is
    said = governing is not None and not governing.finite and governing.lemma in lexicon().verbs
    own = parse.group_after(chunk) if role == "object" and said else None
    if own is not None:  # "went on TV3 to say terrorists had bombed ...": the words' subject
        role, governing = "subject", own
    holder = host(parse, lead, role, governing)
    if holder is not None:  # "A group of terrorists attacked", "shelled boats carrying terrorists"
        head = parse.tokens[holder.last]
        return specific(parse, head.start, head.end) and not unsaid(parse, i)
    if governing is None:  # but a headline's "Gunmen behind blast, says ..." and the event
        # an opening phrase tells of
        headline_subject = parse.heading and verbless_subject(parse.tokens, parse.groups, chunk)
        return headline_subject or _opening_event(parse, lead) or _dated(parse, lead, heads)
    if role == "subject" and last < chunk.last and governing.lemma in _TRENDS and (
            governing.last + 1 == len(parse.tokens) or parse.tokens[governing.last + 1].lower != "up"):
        return False  # "Terrorist attacks have fallen since 2015": a trend
    if not governing.finite and governing.passive and (
            opening(parse.tokens, governing.first)
            or parse.tokens[past_adverbs(parse.tokens, governing.first - 1)].text == ","):
        # "The Front, (long) designated a ... by the US,"; "Branded terrorists by Orsk, the rebels ...",
        # "Despite being called terrorists by Orsk, the rebels ..."
        return subject_is_specific(parse, governing)
    if role == "predicate":
        if _given_by_no_one(parse, i, governing, chunk, denials):
            return False
        if chunk.first == chunk.last and parse.tokens[i].tag == "NN":
            # a bare abstract noun labels the act its subject names: "The attack was
            # terrorism" (not "The greatest threat is terrorism")
            return heads is not None and _said_of_an_act(parse, governing, heads)
        accusing = accused_of_being(parse, governing)
        if accusing is not None:  # "accused the men of being terrorists"
            return not denies(parse, accusing) and labelled_is_specific(parse, accusing)
        return parse.episodic(governing) or subject_is_specific(parse, governing)
    after_as = role == "preposition" and parse.tokens[lead.first - 1].lower == "as"
    if role == "complement" or after_as or (role == "object" and governing.lemma in _NAMES_OBJECT):
        # "branded Voss a terrorist", "described Voss as a terrorist", "was jailed as a terrorist";
        # not a label only thought of ("whether to list the Front as a terrorist group")
        # (or an infinitive that carries on the subject's act: "went on to describe Voss as ...",
        # or is its purpose: "took to the radio to brand the men ...")
        # nor one denied ("did not call the men terrorists", "did not describe ... as"); a
        # participle names whom its object names ("an ad calling the protesters terrorists",
        # "posted a video, calling the men terrorists"; not "laws calling such groups ...")
        if _naming_participle(parse, governing):
            return not denies(parse, governing) and labelled_is_specific(parse, governing)
        carrier = parse.carrier(governing)  # (not "did not go so far as to call ...")
        carried = governing.finite or carrier is not None or purpose(parse, governing) or decided(
            parse, governing) or ranked_doer(parse, governing) is not None
        # ("The mayor's decision to call the men terrorists", "The first to call ... was")
        return carried and not denies(parse, governing) and not (
            carrier is not None and denies(parse, carrier)) and (
            parse.episodic(governing) or labelled_is_specific(parse, governing))
    # (but the doer after a passive's "by" is whoever did it: "was bombed by a terrorist group")
    agent = (governing.passive and parse.tokens[lead.first - 1].lower == "by"
             and parse.tokens[lead.first].lower != "any")
    if role == "preposition" and not agent and ((
            parse.tokens[lead.first].lower in ("a", "an", "any") and not _dated(parse, lead, heads)) or (
            governing.lemma in COPULAS and of_a_predicate(parse, lead)) or topic(parse, lead) or (
            governing.lemma == "treat" and parse.tokens[lead.first - 1].lower == "like"
            and not lead.definite) or (
            governing.lemma in _COMPARING and parse.tokens[lead.first - 1].lower in ("to", "with")
            and not lead.definite)):
        # "any known link to a terrorist group", "has been a haven for terrorists", "wrote a
        # book about terrorists": a kind (but "the target of a terrorist attack on Monday"
        # is an event); and so the way people are treated ("were treated
        # like terrorists"), where "The men looked like terrorists" judges them, and what
        # they are compared to ("compared the strikers to terrorists")
        return False
    if parse.heading and governing.tense == "present" and parse.tokens[0].lower in _EXPLAINERS:
        return False  # an explainer's present, not a headline's news: "How terrorists recruit online"
    if role == "subject" and not parse.episodic(governing) and governing.tense == "present":
        # "Insurgents hold the valley", "Terrorists are behind the blast", not "Terrorists
        # rarely act alone", "Martyrdom is a theme", "if terrorists acquire weapons"
        copula = governing.lemma in COPULAS and not (blamed(parse, governing) or placed(parse, governing))
        free = governing.lemma in COPULAS and at_large(parse, governing)  # "A killer is on the loose"
        return not supposed(parse, chunk) and (free or (not copula and anchored(parse, governing)))
    if role == "subject" and parse.heading and parse.tokens[governing.first].tag == "TO":
        return True  # a headline's plan for particular people: "Gunmen to face trial"
    if role == "object" and governing.lemma in _ACTED and parse.tokens[lead.first].lower in ("a", "an"):
        return False  # a part acted: "Voss played a terrorist in the film"
    carrier = (parse.carrier(governing) or _attendant(parse, governing)) if role == "object" else None
    if carrier is not None and parse.tokens[governing.first - 1].lemma not in _AIMS:
        # the object of an act told through another verb: "appeared to show terrorists
        # surrendering", "continued to shell militants" (not "wants to stop terrorists")
        return parse.episodic(carrier) and not parse.negated(carrier)
    return parse.episodic(governing)


def _asked_predicate(parse: Parse, chunk: Chunk, i: int) -> bool:
    """The word at ``i`` ends a question that a copula opens, after its subject: ``Are the
    men (on the ferry) terrorists?``, ``Were the men terrorists, or fishermen ...?`` ask
    what the men are and say nothing of them (the tagger runs the subject and the word into
    one noun phrase); not ``Are the terrorists still at large?``, which takes them as given."""
    tokens = parse.tokens
    end = chunk.last + 1
    if i != chunk.last or end >= len(tokens) or tokens[0].lower not in BE_FORMS:
        return False
    if tokens[end].text != "?" and not (tokens[end].text == "," and end + 1 < len(tokens)
                                        and tokens[end + 1].lower == "or" and tokens[-1].text == "?"):
        return False
    if any(g.finite and 0 < g.first < end for g in parse.groups):
        return False
    return any(t.tag in ("NN", "NNS", "NNP", "NNPS", "PRP") for t in tokens[1:i])


def _named_state(parse: Parse, group: Group) -> bool:
    """``group`` is a finite copula whose subject names someone, not in a supposition: what
    follows it is said of them (``Voss is racist``; not ``If Voss is racist, ...``)."""
    if group.lemma not in COPULAS or not group.finite or not subject_is_specific(parse, group):
        return False
    subject = subject_of(parse, group)
    return subject is None or not supposed(parse, subject, asked=False)


def _attendant(parse: Parse, group: Group) -> Group | None:
    """The finite verb before the comma that a participle right after it goes with, the
    last before it (``raided the camp, killing terrorists``: ``raided``): the participle
    tells of the same event. None for any other group, and for a word that may be an
    adjective (``, disgusting terrorists``)."""
    tokens = parse.tokens
    if (group.finite or tokens[group.first].tag != "VBG" or tokens[group.first - 1].text != ","
            or adjective(tokens[group.first].lower)):
        return None
    return next((g for g in reversed(parse.groups) if g.last < group.first - 1 and g.finite), None)


def _alternative(parse: Parse, chunk: Chunk) -> bool:
    """``chunk`` is one of the alternatives of a "whether ... or ..." phrase with no verb,
    set off as an aside (``Immigrants, whether refugees, migrants or terrorists, have ...``;
    not ``whether terrorists fled``, a question): kinds the people may be, none affirmed."""
    tokens = parse.tokens
    k = chunk.first - 1
    while k >= 0 and tokens[k].lower != "whether":
        if tokens[k].is_verb or tokens[k].tag == ".":
            return False
        k -= 1
    if k < 0:
        return False
    end = next((j for j in range(chunk.last + 1, len(tokens))
                if tokens[j].text in (",", ")") or tokens[j].tag == "."), len(tokens))
    between = tokens[k + 1:end]
    return any(t.lower == "or" for t in between) and not any(t.is_verb for t in between)


# Prepositions of time or circumstance that open a sentence with its event: "In a
# brutal attack on the port, ...", "After a terrorist attack, ...".
_OPENING = frozenset({"in", "during", "after", "before", "following"})


def _opening_event(parse: Parse, chunk: Chunk) -> bool:
    """``chunk``, with "a" or "an", follows a preposition of time or circumstance that
    opens the sentence (or is that phrase's own object: ``During a raid on | a terrorist
    camp``), and the first verb after the comma that closes the phrase tells of a
    particular event: that event (``In a vicious assault on the port, gunmen killed 12``;
    not ``In a terrorist attack, people often panic``)."""
    tokens = parse.tokens
    while chunk.first > 2 and (outer := before_preposition(parse, chunk)) is not None:
        chunk = outer
    if chunk.first != 1 or tokens[0].lower not in _OPENING or tokens[1].lower not in ("a", "an"):
        return False
    comma = next((k for k in range(chunk.last + 1, len(tokens)) if tokens[k].text == ","), len(tokens))
    group = next((g for g in parse.groups if g.first > comma), None)
    return group is not None and not any(g.first < comma for g in parse.groups if g.first > 0) and (
        parse.episodic(group))


def _dated(parse: Parse, chunk: Chunk, heads: frozenset[str] | None) -> bool:
    """The chunk names an event (its head is one of ``heads``) and has its day right after
    it: ``(the target of) a terrorist attack on Monday``, ``a bombing last week``, ``a raid
    overnight``."""
    tokens = parse.tokens
    k = chunk.last + 1
    if heads is None or tokens[chunk.last].lemma not in heads or k >= len(tokens):
        return False
    if tokens[k].lower in _DAYS:
        return True
    return k + 1 < len(tokens) and tokens[k].lower in ("on", "last", "this") and tokens[k + 1].lower in TIMES


def _naming_participle(parse: Parse, group: Group) -> bool:
    """``group`` is a lone present participle that names (``calling``, ``branding``,
    ``describing``, or ``having called``), not one talked about or held back (``about calling``, ``without
    calling``, ``whether calling``, ``stopped short of calling``), nor a gerund that is the
    sentence's subject (``Calling the strikers terrorists is absurd``)."""
    k = group.first
    having = group.perfect and group.last == k + 1 and parse.tokens[k].lower == "having"
    if (group.first != group.last and not having) or parse.tokens[k].tag != "VBG":
        return False
    if k == 0:
        verb = next((g for g in parse.groups if g.first > group.last and g.finite), None)
        return verb is None or any(t.text in (",", ";", ":") for t in parse.tokens[group.last:verb.first])
    if parse.tokens[k - 1].lower in _NOT_DONE:
        return False
    return k < 2 or (parse.tokens[k - 2].lemma, parse.tokens[k - 1].lower) not in _NOT_DONE_PAIRS


def _said_of_an_act(parse: Parse, group: Group, heads: frozenset[str]) -> bool:
    """The subject of the copula ``group`` is a particular one of ``heads``: a definite
    or named act (``The attack on the depot was ...``, ``Monday's bombing is ...``)."""
    subject = subject_of(parse, group)
    if subject is None or parse.tokens[subject.last].lemma not in heads:
        return False
    owned = any(t.tag == "POS" for t in parse.tokens[subject.first:subject.last])  # "Monday's bombing"
    return subject.definite or subject.proper or owned


def _said_of(parse: Parse, i: int, heads: frozenset[str]) -> bool:
    """The adjective at ``i`` is said, after a copula, of a particular one of ``heads``:
    ``The attack on the depot was barbaric`` (not ``Such attacks are barbaric``)."""
    k = i - 1
    while k >= 0 and parse.tokens[k].tag == "RB":
        k -= 1  # "was truly barbaric"
    group = parse.group_at(k) if k >= 0 else None
    if group is None or group.last != k or group.lemma not in COPULAS:
        return False
    subject = subject_of(parse, group)
    if subject is None or parse.tokens[subject.last].lemma not in heads:
        return False
    head = parse.tokens[subject.last]
    return specific(parse, head.start, head.end)


def _doer_of(parse: Parse, chunk: Chunk) -> bool:
    """The chunk names, after "of", who did a particular act: ``The attack was the work of
    terrorists``, ``bore the hallmarks of a terrorist cell``, ``described the blast as the
    work of terrorists`` (not ``Terrorism is the work of cowards``, a kind); or after "by",
    the doers of the act before it (``The attack by terrorists killed four``)."""
    head = before_of(parse, chunk)
    if head is None or parse.tokens[head.last].lower not in _DOER_HEADS:
        act = before_preposition(parse, chunk) if parse.tokens[chunk.first - 1].lower == "by" else None
        if act is not None and act.first > 1 and parse.tokens[act.first - 1].lower == "of" and (
                parse.tokens[act.last].lemma not in _ACTS):
            act = before_preposition(parse, act)  # "The bombing of the ferry | by terrorists"
        if act is None or parse.tokens[act.last].lemma not in _ACTS:
            return False
        role, governing = parse.governor(act)
        if role == "subject" and governing is not None and governing.lemma in _TRENDS:
            return False  # "Attacks by terrorists have fallen": a count
        noun = parse.tokens[act.last]  # as particular as the act ("The attack by ...", not "attacks by")
        return specific(parse, noun.start, noun.end)
    _, governing = parse.governor(head)
    return governing is not None and (parse.episodic(governing) or subject_is_specific(parse, governing))


def _given_by_no_one(parse: Parse, i: int, governing: Group, chunk: Chunk, denials: bool = False) -> bool:
    """The predicate at token ``i`` (``chunk``, after the copula ``governing``) is a label
    said not to have been given, asked about or (unless ``denials`` count) denied: no one's."""
    return unsaid(parse, i) or asked(parse, i) or (not denials and denied(parse, governing, chunk))
