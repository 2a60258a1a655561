"""The person a verb of saying addresses or accuses, between the verb and what it reports.

In "told the guards to leave", "warned the crew that ...", "accused the owners of lying",
"called on the army to withdraw" the writer names that person; the speaker's words come
after. :mod:`.verb_frames` asks where they start (:func:`past_person`) and where a
trailing cue's person ends (:func:`past_addressee`).
"""

from __future__ import annotations

from linter.analysis.chunks import Group
from linter.analysis.frame_base import clause, verb_starts
from linter.analysis.syntax import Parse
from linter.analysis.verb_reach import bare_clause, past_adverbials, that_follows

# Verbs whose object is the person addressed or accused, before what is reported.
ADDRESSED = frozenset({"tell", "warn", "urge", "ask", "assure", "reassure", "remind", "inform", "advise",
                        "persuade", "convince", "promise", "notify", "caution", "beg", "implore", "instruct",
                        "encourage", "accuse", "brief", "call on", "call upon"})
_ONLY_ADDRESSED = frozenset({"warn", "assure", "reassure", "remind", "inform", "notify", "caution",
                             "persuade", "convince", "instruct", "implore", "beg", "brief"})


def past_person(parse: Parse, group: Group, k: int, hi: int) -> int:
    """The start of what is reported past the person addressed or accused (``told the
    guards to leave``, ``warned the crew that ...``, ``told the Courier the port had
    shut``, ``accused the owners of lying``): the writer names that person, the speaker's
    words follow. Without such words, the object of a verb that takes only a person
    (``assured the men of safe passage``, ``warned the men on Monday``) is still only
    addressed, and what is reported starts after it; other objects may be what is said
    (``promised a new deal``, ``urged a strong stand``, ``told a different tale``)."""
    if group.lemma not in ADDRESSED:
        return k
    tokens = parse.tokens
    chunk = parse.chunk_at(k)
    if chunk is None or chunk.first != k or chunk.last >= hi:
        return k
    nxt = chunk.last + 1
    if nxt + 1 < hi and tokens[nxt].text == "," and tokens[nxt + 1].lower in ("who", "which", "whose"):
        # past a relative clause set off by commas: "accused the council, which ..., of"
        nxt = next((k + 1 for k in range(nxt + 2, hi) if tokens[k].text == ","), nxt)
    nxt = past_adverbials(parse, nxt, hi)
    word = tokens[nxt].lower
    if (word == "that" or (word == "of" and group.lemma == "accuse")
            or (tokens[nxt].tag == "TO" and nxt < hi and tokens[nxt + 1].tag == "VB")
            or bare_clause(parse, nxt)):
        return nxt
    if group.lemma not in _ONLY_ADDRESSED or verb_starts(parse, nxt):  # "warned the men would be ..."
        return k
    return chunk.last + 1


def that_clause_follows(parse: Parse, group: Group) -> bool:
    """A that-clause after the verb (:func:`.verb_reach.that_follows`) or after the person
    it addresses (``advised the port that ...``, ``briefed reporters that ...``)."""
    if that_follows(parse, group):
        return True
    nxt = group.last + 1
    k = past_person(parse, group, nxt, clause(parse, group.last)[1])
    return k > nxt and parse.tokens[k].lower == "that"


def past_addressee(parse: Parse, group: Group, after: int) -> int:
    """The token after the person told or quoted (``..., Ana Reis told the Courier this
    week.``, ``..., the president told her.``, ``..., the agency quoted Voss as saying.``)."""
    if group.lemma not in ("tell", "quote") or after >= len(parse.tokens):
        return after
    chunk = parse.chunk_at(after)
    return chunk.last + 1 if chunk is not None and chunk.first == after else after
