"""Whether a rule sees a span: its scope's block kinds and its quotation policy.

Shared by the engine (to filter hits) and by kinds that weigh occurrences
against each other (consistency), so both agree on what a rule can see.
"""

from __future__ import annotations

from linter.analysis import Analysis
from linter.model.document import Document
from linter.model.rule import Rule


def visible(doc: Document, an: Analysis, rule: Rule, start: int, end: int) -> bool:
    if rule.scope.raw:
        return True
    block = doc.block_at(start)
    if block is None or not rule.scope.admits(block.kind):
        return False
    if rule.quotes == "include":
        return True
    quoted = an.quotations.in_quotation(start, end) is not None
    return quoted == (rule.quotes == "only")
