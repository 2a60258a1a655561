"""The subject of a verb that follows a relative clause inside that subject.

In "An official who asked not to be named said ..." and "a resident who saw the attack
said ..." the one who says is the noun the relative pronoun stands for, not the relative
clause's object ("the attack"). :func:`.frame_base.subject_of` asks this first.
"""

from __future__ import annotations

from linter.analysis.chunks import Chunk, Group
from linter.analysis.syntax import Parse

_RELATIVES = frozenset({"who", "which", "that", "whose"})
_BREAKS = frozenset({",", ";", ":", "(", ")", "and", "but", "or"})


def past_relative(parse: Parse, group: Group) -> Chunk | None:
    """The noun phrase right before a relative clause that runs, with a finite verb of its
    own and no comma, up to ``group``; None when there is none (``the men who the police
    said ...``: the police say)."""
    if not group.finite:
        return None  # "frauds who awarded her prizes for telling ...": not the subject's verb
    tokens = parse.tokens
    for k in range(group.first - 1, 0, -1):
        token = tokens[k]
        if token.lower in _BREAKS or token.tag == ".":
            return None
        if token.lower in _RELATIVES and token.tag in ("WP", "WDT", "WP$"):
            if not any(g.finite and k < g.first and g.last < group.first for g in parse.groups):
                return None
            antecedent = parse.chunk_at(k - 1)
            return antecedent if antecedent is not None and antecedent.last == k - 1 else None
    return None
