"""What an archive audit found, as the report reads it: plain data, no pyarrow.

One :class:`SummaryRow` per cell of ``summary.parquet``: a count of one ``measure`` in
one month and desk (a rule's findings of a term in one voice and level, a house form's
uses, the stories in one quotation style, or the stories themselves), with the words
and stories of that month and desk, for rates.
"""

from __future__ import annotations

from dataclasses import dataclass

MEASURES = ("finding", "house-form", "quote-style", "stories")


@dataclass(frozen=True, slots=True)
class SummaryRow:
    measure: str
    month: str  # YYYY-MM
    desk: str
    rule: str
    term: str
    house: str  # the house form, for findings of renamed places and the house form's uses
    voice: str  # own, attributed, vague, quoted (findings only)
    level: str
    count: int
    stories: int  # in this month and desk
    words: int  # in this month and desk

    @property
    def per_1000_words(self) -> float:
        return self.count * 1000 / self.words if self.words else 0.0


@dataclass(frozen=True)
class AuditSummary:
    """The summary rows of one audit and its totals; ``errors`` are the stories and files
    that could not be audited (one line each)."""

    rows: tuple[SummaryRow, ...]
    stories: int
    words: int
    findings: int
    errors: tuple[str, ...] = ()
    archives: tuple[str, ...] = ()
