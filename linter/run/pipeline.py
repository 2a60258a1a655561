"""One file through the whole pipeline: rules, suppression comments, changed lines, fixes."""

from __future__ import annotations

from dataclasses import dataclass

from linter.config.project import Project
from linter.engine import suppress
from linter.engine.fixes import apply, choose
from linter.engine.lint import lint_document
from linter.kinds.base import Exceptions
from linter.markup import make_document
from linter.model.document import Document
from linter.model.findings import Finding
from linter.run.changes import Repository, touching
from linter.run.files import MAX_BYTES

MAX_FIX_PASSES = 8


@dataclass(frozen=True)
class RunOptions:
    report_unused: bool = False
    # Report only findings on lines changed since a revision of this repository.
    changes: Repository | None = None
    # Larger files are refused before they are read.
    max_bytes: int = MAX_BYTES
    # The output format and colour, for workers that render each file's part of the output.
    render: tuple[str, bool] | None = None


def findings_for(doc: Document, project: Project, options: RunOptions,
                 vocab: Exceptions | None = None) -> list[Finding]:
    found = lint_document(doc, project.candidates(doc), vocab)
    found = suppress.apply(doc, found, project.rule_ids, options.report_unused)
    if options.changes is not None and doc.path != "-":
        found = touching(found, options.changes.changed_lines(doc.path))
    return found


def fixed_text(doc: Document, project: Project, vocab: Exceptions | None = None) -> tuple[str, int]:
    """The source with every safe fix applied (repeated until nothing changes), and the count.

    Suppression comments are honoured; changed-lines mode does not limit fixes.
    """
    source, applied = doc.source, 0
    for _ in range(MAX_FIX_PASSES):
        found = suppress.apply(doc, lint_document(doc, project.candidates(doc), vocab),
                               project.rule_ids)
        fixes = choose(found)
        if not fixes:
            break
        source = apply(source, fixes)
        applied += len(fixes)
        doc = make_document(doc.path, source, doc.fmt)
    return source, applied
