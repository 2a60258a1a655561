"""Where a naming or viewing verb's label lies: the agent of a labelling passive after or
before the label (``was branded a terrorist by the government``, ``described by police as
terrorists``), or for a passive of designation the jurisdiction that designates (``is
listed as a terrorist group in the EU``, ``is recognised as a terrorist organisation and
banned in Orsk``), whether a verb of seeing has the ``as`` of a view (``sees the men as
...``, ``which the US lists as ...``, ``in what police are treating as ...``; not ``saw the
men as they fled``), any passive's agent (``was blamed on the Front by police``), and whom an
accusation's ``of being`` tells of (``accused the men of being ...``)."""

from __future__ import annotations

from linter.analysis.chunks import AUTHORITY, DESIGNATIONS, TIMES, Chunk, Group
from linter.analysis.frame_base import lexicon
from linter.analysis.labelled import relative_object, what_subject
from linter.analysis.syntax import COPULAS, Parse

# Verbs whose subject says what "of being" does of their object: "accused the men of being".
_OF_BEING = frozenset({"accuse"})


def label_agent(parse: Parse, group: Group) -> tuple[int, Chunk] | None:
    """The last token of the label and the agent of a labelling passive whose agent comes
    after the label (``was branded a terrorist by the government``, ``described as a
    terrorist by state media``) or before ``as`` and the label (``described by police as
    terrorists``, ``is banned in Orsk as a terrorist organisation``); None for any other
    group."""
    if not group.passive or group.lemma not in lexicon().labelling:
        return None
    tokens = parse.tokens
    k = group.last + 1
    designation = group.lemma in DESIGNATIONS  # (its authority may be a jurisdiction: "is
    # designated a terrorist organisation in Orsk", "is recognised as ... and banned in Orsk")
    if k + 1 < len(tokens) and tokens[k].lower in (AUTHORITY if designation else _BY):
        agent = authority(parse, k, designation)
        if agent is None or agent.last + 2 >= len(tokens) or tokens[agent.last + 1].lower != "as":
            return None
        label = parse.chunk_at(agent.last + 2)
        return (label.last, agent) if label is not None and label.first == agent.last + 2 else None
    if k < len(tokens) and tokens[k].lower == ("to" if group.lemma == "liken" else "as"):
        k += 1  # ("were likened to terrorists by the mayor")
    label = parse.chunk_at(k)
    if label is None or label.first != k:
        return None
    k = label.last + 1
    if designation and k + 2 < len(tokens) and tokens[k].lower == "and" and tokens[k + 1].tag == "VBN":
        k += 2  # "is recognised as a terrorist organisation and banned in Orsk"
    agent = authority(parse, k, designation)
    return (label.last, agent) if agent is not None else None


_BY = frozenset({"by"})


def authority(parse: Parse, k: int, designation: bool) -> Chunk | None:
    """The authority named from token ``k`` on: ``by`` a phrase, or for a designation also
    ``in`` or ``under`` a phrase with a name that is no time (``in the EU``, ``under Orsk
    law``; not ``in March``, ``in its report``, ``in the north``)."""
    tokens = parse.tokens
    if k + 1 >= len(tokens) or tokens[k].lower not in (AUTHORITY if designation else _BY):
        return None
    agent = parse.chunk_at(k + 1)
    if agent is None or agent.first != k + 1:
        return None
    named = tokens[k].lower == "by" or any(
        t.tag in ("NNP", "NNPS") and t.lower not in TIMES for t in tokens[agent.first:agent.last + 1])
    return agent if named else None


def as_after(parse: Parse, group: Group, hi: int) -> bool:
    """``as`` follows the verb's object before any other verb (``sees the men as ...``), or
    the verb when a relative pronoun is its object (``which the US lists as ...``, ``in what
    police are treating as ...``). After
    the object, an ``as`` that opens a clause of time or manner gives no view (``saw the
    men as they fled``, ``hailed the troops as the convoy passed``, ``as if``)."""
    for k in range(group.last + 1, hi + 1):
        if parse.tokens[k].lower == "as":
            if k > group.last + 1:
                return not _opens_clause(parse, k + 1)
            return relative_object(parse, group) is not None or what_subject(parse, group) is not None
        if parse.group_at(k) is not None or parse.tokens[k].text in (",", ";", ":"):
            return False
    return False


# Words after "as" that make it a conjunction, not the "as" of a role: "as if", "as soon as".
_AS_CONJUNCTION = frozenset({"if", "though", "soon", "long", "well", "usual", "before", "ever"})


def _opens_clause(parse: Parse, i: int) -> bool:
    """Token ``i`` (after ``as``) opens a clause: a pronoun or a noun phrase with its own
    finite verb, or a word that makes ``as`` a conjunction."""
    tokens = parse.tokens
    if i >= len(tokens) or tokens[i].tag == "PRP" or tokens[i].lower in _AS_CONJUNCTION:
        return True
    chunk = parse.chunk_at(i)
    return chunk is not None and chunk.first == i and parse.group_after(chunk) is not None


def passive_agent(parse: Parse, group: Group) -> Chunk | None:
    """The passive's agent after ``by``, right after the verb or past its phrase of ``on``,
    ``for`` or ``of`` (``was blamed on the Front by police``; not ``by the time ...``)."""
    tokens = parse.tokens
    i = group.last + 1
    if i + 1 < len(tokens) and tokens[i].lower in _BEFORE_AGENT:
        what = parse.chunk_at(i + 1)
        i = what.last + 1 if what is not None and what.first == i + 1 else i
    agent = parse.chunk_at(i + 1) if i < len(tokens) and tokens[i].lower == "by" else None
    far = i > group.last + 1 and agent is not None and tokens[agent.last].lower in _NO_AGENT
    return None if far else agent


_BEFORE_AGENT = frozenset({"on", "for", "of"})
# What "by" past such a phrase names that is a time, no agent: "by the time ...", "by Monday".
_NO_AGENT = TIMES | {"time"}


def accused_of_being(parse: Parse, group: Group) -> Group | None:
    """The verb whose object (or passive subject) ``being`` after "of" tells of: ``accused
    the men of being ...``, ``were accused (by the mayor) of being ...``."""
    tokens = parse.tokens
    k = group.first - 1
    if group.finite or group.lemma not in COPULAS or k < 2 or tokens[k].lower != "of":
        return None
    accused = parse.chunk_ending_at(k - 1)
    agent = accused is not None and accused.first > 1 and tokens[accused.first - 1].lower == "by"
    verb = parse.group_at(k - 1 if accused is None else accused.first - 1 - agent)
    ok = verb is not None and verb.lemma in _OF_BEING and (accused is None or agent) == verb.passive
    return verb if ok else None
