"""What a run found: each file's findings, the files that could not be read, the rules.

Plain data: reporters (``linter.report``) turn it into bytes.
"""

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from linter.model.document import Document
from linter.model.findings import Finding, Severity
from linter.model.rule import NOTHING, Rule


class FileResult(NamedTuple):
    """One file's findings, with the source lines they sit on (for excerpts and columns),
    and the whole source where a format shows the draft itself (``--format html``)."""

    path: str
    findings: tuple[Finding, ...]
    lines: Mapping[int, str] = NOTHING
    source: str | None = None

    @classmethod
    def of(cls, doc: Document, findings: Sequence[Finding], *, whole: bool = False) -> "FileResult":
        wanted = {n for f in findings for n in (f.line, f.end_line)}  # SARIF converts both columns
        return cls(doc.path, tuple(findings), {n: doc.line_text(n) for n in sorted(wanted)},
                   doc.source if whole else None)

    def tally(self) -> tuple[int, ...]:
        """How many findings of each severity (indexed by :class:`Severity`)."""
        counts = [0] * len(Severity)
        for finding in self.findings:
            counts[finding.severity] += 1
        return tuple(counts)


class Report(NamedTuple):
    """What one run found. ``rules`` are the enabled rules (SARIF and JUnit list them);
    ``fixed_examples`` each rule's fail examples as ``fix`` rewrites them (None: nothing to
    fix), for formats that document the rules."""

    files: tuple[FileResult, ...]
    errors: tuple[tuple[str, str], ...]
    rules: tuple[Rule, ...] = ()
    fixed_examples: Mapping[str, tuple[str | None, ...]] = NOTHING
