"""Whom a label names: the people a verb's label or a copula's predicate is about.

:func:`.reference.specific` asks these when a label is the complement of a verb
(``branded Voss a terrorist``), a predicate (``the man was a terrorist``) or set off
after someone (``The Front, designated a terrorist group by the US, ...``): the label is
specific when the one it names is (a name, a pronoun, a definite noun phrase), generic
when that is anyone (``a family``, ``any group``). It also says when a label is part of
a name (:func:`in_name`) or set before one (:func:`modifies_name`), which noun phrase
holds the people a label names (:func:`host`: ``a group | of terrorists``), and when it
opens a headline's clause with no verb (:func:`verbless_subject`: ``Killer due in court``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from linter.analysis.asides import COMMA_OR_DASH, first_comma, opening, past_adverbs
from linter.analysis.chunks import TIMES, Chunk, Group, headline
from linter.analysis.syntax import NEGATIONS
from linter.analysis.tagging import Token, name_like


class Parse(Protocol):
    """What these questions read of :class:`linter.analysis.syntax.Parse` (which asks them)."""

    @property
    def tokens(self) -> Sequence[Token]: ...

    @property
    def chunks(self) -> Sequence[Chunk]: ...

    @property
    def groups(self) -> Sequence[Group]: ...

    def chunk_at(self, i: int) -> Chunk | None: ...

    def chunk_ending_at(self, i: int) -> Chunk | None: ...

    def group_at(self, i: int) -> Group | None: ...

    def group_after(self, chunk: Chunk) -> Group | None: ...

    def carrier(self, group: Group) -> Group | None: ...

    def governor(self, chunk: Chunk) -> tuple[str, Group | None]: ...

    def episodic(self, group: Group) -> bool: ...


_INDEFINITE = ("a", "an", "any", "every")
# The modals of a clause that only supposes its predicate: "who could be terrorists".
_POSSIBLE = frozenset({"could", "might", "may", "can"})
_ABOUT = frozenset({"about", "regarding", "concerning"})
_JOINING = frozenset({"and", "but"})
# Works and rules that are "on" a subject: "a documentary on militants", "a law on terrorists".
_WORKS = frozenset({"book", "film", "documentary", "report", "article", "series", "study", "lecture",
                    "course", "thesis", "programme", "program", "conference", "seminar", "law", "bill",
                    "legislation", "policy", "rule", "guideline", "debate", "chapter", "essay", "novel",
                    "play", "exhibition"})
# Verbs that name someone past a preposition: "referred to the men as terrorists".
_REFERRING = frozenset({"refer", "speak", "talk", "think"})
# Pronouns that open a relative clause whose verb has a subject of its own: the pronoun is
# the verb's object ("the Front, which the US lists as ...").
_OBJECT_RELATIVES = frozenset({"which", "whom", "that", "who"})


# Passives that raise the subject of a report or a belief: "are believed to be armed".
_RAISING = frozenset({"believe", "think", "say", "report", "understand", "know", "expect", "suspect",
                      "fear", "rumour", "rumor", "consider"})


def raised(tokens: Sequence[Token], group: Group) -> bool:
    """``group`` is a passive of belief or report with an infinitive after it (``are
    believed to be armed``): news copy tells that of particular people, not of a kind."""
    k = group.last + 1
    return group.passive and group.lemma in _RAISING and k < len(tokens) and tokens[k].tag == "TO"


def labelled_is_specific(parse: Parse, group: Group) -> bool:
    """Whom a label after ``group`` is about names someone: the object right after the
    verb (``portrays Voss as ...``; not ``portrays a family as ...``, nor a kind's own,
    ``Governments often label their opponents ...``), the one a relative
    clause is about when its pronoun is the verb's object (``the Front, which the US lists
    as ...``), or with no object the subject (``Voss is seen as ...``)."""
    antecedent = relative_object(parse, group)
    if antecedent is not None:  # (or stands beside a name: "the Front, a group the US lists as")
        return _names(parse, antecedent) or apposed(parse, antecedent) or _acts(parse, antecedent)
    free = what_subject(parse, group)
    if free is not None and free.first > 1 and parse.tokens[free.first - 2].lower == "in":
        return True  # "(a bus was burned) in what police see as ...": the sentence's event
    labelled = parse.chunk_at(group.last + 1)
    if labelled is None or labelled.first != group.last + 1:
        return subject_is_specific(parse, group)
    if parse.tokens[labelled.first].lower == "their" and _kind_subject(parse, group):
        return False  # whose they are is a kind's: "Governments often label their opponents ..."
    return _names(parse, labelled)


def _kind_subject(parse: Parse, group: Group) -> bool:
    """The subject of ``group`` is a kind of people in the present: a plural with no
    article or a share of one (``Governments often label ...``, ``Some regimes brand
    ...``; not ``The government labels ...``, ``Orsk labels ...``)."""
    if group.tense != "present" or parse.episodic(group):
        return False
    subject = next((c for c in parse.chunks if c.last < group.first and parse.group_after(c) is group), None)
    return subject is not None and parse.tokens[subject.last].tag == "NNS" and not _names(parse, subject)


def what_subject(parse: Parse, group: Group) -> Chunk | None:
    """The verb's subject, right before it, when it follows ``what``, the verb's object
    (``in what Voss called an act of terror``, ``what police are treating as ...``)."""
    subject = parse.chunk_ending_at(group.first - 1)
    return subject if subject is not None and subject.first > 0 and (
        parse.tokens[subject.first - 1].lower == "what") else None


def subject_is_specific(parse: Parse, group: Group) -> bool:
    """The subject of a copula names someone: a pronoun, a name, a definite chunk; for a
    participle set off by commas, the noun phrase it follows; for a relative pronoun, the
    noun phrase it stands for (``the men, who are ...``, ``the Front, which the US says
    is ...``); for an infinitive that carries on its subject's act, that subject (``The
    men went on to fight as ...``); for a participle opening the sentence (or after a
    preposition), the subject after its comma (``Despite being branded ..., the rebels``)."""
    tokens = parse.tokens
    carrier = None if group.finite else parse.carrier(group)
    if carrier is not None:
        return subject_is_specific(parse, carrier)
    if not group.finite and opening(tokens, group.first):
        comma = first_comma(tokens, group.last + 1)
        main = parse.chunk_at(comma + 1) if comma > 0 else None
        verb = parse.group_after(main) if main is not None and main.first == comma + 1 else None
        return main is not None and verb is not None and verb.finite and _names(parse, main)
    comma = past_adverbs(tokens, group.first - 1)  # (", officially designated a ...")
    for chunk in parse.chunks:
        if chunk.last < group.first and (parse.group_after(chunk) is group or (not group.finite and (
                chunk.last == comma - 1 and tokens[comma].text == ","))):
            return _names(parse, chunk)  # not "a Muslim who ... is an Islamic fundamentalist"
    antecedent = _relative_subject(parse, group)
    if antecedent is not None:
        return _names(parse, antecedent) and not _supposed_of_a_kind(parse, group, antecedent)
    earlier = _coordinated(parse, group)  # "Voss insults migrants and is a liar": "insults"'s subject
    return earlier is not None and subject_is_specific(parse, earlier)


def _coordinated(parse: Parse, group: Group) -> Group | None:
    """The finite verb group before "and" or "but" whose subject a finite ``group`` right
    after it shares (``Voss insults migrants and is a liar``), in the same clause."""
    tokens = parse.tokens
    k = group.first - 1
    if not group.finite or k < 1 or tokens[k].lower not in _JOINING:
        return None
    earlier = next((g for g in reversed(parse.groups) if g.last < k), None)
    if earlier is None or not earlier.finite or any(t.text == ";" for t in tokens[earlier.last:k]):
        return None
    return earlier


def _supposed_of_a_kind(parse: Parse, group: Group, antecedent: Chunk) -> bool:
    """A relative clause only supposes the predicate (``could``, ``might``, ``may``, ``can``)
    of people its antecedent names as a kind, a bare plural (``a register of Orskians who
    could be terrorists``): no one is labelled. Not ``the men who could be ...``."""
    tokens = parse.tokens
    words = tokens[antecedent.first:antecedent.last + 1]
    kind = not antecedent.definite and tokens[antecedent.last].tag in ("NNS", "NNPS") and not any(
        t.tag in ("CD", "PRP$", "POS", "DT") for t in words)
    return kind and any(t.lower in _POSSIBLE for t in tokens[group.first:group.last + 1])


def _relative_subject(parse: Parse, group: Group) -> Chunk | None:
    """The noun phrase before ``, who``/``, which`` when that pronoun is the subject of
    ``group``, perhaps past a source and its verb (``which the US says is``)."""
    tokens = parse.tokens
    k = group.first - 1
    source = parse.chunk_at(k - 1) if k > 0 and tokens[k].tag in ("VBZ", "VBD", "VBP") else None
    if source is not None and source.last == k - 1:
        k = source.first - 1  # "which [the US says] is"
    if k < 1 or tokens[k].lower not in ("who", "which", "that"):
        return None
    return _before(parse, k)


def _before(parse: Parse, pronoun: int) -> Chunk | None:
    """The noun phrase that ends right before a relative pronoun (or its comma)."""
    return parse.chunk_ending_at(pronoun - 1 - (parse.tokens[pronoun - 1].text == ","))


def apposed(parse: Parse, chunk: Chunk) -> bool:
    """``chunk`` stands in apposition to a noun phrase that names someone, set off by a
    comma, a dash (typed, or a hyphen between spaces) or a bracket: what the writer calls
    a particular group (``The Front, a terrorist group, denied ...``, ``carried out by the
    Front - a terrorist group ...``, ``The Front, officially a terrorist group, ...``)."""
    k = past_adverbs(parse.tokens, chunk.first - 1)
    if k < 1 or (parse.tokens[k].text not in COMMA_OR_DASH and parse.tokens[k].text != "("):
        return False
    verb = parse.group_at(chunk.last + 1)
    if verb is not None and verb.finite and verb.first == chunk.last + 1:
        # the subject of the clause after an opening one ("If the guards had left the gate,
        # terrorists would have ..."): a finite verb follows it, as none follows an apposition
        return False
    anchor = parse.chunk_at(k - 1)
    # (last, and only then: not what a naming verb calls its object past an aside,
    # "labelled the Front, responsible for more deaths than any group, a terrorist group")
    return (anchor is not None and anchor.last == k - 1 and _names(parse, anchor)
            and parse.governor(chunk)[0] != "complement")


# Words that deny a predicate, and those after which a denial goes on to affirm one.
_DENIALS = NEGATIONS | {"no", "neither", "wrongly", "falsely", "mistakenly", "wrongfully", "unjustly"}
_AFFIRMING = frozenset({"but", "only", "just", "merely", "simply"})


def denied(parse: Parse, group: Group, chunk: Chunk) -> bool:
    """The predicate ``chunk`` of the copula ``group`` is denied: ``The men were not
    terrorists``, ``is no terrorist``, ``were never terrorists`` (a label no one gives);
    not one the sentence affirms (``not only thieves but terrorists``, ``not just ...``)."""
    words = [t.lower for t in parse.tokens[max(0, group.first - 1):chunk.first + 1]]
    return not _AFFIRMING.intersection(words) and bool(_DENIALS.intersection(words))


def _acts(parse: Parse, chunk: Chunk) -> bool:
    """A noun phrase with no article is particular people when its own verb tells an event:
    "Gunmen, whom the government calls ..., seized the quay" (not "Militants, whom the
    government calls ..., often attack convoys")."""
    role, governing = parse.governor(chunk)
    return role == "subject" and governing is not None and parse.episodic(governing)


def _names(parse: Parse, chunk: Chunk) -> bool:
    tokens = parse.tokens
    return tokens[chunk.first].lower not in _INDEFINITE and (
        chunk.definite or chunk.proper or tokens[chunk.last].tag in ("PRP", "NNP", "NNPS"))


def relative_object(parse: Parse, group: Group) -> Chunk | None:
    """The noun phrase before ``, which SUBJECT`` when ``group`` is that subject's verb: the
    pronoun is the verb's object (``the Front, which the US calls a terrorist group``); or
    right before such a subject with no pronoun (``the men the government calls ...``,
    ``the men Voss called ...``),
    where that noun phrase opens the sentence or follows a comma and names no time, or
    follows a preposition when ``as`` follows the verb (``by a group the US lists as ...``).
    A subject may be several, joined by "and" or "or" (``which Orsk and the EU list as``)."""
    tokens = parse.tokens
    subject = next((c for c in parse.chunks if c.last < group.first and parse.group_after(c) is group), None)
    if subject is None or subject.first < 1:
        return None
    first = subject.first
    while first >= 2 and tokens[first - 1].lower in ("and", "or") and (
            (joined := parse.chunk_ending_at(first - 2)) is not None):
        first = joined.first
    if first >= 1 and tokens[first - 1].lower in _OBJECT_RELATIVES:
        return _before(parse, first - 1) if first >= 2 else None
    antecedent = parse.chunk_ending_at(subject.first - 1)
    if antecedent is None or tokens[subject.first].tag not in ("DT", "NNP", "NNPS"):
        return None  # (a name for a subject: "The men | Voss called terrorists fled")
    before = tokens[antecedent.first - 1] if antecedent.first else None
    opens = before is None or before.text == "," or (
        before.tag == "IN" and group.last + 1 < len(tokens) and tokens[group.last + 1].lower == "as")
    return antecedent if opens and tokens[antecedent.last].lower not in TIMES else None


def in_name(tokens: Sequence[Token], i: int) -> bool:
    """The word at ``i`` is part of a name (``Little Terrorist``, a film; ``Martyrs
    Brigade``; ``the Terrorist Prevention Act``; an album ``called Martyrs``): a
    capitalised word inside a sentence that is not a headline, after or before another
    capitalised proper noun, or right after a word that gives a title."""
    if i == 0 or not tokens[i].text[:1].isupper() or headline(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1] if i + 1 < len(tokens) else None
    return (tokens[i].tag in ("NNP", "NNPS") and before.tag in ("NNP", "NNPS", "JJ")
            and before.text[:1].isupper()) or (
        after is not None and after.tag in ("NNP", "NNPS") and after.text[:1].isupper()) or (
        before.lower in _TITLING)


# Words that give a title or a name: "an album called Martyrs", "a film titled Terrorist".
_TITLING = frozenset({"called", "named", "titled", "entitled", "dubbed", "nicknamed"})


def modifies_name(tokens: Sequence[Token], label: range, last: int, heads: frozenset[str]) -> bool:
    """The label at token indices ``label`` modifies a name that ends its noun phrase at
    ``last``, perhaps after a noun in ``heads``: ``the terrorist Orsk Liberation Front``,
    ``the extremist preacher Ivo Brandt``. A named group or person is specific wherever
    the phrase stands. A capitalised label is part of the name (``the Terrorist Prevention
    Act``); where capitals tell nothing, opening a sentence or in a headline, it counts
    only before a person's name, words no word list knows as common (``Terrorist Ivo Brandt
    was arrested``; not ``Terrorist Offences Act passed``)."""
    lower = tokens[label.start].text[:1].islower()
    if not lower and label.start != 0 and not headline(tokens):
        return False
    j = label.stop
    while j <= last and tokens[j].lemma in heads and tokens[j].text.islower():
        j += 1  # "the extremist preacher | Ivo Brandt"
    name = tokens[j:last + 1]
    return j <= last and all(t.tag in ("NNP", "NNPS") and t.text[:1].isupper() for t in name) and (
        lower or all(name_like(t.text) for t in name))


def before_preposition(parse: Parse, chunk: Chunk) -> Chunk | None:
    """The noun phrase that ends right before the preposition opening ``chunk`` (``a
    haven`` in ``a haven | for terrorists``, ``the work`` in ``the work | of terrorists``)."""
    return parse.chunk_ending_at(chunk.first - 2)


# Nouns of a body of people whose "of" names who make it up: "a group of terrorists".
_BODIES = frozenset({"group", "gang", "band", "cell", "unit", "squad", "team", "convoy", "column", "crowd",
                     "mob", "handful", "bunch", "contingent", "detachment", "boatload", "busload",
                     "lorryload", "carload", "vanload", "truckload"})


def host(parse: Parse, chunk: Chunk, role: str, governing: Group | None) -> Chunk | None:
    """The noun phrase that holds the people of ``chunk`` and whose reference they share:
    the body they make up (``a group | of terrorists``, ``a gang of``), or what carries or
    houses them, told by a participle right after it (``boats | carrying terrorists``, ``a
    flat sheltering militants``; not time spent: ``his career fighting terrorists``). ``The
    army attacked a group of terrorists`` is about particular people as ``attacked the
    group`` is; ``The law targets groups of terrorists`` about none, as ``targets groups``
    is."""
    tokens = parse.tokens
    if role == "object" and governing is not None and not governing.finite and (
            tokens[governing.first].tag == "VBG" and governing.first == governing.last):
        holder = parse.chunk_ending_at(governing.first - 1)  # (not time spent: "his career fighting")
        return holder if holder is None or tokens[holder.last].lemma not in _SPANS else None
    head = before_of(parse, chunk)
    return head if head is not None and tokens[head.last].lemma in _BODIES else None


# Stretches of time spent doing something: "spent his career fighting terrorists".
_SPANS = frozenset({"career", "life", "lifetime", "time", "year", "decade", "month", "week", "day", "hour",
                    "night", "summer", "weekend", "afternoon", "morning", "evening"})


def before_of(parse: Parse, chunk: Chunk) -> Chunk | None:
    """The noun phrase right before the "of" that opens ``chunk`` (``the work | of``)."""
    return before_preposition(parse, chunk) if parse.tokens[chunk.first - 1].lower == "of" else None


def of_a_predicate(parse: Parse, chunk: Chunk) -> bool:
    """``chunk`` is the object of a preposition after an indefinite noun phrase that
    follows the verb (``has been | a haven | for terrorists``, ``became a magnet for
    extremists``): with a copula, what the subject is like, so a kind of people."""
    noun = before_preposition(parse, chunk)
    return (noun is not None and noun.first > 0
            and parse.tokens[noun.first].lower in _INDEFINITE and parse.tokens[noun.first - 1].is_verb)


def topic(parse: Parse, chunk: Chunk) -> bool:
    """``chunk`` is what a noun before it is about: ``a book about | terrorists``, ``a
    report on | militants`` (not ``troops fired on | militants``, an act, nor ``the raid
    on | militants``): a kind of people."""
    k = chunk.first - 1
    if k < 1 or parse.tokens[k - 1].tag not in ("NN", "NNS"):
        return False
    word, noun = parse.tokens[k].lower, parse.tokens[k - 1].lemma
    return word in _ABOUT or (word == "on" and noun in _WORKS)


def referred_as(parse: Parse, chunk: Chunk) -> Group | None:
    """The verb that names someone ``chunk`` past a preposition: ``referred to | the
    protesters | as terrorists``, ``spoke of the men as ...``."""
    k = chunk.first - 1
    named = parse.chunk_ending_at(k - 1) if k >= 2 and parse.tokens[k].lower == "as" else None
    if named is None or named.first < 2 or parse.tokens[named.first - 1].lower not in ("to", "of"):
        return None
    group = parse.group_at(named.first - 2)
    if group is None or group.last != named.first - 2 or group.lemma not in _REFERRING:
        return None
    return group


# How far into a headline a kicker's colon may come: "Orsk blast: ...", "Tarn port attack: ...".
_KICKER_REACH = 5
# Words before a colon that open a caption: "Pictured: ...", "Above: ...".
_CAPTION_LABELS = frozenset({"pictured", "caption", "photo", "picture", "above", "below", "left", "right",
                             "top", "inset"})


def caption_start(tokens: Sequence[Token]) -> int:
    """Where a caption's words start past its label (``Pictured: Terrorists outside the
    depot``): 2 after a label and a colon, else 0."""
    return 2 if len(tokens) > 2 and tokens[1].text == ":" and tokens[0].lower in _CAPTION_LABELS else 0


def verbless_subject(tokens: Sequence[Token], found: Sequence[Group], chunk: Chunk) -> bool:
    """In a headline or a caption, the noun phrase that opens a clause with no verb, before
    a preposition or "due": ``Gunmen behind port blast, says minister`` ("are behind"),
    ``Killer due in court``, ``Pictured: Terrorists outside the depot``, also past a
    headline's kicker (``Orsk blast: terrorists behind attack, says minister``)."""
    kicker = next((k + 1 for k in range(1, min(_KICKER_REACH, len(tokens))) if tokens[k].text == ":"
                   and not any(g.first < k for g in found)), 0)
    opening = max(caption_start(tokens), kicker)
    opening += opening < len(tokens) and tokens[opening].text in ("'", '"', "‘", "“")
    if chunk.first > opening or chunk.last + 1 >= len(tokens):
        return False
    end = next((k for k in range(chunk.last + 1, len(tokens)) if tokens[k].text in (",", ":", "-", "—", "–")),
               len(tokens))
    nxt = chunk.last + 1  # (chunk.last + 1 < len(tokens), above; "due" never ends a headline's tokens)
    due = tokens[nxt].lower == "due" and tokens[min(nxt + 1, len(tokens) - 1)].tag in ("IN", "TO")
    return (tokens[nxt].tag == "IN" or due) and not any(chunk.last < g.first < end for g in found)
