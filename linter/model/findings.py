"""Severity levels, fixes and findings: the values every other module passes around."""

from enum import IntEnum
from typing import NamedTuple


class Severity(IntEnum):
    """Ordered so that ``Severity.ERROR > Severity.WARNING``."""

    SUGGESTION = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        """Return the severity for ``suggestion``, ``warning`` or ``error``."""
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown level {name!r}") from None


LEVEL_NAMES = tuple(s.label for s in Severity)


class Fix(NamedTuple):
    """Replace ``source[start:end]`` with ``replacement`` (0-based code points)."""

    start: int
    end: int
    replacement: str


class Finding(NamedTuple):
    """One problem, located in the source file.

    ``line``/``column`` are 1-based, ``end_line``/``end_column`` exclusive,
    all in Unicode code points; ``offset``/``length`` are 0-based code points
    into the decoded source; ``match`` is the source text at that span.
    """

    path: str
    rule_id: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    match: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # (line, column) of another span the message refers to (the first use
    # of a form, for consistency findings)
    related: tuple[int, int] | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, int]:
        return (self.path, self.line, self.column, self.rule_id, self.length)

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule_id,
            "level": self.severity.label,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "match": self.match,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
