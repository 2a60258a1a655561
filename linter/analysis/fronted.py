"""A noun phrase put before the subject it describes.

"A former terrorist, Piet Vann now runs a bakery" and "Once a docker, Voss ..." say of the
subject after the comma what the phrase before it says: it is what the writer calls that
subject, as an apposition after it is ("Piet Vann, a former terrorist, now runs ...").
:func:`.reference.specific` asks :func:`fronted_apposition` where it asks
:func:`.labelled.apposed`.
"""

from __future__ import annotations

from linter.analysis.chunks import NAMING, Chunk
from linter.analysis.syntax import Parse
from linter.analysis.verb_reach import past_phrases


def fronted_apposition(parse: Parse, chunk: Chunk) -> bool:
    """``chunk`` opens the sentence (past adverbs: "once", "formerly") and, with its
    prepositional phrases, runs to a comma after which a name, a pronoun or a definite noun
    phrase is the subject of a finite verb: ``A former terrorist, Piet Vann now runs ...``,
    ``Once a terrorist, Vann ...``; not ``As a terrorist, ...`` (a preposition first), nor
    a phrase the chunk only ends (``Once a haven for terrorists, the port ...``), nor what a
    naming verb after it names (``Terrorists, the mayor never called them``)."""
    tokens = parse.tokens
    k = 0
    while k < chunk.first and tokens[k].tag == "RB":
        k += 1
    if k != chunk.first:
        return False
    end = past_phrases(parse, chunk.last + 1)  # "A veteran of the Sarn Front, ..."
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return False
    subject = parse.chunk_at(end + 1)
    if subject is None or subject.first != end + 1:
        return False
    verb = parse.group_after(subject)
    named = subject.proper or subject.definite or tokens[subject.first].tag == "PRP"
    # (not the object of a naming verb put first: "Terrorists, the mayor never called them")
    return named and verb is not None and verb.finite and verb.lemma not in NAMING
