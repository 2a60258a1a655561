"""The rule kinds, by the name a rule's ``extends`` uses.

Adding a kind is one module exposing ``KIND`` plus its line here.
"""

from __future__ import annotations

from linter.kinds import (
    capitalization,
    claims,
    conditional,
    consistency,
    existence,
    names,
    occurrence,
    prose_lint,
    quotes,
    readability,
    repetition,
    sentencelength,
    substitution,
    variants,
)
from linter.kinds.base import Kind

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        existence.KIND,
        substitution.KIND,
        consistency.KIND,
        occurrence.KIND,
        repetition.KIND,
        capitalization.KIND,
        conditional.KIND,
        quotes.KIND,
        claims.KIND,
        names.KIND,
        variants.KIND,
        readability.KIND,
        sentencelength.KIND,
        prose_lint.KIND,
    )
}
